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
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import make  # noqa: E402

LOG: list[str] = []  # the builds' stderr (stage timings, parsed vs cached), printed with --verbose


def run(cmd: list[str], cwd: Path) -> float:
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env={**os.environ, "CI": "true"})
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{proc.stderr[-3000:]}")
    LOG.append(f"$ {' '.join(cmd[1:])}  [{elapsed:.1f}s]\n{proc.stderr}")
    return elapsed


def parsed_count() -> int | None:
    """Documents the last build parsed (not taken from the cache), from its stderr."""
    m = re.search(r"parsed (\d+), from cache (\d+)", LOG[-1])
    return int(m.group(1)) if m else None


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def layout(work: Path, n: int) -> Path:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    from generator.render import SECTIONS

    # hand-written pages only: the generated sections are written by the build
    shutil.copytree(
        ROOT / "content",
        work / "content",
        ignore=lambda d, names: [n for n in names if Path(d) == ROOT / "content" and n in SECTIONS],
    )
    # mkdocs.yml's paths into generator/ (theme, jieba dictionary) are relative to the file
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (work / "mkdocs.yml").write_text(config.replace(" generator/", f" {ROOT}/generator/"), encoding="utf-8")
    if (ROOT / "data" / "agencies.yaml").exists():
        (work / "data").mkdir(exist_ok=True)
        shutil.copy(ROOT / "data" / "agencies.yaml", work / "data" / "agencies.yaml")
    make(n, work / "data" / "reports")
    return work


def measure(n: int, repeat: int, browser: bool = True) -> dict[str, object]:
    work = layout(ROOT / "benchmarks" / "work" / str(n), n)
    gen = [sys.executable, "-m", "generator", "build"]
    cold = run(gen, work)
    cold_parsed = parsed_count()
    warm = statistics.median(run(gen, work) for _ in range(repeat))
    warm_parsed = parsed_count()
    bare = statistics.median(
        run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site-bare"], work) for _ in range(repeat)
    )
    # a text report (number i % 8 < 5) past the corpus: an agency no other report has
    extra = make(1, work / "extra", start=next(i for i in range(n, n + 8) if i % 8 < 5))[0]
    shutil.move(str(extra), work / "data" / "reports" / ("zz-new-report" + extra.suffix))
    one_new = run(gen, work)
    one_new_parsed = parsed_count()
    site = work / "site"
    pages = [p for p in (site / "reports").rglob("index.html")] if (site / "reports").exists() else []
    report_pages = [p for p in pages if len(p.relative_to(site / "reports").parts) == 3]
    search = site / "search" / "search_index.json"
    pagefind = site / "pagefind"
    result: dict[str, object] = {
        "n": n,
        "cold_build_s": round(cold, 1),
        "warm_rebuild_s": round(warm, 1),
        "bare_mkdocs_s": round(bare, 1),
        "warm_over_bare": round(warm / bare, 2),
        "one_new_report_s": round(one_new, 1),
        "parsed_cold_warm_one_new": [cold_parsed, warm_parsed, one_new_parsed],
        "site_mb": round(dir_bytes(site) / 2**20, 1),
        "report_page_html_kb_median": round(
            statistics.median(p.stat().st_size for p in report_pages) / 1024, 1
        )
        if report_pages
        else None,
        "report_pages": len(report_pages),
        "search_index_kb": round(search.stat().st_size / 1024, 1) if search.exists() else None,
        "pagefind_bundle_mb": round(dir_bytes(pagefind) / 2**20, 1) if pagefind.exists() else None,
        "report_html_kb_at_n": _report_pages_kb(report_pages),
    }
    if browser:
        from search_browser import measure as search_measure

        result["search_browser"] = search_measure(site, ["三公经费", _agency_query(site)], 3)
    return result


def _report_pages_kb(pages: list[Path]) -> dict[str, float]:
    """Median HTML size of report pages by format (PDF-based pages are bigger), to compare across N."""
    return (
        {
            "min": round(min(p.stat().st_size for p in pages) / 1024, 1),
            "max": round(max(p.stat().st_size for p in pages) / 1024, 1),
        }
        if pages
        else {}
    )


def _agency_query(site: Path) -> str:
    """An agency name that exists at every N: the first report page's h1 without the year."""
    first = sorted((site / "reports").glob("*/*/index.html"))[0].read_text(encoding="utf-8")
    m = re.search(r"<h1[^>]*>([^<\d]+)", first)
    return m.group(1).strip() if m else "三公经费"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[100])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-browser", action="store_true", help="skip the Chromium search measurement")
    ap.add_argument("--verbose", action="store_true", help="print the builds' stderr too")
    args = ap.parse_args()
    results = [measure(n, args.repeat, not args.no_browser) for n in args.sizes]
    if args.verbose:
        print("\n".join(LOG), file=sys.stderr)
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
