"""perf.all_targets_met, perf.in_progress and perf.name_unit: the edge cases.

The real cases are pinned in test_checks_narrative.py (004, 000, 003); these are short synthetic
reports (said so), with 自评表 rows written the way extract/perf.py stores them.
"""

from __future__ import annotations

from decimal import Decimal

from conftest import report_of

from generator.checks.outcome import all_targets_met, in_progress
from generator.checks.perf import name_unit
from generator.model import Quote


def indicator(name: str, target: str, actual: str, points: str, score: str) -> dict:
    row = f"{name} {target} {actual} {points} {score}"
    return {
        "name": name, "target": target, "actual": actual, "points": Decimal(points), "score": Decimal(score),
        "quote": Quote(row, 1, None, "绩效自评表"),
    }  # fmt: skip


def table(name: str | None, *indicators: dict, goal: str | None = None) -> dict:
    return {
        "title": "绩效自评表", "name": name, "funding": [], "indicators": list(indicators),
        "total": {"points": Decimal(100), "score": Decimal(98), "quote": Quote("总分 100 98", 1, None)},
        "goal": Quote(goal, 1, None, "绩效自评表") if goal else None,
    }  # fmt: skip


SHORT = indicator("生态效益", "100%", "99%", "5", "4")
MET = indicator("服务对象满意度", "90%", "92.97%", "10", "10")


def test_a_claim_before_any_project_is_read_against_the_overall_table() -> None:
    r = report_of("（一）综合评价结论。绩效目标完成率为100%，实际完成率100%。")
    r.perf_tables = [table(None, MET, SHORT)]
    (f,) = all_targets_met(r)
    assert f.claimed == "绩效目标完成率为100%" and f.expected == "1项指标未完成"
    assert "总分98分" in f.message and f.evidence[1].quote.startswith("生态效益")


def test_targets_all_met_or_short_without_a_deduction_give_nothing() -> None:
    r = report_of("各项绩效目标均已完成。")
    # 99% of 100% with full points: the table does not count it as missed, so neither does the rule
    r.perf_tables = [table(None, MET, indicator("生态效益", "100%", "99%", "5", "5"))]
    assert list(all_targets_met(r)) == []


def test_a_claim_under_a_project_is_read_against_that_project_only() -> None:
    r = report_of("项目名称档案管理工作经费", "所设定的绩效目标均已完成。", "项目名称农民工就业工作经费")
    r.perf_tables = [table("档案管理工作经费", MET), table("农民工就业工作经费", SHORT), table(None, SHORT)]
    assert list(all_targets_met(r)) == []
    r.perf_tables[0]["indicators"].append(indicator("档案整理", ">=1000盒", "=900盒", "10", "9"))
    (f,) = all_targets_met(r)
    assert "《档案管理工作经费》" in f.message and f.expected == "1项指标未完成"


def test_an_upper_bound_is_missed_by_going_over_it() -> None:
    r = report_of("绩效目标完成率为100%。")
    r.perf_tables = [table(None, indicator("维修成本", "<=20万元", "=18万元", "10", "9"))]
    assert list(all_targets_met(r)) == []  # under the ceiling: met (another rule notes the deduction)
    r.perf_tables = [table(None, indicator("维修成本", "<=20万元", "=23万元", "10", "7"))]
    assert len(list(all_targets_met(r))) == 1


DEADLINE = "时效指标 工作完成时限 10 =2024年11月1日前 2024年8月16日 100% 10 计划标准"


def test_work_in_progress_at_year_end_against_an_earlier_completion_date() -> None:
    r = report_of(
        "项目名称软件开发与维护项目", "截止12月31日，正在进行等级保护1次，国密算法测评1次。", DEADLINE
    )
    (f,) = in_progress(r)
    assert (f.claimed, f.expected) == ("2024年12月31日仍在进行", "2024年8月16日完成")
    assert f.evidence[0].quote == "截止12月31日，正在进行等级保护1次，国密算法测评1次"


def test_in_progress_before_the_completion_date_or_in_another_project_gives_nothing() -> None:
    early = report_of("项目名称软件开发与维护项目", "截至6月30日，正在进行等级保护测评。", DEADLINE)
    assert list(in_progress(early)) == []
    other = report_of(
        "项目名称网络宣传项目", "截止12月31日，正在进行宣传片拍摄。", "项目名称软件开发与维护项目", DEADLINE
    )
    assert list(in_progress(other)) == []


def test_an_area_counted_in_cubic_metres() -> None:
    r = report_of("x")
    wrong = indicator("砖砌体拆除面积", "=75.6立方米", "=75.6立方米", "5", "5")
    right = indicator("平面块料拆除面积", "=100平方米", "=100平方米", "5", "5")
    named = indicator("房屋租赁面积(平方米)", "=11006平方米", "=11005.47平方米", "10", "10")
    r.perf_tables = [table("加固改造项目", wrong, right, named, goal="拆除75.6平方米，平面块料拆除100平方米")]
    (f,) = name_unit(r)
    assert (f.claimed, f.expected) == ("立方米", "面积单位（平方米等）")
    assert [q.quote for q in f.evidence][1] == "75.6平方米"


def test_units_of_no_known_dimension_are_left_alone() -> None:
    r = report_of("x")
    r.perf_tables = [table("项目", indicator("培训场地面积", "=3间", "=3间", "5", "5"))]
    assert list(name_unit(r)) == []
