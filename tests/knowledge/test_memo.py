"""Knowledge.memo: derived texts and tables built once per knowledge and key, shared by every session."""
from __future__ import annotations


def test_memo_builds_once_per_key(minimal):
    built = []

    def build(value):
        built.append(value)
        return f"text {value}"

    assert minimal.memo(("test", "a"), lambda: build("a")) == "text a"
    assert minimal.memo(("test", "a"), lambda: build("again")) == "text a"
    assert minimal.memo(("test", "b"), lambda: build("b")) == "text b"
    assert built == ["a", "b"]


def test_memo_does_not_change_what_the_knowledge_equals(minimal):
    from dataclasses import replace

    copy = replace(minimal)
    minimal.memo(("test", "c"), lambda: "c")
    assert copy == minimal


def test_per_knowledge_builds_once_per_arguments_and_per_knowledge(minimal):
    from dataclasses import replace

    from dashboard.knowledge import per_knowledge

    built = []

    @per_knowledge
    def text(knowledge, treatments, view):
        built.append((treatments, view))
        return f"{len(knowledge.treatments)} {treatments} {view}"

    assert text(minimal, ("a", "b"), "patient") == text(minimal, ("a", "b"), "patient")
    text(minimal, ("a", "b"), "clinician")
    other = replace(minimal)  # another knowledge (a reload) builds its own
    text(other, ("a", "b"), "patient")
    assert built == [(("a", "b"), "patient"), (("a", "b"), "clinician"), (("a", "b"), "patient")]


def test_recent_keeps_only_the_most_recently_used(minimal, monkeypatch):
    from dataclasses import replace

    from dashboard.knowledge import knowledge as module

    monkeypatch.setattr(module, "RECENT", 2)
    fresh = replace(minimal)
    built = []
    for key in ("a", "b", "a", "c", "a", "b"):  # "b" is the least recently used when "c" arrives, so it is built again
        fresh.recent((key,), lambda key=key: built.append(key) or key)
    assert built == ["a", "b", "c", "b"]
    assert len(fresh._recent) == 2
