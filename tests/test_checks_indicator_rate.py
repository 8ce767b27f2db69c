"""perf.indicator_rate: a 自评表's 完成率 column against 实际完成值 ÷ 指标值.

000 is the one document with such a column ("权重 目标值 业绩值 完成率 指标得分"); its 67 rates are all
consistent, so the real document gives no finding and the tests change its figures. Found by raising
every table figure of the documents one at a time: 000's 完成率 cells were read by no rule.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from conftest import ROOT, report_of
from test_checks_outcome import indicator, table

from generator.checks.perf import indicator_rate
from generator.pipeline import load_report

CHANGJI = ROOT / "data" / "reports" / "000_41e5c2151686b1a5.txt"


@pytest.fixture(scope="module")
def changji():
    return load_report(CHANGJI, cache=None)


def changed(old: str, new: str):
    text = CHANGJI.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / CHANGJI.name
        target.write_text(text.replace(old, new), encoding="utf-8")
        return load_report(target, cache=None)


def test_the_rates_are_read_and_consistent(changji) -> None:
    rates = [i for t in changji.perf_tables for i in t["indicators"] if i.get("rate")]
    assert len(rates) == 67
    satisfied = next(i for i in rates if i["name"] == "群众满意度")
    assert (satisfied["target"], satisfied["actual"], satisfied["rate"]) == (">=90%", "=98.5%", "109.44%")
    assert list(indicator_rate(changji)) == []


@pytest.mark.parametrize(
    "old, new, claimed, expected",
    [
        # 98.5 ÷ 90 = 109.44%; raised to 128.0 the row says 109.44% of a 142.22% completion
        ("=98.5%", "=128.0%", "109.44%", "142.22%"),
        # a cost indicator: 0.32 of a ≤0.9131万元 ceiling is the printed 35.05%; of ≤1.9131, 16.73%
        ("<=0.9131万元", "<=1.9131万元", "35.05%", "16.73%"),
    ],
)
def test_a_changed_figure_is_reported(changji, old: str, new: str, claimed: str, expected: str) -> None:
    (f,) = list(indicator_rate(changed(old, new)))
    assert (f.severity, f.claimed, f.expected) == ("error", claimed, expected)
    assert new.lstrip("<=") in f.message and f.evidence[0].quote.count(new) == 1


def rated(target: str, actual: str, rate: str) -> dict:
    row = indicator("指标", target, actual, "10", "10")
    return {**row, "rate": rate}


def test_conventions_of_a_table_are_not_reported() -> None:
    """Synthetic rows (said so): the conventions other templates use."""
    r = report_of("绩效自评表")
    r.perf_tables = [
        table(
            "项目",
            rated("≤20万元", "=16万元", "125%"),  # a cost indicator rated 指标值 ÷ 实际完成值
            rated(">=12人", "=18人", "100%"),  # a met target rated 100%
            rated("2024年11月30日前", "2024年8月15日", "100%"),  # a date: not a ratio
            rated("有效防范", "达到预期指标", "100%"),  # words
            rated(">=90%", "=92%", "102.22%"),  # 92 ÷ 90 = 102.22%
            rated(">=2个", "=2次", "100%"),  # two units: not compared
        )
    ]
    assert list(indicator_rate(r)) == []
    r.perf_tables = [table("项目", rated(">=12人", "=9人", "100%"), rated(">=90%", "=92%", "102.21%"))]
    found = sorted((f.severity, f.claimed, f.expected) for f in indicator_rate(r))
    # a target missed is not 100%; 102.21% is inside the interval of 92 ÷ 90 printed as whole numbers
    assert found == [("error", "100%", "75%")]
