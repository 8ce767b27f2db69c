"""Rendering: escaping of hostile report text, deterministic output, the pages and data files.

The injection test builds a real site (mkdocs-material) from tests/fixtures/bad/injected.txt, a
report whose agency name and sentences carry <script>, an <img onerror>, a javascript: Markdown
link and Jinja syntax, and asserts that all of it reaches the HTML as text.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import build_site

from generator.render.escape import environment, md_text, url

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "fixtures" / "bad"
REPORTS = ROOT / "data" / "reports"


def test_md_text_neutralises_markdown_and_html() -> None:
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) {{ 7*7 }} {% raw %} **b** `c` | {#id}"
    out = md_text(hostile)
    bare = re.sub(r"&#\d+;", "", out)
    for ch in "<>[](){}*`|#&":
        assert ch not in bare
    import html

    assert html.unescape(out) == hostile
    assert md_text("1. item").startswith("1&#46;")
    assert md_text("- item").startswith("&#45;")
    assert md_text("a\nb\n\n# c") == "a b &#35; c"
    # a narrow cell's wrap inside Chinese is no space (002's 偏差原因 over twenty lines: "无相应" / "的费用" / "支出。")
    assert md_text("宣传品，\n无相应\n的费用\n支出。") == "宣传品，无相应的费用支出。"
    assert md_text("=68.9996万\n元") == "=68.9996万元".translate({ord("="): "&#61;"})
    assert md_text("2024年\nFHJ驻村") == "2024年 FHJ驻村"  # a Latin word keeps its space


def test_url_filter_refuses_other_schemes() -> None:
    assert url("javascript:alert(1)") == "#"
    assert url("JaVaScRiPt:alert(1)") == "#"
    assert url("data:text/html,x") == "#"
    assert url("../../files/ab/x.pdf#page=3") == "../../files/ab/x.pdf#page=3"
    assert url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&amp;c=2"


def test_template_values_are_escaped_but_macros_are_not() -> None:
    env = environment()
    tpl = env.from_string("{% macro b(x) %}<b>{{ x }}</b>{% endmacro %}{{ b(v) }} {{ v }} {#keep}")
    out = tpl.render(v="<i>{{ 7*7 }}</i>")
    assert out.startswith("<b>&#60;i&#62;&#123;&#123; 7*7 &#125;&#125;&#60;/i&#62;</b>".replace("*", "&#42;"))
    assert "{#keep}" in out and "49" not in out


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("injected")
    reports = tmp / "reports"
    reports.mkdir()
    shutil.copy(BAD / "injected.txt", reports / "injected.txt")
    shutil.copy(BAD / "badmeta.txt", reports / "badmeta.txt")
    shutil.copy(BAD / "badmeta.meta.yaml", reports / "badmeta.meta.yaml")
    shutil.copy(BAD / "empty.txt", reports / "empty.txt")
    return build_site(tmp, reports, cache=None)


def _report_html(site: Path) -> tuple[Path, str]:
    pages = sorted((site / "reports").glob("*/*/index.html"))
    assert len(pages) == 1, pages
    return pages[0], pages[0].read_text(encoding="utf-8")


def test_injected_report_renders_as_text(injected_site: Path) -> None:
    path, page = _report_html(injected_site)
    rel = path.relative_to(injected_site).as_posix()
    assert re.fullmatch(r"reports/2024/[a-z0-9-]+/index\.html", rel), rel
    body = page.split("<body", 1)[1]
    assert "<script>alert" not in page
    assert "<img src=x" not in page and "onerror=alert" not in page.replace("&#61;", "=").split("<body")[0]
    assert not re.search(r"<img[^>]*onerror", page)
    assert not re.search(r"""href=["']?\s*javascript:""", page, re.IGNORECASE)
    # shown as text: the browser decodes the references back to the original characters
    import html

    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    assert "测试<script>alert(1)</script>就业服务中心" in text
    assert "49个" not in text  # no template evaluated the report's "{{ 7*7 }}个"
    data = json.loads((path.parent / "report.json").read_text(encoding="utf-8"))
    assert "</script>" in data["agency"] and data["agency"] in text  # the name as extracted, shown as text
    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL)
    assert title and "<script" not in title.group(1)
    for meta in re.findall(r"<meta[^>]+>", page):
        assert "<script" not in meta[5:]


def test_injected_search_index_and_other_pages_safe(injected_site: Path) -> None:
    for p in injected_site.rglob("*.html"):
        html_text = p.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html_text, p
        assert not re.search(r"""href=["']?\s*javascript:""", html_text, re.IGNORECASE), p
    import gzip

    # The search index (Pagefind) holds the pages' text as text, "<script>" included just as the
    # page shows it; the search box (assets/search.js) sets titles with textContent and parses
    # excerpts, in which Pagefind escapes < and >, in an inert DOMParser document.
    titles = []
    for f in (injected_site / "pagefind" / "fragment").iterdir():
        doc = json.loads(gzip.decompress(f.read_bytes())[len(b"pagefind_dcd") :])
        titles.append(doc["meta"]["title"])
    assert any(t.startswith("测试<script>alert(1)</script>") for t in titles), titles
    js = (ROOT / "generator" / "assets" / "search.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js and "textContent" in js and "DOMParser" in js


def test_bad_files_listed_and_build_succeeds(injected_site: Path) -> None:
    page = (injected_site / "problems" / "index.html").read_text(encoding="utf-8")
    assert "empty.txt" in page
    assert "badmeta.meta.yaml" in page or (injected_site / "reports").exists()


@pytest.fixture(scope="module")
def rendered_twice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from generator.build import add_cross_findings
    from generator.pipeline import discover, load_all
    from generator.render import render_content

    outs = []
    for i in range(2):
        content = tmp_path_factory.mktemp(f"content{i}")
        shutil.copytree(ROOT / "content" / "_text", content / "_text")
        reports, problems = load_all(discover(REPORTS), ROOT / ".cache" / "extract")
        add_cross_findings(reports)
        render_content(reports, problems, content, "https://example.org/")
        outs.append(content)
    return outs[0], outs[1]


def test_output_is_deterministic(rendered_twice: tuple[Path, Path]) -> None:
    a, b = rendered_twice
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_every_page_and_data_file_exists(rendered_twice: tuple[Path, Path]) -> None:
    c, _ = rendered_twice
    for name in ("index.md", "methodology.md", "reports/index.md", "agencies/index.md", "findings/index.md",
                 "data/index.md", "problems/index.md", "data/datapackage.json", "assets/charts.js",
                 "assets/plotly-basic-4.1.1.min.js"):  # fmt: skip
        assert (c / name).is_file(), name
    for stem in ("metrics", "findings", "functional_classes"):
        assert (c / "data" / f"{stem}.csv").is_file() and (c / "data" / f"{stem}.json").is_file()
    pkg = json.loads((c / "data" / "datapackage.json").read_text(encoding="utf-8"))
    csv_header = (c / "data" / "metrics.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    fields = [
        f["name"] for f in next(r for r in pkg["resources"] if r["path"] == "metrics.csv")["schema"]["fields"]
    ]
    assert csv_header == fields
    reports = sorted((c / "reports").glob("*/*/index.md"))
    assert len(reports) == 8
    for page in reports:
        folder = page.parent
        assert (folder / "report.json").is_file() and (folder / "metrics.csv").is_file()
        data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
        assert page.relative_to(c / "reports").parent.as_posix() == data["id"]
        text = page.read_text(encoding="utf-8")
        for f in data["findings"]:
            assert "{#" + f["id"] + "}" in text  # the finding's stable id is its anchor
        assert "{#income}" in text or "{#figures}" in text
        for m in re.finditer(r"data-fig='([^']*)'", text):
            import html

            json.loads(html.unescape(m.group(1)))
    # the originals, one per report, named by their sha256 (short: every quote links to one)
    originals = sorted(p.name for p in (c / "files").iterdir())
    assert len(originals) == 8 and all(re.fullmatch(r"[0-9a-f]{12}\.(?:txt|pdf)", n) for n in originals)
    # one findings page per rule that found something, never listed whole on /findings/
    from generator.render.site import rule_slugs

    rows = json.loads((c / "data" / "findings.json").read_text(encoding="utf-8"))
    assert rows
    # the findings download names where its first quote stands, as the report page does (a text export has one page)
    header = (c / "data" / "findings.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    fields = [
        f["name"]
        for f in next(r for r in pkg["resources"] if r["path"] == "findings.csv")["schema"]["fields"]
    ]
    assert header == fields and fields[-4:] == ["page", "quote", "section", "source_sha256"]
    assert sum(1 for row in rows if row["section"]) >= 0.95 * len(rows)
    # and the file each finding was read from (a replaced report's retired notes are told apart by it)
    shas = {r["report_id"]: r["source_sha256"] for r in rows}
    assert len(set(shas.values())) == len(shas) and all(len(v) == 64 for v in shas.values())
    for rule_id, slug in rule_slugs({row["rule"] for row in rows}).items():
        assert re.fullmatch(r"[a-z0-9-]+", slug), slug
        assert (c / "findings" / slug / "index.md").is_file(), rule_id


def test_charts_have_csv_and_fixed_ids(rendered_twice: tuple[Path, Path]) -> None:
    c, _ = rendered_twice
    page = (c / "reports" / "2024" / "shang-hai-shi-pu-tuo-qu-cai-zheng-ju" / "index.md").read_text(
        encoding="utf-8"
    )
    ids = re.findall(r'<div class="chart" id="([^"]+)"', page)
    assert "chart-income" in ids and "chart-functional" in ids
    for cid in ids:
        assert (c / "reports" / "2024" / "shang-hai-shi-pu-tuo-qu-cai-zheng-ju" / f"{cid[6:]}.csv").is_file()


def test_expected_is_labelled_by_what_the_rule_compares(rendered_twice: tuple[Path, Path]) -> None:
    # a figure worked out from other figures, or another statement of the report: the label says which
    c, _ = rendered_twice
    page = (
        c
        / "reports"
        / "2023"
        / "chang-ji-hui-zu-zi-zhi-zhou-ren-li-zi-yuan-he-she-hui-bao-zhang-ju"
        / "index.md"
    )
    text = page.read_text(encoding="utf-8")
    conflict = text[text.index("{#f-51cc10}") :]
    conflict = conflict[: conflict.index("### ")] if "### " in conflict else conflict
    assert "<dt>另一处所述</dt><dd>就业信息化建设补助资金减少</dd>" in conflict
    share = text[text.index("{#f-4177ee}") :]
    assert "<dt>按报告其他数字推算</dt><dd>1&#46;88%</dd>" in share[: share.index("### ")]  # "." escaped


def test_methodology_lists_the_catalogue(rendered_twice: tuple[Path, Path]) -> None:
    from generator import checks

    checks._load_rules()
    c, _ = rendered_twice
    text = (c / "methodology.md").read_text(encoding="utf-8")
    for rule_id in checks.CATALOGUE:
        assert "{#" + re.sub(r"[^a-z0-9-]+", "-", rule_id.lower()) + "}" in text, rule_id
    assert "半" in text or "half-unit" in text


def test_charts_are_valid_plotly_figures() -> None:
    """render/charts.py builds figures as plain dicts (plotly.graph_objects is slow at 1,000
    reports); plotly's own validation runs here instead: an unknown property raises."""
    import plotly.graph_objects as go

    from generator.pipeline import discover, load_all
    from generator.render import charts as ch

    reports, _ = load_all(discover(REPORTS), ROOT / ".cache" / "extract")
    built = [c for r in reports for c in ch.report_charts(r)]
    built += [
        c
        for c in (ch.agency_trend(reports), ch.overview_expenditure(reports), ch.overview_sangong(reports))
        if c
    ]
    built.append(ch.overview_findings({"金额": {"error": 1, "warning": 2}, "完整性": {"info": 3}}))
    assert len(built) > 20
    for chart in built:
        fig = go.Figure(chart.figure)  # validates every property
        exported = fig.to_plotly_json()
        exported["layout"].pop("template", None)
        assert json.dumps(exported, sort_keys=True) == json.dumps(chart.figure, sort_keys=True), chart.id


_HREF = re.compile(r'href="([^"]+)"')
_MD_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _resolve(page: Path, content: Path, href: str) -> tuple[Path, str]:
    """A relative link on a generated page → (the Markdown file it lands on, its anchor)."""
    import html
    import posixpath

    href = html.unescape(href)
    path, _, frag = href.partition("#")
    url_dir = page.parent.relative_to(content).as_posix()  # folder pages: findings/x/index.md → findings/x/
    target = posixpath.normpath(posixpath.join(url_dir, path)) if path else url_dir
    dest = content / target
    if dest.suffix != ".md":
        dest = dest / "index.md" if (dest / "index.md").is_file() else dest.with_suffix(".md")
    return dest, frag


def _listed_ids(text: str) -> list[str]:
    return re.findall(r'<li>(?:<span[^>]*>[^<]*</span> )?<a href="[^"]*#([a-z0-9-]+)"', text)


def test_findings_pages_link_to_existing_anchors(rendered_twice: tuple[Path, Path]) -> None:
    c, _ = rendered_twice
    pages = sorted((c / "findings").rglob("index.md"))
    assert len(pages) > 1 and (c / "findings" / "index.md") in pages
    listed: list[str] = []
    for page in pages:
        text = page.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        for href in _HREF.findall(text) + _MD_LINK.findall(text):
            if href.startswith(("http://", "https://")):
                continue
            dest, frag = _resolve(page, c, href)
            assert dest.is_file(), (page, href)
            if frag and dest.relative_to(c).parts[0] == "reports":
                assert "{#" + frag + "}" in dest.read_text(encoding="utf-8"), (page, href)
        if page != c / "findings" / "index.md":
            listed += _listed_ids(text)
    # every finding of every report is listed on its rule's page, exactly once
    rows = json.loads((c / "data" / "findings.json").read_text(encoding="utf-8"))
    from generator.render.escape import anchor

    assert sorted(listed) == sorted(anchor(r["finding_id"]) for r in rows)
    index = (c / "findings" / "index.md").read_text(encoding="utf-8")
    assert 0 < len(_listed_ids(index)) <= 50


def _synthetic_reports(n_reports: int, per_report: int) -> list:
    from generator.model import Finding, Quote, Report

    reports = []
    for k in range(n_reports):
        findings = []
        for j in range(per_report):
            rule = "sum.income_total" if j % 10 else "yoy.direction"
            sev = ("error", "warning", "info")[j % 3]
            findings.append(
                Finding(id=f"f-{k:03d}{j:04d}", rule=rule, severity=sev, title="t", message=f"<b>问题 {k}-{j}</b>",
                        claimed="1", expected="2", evidence=(Quote("收入总计", 1),))
            )  # fmt: skip
        reports.append(
            Report(id=f"{2020 + k % 5}/agency-{k:03d}", source={"path": f"/nonexistent/{k}.txt", "sha256": f"{k:064x}",
                   "format": "txt"}, agency=f"单位{k}", year=2020 + k % 5, scope="department", region={},
                   metrics={}, functional_classes=[], tables={}, yoy_claims=[], findings=findings)
        )  # fmt: skip
    return reports


def test_findings_pages_are_paginated(tmp_path: Path) -> None:
    """At scale no findings page lists more than FINDINGS_PAGE_SIZE findings; /findings/ itself
    lists FINDINGS_TOP at most; every finding is on exactly one rule page; prev/next resolve."""
    from generator.render.escape import environment
    from generator.render.site import (
        FINDINGS_PAGE_SIZE,
        FINDINGS_TOP,
        SiteContext,
        _rule_info,
        findings_pages,
    )

    reports = _synthetic_reports(40, 50)  # 2,000 findings: 1,800 for one rule, 200 for another
    ctx = SiteContext(reports, [], "https://example.org/", {})
    rules, families = _rule_info()
    pages = findings_pages(ctx, rules, families)
    env = environment()
    srcs = {p.src for p in pages}
    assert "findings/index.md" in srcs
    assert (
        "findings/sum-income-total/index.md" in srcs and "findings/sum-income-total/page-6/index.md" in srcs
    )
    assert "findings/sum-income-total/page-7/index.md" not in srcs
    assert "findings/yoy-direction/index.md" in srcs and "findings/yoy-direction/page-2/index.md" not in srcs
    listed: list[str] = []
    for p in pages:
        text = env.get_template(p.template).render(**p.values, page_url=p.url, site_url="", home="")
        ids = _listed_ids(text)
        assert "<b>" not in text  # the message is escaped
        if p.src == "findings/index.md":
            assert len(ids) == FINDINGS_TOP
            assert len(text.encode()) < 100_000
            continue
        assert 0 < len(ids) <= FINDINGS_PAGE_SIZE, p.src
        listed += ids
        if "sum-income-total" in p.src:
            assert 'rel="next"' in text or p.src.endswith("page-6/index.md")
            assert 'rel="prev"' in text or p.src == "findings/sum-income-total/index.md"
        for href in re.findall(r'<a href="([^"]+)" rel="(?:prev|next)"', text):
            import posixpath

            target = posixpath.normpath(posixpath.join(p.src[: -len("index.md")], href)) + "/index.md"
            assert target in srcs, (p.src, href)
    assert sorted(listed) == sorted(f.id for r in reports for f in r.findings)
    again = [
        (p.src, p.values)
        for p in findings_pages(SiteContext(list(reversed(reports)), [], "", {}), rules, families)
    ]
    assert [s for s, _ in again] == [p.src for p in pages]  # deterministic, whatever the input order
