"""sum.enumerated_items on one-paragraph documents (synthetic: edge cases the real 004 list does not
show; the real case is pinned in test_checks_tables.py)."""

from __future__ import annotations

from conftest import report_of

from generator.checks.lists import enumerated_items, enumerated_lists

ITEMS = (
    "①甲项目年初预算10万，全年使用数9.5万；",
    "②乙项目年初预算20万，全年使用数19.76万；",
    "③丙项目年初预算5万，全年使用数5万。",
)


def test_parts_over_the_total_are_an_error() -> None:
    (f,) = enumerated_items(report_of("项目资金年初预算数共计34万元，其中：", *ITEMS))
    assert (f.severity, f.claimed, f.expected) == ("error", "34", "35.00")


def test_parts_under_the_total_are_info_unless_the_list_is_whole() -> None:
    (f,) = enumerated_items(report_of("项目资金年初预算数共计36万元。", "其中：" + ITEMS[0], *ITEMS[1:]))
    assert (f.severity, f.expected) == ("info", "35.00")
    # 全年使用数 adding up exactly (34.26) proves the list whole: then the 年初预算 gap is an error
    whole = report_of("项目资金年初预算数共计36万元，全年使用数34.26万元，其中：", *ITEMS)
    assert [(f.severity, f.claimed) for f in enumerated_items(whole)] == [("error", "36")]


def test_trailing_zeros_dropped_is_not_rounding() -> None:
    # "10万" beside "19.76万" is 10.00: a 0.5 gap over three items is beyond 4 × 0.005
    assert list(enumerated_items(report_of("年初预算数共计35.5万元，其中：", *ITEMS)))
    assert not list(enumerated_items(report_of("年初预算数共计35万元，全年使用数34.26万元，其中：", *ITEMS)))


def test_a_gap_in_the_numbering_ends_the_list() -> None:
    paragraphs = ("年初预算数共计35万元，其中：", ITEMS[0], ITEMS[1], "④丁项目年初预算1万。")
    assert enumerated_lists(report_of(*paragraphs)) == []  # two items only: too short to judge


def test_items_run_together_in_one_paragraph() -> None:
    one = "项目资金年初预算数共计34万元，其中：" + "".join(ITEMS)
    (f,) = enumerated_items(report_of(one))
    assert (f.severity, f.claimed, f.expected) == ("error", "34", "35.00")
    assert [q.quote for q in f.evidence][1:] == [
        "①甲项目年初预算10万",
        "②乙项目年初预算20万",
        "③丙项目年初预算5万",
    ]
