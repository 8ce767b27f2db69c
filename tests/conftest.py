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
