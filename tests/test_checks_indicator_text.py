"""repeat.perf_indicator_text on 自评表 whose grid a text export lost (002's shape: the indicator's
cells as short paragraphs after the completion text). Synthetic documents, said so; the real cases
are pinned in test_checks_narrative.py."""

from __future__ import annotations

from conftest import report_of

from generator.checks.repeat import perf_indicator_text

PAD = "，通过加大务工人员基本素质培训和劳务组织带头人交流学习，提高就业质量，拓宽就业渠道。"


def indicator_rows(actual: str) -> list[str]:
    # the row before ends with the next name's first line, as 002's export prints it
    return [
        "项目支出绩效自评表",
        "公共就业服务系统工作",
        "人员学习交",
        "流人数",
        ">=40人 =41人10 10.00赴昌吉务工",
        "人员劳动者",
        "基本素质培",
        "训人数",
        f">=100人 {actual}5 4.63",
    ]


def said(text: str, actual: str = "=97认") -> list[tuple[str | None, str | None]]:
    return [
        (f.claimed, f.expected) for f in perf_indicator_text(report_of(text + PAD, *indicator_rows(actual)))
    ]


def test_a_result_equal_to_the_target_is_compared_with_the_actual() -> None:
    text = "完成公共就业服务系统工作人员学习交流41人，赴昌吉务工人员劳动者基本素质培训100人"
    assert said(text) == [("100人", "97人")]  # the name read whole across the rows, "认" read as the unit
    assert said(text, "=100人") == []


def test_a_target_restated_is_not_a_result() -> None:
    assert said("培训人员不少于100人，赴昌吉务工人员劳动者基本素质培训100人") == []
    assert said("年度目标：赴昌吉务工人员劳动者基本素质培训100人") == []


def test_a_result_other_than_the_target_needs_no_completion_word() -> None:
    assert said("全年赴昌吉务工人员劳动者基本素质培训120人") == [("120人", "97人")]
