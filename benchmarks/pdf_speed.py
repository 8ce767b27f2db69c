"""Extraction cost per PDF page: our reader on both engines against bare pdfplumber text + tables.

Bare = pdfplumber.open → for each page: extract_text() + extract_tables(). Ours =
generator.ingest.read_document (tables, words grouped into lines, normalisation, assembly), once
with the pdfplumber engine (the reference, the reader before issue #6) and once with the PDFium
engine (the default). Prints medians over REPEAT runs per file (at least 3).
Usage: python benchmarks/pdf_speed.py [REPEAT]
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from generator.ingest import read_document
from generator.ingest.pdf import ENGINE_ENV

ROOT = Path(__file__).resolve().parent.parent


def bare(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.flush_cache()
        return len(pdf.pages)


def with_engine(engine: str) -> Callable[[Path], object]:
    def run(path: Path) -> object:
        os.environ[ENGINE_ENV] = engine
        try:
            return read_document(path)
        finally:
            del os.environ[ENGINE_ENV]

    return run


def timed(fn: Callable[[Path], object], path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    repeat = max(3, int(sys.argv[1]) if len(sys.argv) > 1 else 3)
    rows = []
    for path in sorted((ROOT / "data" / "reports").glob("*.pdf")):
        pages = bare(path)
        with_engine("pdfium")(path)  # warm up imports and the library
        b = timed(bare, path, repeat)
        p = timed(with_engine("pdfplumber"), path, repeat)
        f = timed(with_engine("pdfium"), path, repeat)
        rows.append((path.name, pages, b / pages * 1000, p / pages * 1000, f / pages * 1000))
    print(f"medians of {repeat} runs, ms per page")
    print(f"{'file':<48} pages  bare pdfplumber  ours/pdfplumber  ours/pdfium  speed-up vs bare / vs ours")
    for name, pages, b, p, f in rows:
        print(
            f"{name[:46]:<48} {pages:>5}  {b:>15.1f}  {p:>15.1f}  {f:>11.1f}  {b / f:>8.1f}× / {p / f:.1f}×"
        )
    n = sum(r[1] for r in rows)
    b, p, f = (sum(r[i] * r[1] for r in rows) / n for i in (2, 3, 4))
    print(
        f"{'all (page-weighted)':<48} {n:>5}  {b:>15.1f}  {p:>15.1f}  {f:>11.1f}  {b / f:>8.1f}× / {p / f:.1f}×"
    )


if __name__ == "__main__":
    main()
