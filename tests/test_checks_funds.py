"""budget.reason_nonfiscal and budget.midyear_added: how named projects meet their 自评表.

The real cases are pinned in test_checks_narrative.py (002); these are the edge cases, written as
short documents in 002's text-export shape (synthetic, said so).
"""

from __future__ import annotations

from decimal import Decimal

from conftest import report_of, reread, seed_changed

from generator.checks.funds import (
    _control_rates,
    _cost_rows,
    control_rate,
    midyear_added,
    project_funds,
    reason_nonfiscal,
)

REASON = (
    "财政拨款收入支出总体与上年相比，增加912.32万元，主要原因是：本年增加援疆经费、就业工作经费等项目。"
    "与年初预算相比，预决算差异率28.70%，主要原因是：年中追加就业工作经费、援疆经费等项目，导致预决算差异。"
)


def funds_row(total: str, fiscal: str, other: str, rate: str = "86.99%", score: str = "6.75") -> str:
    return f"年度资金总额{total} 10 {rate} {score}{fiscal} — — —其他资金{other} — — —目标"


def test_text_export_funding_rows_are_read_when_the_columns_add_up() -> None:
    r = report_of(
        "项目名称援疆工作经费",
        funds_row("220.00 399.18 347.25", "0.00 0.00 0.00", "220.00 399.18 347.25"),
        "项目名称就业工作经费",
        # 财政拨款 + 其他资金 ≠ 年度资金总额 in the second column: the columns are not where they seem
        funds_row("55.00 55.00 42.75", "55.00 50.00 42.75", "0.00 0.00 0.00", "77.73%", "4.43"),
    )
    amounts = (Decimal("220.00"), Decimal("399.18"), Decimal("347.25"))
    assert [(f.name, f.total, f.other) for f in project_funds(r)] == [("援疆工作经费", amounts, amounts)]


def test_a_project_paid_from_other_funds_cannot_explain_fiscal_spending() -> None:
    r = report_of(
        REASON,
        "项目名称援疆工作经费",
        funds_row("220.00 399.18 347.25", "0.00 0.00 0.00", "220.00 399.18 347.25"),
    )
    (f,) = reason_nonfiscal(r)  # named twice (change and 预决算差异): one finding
    assert f.claimed == "援疆经费（财政拨款项目）"
    assert "援疆经费" in f.evidence[0].quote and "其他资金220.00 399.18 347.25" in f.evidence[1].quote


def test_a_project_with_some_fiscal_money_is_not_reported() -> None:
    r = report_of(
        REASON,
        "项目名称援疆工作经费",
        funds_row("220.00 399.18 347.25", "20.00 20.00 20.00", "200.00 379.18 327.25"),
    )
    assert list(reason_nonfiscal(r)) == []


def test_midyear_addition_against_equal_initial_and_full_year_budgets() -> None:
    equal = funds_row("55.00 55.00 42.75", "55.00 55.00 42.75", "0.00 0.00 0.00", "77.73%", "4.43")
    raised = funds_row("40.00 55.00 42.75", "40.00 55.00 42.75", "0.00 0.00 0.00", "77.73%", "4.43")
    (f,) = midyear_added(report_of(REASON, "项目名称就业工作经费", equal))
    assert f.claimed == "就业工作经费（年中追加）" and "55.00万元" in f.expected
    assert list(midyear_added(report_of(REASON, "项目名称就业工作经费", raised))) == []
    # "本年增加" (a change from last year) is not a claim about the year's budget
    only_yoy = REASON.split("与年初预算相比")[0]
    assert list(midyear_added(report_of(only_yoy, "项目名称就业工作经费", equal))) == []


def test_names_must_match_without_money_words_only() -> None:
    """ "博士后培养经费" is not 《2021年度博士后资助经费》 (培养 ≠ 资助), and "就业工作经费" is not
    《就业信息化建设补助资金》 although one core name contains the other."""
    text = "与年初预算相比，主要原因是：财政拨款年中追加博士后培养经费、就业工作经费等项目。"
    r = report_of(
        "财政拨款" + text,
        "项目名称2021年度博士后资助经费",
        funds_row("560.00 560.00 560.00", "560.00 560.00 560.00", "0.00 0.00 0.00", "100.00%", "10.00"),
        "项目名称就业信息化建设补助资金",
        funds_row("30.00 30.00 30.00", "30.00 30.00 30.00", "0.00 0.00 0.00", "100.00%", "10.00"),
    )
    assert len(project_funds(r)) == 2
    assert list(midyear_added(r)) == []


def test_perf_initial_needs_the_fiscal_rows_to_be_the_fiscal_spending() -> None:
    from generator.checks.funds import perf_initial
    from generator.model import Quote, Value

    def row(label: str, initial: str, budget: str, spent: str) -> dict:
        return {"label": label, "aligned": True, "initial": Decimal(initial), "budget": Decimal(budget),
                "spent": Decimal(spent), "quote": Quote(f"{label} {initial}", 1)}  # fmt: skip

    def findings(spent: str) -> list:
        r = report_of("年初预算数575.63万元，决算数610.31万元")
        r.metrics = {k: Value(Decimal(v), "narrative", Quote(v, 1)) for k, v in
                     (("gpb_expenditure", "610.31"), ("gpb_budget_initial", "575.63"))}  # fmt: skip
        r.perf_tables = [{"title": "单位整体支出绩效自评表", "name": "测试单位", "funding": [
            row("上级资金", "41.98", "41.98", "41.98"), row("本级资金", "527.50", "568.33", spent),
            row("其他资金", "266.15", "258.74", "219.95"), row("合计", "835.63", "869.05", "830.26")]}]  # fmt: skip
        return list(perf_initial(r))

    (f,) = findings("568.33")
    assert (f.claimed, f.expected) == ("575.63万元", "569.48万元")
    assert findings("560.00") == []  # 41.98 + 560.00 is not the 财政拨款支出: the rows are not known to be it


def test_cost_sum_grades_a_few_cents_as_a_note() -> None:
    from generator.checks.funds import cost_sum

    def found(actuals: tuple[str, str, str]) -> list[tuple[str, str | None]]:
        a, b, c = actuals
        r = report_of(
            "项目名称劳动人事争议调解仲裁工作经费",
            funds_row("80.00 80.00 80.00", "80.00 80.00 80.00", "0.00 0.00 0.00", "100.00%", "10.00"),
            f"宣传培训费 <=35.12万元 ={a}万元5 5.00聘用仲裁员 <=6.24万元 ={b}万元5 5.00差旅费 <=38.64万元 ={c}万元5 5.00",
        )
        return [(f.severity, f.expected) for f in cost_sum(r)]

    assert found(("35.12", "6.24", "38.64")) == []  # the actuals add up to the 执行数
    assert found(("35.12", "6.272", "38.64")) == [("info", "80.032万元")]  # 3.2 cents over
    assert found(("30.12", "6.24", "38.64")) == [("warning", "75.00万元")]  # 5万元 not accounted for


def test_basic_data_projects_are_their_own_self_evaluations(tmp_path) -> None:
    """004's 基础数据表 lists each 市级专项 with its 2023 预算 and 决算; six of them have a 自评表 whose 年初预算数
    and 全年执行数 are the same figures ("市级企业用工保障服务专项经费 35.69 30 27.97" and 30 / 27.97). All agree
    on the real report (real, not synthetic); a changed row is reported against its own 自评表."""
    from conftest import ROOT, report_changed

    from generator.checks.funds import basic_data_project
    from generator.pipeline import load_report

    path = ROOT / "data" / "reports" / "004_64caca8ce772cd7b.txt"
    assert list(basic_data_project(load_report(path, cache=None))) == []
    for old, new, expected in [
        (
            "高校毕业生招聘工作经费\n\t23.80\n\t20\n\t19.76",
            "高校毕业生招聘工作经费\n\t23.80\n\t20\n\t18.76",
            ("18.76", "19.76"),
        ),
        # "流动人员档案管理经费" is the 自评表's "流动人员档案管理工作经费"
        ("流动人员档案管理经费\n\t21\n\t17.50", "流动人员档案管理经费\n\t21\n\t27.50", ("27.50", "17.5")),
    ]:
        (f,) = list(basic_data_project(report_changed(path, old, new)))
        assert (f.severity, f.claimed, f.expected) == ("error", *expected)


R002 = "002_e0b9e12b257efafd.txt"


def test_control_rates_are_their_tables_cost_over_its_ceiling(reports) -> None:
    r = reports[R002]
    # 002 states 14 成本控制率, each in a table with one cost indicator in 万元; all agree with cost ÷ ceiling at their
    # precision (11.44 ÷ 22.92 = 49.91%, printed 50%; 13.78 ÷ 500 = 2.756%, printed 2.8%). 68.9996 ÷ 69 = 99.9994%
    # is printed 99.99% (the review's C4), but a ceiling printed "69" may be 69.004: no finding
    rates = list(_control_rates(r))
    costs = _cost_rows(r)
    assert len(rates) == 14 and all(len(costs[project]) == 1 for project, *_ in rates)
    assert ("人社局劳动保障大厦维修经费", "项目预算成本控制率", Decimal("42.06")) in [x[:3] for x in rates]
    # the ceiling and the actual wrapped over paragraphs of their own: "<=242.48 万" / "元" / "=101.98 万" / "元"
    assert [c[:2] for c in costs["人社局劳动保障大厦维修经费"]] == [(Decimal("242.48"), Decimal("101.98"))]
    assert list(control_rate(r)) == []


def test_a_control_rate_that_is_not_its_cost_over_its_ceiling_is_reported(reports) -> None:
    (f,) = control_rate(seed_changed(R002, "<=100% =42.06%", "<=100% =45.06%"))
    assert (f.severity, f.claimed, f.expected) == ("warning", "45.06%", "42.06%")
    assert "101.98÷242.48=42.06%" in f.message and "=101.98万\n元" in f.evidence[1].quote
    # within one unit of the last place of what the rounded amounts allow is a note: 101.975 ÷ 242.485 = 42.054%
    (f,) = control_rate(seed_changed(R002, "<=100% =42.06%", "<=100% =42.04%"))
    assert (f.severity, f.claimed, f.expected) == ("info", "42.04%", "42.06%")
    # a report whose control rates mostly disagree with cost ÷ ceiling works them out otherwise: nothing reported
    r = reports[R002]
    for rate in ("=100% 10 10.00", "=91.35%", "=93.1%", "=97.58%", "=74%", "=2.8%", "=41.68%", "=50%"):
        figure, rest = rate.split()[0], rate[len(rate.split()[0]) :]
        r = reread(r, f"<=100% {rate}", f"<=100% ={figure.strip('=%')}1%{rest}")
    assert sum(1 for row in _control_rates(r) if str(row[2]).endswith("1")) >= 8
    assert list(control_rate(r)) == []
