"""Edge cases of perf.all_targets_met, perf.in_progress, perf.deadline_missed (outcome.py), perf.name_unit,
perf.execution_score_high, perf.payment_rate, perf.target_met_scored_short's explained deductions and
budget.sangong_rate's blank 预算数.

The real cases are pinned in test_checks_narrative.py (004, 000, 001, 003, 财政局); these are short
synthetic reports (said so), with 自评表 rows written the way extract/perf.py stores them.
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


DEADLINE = indicator("工作完成时限", "=2024年11月1日前", "2024年8月16日", "10", "10")


def test_work_in_progress_at_year_end_against_an_earlier_completion_date() -> None:
    r = report_of("项目名称软件开发与维护项目", "截止12月31日，正在进行等级保护1次，国密算法测评1次。")
    r.perf_tables = [table("软件开发与维护项目", DEADLINE)]
    (f,) = in_progress(r)
    assert (f.claimed, f.expected) == ("2024年12月31日仍在进行", "2024年8月16日完成")
    assert f.evidence[0].quote == "截止12月31日，正在进行等级保护1次，国密算法测评1次"


def test_in_progress_before_the_completion_date_or_in_another_project_gives_nothing() -> None:
    early = report_of("项目名称软件开发与维护项目", "截至6月30日，正在进行等级保护测评。")
    early.perf_tables = [table("软件开发与维护项目", DEADLINE)]
    assert list(in_progress(early)) == []
    other = report_of("项目名称网络宣传项目", "截止12月31日，正在进行宣传片拍摄。")
    other.perf_tables = [table("网络宣传项目"), table("软件开发与维护项目", DEADLINE)]
    assert list(in_progress(other)) == []
    late = report_of("项目名称软件开发与维护项目", "截止12月31日，正在进行等级保护测评。")
    late.perf_tables = [table("软件开发与维护项目", {**DEADLINE, "score": Decimal(8)})]
    assert list(in_progress(late)) == []  # points taken off: the table does not claim it was done in time


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


def test_a_date_stated_after_the_deadline() -> None:
    from generator.checks.outcome import deadline_missed

    row = indicator("下水管道维修时间", "2024年6月30日前", "达成预期指标", "5", "5")
    r = report_of("项目名称单位运转经费", "三是时效指标，下水管道维修时间2024年8月，维修密集时间2024年12月。")
    r.perf_tables = [table("单位运转经费", row)]
    (f,) = deadline_missed(r)
    assert (f.severity, f.claimed, f.expected) == ("warning", "2024年8月", "2024年6月30日前")
    assert f.evidence[1].quote == "下水管道维修时间2024年8月"
    # the same month as a day deadline, or the deadline's year clipped to digits the date does not end with
    for target in ("2024年8月31日前", "2024年8月", "5年6月30日"):
        r.perf_tables = [
            table("单位运转经费", indicator("下水管道维修时间", target, "达成预期指标", "5", "5"))
        ]
        assert list(deadline_missed(r)) == [], target
    r.perf_tables = [
        table("单位运转经费", indicator("下水管道维修时间", "4年6月30日", "达成预期指标", "5", "5"))
    ]
    assert [f.severity for f in deadline_missed(r)] == ["info"]  # the clipped year read as the text's
    planned = report_of("项目名称单位运转经费", "原计划下水管道维修时间2024年8月。")
    planned.perf_tables = [table("单位运转经费", row)]
    assert list(deadline_missed(planned)) == []


def test_the_tables_own_actual_date_and_a_deduction() -> None:
    from generator.checks.outcome import deadline_missed

    r = report_of("x")
    late = indicator("尾款支付完成时间", "2024年11月30日前", "2024年12月15日", "20", "20")
    r.perf_tables = [table("尾款项目", late)]
    (f,) = deadline_missed(r)
    assert f.claimed == "2024年12月15日" and len(f.evidence) == 1
    r.perf_tables = [table("尾款项目", {**late, "score": Decimal(15)})]
    assert list(deadline_missed(r)) == []  # points taken off: the table does not say it was on time


def test_a_deduction_explained_in_its_own_row_is_not_noted(reports) -> None:
    """000 takes points off targets it met (<=24万元, =22.8万元: 8.75 of 10), and says why in each row's 偏差原因
    ("因该项目采取竞价的方式……"): perf.target_met_scored_short asks for exactly that, so it stays quiet."""
    from generator.checks.perf import _bound_and_actual, target_met_scored_short

    r = reports["000_41e5c2151686b1a5.txt"]
    met = [
        i
        for t in r.perf_tables
        for i in t["indicators"]
        if i["score"] is not None and i["score"] < i["points"] and (b := _bound_and_actual(i)) is not None
        if ((b[2] <= b[1]) if b[0] else (b[2] >= b[1]))
    ]
    assert len(met) >= 10 and all(i["reason"] for i in met)
    assert list(target_met_scored_short(r)) == []
    unexplained = report_of("x")
    unexplained.perf_tables = [table("项目", {**met[0], "reason": ""})]
    assert [f.severity for f in target_met_scored_short(unexplained)] == ["info"]


def test_a_blank_sangong_budget_is_zero_only_when_the_total_leaves_no_room() -> None:
    from generator.checks.budget import _blank_is_zero

    budget = {
        "合计": Decimal("0.95"),
        "因公出国（境）费": None,
        "公务用车购置及运行维护费": None,
        "公务接待费": Decimal("0.95"),
    }
    assert _blank_is_zero(budget, "因公出国（境）费") and _blank_is_zero(budget, "公务用车运行维护费")
    assert not _blank_is_zero({**budget, "合计": Decimal("1.95")}, "因公出国（境）费")  # 1.00 unaccounted for
    assert not _blank_is_zero({**budget, "合计": None}, "因公出国（境）费")


def test_a_length_of_months_is_no_deadline() -> None:
    from generator.checks.outcome import deadline_missed

    r = report_of("项目名称咨询服务", "PPP项目重点研判阶段2024年3月完成。")
    r.perf_tables = [table("咨询服务", indicator("PPP项目重点研判阶段", "<=2月", "=2月", "5", "5"))]
    assert list(deadline_missed(r)) == []  # "<=2月": two months, not February
    elsewhere = report_of("项目名称另一个项目", "PPP项目重点研判阶段2024年3月完成。")
    elsewhere.perf_tables = [table("咨询服务", indicator("PPP项目重点研判阶段", "<=2月底", "=2月", "5", "5"))]
    assert list(deadline_missed(elsewhere)) == []  # the text is under another project
    r.perf_tables = [table("咨询服务", indicator("PPP项目重点研判阶段", "<=2月底", "=2月", "5", "5"))]
    assert [f.claimed for f in deadline_missed(r)] == ["2024年3月"]


def funded(name: str, rate: str, score: str, budget: str = "10.00", spent: str = "9.00") -> dict:
    row = f"年度资金总额 {budget} {spent} 10 {rate}% {score}"
    quote = Quote(row, 1, None, "绩效自评表")
    fund = {
        "label": "年度资金总额", "aligned": True, "budget": Decimal(budget), "spent": Decimal(spent),
        "points": Decimal(10), "rate": Decimal(rate), "score": Decimal(score), "quote": quote,
    }  # fmt: skip
    return {**table(name), "funding": [fund]}


def test_a_score_above_the_reports_own_proportional_scoring() -> None:
    from generator.checks.perf import execution_score_high

    r = report_of("x")
    r.perf_tables = [funded("甲", "98.8", "9"), funded("乙", "93.23", "9"), funded("丙", "32", "8")]
    (f,) = execution_score_high(r)
    assert (f.claimed, f.expected) == ("8分（执行率32%）", "不超过3.20分")
    # one other table below 100% is too little to tell the report's scoring
    r.perf_tables = [funded("甲", "98.8", "9"), funded("乙", "100", "10"), funded("丙", "32", "8")]
    assert list(execution_score_high(r)) == []
    # another table above rate × 10 too: the report may give full marks above some rate (002)
    r.perf_tables = [funded("甲", "91.35", "10"), funded("乙", "93.1", "8.27"), funded("丙", "77.73", "4.43")]
    r.perf_tables.append(funded("丁", "94.93", "10"))
    assert list(execution_score_high(r)) == []
    # at most a point over: rounding up
    r.perf_tables = [funded("甲", "98.8", "9"), funded("乙", "93.23", "9"), funded("丙", "72", "8")]
    assert list(execution_score_high(r)) == []


def test_a_denied_or_planned_completion_is_no_claim() -> None:
    for text in ("并非所有绩效目标都已完成。", "下一步将确保绩效目标完成率达到100%。"):
        r = report_of(text)
        r.perf_tables = [table(None, SHORT)]
        assert list(all_targets_met(r)) == [], text


def test_a_payment_rate_against_the_tables_own_amounts() -> None:
    from generator.checks.funds import payment_rate

    r = report_of("x")
    paid = indicator("项目资金支付率", ">=95%", "=100%", "10", "10")
    prompt = indicator("项目资金支付及时率", ">=95%", "=100%", "10", "10")  # a time, not an amount
    r.perf_tables = [{**funded("大厦维修", "49.91", "0", "22.92", "11.44"), "indicators": [paid, prompt]}]
    r.perf_tables[0]["funding"][0]["initial"] = Decimal("22.92")
    (f,) = payment_rate(r)
    assert (f.severity, f.claimed, f.expected) == ("info", "100%", "49.91%")
    near = report_of("x")  # a new report: project funds are read once per report
    near.perf_tables = [{**funded("大厦维修", "99.48", "10", "22.92", "22.80"), "indicators": [paid]}]
    near.perf_tables[0]["funding"][0]["initial"] = Decimal("22.92")
    assert list(payment_rate(near)) == []  # 99.48%: within a point


def test_derived_data_is_read_once_per_report_and_again_when_its_input_is_replaced() -> None:
    from generator.checks import per_report

    calls: list[int] = []

    @per_report("perf_tables")
    def count(report) -> int:  # type: ignore[no-untyped-def]
        calls.append(1)
        return len(report.perf_tables)

    r = report_of("x")
    assert (count(r), count(r), len(calls)) == (0, 0, 1)
    r.perf_tables = [table("甲")]
    assert (count(r), len(calls)) == (1, 2)
    assert (count(report_of("y")), len(calls)) == (0, 3)


def test_002_deductions_explained_in_notes_over_many_paragraphs(reports) -> None:
    """002's text export: four met targets docked points (>=40间 =66间 3.50/10, >=5项 =13项 0/10, <=10万元 =9.31万元
    8.27/10, <=22.92万元 =11.44万元 0/10) each say why in their own 偏差原因, a narrow cell over more than eight
    paragraphs ("本办公楼建成时间较早，在实际维护过程中，发现需维护的数量比预期增加，故产生偏差。"). Read whole since the
    sixteenth session, they are explained like 000's and no longer noted; rows with no 偏差原因 still are. Three more
    (>=200人 =1727人, <=100% =42.06%, <=13万元 =0.95万元, each 0 points) open their reason on the row's own line and
    no "。" closes it before the next row ("0.00因各县" / "市加大" / … / "产生偏" / "差"): noted until the seventeenth
    session's audit of every finding, now read as reasons too (not quoted: where they end is not known)."""
    from generator.checks.perf import _scored_indicators, target_met_scored_short

    r = reports["002_e0b9e12b257efafd.txt"]
    rows = {ind["actual"]: ind for _, _, ind in _scored_indicators(r)}
    assert rows["=66间"]["reason"].startswith("本办公楼建成时间较早")
    assert all(rows[a]["reason"] for a in ("=66间", "=13项", "=9.31万元", "=11.44万元"))
    noted = {f.claimed for f in target_met_scored_short(r)}
    assert not noted & {"=66间（3.50分）", "=13项（0.00分）", "=9.31万元（8.27分）", "=11.44万元（0.00分）"}
    assert (
        rows["=1727人"]["reason"].startswith("因各县市加大组织宣传力度")
        and rows["=1727人"]["reason_quote"] is None
    )
    assert not noted & {"=1727人（0.00分）", "=42.06%（0.00分）", "=0.95万元（0.00分）"}
    # what runs on after a full score is the next row's name ("7 7.00就业资金第" / "三方评价费" / "用"), no cause: no reason
    assert rows["=14.8万元"]["reason"] is None
    assert (
        "=14.3238万人次（18.00分）" in noted
    )  # ">=13万人次" / "=14.3238万" / "人次" / "20 18.00", then the next name


def test_rates_given_as_rates_or_words_are_left_alone() -> None:
    r = report_of("x")
    r.perf_tables = [
        table(
            "项目",
            indicator("资金拨付及时率", ">=95%", "=100%", "5", "5"),
            indicator("办公用品到位及时率", "及时", "达成预期指标", "5", "5"),
            indicator("成本控制率", "≤0.5", "0.16", "10", "10"),
            indicator("提高资产使用效率", "≤10万", "10万", "10", "10"),
            indicator("巡查频率", "=12天", "=12天", "10", "10"),
        )
    ]
    assert list(name_unit(r)) == []
    r.perf_tables = [table("项目", indicator("办结及时率", "<=5个工作日", "=3个工作日", "5", "5"))]
    (f,) = name_unit(r)
    assert f.subject == "办结及时率/天数" and f.claimed == "<=5个工作日 / =3个工作日"
    assert "指标“办结及时率”的名称是一个比率，指标值<=5个工作日、实际值=3个工作日却是天数" in f.message
