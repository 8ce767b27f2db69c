"""perf.*: performance self-evaluation tables (绩效自评表) checked against their own arithmetic."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, NamedTuple

from generator.checks import block_at, block_starts, make_finding, page_ref, per_report, rule, running_with
from generator.checks.ratios import pct, percent_severity
from generator.checks.tolerance import (
    half_unit,
    provably_greater,
    rounded_percent,
    same_figure,
    trailing_zeros_dropped,
)
from generator.extract.narrative import clause_begin
from generator.extract.perf import is_whole
from generator.extract.subjects import own_name
from generator.model import Block, Finding, Quote, Report, Severity
from generator.normalize import decimals, parse_amount

_HAN = re.compile(r"[\u4e00-\u9fff]")


def shown_label(row: dict) -> str:
    """A funding row's label for a message: "资金总额:" without its colon (the finding's subject keeps it); the
    资金总额 row whose first cell is the block's merged header ("项目资金预算安排及执行进度(万元) 资金总额: 92.39 …", 001)
    by its own label."""
    label = str(row["label"]).rstrip(":：")
    quote = row.get("quote")
    if (
        "总额" not in label
        and isinstance(quote, Quote)
        and re.match(rf"{re.escape(label)}\s*资金总额", quote.quote)
    ):
        return "资金总额"
    return label


def _name(table: dict) -> str:
    return table.get("name") or table.get("title") or "绩效自评表"


@rule(
    "perf.execution_rate",
    title="自评表执行率与金额不符",
    explanation=(
        "绩效自评表的资金行列出全年预算数、全年执行数和执行率。按财政部自评表的定义，执行率是"
        "全年执行数除以全年预算数（不是除以年初预算数）。只检查单元格与表头一一对齐的行，"
        "合并单元格造成错位的行不检查，以免读错列；表格结构在导出时丢失的报告（002），"
        "按仍写在一行内的“年度资金总额 年初 全年预算 全年执行 分值 执行率 得分”核对。"
        "只有第一行写执行率、其余各行连同合计行都是“-”时，执行率是纵向合并的一格，属于整张表，按合计行核对。"
        "表中的执行率正好是全年执行数除以年初预算数时，算术没错、分母用错了，记为警告。"
    ),
    formula="执行率 = 全年执行数 ÷ 全年预算数 × 100%",
    tolerance="按印出精度做区间运算（“98.8%”按一位小数、“100”按整数）；同一行的金额有的印有小数（“4.5”）时，"
    "印成整数的（“5”）是去掉了末尾的0，按同样的小数位算；低于区间不到一个末位单位（多为截尾）记为提示；高于区间只容许末位的十分之一（再舍入一次），再多为错误",
    example="全年预算数877.77、全年执行数877.77，执行率应为100%，表中填97.82%（按年初预算897.32算）。",
)
def execution_rate(report: Report) -> Iterable[Finding]:
    rows: list[tuple[str, dict[str, Any], list[dict[str, Any]]]] = [
        (_name(table), row, table["funding"])
        for table in report.perf_tables
        for row in table["funding"]
        if row["aligned"]
    ]
    # a text export that lost the tables' grid (002) keeps each 年度资金总额 row on one line
    for project, m, quote in _text_funding(report):
        figures = {k: parse_amount(m[k]) for k in ("initial", "budget", "spent", "rate")}
        rows.append((project, {"label": "年度资金总额", **figures, "quote": quote}, []))
    rows.extend(_text_merged_rates(report))
    for name, row, funding in rows:
        of = _rate_of(row, funding)
        budget, spent, initial = trailing_zeros_dropped(of.get("budget"), of.get("spent"), of.get("initial"))
        stated = row.get("rate")
        if budget is None or spent is None or stated is None or budget <= 0:
            continue
        severity = percent_severity(stated, spent, budget)
        if severity is None:
            continue
        expected = rounded_percent(spent, budget, stated)
        note = ""
        if initial and initial > 0 and percent_severity(stated, spent, initial) is None:
            note = f"表中的{pct(stated)}是全年执行数除以年初预算数{of['initial']}的结果，按自评表的定义应除以全年预算数。"
            if initial != spent:
                # right arithmetic on the other budget (004 does so in every table and in its text): a warning, as
                # budget.rate's "完成年初预算" of the 全年预算 (a 100% where 年初 happens to equal 执行 proves nothing)
                severity = "warning"
        merged = "" if of is row else f"（执行率一栏纵向合并，印在{shown_label(row)}行）"
        yield make_finding(
            "perf.execution_rate",
            severity,
            f"{name}/{row['label']}",
            f"《{name}》{shown_label(of)}{merged}：全年预算数{of['budget']}万元、全年执行数{of['spent']}万元，"
            f"执行率应为{of['spent']}÷{of['budget']}={pct(expected)}，表中填{pct(stated)}。{note}",
            pct(stated),
            pct(expected),
            [row["quote"], *([of["quote"]] if of is not row and of.get("quote") else [])],
        )


def _rate_of(row: dict[str, Any], funding: list[dict[str, Any]]) -> dict[str, Any]:
    """The row whose amounts a row's 执行率 is of: the table's 合计 row when this is the only row that states a rate
    and 合计 states none. 000's 整体支出 table merges 分值/执行率/得分 down all its rows, so "上级资金 41.98 41.98 41.98
    10 95.54% 9.55" carries 830.26 ÷ 869.05 of "合计 835.63 869.05 830.26 - - -"."""
    if any(other.get("rate") is not None for other in funding if other is not row):
        return row
    total = next((o for o in funding if o is not row and re.search(r"合计|总额", o["label"])), None)
    return row if total is None or total.get("budget") is None or total.get("spent") is None else total


# units of things counted one by one: "12人", "3场" are exact, not rounded to the unit
_COUNTED = re.compile(
    r"人次?|个|场次?|次|家|台|套|件|户|所|条|项|期|篇|份|名|县市|批|类|部|本|册|张|辆|处|座|间|盒"
)


def _target_of(cell: str) -> tuple[Decimal, str] | None:
    """(20, "万元") of "<=20万元": a target that is one figure with its unit (not a date, not words)."""
    t = _BOUND.match(cell.replace(" ", ""))
    return (Decimal(t["n"].replace(",", "")), t["unit"]) if t else None


@rule(
    "perf.indicator_rate",
    title="指标完成率与指标值、实际完成值不符",
    explanation=(
        "有的绩效自评表在实际完成值之后列“完成率”（000：目标值、业绩值、完成率、指标得分）：完成率是实际完成值"
        "除以指标值。只核对指标值和实际完成值都是同一单位的一个数的行（日期、文字指标不核对）。成本指标"
        "（“≤”）若按指标值除以实际完成值计、或完成指标时记为100%，都视为表格自己的口径，不报；但同一报告"
        "已有完成的指标按实际完成值 ÷ 指标值列示（如18人对≥12人记150%）时，报告的口径已定，不再放宽；只是上限完成时记100%"
        "要看同一单位的上限怎样列示（成本上限按比例列示，不等于时限也这样列）。"
        "人数、场次等计数是准确数，不按四舍五入放宽。"
    ),
    formula="完成率 = 实际完成值 ÷ 指标值 × 100%",
    tolerance="按印出精度做区间运算；低于区间不到一个末位单位（多为截尾）记为提示；高于区间只容许末位的十分之一（再舍入一次），再多为错误",
    example="群众满意度：指标值≥90%、实际完成值98.5%，完成率98.5÷90=109.44%",
)
def indicator_rate(report: Report) -> Iterable[Finding]:
    rows = []
    for table in report.perf_tables:
        for ind in table["indicators"]:
            stated_m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*%", ind.get("rate") or "")
            found = _bound_and_actual(ind, bare=True)  # the target and the actual in one unit
            target = _target_of(ind.get("target") or "")
            if stated_m is None or found is None or target is None or target[0] <= 0:
                continue
            ceiling, t, a = found
            rows.append(
                (
                    table,
                    ind,
                    Decimal(stated_m[1]),
                    ceiling,
                    t,
                    a,
                    bool(_COUNTED.fullmatch(target[1])),
                    target[1],
                )
            )
    # the report's own convention: a met target whose rate is its plain ratio (000: 18 of ≥12 人 is
    # 150%, 17.7 of ≤20 万元 is 88.5%) shows the template neither caps at 100% nor inverts cost rates — for that
    # kind of bound: a ceiling in 万元 rated so says nothing of a time limit in 日 met and rated 100%
    plain = {
        (ceiling, unit)
        for _table, _ind, stated, ceiling, t, a, counted, unit in rows
        if a != t and (a <= t if ceiling else a >= t) and percent_severity(stated, a, t, counted) is None
    }
    for table, ind, stated, ceiling, t, a, counted, unit in rows:
        severity = percent_severity(stated, a, t, counted)
        if severity is None:
            continue
        if not plain and ceiling and a > 0 and percent_severity(stated, t, a, counted) is None:
            continue  # a cost indicator rated 指标值 ÷ 实际完成值
        # a met target rated 100%: a floor held to any floor's plain ratio, a ceiling only to one in its own unit
        capped = (ceiling, unit) in plain if ceiling else any(not c for c, _ in plain)
        if not capped and stated == 100 and (a <= t if ceiling else a >= t):
            continue
        expected = rounded_percent(a, t, stated)
        yield make_finding(
            "perf.indicator_rate",
            severity,
            f"{_name(table)}/{ind['name']}",
            f"《{_name(table)}》“{ind['name']}”指标值{ind['target']}、实际完成值{ind['actual']}，完成率应为"
            f"{a}÷{t}={pct(expected)}，表中填{pct(stated)}。",
            pct(stated),
            pct(expected),
            [ind["quote"]],
        )


# "完成新增农村劳动力转移就业4.03万人，达到年度任务的103.33%" / "发放创业担保贷款3.13亿元，达到年度任务的156.28%" /
# "带动就业6734人，达到年度任务的177.21%" / "失业保险参保总人数达到32.81万人，达到年度任务的100%"
_TASK_WHAT = (
    r"(?:(?P<verb>完成|发放|实现|新增|带动)(?P<what>[\u4e00-\u9fff“”]{2,24}?)"
    r"|(?<![\u4e00-\u9fff])(?:年度?)?(?P<subject>[\u4e00-\u9fff]{4,16})达到)"
)
_TASK_SHARE = re.compile(
    _TASK_WHAT + r"\s*(?P<n>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>万人次|万人|人次|人|户|个|家|亿元|万元|亿|万)[，,]\s*(?:达到|完成|为)(?:全?年度?)?(?:目标)?任务(?:数)?的\s*"
    r"(?P<p>\d+(?:\.\d+)?)\s*%"
)


def _scale(unit: str) -> tuple[str, str]:
    """("万", "人") of "万人": the multiplier and the thing counted."""
    m = re.match(r"(万|亿)?(.*)$", unit)
    assert m is not None
    return m.group(1) or "", m.group(2)


def _name_before(cells: list[str], at: int | None) -> str:
    """The 三级指标 of an indicator row whose target is cell ``at``: the last filled cell before it that is
    not a figure (000 puts the 权重 between the name and the target)."""
    if not at:
        return ""
    return next(
        (c.strip() for c in reversed(cells[:at]) if c.strip() and not re.fullmatch(r"[\d.]+", c.strip())), ""
    )


def indicator_name(ind: dict) -> str:
    """An indicator row's 三级指标 as its cells give it: the cell right before its target (004 heads a row with
    "效益指标（30分）", which extract's name takes); a text export's row has no cells, only its own name."""
    cells = list(ind.get("cells") or [])
    if not cells:
        return str(ind.get("name") or "")
    at = next((i for i, c in enumerate(cells) if c.strip() == (ind.get("target") or "").strip()), None)
    return _name_before(cells, at)


@rule(
    "ratio.task_target",
    title="文中的任务完成率与自评表的指标值或绩效目标不符",
    explanation=(
        "文字（或自评表“实际完成情况”一栏）写“完成××N人，达到年度任务的P%”，而自评表中同名指标（名称包含在这句话里，至少四个字）的年度指标值"
        "就是这项年度任务：P%应等于N除以指标值。报告在“绩效目标”标题下自己列出的年度任务（“完成创业培训0.82万人”）"
        "也一样。单位须一致（“万人”与“万”同为万，培训的“人”与“人次”同为一数）；同名任务有两个不同的数时不比较。"
    ),
    formula="任务完成率 = 完成数 ÷ 年度任务（自评表的年度指标值，或绩效目标所列的任务数）× 100%",
    tolerance="按印出精度做区间运算；低于区间不到一个末位单位（多为截尾）记为提示；高于区间只容许末位的十分之一（再舍入一次），再多为错误",
    example="完成新增农村劳动力转移就业4.03万人，达到年度任务的103.33%；自评表该指标年度指标值3.9万：4.03÷3.9=103.33%。"
    "绩效目标写“完成职业技能培训1.78万人次”，文中“完成职业技能培训2.66万人，达到年度任务的131.12%”：2.66÷1.78=149.44%",
)
def task_target(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    # the running text, and the 自评表 cells that say the same ("实际完成情况" of 004's 整体 table)
    paragraphs = running_with(report, "任务的") + [
        (n, b) for n, b in enumerate(doc.blocks) if b.table is not None and "任务的" in b.text
    ]
    if not paragraphs:
        return
    named = goal_targets(report)
    seen: set[tuple[str, str, str]] = set()
    stated_all = [(b, m) for _, b in paragraphs for m in _TASK_SHARE.finditer(b.text)]
    for _, b in paragraphs:
        for m in _TASK_SHARE.finditer(b.text):
            what = m["what"] or m["subject"]
            key = (m["verb"] or "") + what  # "带动就业": a short name is read with its verb only
            hits = [n for n in named if n.name in key or key in n.name or (len(what) >= 4 and what in n.name)]
            if len({n.value for n in hits}) != 1 or (what, m["n"], m["p"]) in seen:
                continue
            seen.add((what, m["n"], m["p"]))
            task = hits[0]
            t = task.value
            scale, thing = _scale(m["unit"])
            t_scale, t_thing = _scale(task.unit)
            if scale != t_scale or (
                thing and t_thing and thing.removesuffix("次") != t_thing.removesuffix("次")
            ):
                continue  # 培训"2.66万人" of a task of "1.78万人次" is one count
            n, stated = Decimal(m["n"]), Decimal(m["p"])
            severity = percent_severity(stated, n, t)
            if severity is None:
                continue
            expected = rounded_percent(n, t, stated)
            begin = m.start("verb") if m["verb"] else m.start("subject")  # not a "年" before the subject
            said = b.text[begin : m.end()]
            # the report's other statements: the same count with a rate that fits (004: "2.66万人，达到年度任务的149.18%"),
            # the same rate for another count (the 12063人 of one kind of training at 131.12%)
            fits = next(
                (o["p"] for _, o in stated_all if o["n"] == m["n"] and o["p"] != m["p"]
                 and percent_severity(Decimal(o["p"]), n, t) is None),
                None,
            )  # fmt: skip
            other = next(
                (
                    o
                    for _, o in stated_all
                    if o["p"] == m["p"] and o["n"] != m["n"] and (o["what"] or o["subject"]) != what
                ),
                None,
            )
            also = (f"报告另一处写同一完成数“达到年度任务的{fits}%”，与此相符；" if fits else "") + (
                f"{pct(stated)}是“{other.group(0).split('，')[0]}”的完成率。" if other else ""
            )
            yield make_finding(
                "ratio.task_target",
                severity,
                f"{task.name}/{m['n']}",
                f"文中写“{said}”；{task.where}“{task.name}”的年度任务为{task.shown}，{n}÷{t}={pct(expected)}，"
                f"不是{pct(stated)}。{also}",
                pct(stated),
                pct(expected),
                [Quote(said, b.page_at(begin), None, block=b), task.quote],
            )


# "离校未就业高校毕业生就业率98.14%，超过目标任务3.14个百分点" (004)
_POINTS_OVER = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<what>[\u4e00-\u9fff]{2,20}率)(?:为|达到?)?\s*(?P<p>\d+(?:\.\d+)?)\s*%\s*[，,]?\s*"
    r"(?P<dir>超过|高于|超出|低于)(?:年度)?(?:目标任务|目标值|目标|任务)\s*(?P<d>\d+(?:\.\d+)?)\s*个百分点"
)


@rule(
    "ratio.points_over_target",
    title="文中“超过目标N个百分点”与自评表的指标值不符",
    explanation=(
        "文字写“××率98.14%，超过目标任务3.14个百分点”，自评表中同名指标（名称以这句话里的“××率”结尾，或反过来，"
        "至少四个字）的指标值就是这个目标（≥95%）：超出的百分点数应等于实际的率减去指标值。"
        "报告没有写出目标值的（如“转移就业率为87.85%，超过目标任务1.31个百分点”而表中没有这个指标）不比较。"
    ),
    formula="超过的百分点 = 实际的率 − 指标值（低于时为 指标值 − 实际的率）",
    tolerance="率和百分点各按印出精度取半个末位单位相加；指标值是定的数",
    example="离校未就业高校毕业生就业率98.14%，超过目标任务3.14个百分点；自评表该指标≥95%：98.14−95=3.14",
    expected_label="应为",
)
def points_over_target(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    said = running_with(report, "个百分点")
    if not said:
        return
    targets: dict[str, tuple[Decimal, str, Quote]] = {}
    for _, _, ind in _scored_indicators(report):
        t = _BOUND.match((ind.get("target") or "").replace(" ", ""))
        name = indicator_name(ind)
        if t and t["unit"] == "%" and len(name) >= 4:
            targets.setdefault(name, (Decimal(t["n"]), ind["target"], ind["quote"]))
    if not targets:
        return
    seen: set[tuple[str, str, str]] = set()
    for _, b in said:
        for m in _POINTS_OVER.finditer(b.text):
            what = m["what"]
            hits = {
                v for n, v in targets.items() if len(what) >= 4 and (n.endswith(what) or what.endswith(n))
            }
            if len({v[0] for v in hits}) != 1 or (what, m["p"], m["d"]) in seen:
                continue
            seen.add((what, m["p"], m["d"]))
            target, shown, quote = next(iter(hits))
            rate, stated = Decimal(m["p"]), Decimal(m["d"])
            over = rate - target if m["dir"] != "低于" else target - rate
            if abs(over - stated) <= half_unit(rate) + half_unit(stated):
                continue
            yield make_finding(
                "ratio.points_over_target",
                "error",
                f"{what}/{m['p']}/{m['d']}",
                f"文中写“{m.group(0)}”；自评表中该指标的指标值为{shown}，{rate}−{target}={over}个百分点，不是{stated}个百分点。",
                f"{stated}个百分点",
                f"{over}个百分点",
                [Quote(m.group(0), b.page_at(m.start()), None, block=b), quote],
            )


# "1.绩效目标" (004's 预算绩效目标情况), then the year's tasks: "……完成职业技能培训1.78万人次，完成创业培训0.82万人，
# 发放创业担保贷款2亿元，……"
_GOAL_HEADING = re.compile(
    r"^(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|[\u2460-\u2473])?\s*(?:年度)?绩效目标$"
)
_GOAL_TASK = re.compile(
    r"(?:(?P<name>(?:完成|发放|实现|新增|带动)[\u4e00-\u9fff“”]{2,24}?)(?:人数|数量|总数)?"
    r"|(?<![\u4e00-\u9fff])(?P<subject>[\u4e00-\u9fff]{4,16})达到)"
    r"\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>万人次|万人|人次|人|户|个|家|亿元|万元|亿|万)"
)


class Task(NamedTuple):
    """A task the report sets itself for the year."""

    name: str
    shown: str  # as printed: ">=3.9万", "1.78万人次"
    value: Decimal
    unit: str
    quote: Quote
    goal: bool  # stated in the 绩效目标 paragraph (else a 自评表 indicator's 年度指标值)

    @property
    def where(self) -> str:
        return "绩效目标中" if self.goal else "自评表中指标"


@per_report("document", "perf_tables")  # ratio.task_target and repeat.goal_target
def goal_targets(report: Report) -> list[Task]:
    """Each task the report sets itself: a 自评表 indicator's 年度指标值 (a name of four characters or more), or a
    task of the paragraph under a "绩效目标" heading ("完成创业培训0.82万人")."""
    named: list[Task] = []
    for table in report.perf_tables:
        for ind in table["indicators"]:
            target = _target_of(ind.get("target") or "")
            name = indicator_name(ind)
            if target is not None and target[0] > 0 and len(name) >= 4:
                named.append(Task(name, str(ind["target"]), target[0], target[1], ind["quote"], False))
    blocks = report.document.blocks if report.document else []
    for b, goal in zip(blocks, blocks[1:]):
        if b.table is not None or goal.table is not None or not _GOAL_HEADING.match(b.text.strip()):
            continue
        for m in _GOAL_TASK.finditer(goal.text):
            if Decimal(m["n"]) > 0:
                quote = Quote(m.group(0), goal.page_at(m.start()), None)
                name = m["name"] or m["subject"]
                named.append(Task(name, f"{m['n']}{m['unit']}", Decimal(m["n"]), m["unit"], quote, True))
    return named


_TARGET_LIKE = re.compile(
    r"(?:[<>≤≥=]=?)?\s*\d+(?:\.\d+)?\s*[\u4e00-\u9fff%a-zA-Z/·]{0,8}|.*[\u4e00-\u9fff]{2}.*"
)


@rule(
    "perf.points_total",
    title="自评表分值合计超过满分",
    explanation=(
        "自评表的满分是100分：资金执行的分值加上各项绩效指标的分值，合计不能超过100分；"
        "标题写明“产出指标（50分）”的，其下各指标分值之和也不能超过50分。"
        "只把与表头对齐的指标行计入，所以算出的合计只会偏小，超出即可确认。"
    ),
    formula="执行分值 + Σ 指标分值 ≤ 100；Σ 某一级指标下的分值 ≤ 该级标明的分数",
    tolerance="分值为整数或一位小数，按印出数相加，不设容差",
    example="产出指标标“（50分)”，其下数量15、质量10+10、时效10、成本10，合计55分。",
    expected_label="应为",
)
def points_total(report: Report) -> Iterable[Finding]:
    for table in report.perf_tables:
        inds = table["indicators"]
        own_grid = sum(1 for t in report.perf_tables if t["table"] == table["table"]) == 1
        if not own_grid:
            # a shared OCR grid (003) prints some indicator rows twice, the second copy garbled
            # ("> 0.40 >/- 401 1 1/5 10 0.5" over ">=648人次 =421人次 10 6.5"): a row whose target is
            # neither a figure with its unit nor words is such a copy, not an indicator
            inds = [i for i in inds if _TARGET_LIKE.fullmatch((i.get("target") or "").strip())]
        if not inds:
            continue
        fund_points = next((r.get("points") for r in table["funding"] if r.get("points") is not None), None)
        s = sum((i["points"] for i in inds), Decimal(0))
        total = s + (fund_points or 0)
        cap = Decimal(100)
        # each level's indicators and their points, summed once for both findings below
        levels = []
        for heading in (h for h in table["headings"] if h["max"] is not None):  # a level's points read
            under = [i for i in inds if i.get("level") == heading["level"]]
            levels.append((heading, under, sum((i["points"] for i in under), Decimal(0))))
        heading_excess = sum((max(hs - h["max"], Decimal(0)) for h, _, hs in levels), Decimal(0))
        # one problem, one error: when the levels' overruns make up the whole excess over 100, the
        # level findings below already say it. In a grid recovered from page text that holds many 自评表
        # (003) a stray OCR row can carry "10 10", and a row read twice counts twice: no overrun there.
        if total > cap and total - cap > heading_excess and own_grid:
            yield make_finding(
                "perf.points_total",
                "error",
                f"{_name(table)}/总分值",
                f"《{_name(table)}》各项指标分值合计{s}分"
                + (f"，加上资金执行的{fund_points}分" if fund_points else "")
                + f"共{total}分，超过满分100分。",
                str(total),
                "≤100",
                [i["quote"] for i in inds[:3]] + ([table["total"]["quote"]] if table.get("total") else []),
            )
        for heading, under, hs in levels:
            if under and hs > heading["max"]:
                yield make_finding(
                    "perf.points_total",
                    "error",
                    f"{_name(table)}/{heading['level']}",
                    f"《{_name(table)}》“{heading['text']}”之下各指标分值合计{hs}分，超过标明的{heading['max']}分。",
                    str(hs),
                    f"≤{heading['max']}",
                    [heading["quote"], *(i["quote"] for i in under if i["quote"] != heading["quote"])],
                )


def _key(ind: dict) -> tuple[Any, ...]:
    return (ind["target"], ind["actual"], ind["points"], ind["score"])


def _alike(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))


@rule(
    "perf.indicator_twice",
    title="同一指标在一张自评表中印了两次，实际完成值不同",
    explanation=(
        "同一指标在自评表中占了相邻两行（名称相同，或在两行中折行不同，如“报名培训率”一行写作“报名培训”，另一行"
        "只剩“率”），两行的指标值和分值相同、实际完成值却是两个不同的数：同一指标给出了两个完成值，至多一个是对的。"
        "只比较实际完成值是同一单位的一个数的行。扫描件识别出的文字若把整张表的每一行都读了两遍（003 的三张表："
        "逐对相邻两行指标值、分值相同，一遍数字中间有空格、一遍没有，分值只计一次加资金执行10分正好是印出的总分100分），"
        "各行只计一次；两遍读出的实际完成值不同时只作提示，应以原件为准。"
    ),
    formula="同一指标（相邻两行，指标值、分值相同）的两个实际完成值相等",
    tolerance="按印出的数比较，不相等即报",
    example="《全市事业单位网络培训》：“报名培训率 >=95% =99.34%”，下一行同一指标“>=95% =100%”，均得10分。",
    expected_label="另一行",
)
def indicator_twice(report: Report) -> Iterable[Finding]:
    for table in report.perf_tables:
        inds = table["indicators"]
        yield from _readings_differ(report, table)
        pairs = list(zip(inds, inds[1:]))
        # a table that prints its rows twice: at least two other pairs of neighbours alike in every figure and
        # in name ("政治理论课时数" twice; "更新课程课时" over its cut copy "更新课程"), not rows that only share a
        # target and a score (">=1场 =1场 4 4" of six different 招聘活动)
        reprinted = sum(1 for a, b in pairs if _key(a) == _key(b) and _alike(a["name"], b["name"])) >= 2
        for a, b in pairs:
            if a["target"] != b["target"] or a["points"] != b["points"] or not a["target"]:
                continue
            if not reprinted and a["name"] != b["name"]:
                continue
            if not _BOUND.match(a["target"].replace(" ", "")) or not _actuals_differ(a, b):
                continue
            other = "" if a["name"] == b["name"] else f"另一行名称作“{b['name']}”，"
            yield make_finding(
                "perf.indicator_twice",
                "warning",
                f"{_name(table)}/{a['name']}/{a['target']}",
                f"{_shown(table)}指标“{a['name']}”（{other}指标值{a['target']}、分值{a['points']}）印了两行，"
                f"实际完成值一行是{a['actual']}，另一行是{b['actual']}；同一指标只能有一个完成值。",
                b["actual"],
                a["actual"],
                [a["quote"], b["quote"]],
            )


def _actuals_differ(a: dict, b: dict) -> bool:
    """Two rows' actuals: each one figure, in one unit, and not the same figure."""
    x = _ACTUAL.match(a["actual"].replace(" ", ""))
    y = _ACTUAL.match(b["actual"].replace(" ", ""))
    return bool(
        x
        and y
        and x["unit"] == y["unit"]
        and Decimal(x["n"].replace(",", "")) != Decimal(y["n"].replace(",", ""))
    )


def _readings_differ(report: Report, table: dict) -> Iterable[Finding]:
    """A table the OCR read twice over (extract's second_reading): the two readings of one row give two actuals."""
    inds = table["indicators"]
    fund = next((r["points"] for r in table["funding"] if r.get("points") is not None), _FUND_POINTS)
    points = sum((i["points"] for i in inds), fund)
    once = f"分值只计一次，加资金执行{fund}分共{points}分" + ("，正好满分" if points == 100 else "")
    for a in inds:
        b = a.get("second_reading")
        if b is None or not _actuals_differ(a, b):
            continue
        other = "" if a["name"] == b["name"] else f"另一次读作“{b['name']}”，"
        yield make_finding(
            "perf.indicator_twice",
            "info",
            f"{_name(table)}/{a['name']}/{a['target']}",
            f"{_shown(table)}各指标行在识别出的文字中都出现两次（同一张表读了两遍，{once}）；"
            f"指标“{a['name']}”（{other}指标值{a['target']}、分值{a['points']}）两次读出的实际完成值不同，"
            f"一次是{a['actual']}，一次是{b['actual']}，应以原件为准。",
            b["actual"],
            a["actual"],
            [a["quote"], b["quote"]],
        )


_FUND_POINTS = Decimal(
    10
)  # 预算执行率 weighs 10 points in the 财政部 自评表 template when no 分值 is printed


@rule(
    "perf.score_total",
    title="自评表总分与各项得分之和不符",
    explanation=(
        "自评表的总分是资金执行得分加上各项绩效指标得分。只在表的分值结构完整时比较（指标分值加资金执行"
        "分值正好100分），此时总分必须等于各项得分之和；总分也不能超过各项分值之和（满分）。"
        "有读不出的指标行时不比较；某项得分栏空着时，这一项按0分到满分都算，总分须落在由此得出的区间内。"
        "总分一栏的分值正好是各项指标分值之和、得分也只是指标得分之和时，这张表的总分没有计入资金执行得分"
        "（版式如此，不是算错），只作提示；连指标得分之和也对不上时，仍是错误。"
    ),
    formula="总分 = 资金执行得分 + Σ 指标得分；总分 ≤ 资金执行分值 + Σ 指标分值",
    tolerance="得分按印出数相加，差额超过0.01分即报",
    example="九项指标得分合计90分，资金执行得分10分，总分应为100分，表中写90分。",
)
def score_total(report: Report) -> Iterable[Finding]:
    for table in report.perf_tables:
        inds, total = table["indicators"], table.get("total")
        if not inds or total is None or total.get("score") is None:
            continue
        fund = next((r for r in table["funding"] if r.get("score") is not None), None)
        # A row we could not read would make the sums too small: compare only tables read completely.
        # A blank 得分 is anything from 0 to its 分值 (001《零工市场运营经费》's 图版制作数量, 3分 with no 得分):
        # such a table is compared only where its 分值 add up to 100, against the whole range.
        if fund is None or table.get("unparsed"):
            continue
        blank = [i for i in inds if i["score"] is None]
        if blank:
            yield from _score_range(table, fund, inds, blank)
            continue
        points = sum((i["points"] for i in inds), Decimal(0)) + (fund.get("points") or _FUND_POINTS)
        expected = sum((i["score"] for i in inds), Decimal(0)) + fund["score"]
        stated = total["score"]
        note = ""
        evidence = [fund["quote"], *(i["quote"] for i in inds[:2]), total["quote"]]
        # The "exceeds the maximum" test trusts that no indicator row was lost; rows are only that
        # reliable when the 自评表 is a grid of its own (003 recovers dozens of 自评表 from page text into
        # one grid, where two indicators sometimes run into one row and a 分值 is lost).
        own_grid = sum(1 for t in report.perf_tables if t["table"] == table["table"]) == 1
        if stated > points and own_grid:
            yield make_finding(
                "perf.score_total",
                "error",
                f"{_name(table)}/总分",
                f"《{_name(table)}》各项分值合计只有{points}分（指标{points - (fund.get('points') or _FUND_POINTS)}分、"
                f"资金执行{fund.get('points') or _FUND_POINTS}分），总分却写{stated}分；按各项得分相加应为{expected}分{note}"
                + (
                    "（满分不足100分，表中也可能漏印了指标行，总分与各行至少一处有误）。"
                    if points < 100
                    else "。"
                ),
                str(stated),
                str(expected),
                evidence,
            )
        elif points == 100 and abs(stated - expected) > Decimal("0.01"):
            indicators = expected - fund["score"]
            severity: Severity
            should = expected
            if _indicators_only(table, inds) and abs(stated - indicators) <= Decimal("0.01"):
                severity, verdict = (
                    "info",
                    _LEFT_OUT.format(stated=stated, fund=fund["score"], total=expected),
                )
            elif _indicators_only(table, inds):
                # the table's own 总分 counts the indicators only: against that it is short, whatever the layout
                severity, should = "error", indicators
                verdict = (
                    f"总分一栏的分值{table['total']['points']}分只计了指标，按此得分应为{indicators}分，表中写{stated}分"
                    f"（计入资金执行得分则应为{expected}分）。"
                )
            else:
                severity, verdict = "error", f"总分应为{expected}分，表中写{stated}分。"
            yield make_finding(
                "perf.score_total",
                severity,
                f"{_name(table)}/总分",
                f"《{_name(table)}》资金执行得分{fund['score']}分，各项指标得分合计{indicators}分{note}，{verdict}",
                str(stated),
                str(should),
                evidence,
            )
    yield from _text_score_total(report)


# 002's text export: a table's rows end in "分值 得分" ("=4 万元 10 10.00", "=52.4% 8 6.40" run into the next
# paragraph's "2023年…"), and its 总分 row gives the 分值 and the 得分 ("…10 10.00总分100 97.65分")
_TEXT_PAIR = re.compile(r"(?<![\d.])(?P<points>\d{1,2})\s+(?P<score>\d{1,3}\.\d{2})(?!\d*%)")
_TEXT_TOTAL = re.compile(r"总分\s*(?P<points>\d{2,3})\s+(?P<score>\d{1,3}(?:\.\d+)?)\s*分")


def _text_score_total(report: Report) -> Iterable[Finding]:
    """score_total for the 自评表 of a text export that lost their grid (002): every "分值 得分" pair from the
    table's 项目名称 to its 总分 row, the 资金执行 row's included. Compared only when the 分值 read add up to
    the 总分's own, so that no row was missed (all 23 of 002's tables)."""
    if report.perf_tables or report.document is None or not running_with(report, "总分"):
        return
    funding = {id(b): m for _, b, m in _text_rows(report, _FUNDING_LINE, starts=("年度资金总额",))}
    project: str | None = None
    points, scores, quotes = Decimal(0), Decimal(0), list[Quote]()
    for name, b in zip(projects_by_block(report), report.document.blocks, strict=True):
        if name != project:
            project, points, scores, quotes = name, Decimal(0), Decimal(0), list[Quote]()
        if "." not in b.text and "总分" not in b.text:
            continue  # no "分值 得分" pair (a 得分 has two decimals) and no 总分 row
        text, total = b.text, _TEXT_TOTAL.search(b.text) if "总分" in b.text else None
        if (m := funding.get(id(b))) is not None:
            points, scores = points + Decimal(m["points"]), scores + Decimal(m["score"])
            quotes.append(Quote(m.group(0), b.page_at(m.start()), None, "绩效自评表"))
            text = text[: m.start()] + " " * len(m.group(0)) + text[m.end() :]
        for pair in _TEXT_PAIR.finditer(text[: total.start() if total else len(text)]):
            points, scores = points + Decimal(pair["points"]), scores + Decimal(pair["score"])
        if total is None or project == NO_PROJECT:
            continue
        top, stated = Decimal(total["points"]), Decimal(total["score"])
        said = Quote(total.group(0), b.page_at(total.start()), None, "绩效自评表")
        if stated > top:
            yield make_finding(
                "perf.score_total",
                "error",
                f"{project}/总分",
                f"《{project}》总分一栏满分{top}分，得分却写{stated}分，超过满分。",
                str(stated),
                f"≤{top}",
                [said],
            )
        elif points == top and abs(stated - scores) > Decimal("0.01"):
            yield make_finding(
                "perf.score_total",
                "error",
                f"{project}/总分",
                f"《{project}》资金执行和各项指标的分值合计{points}分，得分合计{scores}分，表中总分写{stated}分。",
                str(stated),
                str(scores),
                [*quotes[:1], said],
            )
        points, scores, quotes = Decimal(0), Decimal(0), list[Quote]()


# a 总分 row whose 分值 is the indicators' alone (001: "总分 90 90" under nine indicators of 10): the table's total
# leaves the 资金执行 score out, as a layout, while the 财政部 自评表 counts it in (and the report's other tables do)
_LEFT_OUT = (
    "表中总分一栏的分值和得分都只计了指标，没有计入资金执行得分{fund}分；本表自洽，但与计入资金执行得分的自评表（满分100分）"
    "不可直接比较，计入后总分为{total}分，表中写{stated}分。"
)


def _indicators_only(table: dict, inds: list[dict]) -> bool:
    """The 总分 row's 分值 is the sum of the indicators' 分值: a total of the indicators alone."""
    printed = table["total"].get("points")
    return printed is not None and printed == sum(
        (i["points"] for i in inds if i["points"] is not None), Decimal(0)
    )


def _score_range(table: dict, fund: dict, inds: list[dict], blank: list[dict]) -> Iterable[Finding]:
    """score_total for a table with blank 得分 cells: the total must lie between the sum of the scores
    printed (blanks as 0) and that sum plus the blanks' 分值 (blanks as full)."""
    if any(i["points"] is None for i in inds):
        return
    points = sum((i["points"] for i in inds), Decimal(0)) + (fund.get("points") or _FUND_POINTS)
    low = sum((i["score"] for i in inds if i["score"] is not None), Decimal(0)) + fund["score"]
    high = low + sum((i["points"] for i in blank), Decimal(0))
    stated = table["total"]["score"]
    if points != 100 or low - Decimal("0.01") <= stated <= high + Decimal("0.01"):
        return
    names = "、".join(f"“{i['name']}”" for i in blank)
    left_out = _indicators_only(table, inds) and low - fund["score"] - Decimal(
        "0.01"
    ) <= stated <= high - fund["score"] + Decimal("0.01")
    yield make_finding(
        "perf.score_total",
        "info" if left_out else "error",
        f"{_name(table)}/总分",
        f"《{_name(table)}》资金执行得分{fund['score']}分，{names}的得分栏空着（按0分到满分{high - low}分计），"
        f"其余指标得分合计{low - fund['score']}分，"
        + (
            _LEFT_OUT.format(stated=stated, fund=fund["score"], total=f"{low}分到{high}")
            if left_out
            else f"总分应在{low}分到{high}分之间，表中写{stated}分。"
        ),
        str(stated),
        f"{low}–{high}",
        [fund["quote"], *(i["quote"] for i in blank), table["total"]["quote"]],
    )


_BOUND = re.compile(
    r"^(?P<op>[≤≥=]|<=|>=|小于等于|大于等于|不超过|不低于|不少于)?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[^\d\s]*)$"
)
_ACTUAL = re.compile(r"^=?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>[^\d\s]*)$")
# _BOUND's words for a ceiling and a floor
_AT_MOST = ("≤", "<=", "小于等于", "不超过")
# an actual that says the target was missed: "未完成", "未达到预期指标", "未达成预期指标", "未及时", "效果不明显"
# (not a count of such cases: "未及时处理0件")
_MISSED_WORDS = re.compile(
    r"^(?:[尚仍]?未能?(?:完全)?(?:完成|达到|达成|达标|实现)|未及时|未按期|未按时|没有(?:完成|达到|达成))\D*$"
)
# …or "效果不明显" against a target "效果明显" (not "波动不明显" for a target of little change)
_NOT_MARKED = re.compile(r"^[\u4e00-\u9fff]{0,6}不明显\D*$")
_AT_LEAST = ("≥", ">=", "大于等于", "不低于", "不少于")


@rule(
    "perf.target_missed",
    title="实际值未达指标却得满分",
    explanation=(
        "指标值写成“≤11节”“≥95%”这样的上下限，实际完成值越过了这条线，该项却给了满分。"
        "要么实际值填错了，要么打分没有按实际完成情况扣分。只比较指标值和实际值单位相同、"
        "都是单个数字的行（“95%以上”即“≥95%”）；实际完成值一栏直接写“未完成”“未达到预期指标”“未及时”的，同样不应得满分。"
    ),
    formula="指标为“≤X”时实际值 > X（或“≥X”时实际值 < X），或实际值写“未完成/未达到/未及时”，且得分 = 分值",
    tolerance="指标值是定数，实际值按印出精度（±半个末位）比较：“<=6.48万元”与“=6.5万元”分不出高低，不报；单位不同或不是单个数字的不比较",
    example="档案柜指标值≤11节，实际完成50节，仍得满分10分。",
    expected_label="指标值",
)
def target_missed(report: Report) -> Iterable[Finding]:
    for shown, subject, ind in _scored_indicators(report):
        if ind["score"] is None or ind["score"] != ind["points"]:
            continue
        which = f"“{ind['name']}”" if ind.get("name") else "一项指标"
        said, target = str(ind.get("actual") or "").strip(), str(ind.get("target") or "")
        if _MISSED_WORDS.match(said) or (
            _NOT_MARKED.match(said) and "明显" in target and "不明显" not in target
        ):
            yield make_finding(
                "perf.target_missed",
                "warning",
                subject if ind.get("name") else f"{subject}/{ind['target']}",
                f"{shown}{which}的指标值为{ind['target']}，实际完成情况写“{ind['actual']}”，却得满分{ind['points']}分："
                "实际完成情况与得分至少一处有误。",
                f"{ind['actual']}（{ind['score']}分）",
                f"{ind['target']}",
                [ind["quote"]],
            )
            continue
        found = _bound_and_actual(ind)
        if found is None:
            continue
        upper, limit, actual = found
        # the limit is a set figure; an actual printed coarser than it ("<=6.48万元 =6.5万元") may still be inside
        if not _provably_past(actual, limit, above=upper):
            continue
        yield make_finding(
            "perf.target_missed",
            "warning",
            subject if ind.get("name") else f"{subject}/{ind['target']}",
            f"{shown}{which}的指标值为{ind['target']}，实际完成{ind['actual']}，"
            f"{'超过上限' if upper else '低于下限'}，却得满分{ind['points']}分：得分与指标值（或它的方向）至少一处有误。",
            f"{ind['actual']}（{ind['score']}分）",
            f"{ind['target']}",
            [ind["quote"]],
        )


def _whose(table: dict) -> str:
    """《project》, or the words for a table without a readable name, before "的" ("另一张自评表的")."""
    shown = _shown(table)
    return "另一张自评表" if shown == "一张自评表中，" else shown.removesuffix("中，")


def _shown(table: dict) -> str:
    """《project》 for a message, or a plain word when OCR left the title unreadable (003: "《`》", "2024平/支保健").
    (An OCR'd 项目名称 cell that ran into the 主管部门 row is cut where the department's name begins by extract.)"""
    name = _name(table).strip()
    if len(_HAN.findall(name)) < 4 or name == "绩效自评表":  # no 项目名称 and no title read: not a name
        return "一张自评表中，"
    if _GARBLED_NAME.search(name):  # 003: "2024平/支保健", "R工程信息系统" (not "PPP 咨询机构服务费")
        return f"一张自评表（项目名称识别为“{name}”，多半有误）中，"
    return f"《{name}》"


# what no project name holds: a slash, a Latin letter standing alone beside Chinese
_GARBLED_NAME = re.compile(r"/|(?<![A-Za-z])[A-Za-z](?![A-Za-z])")


def _provably_past(actual: Decimal, limit: Decimal, *, above: bool) -> bool:
    """Whether ``actual`` is beyond the set figure ``limit`` (above it, or below), beyond the rounding of its print."""
    return (
        provably_greater(actual, limit, b_exact=True)
        if above
        else provably_greater(limit, actual, a_exact=True)
    )


_BOUND_AFTER = re.compile(r"^(?P<figure>\d[\d,]*(?:\.\d+)?[^\d\s]*?)及?(?P<word>以上|以下)$")


def _bound_and_actual(ind: dict, bare: bool = False) -> tuple[bool, Decimal, Decimal] | None:
    """(upper bound?, limit, actual) of a "≤X"/"≥X" indicator whose actual is one number in the same unit.
    With ``bare``, a target with no sign or with "=" ("100%", "=100%") counts too, as a figure to reach."""
    target = (ind.get("target") or "").replace(" ", "")
    # "95%以上" / "3个及以下": the bound written after the figure
    if m := _BOUND_AFTER.match(target):
        target = ("≥" if m["word"] == "以上" else "≤") + m["figure"]
    t = _BOUND.match(target)
    a = _ACTUAL.match((ind.get("actual") or "").replace(" ", ""))
    if not t or not a or t.group("unit") != a.group("unit") or (not bare and t.group("op") in (None, "=")):
        return None
    upper = t.group("op") in _AT_MOST
    return upper, Decimal(t.group("n").replace(",", "")), Decimal(a.group("n").replace(",", ""))


def _printed_as(value: Decimal, printed: Decimal) -> bool:
    """Whether ``printed`` is ``value`` at its precision: rounded, or (two or more decimals) cut off, as
    002 prints 19.9938÷20×10 = 9.9969 as 9.99. A whole number is only ever read as rounded: cutting 9.7
    to 9 is no sign of a formula."""
    if abs(value - printed) <= half_unit(printed):
        return True
    return decimals(printed) >= 2 and printed <= value < printed + 2 * half_unit(printed)


@per_report("document", "perf_tables")
def _full_marks_under_ceiling(report: Report) -> tuple[str, dict] | None:
    """The report's first cost row (a ceiling in 元) spent under its ceiling and given full marks, with how a message
    names its table: the sign that a unit does not score money as spent ÷ ceiling."""
    for shown, _, ind in _scored_indicators(report):
        if (
            re.search(r"元$", str(ind["target"]).strip())
            and ind.get("score") is not None
            and ind.get("score") == ind.get("points")
            and (found := _bound_and_actual(ind)) is not None
            and found[0]
            and 0 < found[2] < found[1]
        ):
            return shown, ind
    return None


def _explained(ind: dict[str, Any]) -> bool:
    """The row's 偏差原因 gives a reason: two Chinese characters or more that are not a placeholder ("到货较晚", "样本偏少";
    not "无", "/")."""
    han = "".join(_HAN.findall(ind.get("reason") or ""))
    return len(han) >= 2 and han not in ("没有", "不适用")


@rule(
    "perf.target_met_scored_short",
    title="实际值已达指标却被扣分",
    explanation=(
        "按绩效自评的评分规则，定量指标完成了指标值的记满分，未完成的按完成比例记分。指标值是“≤6人”“≤19万元”"
        "这样的上限，实际值在上限以内（已完成），该项却没有得满分。得分正好等于实际值÷指标值×分值时，"
        "说明打分时把上限当成了要达到的数（指标的方向写反了，或打分算反了），两者必有一错，记为警告（只差得分末位的0.01分时只作提示；"
        "成本上限（万元）按支出占上限的比例计分的，可能是单位自己的计分办法，少花钱反被扣分，也只作提示；"
        "报告中另有成本上限未超、得了满分的行时一并列出，那说明单位并非一律这样计分）；"
        "其他扣分（如超额完成却得0分）只作提示：评分可能另有理由，但应在偏差原因中写明；该行的偏差原因一栏已写明理由的，不再提示。"
        "实际完成值与指标值写得一字不差（“100% 100%”“效果明显 效果明显”）时，不论指标是上限还是下限都已达标，扣分同样只作提示。"
    ),
    formula="实际值在指标上下限以内 ⇒ 得分 = 分值",
    tolerance="按印出数比较；“按比例扣分”指得分与 实际值÷指标值×分值 相差不超过得分末位的半个单位，"
    "或得分是它截去末位以后的数（印到两位小数时，如9.9969印作9.99）",
    example="指标值<=6人，实际完成=4人，分值10分只得6.67分（=4÷6×10）。",
    expected_label="应得",
)
def target_met_scored_short(report: Report) -> Iterable[Finding]:
    for shown, subject, ind in _scored_indicators(report):
        score, points = ind.get("score"), ind.get("points")
        if score is None or points is None or score >= points:
            continue
        found = _bound_and_actual(ind)
        if found is None:
            if _same_text(ind) and not _explained(ind):
                yield make_finding(
                    "perf.target_met_scored_short",
                    "info",
                    f"{subject}/{ind['target']}",
                    f"{shown}指标值“{ind['target']}”，实际完成值写的也是“{ind['actual']}”，已达标，{points}分却只得"
                    f"{score}分，偏差原因一栏也没有说明扣分理由。",
                    f"{ind['actual']}（{score}分）",
                    f"{points}分",
                    [ind["quote"]],
                )
            continue
        upper, limit, actual = found
        if limit <= 0 or (upper and actual > limit) or (not upper and actual < limit):
            continue
        ratio = actual / limit * points if upper else limit / actual * points if actual else None
        by_ratio = ratio is not None and _printed_as(ratio, score)
        if not by_ratio and _explained(ind):
            continue  # a deduction the row explains in its own 偏差原因 (000: "因该项目采取竞价的方式……")
        # a cost ceiling scored as spent ÷ ceiling (003's 综合业务费 "<=6万元 =5.55万元" 4.63 of 5): an agency's way of
        # scoring money, odd (less spent, fewer points) but not a wrong direction — a note; a count or a rate scored so
        # says the bound was taken for a goal
        money = bool(re.search(r"元$", str(ind["target"]).strip()))
        full = None
        if by_ratio and upper and ratio is not None:
            cut = "" if abs(ratio - score) <= half_unit(score) else f"={ratio:.4f}，截去末位"
            # the report's own way with other cost ceilings: a row under its ceiling given full marks says this one's
            # proportion is no rule of the unit's (002: 岗前公共科目培训 66.5 under <=72.80 scores 10.00)
            full = _full_marks_under_ceiling(report) if money else None
            usual = (
                f"；而{full[0]}指标值{full[1]['target']}、实际{full[1]['actual']}，同样未超上限，得了满分{full[1]['score']}分："
                "本单位并非一律按比例计分。"
                if full
                else "；若本单位一贯这样计分，应在说明中写明。"
            )
            verdict = (
                f"（={actual}÷{limit}×{points}{cut}，按支出占上限的比例计分）：成本未超上限，照评分规则应得满分，"
                f"少花钱反被扣分{usual}"
                if money
                else f"（={actual}÷{limit}×{points}{cut}，按未达标计分）：得分或指标方向有一处错了。"
            )
        else:
            verdict = "；按评分规则应得满分，另有扣分理由的应在偏差原因中写明。"
        yield make_finding(
            "perf.target_met_scored_short",
            # a point docked at the score's last printed digit (002: 19.9938 of <=20 scored 9.99 of 10) is a note
            "warning" if by_ratio and not money and points - score > Decimal("0.01") else "info",
            f"{subject}/{ind['target']}",
            f"{shown}指标值{ind['target']}，实际{ind['actual']}，已达标，{points}分却只得{score}分{verdict}",
            f"{ind['actual']}（{score}分）",
            f"{points}分",
            [ind["quote"], *([full[1]["quote"]] if full else [])],
        )


# a 偏差原因 saying the row's own money was not spent: "科室未制作政策宣传品，无相应的费用支出。" (not "因宣传费用没有
# 产生，加大了其他办公经费的支付", which speaks of another row's money)
_NO_COST = re.compile(
    r"(?:(?:无|没有|不存在)(?:相应|对应|相关)的?(?:费用)?支出|(?:无|没有)(?:任何)?费用支出|(?:未|没有)(?:产生|发生)(?:任何|相应的?|相关的?)?(?:费用|支出))"
    # "无相关支出超标情况", "没有对应的支出安排", "没有发生费用调整", "未发生费用以外的其他支出": no spending denied
    r"(?![^，,。；;（(]{0,2}?(?:超|需求|安排|计划|问题|变更|调整|纠纷|拖欠|争议|以外|之外|外的))"
)


@rule(
    "perf.reason_no_cost",
    title="偏差原因说没有支出，实际值却有金额",
    explanation=(
        "自评表成本指标一行的实际值写了花费的金额（“=0.86万元”），同一行的偏差原因却说这笔钱没有花（“无相应的费用支出”"
        "“未产生费用”）。两处说的是同一行、同一笔钱，一处说花了、一处说没花，必有一处不对；这一行的金额又计入了项目的"
        "执行数，执行数也可能因此多报。只看偏差原因里明说本行没有支出的话，说别的费用没有产生的（“因宣传费用没有产生，"
        "加大了其他办公经费的支付”）不算。"
    ),
    formula="偏差原因称无支出 ⇒ 实际值 = 0",
    tolerance="不涉及舍入：实际值大于0即报",
    example="制作人社法规政策宣传费用<=1万元，实际=0.86万元，得1分；偏差原因：“……科室未制作政策宣传品，无相应的费用支出。”",
    expected_label="按偏差原因",
)
def reason_no_cost(report: Report) -> Iterable[Finding]:
    for shown, subject, ind in _scored_indicators(report):
        if ind.get("reason_quote", ind["quote"]) is None:
            continue  # a text row's reason that no "。" closes (_open_reason): not quoted, so not read for this
        said = _NO_COST.search(ind.get("reason") or "")
        spent = _ACTUAL.match((ind.get("actual") or "").replace(" ", ""))
        if (
            said is None
            or spent is None
            or spent["unit"] not in ("万元", "万", "元")
            or not Decimal(spent["n"].replace(",", ""))
        ):
            continue
        what = f"“{ind['name']}”" if ind.get("name") else f"成本指标{ind['target']}"
        yield make_finding(
            "perf.reason_no_cost",
            "warning",
            f"{subject}/{ind['target']}",
            f"{shown}{what}一行实际值为{ind['actual'].lstrip('=')}（{ind['score']}分），同一行的偏差原因却说“{said.group(0)}”："
            "花了钱和没有支出不能同时成立。",
            ind["actual"],
            "无支出",
            [ind["quote"], ind.get("reason_quote", ind["quote"])],
        )


# a 偏差原因 comparing the row's actual with its target: "实际完成情况高于目标值", "实际值低于指标值" (not a comparison with
# the budget, "较年初预算减少", or with last year)
_REASON_COMPARES = re.compile(
    r"(?:^|(?<=[，,。；;：:]))\s*(?:该指标)?实际(?:完成)?(?:情况|值|数)?"
    r"(?P<word>高于|超过|超出|大于|多于|低于|小于|少于|未达到?|不足)了?(?:年度)?(?:目标|指标)值?(?!值|\s*的)"
)
_ABOVE_WORDS = ("高于", "超过", "超出", "大于", "多于")
# on a ceiling ("<=200人"), "未达到目标值" / "超过目标值" may say the goal was (not) met rather than which figure is larger
_PLAIN_WORDS = ("高于", "大于", "多于", "低于", "小于", "少于")


@rule(
    "perf.reason_word",
    title="偏差原因里实际值与指标值的比较与数字相反",
    explanation=(
        "自评表一行的偏差原因写“实际完成情况高于目标值”“实际值低于指标值”，同一行印着指标值和实际值。"
        "两个数单位相同、都是单个数字时，高低一比便知：原因里说高、数字却是低（或反过来），两处必有一处错了，"
        "多半是照抄了别的行的原因，或实际值填错。只看分句开头明说“实际……高于（低于、超过、未达到）目标值（指标值）”的话"
        "（“创业担保贷款发放实际低于目标值”说的是另一件事，不算）；与年初预算、与上年比较的（“较年初预算减少”）不算；"
        "指标是上限（“≤200人”）时，“未达到”“超过”可能说的是完成与否，只看“高于、低于”这类直说大小的词；"
        "同一栏里既说高又说低的不比较。"
    ),
    formula="原因说高于 ⇒ 实际值 > 指标值；原因说低于、未达到 ⇒ 实际值 < 指标值",
    tolerance="指标值是定数，实际值按印出精度（±半个末位）比较；分不出高低的（“=30万元”对“<=30万元”）不报；"
    "单位不同或不是单个数字的不比较",
    example="创业培训人数指标值>=13193人次，实际=9754人次，偏差原因：“政策宣传到位,实际完成情况高于目标值。”",
    expected_label="按两数",
)
def reason_word(report: Report) -> Iterable[Finding]:
    for shown, subject, ind in _scored_indicators(report):
        reason_quote = ind.get("reason_quote", ind["quote"])
        compares = list(_REASON_COMPARES.finditer(ind.get("reason") or ""))
        if reason_quote is None or not compares or not ind.get("aligned", True):
            continue
        found = _bound_and_actual(ind, bare=True)
        if found is None or len({m["word"] in _ABOVE_WORDS for m in compares}) > 1:
            continue  # comparisons both ways in one cell: of several indicators, or set against each other
        upper, target, actual = found
        said = compares[0]
        above = said["word"] in _ABOVE_WORDS
        if (upper and said["word"] not in _PLAIN_WORDS) or not _provably_past(
            actual, target, above=not above
        ):
            continue
        which = f"“{ind['name']}”" if ind.get("name") else "一项指标"
        actually = "低于" if above else "高于"
        yield make_finding(
            "perf.reason_word",
            "error",
            f"{subject}/{ind['target']}",
            f"{shown}{which}的偏差原因写“{said.group(0)}”，但同一行指标值为{ind['target']}、实际完成{ind['actual']}，"
            f"实际值{actually}指标值：原因里的比较与数字相反。",
            said["word"],
            actually,
            [ind["quote"], *([reason_quote] if reason_quote is not ind["quote"] else [])],
        )


def _same_text(ind: dict) -> bool:
    """Target and actual written alike ("100% 100%", "效果明显 效果明显", "2023年12月31日" twice): met on any reading."""
    target, actual = (re.sub(r"^[=＝]|[\s。]", "", ind.get(k) or "") for k in ("target", "actual"))
    return bool(target) and target == actual and target not in ("-", "—", "/")


# "维修成本<=22.92万元 =11.44万元10 0.00" — an indicator row of a text export whose 自评表 lost its grid
# (the 分值 runs into the unit; the 得分 is printed to two decimals). The row may run over the next
# paragraphs, its cells one a line, the actual's unit wrapped: ">=13万人次" / "=14.3238万" / "人次" / "20 18.00".
_SCORED_ROW = re.compile(
    r"(?P<target>(?:>=|<=|≥|≤)\s*\d+(?:\.\d+)?\s*[^\d\s=]{0,4}?)\s+"
    r"(?P<actual>=\s*\d+(?:\.\d+)?\s*[^\d\s=]{0,4}?(?:\n[^\d\s=]{1,3}(?=\n))?)"
    r"\s*(?P<points>\d{1,2})\s+(?P<score>\d{1,2}\.\d{2})"
)
_ROW_PARAGRAPHS = 3  # how many paragraphs after its first an indicator row may run over
_BOUND_SIGNS = (">=", "<=", "≥", "≤")  # what the first paragraph of such a row holds


_PROJECT = re.compile(r"项目名称\s*(?P<name>\S.{1,40}?)\s*(?=主管部门|实施单位|$)")


# An indicator row of a 自评表 whose grid the export lost (002's text dump): the cells come as short
# paragraphs, "城镇新增" "就业" "=2.20万人次" "昌吉州政府" "工作报告" "15 2.24万人次15" — the name, the target
# (an operator, a figure and a unit), then the actual figure with the same unit.
_COUNT_UNIT = r"万人次|万人|人次|万户|户|人|盒|个|家|项|场|期|册|件|卷|次|所|批"


def _bound(units: str) -> re.Pattern[str]:
    """An indicator's target cell: an operator, a number and one of ``units`` (">=13万人次", "<=60日")."""
    return re.compile(rf"(?P<op>>=|<=|≥|≤|＝|=)\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>{units})")


_TARGET = _bound(_COUNT_UNIT)
# The actual's unit is the target's, or another single character written in its place with the 分值 right
# after it (002's project tables: ">=100人 =97认5 4.63"; perf.unit_mismatch notes the slip, _SCORED_ROW reads the
# 分值 and 得分 there). In 002's 整体 table the 分值 stands before the actual and the 得分 after it ("15 2.24万人次15").
_ACTUAL_AFTER = (
    r"^\D{{0,20}}?(?:(?P<points>\d+(?:\.\d+)?)\s+)?=?\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>{unit}|[\u4e00-\u9fff](?=\d))"
    r"(?![\u4e00-\u9fff]{{0,1}}[率])(?:\s*(?P<score>\d+(?:\.\d+)?)(?![\d.]))?"
)
# how many short paragraphs after its target an indicator's actual may stand: the 指标值依据 column comes between
# in 002's 整体 table (">=8.70 万人次" "《关于印发" "2023 年自治" "区就业工作" "要点的通" "知》新就办" "发〔2023〕1" "号"
# "10 11.79 万人次 10")
_ACTUAL_WITHIN = 8
_PERCENT_TARGET = _bound("%")
_TIME_BOUND = _bound("工作日|日|天|小时")
_AFTER_CATEGORY = re.compile(r"^.*指标(?=[\u4e00-\u9fff]{4})")
_LABEL_TAIL = re.compile(r"([\u4e00-\u9fff]{4,20})$")
_HEADER_WORDS = re.compile(r"^.*(?:实际完成值|指标值|得分|分值|三级指标)")
_CATEGORY = re.compile(
    r"^(?:履职效能|管理效率|(?:产出|效益|满意度|数量|质量|时效|成本|一级|二级|三级)指标|(?:社会|经济|生态)效益|可持续影响)+"
)


class StreamRow(NamedTuple):
    """An indicator row of a text export laid out as a run of short paragraphs."""

    pos: int  # the block of its target
    name: str
    target: Decimal
    unit: str
    target_text: str  # ">=2.20万人次"
    actual: Decimal
    shown: str  # the actual as printed
    quote: Quote  # the target and the actual (the actual alone when they stand apart)
    points: Decimal | None  # 分值 and 得分 where they stand around the actual (002's 整体 table), else None
    score: Decimal | None
    scored: Quote | None  # "15 2.24万人次15": the 分值, the actual and the 得分 where they stand so


def stream_indicators(blocks: list, target: re.Pattern[str] = _TARGET) -> Iterable[StreamRow]:
    """Each indicator row of a 自评表 whose grid the export lost, laid out as a run of short paragraphs."""
    for pos, b in enumerate(blocks):
        if b.table is not None or len(b.text) > 40:
            continue
        m = target.search(b.text)
        if m is None or m.start() > 20:
            continue
        # the name: the paragraphs just before (each short), plus this one's text before the target
        before = b.text[: m.start()]
        k = pos - 1
        while k >= 0 and len(before) < 16 and blocks[k].table is None:
            prev = blocks[k].text
            header = len(prev) <= 60 and _HEADER_WORDS.match(prev)  # "…实际完成值分值得分档案整理数"
            if target.search(prev) or (len(prev) > 24 and not header):
                # the row before ends with this name's first line, after its 得分: "…=41人10 10.00赴昌吉务工"
                if tail := re.search(r"\d\.\d{2}([\u4e00-\u9fff]{1,12})$", prev):
                    before = tail.group(1) + before
                break
            before = prev + before
            if header:
                break
            k -= 1
        before = re.sub(r"[（(][^）)]{0,4}[）)]$", "", before.strip())  # "档案整理数量（盒）"
        before = _CATEGORY.sub("", _HEADER_WORDS.sub("", before))
        # the category cells wrapped into short paragraphs before the name ("一级指" / "标" / "产出指标" /
        # "数量指标"): the name follows the last "指标"
        before = _AFTER_CATEGORY.sub("", before)
        name = _LABEL_TAIL.search(before)
        if name is None:
            continue
        # the actual: the first figure with the same unit after the target, within the next paragraphs
        after, quote_block, rest = b.text[m.end() :], b, m.end()
        actual = re.match(_ACTUAL_AFTER.format(unit=re.escape(m.group("unit"))), after)
        j = pos + 1
        while actual is None and j < len(blocks) and j <= pos + _ACTUAL_WITHIN and len(blocks[j].text) <= 40:
            if target.search(blocks[j].text) and not re.match(r"^\D{0,20}?\d", blocks[j].text):
                break
            quote_block, rest = blocks[j], 0
            actual = re.match(_ACTUAL_AFTER.format(unit=re.escape(m.group("unit"))), blocks[j].text)
            j += 1
        if actual is None:
            continue
        value = Decimal(actual.group("n"))
        # the actual with its target when they share a paragraph (">=90% =100%": a bare "100%" is found
        # all over the report), else the actual alone
        first = m.start() if quote_block is b else rest + actual.start("n")
        text = quote_block.text[first : rest + actual.end("unit")]
        shown = quote_block.text[rest + actual.start("n") : rest + actual.end("unit")]
        around = actual.group("points") is not None and actual.group("score") is not None
        scored = (
            quote_block.text[rest + actual.start("points") : rest + actual.end("score")] if around else ""
        )
        yield StreamRow(
            pos, name.group(1), Decimal(m.group("n")), m.group("unit"), m.group(0), value, shown,
            Quote(text, quote_block.page, None, block=quote_block),
            Decimal(actual.group("points")) if around else None, Decimal(actual.group("score")) if around else None,
            Quote(scored, quote_block.page, None, "绩效自评表") if around else None,
        )  # fmt: skip


NO_PROJECT = "绩效自评表"  # what precedes the first 项目名称: the 整体 table, or no table at all


@per_report("document")  # the rules reading text exports and the 自评 text all need it
def projects_by_block(report: Report) -> list[str]:
    """The 项目名称 in effect at each block of the running text (named in that block or last before it):
    which 自评表 a row belongs to when a text export lost the tables' grid (002)."""
    out, project = [], NO_PROJECT
    for b in report.document.blocks if report.document else []:
        if m := _PROJECT.search(b.text):
            project = m.group("name").strip()
        elif _WHOLE_OPENS.search(b.text):
            project = NO_PROJECT  # the 整体 table after the projects' (a common order): none of theirs
        out.append(project)
    return out


# the unit's or department's whole 自评表 opening: its title, or its "单位名称" row
_WHOLE_OPENS = re.compile(r"^\s*(?:(?:单位|部门)整体支出绩效自评表|单位名称\s)")


def _text_rows(
    report: Report, pattern: re.Pattern[str], following: int = 0, starts: tuple[str, ...] = ()
) -> Iterator[tuple[str, Block, re.Match[str]]]:
    """(project, block, match) of every match of ``pattern`` in the running text, with the 项目名称
    in effect there: the rows of 自评表 whose grid a text export lost (002).

    With ``following``, a match starting in a block may run on into that many next blocks, joined
    by newlines as in ``Document.text`` (a row whose wrapped label ends its own paragraphs); the
    match's offsets are then in that joined text, which starts with the block's. ``starts``: strings
    one of which a match must begin with or contain in its own block (blocks without one are skipped).
    """
    blocks = report.document.blocks if report.document else []
    for n, (project, b) in enumerate(zip(projects_by_block(report), blocks, strict=True)):
        if starts and not any(s in b.text for s in starts):
            continue
        text = "\n".join(x.text for x in blocks[n : n + 1 + following]) if following else b.text
        for m in pattern.finditer(text):
            if m.start() >= len(b.text):
                break
            yield project, b, m


def _scored_indicators(report: Report) -> Iterable[tuple[str, str, dict]]:
    """(how a message names the table, the finding's subject, the indicator row) of every row with a
    target, an actual, a 分值 and a 得分: from report.perf_tables, or read from the text of an export
    that lost the tables' grid (002)."""
    for table in report.perf_tables:
        shown, name = _shown(table), _name(table)  # once a table: 003's OCR grid holds hundreds of rows
        for ind in table["indicators"]:
            yield shown, f"{name}/{ind['name']}", ind
    if not report.perf_tables:
        yield from _text_scored_rows(report)
        yield from _stream_scored_rows(report)


@per_report("document")  # repeat.perf_indicator_text, repeat.perf_bound_tables and _stream_scored_rows
def stream_rows(report: Report) -> dict[str, list[StreamRow]]:
    """stream_indicators of the report's blocks for targets that count ("count"), percentages ("percent") and
    time limits ("time")."""
    blocks = report.document.blocks if report.document else []
    kinds = (("count", _TARGET), ("percent", _PERCENT_TARGET), ("time", _TIME_BOUND))
    return {kind: list(stream_indicators(blocks, pattern)) for kind, pattern in kinds}


@per_report("document", "perf_tables")
def _stream_scored_rows(report: Report) -> list[tuple[str, str, dict]]:
    """The rows of 002's 整体 table, whose 分值 and 得分 stand around the actual ("城镇新增" "就业" ">=2.20万人次"
    "昌吉州政府" "工作报告" "15 2.24万人次15")."""
    projects = projects_by_block(report)
    out: list[tuple[str, str, dict]] = []
    for rows in stream_rows(report).values():
        for row in rows:
            if row.points is None or row.scored is None:
                continue
            project = projects[row.pos]
            shown = "整体支出绩效自评表中" if project == NO_PROJECT else f"《{project}》"
            out.append((shown, f"{project}/{row.name}", {
                "name": row.name, "target": row.target_text, "actual": row.shown,
                "points": row.points, "score": row.score, "reason": None, "quote": row.scored,
            }))  # fmt: skip
    return out


@per_report("document", "perf_tables")  # perf.target_met_scored_short and perf.unit_mismatch
def _text_scored_rows(report: Report) -> list[tuple[str, str, dict]]:
    blocks = report.document.blocks if report.document else []
    index = {id(x): n for n, x in enumerate(blocks)}
    out: list[tuple[str, str, dict]] = []
    rows = _text_rows(report, _SCORED_ROW, following=_ROW_PARAGRAPHS, starts=_BOUND_SIGNS)
    for project, b, m in rows:
        last = index[id(b)] + m.group(0).count("\n")  # the paragraph the row's 得分 is in
        head = m.string[m.end() :].split("\n")[0]
        after = blocks[last + 1 : last + 1 + _REASON_PARAGRAPHS]
        reason = _text_reason(after, head)
        out.append((f"《{project}》", project, {
            "target": m["target"], "actual": m["actual"].replace("\n", ""),
            "points": Decimal(m["points"]), "score": Decimal(m["score"]),
            "reason": "".join(reason) if reason else _open_reason(after, head),
            # the reason as the text holds it, one paragraph a line
            "reason_quote": (
                Quote(
                    "\n".join(reason),
                    blocks[last].page_at(max(0, blocks[last].text.rfind(head))) if head else blocks[last + 1].page,
                    None,
                    "绩效自评表",
                )
                if reason
                else None
            ),
            "quote": Quote(m.group(0), b.page_at(m.start()), None, "绩效自评表"),
        }))  # fmt: skip
    return out


# how many paragraphs a text row's 偏差原因 may run over: a cell four characters wide holds a sentence of eighty in
# twenty ("全年局" / "机关加" / "大了新" / … / "无相应" / "的费用" / "支出。", 002's 行政复议 table)
_REASON_PARAGRAPHS = 30


def _not_reason(x: Block) -> bool:
    """A paragraph no text row's 偏差原因 runs on into: a table row, a paragraph wider than the cell, another row's
    target."""
    return x.table is not None or len(x.text) > 40 or re.search(r"(?:>=|<=|≥|≤|=)\s*\d", x.text) is not None


# what a 偏差原因 gives, and an indicator's name does not: a cause
_CAUSE = re.compile(r"因|故|由于|导致|原因")


def _open_reason(after: list[Block], head: str) -> str | None:
    """A text row's 偏差原因 that no "。" closes before the next row: it opens on the row's own line after the 得分
    ("<=13万元 =0.95万元4 0.00本年因" / "自治区" / … / "计工作", 002) and gives a cause. Its end cannot be told from the
    next row's name ("效益指" / "标"), so it counts as the row's reason but is not quoted."""
    if not _HAN.search(head):
        return None
    parts = [head]
    for x in after:
        if _not_reason(x):
            break
        parts.append(x.text)
    text = "".join(parts)
    return text if _CAUSE.search(text) else None


def _text_reason(after: list[Block], head: str = "") -> list[str] | None:
    """A text row's 偏差原因, its lines: the short paragraphs after its 得分 up to one that ends a sentence
    ("根据实" / "际支付，" / "偏差率" / "较小。"), none of them another row's target; else None (the
    paragraphs are the next indicator's name). ``head``: what follows the 得分 in its own paragraph, the
    reason's first line when the export ran it on ("<=1万元 =0.86万元1 1.00全年局")."""
    parts: list[str] = [head] if head else []
    if head.endswith("。"):
        return parts
    for x in after:
        if _not_reason(x):
            return None
        parts.append(x.text)
        if x.text.endswith("。"):
            return parts
    return None


@rule(
    "perf.balance",
    title="自评表资金结余与预算、执行数不符",
    explanation=(
        "自评表的资金结（转）余一栏是全年预算数减去全年执行数。年初预算数分为目标申报数、预算编制数两栏的表，"
        "资金行的列由数字的个数确定（恰好每栏一个数），结余不等于预算减执行即为表内矛盾；其他表以结余"
        "相符作为列对齐的依据，所以只有前一种表会报出此项。"
    ),
    formula="全年预算数 = 全年执行数 + 资金结（转）余",
    tolerance="(n+1)×半个末位单位（按印出精度）；超出为错误，范围内的非零差额记为提示；预算数印到两位小数、"
    "执行数和结余印得更细时，两者之和四舍五入到两位小数后与预算数相同即不报；不同时仍按各数自己的半个末位单位之和比较"
    "（336.79对336.344 + 0.455 = 336.799：两数的舍入区间不相交，为错误）",
    example="全年预算数336.79、全年执行数336.344、结余0.445：336.789四舍五入到两位小数即336.79，相符，不报告。",
)
def balance(report: Report) -> Iterable[Finding]:
    from generator.checks.sums import check_sum

    for table in report.perf_tables:
        for row in table["funding"]:
            budget, spent, rest = row.get("budget"), row.get("spent"), row.get("balance")
            if not row["aligned"] or budget is None or spent is None or rest is None:
                continue
            f = check_sum(
                "perf.balance", f"{_name(table)}/{row['label']}/结余", f"{row['label']}全年预算数", budget,
                [("全年执行数", spent), ("资金结（转）余", rest)], [row["quote"]], f"《{_name(table)}》",
            )  # fmt: skip
            if f is not None:
                yield f


# a target with its sign ("≥33个"), or a bare figure with its unit (004: "3.9万" beside "4.03万")
_TARGET_CELL = re.compile(r"^(?:>=|<=|≥|≤|>|<|=)\s*\d|^\d+(?:\.\d+)?\s*[^\d\s.]+$")
_ACTUAL_CELL = re.compile(
    r"^=?\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<u>[个人次项家场件名户辆所期篇份批]+|%|万(?:人次|人|个|户|家|件|份)?)$"
)


def _counted(ind: dict) -> tuple[str, Decimal, str] | None:
    """(indicator name, actual count, unit) of a count indicator row: "主体赛项目 5 >=33个 =33个 …"."""
    cells = ind["cells"]
    t = next((i for i, c in enumerate(cells) if _TARGET_CELL.match(c.strip())), None)
    if t is None or t + 1 >= len(cells):
        return None
    actual = _ACTUAL_CELL.match(cells[t + 1].strip())
    if actual is None:
        return None
    name = _name_before(cells, t)
    if len(name) < 4 or name.endswith("指标"):
        return None
    return name, Decimal(actual.group("n")), actual.group("u")


# words right before an indicator's name that make it another, smaller count ("联合举办招聘会1场次", "协办举办招聘会")
_ANOTHER_COUNT = re.compile(r"(?:联合|协办|合办|协助|配合|参与|分别|专场)$")


def _without_unit(name: str, unit: str) -> str:
    """An indicator's name without its unit in brackets at its end ("举办招聘会（场次）" counted in 场次, "举办招聘会（次）"
    too)."""
    m = re.search(r"[（(]\s*(?P<u>[^（）()]+?)\s*[）)]$", name)
    return name[: m.start()] if m and (unit.endswith(m["u"]) or m["u"].endswith(unit)) else name


@per_report("document", "perf_tables")  # perf.completion_text and perf.satisfaction_text
def _own_rows(report: Report) -> list[tuple[dict, list[Block]]]:
    """Each 自评表 with the rows of its own that are not indicator rows (实际完成情况, 项目绩效分析, 满意度情况……): from
    its first read row to the next 自评表 of the same document table (003's OCR puts dozens of 自评表 in one table;
    another project's text is not this one's)."""
    doc = report.document
    if doc is None:
        return []
    by_table: dict[int, list[Block]] = {}
    for b in doc.blocks:
        if b.table is not None:
            by_table.setdefault(b.table, []).append(b)
    out: list[tuple[dict, list[Block]]] = []
    starts = sorted(
        (t["table"], min(r["row"] for r in [*t["funding"], *t["indicators"]]))
        for t in report.perf_tables
        if t["funding"] or t["indicators"]
    )
    for table in report.perf_tables:
        if not table["funding"] and not table["indicators"]:
            continue
        rows = {ind["row"] for ind in table["indicators"]}
        first = min(r["row"] for r in [*table["funding"], *table["indicators"]])
        following = [row for t, row in starts if t == table["table"] and row > first]
        end = min(following, default=None)
        out.append((
            table,
            [
                b
                for b in by_table.get(table["table"], [])
                if b.row not in rows and b.row is not None and b.row >= first and (end is None or b.row < end)
            ],
        ))  # fmt: skip
    return out


def _planned_spans(report: Report, block: Block) -> list[tuple[int, int]]:
    """Where in a 自评表 row's text the plan stands: the cell under "预期目标" (the row under "年度总体目标 | 预期目标 |
    实际完成情况") states what was planned, not what was done."""
    doc = report.document
    if doc is None or block.table is None or block.row is None:
        return []
    rows = doc.tables[block.table].rows
    cells = rows[block.row]
    for header in reversed(rows[max(0, block.row - 3) : block.row]):
        names = [(c or "").strip() for c in header]
        if "预期目标" in names and len(names) == len(cells):
            plan = cells[names.index("预期目标")] or ""
            at = block.text.find(plan) if plan else -1
            return [(at, at + len(plan))] if at >= 0 else []
    return []


@rule(
    "perf.completion_text",
    title="自评表实际完成情况与指标实际值不符",
    explanation=(
        "自评表的“实际完成情况”（或同一表内的文字说明）写“已完成××N个”，而同一张表的绩效指标中名称"
        "完全相同的指标，实际值一栏写的是另一个数。两处说的是同一件事的完成数量。只比较名称在表中"
        "只出现一次、不是另一指标名称的一部分、且文字中紧跟名称写出数量和相同单位的指标；百分比指标"
        "（“离校未就业高校毕业生就业率98.14%”）和以“万”计的指标（指标值可不带符号：“3.9万 4.03万”）同样比较。"
    ),
    formula="文字中“指标名称 + N + 单位” = 同名指标的实际值",
    tolerance="数量按印出的数比较，不相等即报为错误",
    example="实际完成情况写主体赛项目43个，指标表中主体赛项目的实际值为=33个。",
    expected_label="指标表中的实际值",
)
def completion_text(report: Report) -> Iterable[Finding]:
    for table, own in _own_rows(report):
        counted = [c for c in (_counted(i) for i in table["indicators"]) if c is not None]
        if not counted:
            continue
        # "举办招聘会（场次）" =2场次 is written "举办招聘会2场次": the name without its unit in brackets
        names = [_without_unit(name, unit) for name, _, unit in counted]
        for (full, value, unit), ind in zip(counted, [i for i in table["indicators"] if _counted(i)]):
            name = _without_unit(full, unit)
            if (
                len(name) < 4
                or names.count(name) != 1
                or any(name in other for other in names if other != name)
            ):
                continue
            stated = re.compile(re.escape(name) + r"\s*(\d+(?:\.\d+)?)\s*" + re.escape(unit) + r"(?![\d%])")
            hits = []
            for block in own:
                if name not in block.text:
                    continue
                planned = _planned_spans(report, block)
                for m in stated.finditer(block.text):
                    if any(a <= m.start() < b for a, b in planned):
                        continue  # "计划慰问……12人" under 预期目标: the plan
                    lead = block.text[clause_begin(block.text, m.start(), "，,；;。：:、") : m.start()]
                    if "其中" in lead or _ANOTHER_COUNT.search(lead):
                        continue  # "其中与县市联合举办招聘会1场次", "联合举办招聘会1场次": a part, or another count
                    hits.append(
                        (Decimal(m.group(1)), Quote(m.group(0), block.page_at(m.start()), None, block=block))
                    )
            if len({v for v, _ in hits}) != 1:
                continue  # not stated, or stated with two different numbers: not unambiguous
            said, quote = hits[0]
            if said == value:
                continue
            yield make_finding(
                "perf.completion_text",
                "error",
                f"{_name(table)}/{full}",
                f"《{_name(table)}》的实际完成情况写{name}{said}{unit}，而绩效指标“{full}”的实际值为{value}{unit}。",
                f"{said}{unit}",
                f"{value}{unit}",
                [quote, ind["quote"]],
            )


# a survey's result in a 自评表's own rows: "满意度情况及分析 2024年度通过调查，使用人的满意度为98%", "通过对我县公益性岗位人员的调查
# ……满意度达到96%" (001); not a goal ("群众满意度达到95%" in 003's 年度总体目标 row) nor a floor ("……在90%以上")
_SURVEYED = re.compile(r"满意(?:度|程度|率)?[^。；;，,\d%]{0,6}?(?P<n>\d+(?:\.\d+)?)\s*%(?!以上|以下|左右)")


@rule(
    "perf.satisfaction_text",
    title="自评表的满意度调查结果与满意度指标实际值不符",
    explanation=(
        "自评表的“满意度情况及分析”（或同一表内写明“通过调查”的说明）写调查所得的满意度，如“使用人的满意度为98%”；"
        "同一张表的满意度指标在实际完成值一栏也写了满意度。两处说的是同一次调查的结果：实际值写成一个数时两处应相等，"
        "写成界限（“≥95%”，表示至少95%）时文字的数不能低于它（“≤”则不能高于它）。只比较表中只有一个满意度指标、"
        "文字只写出一个满意度的表；写的是目标或界限（“达到90%以上”）、或句中没有“调查”又不在满意度情况一栏的不比较。"
        "文字说的调查对象可能与指标不完全相同（“单位职工”与“受益群体”），所以记为警告；文字用指标的原名紧接着写出数字的，"
        "由perf.completion_text核对，这里不再重复。"
    ),
    formula="文字的满意度 = 指标实际值（实际值为“≥v”时：文字的满意度 ≥ v）",
    tolerance="百分比按印出的数比较（精度不同时按较粗的精度）",
    example="满意度情况及分析写“通过调查，受益群体的满意度为98%”，满意度指标实际值“≥96%”：相符",
    expected_label="满意度指标的实际值",
)
def satisfaction_text(report: Report) -> Iterable[Finding]:
    for table, own in _own_rows(report):
        rated = [
            i
            for i in table["indicators"]
            if any("满意" in c for c in i.get("cells") or [i.get("name") or ""])
        ]
        actual = _BOUND.match(str(rated[0].get("actual") or "").replace(" ", "")) if len(rated) == 1 else None
        if actual is None or actual["unit"] != "%":
            continue
        hits: list[tuple[Decimal, Quote]] = []
        for b in own:
            if "满意" not in b.text:
                continue
            for sentence in re.finditer(r"[^。；;]+", b.text):
                text = sentence.group(0)
                for m in _SURVEYED.finditer(text):
                    if "调查" not in text[: m.start()] and not text.lstrip().startswith("满意度情况"):
                        continue
                    # quoted from the clause's start: "受益群体的满意度为98%", "使用人的满意度为98%"
                    begin = max(text.rfind(c, 0, m.start()) for c in "，,：:") + 1
                    quoted = text[begin : m.end()].strip()
                    at = sentence.start() + text.index(quoted)
                    hits.append((Decimal(m.group("n")), Quote(quoted, b.page_at(at), None, block=b)))
        if len({n for n, _ in hits}) != 1:
            continue  # no survey result, or two different ones: which one the indicator holds is not known
        said, quote = hits[0]
        counted = _counted(rated[0])
        if counted is not None and re.search(re.escape(counted[0]) + r"\s*\d", quote.quote):
            continue  # the indicator's own name and figure: perf.completion_text's
        value, op = Decimal(actual["n"].replace(",", "")), actual["op"]
        if (
            same_figure(said, value)
            or (op in _AT_LEAST and said > value)
            or (op in _AT_MOST and said < value)
        ):
            continue
        ind = rated[0]
        shown = str(ind["actual"]).strip()
        # the indicator as its row names it ("受益人员的满意", not the unit column "≥%" before the target)
        cells = ind.get("cells") or []
        t = next((i for i, c in enumerate(cells) if _TARGET_CELL.match(c.strip())), len(cells))
        named = next((c.strip() for c in reversed(cells[:t]) if "满意" in c), None) or indicator_name(ind)
        why = (
            f"实际值写的是至少{value}%，文字的{said}%低于它"
            if op in _AT_LEAST
            else f"实际值写的是至多{value}%，文字的{said}%高于它"
            if op in _AT_MOST
            else "两处应是同一次调查的结果"
        )
        yield make_finding(
            "perf.satisfaction_text",
            "warning",
            f"{_name(table)}/{named}",
            f"《{_name(table)}》写“{quote.quote}”，而本表满意度指标“{named}”的实际完成值为{shown}：{why}。",
            f"{said}%",
            shown,
            [quote, ind["quote"]],
        )


_PERF_HEADING = re.compile(r"^(?P<name>.{2,40}?)(?:项目)?(?:支出)?绩效自评表$")
_NAME_NOISE = re.compile(
    r"\d{4}年度?|项目|经费|资金|工作|补助|支出|专项|对口|费$"
)  # after the brackets (_core)
# a document number left when its year's brackets are gone: "岚财社（2024）57号" → "岚财社57号"
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{0,3}(?:财|政|发|办|人社)[\u4e00-\u9fff]{0,3}\d+号")


_INNER_BRACKETS = re.compile(r"[（(][^（()）]*[）)]")


def _core(name: str) -> str:
    # a document number holds brackets of its own: "就业创业综合服务平台设备(乌财社(2024)134号)", innermost first
    while _INNER_BRACKETS.search(name):
        name = _INNER_BRACKETS.sub("", name)
    return _NAME_NOISE.sub("", _DOC_NUMBER.sub("", name)).strip()


def _same_project(a: str, b: str) -> bool:
    a, b = _core(a), _core(b)
    if not a or not b or a in b or b in a:
        return True
    shorter = min(a, b, key=len)
    return sum(1 for ch in set(shorter) if ch in b and ch in a) >= 0.5 * len(set(shorter))


@rule(
    "perf.title_name",
    title="自评表标题与项目名称不符",
    explanation=(
        "每张项目支出绩效自评表上方有标题“××项目支出绩效自评表”，表内第一行写“项目名称”。两者应是同一个项目；"
        "标题写的是另一个项目，多半是复制上一张表后只改了表内内容。比较时去掉“项目、经费、资金、工作、补助、专项”"
        "等通用字样和括号内的文号，两个名称既不互相包含、又没有一半以上的字相同，才算不符。"
    ),
    formula="标题中的项目名 ≈ 表内“项目名称”",
    tolerance="不涉及金额",
    example="标题“购置档案经费项目支出绩效自评表”，表内项目名称“零工市场运营经费”",
    expected_label="表中的项目名称",
)
def title_name(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    first_row: dict[int, int] = {}
    for pos, b in enumerate(doc.blocks):
        if b.table is not None:
            first_row.setdefault(b.table, pos)
    for table in report.perf_tables:
        name, t_index = table.get("name"), table["table"]
        # one grid per 自评表 only: OCR'd reports recover many 自评表 from page text into one grid
        if (
            not name
            or t_index not in first_row
            or sum(1 for t in report.perf_tables if t["table"] == t_index) != 1
        ):
            continue
        heading = None
        for b in reversed(doc.blocks[max(0, first_row[t_index] - 4) : first_row[t_index]]):
            if b.table is None and (m := _PERF_HEADING.match(b.text.strip())):
                heading = (b, m.group("name"))
                break
        # ("单位整体支出绩效自评表": a unit's own, which names the unit, not a project)
        if (
            heading is None
            or re.fullmatch(r"(?:单位|部门)?整体(?:支出)?", heading[1])
            or _same_project(heading[1], name)
        ):
            continue
        b, titled = heading
        name_row = next(
            (r for r in doc.table_rows(t_index) if r.text.startswith(("项目名称", "项目支出名称"))), None
        )
        yield make_finding(
            "perf.title_name",
            "warning",
            f"{titled}/{name}",
            f"{page_ref(report, b.page)}的自评表标题写“{b.text.strip()}”，表内项目名称却是“{name}”，两者不是同一个项目。",
            titled,
            name,
            [Quote(b.text.strip(), b.page, None, block=b)]
            + ([Quote(name_row.text, name_row.page, None, "绩效自评表")] if name_row else []),
        )


# "年度资金总额 72.80 72.80 66.50 10 91.35% 10.00" — a funding row the text export kept on one line
# (002's 自评表 lost their grid, so report.perf_tables does not hold them).
# Joined with the next row's cells ("…10 100.00% 10.00560.00 560.00…") when the export put one cell a line,
# so the score is read as printed there, to two decimals, and the row kept only when its rate is the
# spent ÷ budget of its own amounts (the columns are where they seem).
_FUNDING_LINE = re.compile(
    r"年度资金总额\s*[:：]?\s*(?P<initial>\d[\d,]*(?:\.\d+)?)\s+(?P<budget>\d[\d,]*(?:\.\d+)?)\s+(?P<spent>\d[\d,]*(?:\.\d+)?)\s+"
    # the score: two decimals, which the next row's cells may follow with no space ("10.0072.80 72.80 …"), or a whole
    # number on the same line ("99.95% 10")
    r"(?P<points>\d+)\s+(?P<rate>\d+(?:\.\d+)?)\s*%\s+(?P<score>\d{1,3}\.\d{2}|(?<=[ \t])\d{1,3}(?![\d.%]))"
)


# A 整体 table of a text export that lost its grid (002): the 执行率 merged down the funding rows is printed on the
# first ("中央安排0.00 0.00 0.00 10 93.85% 9.4自治区安排0.00 0.00 0.00 - - -地（州、市）"), "-" on every other, 合计 too
# ("……合计2779.89 3205.90 3008.60 - - -年度总"); the paragraphs run the rows together
_N = r"\d[\d,]*(?:\.\d+)?"
_DASHES = re.compile(r"-\s+-\s+-")
_MERGED_RATE = re.compile(
    rf"(?P<label>[\u4e00-\u9fff（）()、]{{2,12}}?)\s*(?P<initial>{_N})\s+(?P<budget>{_N})\s+(?P<spent>{_N})\s+"
    rf"(?P<points>\d+)\s+(?P<rate>\d+(?:\.\d+)?)\s*%\s+(?P<score>\d+(?:\.\d+)?)(?![\d.%])"
    rf"(?P<rest>[^%]{{0,300}}?)(?P<total>合计\s*(?P<t_initial>{_N})\s+(?P<t_budget>{_N})\s+(?P<t_spent>{_N})\s+-\s+-\s+-)"
)


_DASHED_ROW = re.compile(
    rf"(?P<label>[\u4e00-\u9fff（）()、][\u4e00-\u9fff（）()、\n]{{1,16}}?)\s*(?P<initial>{_N})\s+(?P<budget>{_N})\s+"
    rf"(?P<spent>{_N})\s+-\s+-\s+-"
)


@per_report("document", "perf_tables")  # perf.execution_rate and budget.perf_initial
def _text_merged_rates(report: Report) -> list[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    """(table name, the row printing the rate, [that row, the rows between, the 合计 row]) of each such table of a text
    export."""
    doc = report.document
    if doc is None or report.perf_tables:
        return []
    out: list[tuple[str, dict[str, Any], list[dict[str, Any]]]] = []
    blocks, starts = doc.blocks, block_starts(doc)
    for n, b in enumerate(blocks):
        if b.table is not None or "%" not in b.text:
            continue
        joined = "\n".join(x.text for x in blocks[n : n + 8])
        m = _MERGED_RATE.search(joined) if _DASHES.search(joined) else None
        if m is None or m.start() >= len(b.text) or not _DASHES.search(m["rest"]):
            continue

        def page_of(at: int, first: int = starts[n]) -> int:
            """The page of ``joined[at]``: the page of its block, where in that block it stands."""
            block, offset = block_at(doc, starts, first + at)
            return block.page_at(offset)

        row = {
            "label": m["label"],
            **{k: parse_amount(m[k]) for k in ("initial", "budget", "spent", "rate")},
            "quote": Quote(
                joined[m.start("label") : m.end("score")], b.page_at(m.start()), None, "绩效自评表"
            ),
        }
        total = {
            "label": "合计",
            **{k: parse_amount(m[f"t_{k}"]) for k in ("initial", "budget", "spent")},
            "rate": None,
            "quote": Quote(m["total"], page_of(m.start("total")), None, "绩效自评表"),
        }
        # the rows between, each source's three amounts and its dashes ("地（州、市）\n安排\n2049.89 2638.26 2638.26 - - -")
        between = [
            {
                "label": re.sub(r"\s+", "", r["label"]),
                **{k: parse_amount(r[k]) for k in ("initial", "budget", "spent")},
                "rate": None,
                "quote": Quote(
                    r.group(0).split("\n")[-1], page_of(m.start("rest") + r.end() - 1), None, "绩效自评表"
                ),
            }
            for r in _DASHED_ROW.finditer(m["rest"])
        ]
        out.append(("整体支出绩效自评表", row, [row, *between, total]))
    return out


def _text_funding(report: Report) -> list[tuple[str, re.Match[str], Quote]]:
    """(project, match, quote) of each 年度资金总额 line of a text export whose 自评表 lost their grid (002);
    none where report.perf_tables holds the tables."""
    if report.perf_tables:
        return []
    return [
        (project, m, Quote(m.group(0), b.page_at(m.start()), None, "绩效自评表"))
        for project, b, m in _text_rows(report, _FUNDING_LINE, starts=("年度资金总额",))
    ]


@per_report("document", "perf_tables")  # perf.execution_score and perf.execution_score_high
def _scored_rows(report: Report) -> list[tuple[str, Decimal, Decimal, Decimal, Quote]]:
    """(project, points, rate, score, quote) of every 资金执行 row that states all three."""
    # one entry a table: two tables may print the same row ("年度资金总额 10 10 10 10 100% 10", 004's 失业动态监测 and
    # 农民工就业); a row read from the text as well as from a table is one
    out: list[tuple[str, Decimal, Decimal, Decimal, Quote]] = []
    read: set[tuple[str, int | None]] = set()
    for table in report.perf_tables:
        if is_whole(table):
            continue  # a 部门/单位整体 table may follow its own scoring rule (002, 000: rate × points)
        row = next((r for r in table["funding"] if r.get("points") is not None), None)
        if row is None or not row["aligned"] or row.get("rate") is None or row.get("score") is None:
            continue
        q = row["quote"]
        out.append((_name(table), row["points"], row["rate"], row["score"], q))
        read.add((q.quote, q.page))
    for project, m, q in _text_funding(report):
        rate, budget, spent = (parse_amount(m.group(k)) for k in ("rate", "budget", "spent"))
        if (q.quote, q.page) in read or rate is None or budget is None or spent is None or budget <= 0:
            continue
        if percent_severity(rate, spent, budget) is not None:
            continue
        read.add((q.quote, q.page))
        out.append((project, Decimal(m.group("points")), rate, Decimal(m.group("score")), q))
    return out


@rule(
    "perf.execution_score",
    title="资金执行率高的项目得分反而低",
    explanation=(
        "同一份报告的各张绩效自评表按同一评分标准给“预算执行率”打分（分值相同），执行率越高，得分只能相同或更高。"
        "一张表执行率较低却得分较高、另一张执行率更高却得分较低，两张表的评分不可能都对，至少一张多给或少给了分。"
        "只比较分值相同、执行率不超过100%的资金行。"
    ),
    formula="分值相同时：执行率甲 < 执行率乙 ⇒ 得分甲 ≤ 得分乙",
    tolerance="按印出的数比较，无容差（得分和执行率都是表中原数）",
    example="《劳动保障监察工作经费》执行率91.35%得10.00分，《宣传资料印制》执行率93.10%只得8.27分（满分均为10分）",
    expected_label="按执行率更高的自评表",
)
def execution_score(report: Report) -> Iterable[Finding]:
    rows = [r for r in _scored_rows(report) if r[2] <= 100]
    for name, points, rate, score, quote in rows:
        # the highest rate that scored less: the plainest counter-example
        lower = [r for r in rows if r[1] == points and r[2] > rate and r[3] < score]
        if not lower:
            continue
        o_name, _, o_rate, o_score, o_quote = max(lower, key=lambda r: (r[2], -r[3]))
        yield make_finding(
            "perf.execution_score",
            "warning",
            f"{name}/{rate}",
            f"《{name}》预算执行率{pct(rate)}，得{score}分（分值{points}分）；而《{o_name}》执行率更高，为"
            f"{pct(o_rate)}，却只得{o_score}分。同一评分标准下执行率高的得分不会更低，两处评分至少一处有误。",
            f"{score}分（执行率{pct(rate)}）",
            f"不高于{o_score}分",
            [quote, o_quote],
        )


@rule(
    "perf.execution_score_high",
    title="资金执行率得分高于按比例应得的分数",
    explanation=(
        "资金执行率一项的得分，通行的评分办法有按比例（执行率×分值）、扣除起点（如（执行率−60%）÷40%×分值），"
        "也有执行率达到某一比例即给满分；除最后一种外，得分都不超过执行率×分值。同一份报告其他自评表"
        "（至少两张执行率低于100%的）得分全都不超过执行率×分值，说明本报告不是“达到即满分”的办法；"
        "某张表的得分却比执行率×分值高出1分以上，这一分数不符合报告自己的评分办法。"
    ),
    formula="其他各表：得分 ≤ 执行率×分值 ⇒ 本表：得分 ≤ 执行率×分值",
    tolerance="高出不超过1分的不报告（取整、四舍五入的办法各有不同）；执行率按表中印出的数",
    example="《国有资产出租收入》执行率32%，得8分（分值10分）；同一报告执行率98.8%、93.23%的两张表都只得9分。",
    expected_label="按执行率×分值",
)
def execution_score_high(report: Report) -> Iterable[Finding]:
    rows = [r for r in _scored_rows(report) if r[2] <= 100]
    for name, points, rate, score, quote in rows:
        bound = rate * points / 100
        if score - bound <= 1:
            continue
        others = [r for r in rows if r[4] is not quote]
        if len([r for r in others if r[2] < 100]) < 2 or any(r[3] > r[2] * r[1] / 100 + 1 for r in others):
            continue
        below = sorted((r for r in others if r[2] < 100), key=lambda r: r[2])[:2]
        full = [r for r in others if r[2] == 100 and r[1] == points]
        # the printed rate may itself be wrong (004: 32% = 0.16 ÷ 年初0.5; 全年 0.16 ÷ 0.16 = 100%): say what
        # the report gives a 100% rate, when the amounts make it 100%
        amounts = next((f for t in report.perf_tables for f in t["funding"] if f.get("quote") is quote), None)
        whole = bool(amounts and amounts.get("budget") and amounts.get("budget") == amounts.get("spent"))
        also = (
            f"即使按全年执行数÷全年预算数算作100%，本报告{len(full)}张执行率100%、印有得分的表都得{points}分，也不是{score}分。"
            if whole and full and all(r[3] == points for r in full)
            else ""
        )
        yield make_finding(
            "perf.execution_score_high",
            "warning",
            f"{name}/{rate}/{score}",
            f"《{name}》预算执行率{pct(rate)}，得{score}分（分值{points}分），执行率×分值只有"
            f"{bound.quantize(Decimal('0.01'))}分；本报告其他自评表的这一项得分都不超过执行率×分值（"
            + "、".join(f"《{n}》{pct(r)}得{s}分" for n, _, r, s, _ in below)
            + f"），这张表的得分不符合报告自己的评分办法。{also}",
            f"{score}分（执行率{pct(rate)}）",
            f"不超过{bound.quantize(Decimal('0.01'))}分",
            [quote, *(r[4] for r in below)],
        )


# Measure words an indicator is counted in; an actual value in a different one (or in a character
# that is no unit at all, "=97 认" for 人) cannot be compared with its target.
_UNITS = {
    "个", "人", "次", "项", "家", "场", "件", "名", "户", "辆", "所", "期", "篇", "份", "批", "盒", "套", "条", "年", "月",
    "日", "天", "元", "本", "册", "台", "处", "起", "节", "块", "度", "周", "张", "部", "亩", "米", "吨", "分", "%", "万元",
    "万人", "万人次", "人次", "场次", "户次", "平方米", "小时", "分钟", "个月", "工作日", "公里", "万份",
}  # fmt: skip
_UNIT_OF = re.compile(r"^(?:>=|<=|≥|≤|=)?\s*\d+(?:\.\d+)?\s*(?P<unit>[\u4e00-\u9fff%]{1,3})$")


@rule(
    "perf.unit_mismatch",
    title="指标实际值的单位与指标值不一致",
    explanation=(
        "绩效指标的实际完成值应与年度指标值用同一个计量单位（指标值“>=100人”，实际值也应是“人”）。"
        "实际值写成另一个单位（“=2009年”对“>=1000件”），或写成一个不是计量单位的字（“=97认”），"
        "读者无法确认完成了多少。单位写错不改变数字本身，只作提示。"
    ),
    formula="实际完成值的单位 = 年度指标值的单位",
    tolerance="逐字比较单位；两个单位都不是常用计量单位时（多为识别错误）不比较",
    example="劳动能力鉴定结论书送达指标值>=1000件，实际完成值=2009年。",
    expected_label="应为",
)
def unit_mismatch(report: Report) -> Iterable[Finding]:
    for shown, subject, ind in _scored_indicators(report):
        target, actual = ind.get("target", "").strip(), ind.get("actual", "").strip()
        t, a = _UNIT_OF.match(target), _UNIT_OF.match(actual)
        if t is None or a is None or not target.startswith((">", "<", "≥", "≤")):
            continue
        tu, au = t["unit"], a["unit"]
        if tu == au or tu not in _UNITS or tu.startswith(au) or au.startswith(tu):
            continue
        if "%" in tu + au or "元" in tu + au:
            continue  # a rate beside an amount: two rows run together (003's OCR), not a unit written wrong
        what = f"“{au}”不是计量单位" if au not in _UNITS else f"单位“{au}”与指标值的“{tu}”不同"
        yield make_finding(
            "perf.unit_mismatch",
            "info",
            f"{subject}/{target}/{actual}",
            f"{shown}一项指标的指标值为{target}，实际完成值写作{actual}：{what}，实际值的单位应为“{tu}”。",
            actual,
            f"单位为{tu}",
            [ind["quote"]],
        )


# What an indicator's name says it measures, and the units that measure it.
_DIMENSIONS = {
    "面积": ("平方米", "平方公里", "平方千米", "万平方米", "亩", "公顷", "㎡"),
    "长度": ("米", "公里", "千米", "万米"),
    "体积": ("立方米", "万立方米", "方", "m³"),
}
_DIMENSION_WORDS = {
    "面积": "面积",
    "长度": "长度",
    "里程": "长度",
    "体积": "体积",
    "容积": "体积",
    "方量": "体积",
}
_MEASURE = re.compile(
    r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万?平方(?:米|公里|千米)|万?立方米|万?米|公里|千米|亩|公顷|㎡|m³)"
)


# a count in an indicator's name (its target and actual a percentage and nothing else: _UNIT_OF's unit "%")
_COUNT_NAME = re.compile(r"(?:人数|人次|户数|个数|次数|件数|场次|家数)$")
# a rate named ("……及时率", "……控制率"), not 效率/频率, whose values are not shares but amounts, durations or dates
_RATE_NAME = re.compile(r"(?<![效频概税汇利])率$")
_NOT_A_RATE = (
    ("金额", re.compile(r"^(?:>=|<=|≥|≤|=|小于等于|不超过)?\s*\d+(?:\.\d+)?\s*(?:万元|万|元)$")),
    ("天数", re.compile(r"^(?:>=|<=|≥|≤|=)?\s*\d+(?:\.\d+)?\s*(?:个?工作日|日|天|小时)$")),
    ("日期", re.compile(r"^\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:之?前完成|前|之前|底前)?$")),
)


def _not_a_rate(value: str) -> str | None:
    """What a value of a rate indicator is when it is no share: "金额" (≤10万), "天数" (<=60日), "日期" (2023年12月31日);
    None for a percentage, a bare number (0.16 may be a share) or words ("及时")."""
    v = value.replace(" ", "").replace("\n", "")
    return next((kind for kind, pattern in _NOT_A_RATE if pattern.match(v)), None)


def _dimension(unit: str) -> str | None:
    return next((d for d, units in _DIMENSIONS.items() if unit in units), None)


@rule(
    "perf.name_unit",
    title="指标名称所指的量与计量单位不符",
    explanation=(
        "指标名称写明了计量的是什么量（“……面积”“……长度”“……体积”），指标值和实际值却用了另一种量的单位"
        "（面积用“立方米”计）；或名称是个数（“……人数”“……次数”），指标值和实际值却都是百分比；或名称是比率"
        "（“……及时率”“……控制率”，不含效率、频率），指标值和实际值却是金额（“≤10万”）、天数（“<=45日”）或日期"
        "（“2023年12月31日”）。名称和单位必有一处写错，读者无法确认完成的是多少。同一数字在总体目标栏"
        "以名称所指的单位写出时，一并列出。比率写成金额等，同一名称在一份报告里只报一次，列出出现的表数（多半是同一模板）。"
        "不带单位的数（“≤0.5”）和文字（“及时”）不比较。单位写错不改变数字本身，只作提示。"
    ),
    formula="名称为“……面积”⇒ 单位为平方米、亩、公顷等；“……长度”⇒ 米、公里；“……体积”⇒ 立方米；“……人数”等 ⇒ 不是百分比；"
    "“……率” ⇒ 不是金额、天数或日期",
    tolerance="逐字比较单位；名称不以这些词结尾，或单位不属于这些量的不比较",
    example="砖砌体拆除面积：指标值=75.6立方米，实际值=75.6立方米，总体目标栏写“75.6平方米”；"
    "劳动人事争议案件办案时限及时率：指标值<=45日，实际值40日。",
    expected_label="按名称应为",
)
def name_unit(report: Report) -> Iterable[Finding]:
    yield from _rate_units(report)
    for table in report.perf_tables:
        for ind in table["indicators"]:
            name = re.sub(r"[（(][^）)]*[）)]$", "", (ind.get("name") or "").strip())
            word = next((w for w in _DIMENSION_WORDS if name.endswith(w)), None)
            m = _MEASURE.search((ind.get("actual") or "").replace(" ", ""))
            head = _COUNT_NAME.search(name)
            units = [_UNIT_OF.match((ind.get(k) or "").strip()) for k in ("target", "actual")]
            if head and all(u is not None and u["unit"] == "%" for u in units):
                # a count named, a rate given: "春节前后返乡农民工返岗就业人数 95% 100%" (004)
                yield make_finding(
                    "perf.name_unit",
                    "info",
                    f"{_name(table)}/{name}",
                    f"{_shown(table)}指标“{name}”计量的是{head.group(0)}，指标值{ind['target']}、实际值"
                    f"{ind['actual']}却是百分比：名称与数必有一处写错（多半应为“……率”）。",
                    ind["actual"],
                    f"{head.group(0)}（人、个、次等）",
                    [ind["quote"]],
                )
                continue
            if word is None or m is None:
                continue
            said, meant = _dimension(m["unit"]), _DIMENSION_WORDS[word]
            if said is None or said == meant:
                continue
            quotes = [ind["quote"]]
            goal: Quote | None = table.get("goal")
            same = [g for g in _MEASURE.finditer(goal.quote if goal else "") if g["n"] == m["n"]]
            same = [g for g in same if _dimension(g["unit"]) == meant]
            if goal is not None and same:
                quotes.append(Quote(same[0].group(0), goal.page, None, goal.table))
            also = f"；本表总体目标栏写的是“{same[0].group(0)}”" if same else ""
            yield make_finding(
                "perf.name_unit",
                "info",
                f"{_name(table)}/{name}",
                f"{_shown(table)}指标“{name}”计量的是{meant}，指标值{ind['target']}、实际值"
                f"{ind['actual']}却以“{m['unit']}”（{said}单位）计{also}。",
                m["unit"],
                f"{meant}单位（{_DIMENSIONS[meant][0]}等）",
                quotes,
            )


def _rate_units(report: Report) -> Iterator[Finding]:
    """A rate named, amounts, durations or dates given: one note a name, naming the tables it stands in (004's ten
    "项目成本控制率 ≤10万 10万" rows are one template's slip)."""
    rows: dict[tuple[str, str], list[tuple[str, str, str, Quote]]] = {}
    for table in report.perf_tables:
        for ind in table["indicators"]:
            name = re.sub(r"[（(][^）)]*[）)]$", "", (ind.get("name") or "").strip())
            kinds = {k for v in ("target", "actual") if (k := _not_a_rate(ind.get(v) or "")) is not None}
            if _RATE_NAME.search(name) and len(kinds) == 1 and not _has_share(ind):
                (kind,) = kinds
                rows.setdefault((name, kind), []).append(
                    (_shown(table), ind["target"], ind["actual"], ind["quote"])
                )
    if report.document is not None:
        projects = projects_by_block(report)
        for row in stream_rows(report)["time"]:
            if _RATE_NAME.search(row.name) and (said := _not_a_rate(row.target_text)) is not None:
                project = projects[row.pos]
                shown = "整体支出绩效自评表中" if project == NO_PROJECT else f"《{project}》"
                rows.setdefault((row.name, said), []).append((shown, row.target_text, row.shown, row.quote))
    for (name, kind), found in sorted(rows.items()):
        shown, target, actual, _ = found[0]
        tables = len({f[0] for f in found})
        said = (
            f"{shown}等{tables}张表的指标“{name}”，名称是一个比率，指标值和实际值却是{kind}（{shown}指标值{target}、"
            f"实际值{actual}）"
            if tables > 1
            else f"{shown}指标“{name}”的名称是一个比率，指标值{target}、实际值{actual}却是{kind}"
        )
        yield make_finding(
            "perf.name_unit",
            "info",
            f"{name}/{kind}",
            f"{said}：名称与数必有一处写错，读者无法按比率核对完成情况。",
            f"{target} / {actual}",
            "百分比",
            [f[3] for f in found[:3]],
        )


def _has_share(ind: dict) -> bool:
    return "%" in (ind.get("target") or "") + (ind.get("actual") or "")


_TWO_DECIMALS = re.compile(r"(?<![\d.])\d{1,6}\.\d{2}(?![\d%])")


def _amounts(table: dict) -> set[Decimal]:
    return {
        v for row in table["funding"] for k in ("initial", "budget", "spent") if (v := row.get(k)) is not None
    }


@rule(
    "perf.goal_copied",
    title="完成情况写的是另一个项目的资金总额",
    explanation=(
        "项目自评表“年度总体目标”一栏的预期目标和实际完成情况，写的是本项目的事和本项目的钱。这一栏写出的"
        "一个金额（两位小数）既不是本表任何一行资金的年初预算数、全年预算数或全年执行数，也不出现在本表指标中，"
        "却恰好等于报告中另一张自评表的年度资金总额：这段文字多半是从那个项目的自评表照抄过来的，"
        "读者看到的完成情况不是本项目的。"
    ),
    formula="总体目标栏中的金额 ∉ 本表资金额，且 = 另一张自评表的年度资金总额",
    tolerance="金额按两位小数逐位相同",
    example="《2024年新疆西藏等地区教育特殊补助资金(第二批)》全年预算61.15万元，完成情况却写380.55万元，"
    "正是《2024年自治区教育项目经费住宿费和教材费》的年度资金总额。",
    expected_label="本表资金总额",
)
def goal_copied(report: Report) -> Iterable[Finding]:
    totals: dict[Decimal, list[dict]] = {}
    for table in report.perf_tables:
        if table["funding"]:
            first = table["funding"][0]
            for v in {first.get(k) for k in ("initial", "budget", "spent")} - {None, Decimal(0)}:
                totals.setdefault(v, []).append(table)
    for table in report.perf_tables:
        goal, own = table.get("goal"), _amounts(table)
        if goal is None or not table["funding"] or table["funding"][0].get("budget") is None:
            continue
        if report.agency and own_name(_name(table), report.agency):
            continue  # the unit's 整体 table: its goal may name its projects' money
        listed = " ".join(ind["quote"].quote for ind in table["indicators"] if ind.get("quote"))
        for m in _TWO_DECIMALS.finditer(goal.quote):
            value = Decimal(m.group())
            others = [t for t in totals.get(value, []) if t is not table and _name(t) != _name(table)]
            if value in own or m.group() in listed or not others:
                continue
            clause = re.split(r"[，,；;。]", goal.quote[: m.start()])[-1]
            after = goal.quote[m.end() : m.end() + 6]
            if (
                "其中" in clause  # "全年支出22.08万元，其中尾款7.01万元": a part of this project's money
                or re.match(r"\s*(?:万(?!元)|[人个次户件名家%])", after)  # "5.61万人": no amount of money
                or value == value.to_integral_value()  # "15.00万元": round sums match other tables by chance
                or re.match(r"\s*万?元\s*(?:以内|以下|之内)", after)  # "控制在40.00万元以内": a ceiling
                or clause.count("（") + clause.count("(")
                > clause.count("）") + clause.count(")")  # a bracketed aside
            ):
                continue
            other, first = others[0], table["funding"][0]
            # the words just before the figure, within its own cell of an OCR'd row ("标准,380.55")
            snippet = re.split(r"\s", goal.quote[max(0, m.start() - 8) : m.end()])[-1]
            yield make_finding(
                "perf.goal_copied",
                "warning",
                f"{_name(table)}/{value}",
                f"{_shown(table)}总体目标栏写“{snippet}”，本表全年预算数却是{first['budget']}万元；"
                f"{value}万元是{_whose(other)}的年度资金总额，这段文字像是从那张表照抄的。",
                f"{value}万元",
                f"{first['budget']}万元",
                [Quote(snippet, goal.page, None, "绩效自评表"), first["quote"], other["funding"][0]["quote"]],
            )


# "预算绩效评价项目8个，全年预算数263.97万元，全年执行数247.81万元" (000, 002, 003's 整体 self-evaluation report)
_PROJECTS_TOTAL = re.compile(
    r"绩效评价项目\s*(?:共|共计)?\s*(?P<n>\d+)\s*个\s*[，,]\s*全年预算(?:数|总额)\s*(?:为|是)?\s*[:：]?\s*"
    r"(?P<budget>\d[\d,]*(?:\.\d+)?)\s*万元\s*[，,、]\s*"
    r"全年执行(?:数|总额)\s*(?:为|是)?\s*[:：]?\s*(?P<spent>\d[\d,]*(?:\.\d+)?)\s*万元"
)


def _project_totals(report: Report) -> list[tuple[str, Decimal | None, Decimal | None, Quote | None]]:
    """(project, 全年预算数, 全年执行数, quote) of each project 自评表's 年度资金总额 row: from the tables, or
    from the rows a text export kept on one line (002). A table whose total row was not read gives Nones."""
    out: list[tuple[str, Decimal | None, Decimal | None, Quote | None]] = []
    for table in report.perf_tables:
        if is_whole(table) or not table.get("name"):
            continue  # the 部门/单位整体 table is not a project
        row = next(
            (r for r in table["funding"] if r["aligned"] and (_FUNDING_TOTAL_LABEL.search(r["label"]))), None
        )
        out.append(
            (_name(table), row.get("budget"), row.get("spent"), row["quote"])
            if row
            else (_name(table), None, None, None)
        )
    if report.perf_tables:
        return out
    for project, b, m in _text_rows(report, _FUNDING_LINE):
        if project != NO_PROJECT:
            quote = Quote(m.group(0), b.page_at(m.start()), None, "绩效自评表")
            out.append((project, parse_amount(m.group("budget")), parse_amount(m.group("spent")), quote))
    return out


_FUNDING_TOTAL_LABEL = re.compile(r"总额|总资金|^项目资金")


@rule(
    "perf.projects_total",
    title="评价项目的预算、执行合计与各项目自评表之和不符",
    explanation=(
        "整体绩效自评报告写“预算绩效评价项目N个，全年预算数X万元，全年执行数Y万元”，说的正是报告后附的N张项目"
        "支出绩效自评表：X、Y应是各表“年度资金总额”一行全年预算数、全年执行数之和。只在报告中恰好读到N张项目"
        "自评表、且每张都读到了资金总额时比较。"
    ),
    formula="全年预算数 = Σ 各项目自评表全年预算数；全年执行数 = Σ 各项目自评表全年执行数",
    tolerance="(n+1)×半个末位单位（n为项目数）；超出为错误，范围内的非零差额记为提示",
    example="预算绩效评价项目8个，全年预算数263.97万元，全年执行数247.81万元；8张项目自评表相加正是263.97和247.81。",
    expected_label="各表之和",
)
def projects_total(report: Report) -> Iterable[Finding]:
    from generator.checks.balance import first_match
    from generator.checks.sums import check_sum

    stated = first_match(report, _PROJECTS_TOTAL)
    if stated is None:
        return
    b, m = stated
    n = int(m.group("n"))
    projects = _project_totals(report)
    if len(projects) != n or len({p[0] for p in projects}) != n:
        return  # not the N tables the sentence counts (OCR lost some, or one project has two rows)
    for key, label, values in (
        ("budget", "全年预算数", [p[1] for p in projects]),
        ("spent", "全年执行数", [p[2] for p in projects]),
    ):
        if any(v is None for v in values):
            continue  # a table whose total row was not read: unknown, not zero
        f = check_sum(
            "perf.projects_total", f"评价项目/{label}", f"{n}个评价项目的{label}",
            parse_amount(m.group(key)), [(f"《{p[0]}》", v) for p, v in zip(projects, values)],
            [Quote(m.group(0), b.page_at(m.start()), None, block=b)] + [p[3] for p in projects if p[3] is not None],
            "整体绩效自评报告",
        )  # fmt: skip
        if f is not None:
            yield f


# "整体支出绩效自评表1个，全年预算总额869.05万元，实际执行总额830.26万元" (000, 002, 003)
_WHOLE_TOTAL = re.compile(
    r"整体支出绩效自评表\s*(?:1|一)\s*个\s*[，,]\s*全年预算(?:总额|数)\s*(?:为|是)?\s*[:：]?\s*"
    r"(?P<budget>\d[\d,]*(?:\.\d+)?)\s*万元\s*[，,、]\s*"
    r"(?:实际|全年)执行(?:总额|数)\s*(?:为|是)?\s*[:：]?\s*(?P<spent>\d[\d,]*(?:\.\d+)?)\s*万元"
)
# "2023年我单位全年预算数为3127.86万元，全年执行数为3008.6万元，总预算执行率为96.19%" (000, 002): the 整体
# self-evaluation's own summary of the same two figures
_WHOLE_SUMMARY = re.compile(
    r"(?:我|本)(?:单位|部门|中心|局)\s*全年预算数?(?:为)?\s*(?P<budget>\d[\d,]*(?:\.\d+)?)\s*万元\s*[，,]\s*"
    r"全年执行数?(?:为)?\s*(?P<spent>\d[\d,]*(?:\.\d+)?)\s*万元"
)
_WHOLE_TOTAL_ROW = re.compile(r"^(?:合计|年度总资金|年度资金总额|资金总额)")
_WHOLE_STATEMENTS = (
    (_WHOLE_TOTAL, ("全年预算总额", "实际执行总额")),
    (_WHOLE_SUMMARY, ("全年预算数", "全年执行数")),
)


@rule(
    "perf.whole_total",
    title="整体自评的预算、执行总额与整体支出绩效自评表不符",
    explanation=(
        "整体绩效自评报告写“整体支出绩效自评表1个，全年预算总额X万元，实际执行总额Y万元”，说的是报告所附的那张"
        "部门（单位）整体支出绩效自评表：X、Y应是表中资金合计（年度总资金）一行的全年预算数和全年执行数。"
        "自评报告的总结里“我单位全年预算数为X万元，全年执行数为Y万元”说的也是这两个数。"
        "只在报告中恰好读到一张整体支出绩效自评表、且读到了它的合计行时比较（两句话互相矛盾、没有表可比的，"
        "由repeat.budget_for_spending报告）。两处只差年初结转和结余时（一处含上年结转、一处不含），是口径不一，记为警告。"
    ),
    formula="全年预算总额 = 整体自评表合计行全年预算数；实际执行总额 = 合计行全年执行数",
    tolerance="两处是同一个数，按印出精度比较；超出舍入范围为错误（正好相差年初结转和结余的为警告），范围内的差额记为提示",
    example="全年预算总额869.05万元、实际执行总额830.26万元；单位整体支出绩效自评表合计行835.63、869.05、830.26。",
    expected_label="自评表中",
)
def whole_total(report: Report) -> Iterable[Finding]:
    from generator.checks.balance import first_match
    from generator.checks.sums import check_same

    stated = []  # (block, match, labels) of each wording the report uses
    for pattern, labels in _WHOLE_STATEMENTS:
        if found := first_match(report, pattern):
            stated.append((*found, labels))
    wholes = [t for t in report.perf_tables if is_whole(t) or not t.get("name")]
    rows = [
        r
        for t in (wholes if len(wholes) == 1 else [])
        for r in t["funding"]
        if r["aligned"] and _WHOLE_TOTAL_ROW.match(r["label"].strip())
    ]
    if len(rows) == 1:
        row = rows[0]
        ref = {"budget": row.get("budget"), "spent": row.get("spent")}
        ref_label, ref_quote = f"整体支出绩效自评表“{row['label'].strip()}”一行的", row["quote"]
        columns = ("全年预算数", "全年执行数")
    else:
        return
    carried = report.metrics.get("carryover_begin") or report.narrative.get("carryover_begin")
    for b, m, labels in stated:
        quote = Quote(m.group(0), b.page_at(m.start()), None, block=b)
        for key, label, column in zip(("budget", "spent"), labels, columns, strict=True):
            value, other = parse_amount(m.group(key)), ref[key]
            f = check_same(
                "perf.whole_total", f"整体自评/{label}", f"整体绩效自评报告所述{label}", value,
                f"{ref_label}{column}", other, [quote, ref_quote], blank_is_zero=False,
            )  # fmt: skip
            # the two differ by exactly the 年初结转和结余: one counts the carried-over money, one does not
            scope = (
                carried is not None and None not in (value, other) and abs(other - value) == carried.amount
            )
            if f is not None and f.severity == "error" and scope and carried is not None:
                f = dataclasses.replace(
                    f,
                    severity="warning",
                    message=f.message.removesuffix("。")
                    + f"，正好是年初结转和结余{carried.amount}万元：一处含上年结转、一处不含，"
                    "同一单位同一年的全年预算数不应有两个口径。",
                )
            if f is not None:
                yield f


@rule(
    "perf.score_over_points",
    title="单项得分超过分值",
    explanation=(
        "绩效自评表每一项指标（以及“预算执行率”那一行）都有分值和得分，得分是按完成情况从分值里给出的，"
        "最多等于分值。得分大于分值，要么得分填错，要么分值填错，这一行的总分也因此不可信。"
        "表格结构在导出时丢失的报告（002），按仍写在一行内的“指标值 实际值 分值 得分”核对。"
    ),
    formula="得分 ≤ 分值",
    tolerance="按印出数比较，无容差",
    example="“<=72.80万元 =66.5万元 10 12.00”：分值10分，得分12.00分。",
    expected_label="不超过",
)
def score_over_points(report: Report) -> Iterable[Finding]:
    rows: list[tuple[str, str, Decimal, Decimal, Quote]] = []
    for shown, subject, ind in _scored_indicators(report):
        if ind.get("points") is not None and ind.get("score") is not None:
            what = f"“{ind['name']}”" if ind.get("name") else f"指标“{ind['quote'].quote}”"
            rows.append((f"{shown}{what}", subject, ind["points"], ind["score"], ind["quote"]))
    for table in report.perf_tables:
        for row in table["funding"]:
            if row["aligned"] and row.get("points") is not None and row.get("score") is not None:
                label = shown_label(row)
                rows.append(
                    (
                        f"{_shown(table)}{label}",
                        f"{_name(table)}/{label}",
                        row["points"],
                        row["score"],
                        row["quote"],
                    )
                )
    for project, m, q in _text_funding(report):
        rows.append(
            (
                f"《{project}》年度资金总额",
                f"{project}/年度资金总额",
                Decimal(m["points"]),
                Decimal(m["score"]),
                q,
            )
        )
    for what, subject, points, score, quote in rows:
        if score > points:
            yield make_finding(
                "perf.score_over_points",
                "error",
                subject,
                f"{what}分值{points}分，得分却是{score}分：得分不能超过分值。",
                f"{score}分",
                f"{points}分",
                [quote],
            )
