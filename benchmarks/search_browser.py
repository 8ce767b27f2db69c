"""Search in headless Chromium on a built site: time from navigation to the first results, and
the bytes the first query downloads (search code + index), for mkdocs-material's built-in search
(input.md-search__input, search/search_index.json) or Pagefind (input.jl-search__input, pagefind/).

Bytes are the served files' sizes on disk (what a host without compression sends) and their gzip
size (what GitHub Pages sends; Pagefind's chunks are already compressed). Median of REPEAT fresh
browser contexts (empty cache) per query.

Usage: python benchmarks/search_browser.py SITE_DIR [--repeat 3] [--query 三公经费 ...]
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM_ARGS, chromium_path, serve  # noqa: E402

SEARCH_FILES = ("/search/", "/workers/search", "/pagefind/", "/assets/search.js")


def _file_of(site: Path, url: str) -> Path | None:
    path = unquote(urlparse(url).path).lstrip("/")
    f = site / path
    if f.is_dir() or path.endswith("/") or not path:
        f = f / "index.html"
    return f if f.is_file() else None


def one_query(browser: object, site: Path, base: str, query: str) -> dict[str, object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")  # type: ignore[attr-defined]
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    try:
        t0 = time.perf_counter()
        page.goto(base, wait_until="domcontentloaded")
        if page.locator("input.jl-search__input").count():
            box, result = "input.jl-search__input", "li.jl-search__item a"
        else:
            box, result = "input.md-search__input", "li.md-search-result__item a"
        page.locator(box).click()
        page.locator(box).fill(query)
        page.locator(box).press("End")  # mkdocs-material reads the query on keyup
        page.wait_for_selector(result, timeout=60000)
        elapsed = time.perf_counter() - t0
        hits = page.locator(result).count()
    finally:
        context.close()
    files = [f for u in urls if any(s in u for s in SEARCH_FILES) for f in [_file_of(site, u)] if f]
    raw = sum(f.stat().st_size for f in files)
    gz = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    return {"seconds": elapsed, "raw": raw, "gzip": gz, "requests": len(files), "hits": hits}


def measure(site: Path, queries: list[str], repeat: int) -> dict[str, dict[str, float]]:
    from playwright.sync_api import sync_playwright

    out: dict[str, dict[str, float]] = {}
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            for q in queries:
                runs = [one_query(browser, site, base, q) for _ in range(repeat)]
                out[q] = {
                    "first_results_s": round(statistics.median(float(r["seconds"]) for r in runs), 2),  # type: ignore[arg-type]
                    "search_kb": round(statistics.median(int(r["raw"]) for r in runs) / 1024, 1),  # type: ignore[call-overload]
                    "search_kb_gzip": round(statistics.median(int(r["gzip"]) for r in runs) / 1024, 1),  # type: ignore[call-overload]
                    "requests": statistics.median(int(r["requests"]) for r in runs),  # type: ignore[call-overload]
                    "hits": runs[0]["hits"],  # type: ignore[dict-item]
                }
        finally:
            browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--query", action="append", dest="queries")
    args = ap.parse_args()
    queries = args.queries or ["三公经费", "公务接待费", "上海市普陀区财政局"]
    print(json.dumps(measure(args.site.resolve(), queries, args.repeat), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
