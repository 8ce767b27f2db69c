"""date.* rules on the real reports, and the patterns they read.

Every error and warning the family raises on data/reports/ is pinned with the reason it is real.
"""

from __future__ import annotations

import pytest
from conftest import report_of

from generator.checks import run_checks
from generator.checks.dates import _RANGE, length, range_reversed
from generator.model import Document

R001 = "001_7c4dfcc9575acdfa.txt"

# (report, rule, severity, claimed, expected, why it is real)
PINNED = [
    # 001《零工市场运营经费》: 2024物业管理服务时间 target "2024年1月1日至2024年12月31日", actual
    # "2024年1月1日至2021年12月31日" — ends three years before it starts.
    (R001, "date.range_reversed", "warning", "2024年1月1日至2021年12月31日", "终止日期不早于起始日期"),
    # 001《零工市场补助资金》: "租赁时间2023年-6月-2026年6月，租赁期限5年" — 36 months, not 5 years.
    (R001, "date.length", "warning", "5年", "3年"),
]


@pytest.fixture(scope="module")
def findings(reports) -> dict[str, list]:
    return {name: [f for f in run_checks(r) if f.rule.startswith("date.")] for name, r in reports.items()}


@pytest.mark.parametrize("file,rule,severity,claimed,expected", PINNED)
def test_real_date_problem_is_reported(findings, file, rule, severity, claimed, expected) -> None:
    hits = [
        f
        for f in findings[file]
        if (f.rule, f.severity, f.claimed, f.expected) == (rule, severity, claimed, expected)
    ]
    assert len(hits) == 1, [(f.rule, f.claimed, f.expected) for f in findings[file]]
    f = hits[0]
    assert claimed in f.message
    text = "\n".join(b.text for b in findings_doc(file).blocks)
    assert all(q.quote in text for q in f.evidence)


def findings_doc(file: str) -> Document:
    from conftest import GOLDEN

    from generator.ingest import read_document

    return read_document(next(g["path"] for g in GOLDEN if g["file"] == file))


def test_no_unpinned_date_findings(findings) -> None:
    pinned = {(f, r, s, c, e) for f, r, s, c, e in PINNED}
    for file, fs in findings.items():
        for f in fs:
            assert (file, f.rule, f.severity, f.claimed, f.expected) in pinned, (file, f.message)


@pytest.mark.parametrize(
    "text,reversed_",
    [
        ("服务时间2024年1月1日至2021年12月31日。", True),
        ("供暖时间2024年11月1日至2025年3月31日。", False),
        ("计划2022年—2023年对档案进行集中整理", False),
        ("2024年4月-2025年3月国有企业办中小学退休教师待遇补差资金", False),
        ("2024年6月至2024年6月", False),  # a one-month period, not reversed
        ("2025年3月至2024年4月发放", True),
        ("与2023年度相比，2024年度支出减少", False),
    ],
)
def test_range_order(text: str, reversed_: bool) -> None:
    assert bool(list(range_reversed(report_of(text)))) is reversed_


@pytest.mark.parametrize(
    "text,flagged",
    [
        ("零工市场租赁时间2023年-6月-2026年6月，租赁期限5年；租赁成本12万元", True),
        ("租赁时间2023年6月至2026年6月，租赁期限3年", False),
        ("租赁时间2023年6月至2026年5月，为期三年", False),  # 35 months: within a month of 3 years
        ("服务期2024年1月1日至2024年12月31日，期限为12个月", False),
        ("服务期2024年1月1日至2024年12月31日，期限为两年", True),
        ("合同期2024年1月至2024年6月。期限另行约定5年", False),  # another sentence
    ],
)
def test_length_against_range(text: str, flagged: bool) -> None:
    assert bool(list(length(report_of(text)))) is flagged


def test_range_pattern_keeps_quotes_exact() -> None:
    text = "零工市场租赁时间2023年-6月-2026年6月，租赁期限5年"
    (f,) = length(report_of(text))
    assert all(q.quote in text for q in f.evidence)
    assert f.evidence[0].quote == "2023年-6月-2026年6月，租赁期限5年"
    assert _RANGE.search("2024年1月1日至2021年12月31日") is not None


def test_rules_are_in_the_catalogue_with_their_family() -> None:
    from generator.checks import CATALOGUE, FAMILIES

    assert FAMILIES["date"] == "日期与期限"
    for rid in ("date.range_reversed", "date.length"):
        r = CATALOGUE[rid]
        assert r.title and r.explanation and r.formula and r.tolerance and r.example


def test_a_span_of_no_whole_years_is_said_once() -> None:
    """001's "2023年-6月-2026年6月，租赁期限5年" written from 2023年4月 (the tolerance review, thirty-fourth session, D7): the
    message said "相隔38个月（38个月）"; a whole number of years is said in years beside the months ("36个月（3年）")."""
    from conftest import seed_changed

    (f,) = length(seed_changed(R001, "2023年-6月-2026年6月", "2023年-4月-2026年6月"))
    assert "相隔38个月，紧接着却写期限5年（60个月）" in f.message
    (f,) = length(seed_changed(R001, "2023年-6月-2026年6月", "2023年-6月-2026年6月"))
    assert "相隔36个月（3年），紧接着却写期限5年（60个月）" in f.message
