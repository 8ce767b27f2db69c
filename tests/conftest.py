from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from golden import load  # noqa: E402

from generator.extract import extract  # noqa: E402
from generator.ingest import read_document  # noqa: E402

GOLDEN = load()


@pytest.fixture(scope="session")
def reports() -> dict[str, object]:
    """Every report in data/reports/, extracted once per test session, by file name."""
    return {g["file"]: extract(read_document(g["path"])) for g in GOLDEN}


def report_of(*paragraphs: str):
    """A Report over a one-page text Document of these paragraphs, for a rule's edge cases that no
    real report shows in one place (synthetic, and said so where used)."""
    from generator.model import Block, Document, Report

    doc = Document("t.txt", "0", "txt", 1, [Block(p, 1) for p in paragraphs], [])
    return Report(
        id="t-2024", source={}, agency="测试单位", year=2024, scope="unit", region={}, metrics={},
        functional_classes=[], tables={}, yoy_claims=[], document=doc,
    )  # fmt: skip
