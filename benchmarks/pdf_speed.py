"""Extraction cost per PDF page: our reader against bare pdfplumber text + tables.

Bare = pdfplumber.open → for each page: extract_text() + extract_tables(). Ours =
generator.ingest.read_document (tables, words grouped into lines, normalisation, assembly).
Prints medians over REPEAT runs per file. Usage: python benchmarks/pdf_speed.py [REPEAT]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import pdfplumber

from generator.ingest import read_document

ROOT = Path(__file__).resolve().parent.parent


def bare(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.flush_cache()
        return len(pdf.pages)


def timed(fn, path: Path, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    rows = []
    for path in sorted((ROOT / "data" / "reports").glob("*.pdf")):
        pages = bare(path)
        b = timed(bare, path, repeat)
        o = timed(read_document, path, repeat)
        rows.append((path.name, pages, b / pages * 1000, o / pages * 1000, o / b))
    print(f"{'file':<48} pages  bare ms/page  ours ms/page  ratio")
    for name, pages, b, o, r in rows:
        print(f"{name[:46]:<48} {pages:>5}  {b:>12.1f}  {o:>12.1f}  {r:>5.2f}")
    total_b = sum(r[2] * r[1] for r in rows)
    total_o = sum(r[3] * r[1] for r in rows)
    print(f"all: ratio of totals {total_o / total_b:.2f}")


if __name__ == "__main__":
    main()
