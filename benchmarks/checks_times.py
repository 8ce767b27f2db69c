"""Per report: the time run_checks takes (the Report extracted once, outside the timing).

Medians of REPEAT runs per report, after one warm-up run over all reports (imports, the rule
catalogue). Prints one line per report and the median over reports, in milliseconds; run it on two
checkouts (e.g. a git worktree of the commit before) to compare.

Usage: python benchmarks/checks_times.py [REPEAT] [--rule ID] [FILE ...]   (default: data/reports/ and the
测试问题版本 fixture; --rule times that one rule of the catalogue alone, to two decimals)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from generator.checks import CATALOGUE, run_checks
from generator.extract import extract
from generator.ingest import read_document
from generator.pipeline import read_meta

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    rule = None
    if "--rule" in argv:
        at = argv.index("--rule")
        rule, argv = argv[at + 1], argv[:at] + argv[at + 2 :]
    repeat = int(argv[0]) if argv and argv[0].isdigit() else 5
    files = [Path(a) for a in argv if not a.isdigit()] or [
        *sorted(p for p in (ROOT / "data" / "reports").iterdir() if not p.name.endswith(".meta.yaml")),
        *sorted((ROOT / "tests" / "fixtures").glob("24年*.pdf")),
    ]
    reports = [(p.name, extract(read_document(p), read_meta(p))) for p in files]
    for _, r in reports:
        run_checks(r)

    def run(r):  # type: ignore[no-untyped-def]
        return run_checks(r) if rule is None else list(CATALOGUE[rule].fn(r))

    places = 1 if rule is None else 2
    per_report = []
    for name, r in reports:
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            found = run(r)
            times.append(time.perf_counter() - t0)
        ms = statistics.median(times) * 1000
        per_report.append(ms)
        print(f"{ms:8.{places}f} ms  {len(found):3d} findings  {name}")
    print(f"{statistics.median(per_report):8.{places}f} ms  median over {len(reports)} reports")


if __name__ == "__main__":
    main(sys.argv[1:])
