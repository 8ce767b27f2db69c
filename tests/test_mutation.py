"""Mutation test (issue #3): change one number an identity or a stated ratio uses, and require a
new finding that names the changed value.

Seeded and deterministic (random.Random(seed index)); sites, deltas and detection are defined in
tests/mutation.py. All mutations run on the ingested Document (the real extract and checks, ingest
skipped, for CI time); every 20th also goes through a mutated text file and load_report, and must
give the same outcome, so the fast path is checked against the real one.

Undetectable classes (why the rate is not 100%; each seen in the seed reports):
- a figure stated once and in no identity: 房屋面积 "房屋3,456.21平方米" (000), 政府采购支出总额 0 (004),
  head counts without a 其中 list ("编制人数54人，年末实有人数46人", 004), 车辆 "共有车辆0辆" (001, 004);
- a decrease to zero: "支出决算数为0.00万元，比上年决算减少3.20万元，下降100.00%" — any amount gives
  −100%, and the prior year is stated nowhere else (unless the item is in a complete 具体情况 list, whose
  changes add up to the total's: yoy.detail_items, 000);
- "比上年增加0.00万元，增长0.00%" with this year's amount: the amount may change freely while the
  change stays zero (unless it enters a class sum: sum.detail_items, 002);
- the 年初预算 of a 具体情况 item when the 决算 is stated without a rate: "年初预算为0万元，支出决算为
  34.46万元，决算数大于年初预算数" (004) — only the comparison word constrains it, and the items'
  年初预算 need not add up to the total's (items with a budget and no spending are not listed);
- a 自评表 whose funding block is its 年度资金总额 row alone ("年度资金总额 897.32 877.77 877.77", 004):
  the 年初预算数 is in no identity (the 执行率 uses 全年预算数);
- a rate over amounts so small that their rounding allows it: "全年预算数 0.38 万元，决算数 0.38 万元，
  预决算差异率 0.00%" (002) — 0.385 against 0.375 is 2.67%, so any rate up to that is consistent;
- a 自评表 funding block of 003 with an OCR-garbled row ("工学校: 0.6 … ٥"): the block is skipped whole
  rather than summed with a row that may not be one.
"""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import pytest
from mutation import Plan, describe, plan, run, summary

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "data" / "reports").glob("*.txt"))
PER_SEED = 200
JOBS = int(os.environ.get("MUTATION_JOBS", "2"))
# Per-seed floor: the target of issue #3, the same for every seed report.
FLOOR = 0.90


@pytest.fixture(scope="module")
def results() -> list[tuple[Plan, list]]:
    plans = [plan(path, PER_SEED, seed) for seed, path in enumerate(SEEDS)]
    start = time.perf_counter()
    outcomes = run(plans, jobs=JOBS)
    print(
        f"\nmutation harness: {sum(len(o) for o in outcomes)} mutations in {time.perf_counter() - start:.1f}s"
    )
    return list(zip(plans, outcomes))


def test_enough_mutations(results) -> None:
    for p, outcomes in results:
        assert len(outcomes) >= PER_SEED, p.path.name
    assert sum(len(o) for _, o in results) >= 1000


def test_detection_rate_per_seed(results) -> None:
    low = []
    for p, outcomes in results:
        s = summary(outcomes)
        print(
            f"{p.path.name}: sites {p.sites}, mutations {s['mutations']}, detected {s['detected']}, rate {s['rate']:.1%}"
        )
        if s["rate"] < FLOOR:
            misses = [describe(o, p.raw_text) for o in outcomes if not o.detected]
            low.append((p.path.name, s, misses[:15]))
    assert not low, low


def test_no_mutation_breaks_extraction(results) -> None:
    errors = [(p.path.name, o.error) for p, outcomes in results for o in outcomes if o.error]
    assert not errors, errors[:5]


def test_document_path_matches_file_path(results) -> None:
    """Every 20th mutation again through a mutated text file and load_report (ingest included)."""
    sample = [dataclasses.replace(p, mutations=p.mutations[::20]) for p, _ in results]
    via_file = run(sample, jobs=JOBS, via_file=True)
    for (p, fast), slow in zip(results, via_file):
        for a, b in zip(fast[::20], slow):
            assert (a.detected, a.rules) == (b.detected, b.rules), (p.path.name, describe(a, p.raw_text), b)


def test_deterministic() -> None:
    a = plan(SEEDS[0], 30, 0)
    b = plan(SEEDS[0], 30, 0)
    assert [(m.site.token.start, m.new_raw) for m in a.mutations] == [
        (m.site.token.start, m.new_raw) for m in b.mutations
    ]
