"""repeat.class_parent: a "其他××" 项 under a 款 other than ××. The real case is pinned in
test_checks_narrative.py (004); these are one-paragraph documents (synthetic, said so)."""

from __future__ import annotations

from conftest import report_of


def test_class_parent_needs_the_report_to_name_the_right_kuan() -> None:
    from generator.checks.names import class_parent

    wrong = "社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他行政事业单位养老支出（项）支出决算为9.64万元。"
    right = "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）支出决算为35万元。"
    own = "社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他人力资源和社会保障管理事务支出（项）1万元。"
    (f,) = class_parent(report_of(right, wrong))
    assert f.expected == "行政事业单位养老支出（款）"
    assert list(class_parent(report_of(wrong))) == []  # the report never names that 款: not judged
    assert list(class_parent(report_of(right, own))) == []
