"""Per report: canonical metrics extracted and extraction time (ingest + extract, no cache).

Medians of REPEAT runs, after one warm-up extraction (imports, the region table), each run
with parse_amount's cache emptied (as if the report were new to the process). With
``--synthetic DIR`` (e.g. benchmarks/work/100/data/reports) it times the .txt and .docx reports
of DIR instead and prints the medians per format.

Usage: python benchmarks/extract_times.py [REPEAT] [--synthetic DIR]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from generator.extract import extract
from generator.ingest import read_document
from generator.normalize import parse_amount
from generator.pipeline import read_meta

ROOT = Path(__file__).resolve().parent.parent


def timed(path: Path, repeat: int) -> tuple[float, float, int]:
    ingest_t, extract_t = [], []
    stated = 0
    for _ in range(repeat):
        # no help from the run before: a worker meets each report once (parse_amount's cache)
        getattr(parse_amount, "cache_clear", lambda: None)()
        t0 = time.perf_counter()
        doc = read_document(path)
        t1 = time.perf_counter()
        report = extract(doc, read_meta(path))
        t2 = time.perf_counter()
        ingest_t.append(t1 - t0)
        extract_t.append(t2 - t1)
        stated = sum(1 for v in report.metrics.values() if v is not None)
    return statistics.median(ingest_t), statistics.median(extract_t), stated


def main() -> None:
    args = sys.argv[1:]
    synthetic = None
    if "--synthetic" in args:
        i = args.index("--synthetic")
        synthetic = Path(args[i + 1])
        del args[i : i + 2]
    repeat = int(args[0]) if args else 5
    if synthetic is None:
        paths = [
            p for p in sorted((ROOT / "data" / "reports").iterdir()) if not p.name.endswith(".meta.yaml")
        ]
    else:
        paths = sorted(p for p in synthetic.iterdir() if p.suffix in (".txt", ".docx"))
    t0 = time.perf_counter()
    extract(read_document(paths[0]), read_meta(paths[0]))  # warm-up: imports, region table
    print(f"warm-up (first report, ingest + extract): {time.perf_counter() - t0:.3f} s")
    by_format: dict[str, list[tuple[float, float]]] = {}
    print(f"{'report':<52} {'metrics':>7} {'ingest s':>9} {'extract s':>9}")
    for path in paths:
        ingest, ext, stated = timed(path, repeat)
        by_format.setdefault(path.suffix, []).append((ingest, ext))
        if synthetic is None:
            print(f"{path.name[:50]:<52} {stated:>4}/31 {ingest:>9.3f} {ext:>9.3f}")
    for fmt, times in sorted(by_format.items()):
        ingest = statistics.median(t[0] for t in times)
        ext = statistics.median(t[1] for t in times)
        both = statistics.median(t[0] + t[1] for t in times)
        total = sum(t[0] + t[1] for t in times)
        print(
            f"{fmt:<6} n={len(times):<4} median ingest {ingest:.3f} s, extract {ext:.3f} s, "
            f"both {both:.3f} s; sum {total:.2f} s"
        )


if __name__ == "__main__":
    main()
