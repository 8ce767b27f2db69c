"""Indicators, rankings, peers, CSV and charts on the 8 real reports.

The expected values are hand calculations in Decimal from the figures each report prints (the
same figures tests/expected/metrics/ holds); ``None`` where the report does not state an input or
the denominator is zero — shown as 未披露, never as 0.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal as D
from pathlib import Path

import pandas as pd
import pytest

from generator.compare import (
    COLUMNS,
    INDICATORS,
    MISSING_LABEL,
    agencies,
    charts,
    format_value,
    indicator_frame,
    peers,
    ranking,
    to_csv,
)
from generator.pipeline import load_report

ROOT = Path(__file__).resolve().parent.parent
CROSS = ROOT / "tests" / "fixtures" / "cross"
H = D(100)

# file → indicator → hand calculation (numbers copied from the report's own text/tables).
HAND: dict[str, dict[str, D | None]] = {
    "000_41e5c2151686b1a5.txt": {  # 昌吉州公共就业服务中心 2024, 在职人员25人
        "spending_per_staff": D("830.26") / 25,  # 33.2104
        "sangong_per_staff": D("4.73") / 25,  # 0.1892
        "operating_per_staff": D("38.09") / 25,  # 1.5236
        "basic_share": D("516.72") / D("830.26") * H,  # 62.24
        "fiscal_share": D("610.31") / D("861.19") * H,  # 70.87
        "budget_deviation": (D("610.31") - D("575.63")) / D("575.63") * H,  # 6.02 (the report: 6.02%)
        "sangong_execution": D("4.73") / D("4.95") * H,  # 95.56
        "yoy_total_claimed": D("144.10") / (D("869.05") - D("144.10")) * H,  # 19.88 (report: 19.88%)
    },
    "001_7c4dfcc9575acdfa.txt": {  # 岚县创业就业服务中心 2024: no head count stated
        "spending_per_staff": None,
        "sangong_per_staff": None,
        "operating_per_staff": None,
        "basic_share": D("143.67") / D("1397.30") * H,
        "fiscal_share": D("1397.29") / D("1398.76") * H,
        "budget_deviation": (D("1397.29") - D("2191.56")) / D("2191.56") * H,  # −36.24
        "sangong_execution": None,  # 全年预算0万元: zero denominator
        "yoy_total_claimed": D("-584.82") / (D("1399.08") + D("584.82")) * H,  # −29.48
    },
    "002_e0b9e12b257efafd.txt": {  # 昌吉州人社局 2023, 在职人员64人
        "spending_per_staff": D("3008.60") / 64,
        "sangong_per_staff": D("9.18") / 64,
        "operating_per_staff": D("147.74") / 64,
        "basic_share": D("1416.24") / D("3008.60") * H,
        "fiscal_share": D("2638.26") / D("3127.86") * H,
        "budget_deviation": (D("2638.26") - D("2049.90")) / D("2049.90") * H,  # 28.70
        "sangong_execution": D("9.18") / D("9.18") * H,  # 100
        "yoy_total_claimed": D("1353.29") / (D("3205.91") - D("1353.29")) * H,  # 73.05
    },
    "003_237caace6a9bba17.txt": {  # 乌鲁木齐市人社局(部门) 2024, 在职人员683人
        "spending_per_staff": D("32221.61") / 683,
        "sangong_per_staff": D("81.97") / 683,
        "operating_per_staff": D("972.03") / 683,
        "basic_share": D("13717.58") / D("32221.61") * H,
        "fiscal_share": D("32139.22") / D("32139.53") * H,
        "budget_deviation": (D("32186.91") - D("25091.42")) / D("25091.42") * H,  # 28.28
        "sangong_execution": D("81.97") / D("82.08") * H,
        "yoy_total_claimed": D("-4015.04") / (D("32312.49") + D("4015.04")) * H,  # −11.05
    },
    "004_64caca8ce772cd7b.txt": {  # 怀化市就业服务中心 2023, 在职46人
        "spending_per_staff": D("877.77") / 46,
        "sangong_per_staff": D("1.16") / 46,
        "operating_per_staff": D("59.87") / 46,
        "basic_share": D("738.08") / D("877.77") * H,
        "fiscal_share": D("840.77") / D("877.77") * H,
        "budget_deviation": (D("840.77") - D("897.32")) / D("897.32") * H,  # −6.30
        "sangong_execution": D("1.16") / D("1.40") * H,  # 82.86
        "yoy_total_claimed": D("-153.60") / (D("877.77") + D("153.60")) * H,  # −14.89 (report: 14.89%)
    },
    "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf": {
        "spending_per_staff": None,  # Shanghai reports state no head count
        "sangong_per_staff": None,
        "operating_per_staff": None,
        "basic_share": D("5377.64") / D("9759.38") * H,
        "fiscal_share": D("9746.50") / D("9746.50") * H,
        "budget_deviation": (D("9746.50") - D("10210.34")) / D("10210.34") * H,  # −4.54
        "sangong_execution": D("0.39") / D("2.85") * H,
        "yoy_total_claimed": D("1062.85") / (D("9859.38") - D("1062.85")) * H,  # 12.08
    },
    "上海市普陀区财政局2024年度部门决算.pdf": {
        "spending_per_staff": None,
        "sangong_per_staff": None,
        "operating_per_staff": None,
        "basic_share": D("2336.91") / D("2940.05") * H,
        "fiscal_share": D("2940.05") / D("2946.25") * H,
        "budget_deviation": (D("2940.05") - D("2993.92")) / D("2993.92") * H,  # −1.80
        "sangong_execution": D("0.00") / D("0.95") * H,  # a real 0: spent nothing of 0.95
        "yoy_total_claimed": D("-56.95") / (D("2995.39") + D("56.95")) * H,  # −1.87
    },
    "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf": {  # new in 2024
        "spending_per_staff": None,
        "sangong_per_staff": None,  # no 三公 figure stated
        "operating_per_staff": None,
        "basic_share": D("105.58") / D("307.82") * H,
        "fiscal_share": D("307.82") / D("307.82") * H,
        "budget_deviation": None,  # 年初预算为0万元
        "sangong_execution": None,
        "yoy_total_claimed": None,  # 增加307.82万元 from a last year of 0: no base
    },
}


@pytest.fixture(scope="module")
def frame(reports) -> pd.DataFrame:
    return indicator_frame(list(reports.values()))


def _row(frame: pd.DataFrame, reports, file: str) -> pd.Series:
    rid = reports[file].id
    return frame[frame["report_id"] == rid].iloc[0]


CASES = [(f, k) for f, ind in HAND.items() for k in ind]


@pytest.mark.parametrize("file,indicator_id", CASES)
def test_indicator_matches_hand_calculation(frame, reports, file: str, indicator_id: str) -> None:
    got = _row(frame, reports, file)[indicator_id]
    want = HAND[file][indicator_id]
    if want is None:
        assert math.isnan(got), f"{indicator_id} should be missing (未披露), got {got}"
        assert format_value(got, indicator_id) == MISSING_LABEL
    else:
        assert got == pytest.approx(float(want), rel=1e-12, abs=1e-12)


def test_registry_documents_every_indicator() -> None:
    ids = [i.id for i in INDICATORS]
    assert len(ids) == len(set(ids))
    for ind in INDICATORS:
        doc = ind.as_json()
        assert doc["title"] and doc["formula"] and doc["unit"] and doc["caveat"]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in ind.title)
    assert {"spending_per_staff", "sangong_per_staff", "operating_per_staff", "basic_share", "fiscal_share",
            "budget_deviation", "sangong_execution", "yoy_total_claimed", "yoy_total_observed",
            "findings_error", "findings_warning", "findings_info"} == set(ids)  # fmt: skip


def test_frame_schema(frame, reports) -> None:
    assert list(frame.columns) == COLUMNS
    assert len(frame) == len(reports)
    assert list(frame["report_id"]) == sorted(frame["report_id"])
    assert set(frame["scope"]) == {"department", "unit"}
    # No consecutive-year pair among the real reports: observed yoy is missing for all.
    assert frame["yoy_total_observed"].isna().all()


def test_peer_group_columns(frame, reports) -> None:
    expect = {
        "000_41e5c2151686b1a5.txt": ("就业服务中心", "prefecture", "unit"),
        "001_7c4dfcc9575acdfa.txt": ("就业服务中心", "county", "unit"),
        "002_e0b9e12b257efafd.txt": ("人力资源和社会保障局", "prefecture", "unit"),
        "003_237caace6a9bba17.txt": ("人力资源和社会保障局", "prefecture", "department"),
        "004_64caca8ce772cd7b.txt": ("就业服务中心", "prefecture", "unit"),
        "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf": ("规划和自然资源局", "district", "department"),
        "上海市普陀区财政局2024年度部门决算.pdf": ("财政局", "district", "department"),
        "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf": ("社会工作部", "district", "department"),
    }
    for file, (agency_type, level, scope) in expect.items():
        row = _row(frame, reports, file)
        assert (row["agency_type"], row["level"], row["scope"]) == (agency_type, level, scope), file


def test_type_patterns_and_override() -> None:
    assert agencies.type_from_name("某某县人力资源和社会保障局") == "人力资源和社会保障局"
    assert agencies.type_from_name("某某市公共就业服务局") == "就业服务中心"
    assert agencies.type_from_name("某某县创业就业服务中心") == "就业服务中心"
    assert agencies.type_from_name("某某区财政局") == "财政局"
    assert agencies.type_from_name("某某区规划和自然资源局(汇总)") == "规划和自然资源局"
    assert agencies.type_from_name("某某区档案馆") == "其他"
    reg = agencies.default_registry()
    # Spellings that name the same agency.
    assert reg.key("乌鲁木齐市人力资源和社会保障局(汇总)") == reg.key(
        "乌鲁木齐市人力资源和社会保障局（本级）"
    )
    assert reg.key("昌吉回族自治州公共就业服务局") == "昌吉回族自治州公共就业服务中心"


def test_meta_agency_type_override(reports) -> None:
    from dataclasses import replace

    r = reports["001_7c4dfcc9575acdfa.txt"]
    overridden = replace(r, meta={"agency_type": "人才服务机构"})
    assert agencies.agency_type(overridden) == "人才服务机构"
    frame = indicator_frame([overridden])
    assert frame.iloc[0]["agency_type"] == "人才服务机构"


def test_ranking_flags_mixed_scope(frame) -> None:
    mixed = ranking(frame, "basic_share", year=2024)
    assert mixed["mixed_scope"].all()  # 2024 has both 部门汇总 and 单位 reports
    assert list(mixed["value"]) == sorted(mixed["value"], reverse=True)
    assert list(mixed["rank"]) == list(range(1, len(mixed) + 1))
    for scope in ("department", "unit"):
        one = ranking(frame, "basic_share", year=2024, scope=scope)
        assert not one["mixed_scope"].any()
        assert set(one["scope"]) == {scope}


def test_ranking_keeps_missing_last_without_rank(frame) -> None:
    r = ranking(frame, "spending_per_staff")
    present = r[r["value"].notna()]
    absent = r[r["value"].isna()]
    assert len(present) == 4 and len(absent) == 4  # four reports state 在职人员
    assert list(r.index[r["value"].isna()]) == list(range(4, 8))  # missing rows last
    assert absent["rank"].isna().all()
    assert present.iloc[0]["agency"] == "乌鲁木齐市人力资源和社会保障局"  # 32221.61 / 683 = 47.18


def test_peers_same_type_same_year(frame, reports) -> None:
    rid = reports["000_41e5c2151686b1a5.txt"].id
    p = peers(frame, rid, "fiscal_share")
    assert set(p["agency_type"]) == {"就业服务中心"} and set(p["year"]) == {2024}
    assert p["is_subject"].sum() == 1
    assert not p["mixed_scope"].any()  # both 2024 employment centres are unit reports
    by_level = peers(frame, reports["003_237caace6a9bba17.txt"].id, "basic_share", by="level")
    assert set(by_level["level"]) == {"prefecture"}
    assert by_level["mixed_scope"].all()  # 乌鲁木齐(部门) with 昌吉 center (单位)


def test_csv_is_deterministic(frame, reports) -> None:
    shuffled = indicator_frame(list(reversed(list(reports.values()))))
    text = to_csv(frame)
    assert text == to_csv(shuffled)
    lines = text.splitlines()
    assert lines[0].split(",") == COLUMNS
    assert len(lines) == len(reports) + 1
    assert "\r" not in text


def test_charts_are_plain_deterministic_json(frame) -> None:
    bar = charts.ranked_bar(frame, "spending_per_staff")
    again = charts.ranked_bar(frame, "spending_per_staff")
    assert json.dumps(bar, sort_keys=True) == json.dumps(again, sort_keys=True)
    assert bar["layout"]["meta"]["id"] == "rank-spending_per_staff-all-all"
    assert bar["layout"]["meta"]["mixed_scope"] is True
    title = bar["layout"]["title"]["text"]
    assert "在职人员人均支出" in title and MISSING_LABEL in title and "口径不同" in title
    drawn = [y for trace in bar["data"] for y in trace["y"]]
    assert "岚县创业就业服务中心" not in drawn  # not drawn as zero
    assert len(drawn) == 4
    one = charts.ranked_bar(frame, "basic_share", year=2024, scope="department")
    assert one["layout"]["meta"]["mixed_scope"] is False and "口径不同" not in one["layout"]["title"]["text"]
    scatter = charts.size_scatter(frame, "basic_share", year=2024)
    assert scatter["layout"]["meta"]["id"] == "scatter-basic_share-2024-all"
    assert scatter["layout"]["xaxis"]["type"] == "log"
    assert sum(len(t["x"]) for t in scatter["data"]) == 6
    json.dumps(scatter)  # plain JSON, no numpy


def test_findings_counted_by_severity(reports) -> None:
    from dataclasses import replace

    from generator.checks import make_finding

    r = reports["000_41e5c2151686b1a5.txt"]
    fs = [make_finding("sum.x", s, f"s{i}", "m", 1, 2, []) for i, s in enumerate(["error", "info", "info"])]
    row = indicator_frame([replace(r, findings=fs)]).iloc[0]
    assert (row["findings_error"], row["findings_warning"], row["findings_info"]) == (1, 0, 2)


def test_yoy_observed_from_consecutive_reports(reports) -> None:
    previous = load_report(CROSS / "changji_jiuye_2023.txt", cache=None)
    this = reports["000_41e5c2151686b1a5.txt"]
    frame = indicator_frame([this, previous])
    row = frame[frame["report_id"] == this.id].iloc[0]
    # (869.05 − 724.95) ÷ 724.95 × 100 = 19.877… (the fixture agrees with the report's 144.10)
    assert row["yoy_total_observed"] == pytest.approx(float((D("869.05") - D("724.95")) / D("724.95") * H))
    assert math.isnan(frame[frame["report_id"] == previous.id].iloc[0]["yoy_total_observed"])
