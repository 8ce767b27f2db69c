"""Read times of one report written in each office format (ingest only, no cache).

Seed 001 (text dump of a Word report) and 财政局's PDF are written, as the format tests write them
(tests/test_formats.py), as .docx (plain grid, with merged cells, with headings in Word's automatic numbering), .xlsx and .xls (figures as
numeric cells with number formats); each file is read REPEAT times and the median is printed in ms.
Run it with another checkout first on PYTHONPATH to compare readers.

Usage: python benchmarks/format_reads.py [REPEAT]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_formats import (  # noqa: E402  (the writers the tests use)
    _blocks,
    write_docx,
    write_xls_numbers,
    write_xlsx_numbers,
)

from generator.ingest import read_document  # noqa: E402

SOURCES = {
    "001": ROOT / "data" / "reports" / "001_7c4dfcc9575acdfa.txt",
    "财政局": ROOT / "data" / "reports" / "上海市普陀区财政局2024年度部门决算.pdf",
}


def main(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, source in SOURCES.items():
            blocks = _blocks(source)
            files = {
                "docx": lambda t, b=blocks: write_docx(t, b),
                "docx merged": lambda t, b=blocks: write_docx(t, b, merged=True),
                "docx numbered": lambda t, b=blocks: write_docx(t, b, numbered=True),
                "xlsx numbers": lambda t, b=blocks: write_xlsx_numbers(t, b),
                "xls numbers": lambda t, b=blocks: write_xls_numbers(t, b),
            }
            for label, write in files.items():
                target = Path(tmp) / f"{name}-{label.replace(' ', '-')}.{label.split()[0]}"
                write(target)
                read_document(target)  # warm-up
                times = []
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    read_document(target)
                    times.append(time.perf_counter() - t0)
                print(f"{name:6} {label:14} {statistics.median(times) * 1000:7.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
