"""The README a newcomer reads: short, and every relative link in it and in docs/ leads somewhere."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_the_readme_is_under_150_lines():
    assert len((ROOT / "README.md").read_text().splitlines()) < 150


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(doc):
    broken = []
    for target in LINK.findall(doc.read_text()):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        path = target.split("#", 1)[0]
        if not (doc.parent / path).exists():
            broken.append(target)
    assert broken == []


def test_the_link_check_finds_a_broken_link(tmp_path):
    doc = tmp_path / "x.md"
    doc.write_text("see [this](nowhere.md) and [that](https://example.org)")
    assert [t for t in LINK.findall(doc.read_text()) if not re.match(r"[a-z]+:", t)
            and not (tmp_path / t).exists()] == ["nowhere.md"]
