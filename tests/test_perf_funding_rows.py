"""How 自评表 funding rows are read on the real seeds, and that sum.perf_funding then sees a changed
figure: a component row that leaves 得分 blank (001), and a goal block headed "预期目标" (003)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ROOT, report_changed

from generator.pipeline import load_report

LANXIAN = ROOT / "data" / "reports" / "001_7c4dfcc9575acdfa.txt"
URUMQI = ROOT / "data" / "reports" / "003_237caace6a9bba17.txt"


def table(report, name: str) -> dict:
    (t,) = [t for t in report.perf_tables if (t.get("name") or "").startswith(name)]
    return t


def changed(path: Path, old: str, new: str):
    return report_changed(path, old, new)


@pytest.fixture(scope="module")
def lanxian():
    return load_report(LANXIAN, cache=None)


@pytest.fixture(scope="module")
def urumqi():
    return load_report(URUMQI, cache=None)


def test_a_component_row_without_its_score_is_read_in_the_columns_of_the_total(lanxian) -> None:
    # "资金总额: 9 5.66 5.66 5.66 (blank) 100 10" then "市县(区)财政资金 9 5.66 5.66 5.66 (blank) 100
    # (blank)": the component row has no 得分, so its figures end one cell earlier.
    total, part = table(lanxian, "就业招聘会工作经费")["funding"]
    assert part["aligned"] and part["at"] == {k: i for k, i in total["at"].items() if k != "score"}
    assert [part[k] for k in ("declared", "initial", "budget", "spent", "rate")] == [
        Decimal("9"), Decimal("5.66"), Decimal("5.66"), Decimal("5.66"), Decimal("100"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "old, new, value",
    [
        # the total's 预算编制数 raised: it no longer is its one component's
        ("资金总额:\t9\t5.66\t5.66\t5.66\t\t100\t10", "资金总额:\t9\t7.09\t5.66\t5.66\t\t100\t10", "7.09"),
        # the component's 全年预算数 lowered: its own 执行率 no longer confirms the columns, but its
        # figures stand in the total's cells, so it is still read there
        ("市县(区)财政资金\t9\t5.66\t5.66\t5.66", "市县(区)财政资金\t9\t5.66\t4.66\t5.66", "4.66"),
    ],
)
def test_a_changed_funding_figure_is_reported(lanxian, old: str, new: str, value: str) -> None:
    before = {f.id for f in lanxian.findings}
    report = changed(LANXIAN, old, new)
    new_errors = [f for f in report.findings if f.id not in before and f.rule == "sum.perf_funding"]
    assert new_errors and all(f.severity == "error" for f in new_errors)
    assert any(value in f.message and "《就业招聘会工作经费》" in f.message for f in new_errors)


def test_a_total_row_that_its_own_rate_does_not_confirm_is_read_in_its_component_s_cells(lanxian) -> None:
    # 001《零工市场运营经费》: "资金总额: 5 4.99 4.99 4.99 (blank) (blank) 100 10" over "市县(区)财政资金 5 4.99
    # 4.99 4.99 (blank) (blank) 100 10". With its 全年预算数 raised to 6.49 the total's 执行率 no longer
    # confirms where its columns are, but it stands cell for cell over its component, so it is read
    # there and both the rate and the sum are reported (before, the row was passed over).
    before = {f.id for f in lanxian.findings}
    report = changed(LANXIAN, "资金总额:\t\t5\t4.99\t4.99\t4.99", "资金总额:\t\t5\t4.99\t6.49\t4.99")
    new = {(f.rule, f.severity) for f in report.findings if f.id not in before and "6.49" in f.message}
    assert new == {("perf.execution_rate", "error"), ("sum.perf_funding", "error")}
    (f,) = [f for f in report.findings if f.rule == "perf.execution_rate" and "6.49" in f.message]
    assert f.message.startswith("《零工市场运营经费》资金总额：全年预算数6.49万元、全年执行数4.99万元")


def test_a_row_without_its_balance_cell_is_read(lanxian) -> None:
    # 001《购置档案经费》: "资金总额: 2.5 2.5 2.5 2.5 100 10" under 目标申报数/预算编制/全年预算数/全年执行数/资金结(转)余/
    # 执行率/得分: the row has no cell at all for 结余 (not a blank one), so until now neither it nor its
    # component row was read. 2.5 ÷ 2.5 = 100 confirms the columns.
    total, part = table(lanxian, "购置档案经费")["funding"]
    assert total["aligned"] and part["aligned"] and "balance" not in total["at"]
    assert [total[k] for k in ("declared", "initial", "budget", "spent", "rate", "score")] == [
        Decimal("2.5"), Decimal("2.5"), Decimal("2.5"), Decimal("2.5"), Decimal("100"), Decimal("10"),
    ]  # fmt: skip
    before = {f.id for f in lanxian.findings}
    report = changed(LANXIAN, "资金总额:\t2.5\t2.5\t2.5", "资金总额:\t2.5\t2.5\t3.5")
    new = {(f.rule, f.severity) for f in report.findings if f.id not in before and "3.5" in f.message}
    assert new == {("perf.execution_rate", "error"), ("sum.perf_funding", "error")}


def test_a_goal_block_headed_yuqi_mubiao_ends_the_funding_rows(urumqi) -> None:
    # 003's OCR: "预期目标 实际完成情况" heads the goal block and the 年度总体目标 label is split over two
    # lines, so before this the funding block ran on into the goal text ("以加强扩大 2025 5 11 11")
    # and was dropped whole.
    t = table(urumqi, "2024年社保经办机构业务补助经费")
    assert t["funding_complete"]
    assert [r["label"] for r in t["funding"]] == ["项目资金", "(万元)", "其他"]
    # the goal is still the 年度总体目标 row below the heading, not the heading
    t = table(urumqi, "PPP 咨询机构服务费")
    assert t["goal"].quote.startswith("年度总体目标")


def test_a_changed_fiscal_row_in_the_ocr_table_is_reported(urumqi) -> None:
    before = {f.id for f in urumqi.findings}
    report = changed(URUMQI, "F财政拨款\t119. 00\t119. 00", "F财政拨款\t81. 69\t119. 00")
    new = [f for f in report.findings if f.id not in before and f.rule == "sum.perf_funding"]
    assert any("81.69" in f.message and f.severity == "error" for f in new), [f.message for f in new]


HUAIHUA = ROOT / "data" / "reports" / "004_64caca8ce772cd7b.txt"


def test_the_whole_budget_split_by_income_and_by_spending_adds_up() -> None:
    """004's 整体支出绩效自评表: "年度资金总额 897.32 877.77 877.77", then "按收入性质分：" (一般公共预算：897.32,
    政府性基金拨款：, 纳入专户管理的非税收入拨款：, 其他资金：) and "按支出性质分：" (基本支出：804.32, 项目支出：93).
    Both splits are of 年初预算数 897.32 on the real report; a changed part, or a changed total, is reported.
    Found by the table-figure direct pass: these cells were read by no rule."""
    from generator.checks.balance import perf_split

    assert list(perf_split(load_report(HUAIHUA, cache=None))) == []

    def found(old: str, new: str) -> set[tuple[str, str, str]]:
        return {(f.severity, f.claimed, f.expected) for f in perf_split(report_changed(HUAIHUA, old, new))}

    assert found("基本支出：804.32", "基本支出：814.32") == {("error", "897.32", "907.32")}
    # the total changed: neither split is of 年初预算数 997.32 nor of 全年预算数 877.77, so both are reported
    # against 年初预算数, the budget the split is of
    assert found("年度资金总额\n\t897.32", "年度资金总额\n\t997.32") == {("error", "997.32", "897.32")}


def test_a_funding_header_split_over_two_rows_by_ocr(urumqi) -> None:
    """003《就业创业综合服务平台设备》: OCR put "年初预算 全年预算 全年执行" in one cell of the row above and
    "分值 执行率 得分" in their own cells; the three amounts stand in the three cells before 分值. Until now
    the block was not read at all (four such headers in 003)."""
    t = table(urumqi, "就业创业综合服务平台设备")
    total = t["funding"][0]
    assert total["aligned"] and [total[k] for k in ("initial", "budget", "spent", "rate")] == [
        Decimal("12.86"), Decimal("12.86"), Decimal("12.86"), Decimal("100.00"),
    ]  # fmt: skip
    before = {f.id for f in urumqi.findings}
    report = changed(
        URUMQI, "项目资金\t年度资\t金总额\t12.86\t12.86", "项目资金\t年度资\t金总额\t12.86\t14.86"
    )
    new = {(f.rule, f.severity) for f in report.findings if f.id not in before and "14.86" in f.message}
    assert new == {("perf.execution_rate", "error"), ("sum.perf_funding", "error")}


def test_a_funding_header_whose_rate_and_score_labels_ocr_garbled(urumqi) -> None:
    """003: "年初预算 全年预算 全年执行 八店 出仁帝 須八" over "数 数 数 分值 5人17半 1号分": the three amounts are named,
    分值 is on the row below, and the first funding row has its percentage right after 分值
    ("348.00 300.82 300.82 10 100.00% 10.00分"), so 执行率 and 得分 are the two cells after 分值."""
    (t,) = [
        t for t in urumqi.perf_tables if t["funding"] and t["funding"][0].get("initial") == Decimal("348.00")
    ]
    total = t["funding"][0]
    assert total["aligned"] and (total["budget"], total["spent"], total["rate"]) == (
        Decimal("300.82"), Decimal("300.82"), Decimal("100.00"),
    )  # fmt: skip
    before = {f.id for f in urumqi.findings}
    report = changed(URUMQI, "金总额\t348. 00\t300. 82\t300. 82", "金总额\t348. 00\t300. 82\t310. 82")
    new = {(f.rule, f.severity) for f in report.findings if f.id not in before and "310.82" in f.message}
    assert new == {("perf.execution_rate", "error"), ("sum.perf_funding", "error")}
