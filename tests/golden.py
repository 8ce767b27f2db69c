"""Load the hand-read expected metrics (tests/expected/metrics/*.json) for the test suite."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "expected" / "metrics"
REPORTS = ROOT / "data" / "reports"


def load() -> list[dict]:
    out = []
    for path in sorted(EXPECTED.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["path"] = REPORTS / data["file"]
        out.append(data)
    return out


def expected_value(v: object) -> Decimal | None:
    return None if v is None else Decimal(str(v))
