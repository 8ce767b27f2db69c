"""Project funding in the 绩效自评表, read against what the rest of the report says about that money.

- budget.reason_nonfiscal / budget.midyear_added: "与年初预算相比……主要原因是：年中追加……援疆经费、博士后
  培养经费等项目" names projects. Each project's 自评表 states its 年初预算数 and 全年预算数 and splits them into
  当年财政拨款 and 其他资金. A project whose table has no 财政拨款 cannot explain a change in 财政拨款
  spending; a project whose 年初预算数 equals its 全年预算数 got nothing added in the year. Projects are
  matched on their name without the words that only say it is money (经费, 资金, 工作, 项目 …) and without
  years: "援疆经费" is 《援疆工作经费》.
- perf.cost_sum: cost indicators whose ceilings add up to the project's 全年预算数 against its 全年执行数.
- budget.perf_initial: the 整体自评表's fiscal rows against the text's 年初预算数.
- perf.payment_rate: an indicator measuring the project's own money paid (项目资金支付率) against the
  table's 全年执行数 ÷ 全年预算数.
- perf.control_rate: a 成本控制率 indicator against the table's one cost indicator (actual ÷ ceiling).
- repeat.basic_data_project: the 部门整体支出绩效评价基础数据表's 市级专项 rows (this year's 预算, 决算) against
  each project's own 自评表 (年初预算数, 全年执行数).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from generator.checks import make_finding, per_report, rule
from generator.checks.perf import (
    _FUNDING_LINE,
    NO_PROJECT,
    _core,
    _name,
    _text_merged_rates,
    _text_rows,
    projects_by_block,
    stream_rows,
)
from generator.checks.ratios import percent_severity
from generator.checks.sums import check_same
from generator.checks.tables import _bare_control, _control_tables, group_rows
from generator.checks.tolerance import half_unit, rounded_percent
from generator.extract.perf import is_whole
from generator.model import Finding, Quote, Report
from generator.normalize import parse_amount

Amounts = tuple[Decimal, Decimal, Decimal]  # 年初预算数, 全年预算数, 全年执行数


@dataclass(frozen=True)
class Funds:
    """One project's 资金 rows as its 自评表 states them."""

    name: str
    total: Amounts
    other: Amounts | None  # 其他资金, when the table states it
    quote: Quote


_NUM = r"\d[\d,]*\.\d{2}"
# 002's text export runs a project's 资金 rows together: the 年度资金总额 row perf reads (_FUNDING_LINE),
# the 财政拨款 row's label wrapped over two paragraphs ("其中：当年财" / "政拨款"), then
# "0.00 0.00 0.00 — — —其他资金220.00 399.18 347.25 — — —".
_TEXT_FUNDS = re.compile(
    _FUNDING_LINE.pattern
    + r"\s*(?:其中[:：]?\s*当年财\s*政拨款\s*)?"
    + rf"(?P<f>{_NUM}\s+{_NUM}\s+{_NUM})\s*(?:[—-]\s*){{3}}其他资金\s*(?P<o>{_NUM}\s+{_NUM}\s+{_NUM})"
)


def _three(*texts: str) -> Amounts | None:
    a, b, c = (parse_amount(t) for t in texts)
    return None if a is None or b is None or c is None else (a, b, c)


def _columns(row: dict) -> Amounts | None:
    a, b, c = (row.get(k) for k in ("initial", "budget", "spent"))
    return None if a is None or b is None or c is None else (a, b, c)


@per_report("document", "perf_tables")  # four rules read the same report's project funds
def project_funds(report: Report) -> list[Funds]:
    """Every project 自评表 whose 年度资金总额 row is read with its three amounts."""
    out: list[Funds] = []
    for table in report.perf_tables:
        rows = [r for r in table["funding"] if r["aligned"]]
        total = next((r for r in rows if re.search(r"资金总额|总资金|^项目资金", r["label"])), None)
        other = next((r for r in rows if "其他资金" in r["label"]), None)
        if total is None or not table.get("name"):
            continue
        amounts, others = _columns(total), _columns(other) if other else None
        if amounts is not None:
            out.append(Funds(_name(table), amounts, others, total["quote"]))
    if report.perf_tables or report.document is None:
        return out
    for project, b, m in _text_rows(report, _TEXT_FUNDS, following=2, starts=("年度资金总额",)):
        total = _three(m["initial"], m["budget"], m["spent"])
        fiscal, other = _three(*m["f"].split()), _three(*m["o"].split())
        if project == NO_PROJECT or total is None or fiscal is None or other is None:
            continue
        if any(f + o != t for t, f, o in zip(total, fiscal, other, strict=True)):
            continue  # the columns are not where they seem
        out.append(Funds(project, total, other, Quote(m.group(0), b.page_at(m.start()), None, "绩效自评表")))
    return out


# "主要原因是：年中追加人员绩效考核奖金、三支一扶工作经费……等项目" / "本年增加……等项目"
_LIST = re.compile(
    r"(?P<verb>年中追加|本年追加|本年增加|本年新增)了?(?P<items>[^。；;：:]{2,200}?)等(?:项目|经费)"
)


@dataclass(frozen=True)
class Named:
    """A project named in a reason about 财政拨款, where it is named."""

    item: str
    midyear: bool  # named as a 年中追加
    quote: Quote


def _named(report: Report) -> Iterator[Named]:
    for b in report.document.blocks if report.document else []:
        if b.table is not None or "财政拨款" not in b.text:
            continue
        for m in _LIST.finditer(b.text):
            if (
                "财政拨款" not in b.text[: m.start()]
                or "原因" not in b.text[max(0, m.start() - 80) : m.start()]
            ):
                continue
            # split on the list's commas only: 和/及 also join words inside a name (住宿费和教材费)
            for item in re.split(r"[、，,]", m["items"]):
                if item := re.sub(r"^(?:以及|及|和)", "", item.strip()):
                    start = m.start("items") + m["items"].index(item)
                    yield Named(item, m["verb"] in ("年中追加", "本年追加"),
                                Quote(item if len(item) >= 4 else m.group(0), b.page_at(start), None, block=b))  # fmt: skip


def _matches(report: Report) -> Iterator[tuple[Named, Funds]]:
    """Each named project with the one 自评表 whose name is the same without money words; once each."""
    funds = project_funds(report)
    seen: set[tuple[str, bool]] = set()
    for named in _named(report):
        # "就业工作经费及援疆经费": two projects joined by 及/和 (split only where a half is a project's name)
        halves = (
            [x for x in re.split(r"以及|及|和", named.item) if x] if re.search(r"及|和", named.item) else []
        )
        for item in [named.item, *halves]:
            key = _core(item)
            hits = [f for f in funds if key and _core(f.name) == key]
            if len(hits) != 1 or (key, named.midyear) in seen:
                continue
            seen.add((key, named.midyear))
            yield Named(item, named.midyear, named.quote) if item != named.item else named, hits[0]


@rule(
    "budget.reason_nonfiscal",
    title="财政拨款变动的原因列了不用财政拨款的项目",
    explanation=(
        "说明财政拨款支出为何比上年增加、为何与年初预算有差异时，报告列出了一些项目（“本年增加……援疆经费等项目”）。"
        "每个项目的绩效自评表把年度资金总额分成当年财政拨款和其他资金。若某个被列出的项目在自评表中，"
        "年初预算数、全年预算数和全年执行数全部是其他资金（财政拨款三栏都是0），这个项目没有花财政拨款，"
        "不能用来解释财政拨款的增减或预决算差异。项目按去掉“经费、资金、工作、项目”等字样和年份后的名称相同来对应。"
    ),
    formula="原因中列出的项目 → 其自评表：当年财政拨款 = 年度资金总额 − 其他资金 = 0",
    tolerance="金额逐位相同（三栏都为0才算）",
    example="财政拨款比上年增加912.32万元的原因列了援疆经费，而《援疆工作经费》全年预算399.18万元全部是其他资金。",
    expected_label="自评表所示",
)
def reason_nonfiscal(report: Report) -> Iterable[Finding]:
    done: set[str] = set()
    for named, funds in _matches(report):
        if funds.other is None or funds.other != funds.total or funds.total[1] <= 0 or funds.name in done:
            continue
        done.add(funds.name)
        yield make_finding(
            "budget.reason_nonfiscal",
            "warning",
            funds.name,
            f"说明财政拨款变动的原因时列了“{named.item}”，而《{funds.name}》自评表中全年预算"
            f"{funds.total[1]}万元、执行{funds.total[2]}万元全部是其他资金，当年财政拨款为0：这个项目不能解释财政拨款的变化。",
            f"{named.item}（财政拨款项目）",
            f"其他资金{funds.total[1]}万元，财政拨款0.00万元",
            [named.quote, funds.quote],
        )


@rule(
    "budget.midyear_added",
    title="称年中追加的项目，自评表中年初预算等于全年预算",
    explanation=(
        "说明预决算差异时，报告称“年中追加……等项目”。年中追加的钱不在年初预算里，所以这些项目的绩效自评表中"
        "全年预算数应大于年初预算数（整个项目都是年中追加的，年初预算数应为0）。若被列出的项目在自评表中"
        "年初预算数等于全年预算数，表格说这个项目年内没有追加，与文字矛盾。项目按去掉“经费、资金、工作、项目”"
        "等字样和年份后的名称相同来对应；名称只是相近的不比较。报告中用财政拨款的项目自评表年初预算数全都等于全年预算数时，"
        "表中的年初一栏多半填的是调整后的预算（这一栏的问题，而不是这个项目的），只作提示；这些表的财政拨款年初预算数"
        "加起来超过文中的年初预算数时，这一栏也含年内下达的资金，同样只作提示。"
    ),
    formula="原因中“年中追加”的项目 → 其自评表：全年预算数 > 年初预算数",
    tolerance="金额逐位相同即为相等",
    example="预决算差异的原因是“年中追加……就业工作经费……等项目”，而《就业工作经费》年初预算数、全年预算数都是55.00万元。",
    expected_label="自评表所示",
)
def midyear_added(report: Report) -> Iterable[Finding]:
    # the projects paid from 财政拨款 (not all 其他资金) whose tables print 年初 = 全年: when that is every one of
    # them, the tables' 年初 column may hold the adjusted budget (002: 20 of 20), and the note says so
    fiscal = [f for f in project_funds(report) if f.total[1] > 0 and (f.other is None or f.other != f.total)]
    alike = sum(1 for f in fiscal if f.total[0] == f.total[1])
    # … or when their 财政拨款 年初 add up to more than the whole 年初预算数 the text gives (003: 58 tables, 31,324.51
    # of 财政拨款 年初 against 25,091.42): the column holds money given during the year as well
    stated = report.metrics.get("gpb_budget_initial")
    fiscal_initial = sum((f.total[0] - (f.other[0] if f.other else 0) for f in fiscal), Decimal(0))
    over = stated is not None and fiscal_initial > stated.amount
    for named, funds in _matches(report):
        initial, budget, _spent = funds.total
        if not named.midyear or initial != budget or budget <= 0:
            continue
        every = alike == len(fiscal) and alike > 1
        if every:
            why = (
                f"。本报告{alike}张用财政拨款的项目自评表，年初预算数都等于全年预算数，表中的“年初预算数”一栏多半填的是"
                "调整后的预算，与文字所说的年中追加对不上。"
            )
        elif over and stated is not None:
            why = (
                f"。读出的{len(fiscal)}张用财政拨款的项目自评表，财政拨款的年初预算数合计{fiscal_initial}万元，超过文中的"
                f"年初预算数{stated.amount}万元：表中的“年初预算数”一栏也含年内下达的资金，这个项目是否年中追加，表格说明不了。"
            )
        else:
            why = "：按表格，这个项目年内没有追加预算。"
        yield make_finding(
            "budget.midyear_added",
            "info" if every or over else "warning",
            funds.name,
            f"预决算差异的原因称年中追加“{named.item}”，而《{funds.name}》自评表中年初预算数{initial}万元、"
            f"全年预算数{budget}万元，两者相同" + why,
            f"{named.item}（年中追加）",
            f"年初预算数{initial}万元 = 全年预算数{budget}万元",
            [named.quote, funds.quote],
        )


_CEILING = re.compile(r"^(?:<=|≤|小于等于)\s*(?P<n>\d+(?:\.\d+)?)\s*万元$")
_SPENT = re.compile(r"^=?\s*(?P<n>\d+(?:\.\d+)?)\s*万元$")
# a cost row of a text export whose grid was lost (002), its units wrapped onto paragraphs of their own or not:
# "<=242.48 万" / "元" / "=101.98 万" / "元" / "10 0.00", "<=110 万元 =81.41 万元 10 10.00"
_COST_ROW = re.compile(
    r"(?:<=|≤)\s*(?P<cap>\d+(?:\.\d+)?)\s*万\n?元\s*=\s*(?P<cost>\d+(?:\.\d+)?)\s*万\n?元"
    r"\s*(?P<points>\d{1,2})\s+(?P<score>\d{1,2}\.\d{2})"
)


@per_report("document", "perf_tables")  # perf.cost_sum and perf.control_rate
def _cost_rows(report: Report) -> dict[str, list[tuple[Decimal, Decimal, Quote]]]:
    """project → (ceiling, actual as printed, quote) of every cost indicator written
    "<=N万元" and "=M万元". A row's cells are scanned for the pair: reports lay the 分值 out before the
    target (000) or after the actual (003), so the parsed target/actual columns are not relied on."""
    out: dict[str, list[tuple[Decimal, Decimal, Quote]]] = {}
    for table in report.perf_tables:
        rows = out.setdefault(_name(table), [])
        for ind in table["indicators"]:
            cells = [c.replace(" ", "") for c in ind["cells"]]
            for a, b in zip(cells, cells[1:], strict=False):
                if (t := _CEILING.match(a)) and (s := _SPENT.match(b)):
                    rows.append((Decimal(t["n"]), Decimal(s["n"]), ind["quote"]))
                    break
    if report.perf_tables:
        return out
    for project, b, m in _text_rows(report, _COST_ROW, following=4, starts=("<=", "≤")):
        quote = Quote(m.group(0), b.page_at(m.start()), None, "绩效自评表")
        out.setdefault(project, []).append((Decimal(m["cap"]), Decimal(m["cost"]), quote))
    return out


@rule(
    "perf.cost_sum",
    title="成本指标实际值之和与全年执行数不符",
    explanation=(
        "项目自评表的成本指标把项目的钱按用途分开写上限（“<=24万元”）和实际花费（“=22.8万元”）。"
        "当这些上限加起来正好等于本项目的全年预算数，说明成本指标覆盖了项目的全部资金；那么各项实际花费"
        "加起来就应等于全年执行数。两者不等，说明要么实际花费少写了，要么执行数（和执行率）多报了。"
        "上限之和不等于全年预算数的（成本指标只列了部分用途）不检查。"
    ),
    formula="Σ成本指标上限 = 全年预算数 时，Σ成本指标实际值 = 全年执行数",
    tolerance="各实际值按印出精度各差半个末位单位，执行数差半个0.01，区间内不报；超出区间但每项不到0.01万元的记为提示",
    example="软件开发与维护项目两项成本上限24+12.24=36.24万元，等于全年预算数；实际22.8+11=33.80万元，"
    "表中全年执行数却是36.24万元、执行率100%。",
    expected_label="成本指标实际值之和",
)
def cost_sum(report: Report) -> Iterable[Finding]:
    funds = {f.name: f for f in project_funds(report)}
    for project, rows in _cost_rows(report).items():
        if len(rows) < 2 or project not in funds:
            continue
        _initial, budget, spent = funds[project].total
        ceilings, actual = sum(r[0] for r in rows), sum(r[1] for r in rows)
        slack = sum(half_unit(r[1]) for r in rows) + Decimal("0.005")
        if ceilings != budget or abs(actual - spent) <= slack:
            continue
        parts = "+".join(str(r[1]) for r in rows)
        # a few cents over the rounding envelope is more likely a figure rounded twice than a sum that
        # does not hold: a note; beyond a cent a row, a warning
        cents = abs(actual - spent) <= (len(rows) + 1) * Decimal("0.01")
        yield make_finding(
            "perf.cost_sum",
            "info" if cents else "warning",
            f"{project}/{spent}",
            f"《{project}》{len(rows)}项成本指标的上限合计{ceilings}万元，正是全年预算数；实际值{parts}={actual}万元，"
            f"全年执行数却是{spent}万元，相差{abs(spent - actual)}万元。",
            f"{spent}万元",
            f"{actual}万元",
            [funds[project].quote] + [r[2] for r in rows],
        )


_NOT_FISCAL = re.compile(r"其他|合计|总|小计|项目资金|^\W*$")


@rule(
    "budget.perf_initial",
    title="整体自评表的财政资金年初预算与文中年初预算数不符",
    explanation=(
        "单位（部门）整体支出绩效自评表按资金来源（上级资金、本级资金、其他资金）列出年初预算数、全年预算数和"
        "全年执行数。除“其他资金”外各行的全年执行数之和，正好等于文中一般公共预算财政拨款支出（逐分相同）时，"
        "这些行就是财政拨款；它们的年初预算数之和就应等于文中所写的一般公共预算财政拨款年初预算数。"
        "两者不等，说明整体自评表某一行的年初预算数记错了来源或金额，或文中的年初预算数有误。表格结构在导出时丢失的报告（002），"
        "按仍写在一行内的“来源 年初 全年 执行 - - -”各行核对。"
    ),
    formula="Σ非“其他资金”行的全年执行数 = 一般公共预算财政拨款支出 时，Σ其年初预算数 = 文中年初预算数",
    tolerance="(n+1)个半分（n为相加的行数）；超出记为警告，范围内的非零差额记为提示",
    example="上级资金41.98+本级资金568.33=610.31万元，正是财政拨款支出；其年初预算41.98+527.50=569.48万元，"
    "文中年初预算数却是575.63万元。",
    expected_label="另一处所述",
)
def perf_initial(report: Report) -> Iterable[Finding]:
    spent_total, initial_stated = (
        report.metrics.get("gpb_expenditure"),
        report.metrics.get("gpb_budget_initial"),
    )
    if spent_total is None or initial_stated is None:
        return
    tables = [
        (table, [r for r in table["funding"] if r["aligned"]])
        for table in report.perf_tables
        if is_whole(table)
    ]
    # a text export's 整体 table, its grid lost (002: "地（州、市）\n安排\n2049.89 2638.26 2638.26 - - -")
    tables += [
        ({"title": name, "funding": funding}, funding) for name, _, funding in _text_merged_rates(report)
    ]
    for table, funding in tables:
        rows = [r for r in funding if not _NOT_FISCAL.search(r["label"])]
        if not rows or any(r.get("initial") is None or r.get("spent") is None for r in rows):
            continue
        if sum(r["spent"] for r in rows) != spent_total.amount:
            continue
        initial = sum(r["initial"] for r in rows)
        gap = initial_stated.amount - initial
        # the rows with money in them (002's 中央、自治区、县 rows print 0.00 throughout)
        money = [r["label"] for r in rows if r["initial"] or r["spent"] or r.get("budget")] or [
            r["label"] for r in rows
        ]
        names = "、".join(money)
        one = len(money) == 1
        if not gap:
            continue
        if abs(gap) <= (len(rows) + 1) * Decimal("0.005"):
            # inside the rounding envelope: the same budget printed twice, a cent apart (002: 2,049.90 in the text,
            # "地（州、市）安排 2049.89" the one fiscal row of its 整体 table)
            yield make_finding(
                "budget.perf_initial",
                "info",
                _name(table),
                f"整体自评表中{names}的全年执行数{'' if one else '合计'}{spent_total.amount}万元，正是一般公共预算财政拨款支出；"
                f"{'这一行' if one else '这几行'}的年初预算数{'' if one else '合计'}{initial}万元，文中年初预算数为{initial_stated.amount}万元，"
                f"相差{abs(gap)}万元，属尾数差异。",
                f"{initial_stated.amount}万元",
                f"{initial}万元",
                [initial_stated.quote] + [r["quote"] for r in rows if r["initial"]],
            )
            continue
        # claimed: the figure that is wrong — the text's, unless the table misfiled a project (then the table's sum)
        misfiled, text_stands = _misfiled(report, table, gap)
        said, other = f"{initial_stated.amount}万元", f"{initial}万元"
        if text_stands:
            said, other = other, said
        yield make_finding(
            "budget.perf_initial",
            "warning",
            _name(table),
            f"整体自评表中{names}的全年执行数合计{spent_total.amount}万元，正是一般公共预算财政拨款支出；"
            f"这几行的年初预算数合计{'+'.join(str(r['initial']) for r in rows)}={initial}万元，"
            f"而文中年初预算数为{initial_stated.amount}万元，相差{abs(gap)}万元。{misfiled}",
            said,
            other,
            [initial_stated.quote] + [r["quote"] for r in rows],
        )


def _misfiled(report: Report, table: dict, gap: Decimal) -> tuple[str, bool]:
    """Where the 整体 table's fiscal rows fall short of the text by one fiscal project's 年初预算, and its 其他资金 row
    holds that project besides the projects paid from 其他资金 (000: 尾款项目 6.15; 266.15 = 260.00 + 6.15): the table
    put it in the wrong row, and the text's figure stands. (What to add to the message, whether the text stands.)"""
    if gap <= 0:
        return "", False
    funds = project_funds(report)
    fiscal = [f for f in funds if f.total[0] == gap and (f.other is None or f.other[0] == 0)]
    if len(fiscal) != 1:
        return "", False
    other_row = next(
        (r for r in table["funding"] if _NOT_FISCAL.search(r["label"]) and r.get("initial") is not None), None
    )
    others = sum((f.other[0] for f in funds if f.other is not None and f.other == f.total), Decimal(0))
    where = ""
    if other_row is not None and other_row["initial"] == others + gap:
        where = (
            f"整体自评表“{other_row['label']}”一行的年初预算数{other_row['initial']}万元，正是用其他资金的项目合计{others}万元"
            f"加上这{gap}万元：这笔财政拨款多半被记在了“{other_row['label']}”一行，文中的年初预算数没有错。"
        )
    return f"相差的{gap}万元正是《{fiscal[0].name}》（全部是财政拨款）的年初预算数；{where}", bool(where)


# "项目资金支付率 >=95% =100%", "预算执行率（%） =100% =98%": an indicator measuring the project's own money
_RATE_NAME = re.compile(r"(?:资金|预算)(?:支付|执行|使用)率(?:[（(]%[）)])?$")
_RATE_ROW = re.compile(
    r"(?:资金|预算)(?:支付|执行|使用)率(?:[（(]%[）)])?\s*(?P<t>(?:>=|<=|≥|≤|=)\s*\d+(?:\.\d+)?%)\s*"
    r"(?P<a>=?\s*(?P<n>\d+(?:\.\d+)?)%)"
)


def _rate_indicators(report: Report) -> Iterator[tuple[str, str, Decimal, Quote]]:
    """(project, the indicator's name, its actual %, a quote of its target and actual)."""
    for table in report.perf_tables:
        for ind in table["indicators"]:
            name = (ind.get("name") or "").strip()
            actual = re.fullmatch(r"=?\s*(\d+(?:\.\d+)?)\s*%", (ind.get("actual") or "").strip())
            if table.get("name") and _RATE_NAME.search(name) and "及时" not in name and actual:
                yield table["name"], name, Decimal(actual.group(1)), ind["quote"]
    if report.perf_tables or report.document is None:
        return
    # a text export: the name wraps over short paragraphs ("项目资金支" "付率" ">=95% =100% 10 10.00")
    blocks, projects = report.document.blocks, projects_by_block(report)
    for i, b in enumerate(blocks):
        if "%" not in b.text or "率" not in "".join(x.text for x in blocks[max(0, i - 2) : i + 1]):
            continue
        before = "".join(blocks[k].text for k in range(max(0, i - 2), i) if projects[k] == projects[i])
        for m in _RATE_ROW.finditer(before + b.text):
            if m.start("t") < len(before) or projects[i] == NO_PROJECT:
                continue
            start, end = m.start("t") - len(before), m.end("a") - len(before)
            text = before + b.text
            name = ("项目" if text[: m.start()].endswith("项目") else "") + m.group(0)[:5]  # "项目资金支付率"
            yield (
                projects[i],
                name,
                Decimal(m["n"]),
                Quote(b.text[start:end], b.page_at(start), None, "绩效自评表"),
            )


@rule(
    "perf.payment_rate",
    title="资金支付率指标与本表的执行数不符",
    explanation=(
        "项目自评表里“项目资金支付率”“预算执行率”这类指标，量的是本项目的钱付出去了多少；同一张表的资金一栏"
        "写明了全年预算数和全年执行数。指标的实际值写100%，资金一栏却只执行了预算的一半，两处说法不一。"
        "支付率也可能按已到期应付的金额计（工程尾款待审计后再付），表中没有写明，所以只作提示。"
    ),
    formula="支付率（执行率）指标的实际值 ≈ 全年执行数 ÷ 全年预算数",
    tolerance="相差超过1个百分点才提示；“支付及时率”等量时间的指标不比较",
    example="《州人社局劳动保障大厦维修项目资金》项目资金支付率>=95%、实际=100%；资金一栏全年预算22.92万元，"
    "全年执行11.44万元（49.91%）。",
    expected_label="按本表资金一栏",
)
def payment_rate(report: Report) -> Iterable[Finding]:
    funds = {f.name: f for f in project_funds(report)}
    for project, name, actual, quote in _rate_indicators(report):
        f = funds.get(project)
        if f is None or not f.total[1]:
            continue
        _, budget, spent = f.total
        rate = (spent / budget * 100).quantize(Decimal("0.01"))
        if abs(actual - rate) <= 1:
            continue
        yield make_finding(
            "perf.payment_rate",
            "info",
            f"{project}/{name}",
            f"《{project}》的“{name}”指标实际值为{actual}%，而本表资金一栏全年预算数{budget}万元、全年执行数"
            f"{spent}万元，只执行了{rate}%。",
            f"{actual}%",
            f"{rate}%",
            [quote, f.quote],
        )


@rule(
    "repeat.basic_data_project",
    title="基础数据表所列专项与其自评表不符",
    explanation=(
        "部门整体支出绩效评价基础数据表在“市级专项资金（一个专项一行）”下逐行列出各专项本年的预算数和决算数；"
        "同一专项另有项目支出绩效自评表时，基础数据表的预算数就是自评表的年初预算数，决算数就是全年执行数。"
        "专项按名称去掉“工作、经费、项目”等字后相同认定，一张自评表只对一行。"
    ),
    formula="基础数据表本年预算数 = 自评表年初预算数；本年决算数 = 自评表全年执行数",
    tolerance="同一数字两处列示，按印出精度比较；超出舍入范围为错误，范围内的差额记为提示",
    example="基础数据表“市级企业用工保障服务专项经费 35.69 30 27.97”，自评表年初预算数30、全年执行数27.97",
    expected_label="自评表所列",
)
def basic_data_project(report: Report) -> Iterator[Finding]:
    if report.year is None:
        return
    cores: dict[str, list[Funds]] = {}
    for f in project_funds(report):
        cores.setdefault(_core(f.name), []).append(f)
    for cols, rows in _control_tables(report):
        at = {kind: i for i, (year, kind) in enumerate(cols) if year == report.year}
        start = next((k for k, r in enumerate(rows) if _bare_control(r.label) == "市级专项资金"), None)
        if start is None or set(at) != {"预算", "决算"}:
            continue
        for row in group_rows(rows, start):
            same = cores.get(_core(_bare_control(row.label)), [])
            if len(same) != 1:
                continue
            (funds,) = same
            for kind, own, label in (
                ("预算", funds.total[0], "年初预算数"),
                ("决算", funds.total[2], "全年执行数"),
            ):
                found = check_same(
                    "repeat.basic_data_project", f"{funds.name}/{kind}",
                    f"基础数据表中{report.year}年“{row.label}”{kind}数", row.values[at[kind]],
                    f"《{funds.name}》自评表{label}", own, [row.quote, funds.quote], blank_is_zero=False,
                )  # fmt: skip
                if found is not None:
                    yield found


def _control_rates(report: Report) -> Iterator[tuple[str, str, Decimal, Quote]]:
    """(project, the indicator's name, its actual %, a quote of its target and actual) of each cost-control
    indicator with a ceiling: "业务运行成本控制率 <=100% =50%"."""
    for table in report.perf_tables:
        for ind in table["indicators"]:
            name = re.sub(r"[（(]%[）)]$", "", (ind.get("name") or "").strip())
            actual = re.fullmatch(r"=?\s*(\d+(?:\.\d+)?)\s*%", (ind.get("actual") or "").strip())
            target = (ind.get("target") or "").strip()
            if name.endswith("控制率") and actual and target.startswith(("<=", "≤")):
                yield _name(table), name, Decimal(actual.group(1)), ind["quote"]
    if report.perf_tables:
        return
    projects = projects_by_block(report)
    for row in stream_rows(report)["percent"]:
        if row.name.endswith("控制率") and row.target_text.startswith(("<=", "≤")):
            # the name read back over short paragraphs may open with the reason cell above it ("……故产生偏差"
            # "项目预算成本控制率"): from its first 项目/业务/成本 on
            named = re.search(r"(?:项目|业务|成本)[\u4e00-\u9fff]*控制率$", row.name)
            yield projects[row.pos], named.group(0) if named else row.name, row.actual, row.quote


@rule(
    "perf.control_rate",
    title="成本控制率与本表成本指标不符",
    explanation=(
        "项目自评表的成本指标常写两行：一行是成本的上限和实际花费（“维修成本 <=22.92万元 =11.44万元”），"
        "一行是成本控制率（“<=100% =50%”）。控制率是实际花费占上限的百分比，两行说的是同一件事，"
        "控制率应等于本表成本指标的实际值÷上限。只比较表中只有一项以万元计的成本指标的（有几项时不知道控制率按哪项算）。"
        "报告的控制率若另有算法（如按全年预算数），各表都会对不上；所以只在本报告这样核对的控制率至少两处相符、且相符的"
        "多于不符的时候报告，并只作警告。"
    ),
    formula="成本控制率 = 成本指标实际值 ÷ 成本指标上限 × 100%",
    tolerance="按控制率印出的精度比较，上限和实际值各按印出精度有半个末位单位的出入；低于范围不到控制率末位一个单位的记为提示，高于范围只容许末位的十分之一",
    example="《州人社局劳动保障大厦维修项目资金》维修成本<=22.92万元、实际11.44万元，业务运行成本控制率=50%："
    "11.44÷22.92=49.91%，印作50%相符。",
    expected_label="按本表成本指标",
)
def control_rate(report: Report) -> Iterable[Finding]:
    rates = list(_control_rates(report))
    costs = _cost_rows(report) if rates else {}
    checked = []
    for project, name, stated, quote in rates:
        rows = costs.get(project, [])
        if len(rows) == 1 and rows[0][0] > 0:
            ceiling, cost, cost_quote = rows[0]
            checked.append((project, name, stated, quote, ceiling, cost, cost_quote))
    verdicts = [percent_severity(stated, cost, ceiling) for _, _, stated, _, ceiling, cost, _ in checked]
    agree = verdicts.count(None)
    if agree < 2 or agree <= len(verdicts) - agree:
        return  # the report's 控制率 may be worked out otherwise: nothing to hold one table to
    for (project, name, stated, quote, ceiling, cost, cost_quote), severity in zip(
        checked, verdicts, strict=True
    ):
        if severity is None:
            continue
        expected = rounded_percent(cost, ceiling, stated)
        yield make_finding(
            "perf.control_rate",
            "info" if severity == "info" else "warning",
            f"{project}/{name}",
            f"《{project}》的“{name}”实际值为{stated}%；本表的成本指标上限{ceiling}万元、实际{cost}万元，"
            f"控制率应为{cost}÷{ceiling}={expected}%。",
            f"{stated}%",
            f"{expected}%",
            [quote, cost_quote],
        )
