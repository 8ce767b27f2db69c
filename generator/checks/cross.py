"""Cross-report checks: one report's figures against another report's.

* ``cross_year.*``: what this year's report says about last year ("比上年增加X万元" ⇒ last year =
  this year − X; "增长Y%") against the same agency's previous-year report, when it is present.
  Same agency = same canonical name in ``data/agencies.yaml`` (aliases, scope markers ignored);
  only reports of the same scope (部门汇总 with 部门汇总, 单位 with 单位) are paired.
* ``cross_agency.*``: a department's consolidated (部门汇总) report against the reports of its
  units for the same year. A unit belongs to a department when NAME.meta.yaml ``parent``, the
  registry's ``parent``, or the department's own list of units (纳入…部门决算编制范围的单位包括)
  says so.

Evidence comes from both reports. Convention: in these findings every ``Quote.section`` starts
with the id of the report the quote is from, then ``SOURCE_SEP``, then the section inside that
report (``"2023/chang-ji-… › 十、其他重要事项的情况说明"``); the quote itself is an exact
substring of that report's document text. ``run_cross_checks`` returns the findings per report
id: cross_year findings go to the later report (the one whose "上年" statement is tested),
cross_agency findings to both the department and the unit(s) involved.

Severity is ``warning``, not ``error``, for cross_year: a report may legitimately restate last
year's figures (口径调整), which the reader should see explained; cross_agency containment
(a unit above its department) is ``error``, since consolidation cannot make a total smaller
than one of its parts' fiscal appropriations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from generator.checks import SEVERITY_ORDER, CheckFn, RuleFailure, make_finding, rule
from generator.checks.tolerance import fmt, half_unit, percent_consistent, rounded_percent
from generator.checks.yoy import unit_metric
from generator.compare.indicators import claim_metric
from generator.extract.claims import signed_change
from generator.extract.subjects import own_name
from generator.model import Finding, Quote, Report, Severity

SOURCE_SEP = " › "

# Figures a "比上年" statement is compared on, with the Chinese name used in messages.
TOTALS = {
    "income_total": "收入总计", "expenditure_total": "支出总计",
    "income_this_year": "本年收入合计", "expenditure_this_year": "本年支出合计",
    "fiscal_total": "财政拨款收入支出总计", "fiscal_expenditure": "本年财政拨款支出",
    "gpb_expenditure": "一般公共预算财政拨款支出",
}  # fmt: skip
ITEMS = {
    "gpb_basic": "一般公共预算财政拨款基本支出", "expenditure_basic": "基本支出", "expenditure_project": "项目支出",
    "sangong_total": "财政拨款“三公”经费支出",
    "operating_expenses": "机关运行经费", "procurement_total": "政府采购支出总额",
}  # fmt: skip
LABELS = {**TOTALS, **ITEMS, "staff_active": "在职人员", "income_fiscal": "财政拨款收入"}  # fmt: skip

# A unit's figure cannot exceed its department's consolidated one.
CONTAINED = [
    "income_total", "income_this_year", "income_fiscal", "expenditure_total", "expenditure_this_year",
    "gpb_expenditure", "staff_active", "sangong_total", "operating_expenses",
]  # fmt: skip
# Σ units ≤ department, for the figures consolidation does not net out (fiscal appropriations
# come from the finance bureau, not from another unit of the department; people are people).
SUMMABLE = ["income_fiscal", "gpb_expenditure", "staff_active", "sangong_total"]

YearPairFn = Callable[[Report, Report], Iterable[Finding]]
AgencyFn = Callable[[Report, list[Report]], Iterable[Finding]]
YEAR_RULES: dict[str, YearPairFn] = {}
AGENCY_RULES: dict[str, AgencyFn] = {}


def _no_single_report(report: Report) -> Iterable[Finding]:
    return ()  # run_checks skips these families; run_cross_checks calls the pair functions


def cross_rule(id: str, **doc: str) -> Callable[[Any], Any]:
    """Register a several-report rule: in CATALOGUE (for the methodology page) and here."""

    def register(fn: Any) -> Any:
        rule(id, **doc)(cast(CheckFn, _no_single_report))
        (YEAR_RULES if id.startswith("cross_year.") else AGENCY_RULES)[id] = fn
        return fn

    return register


def cited(report: Report, quote: Quote) -> Quote:
    """The quote, labelled with the report it is from (see the module docstring)."""
    return Quote(quote.quote, quote.page, f"{report.id}{SOURCE_SEP}{quote.section or ''}", quote.table)


def _amount(report: Report, key: str) -> tuple[Decimal, Quote] | None:
    v = report.metrics.get(key)
    return (v.amount, v.quote) if v is not None else None


# ---------------------------------------------------------------------------------- cross_year


@dataclass(frozen=True)
class LastYear:
    """What this year's report implies about last year's figure, and what last year's says."""

    key: str
    claim: dict[str, Any]
    current: Decimal
    change: Decimal | None  # signed; 0 for 持平; None when only a percentage is stated
    stated_last: Decimal | None  # current − change
    actual_last: Decimal
    actual_quote: Quote
    current_quote: Quote | None


def last_year_pairs(this: Report, last: Report, keys: Iterable[str]) -> list[LastYear]:
    wanted = set(keys)
    out = []
    for claim in this.yoy_claims:
        # (as yoy.current_of reads it: a bare 基本支出 or 项目支出 is the unit's, of every fund)
        key = unit_metric(claim) or claim_metric(claim)
        if key not in wanted or claim.get("unit") not in (None, "万元"):
            continue
        before = _amount(last, key)
        now = _amount(this, key)
        current = claim.get("current")
        current_quote = claim.get("current_quote")
        if current is None and now is not None:
            current, current_quote = now
        if before is None or current is None:
            continue
        change = signed_change(claim)
        out.append(LastYear(key, claim, current, change, None if change is None else current - change,
                            before[0], before[1], current_quote))  # fmt: skip
    return out


def _evidence(this: Report, last: Report, p: LastYear, restated: Quote | None) -> list[Quote]:
    """The claim (and this year's amount), last year's figure, and the restatement the report states, if any."""
    quotes = [cited(this, p.claim["quote"])]
    if p.current_quote is not None and p.current_quote.quote not in p.claim["quote"].quote:
        quotes.append(cited(this, p.current_quote))
    quotes.append(cited(last, p.actual_quote))
    return quotes + ([cited(this, restated)] if restated else [])


def _change_words(p: LastYear) -> str:
    if p.change == 0:
        return "与上年持平"
    assert p.change is not None
    return f"比上年{'增加' if p.change > 0 else '减少'}{fmt(abs(p.change))}万元"


def _amount_off(p: LastYear) -> Decimal | None:
    """How far the last year the change implies (this year − the change) is from last year's report, beyond the three
    figures' roundings; None when inside them or when no change amount is stated."""
    if p.stated_last is None or p.change is None:
        return None
    diff = p.stated_last - p.actual_last
    tolerance = half_unit(p.current) + half_unit(p.change) + half_unit(p.actual_last)
    return diff if abs(diff) > tolerance else None


# "本报告所列上年数已按调整后口径重新计算", "上年数据按新口径进行了调整", "按调整口径重新计算了上年决算数"
# (not "上年数据中部分人员经费本年调整至项目支出列支": an item moved, no restatement)
_RESTATED = re.compile(
    r"上年度?(?:决算)?数据?[^。；;]{0,24}?(?:口径|重新计算|重述|追溯调整)"
    r"|(?:口径调整|调整口径|调整后口径|重新计算)[^。；;]{0,16}?上年度?(?:决算)?数"
)


def _restated(report: Report) -> Quote | None:
    """Where the report says it restated last year's figures: a gap to last year's report is then explained."""
    for b in report.document.blocks if report.document else []:
        m = _RESTATED.search(b.text) if b.table is None and "上年" in b.text else None
        if m:
            start = max(b.text.rfind("。", 0, m.start()), b.text.rfind("：", 0, m.start())) + 1
            end = b.text.find("。", m.end())
            return Quote(b.text[start : end if end > 0 else len(b.text)].strip(), b.page_at(start), block=b)
    return None


def _explained(restated: Quote | None, message: str, ask: str = "") -> tuple[Severity, str]:
    """The severity and message's end: a warning (asking for the explanation), or an info quoting it."""
    if restated is None:
        return "warning", message + ask
    return "info", message + f"报告说明“{restated.quote}”，差额应出自这一调整。"


def _last_year_findings(this: Report, last: Report, labels: dict[str, str], rule_id: str) -> list[Finding]:
    out = []
    restated = _restated(this)
    for p in last_year_pairs(this, last, labels):
        diff = _amount_off(p)
        if diff is None:
            continue
        assert p.stated_last is not None
        name = labels[p.key]
        severity, message = _explained(restated, (
            f"{this.year}年度报告称{name}{_change_words(p)}，按本年{fmt(p.current)}万元推算，"
            f"上年应为{fmt(p.stated_last)}万元；而{last.year}年度报告（{last.agency}）所载{name}为"
            f"{fmt(p.actual_last)}万元，相差{fmt(abs(diff))}万元。"
        ), "若上年数据经过口径调整，报告应予说明。")  # fmt: skip
        out.append(make_finding(rule_id, severity, f"{this.id}|{p.key}|{p.claim['quote'].quote}", message,
                                f"{fmt(p.stated_last)}万元", f"{fmt(p.actual_last)}万元",
                                _evidence(this, last, p, restated)))  # fmt: skip
    return out


@cross_rule(
    "cross_year.last_year_total",
    title="所述上年总额与上年报告不符",
    explanation=(
        "本年报告写“比上年增加（减少）X万元”，即上年数 = 本年数 − X。若同一机构、同一口径的上年"
        "决算报告也已公开，就用它所载的数核对：收入总计、支出总计、本年收入（支出）合计、财政拨款"
        "收入支出总计、一般公共预算财政拨款支出。报告若说明上年数已按调整后的口径重新计算，差额就有了"
        "解释，只作提示。"
    ),
    formula="本年数 − 所述增减额 = 上年报告所载数",
    tolerance="三个数各自四舍五入，允许相差三个半单位（两位小数时为0.015万元）",
)
def last_year_total(this: Report, last: Report) -> list[Finding]:
    return _last_year_findings(this, last, TOTALS, "cross_year.last_year_total")


@cross_rule(
    "cross_year.last_year_item",
    title="所述上年分项数与上年报告不符",
    explanation=(
        "与“所述上年总额”相同的核对，用于“三公”经费、机关运行经费、政府采购支出总额、基本支出、项目支出"
        "（财政拨款部分以外说的是全部资金的）和一般公共预算财政拨款基本支出。"
    ),
    formula="本年数 − 所述增减额 = 上年报告所载数",
    tolerance="允许相差三个半单位（两位小数时为0.015万元）",
)
def last_year_item(this: Report, last: Report) -> list[Finding]:
    return _last_year_findings(this, last, ITEMS, "cross_year.last_year_item")


@cross_rule(
    "cross_year.percent",
    title="所述同比增幅与上年报告不符",
    explanation=(
        "本年报告写“增长（下降）Y%”。用上年报告所载的上年数作分母重新计算：增减额 ÷ 上年报告数。"
        "报告只写百分比、不写增减额时，增减额取 本年数 − 上年报告数。增减额本身已与上年报告不符的，"
        "幅度随之不符，不再另报；报告说明上年数经过口径调整的，只作提示。"
    ),
    formula="Y% = 增减额 ÷ 上年报告所载数 × 100",
    tolerance="按各数的舍入区间计算比率的可能范围，所述百分比按其打印精度落在范围内即可",
)
def percent_vs_last_year(this: Report, last: Report) -> list[Finding]:
    out = []
    restated = _restated(this)
    for p in last_year_pairs(this, last, {**TOTALS, **ITEMS}):
        stated = p.claim.get("percent")
        if stated is None or p.actual_last <= 0 or _amount_off(p) is not None:
            continue  # (a change whose amount is off last year's report is a note already; its rate follows it)
        change = abs(p.change) if p.change is not None else abs(p.current - p.actual_last)
        # a change worked out from this year's and last year's printed figures carries both their roundings
        both = None if p.change is not None else half_unit(p.current) + half_unit(p.actual_last)
        ok = percent_consistent(stated, change, p.actual_last, numerator_half=both)
        if ok is None or ok:
            continue
        expected = rounded_percent(change, p.actual_last, stated)
        name = LABELS[p.key]
        severity, message = _explained(restated, (
            f"{this.year}年度报告称{name}变化{fmt(change)}万元、幅度{stated}%；以{last.year}年度报告所载"
            f"上年数{fmt(p.actual_last)}万元为分母，幅度应为{expected}%。"
        ))  # fmt: skip
        out.append(make_finding("cross_year.percent", severity, f"{this.id}|{p.key}|{p.claim['quote'].quote}",
                                message, f"{stated}%", f"{expected}%", _evidence(this, last, p, restated)))  # fmt: skip
    return out


# -------------------------------------------------------------------------------- cross_agency

# (a PDF's page number may stand inside the words: "编制范围的下属 54 预算单位包括：")
_PAGE = r"\s*(?:\d{1,3}\s*)?"
# "…编制范围的下属预算单位包括：", "…决算单位构成包括：", "2023年部门决算汇总公开单位构成包括：" (the Hunan template)
_LIST_HEAD = re.compile(
    rf"(?:编制范围的|决算单位构成|公开单位构成){_PAGE}(?:下属{_PAGE})?(?:预算{_PAGE})?(?:单位{_PAGE})?(?:构成{_PAGE})?包括[:：]?"
)
# "1. 名称", "1 名称", "1、名称" (the list right after its heading: no other numbering is read)
_LIST_ITEM = re.compile(r"^\s*-?\s*\d{1,3}(?:\s*[.、．]\s*|\s+)(?P<name>[^\s]+)(?:\s+(?P<note>.*))?$")
# …or the names alone, one a line, where a text dump lost Word's automatic numbering
_BARE_ITEM = re.compile(
    r"^\s*(?P<name>[\u4e00-\u9fff（）()]{3,40}(?:局|中心|所|院|站|队|办|委|会|部|处|馆|校|园|社|室|厅|本级|机关)"
    r"(?:[（(][\u4e00-\u9fff]{2,30}[）)])?)\s*[。；;]?$"
)
_NOTE = re.compile(r"[(（](?P<inner>[^()（）]*)[)）]$")


@dataclass(frozen=True)
class ListedUnit:
    name: str  # as listed, without the trailing note
    aliases: tuple[str, ...]  # a bracketed other name: “…中心(…社会保障卡管理中心)”
    note: str  # “预算不单列，并入本级”, “下属事业单位”, …
    quote: Quote


def listed_units(report: Report) -> tuple[Quote | None, list[ListedUnit]]:
    """The units a department report says its consolidated figures include, with the heading."""
    doc = report.document
    if doc is None:
        return None, []
    blocks = doc.blocks
    for pos, block in enumerate(blocks[:400]):
        m = _LIST_HEAD.search(block.text)
        if not m:
            continue
        head = Quote(block.text[max(0, m.start() - 40) : m.end()].lstrip("，。"), block.page, block=block)
        units: list[ListedUnit] = []
        inline = block.text[m.end() :].strip(" 。")
        if inline:  # “…单位构成包括：就业服务中心单位本级。”
            for name in re.split(r"[、；;，,]", inline):
                if name.strip():
                    units.append(
                        ListedUnit(
                            name.strip(),
                            (),
                            "",
                            Quote(inline, block.page_at(max(0, block.text.find(inline))), block=block),
                        )
                    )
            return head, units
        numbered: bool | None = None  # (a list is numbered or not, as its first line is)
        for b in blocks[pos + 1 : pos + 80]:
            if re.match(r"^序号\s*单位名称", b.text):
                continue
            item = _LIST_ITEM.match(b.text) if numbered in (None, True) else None
            if item is None and numbered in (None, False):
                item = _BARE_ITEM.match(b.text)
            if not item:
                break
            numbered = "note" in item.groupdict()
            name, note = item.group("name"), item.groupdict().get("note") or ""
            aliases: tuple[str, ...] = ()
            bracket = _NOTE.search(name)
            if bracket and not re.fullmatch(r"汇总|本级|部门|单位", bracket.group("inner")):
                inner = bracket.group("inner")
                name = name[: bracket.start()]
                if re.search(r"[局中心院队所部委办站会]$", inner) and len(inner) > 4:
                    aliases = (inner,)
                else:
                    note = (inner + " " + note).strip()
            units.append(ListedUnit(name, aliases, note, Quote(b.text, b.page, block=b)))
        return head, units
    return None, []


# the department's own office as its list and its report name it: "兴县财政局本级", "兴县财政局机关", "局本级", "本级",
# "兴县财政局（本级）"
_OWN_OFFICE = re.compile(r"(?:[（(]本级[）)]|机关本级|本级|机关)$")


def _own_office(name: str, department: Report) -> str | None:
    """The body a 本级 name stands for (its name without 本级/机关; the department's where the list gives none, "局本级"),
    or None for a name of no 本级."""
    if not _OWN_OFFICE.search(name):
        return None
    stem = _OWN_OFFICE.sub("", name)
    return department.agency if len(stem) < 2 else stem


def _listed(unit: Report, listed: list[ListedUnit], department: Report) -> ListedUnit | None:
    from generator.compare.agencies import default_registry

    registry = default_registry()
    key = registry.key(unit.agency)
    # a 本级 stands for its own body only: the department's 本级 is no other department's ("本级" is not 兴县民政局本级),
    # and "兴县财政局本级" or "兴县财政局机关" is the report "兴县财政局（本级）"
    office = registry.key(_own_office(unit.agency, department) or unit.agency)
    for item in listed:
        for n in (item.name, *item.aliases):
            own = _own_office(n, department)
            if registry.key(n) == key if own is None else registry.key(own) == office:
                return item
    # the unit by a short form of the listed name ("普陀区土地发展中心" for 上海市普陀区土地发展中心)
    for item in listed:
        if any(
            _own_office(n, department) is None and own_name(unit.agency, n)
            for n in (item.name, *item.aliases)
        ):
            return item
    return None


def _identity_quote(report: Report) -> Quote:
    """Where the report names itself: the first block with the agency's name."""
    doc = report.document
    for b in (doc.blocks if doc else [])[:20]:
        if report.agency in b.text:
            return Quote(b.text[:120], b.page, block=b)
    return Quote(report.agency, None)


def _show(key: str, value: Decimal) -> str:
    """An amount with its unit: people as integers, money as the report prints it."""
    return f"{value:,.0f}人" if key == "staff_active" else f"{fmt(value)}万元"


def _tolerance(key: str, *values: Decimal) -> Decimal:
    """Each amount's rounding; none for a head count, which is a count, not a rounded amount."""
    return Decimal(0) if key == "staff_active" else sum((half_unit(v) for v in values), Decimal(0))


@cross_rule(
    "cross_agency.unit_exceeds_department",
    title="所属单位的数额超过部门汇总数",
    explanation=(
        "部门决算（汇总）包括本级和所属单位，所属单位的收入、支出、财政拨款、在职人数、“三公”经费"
        "和机关运行经费都不应大于部门汇总数。同一年度的部门汇总报告和所属单位报告都已公开时核对。"
    ),
    formula="所属单位数 ≤ 部门汇总数",
    tolerance="两数各自四舍五入，允许相差两个半单位；在职人数是人数，不是舍入的金额，多一人即报",
)
def unit_exceeds_department(department: Report, units: list[Report]) -> list[Finding]:
    out = []
    for unit in units:
        for key in CONTAINED:
            d, u = _amount(department, key), _amount(unit, key)
            if d is None or u is None or u[0] - d[0] <= _tolerance(key, u[0], d[0]):
                continue
            name = LABELS.get(key, key)
            message = (
                f"{unit.agency}（所属单位）{unit.year}年度{name}为{_show(key, u[0])}，"
                f"超过{department.agency}部门汇总数{_show(key, d[0])}。部门汇总应包含所属单位。"
            )
            out.append(make_finding("cross_agency.unit_exceeds_department", "error",
                                    f"{department.id}|{unit.id}|{key}", message,
                                    _show(key, u[0]), f"≤ {_show(key, d[0])}",
                                    [cited(unit, u[1]), cited(department, d[1])]))  # fmt: skip
    return out


@cross_rule(
    "cross_agency.units_sum",
    title="所属单位合计超过部门汇总数",
    explanation=(
        "两个及以上所属单位的报告都已公开时，它们的财政拨款收入、一般公共预算财政拨款支出、在职人数"
        "和“三公”经费之和不应大于部门汇总数（这些数在汇总时不作单位间抵销）。"
    ),
    formula="Σ 所属单位数 ≤ 部门汇总数",
    tolerance="(n + 1) 个半单位，n 为相加的单位数；在职人数是人数，不是舍入的金额，多一人即报",
)
def units_sum(department: Report, units: list[Report]) -> list[Finding]:
    out: list[Finding] = []
    if len(units) < 2:
        return out
    for key in SUMMABLE:
        d = _amount(department, key)
        parts = [(u, a) for u in units if (a := _amount(u, key)) is not None]
        if d is None or len(parts) < 2:
            continue
        total = sum((a[0] for _, a in parts), Decimal(0))
        if total - d[0] <= _tolerance(key, d[0], *(a[0] for _, a in parts)):
            continue
        names = "、".join(u.agency for u, _ in parts)
        message = (
            f"{names}{department.year}年度{LABELS.get(key, key)}合计{_show(key, total)}，"
            f"超过{department.agency}部门汇总数{_show(key, d[0])}。"
        )
        evidence = [cited(u, a[1]) for u, a in parts] + [cited(department, d[1])]
        out.append(make_finding("cross_agency.units_sum", "error", f"{department.id}|{key}", message,
                                _show(key, total), f"≤ {_show(key, d[0])}", evidence))  # fmt: skip
    return out


@cross_rule(
    "cross_agency.unit_not_listed",
    title="所属单位未列入部门决算范围",
    explanation=(
        "部门报告列出了纳入部门决算编制范围的单位；一个登记为该部门所属单位（或自述主管部门为该部门）"
        "的单位报告同年公开，却不在名单中，部门汇总可能漏列了它，或单位归属有误。"
    ),
    formula="所属单位 ∈ 部门所列单位名单",
    tolerance="名称按机构登记表（data/agencies.yaml）的规范名和别名比较，不计“(本级)”等口径标注；名单上的“X本级”“X机关”"
    "“局本级”“本级”是部门自己的本级（没有写名称的即本部门），只对应同名的本级报告，不对应别的部门的本级",
)
def unit_not_listed(department: Report, units: list[Report]) -> list[Finding]:
    head, listed = listed_units(department)
    if head is None or not listed:
        return []
    out = []
    for unit in units:
        if _listed(unit, listed, department) is not None:
            continue
        message = (
            f"{unit.agency}登记为{department.agency}的所属单位，{unit.year}年度单独公开了决算，"
            f"但部门决算所列编制范围（{len(listed)}个单位）中没有它。"
        )
        evidence = [cited(department, head), *(cited(department, u.quote) for u in listed),
                    cited(unit, _identity_quote(unit))]  # fmt: skip
        out.append(make_finding("cross_agency.unit_not_listed", "warning", f"{department.id}|{unit.id}",
                                message, unit.agency, "列入部门决算编制范围", evidence))  # fmt: skip
    return out


# ----------------------------------------------------------------------------------- runner


def department_units(reports: list[Report]) -> list[tuple[Report, list[Report]]]:
    """(department report, its unit reports of the same year), for every department report."""
    from generator.compare.agencies import default_registry, parent_of

    registry = default_registry()
    out = []
    for dept in sorted((r for r in reports if r.scope == "department"), key=lambda r: r.id):
        key = registry.key(dept.agency)
        _, listed = listed_units(dept)
        units = []
        for r in sorted(reports, key=lambda r: r.id):
            if r is dept or r.scope != "unit" or r.year != dept.year:
                continue
            if registry.key(r.agency) == key or parent_of(r, registry) == key or _listed(r, listed, dept):
                units.append(r)
        if units:
            out.append((dept, units))
    return out


def year_pairs(reports: list[Report]) -> list[tuple[Report, Report]]:
    """(this year's report, the previous year's) for the same agency and scope."""
    from generator.compare.indicators import previous_reports

    by_id = {r.id: r for r in reports}
    return [(by_id[rid], prev) for rid, prev in sorted(previous_reports(reports).items())]


def run_cross_checks(
    reports: Iterable[Report], failed: list[tuple[str, RuleFailure]] | None = None
) -> dict[str, list[Finding]]:
    """All cross_year and cross_agency findings, by the id of each report they concern. With ``failed`` a list, a rule
    that raises on a pair or a department is listed there (the report's id, the rule and the error) and the rest
    still run, as in ``run_checks``."""
    from generator import checks

    checks._load_rules()
    reports = list(reports)
    found: dict[str, dict[str, Finding]] = {r.id: {} for r in reports}

    def failure(rule_id: str, rid: str, exc: Exception) -> None:
        if failed is None:
            raise exc
        failed.append((rid, (rule_id, checks.error_text(exc))))

    for this, last in year_pairs(reports):
        for rule_id, fn in YEAR_RULES.items():
            try:
                for f in fn(this, last):
                    found[this.id].setdefault(f.id, f)
            except Exception as exc:
                failure(rule_id, this.id, exc)
    for dept, units in department_units(reports):
        for rule_id, agency_fn in AGENCY_RULES.items():
            try:
                for f in agency_fn(dept, units):
                    involved = {dept.id} | {u.id for u in units if u.id in f.subject or u.id in _ids(f)}
                    for rid in involved:
                        found[rid].setdefault(f.id, f)
            except Exception as exc:
                failure(rule_id, dept.id, exc)
    return {
        rid: sorted(fs.values(), key=lambda f: (SEVERITY_ORDER[f.severity], f.rule, f.id))
        for rid, fs in found.items()
    }


def _ids(f: Finding) -> set[str]:
    return {q.section.split(SOURCE_SEP, 1)[0] for q in f.evidence if q.section and SOURCE_SEP in q.section}
