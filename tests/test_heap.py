"""Long-lived objects are frozen out of the collector's passes once the knowledge has loaded; garbage is not."""
from __future__ import annotations

import gc
import shutil
import threading
from pathlib import Path

from components.frame import knowledge_store
from dashboard import heap


def test_settle_collects_garbage_then_freezes_what_lives():
    before = gc.get_threshold()
    try:
        class Node:
            pass

        kept, cycle = Node(), Node()
        cycle.me = cycle  # garbage that only the collector can free
        collected = []
        gc.callbacks.append(lambda phase, info: phase == "stop" and collected.append(info["collected"]))
        del cycle
        heap.settle()
        gc.callbacks.pop()
        assert collected and collected[0] >= 1  # the cycle went before the freeze
        assert gc.get_freeze_count() > 0 and gc.get_threshold()[0] == heap.YOUNG
        assert any(obj is kept for obj in gc.get_objects()) is False  # frozen: out of the collector's generations
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_a_surge_settles_the_heap_once_per_knowledge_load(tmp_path, monkeypatch):
    shutil.copytree(Path(__file__).resolve().parent / "knowledge" / "minimal", tmp_path / "data")
    settled = []
    monkeypatch.setattr(heap, "settle", lambda: settled.append(1))
    folder = str(tmp_path / "data")
    sessions = [threading.Thread(target=knowledge_store.load, args=(folder,)) for _ in range(20)]
    for session in sessions:
        session.start()
    for session in sessions:
        session.join()
    assert len(settled) == 1 and knowledge_store.load(folder) is knowledge_store._served[folder]
