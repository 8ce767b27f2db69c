"""Benchmarks for issue 6: build times, site size and search bytes at N synthetic reports.

For each N it lays out a scratch copy of the project (content/, mkdocs.yml) in
benchmarks/work/N/, fills its data/reports/ with benchmarks/make_corpus.py, and measures:

- cold build: empty extraction cache, `python -m generator build`
- warm rebuild: nothing changed (cache hits for every document)
- one new report: one more file in data/reports/ (only it is parsed)
- bare static-site build: `mkdocs build` on the already generated Markdown
- site size, HTML bytes per report page (median), search index bytes

Usage: python benchmarks/run.py 100 1000  (medians of --repeat runs for the warm numbers)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import make  # noqa: E402


def run(cmd: list[str], cwd: Path) -> float:
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env={**os.environ, "CI": "true"})
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{proc.stderr[-3000:]}")
    return elapsed


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def layout(work: Path, n: int) -> Path:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    shutil.copytree(ROOT / "content", work / "content", ignore=shutil.ignore_patterns("generated", "reports", "agencies"))
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    if (ROOT / "data" / "agencies.yaml").exists():
        (work / "data").mkdir(exist_ok=True)
        shutil.copy(ROOT / "data" / "agencies.yaml", work / "data" / "agencies.yaml")
    make(n, work / "data" / "reports")
    return work


def measure(n: int, repeat: int) -> dict[str, object]:
    work = layout(ROOT / "benchmarks" / "work" / str(n), n)
    gen = [sys.executable, "-m", "generator", "build"]
    cold = run(gen, work)
    warm = statistics.median(run(gen, work) for _ in range(repeat))
    bare = statistics.median(run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site-bare"], work) for _ in range(repeat))
    extra = make(1, work / "extra")[0]
    shutil.move(str(extra), work / "data" / "reports" / "zz-new-report.txt")
    one_new = run(gen, work)
    site = work / "site"
    pages = [p for p in (site / "reports").rglob("index.html")] if (site / "reports").exists() else []
    report_pages = [p for p in pages if len(p.relative_to(site / "reports").parts) == 3]
    search = site / "search" / "search_index.json"
    return {
        "n": n,
        "cold_build_s": round(cold, 1),
        "warm_rebuild_s": round(warm, 1),
        "bare_mkdocs_s": round(bare, 1),
        "warm_over_bare": round(warm / bare, 2),
        "one_new_report_s": round(one_new, 1),
        "site_mb": round(dir_bytes(site) / 2**20, 1),
        "report_page_html_kb_median": round(statistics.median(p.stat().st_size for p in report_pages) / 1024, 1) if report_pages else None,
        "report_pages": len(report_pages),
        "search_index_kb": round(search.stat().st_size / 1024, 1) if search.exists() else None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[100])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    results = [measure(n, args.repeat) for n in args.sizes]
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
