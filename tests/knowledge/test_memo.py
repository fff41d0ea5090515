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
