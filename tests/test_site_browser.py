"""The built site in headless Chromium: pages load cleanly, charts draw (direct load and after
instant navigation), Chinese search finds terms and agencies, finding anchors scroll, and a
375-px phone viewport has no horizontal scrolling. Screenshots go to tests/artifacts/.

The site is built once per session (from data/reports/ into a temporary folder).
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Console, browser, build_site, screenshot, serve

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
REPORT = "reports/2024/shang-hai-shi-pu-tuo-qu-cai-zheng-ju/"
PUBLISHED = ROOT / "tests" / "fixtures" / "published-9d4646a"
AGENCY = "上海市普陀区财政局"


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The server starts first, so that the site is built for its address (site_url). Built as the
    successor of 9d4646a's publication (tests/test_history.py): 003's f-b657b4 anchors on f-f2b9b7."""
    tmp = tmp_path_factory.mktemp("site")
    with serve(tmp / "site") as url:
        yield build_site(tmp, ROOT / "data" / "reports", url=url, previous=PUBLISHED), url


@pytest.fixture(scope="session")
def site(served: tuple[Path, str]) -> Path:
    return served[0]


@pytest.fixture(scope="session")
def base(served: tuple[Path, str]) -> str:
    return served[1]


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    with browser() as b:
        yield b


@pytest.fixture
def page(chromium: object) -> Iterator[object]:
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")  # type: ignore[attr-defined]
    p = context.new_page()
    yield p
    context.close()


def _drawn(page: object, timeout: float = 15000) -> None:
    page.wait_for_selector("div.chart[data-state=drawn] svg.main-svg", timeout=timeout)  # type: ignore[attr-defined]


def test_home_loads_without_console_errors(page: object, base: str) -> None:
    console = Console(page)
    page.goto(base)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert page.locator("h1").first.inner_text().strip().startswith("决算透视")  # type: ignore[attr-defined]
    page.locator("div.chart").first.scroll_into_view_if_needed()  # type: ignore[attr-defined]
    _drawn(page)
    screenshot(page, "home", full_page=False)
    screenshot(page, "home-full")
    assert console.errors == []


def test_report_page_draws_charts_on_direct_load(page: object, base: str) -> None:
    console = Console(page)
    page.goto(base + REPORT)  # type: ignore[attr-defined]
    assert AGENCY in page.locator("h1").inner_text()  # type: ignore[attr-defined]
    _drawn(page)
    assert page.locator("#chart-income svg.main-svg").count() >= 1  # type: ignore[attr-defined]
    screenshot(page, "report", full_page=False)
    page.locator("#findings").scroll_into_view_if_needed()  # type: ignore[attr-defined]
    screenshot(page, "report-findings", full_page=False)
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert console.errors == []


def test_charts_draw_after_instant_navigation(page: object, base: str) -> None:
    console = Console(page)
    page.goto(base + "reports/2024/")  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # instant loading starts once the sitemap is fetched  # type: ignore[attr-defined]
    page.evaluate("window.__marker = 1")  # type: ignore[attr-defined]
    page.locator("a[href*='shang-hai-shi-pu-tuo-qu-cai-zheng-ju']").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/" + REPORT)  # type: ignore[attr-defined]
    _drawn(page)
    assert page.evaluate("window.__marker") == 1, "navigation reloaded the page: instant loading is off"  # type: ignore[attr-defined]
    # and once more, back to the home page, whose charts are drawn too
    page.locator("a.md-header__button.md-logo, a.md-tabs__link").first.click()  # type: ignore[attr-defined]
    page.wait_for_function("document.querySelector('#chart-home-expenditure') !== null")  # type: ignore[attr-defined]
    page.locator("div.chart").first.scroll_into_view_if_needed()  # type: ignore[attr-defined]
    _drawn(page)
    assert page.evaluate("window.__marker") == 1  # type: ignore[attr-defined]
    screenshot(page, "after-instant-navigation", full_page=False)
    assert console.errors == []


def _search(page: object, base: str, query: str) -> list[str]:
    """The header's Pagefind search box (assets/search.js)."""
    page.goto(base)  # type: ignore[attr-defined]
    box = page.locator("input.jl-search__input")  # type: ignore[attr-defined]
    box.click()
    box.fill(query)
    page.wait_for_selector("li.jl-search__item a", timeout=15000)  # type: ignore[attr-defined]
    return page.locator("li.jl-search__item a").evaluate_all("els => els.map(e => e.href)")  # type: ignore[attr-defined]


def test_search_finds_sangong(page: object, base: str) -> None:
    hrefs = _search(page, base, "三公经费")
    screenshot(page, "search-sangong", full_page=False)
    assert any("/reports/" in h for h in hrefs), hrefs


def test_search_finds_reception_costs(page: object, base: str) -> None:
    hrefs = _search(page, base, "公务接待费")
    assert any("/reports/" in h for h in hrefs), hrefs


def test_search_finds_agency(page: object, base: str) -> None:
    hrefs = _search(page, base, AGENCY)
    screenshot(page, "search-agency", full_page=False)
    assert any(REPORT in h for h in hrefs[:5]), hrefs


def test_finding_anchor_scrolls_to_finding(page: object, base: str, site: Path) -> None:
    import json

    data = json.loads((site / REPORT / "report.json").read_text(encoding="utf-8"))
    assert data["findings"], "the report should have findings to link to"
    fid = data["findings"][-1]["id"]
    page.goto(base + REPORT + "#" + fid)  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    heading = page.locator(f"[id='{fid}']")  # type: ignore[attr-defined]
    assert heading.count() == 1
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, box
    screenshot(page, "finding-anchor", full_page=False)


def test_a_link_to_a_replaced_id_lands_on_the_note_that_replaced_it(page: object, base: str) -> None:
    """A news article that linked to 003's f-b657b4 before the nineteenth session's name cut lands on
    f-f2b9b7, highlighted as a followed link is, with the old id named under it."""
    page.goto(base + "reports/2024/wu-lu-mu-qi-shi-ren-li-zi-yuan-he-she-hui-bao-zhang-ju/#f-b657b4")  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    heading = page.locator("h3[id='f-f2b9b7']")  # type: ignore[attr-defined]
    box = heading.bounding_box()
    assert box is not None and 40 <= box["y"] < 300, box  # under the header, at the top of the view
    assert page.evaluate("document.querySelector(':target').id") == "f-b657b4"  # type: ignore[attr-defined]
    background = page.evaluate("getComputedStyle(document.getElementById('f-f2b9b7')).backgroundColor")  # type: ignore[attr-defined]
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
    assert "原编号f-b657b4" in page.locator("dl.finding-numbers").filter(
        has_text="f-f2b9b7"
    ).inner_text().replace("\n", "")  # type: ignore[attr-defined]
    screenshot(page, "finding-replaced-anchor", full_page=False)


def test_findings_summary_leads_to_rule_page_and_finding(page: object, base: str) -> None:
    """/findings/ is a summary (counts, the most serious findings); its rule table opens the rule's
    page, which is not in the navigation, and a finding there scrolls to it on the report page."""
    console = Console(page)
    page.goto(base + "findings/")  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert page.locator("#rules").count() == 1 and page.locator("#serious").count() == 1  # type: ignore[attr-defined]
    screenshot(page, "findings-index", full_page=False)
    link = page.locator("#rules ~ div table a").first  # type: ignore[attr-defined]
    match = re.search(r"findings/([a-z0-9-]+)/$", link.get_attribute("href") or "")
    assert match, link.get_attribute("href")
    slug = match.group(1)
    link.click()
    # navigation.tracking may leave the previous page's section in the hash (…/#families)
    page.wait_for_url(re.compile(rf"/findings/{slug}/(#.*)?$"))  # type: ignore[attr-defined]
    nav = page.locator("nav.md-nav--primary").first.inner_html()  # type: ignore[attr-defined]
    assert slug not in nav  # per-rule pages are not_in_nav
    item = page.locator("ul.finding-list a").first  # type: ignore[attr-defined]
    fid = item.get_attribute("href").split("#")[1]
    screenshot(page, "findings-rule", full_page=False)
    item.click()
    page.wait_for_url("**/reports/**")  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    box = page.locator(f"[id='{fid}']").bounding_box()  # type: ignore[attr-defined]
    assert box is not None and 0 <= box["y"] < 900, box
    assert console.errors == []


def test_finding_link_clicked_right_after_a_scroll_still_scrolls_to_the_finding(
    page: object, base: str
) -> None:
    """mkdocs-material writes the scroll offset into history.state 100 ms after the last scroll. A
    link clicked within those 100 ms, to a page that takes longer than that to fetch, gets the old
    page's offset in its new history entry, and instant navigation then scrolls to that offset
    instead of the link's #anchor, and navigation.tracking may strip the #anchor from the address
    (about one CI run in seven did this). assets/anchors.js sends the browser back to the anchor. Here the report's fetch is held 400 ms and the page scrolls just before
    the click, so the race happens every time."""
    console = Console(page)
    page.goto(base + "findings/sum-economic/")  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    item = page.locator("ul.finding-list a").first  # type: ignore[attr-defined]
    fid = item.get_attribute("href").split("#")[1]
    item.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # type: ignore[attr-defined]

    def slow(route: object) -> None:
        time.sleep(0.4)
        route.continue_()  # type: ignore[attr-defined]

    page.route("**/reports/**", slow)  # type: ignore[attr-defined]
    page.evaluate("window.scrollBy(0, 40)")  # type: ignore[attr-defined]
    item.click()
    page.wait_for_url("**/reports/**")  # type: ignore[attr-defined]
    page.locator(f"[id='{fid}']").wait_for()  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]
    box = page.locator(f"[id='{fid}']").bounding_box()  # type: ignore[attr-defined]
    assert box is not None and 0 <= box["y"] < 900, (box, page.evaluate("scrollY"))
    assert page.url.endswith("#" + fid)  # type: ignore[attr-defined]
    assert page.evaluate("document.querySelector(':target')?.id") == fid  # type: ignore[attr-defined]
    assert console.errors == []


@pytest.mark.parametrize("path", ["", REPORT, "findings/", "findings/sum-economic/", "methodology/", "data/"])
def test_phone_viewport_has_no_horizontal_scroll(chromium: object, base: str, path: str) -> None:
    context = chromium.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2)  # type: ignore[attr-defined]
    p = context.new_page()
    try:
        p.goto(base + path)
        p.wait_for_load_state("networkidle")
        if p.locator("div.chart").count():
            p.locator("div.chart").first.scroll_into_view_if_needed()
            _drawn(p)
        width = p.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path or 'home'} scrolls sideways: {width}px"
        screenshot(p, "phone-" + (path.strip("/").replace("/", "-") or "home").split("-")[0], full_page=False)
    finally:
        context.close()


# Comparison pages (issue #5): /compare/, an indicator page, the report page's 同类单位对比 panel.
COMPARE = "compare/spending_per_staff/"
# its 地市级 peer group mixes a department and a unit report
PEER_REPORT = "reports/2024/chang-ji-hui-zu-zi-zhi-zhou-gong-gong-jiu-ye-fu-wu-zhong-xin/"


def test_compare_index_is_in_the_navigation(page: object, base: str) -> None:
    console = Console(page)
    page.goto(base)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    page.locator("a.md-tabs__link", has_text="对比").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/compare/")  # type: ignore[attr-defined]
    # instant navigation pushes the URL before it swaps the content in: wait for the new heading
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => (document.querySelector('article h1') || {innerText: ''}).innerText.trim().startsWith('对比')",
        timeout=15000,
    )
    assert page.locator("article h1").first.inner_text().strip().startswith("对比")  # type: ignore[attr-defined]
    assert page.locator("a[href*='spending_per_staff']").count() >= 1  # type: ignore[attr-defined]
    screenshot(page, "compare-index", full_page=False)
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert console.errors == []


def test_compare_page_draws_its_charts_and_shows_the_scope_caveat(page: object, base: str) -> None:
    console = Console(page)
    page.goto(base + COMPARE)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    warning = page.locator(".scope-warning").first  # type: ignore[attr-defined]
    assert warning.is_visible() and "口径不同" in warning.inner_text()
    assert page.locator(".admonition.note").first.is_visible()  # the indicator's caveat  # type: ignore[attr-defined]
    assert "未披露" in page.locator("#y2024-department ~ div.compare-table").first.inner_text()  # type: ignore[attr-defined]
    screenshot(page, "compare-indicator", full_page=False)
    for chart in page.locator("div.chart").all():  # type: ignore[attr-defined]
        chart.scroll_into_view_if_needed()
    page.wait_for_selector(  # type: ignore[attr-defined]
        "#chart-scatter-spending-per-staff-2024-all[data-state=drawn] svg.main-svg", timeout=15000
    )
    page.wait_for_selector("#chart-rank-spending-per-staff-2024-department[data-state=drawn] svg.main-svg")  # type: ignore[attr-defined]
    assert page.locator("#chart-scatter-spending-per-staff-2024-all .scatterlayer .point").count() >= 2  # type: ignore[attr-defined]
    page.locator("#y2024-size").scroll_into_view_if_needed()  # type: ignore[attr-defined]
    assert page.locator("#y2024-size ~ .scope-warning").first.is_visible()  # type: ignore[attr-defined]
    screenshot(page, "compare-indicator-scatter", full_page=False)
    screenshot(page, "compare-indicator-full")
    assert console.errors == []


def test_report_page_peer_panel(page: object, base: str) -> None:
    console = Console(page)
    page.goto(base + PEER_REPORT + "#peers")  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    panel = page.locator("#peers ~ div.compare-table").first  # type: ignore[attr-defined]
    assert panel.is_visible()
    assert "口径不同" in panel.inner_text()
    assert page.locator("#peers ~ .scope-warning").first.is_visible()  # type: ignore[attr-defined]
    screenshot(page, "report-peers", full_page=False)
    panel.locator("a", has_text="基本支出占比").click()
    page.wait_for_url("**/compare/basic_share/#y2024")  # type: ignore[attr-defined]
    assert console.errors == []


@pytest.mark.parametrize("path,name", [(COMPARE, "compare-indicator"), ("compare/", "compare-index"),
                                       (PEER_REPORT + "#peers", "report-peers")])  # fmt: skip
def test_compare_pages_on_a_phone(chromium: object, base: str, path: str, name: str) -> None:
    context = chromium.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=2)  # type: ignore[attr-defined]
    p = context.new_page()
    try:
        p.goto(base + path)
        p.wait_for_load_state("networkidle")
        if "#" in path:
            p.locator("#" + path.split("#")[1]).scroll_into_view_if_needed()
        elif p.locator("div.chart").count():
            p.locator("div.chart").first.scroll_into_view_if_needed()
            _drawn(p)
        width = p.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways: {width}px"
        screenshot(p, "phone-" + name, full_page=False)
        if path == COMPARE:
            screenshot(p, "phone-compare-indicator-full")
    finally:
        context.close()
