"""The garbage collector in a server that keeps a large heap.

The process keeps the knowledge, its texts and figures, and the libraries' objects for as long as it runs: about
190,000 objects that never become garbage. Python's cyclic collector walked them on every full pass, and its young
passes ran every 700 new objects while a session makes about ten thousand; measured with the collector disabled in a
test run, that was a fifth of a new session's server CPU (landing page 6.5 -> 5.0 ms per session, overview 9.5 -> 7.9).

`settle()`, called once when the knowledge has loaded, collects what is garbage at that moment, then moves every
object still alive into the permanent generation (gc.freeze), which no pass walks again, and lets the young generation
grow to 10,000 objects before a pass (most of a session's objects are freed by reference counting before then).
Objects made later are collected as before. A frozen object is still freed by reference counting when nothing refers
to it; only a frozen reference cycle would stay, which is why settle is meant for what lives as long as the process
and is never called per session. Memory per open session is measured by `python -m dashboard bench`.
"""
from __future__ import annotations

import gc
import threading

YOUNG = 10_000  # new objects before a young pass (Python's default: 700)
_lock = threading.Lock()


def settle() -> None:
    with _lock:
        gc.collect()
        gc.freeze()
        gc.set_threshold(YOUNG, *gc.get_threshold()[1:])
