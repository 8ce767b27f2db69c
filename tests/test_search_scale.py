"""Search that scales with the number of reports (issue 6): Pagefind's chunked index instead of
mkdocs-material's single search_index.json.

The site is built once from the real reports plus synthetic text copies (benchmarks/make_corpus.py,
text formats only, so it stays quick). Checked: no monolithic index is written; Pagefind's bundle
is there, for Chinese; statutory tables, quotes and permalink marks are not indexed; in Chromium
the first query downloads only a part of the index, finds report pages, and a result opens by
instant navigation (no page reload). The numbers at 1,000 reports are in benchmarks/README.md.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from browser import browser, build_site, serve  # noqa: E402

SYNTHETIC = 24


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    from make_corpus import make

    tmp = tmp_path_factory.mktemp("search")
    reports = tmp / "reports"
    make(SYNTHETIC, reports)
    for p in list(reports.iterdir()):
        if p.suffix not in (".txt", ".md"):
            p.unlink()
    for p in (ROOT / "data" / "reports").iterdir():
        shutil.copyfile(p, reports / p.name)
    with serve(tmp / "site") as url:
        yield build_site(tmp, reports, cache=tmp / "cache", url=url), url


@pytest.fixture(scope="module")
def site(served: tuple[Path, str]) -> Path:
    return served[0]


def fragments(site: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    out = {}
    for f in (site / "pagefind" / "fragment").iterdir():
        raw = gzip.decompress(f.read_bytes())
        assert raw.startswith(b"pagefind_dcd")
        data = json.loads(raw[len(b"pagefind_dcd") :])
        out[data["url"]] = data
    return out


def test_no_monolithic_index_and_a_chinese_pagefind_bundle(site: Path) -> None:
    assert not (site / "search" / "search_index.json").exists()
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["zh"]
    report_pages = list((site / "reports").glob("*/*/index.html"))
    assert entry["languages"]["zh"]["page_count"] >= len(report_pages) >= SYNTHETIC * 5 // 8
    assert "assets/search.js" in (site / "index.html").read_text(encoding="utf-8")


def test_index_holds_what_people_search_for_not_tables_or_quotes(site: Path) -> None:
    frags = fragments(site)
    reports = {u: d for u, d in frags.items() if u.count("/") == 4 and u.startswith("/reports/")}
    assert len(reports) >= SYNTHETIC * 5 // 8
    page = next(iter(reports.values()))
    text = page["content"].replace("\u200b", "")
    assert "关键数字" in text and "核对发现的问题" in text
    # the statutory tables section is excluded (data-search-exclude): its heading, and its tables'
    # headers ("法定报表" alone can still occur in a finding, e.g. completeness.missing_table's formula)
    with_tables = 0
    for url, data in reports.items():
        html_page = (site / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
        content = data["content"].replace("\u200b", "")
        assert not re.search(r"(?:^|[.。]\s*)法定报表[.。]", content), ("the tables heading is indexed", url)
        summaries = re.findall(r"<summary>(公开0\d表[^<]*（第 \d+ 页）)</summary>", html_page)
        if summaries:
            with_tables += 1
            assert not any(x in content for x in summaries), ("statutory tables are indexed", url)
            # on a page with its statutory tables, what is indexed is a small part of the page; a page
            # without tables (002's text export) is mostly its findings, which are what people search for
            assert len(content.encode()) < len(html_page.encode()) / 5, url
    assert with_tables >= 3
    assert "SHA-256" not in text and "¶" not in text


@pytest.mark.browser
def test_first_query_downloads_part_of_the_index(site: Path) -> None:
    from search_browser import measure

    index_kb = sum(f.stat().st_size for f in (site / "pagefind" / "index").iterdir()) / 1024
    frags_kb = sum(f.stat().st_size for f in (site / "pagefind" / "fragment").iterdir()) / 1024
    result = measure(site, ["三公经费"], repeat=1)["三公经费"]
    assert result["hits"] >= 5
    search_code_kb = 48 + 44 + 70  # pagefind.js, its worker, the wasm (and assets/search.js)
    assert result["search_kb"] < search_code_kb + 0.6 * (index_kb + frags_kb), (result, index_kb, frags_kb)
    assert result["search_kb"] < 1.5 * 1024


@pytest.mark.browser
def test_result_opens_by_instant_navigation(served: tuple[Path, str]) -> None:
    _, base = served
    with browser() as b:
        page = b.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN").new_page()  # type: ignore[attr-defined]
        page.goto(base + "reports/")
        page.wait_for_load_state("networkidle")
        page.evaluate("window.__marker = 1")
        page.locator("a.md-tabs__link").first.click()  # instant navigation first: the box must survive it
        page.wait_for_function("location.pathname.split('/').filter(Boolean).length === 0")
        box = page.locator("input.jl-search__input")
        assert box.count() == 1
        box.fill("上海市普陀区财政局")
        page.wait_for_selector("li.jl-search__item a", timeout=15000)
        hrefs = page.locator("li.jl-search__item a").evaluate_all("els => els.map(e => e.href)")
        assert any("/reports/2024/shang-hai-shi-pu-tuo-qu-cai-zheng-ju/" in h for h in hrefs[:5]), hrefs
        page.locator(
            "li.jl-search__item a[href*='/reports/2024/shang-hai-shi-pu-tuo-qu-cai-zheng-ju/']"
        ).first.click()
        page.wait_for_url("**/reports/2024/shang-hai-shi-pu-tuo-qu-cai-zheng-ju/")
        assert page.evaluate("window.__marker") == 1, "the result reloaded the page"
        assert not page.locator(".jl-search--open").count()
