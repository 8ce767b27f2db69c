"""Property-based fuzzing of ingest → extract → checks (issue #7).

Real documents (data/reports/*.txt, *.pdf) with random byte flips, truncations and insertions,
and plain random bytes, go through ``load_report(path, cache=None)``. The only allowed outcomes
are a clean ``ReportError`` (one line, no newline) or a valid report: its JSON serialises, its id
cannot leave the output tree, and every metric quote is a substring of the document's text.

CI runs a bounded, derandomized number of examples (the same ones on every run). A longer run:

    FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/test_fuzz.py -q

OCR is switched off here: a mutated font stream can make every page "garbled", and recognising
24 pages per example would turn a fuzz run into an OCR benchmark (OCR sees only rendered pixels).
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import ReportError
from generator.pipeline import REPORT_ID, load_report
from generator.serialize import report_json

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "data" / "reports"
TEXTS = sorted(REPORTS.glob("*.txt"))
# The small PDF: parsing the 3.7 MB one costs ~5 s per example.
PDFS = [REPORTS / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"]
SEEDS = {p: p.read_bytes() for p in TEXTS + PDFS}

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "0"))
# One example may take this long; a hang beyond it is a bug to fix, not a slow input.
PER_EXAMPLE_SECONDS = 120


def fuzz_settings(default: int) -> settings:
    return settings(
        max_examples=EXAMPLES or default,
        derandomize=not EXAMPLES,  # fixed examples in CI; a fresh random run on demand
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@st.composite
def mutated(draw: st.DrawFn, seeds: list[Path]) -> tuple[str, bytes]:
    """(file suffix, bytes): a real document with a few random edits."""
    path = draw(st.sampled_from(seeds))
    data = bytearray(SEEDS[path])
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "splice"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 4096))]
        else:  # a run of bytes copied from elsewhere in the file (duplicated objects, rows)
            src = draw(st.integers(0, len(data) - 1))
            data[at:at] = data[src : src + draw(st.integers(1, 2048))]
    return path.suffix, bytes(data)


@contextmanager
def time_limit(seconds: int):
    def expire(signum, frame):  # noqa: ARG001
        raise TimeoutError(f"one example took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def check_outcome(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzzed{suffix}"
        path.write_bytes(data)
        with time_limit(PER_EXAMPLE_SECONDS), mock.patch("generator.ingest.ocr.available", lambda: False):
            try:
                report = load_report(path, cache=None)
            except ReportError as exc:
                assert exc.reason and "\n" not in exc.reason and "Traceback" not in exc.reason
                return
        data_json = report_json(report)
        json.dumps(data_json, ensure_ascii=False, allow_nan=False)
        assert REPORT_ID.match(report.id), report.id
        assert report.document is not None
        text = report.document.text
        for key, value in report.metrics.items():
            if value is not None:
                assert value.quote.quote in text, (key, value.quote.quote)
        for finding in report.findings:
            for quote in finding.evidence:
                assert quote.quote in text, (finding.rule, quote.quote)


@fuzz_settings(default=40)
@given(mutated(TEXTS))
def test_mutated_text_reports(case: tuple[str, bytes]) -> None:
    check_outcome(*case)


@fuzz_settings(default=15)
@given(mutated(PDFS))
def test_mutated_pdf_reports(case: tuple[str, bytes]) -> None:
    check_outcome(*case)


@fuzz_settings(default=40)
@given(st.sampled_from([".txt", ".pdf", ".docx", ".xlsx", ".xls", ".md", ".html"]), st.binary(max_size=8192))
def test_random_bytes(suffix: str, data: bytes) -> None:
    check_outcome(suffix, data)


@fuzz_settings(default=20)
@given(st.sampled_from([".pdf", ".docx", ".xlsx"]), st.binary(max_size=2048))
def test_random_bytes_behind_a_real_header(suffix: str, tail: bytes) -> None:
    """Random content after the magic bytes, so the format's parser (not the sniffing) sees it."""
    head = {".pdf": b"%PDF-1.7\n", ".docx": b"PK\x03\x04", ".xlsx": b"PK\x03\x04"}[suffix]
    check_outcome(suffix, head + tail)


@pytest.mark.parametrize("cut", [0.05, 0.5, 0.9, 0.99])
def test_truncated_pdf_prefixes(cut: float) -> None:
    data = SEEDS[PDFS[0]]
    check_outcome(".pdf", data[: int(len(data) * cut)])
