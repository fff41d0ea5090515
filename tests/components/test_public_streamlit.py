"""The app draws with Streamlit's public API only: no module of the app imports Streamlit's machinery
(streamlit.runtime, streamlit.proto, delta generators, ...), so a Streamlit upgrade is an upgrade, not a port.
dashboard/bench.py is the one exception: its load client speaks Streamlit's websocket protocol (its proto messages)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = {"streamlit", "streamlit.components.v1", "streamlit.testing.v1"}
EXCEPTION = ROOT / "dashboard" / "bench.py"


def private_imports(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
        found += [n for n in names if (n == "streamlit" or n.startswith("streamlit.")) and n not in PUBLIC]
    return found


APP_FILES = sorted(p for folder in ("components", "dashboard") for p in (ROOT / folder).rglob("*.py") if p != EXCEPTION)


@pytest.mark.parametrize("path", APP_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_of_the_app_imports_streamlit_internals(path):
    assert private_imports(path.read_text()) == []


def test_the_check_finds_a_private_import():
    assert private_imports("import streamlit as st\nfrom streamlit.runtime.scriptrunner import get_script_run_ctx\n"
                           "import streamlit.proto.ForwardMsg_pb2\n") == ["streamlit.runtime.scriptrunner",
                                                                         "streamlit.proto.ForwardMsg_pb2"]
