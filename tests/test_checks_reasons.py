"""yoy.reason_conflict, yoy.reason_staff, yoy.reason_direction: how explanations are read.

The real cases are pinned in test_checks_narrative.py (000, 002); these are the edge cases no real
report shows in one place, written as one-paragraph documents (synthetic, said so).
"""

from __future__ import annotations

import pytest
from conftest import ROOT, report_changed, report_of

from generator.checks.reasons import (
    _explained,
    item_key,
    reason_conflict,
    reason_direction,
    reason_staff,
    reason_statements,
    reason_transfer,
)


def said(*paragraphs: str) -> list[tuple[str, int]]:
    return [(s.key, s.sign) for s in reason_statements(report_of(*paragraphs))]


@pytest.mark.parametrize(
    "name,key",
    [
        ("就业信息化建设补助资金", "就业信息化建设"),
        ("四级联动的视频会议系统使用", "四级联动视频会议系统使用"),
        ("本年单位物业管理费", "物业管理"),
        ("职业年金缴费支出", "职业年金缴"),
        ("中职国家助学金项目支出", "中职国家助学金"),
    ],
)
def test_item_key(name: str, key: str) -> None:
    assert item_key(name) == key


def test_verb_first_and_verb_last_lists() -> None:
    text = (
        "支出决算数为42.75万元，比上年决算减少11.87万元，下降21.73%,主要原因是:本年单位减少就业信息化建设补助资金、"
        "促进就业工作以奖代补资金，本年单位物业管理费、差旅费较上年减少。"
    )
    assert said(text) == [
        ("就业信息化建设", -1),
        ("促进就业工作以奖代补", -1),
        ("物业管理", -1),
        ("差旅", -1),
    ]


def test_budget_explanations_are_not_year_on_year() -> None:
    # 年中追加 explains 决算 against 年初预算, not a change on last year: nothing to compare.
    text = (
        "与年初预算相比，年初预算数2,049.90万元，决算数2,638.26万元，预决算差异率28.70%，主要原因是：年中追加"
        "就业信息化建设补助资金。"
    )
    assert said(text) == []


def test_reason_in_the_sentence_after_the_change() -> None:
    # 规划局's shape: "…增长12.08%。主要原因：…"; and the explanation's second sentence counts too (002).
    text = (
        "与2023年度相比，收入支出总计增加1062.85万元，增长12.08%。主要原因：本年在职人员工资调增。"
        "本年增加三支一扶工作经费、援疆经费等项目，导致经费较上年增加。与年初预算相比，年中追加博士后培养经费。"
    )
    assert said(text) == [("三支一扶", 1)]


def test_generic_words_and_years_name_nothing() -> None:
    text = (
        "比上年增加5.00万元，增长5.00%，主要原因是：相应支出增加，人员经费增加，增加2022年及2023年度取暖费。"
    )
    assert said(text) == []


UNIT_WIDE = (
    "一、收入支出决算总体情况说明",
    "收入支出总体与上年相比，增加10.00万元，增长10.00%，主要原因是：本年增加就业工作经费、援疆干部慰问经费等项目。",
)
ITEMS_HEADING = "（三）一般公共预算财政拨款支出决算具体情况"
FELL = "1.其他就业补助支出(项):比上年决算减少1.00万元，下降10.00%,主要原因是:本年单位减少援疆干部慰问经费。"
ROSE = "2.就业管理事务(项):比上年决算增加3.00万元，增长10.00%,主要原因是:本年单位增加援疆干部慰问经费。"


def test_unit_wide_rise_against_an_items_fall_warns_once() -> None:
    (f,) = reason_conflict(report_of(*UNIT_WIDE, ITEMS_HEADING, FELL))
    assert (f.severity, f.claimed, f.expected) == ("warning", "援疆干部慰问经费增加", "援疆干部慰问经费减少")
    assert (
        "本年增加就业工作经费、援疆干部慰问经费等项目" in f.message
        and "本年单位减少援疆干部慰问经费" in f.message
    )


def test_a_fund_moving_between_items_is_only_a_note() -> None:
    # one item's fall and another's rise: the money may have moved from one 科目 to the other; against the unit-wide
    # rise, the falling item is a note
    found = list(reason_conflict(report_of(*UNIT_WIDE, ITEMS_HEADING, FELL, ROSE)))
    assert found and {f.severity for f in found} == {"info"}
    # two 科目 alone, each reason true to its own change (减少1.00 / 减少; 增加3.00 / 增加): both hold, nothing to say
    assert list(reason_conflict(report_of(ITEMS_HEADING, FELL, ROSE))) == []
    # a reason against its own 科目's change is still compared
    rose_against = ROSE.replace("增加3.00万元", "减少3.00万元")
    assert {f.severity for f in reason_conflict(report_of(ITEMS_HEADING, FELL, rose_against))} == {"info"}


def test_same_direction_is_no_conflict() -> None:
    r = report_of(
        "比上年增加10.00万元，增长10.00%，主要原因是：本年增加援疆干部慰问经费。",
        "比上年增加1.00万元，增长10.00%，主要原因是：本年单位援疆干部慰问经费较上年增加。",
    )
    assert list(reason_conflict(r)) == []


def test_dated_funds_are_different_money() -> None:
    # 003: the 2024 第二批 fund is new, an older one ended: both true.
    r = report_of(
        "比上年增加10.00万元，增长10.00%，主要原因是：本年增加2024年学生资助补助经费(第二批)。",
        "比上年减少1.00万元，下降10.00%，主要原因是：本年度减少学生资助补助经费项目支出。",
    )
    assert list(reason_conflict(r)) == []


def test_staff_reason_against_staff_numbers() -> None:
    staff = "实有人数48人，其中：在职人员25人，增加0人；退休人员23人,增加1人。"
    down = "比上年决算减少0.06万元，下降23.08%,主要原因是：本年在职人员减少，其他行政事业单位医疗支出较上年减少。"
    up = "比上年决算增加4.22万元，增长42.58%,主要原因是：本年退休人员增加，退休费支出增加。"
    (f,) = reason_staff(report_of(staff, down, up))
    assert (f.claimed, f.expected) == ("在职人员减少", "在职人员与上年持平")
    assert [q.quote for q in f.evidence] == ["本年在职人员减少", "在职人员25人，增加0人"]
    # a stated decrease agrees with "减少31人"
    assert list(reason_staff(report_of("在职人员683人,减少31人;退休人员343人,增加27人。", down))) == []


def test_staff_reasons_against_each_other_where_no_numbers_are_stated() -> None:
    staff = "实有人数48人，其中：在职人员25人，增加0人。"
    up = "比上年增加4.22万元，增长42.58%,主要原因是：本年退休人员增加，退休费支出增加。"
    down = "比上年减少1.00万元，下降10.00%,主要原因是：本年退休人员减少，取暖费减少。"
    (f,) = reason_staff(report_of(staff, up, down))
    assert (f.claimed, f.expected) == ("退休人员增加", "退休人员减少")


@pytest.mark.parametrize(
    "text,flagged",
    [
        # the money came from elsewhere and this item rose: as it should be
        ("2.统战事务(款)宗教事务(项):支出决算数为1.20万元，比上年决算增加1.20万元，增长100.00%,主要原因是:功能科目调整，"
         "津贴补贴上年在其他统战事务支出科目列支，本年在此科目列支，导致经费增加。", False),
        # moved in, yet fell
        ("3.统战事务(款)宗教事务(项):支出决算数为0.20万元，比上年决算减少1.00万元，下降83.33%,主要原因是:功能科目调整，"
         "津贴补贴上年在其他统战事务支出科目列支，本年在此科目列支。", True),
    ],
)  # fmt: skip
def test_transfer_reason_against_the_change(text: str, flagged: bool) -> None:
    assert bool(list(reason_transfer(report_of(text)))) is flagged


REPORTS = ROOT / "data" / "reports"


@pytest.mark.parametrize(
    "name,old,new,change,reason",
    [
        # 000 其他就业补助支出: "比上年决算增加26.60万元，增长172.95%,主要原因是：本年增加自治区就业补助资金", the fund
        # the explanation names turned the other way
        ("000_41e5c2151686b1a5.txt", "本年增加自治区就业补助资金", "本年减少自治区就业补助资金",
         "比上年决算增加26.60万元，增长172.95%", "本年减少自治区就业补助资金"),
        # 004's 三公: "与上年相比减少0.26万元，减少18.3%,减少的主要原因是……" with the label's own verb turned
        ("004_64caca8ce772cd7b.txt", "减少18.3%,减少的主要原因是从严从紧", "减少18.3%,增加的主要原因是从严从紧",
         "与上年相比减少0.26万元，减少18.3%", "增加的主要原因"),
        # 001: an explanation that opens with the year ("2024年减少了外出务工人员的稳岗补贴项目")
        ("001_7c4dfcc9575acdfa.txt", "主要原因是2024年减少了外出务工人员", "主要原因是2024年增加了外出务工人员",
         "较上年决算减少107.03万元，下降7.19%", "2024年增加了外出务工人员的稳岗补贴项目"),
        # 003 (OCR'd, spaced digits): "减少 5. 69 万元……主要原因是:本年减少 劳动仲裁项目支出,相应支出减少" with both
        # clauses turned
        ("003_237caace6a9bba17.txt", "本年减少 劳动仲裁项目支出,相应支出减少", "本年增加 劳动仲裁项目支出,相应支出增加",
         "减少5.69万元,下降18.97%", "相应支出增加"),
    ],
)  # fmt: skip
def test_reason_turned_against_its_change(name: str, old: str, new: str, change: str, reason: str) -> None:
    (f,) = reason_direction(report_changed(REPORTS / name, old, new))
    assert f.severity == "warning"
    assert change in f.evidence[0].quote and any(
        q.quote == reason or reason in q.quote for q in f.evidence[1:]
    )
    assert reason in f.message and f.claimed != f.expected


@pytest.mark.parametrize(
    "name,old,new",
    [
        # one clause still goes the change's way ("本年增加 劳动仲裁项目支出,相应支出减少" for a 减少): not contradictory
        ("003_237caace6a9bba17.txt", "本年减少 劳动仲裁项目支出", "本年增加 劳动仲裁项目支出"),
        # "本年业务量减少，公用经费增加" for a rise: 公用经费 still rose
        ("000_41e5c2151686b1a5.txt", "本年业务量增加，公用经费增加", "本年业务量减少，公用经费增加"),
        # less money saved or carried over means more spent: "增加……主要原因是：本年减少……结余资金" is no contradiction
        ("000_41e5c2151686b1a5.txt", "本年增加自治区就业补助资金", "本年减少自治区就业补助结余资金"),
    ],
)
def test_an_explanation_with_one_clause_along_the_change_is_not_reported(
    name: str, old: str, new: str
) -> None:
    assert list(reason_direction(report_changed(REPORTS / name, old, new))) == []


def test_people_moving_the_other_way_are_not_money(reports: dict[str, object]) -> None:
    # 003 社会保险经办机构 fell 275.15 because "死亡减员人员逐年增加": the explanation is read, but what rose is
    # people, and fewer of them are paid; none of the nine real reports has a reason against its change.
    r003 = reports["003_237caace6a9bba17.txt"]
    read = [block.text[start:end] for _, block, _at, start, end, _ in _explained(r003)]  # type: ignore[arg-type]
    assert any("死亡减员人员逐年增加" in text for text in read)
    for report in reports.values():
        assert list(reason_direction(report)) == []  # type: ignore[arg-type]


def test_the_item_s_own_spending_said_to_move_the_other_way() -> None:
    """000: "行政单位离退休(项):…比上年决算增加4.22万元，增长42.58%,主要原因是：本年退休人员增加，发放退休人员基础绩效，退休费
    支出增加" with its last words "退休费支出减少" (the word-flip probe, thirty-third session, G10: 30 flips). The staff
    clause agreeing with the rise hid it: a cause may move the other way, but not the item's own spending. Not when a
    sum of money is said to move the change's way too."""
    from generator.checks.reasons import reason_direction

    path = ROOT / "data" / "reports" / "000_41e5c2151686b1a5.txt"
    old = "发放退休人员基础绩效，退休费支出增加"
    (f,) = reason_direction(report_changed(path, old, old.replace("增加", "减少")))
    assert f.severity == "warning" and "紧接着的原因却是“退休费支出减少”" in f.message
    old = "本年新增退休人员，职业年金缴费支出增加"
    (f,) = reason_direction(report_changed(path, old, old.replace("增加", "减少")))
    assert "职业年金缴费支出(项)比上年增加" in f.message
    # money the change's way beside it: two causes, one each way
    assert (
        list(
            reason_direction(
                report_changed(path, old, "本年新增退休人员，单位缴费增加，职业年金缴费支出减少")
            )
        )
        == []
    )
    assert list(reason_direction(report_changed(path, old, old))) == []


def test_a_verb_after_its_causes_and_spending_counted(reports) -> None:
    """The word-flip probe (thirty-third session, G11, G13): 财政局's "……以及项目支出中合同支付进度条款等原因减少支付" after a
    fall, written "增加支付" (the verb after the causes, its object last; 支付 is money), and 003's "因此本年支出数较上年减少"
    written "增加" (支出数 is money)."""
    from conftest import reread

    from generator.checks.reasons import reason_direction

    caizheng = reports["上海市普陀区财政局2024年度部门决算.pdf"]
    found = reason_direction(reread(caizheng, "等原因减少支付", "等原因增加支付"))
    assert sorted(f.subject for f in found) == ["一般公共预算财政拨款支出", "收入支出总计"]
    assert list(reason_direction(caizheng)) == []
    r003 = reports["003_237caace6a9bba17.txt"]
    (f,) = reason_direction(reread(r003, "因此本年支出数较上年减少", "因此本年支出数较上年增加"))
    assert "紧接着的原因却是“因此本年支出数较上年增加”" in f.message
