"""The comparison pages as Markdown: one page per indicator, rankings split by scope with a
visible 口径不同 warning wherever 部门汇总 and 单位 reports meet, “未披露” (never 0) for missing
values, CSV twins, the 同类单位对比 panel on report pages, deterministic output.

Rendered from the 8 real reports in data/reports/ (no MkDocs); the browser side is in
tests/test_site_browser.py (the compare tests there use the session-built site).
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest

from generator import compare
from generator.render import compare as rc
from generator.render.escape import anchor, md_text

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
# a unit report; its 地市级 peer group mixes it with a department report
CHANGJI_2024 = "2024/chang-ji-hui-zu-zi-zhi-zhou-gong-gong-jiu-ye-fu-wu-zhong-xin"
CAIZHENG = "2024/shang-hai-shi-pu-tuo-qu-cai-zheng-ju"  # department; states no staff numbers
PUTUO_DEPARTMENTS = {
    "2024/shang-hai-shi-pu-tuo-qu-cai-zheng-ju",
    "2024/shang-hai-shi-pu-tuo-qu-gui-hua-he-zi-ran-zi-yuan-ju",
    "2024/zhong-gong-shang-hai-shi-pu-tuo-qu-wei-she-hui-gong-zuo-bu",
}


def _render(tmp: Path) -> Path:
    from generator.build import add_cross_findings
    from generator.pipeline import discover, load_all
    from generator.render import render_content

    content = tmp / "content"
    shutil.copytree(ROOT / "content" / "_text", content / "_text")
    reports, problems = load_all(discover(REPORTS), ROOT / ".cache" / "extract")
    add_cross_findings(reports)
    render_content(reports, problems, content, "https://example.org/")
    return content


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return _render(tmp_path_factory.mktemp("a")), _render(tmp_path_factory.mktemp("b"))


@pytest.fixture(scope="module")
def content(rendered: tuple[Path, Path]) -> Path:
    return rendered[0]


@pytest.fixture(scope="module")
def frame() -> object:
    from generator.build import add_cross_findings
    from generator.pipeline import discover, load_all

    reports, _ = load_all(discover(REPORTS), ROOT / ".cache" / "extract")
    add_cross_findings(reports)
    return compare.indicator_frame(reports)


def _page(content: Path, indicator_id: str) -> str:
    return (content / "compare" / indicator_id / "index.md").read_text(encoding="utf-8")


def _section(text: str, anchor: str) -> str:
    """The Markdown from the heading with {#anchor} up to the next heading of the same level."""
    m = re.search(r"^(#+) .*\{#" + re.escape(anchor) + r"\}$", text, re.MULTILINE)
    assert m, anchor
    level = len(m.group(1))
    nxt = re.search("^#{1," + str(level) + "} ", text[m.end() :], re.MULTILINE)
    return text[m.start() : m.end() + nxt.start()] if nxt else text[m.start() :]


def _figures(text: str) -> dict[str, dict]:
    return {
        m.group(1): json.loads(html.unescape(m.group(2)))
        for m in re.finditer(r'<div class="chart" id="([^"]+)"[^>]*data-fig=\'([^\']*)\'', text)
    }


def _rows(section: str) -> list[str]:
    """The rows of the HTML tables in a section (the templates write the tables as HTML)."""
    return re.findall(r"<tr>\n.*?\n</tr>", section, re.S)


def _cells(row: str) -> list[str]:
    return re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)


def test_index_documents_every_indicator(content: Path) -> None:
    index = (content / "compare" / "index.md").read_text(encoding="utf-8")
    for ind in compare.INDICATORS:
        assert f"({ind.id}/index.md)" in index, ind.id  # linked from the table
        section = _section(index, anchor(ind.id))
        for part in (ind.title, ind.unit, ind.caveat, ind.formula):
            assert md_text(part) in section, (ind.id, part)
        assert "算式" in section and "分母" in section and "分子" in section
    assert (content / "compare" / "indicators.csv").is_file() and (
        content / "compare" / "indicators.json"
    ).is_file()
    defs = json.loads((content / "compare" / "indicators.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in defs] == [i.id for i in compare.INDICATORS]


def test_methodology_lists_formula_and_denominator_and_links_compare(content: Path) -> None:
    text = _section((content / "methodology.md").read_text(encoding="utf-8"), "indicators")
    assert "(compare/index.md)" in text
    for ind in compare.INDICATORS:
        assert f"(compare/index.md#{anchor(ind.id)})" in text, ind.id
        assert md_text(rc.term(ind.denominator)) in text, ind.id
    index = (content / "compare" / "index.md").read_text(encoding="utf-8")
    assert "(../methodology.md)" in index


def test_every_indicator_has_its_page_with_tables_charts_and_csv(content: Path, frame: object) -> None:
    for ind in compare.INDICATORS:
        folder = content / "compare" / ind.id
        text = _page(content, ind.id)
        assert text.startswith("---\ntitle:"), ind.id
        assert "{#y2024}" in text and "{#y2023}" in text
        assert md_text(ind.caveat) in text, "the caveat is printed on the page"
        # the comparison table's CSV twin is compare.to_csv of the ranking
        assert (folder / "ranking.csv").read_text(encoding="utf-8") == compare.to_csv(
            compare.ranking(frame, ind.id)
        )
        for cid, fig in _figures(text).items():
            assert re.fullmatch(r"chart-(rank|scatter)-[a-z0-9-]+-(\d{4}|all)-(department|unit|all)", cid), (
                cid
            )
            assert (folder / f"{cid.removeprefix('chart-')}.csv").is_file(), cid
            assert "template" not in fig["layout"] and "title" not in fig["layout"]


def test_tables_are_split_by_scope_and_mixed_years_are_flagged(content: Path) -> None:
    text = _page(content, "basic_share")
    y2024, y2023 = _section(text, "y2024"), _section(text, "y2023")
    # 2024 has both kinds: separate tables, and the year carries the 口径不同 warning
    assert "{#y2024-department}" in y2024 and "{#y2024-unit}" in y2024
    assert 'class="scope-warning"' in _section(text, "y2024").split("{#y2024-department}")[0]
    department = _section(text, "y2024-department")
    unit = _section(text, "y2024-unit")
    assert "上海市普陀区财政局" in department and "上海市普陀区财政局" not in unit
    assert "昌吉回族自治州公共就业服务中心" in unit and "昌吉回族自治州公共就业服务中心" not in department
    # each table ranks from 1
    assert any(
        _cells(r)[:1] == ["1"] and ">上海市普陀区财政局</a>" in _cells(r)[1] for r in _rows(department)
    )
    assert any(
        _cells(r)[:1] == ["1"] and ">昌吉回族自治州公共就业服务中心</a>" in _cells(r)[1] for r in _rows(unit)
    )
    # the scatter draws both kinds: its own warning beside it
    assert 'class="scope-warning"' in _section(text, "y2024-size")
    # 2023 has unit reports only: no scope warning anywhere in it
    assert "{#y2023-department}" not in y2023 and "scope-warning" not in y2023
    # bars never mix scopes
    for cid, fig in _figures(text).items():
        if cid.startswith("chart-rank-"):
            assert len({t["name"] for t in fig["data"]}) == 1, cid
            assert fig["layout"]["meta"]["mixed_scope"] is False


def test_missing_values_are_shown_as_unstated_never_zero(content: Path) -> None:
    text = _page(content, "spending_per_staff")
    department = _section(text, "y2024-department")
    row = next(r for r in _rows(department) if ">上海市普陀区财政局</a>" in r)
    assert _cells(row)[0] == "—", "no rank for a missing value"
    assert "未披露" in row and "0&#46;00" not in row and "0.00" not in row
    assert "未披露（未参与排名）：上海市普陀区财政局" in department
    # and the report is not drawn: neither a bar nor a point
    for cid, fig in _figures(text).items():
        for trace in fig["data"]:
            labels = [c[-1] for c in trace.get("customdata") or []] + list(trace.get("text") or [])
            assert not any("财政局" in str(lab) for lab in labels), cid
    panel = _section((content / "reports" / CAIZHENG / "index.md").read_text(encoding="utf-8"), "peers")
    row = next(r for r in _rows(panel) if "在职人员人均支出" in r)
    assert "未披露" in row and "0&#46;00" not in row


def test_report_pages_have_the_peer_panel(content: Path) -> None:
    for page in sorted((content / "reports").glob("*/*/index.md")):
        text = page.read_text(encoding="utf-8")
        panel = _section(text, "peers")
        assert panel.startswith("## 同类单位对比 {#peers}"), page
        for iid in rc.PEER_INDICATORS:
            assert f"compare/{iid}/#y" in panel, (page, iid)
        assert "同类分组按单位名称识别单位类型" in panel  # the peer-group caveat
        assert text.index("{#peers}") < text.index("{#findings}")
    changji = _section((content / "reports" / CHANGJI_2024 / "index.md").read_text(encoding="utf-8"), "peers")
    assert "口径不同" in changji and 'class="scope-warning"' in changji
    for rid in PUTUO_DEPARTMENTS:  # 区级 2024: three departments, nothing mixed
        panel = _section((content / "reports" / rid / "index.md").read_text(encoding="utf-8"), "peers")
        assert "scope-mixed" not in panel and "scope-warning" not in panel, rid
        assert "第 1 / 3" in panel or "第 2 / 3" in panel or "第 3 / 3" in panel


def test_peer_positions_match_compare_peers(frame: object) -> None:
    import pandas as pd

    for ind in compare.INDICATORS:
        for by, _ in rc.PEER_BY:
            positions = rc.peer_positions(frame, ind.id, by)  # type: ignore[arg-type]
            for rid in frame["report_id"]:  # type: ignore[index]
                group = compare.peers(frame, rid, ind.id, by=by)  # type: ignore[arg-type]
                subject = group[group["is_subject"]].iloc[0]
                got = positions[rid]
                assert got["rank"] == (None if pd.isna(subject["rank"]) else int(subject["rank"])), (
                    rid,
                    ind.id,
                )
                assert got["stated"] == int(group["value"].notna().sum())
                assert got["size"] == len(group)
                assert got["mixed"] == bool(group["mixed_scope"].any()), (rid, ind.id, by)


def test_compare_output_is_deterministic(rendered: tuple[Path, Path]) -> None:
    a, b = rendered
    files = sorted(p.relative_to(a) for p in (a / "compare").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in (b / "compare").rglob("*") if p.is_file())
    assert len(files) > 3 * len(compare.INDICATORS)
    for rel in files + sorted(p.relative_to(a) for p in (a / "reports").glob("*/*/index.md")):
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_hostile_agency_names_are_escaped_in_compare_charts(tmp_path: Path) -> None:
    from generator.pipeline import discover, load_all
    from generator.render import render_content

    reports_dir = tmp_path / "reports"
    reports_dir.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "bad" / "injected.txt", reports_dir / "injected.txt")
    reports, problems = load_all(discover(reports_dir), None)
    content = tmp_path / "content"
    render_content(reports, problems, content, "https://example.org/")
    pages = list((content / "compare").rglob("index.md"))
    assert len(pages) == 1 + len(compare.INDICATORS)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "<script>" not in text, page
        for fig in _figures(text).values():
            assert "<script>" not in json.dumps(fig, ensure_ascii=False), page
