"""Statements the number sweep found read by no rule (eighteenth session), each now checked.

benchmarks/number_sweep.py --list (text seeds) and the same sweep over the PDFs' running text change one figure at a
time: 001's "预算执行100%" (率 left out), a rate opening the sentence after the amounts ("……全年支出数为8.93万元。预算执行率
为100%"), its 满意度情况 cells ("通过调查，受益群体的满意度为98%"), and the 三公 total's change beside its three parts'
changes (000, 002, 003, 规划局), 002 整体 table's merged 执行率 ("中央安排 0.00 0.00 0.00 10 93.85% 9.4"), and 规划局's "公务用车购置及运行维护费支出0.00万元" could be changed to anything and no rule noticed. On the real reports all agree, so
the tests change one figure at a time.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import ROOT, report_changed, reread

from generator.checks.budget import execution
from generator.checks.perf import satisfaction_text
from generator.checks.repeat import perf_funding
from generator.pipeline import load_report

LANXIAN = ROOT / "data" / "reports" / "001_7c4dfcc9575acdfa.txt"


@pytest.fixture(scope="module")
def lanxian():
    return load_report(LANXIAN, cache=None)


def test_the_real_rates_and_surveys_agree(lanxian) -> None:
    # 15/15/15 "预算执行100%", 29.553203/29.553203 "预算执行100%", 8.93/8.93 "。预算执行率为100%": all right
    assert [f.claimed for f in execution(lanxian)] == []
    assert list(satisfaction_text(lanxian)) == []
    # the 8.93 sentence is still read (its amounts are ten times the table's 0.893: the one error there)
    (f,) = [f for f in perf_funding(lanxian) if "单位运转经费" in f.subject and "8.93" in f.claimed]
    assert "执行率" not in f.claimed  # the rate agrees with the table's


def test_a_rate_written_without_its_character_is_read() -> None:
    """ "全年预算数15万元，全年支出数15万元，预算执行100%": changed to 93%, the table's "资金总额： 15 15 15 15 0 100" and
    the sentence's own amounts say otherwise. Both rules speak: the table row (an error), and the sentence's own
    arithmetic, which at 15 printed to the unit (14.5 to 15.5) allows 94% to 107%, so 93% is one unit off (a note)."""
    old = "全年支出数15万元，预算执行100%"
    report = report_changed(LANXIAN, old, old.replace("100%", "93%"))
    (f,) = [f for f in perf_funding(report) if f.claimed == "执行率93%"]
    assert (f.severity, f.expected) == ("error", "执行率100%")
    assert f.evidence[0].quote == "年初预算数15万元，全年预算数15万元，全年支出数15万元，预算执行93%"
    (g,) = execution(report)
    assert (g.severity, g.claimed, g.expected) == ("info", "93%", "100%")


def test_a_rate_opening_the_next_sentence_is_read() -> None:
    """ "年初预算数为9万元，全年预算数为8.93万元，全年支出数为8.93万元。预算执行率为100%": the rate is the sentence's."""
    old = "全年支出数为8.93万元。预算执行率为100%"
    report = report_changed(LANXIAN, old, old.replace("100%", "90%"))
    (g,) = execution(report)
    assert (g.severity, g.claimed, g.expected) == ("error", "90%", "100%")
    assert g.evidence[0].quote == "全年预算数为8.93万元，全年支出数为8.93万元。预算执行率为90%"
    (f,) = [f for f in perf_funding(report) if "单位运转经费" in f.subject and "8.93" in f.claimed]
    assert "执行率90%" in f.claimed and "执行率100%" in f.expected


@pytest.mark.parametrize(
    "old, new, claimed, expected, named",
    [
        # 见习生……社保补贴: "满意度达到96%" against "受益人员的满意 ≥% ≥95% ≥95%"
        ("稳定发展,满意度达到96%", "稳定发展,满意度达到89%", "89%", "≥95%", "受益人员的满意"),
        # 零工市场补助资金: "通过调查……受益群体的满意度为98%" against "受益群体满意度 ≥% ≥96% ≥96%"
        ("受益群体的满意度为98%", "受益群体的满意度为91%", "91%", "≥96%", "受益群体满意度"),
        # 数据专网架设经费: "满意度情况及分析 2024年度通过调查，使用人的满意度为98%" against "使用人员满意度 ≥98%"
        ("使用人的满意度为98%", "使用人的满意度为96%", "96%", "≥98%", "使用人员满意度"),
    ],
)
def test_a_survey_result_below_the_indicator_s_floor(old, new, claimed, expected, named) -> None:
    (f,) = satisfaction_text(report_changed(LANXIAN, old, new))
    assert (f.severity, f.claimed, f.expected) == ("warning", claimed, expected)
    assert f"满意度指标“{named}”" in f.message and "低于它" in f.message
    assert f.evidence[0].quote.endswith(claimed)


def test_a_survey_above_the_floor_or_stated_as_a_floor_is_not_reported() -> None:
    # "满意度达到96%" against "≥95%": at least 95, so 96 fits (the real report)
    # the floor raised above the survey's 98%: "受益群体满意度 ≥% ≥96% ≥96%" → "≥99%"
    row = "受益群体满意度\t≥%\t≥96%\t≥96%"
    (f,) = satisfaction_text(report_changed(LANXIAN, row, row.replace("≥96%\t≥96%", "≥96%\t≥99%")))
    assert (f.claimed, f.expected) == ("98%", "≥99%")
    # a text giving a floor ("满意度达到90%以上") or a goal without a survey is not a result
    old = "受益群体的满意度为98%"
    assert list(satisfaction_text(report_changed(LANXIAN, old, "受益群体的满意度为91%以上"))) == []
    # without "通过调查" (and not in a 满意度情况 cell: 001 prints the label in the row before) the figure may be the aim
    old = "通过调查，此项目为就业人员提供了安全舒适度的服务场所，受益群体的满意度为98%"
    new = "此项目为就业人员提供了安全舒适度的服务场所，受益群体的满意度为91%"
    assert list(satisfaction_text(report_changed(LANXIAN, old, new))) == []


# --- yoy.sangong_parts: the 三公 total's change against its three parts' changes ---

GUIHUA = ROOT / "data" / "reports" / "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"


@pytest.mark.parametrize(
    "name, old, new, claimed, expected",
    [
        # 000: "财政拨款“三公”经费支出4.73万元，比上年减少0.09万元" = 0.00 + 0.00 − 0.09 (公务接待费)
        ("000_41e5c2151686b1a5.txt", "0.27万元，占5.71%，比上年减少0.09万元", "0.27万元，占5.71%，比上年减少0.19万元",
         "减少0.09万元", "减少0.19万元"),
        # 003: "……81.97万元,比上年增加4.19万元" = 0.00 + 4.19 (公务用车购置及运行维护费) + 0.00
        ("003_237caace6a9bba17.txt", "81.97 万元,占100.00%,比上年增加4.19万元", "81.97 万元,占100.00%,比上年增加4.91万元",
         "增加4.19万元", "增加4.91万元"),
    ],
)  # fmt: skip
def test_the_sangong_change_is_its_parts_changes(name, old, new, claimed, expected) -> None:
    from generator.checks.yoy import sangong_parts

    path = ROOT / "data" / "reports" / name
    assert list(sangong_parts(load_report(path, cache=None))) == []
    (f,) = sangong_parts(report_changed(path, old, new))
    assert (f.severity, f.claimed, f.expected) == ("error", claimed, expected)
    assert len(f.evidence) == 4 and "只由这三项组成" in f.message


def test_the_sangong_parts_held_flat(reports) -> None:
    """规划局: "“三公”经费财政拨款支出决算数比2023年度减少0.15万元，……其中：因公出国（境）费支出与上一年度持平；公务用车购置
    及运行维护费支出与上一年度持平；公务接待费支出决算减少0.15万元": 持平 counts as 0. The total changed is reported."""
    from generator.checks.yoy import sangong_parts

    report = reports[GUIHUA.name]
    assert list(sangong_parts(report)) == []
    old = "比2023年度减少0.15万元"
    assert sum(old in b.text for b in report.document.blocks) == 1
    (f,) = sangong_parts(reread(report, old, "比2023年度减少1.52万元"))
    assert (f.claimed, f.expected) == ("减少1.52万元", "减少0.15万元")
    assert "因公出国（境）费持平、公务用车购置及运行维护费持平、公务接待费-0.15" in f.message


def test_the_sangong_total_is_named_before_fiscal_spending() -> None:
    """004: "“三公”经费财政拨款支出预算为1.40万元……与上年相比减少0.26万元" was taken for 财政拨款支出 (fiscal_expenditure,
    840.77), because "财政拨款支出" came first in extract's list of names; it is the 三公 total."""
    report = load_report(ROOT / "data" / "reports" / "004_64caca8ce772cd7b.txt", cache=None)
    (c,) = [c for c in report.yoy_claims if c["subject"] == "“三公”经费财政拨款支出"]
    assert (c["metric"], c["change"]) == ("sangong_total", Decimal("0.26"))


def test_the_vehicle_money_stated_as_one_figure(reports) -> None:
    """规划局's 三公 具体情况: "2、公务用车购置及运行维护费支出0.00万元。其中：" — the one figure the 公开09表 prints in its own
    column (0.00). text_table.sangong read the two parts only; the joint figure changed went unseen."""
    from generator.checks.tables import sangong_text

    report = reports[GUIHUA.name]
    assert list(sangong_text(report)) == []
    old = "公务用车购置及运行维护费支出0.00万元"
    assert sum(old in b.text for b in report.document.blocks) == 1
    (f,) = sangong_text(reread(report, old, "公务用车购置及运行维护费支出1.37万元"))
    assert (f.severity, f.claimed, f.expected) == ("error", "1.37", "0.00")
    assert f.evidence[0].quote == "公务用车购置及运行维护费支出1.37万元"


CAIZHENG_BUREAU = ROOT / "data" / "reports" / "002_e0b9e12b257efafd.txt"


def test_a_merged_rate_in_a_table_that_lost_its_grid() -> None:
    """002's 整体 table, its grid lost in the text export: "中央安排 0.00 0.00 0.00 10 93.85% 9.4", every other row and 合计
    "- - -" ("合计 2779.89 3205.90 3008.60 - - -"): one 执行率 merged down the rows, 3008.60 ÷ 3205.90 = 93.85%, right.
    The seventeenth session read such a rate in 000's grid; in 002's text it was read by nothing."""
    from generator.checks.perf import execution_rate

    assert not [
        f
        for f in execution_rate(load_report(CAIZHENG_BUREAU, cache=None))
        if f.subject == "整体支出绩效自评表/中央安排"
    ]
    old = "中央安排 0.00 0.00 0.00 10 93.85% 9.4"
    (f,) = [f for f in execution_rate(report_changed(CAIZHENG_BUREAU, old, old.replace("93.85", "90.68")))
            if f.subject == "整体支出绩效自评表/中央安排"]  # fmt: skip
    assert (f.severity, f.claimed, f.expected) == ("error", "90.68%", "93.85%")
    assert "执行率一栏纵向合并，印在中央安排行" in f.message
    assert [q.quote for q in f.evidence] == [
        "中央安排0.00 0.00 0.00 10 90.68% 9.4",
        "合计2779.89 3205.90 3008.60 - - -",
    ]


def test_a_budget_s_rate_alone_in_the_table_s_own_cell() -> None:
    """001's 微电影 and 数据专网 tables: "……四是资金使用完成率100%" in the 项目绩效分析 cell, the table's "资金总额： 15 15 15 15
    0 100": a lone rate is read there (a lone figure elsewhere still is not), and only a budget's ("预算……", "资金……"):
    "支出标准执行率100%" in 见习生…'s cell is an indicator's."""
    from generator.extract.perf import funding_statements

    report = load_report(LANXIAN, cache=None)
    lone = [s for s in funding_statements(report.document, report.perf_tables) if s.get("budget") is None]
    assert [s["quote"].quote for s in lone] == ["资金使用完成率100%", "资金使用完成率100%"]
    old = "四是资金使用完成率100%"
    (f,) = [
        f
        for f in perf_funding(report_changed(LANXIAN, old, "四是资金使用完成率93%"))
        if f.claimed == "执行率93%"
    ]
    assert (f.severity, f.expected) == ("error", "执行率100%")
    assert f.evidence[0].quote == "资金使用完成率93%"


def test_a_survey_stated_under_the_indicator_s_own_name_is_reported_once(tmp_path) -> None:
    """ "2024年度通过调查，使用人员满意度98%" names the indicator ("使用人员满意度 ≥% ≥98% =99%") exactly, with its figure:
    perf.completion_text's statement. Both rules would read it; only completion_text reports it."""
    from generator.checks.perf import completion_text

    text = LANXIAN.read_text(encoding="utf-8")
    for old, new in (
        ("使用人的满意度为98%", "使用人员满意度98%"),
        # the unit column left blank (as most 自评表 print the row), so that the indicator is read by its name
        ("使用人员满意度\t≥%\t≥98%\t≥98%\t", "使用人员满意度\t\t≥98%\t=99%\t"),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (tmp_path / LANXIAN.name).write_text(text, encoding="utf-8")
    report = load_report(tmp_path / LANXIAN.name, cache=None)
    (f,) = [f for f in completion_text(report) if "满意度" in f.message]
    assert (f.claimed, f.expected) == ("98%", "99%")
    assert list(satisfaction_text(report)) == []


def test_a_result_beside_its_goal_is_compared() -> None:
    """002's 驻村 table: "预期目标 … 全年开展为民办实事2件" and "实际完成情况 … 全年开展为民办实事3件", indicator
    "为民办实事件数 >=2件 =3件". Two figures for one name used to mean "not unambiguous"; the one equal to the target,
    in a sentence that does not report a result, is the goal. Found by sweeping the counts (人, 个, 件 …)."""
    from generator.checks.repeat import perf_indicator_text

    real = load_report(CAIZHENG_BUREAU, cache=None)
    assert not [f for f in perf_indicator_text(real) if "为民办实事" in f.subject]
    changed = report_changed(CAIZHENG_BUREAU, "全年开展为民办实事 3 件", "全年开展为民办实事 6 件")
    (f,) = [f for f in perf_indicator_text(changed) if "为民办实事" in f.subject]
    assert (f.severity, f.claimed, f.expected) == ("warning", "6件", "3件")
    assert f.evidence[0].quote == "为民办实事6件"


def test_a_result_named_by_five_characters_of_its_indicator() -> None:
    """002: "2023年，我局召开工伤等级鉴定11次" and the indicator "职工工伤等级鉴定会次数 >=9次 =11次": the text names it by
    "工伤等级鉴定", neither its first four characters nor its whole stem. Five characters of the name in a row (and at most
    three more) now do; on the nine documents every statement so matched names the same measure and agrees
    (开展各类职业技能培训11.79万人次, 会议系统故障排查率100% for 系统故障排除率, 档案建设项目验收合格率 …)."""
    from generator.checks.repeat import perf_indicator_text

    real = load_report(CAIZHENG_BUREAU, cache=None)
    assert not [f for f in perf_indicator_text(real) if "工伤等级" in f.subject]
    changed = report_changed(CAIZHENG_BUREAU, "我局召开工伤等级鉴定 11 次", "我局召开工伤等级鉴定 8 次")
    (f,) = [f for f in perf_indicator_text(changed) if "工伤等级" in f.subject]
    assert (f.severity, f.claimed, f.expected) == ("warning", "8次", "11次")
    assert f.evidence[0].quote == "工伤等级鉴定8次"


HUAIHUA = ROOT / "data" / "reports" / "004_64caca8ce772cd7b.txt"


def test_a_task_rate_in_a_table_cell() -> None:
    """004 writes "带动就业6734人，达到年度任务的177.21%" seven times, twice in 自评表 cells (the 整体 table's 实际完成情况);
    ratio.task_target read the running text only, so a cell's copy changed went unseen (6731 ÷ 3800 = 177.13%)."""
    from generator.checks.perf import task_target

    old = "带动就业6734人，达到年度任务的177.21%；　全市1-11月"
    (f,) = [
        f
        for f in task_target(report_changed(HUAIHUA, old, old.replace("6734", "6731")))
        if "6731" in f.message
    ]
    assert (f.severity, f.claimed, f.expected) == ("error", "177.21%", "177.13%")


def test_a_run_two_indicators_share_names_neither() -> None:
    """004 has "开展离校未就业高校毕业生实名制登记服务工作 ≥95% 95.84%" and "离校未就业高校毕业生就业率 ≥95% 98.14%": a text
    "离校未就业高校毕业生就业率98.14%" must not be read as the first's. Runs of five characters that two names share
    name neither; the runs left are each name's own."""
    from generator.checks.repeat import naming_runs

    runs = naming_runs(
        ["开展离校未就业高校毕业生实名制登记服务工作", "离校未就业高校毕业生就业率", "职工工伤等级鉴定会次数"]
    )
    # what the other name does not hold
    assert runs["离校未就业高校毕业生就业率"] == ("业生就业率", "校毕业生就", "毕业生就业")
    assert "离校未就业" not in runs["开展离校未就业高校毕业生实名制登记服务工作"]
    assert "实名制登记" in runs["开展离校未就业高校毕业生实名制登记服务工作"]
    assert "工伤等级鉴" in runs["职工工伤等级鉴定会次数"]
