"""Per report: canonical metrics extracted and extraction time (ingest + extract, no cache).

Medians of REPEAT runs. Usage: python benchmarks/extract_times.py [REPEAT]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from generator.extract import extract
from generator.ingest import read_document

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print(f"{'report':<52} {'metrics':>7} {'ingest s':>9} {'extract s':>9}")
    for path in sorted((ROOT / "data" / "reports").iterdir()):
        if path.name.endswith(".meta.yaml"):
            continue
        ingest_t, extract_t = [], []
        for _ in range(repeat):
            t0 = time.perf_counter()
            doc = read_document(path)
            t1 = time.perf_counter()
            report = extract(doc)
            t2 = time.perf_counter()
            ingest_t.append(t1 - t0)
            extract_t.append(t2 - t1)
        stated = sum(1 for v in report.metrics.values() if v is not None)
        print(f"{path.name[:50]:<52} {stated:>4}/31 {statistics.median(ingest_t):>9.3f} {statistics.median(extract_t):>9.3f}")


if __name__ == "__main__":
    main()
