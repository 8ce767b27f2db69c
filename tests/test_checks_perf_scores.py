"""perf.execution_score (and perf.execution_rate) on text-exported 自评表 (synthetic rows in 002's shape: one cell a line, so the
score runs into the next row's cells; the real case is pinned in test_checks_narrative.py)."""

from __future__ import annotations

from decimal import Decimal

from conftest import ROOT, report_of, seed_changed

from generator.checks.perf import (
    _printed_as,
    execution_score,
    indicator_twice,
    score_total,
    target_met_scored_short,
)
from generator.pipeline import load_report


def table(name: str, row: str) -> tuple[str, str]:
    return f"项目名称{name}主管部门测试局", f"年初预算数全年预算数全年执行数分值执行率得分{row}"


def test_lower_rate_with_higher_score_is_flagged_once() -> None:
    r = report_of(
        *table("甲项目", "年度资金总额72.80 72.80 66.50 10 91.35% 10.0072.80 72.80 66.50 — — —"),
        *table("乙项目", "年度资金总额13.80 13.80 13.60 10 98.55% 9.6413.80 13.80 13.60 — — —"),
        *table("丙项目", "年度资金总额10.00 10.00 9.31 10 93.10% 8.270.00 0.00 0.00 — — —"),
    )
    found = sorted((f.claimed, f.expected) for f in execution_score(r))
    assert found == [("10.00分（执行率91.35%）", "不高于9.64分")]
    (f,) = execution_score(r)
    assert "《甲项目》" in f.message and "《乙项目》" in f.message
    assert [q.quote for q in f.evidence] == [
        "年度资金总额72.80 72.80 66.50 10 91.35% 10.00",
        "年度资金总额13.80 13.80 13.60 10 98.55% 9.64",
    ]


def test_rows_whose_rate_is_not_their_own_amounts_are_not_read() -> None:
    # 9.31 ÷ 10.00 is 93.10%, not 99.10%: the columns are not where they seem, so the row is left out
    r = report_of(
        *table("甲项目", "年度资金总额72.80 72.80 66.50 10 91.35% 10.00"),
        *table("丙项目", "年度资金总额10.00 10.00 9.31 10 99.10% 8.27"),
    )
    assert list(execution_score(r)) == []


def test_monotone_scores_are_consistent() -> None:
    r = report_of(
        *table("甲项目", "年度资金总额72.80 72.80 66.50 10 91.35% 7.84"),
        *table("乙项目", "年度资金总额13.80 13.80 13.60 10 98.55% 9.64"),
        *table("丁项目", "年度资金总额10.00 10.00 10.00 10 100.00% 10.00"),
    )
    assert list(execution_score(r)) == []


def test_met_targets_scored_short_in_a_text_export() -> None:
    # 002's shape: the 分值 runs into the unit ("万元10"), the 得分 to two decimals, the next cell follows
    r = report_of(
        "项目名称甲项目主管部门测试局",
        "维修成本<=22.92万元 =11.44万元10 0.00",
        ">=74平方米 =84平方米15 15.00",  # met, full marks: nothing to say
        "<=6人 =4人10 6.67建国前老工人遗孀为高龄人群",  # met, scored 4 ÷ 6 × 10: the bound read backwards
    )
    found = {(f.severity, f.claimed) for f in target_met_scored_short(r)}
    assert found == {("info", "=11.44万元（0.00分）"), ("warning", "=4人（6.67分）")}


def test_a_text_row_over_several_paragraphs_and_its_reason() -> None:
    # 002's 农村劳动力外出务工工作经费: the cells one a line, the actual's unit wrapped, no 偏差原因 after the
    # 得分 (the next indicator's name follows); the same row with a reason ending in "。" is explained
    head = ["项目名称甲项目主管部门测试局", "数量指标", "系统录入农", "村劳动力外", "出务工人次", "数"]
    row = [">=13万人次", "=14.3238万", "人次", "20 18.00"]
    nxt = ["开展基层农", "村劳动力就", "业工作人员", "培训", ">=300人 =320人 10 10.00"]
    found = [(f.severity, f.claimed) for f in target_met_scored_short(report_of(*head, *row, *nxt))]
    assert found == [("info", "=14.3238万人次（18.00分）")]
    reason = ["因统计口", "径调整，", "扣除重复", "录入人次。"]
    assert list(target_met_scored_short(report_of(*head, *row, *reason, *nxt))) == []


def test_a_score_cut_to_two_decimals_is_still_the_ratio() -> None:
    # 002's 为民办实事: 19.9938 ÷ 20 × 10 = 9.9969, printed 9.99 (cut, not rounded), a reason that only says
    # what was left over
    r = report_of(
        "项目名称甲项目主管部门测试局",
        "<=20万元 =19.9938万元10 9.99根据实际情况支付费用，剩余62元。",
        "<=30万元 =29.9938万元10 9.98",  # neither rounded nor cut (9.9979): a deduction of its own
        "<=41人 =38人10 9.27",  # 38 ÷ 41 × 10 = 9.268: a headcount ceiling scored as a quantity to reach
    )
    found = sorted((f.severity, f.claimed) for f in target_met_scored_short(r))
    # the 0.01 point at the score's last digit, and a cost ceiling scored as spent ÷ ceiling, are notes since the
    # seventeenth session (warnings before); a count scored so is still a warning
    assert found == [
        ("info", "=19.9938万元（9.99分）"),
        ("info", "=29.9938万元（9.98分）"),
        ("warning", "=38人（9.27分）"),
    ]
    cut = [f.message for f in target_met_scored_short(r) if "截去末位" in f.message]
    assert len(cut) == 1 and "=9.9969，截去末位，按支出占上限的比例计分" in cut[0]
    # a whole-number score is only ever read as rounded: 9.7 printed 9 is no sign of a formula
    assert _printed_as(Decimal("9.7"), Decimal("10")) and not _printed_as(Decimal("9.7"), Decimal("9"))
    assert not _printed_as(Decimal("9.9969"), Decimal("9.98"))


def test_text_export_rates_are_checked_against_their_amounts() -> None:
    """002 is a text export whose 自评表 lost their grid; its 23 "年度资金总额 X Y Z 10 P% S" lines are now read
    by perf.execution_rate as well (all agree on the real report: real, not synthetic). A changed rate or
    amount is reported."""
    from conftest import ROOT, report_changed

    from generator.checks.perf import execution_rate
    from generator.pipeline import load_report

    path = ROOT / "data" / "reports" / "002_e0b9e12b257efafd.txt"
    assert list(execution_rate(load_report(path, cache=None))) == []
    old = "年度资金总额 72.80 72.80 66.50 10 91.35%"
    (f,) = list(execution_rate(report_changed(path, old, "年度资金总额 72.80 72.80 66.50 10 81.35%")))
    assert (f.severity, f.claimed, f.expected) == ("error", "81.35%", "91.35%")
    assert f.evidence[0].quote == "年度资金总额72.80 72.80 66.50 10 81.35% 10.00"  # as extracted
    assert f.message.startswith("《") and "66.50÷72.80" in f.message


def test_a_reprinted_row_with_another_actual_is_one_indicator_with_two_values() -> None:
    # 003's 《全市事业单位网络培训》 was read twice by the OCR; one reading of 考试试题更新率 changed from =20% to =25%
    pair = "更新率\t>=20%\t=20%\t10\t10\t\n\t\t\t考试试题 更新率\t>=20%\t=20%"
    r = seed_changed("003_237caace6a9bba17.txt", pair, pair.removesuffix("=20%") + "=25%")
    found = {(f.severity, f.claimed, f.expected) for f in indicator_twice(r)}
    assert found == {
        ("info", "=100%", "=99.34%"),
        ("info", "=25%", "=20%"),
    }  # the real case and the changed one


def test_neighbours_with_one_target_are_two_indicators_unless_named_alike() -> None:
    # 000: "基层公共就业服务人员典型事迹 5 >=3人 =3人" then "创业人员典型事迹 5 >=3人 =3人", a table that does not reprint
    # its rows: two indicators that share a target, so another actual for the second is no conflict …
    row = "\t创业人员典型事迹\n\t5\n\t>=3人\n\t=3人"
    assert (
        list(indicator_twice(seed_changed("000_41e5c2151686b1a5.txt", row, row.replace("\t=3人", "\t=4人"))))
        == []
    )
    # … but a row of the same name with the same target and points and another actual is the indicator again
    same = row.replace("创业人员", "基层公共就业服务人员").replace("\t=3人", "\t=4人")
    (f,) = indicator_twice(seed_changed("000_41e5c2151686b1a5.txt", row, same))
    assert (f.claimed, f.expected) == ("=4人", "=3人") and "基层公共就业服务人员典型事迹" in f.message


R002 = "002_e0b9e12b257efafd.txt"


def test_a_text_exported_total_is_the_sum_of_its_rows() -> None:
    # 002's 23 自评表 lost their grid; each one's "分值 得分" pairs (资金执行 included) add up to its 总分 row:
    # none is reported as printed (were a row missed, the 分值 would not add up to 100, and nothing is compared)
    assert list(score_total(load_report(ROOT / "data" / "reports" / R002, cache=None))) == []
    # 《劳动人事争议调解仲裁工作经费》: 10 + 10 + 10 + 6.40 + 6 + 6 + 10 + 5 + 4.25 + 20 + 10 = 97.65
    (f,) = score_total(seed_changed(R002, "总分 100 97.65 分", "总分 100 98.65 分"))
    assert (f.severity, f.claimed, f.expected) == ("error", "98.65", "97.65")
    assert "劳动人事争议调解仲裁工作经费" in f.message and f.evidence[-1].quote == "总分100 98.65分"
    # … a row's score changed, the total kept
    (f,) = score_total(seed_changed(R002, "=52.4% 8 6.40", "=52.4% 8 7.40"))
    assert (f.claimed, f.expected) == ("97.65", "98.65")
    # a total above its own 满分
    (f,) = score_total(seed_changed(R002, "总分 100 97.65 分", "总分 100 197.65 分"))
    assert (f.claimed, f.expected) == ("197.65", "≤100")


def test_the_whole_unit_table_of_a_text_export_is_scored_too() -> None:
    # 002's 整体 table prints 分值, 实际完成值 and 得分 together after the 指标值依据 ("城镇新增" "就业" ">=2.20 万人次"
    # "昌吉州政府" "工作报告" "15 2.24 万人次 15"): all six such rows are met and scored in full
    from generator.checks.perf import target_missed

    assert list(target_missed(load_report(ROOT / "data" / "reports" / R002, cache=None))) == []
    (f,) = target_missed(seed_changed(R002, "15 2.24 万人次 15", "15 2.14 万人次 15"))
    assert (f.claimed, f.expected) == ("2.14万人次（15分）", ">=2.20万人次")
    assert "整体支出绩效自评表" in f.message and f.evidence[0].quote == "15 2.14万人次15"
    (f,) = target_missed(seed_changed(R002, "10 60 日 10", "10 65 日 10"))
    assert (f.claimed, f.expected) == ("65日（10分）", "<=60日")


def test_a_reason_over_many_narrow_paragraphs_is_read_from_the_row_s_own_line() -> None:
    # 002's 行政复议 table: the 偏差原因 starts on the row's own line ("…1 1.00全年局") and runs over twenty
    # paragraphs of three characters; the row before it in the same table has the reason of another row's money
    from generator.checks.perf import _text_scored_rows, reason_no_cost

    note = "全年局/机关加/大了新/媒体手/段灵活/多样的/宣传力/度，工/伤、农/工、仲裁/等科室/已制作/了大量/的政策/口袋书、"
    note += "/手提袋、/宣传册、/手套等/政策宣/传品，科/室未制/作政策/宣传品，/无相应/的费用/支出。"
    first, *rest = note.split("/")
    r = report_of(
        "项目名称甲项目主管部门测试局",
        "制作人社法", "规政策宣传", "费用（万元）", f"<=1万元 =0.86万元1 1.00{first}", *rest,
        "日常办公工", "作经费（万", "元）", "<=0.20万元 =0.14万元1 1.00因宣传", "费用没", "有产生，", "加大了其他", "办公经费的", "支付。",
    )  # fmt: skip
    rows = [ind for _, _, ind in _text_scored_rows(r)]
    assert [row["reason"] for row in rows] == [
        note.replace("/", ""),
        "因宣传费用没有产生，加大了其他办公经费的支付。",
    ]
    assert rows[0]["reason_quote"].quote == note.replace("/", "\n")
    (f,) = reason_no_cost(r)  # the second row's note speaks of the 宣传费用, not of its own 0.14万元
    assert (f.severity, f.claimed, f.expected) == ("warning", "=0.86万元", "无支出")
    assert "无相应的费用支出" in f.message and f.evidence[1].quote.endswith("无相应\n的费用\n支出。")


def test_a_target_missed_in_other_words() -> None:
    """001's 自评表 row "质量指标 拍摄MP4画面清晰 清晰 达成预期指标 10 10" with its actual "未达成预期指标", or 004's "效果明显"
    as "效果不明显", at full points: the word-flip probe (thirty-third session, G21: 79 flips) found perf.target_missed
    read 未完成/未达到 but not 未达成, nor 不明显."""
    from generator.checks.perf import target_missed

    old = "拍摄MP4画面清晰\t\t清晰\t达成预期指标"
    before = {f.id for f in target_missed(seed_changed("001_7c4dfcc9575acdfa.txt", old, old))}
    changed = seed_changed("001_7c4dfcc9575acdfa.txt", old, old.replace("达成", "未达成"))
    (f,) = [f for f in target_missed(changed) if f.id not in before]
    assert f.severity == "warning" and "实际完成情况写“未达成预期指标”，却得满分10分" in f.message
    pair = "\t效果明显\n\t效果明显\n"  # (target, actual)
    r004 = seed_changed("004_64caca8ce772cd7b.txt", pair, "\t效果明显\n\t效果不明显\n", count=40)
    assert any("实际完成情况写“效果不明显”" in f.message for f in target_missed(r004))
    # …against its target "效果明显"; "波动不明显" may be just what a target of little change asks (the fixes' probe,
    # thirty-third session)
    r004 = seed_changed("004_64caca8ce772cd7b.txt", pair, "\t波动不明显\n\t波动不明显\n", count=40)
    assert not any("不明显" in f.message for f in target_missed(r004))


def test_the_whole_self_evaluation_after_the_projects_names_none_of_them(tmp_path) -> None:
    """000's text dump with its 单位整体支出绩效自评表 moved after the project tables (a common order: the order probe,
    thirty-fourth session, F13). The 整体 table has no 项目名称 row, so its rows were read under the last project's name:
    a warning that 《机构运行经费》's deadline "2024年11月20日" is contradicted by "工作完成时限 2024年12月1日", the 整体
    table's own row. Its title starts no project's text."""
    source = ROOT / "data" / "reports" / "000_41e5c2151686b1a5.txt"
    lines = source.read_text(encoding="utf-8").split("\n")
    whole = next(i for i, x in enumerate(lines) if x.strip() == "单位整体支出绩效自评表")
    projects = next(i for i, x in enumerate(lines) if x.strip() == "项目支出绩效自评表")
    end = next(i for i, x in enumerate(lines) if x.startswith("十二、其他需说明"))
    moved = lines[:whole] + lines[projects:end] + lines[whole:projects] + lines[end:]
    target = tmp_path / source.name
    target.write_text("\n".join(moved), encoding="utf-8")
    said = {(f.rule, f.severity, f.message) for f in load_report(target, cache=None).findings}
    plain = {(f.rule, f.severity, f.message) for f in load_report(source, cache=None).findings}
    assert not [f for f in said - plain if f[0] == "perf.deadline_missed"]


def test_a_self_evaluation_annex_printed_twice_is_read_once(tmp_path) -> None:
    """000's text dump with its whole 绩效自评 annex printed twice (the order probe, thirty-fourth session, F14): every
    project's name was then two tables', and the rules reading a project by its name found it ambiguous: the true
    warning perf.cost_sum went. A table printed twice is read once."""
    source = ROOT / "data" / "reports" / "000_41e5c2151686b1a5.txt"
    lines = source.read_text(encoding="utf-8").split("\n")
    whole = next(i for i, x in enumerate(lines) if x.strip() == "单位整体支出绩效自评表")
    end = next(i for i, x in enumerate(lines) if x.startswith("十二、其他需说明"))
    target = tmp_path / source.name
    target.write_text("\n".join(lines[:end] + lines[whole:end] + lines[end:]), encoding="utf-8")
    twice, plain = load_report(target, cache=None), load_report(source, cache=None)
    assert len(twice.perf_tables) == len(plain.perf_tables) == 9
    said = {(f.rule, f.severity, f.message) for f in twice.findings}
    assert {
        f for f in {(f.rule, f.severity, f.message) for f in plain.findings} if f[0] == "perf.cost_sum"
    } <= said


def test_a_deviation_reason_comparing_the_actual_with_the_target(reports) -> None:
    """003's 创业培训人数 row: ">=13193 人次 =19754 人次 5 5 政策宣传 到位,实际 完成情况 高于目标 值。" — its reason agrees with
    its figures. The word-flip probe (thirty-third session, G22) turned "高于" into "低于", or the actual below the target,
    and no rule read the reason: the reason and the figures cannot both be right (perf.reason_word). A comparison with
    the budget ("实际成交的价格较年初预算减少") is not one with the target."""
    from generator.checks.perf import reason_word

    r003 = "003_237caace6a9bba17.txt"
    assert list(reason_word(reports[r003])) == []
    said = "政策宣传 到位,实际 完成情况 高于目标 值。"
    (f,) = reason_word(seed_changed(r003, said, said.replace("高于", "低于")))
    assert f.severity == "error" and (f.claimed, f.expected) == ("低于", "高于")
    assert f.message.endswith(
        "“创业培训人数”的偏差原因写“实际完成情况低于目标值”，但同一行指标值为>=13193人次、实际完成=19754人次，"
        "实际值高于指标值：原因里的比较与数字相反。"
    )
    (f,) = reason_word(seed_changed(r003, ">=13193 人次\t=19754 人次", ">=13193 人次\t=9754 人次"))
    assert (f.claimed, f.expected) == ("高于", "低于")
    # at the target: neither higher nor lower, not reported
    assert (
        list(reason_word(seed_changed(r003, ">=13193 人次\t=19754 人次", ">=13193 人次\t=13193 人次"))) == []
    )
    # not reported (the fixes' probe, thirty-fifth session): another thing's comparison ("创业担保贷款发放实际低于目标值"),
    # a past shortfall ("……未达到目标值的原因已整改"), and "未达到" on a ceiling (<=200人, =244人: the goal not met)
    for other in (
        "创业担保贷款发放实际低于目标值,但创业培训政策宣传到位,超额完成。",
        "实际完成情况未达到目标值的原因已整改,本年超额完成。",
    ):
        assert list(reason_word(seed_changed(r003, said, other))) == [], other
    ceiling = seed_changed(r003, "年底新增保健对象", "年底新增保健对象,实际完成值未达到目标值")
    assert list(reason_word(ceiling)) == []
    assert not [f for r in reports.values() for f in reason_word(r)]
