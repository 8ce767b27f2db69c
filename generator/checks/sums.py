"""sum.*: a printed total against the printed parts it is the total of.

Every identity here is one the statutory table format itself defines (财政部 部门决算 templates):
总计 = 本年合计 + 结转, 合计 row = Σ 类 rows, 类 = Σ 款, 款 = Σ 项, 合计 column = Σ component columns,
经济分类 301 = Σ 301xx. The shared helpers (reading a report's tables, comparing with the rounding
envelope, wording a finding) live here too; the other table families import them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.checks import make_finding, of_another_year, per_report, rule, running_with
from generator.checks.tolerance import fmt, half_unit, same_figure, sum_differs
from generator.extract.claims import (
    FUNCTIONAL_CLASSES,
    INCOME_PARTS,
    ITEM_NUMBER,
    ITEM_OPENS,
    SPENDING_PARTS,
    class_stem,
    item_number,
)
from generator.extract.narrative import FIG, WAN, clause_begin, has_unread_figure
from generator.extract.tables import STATUTORY, Entry, StatutoryTable, entries, find_statutory
from generator.model import Block, Document, Finding, Quote, Report, Value
from generator.normalize import decimals, parse_amount

ZERO = Decimal(0)
BLANK = Decimal("0.00")  # a blank cell: zero, at the table's two-decimal precision

# --- reading the report's tables -------------------------------------------------------------

_CACHE: dict[int, tuple[Document, dict[str, StatutoryTable]]] = {}


def statutory(report: Report) -> dict[str, StatutoryTable]:
    """The statutory tables of the report's document (recognised once per document)."""
    doc = report.document
    if doc is None:
        return {}
    hit = _CACHE.get(id(doc))
    if hit is None or hit[0] is not doc:
        if len(_CACHE) > 64:
            _CACHE.clear()
        hit = (doc, find_statutory(doc))
        _CACHE[id(doc)] = hit
    return hit[1]


@per_report("document")  # 14 rules read the same tables' entries
def _entries(report: Report) -> dict[str, list[Entry]]:
    return {key: entries(st) for key, st in statutory(report).items()}


def table_entries(report: Report, key: str) -> list[Entry]:
    return _entries(report).get(key, [])


@dataclass(frozen=True)
class Line:
    """One row of a columnar table (公开02/03/05/07/08表): 科目 code, name, amount per column."""

    code: str | None
    name: str
    values: dict[str, Decimal | None]
    quote: Quote

    def get(self, column: str) -> Decimal | None:
        held = self.column(column)
        return self.values.get(held) if held else None

    def column(self, name: str) -> str | None:
        """The table's column that is ``name``: printed so, or under another name templates use for it (公开03表's
        本年支出合计 headed "合计", 公开02表's 财政拨款收入 headed "财政拨款"); None when the table has no such column."""
        if name in self.values:
            return name
        if name == "财政拨款收入" and any("政府性基金" in c or "国有资本" in c for c in self.values):
            return None  # the 财政拨款 split by fund: no one column holds it
        return next((c for c in _COLUMN_NAMES.get(name, ()) if c in self.values), None)


# other names a column of 公开02/03/05表 goes by
_COLUMN_NAMES = {
    "本年收入合计": ("合计", "收入合计", "本年收入", "本年收入/合计", "本年收入/小计"),
    "本年支出合计": ("合计", "支出合计", "本年支出", "本年支出/合计", "本年支出/小计"),
    "财政拨款收入": ("财政拨款", "一般公共预算财政拨款收入", "一般公共预算财政拨款"),
}


def lines(report: Report, key: str) -> list[Line]:
    t = report.tables.get(key)
    if not t or not t["columns"]:
        return []  # no header read (a table printed without its header rows): no amount has a column
    out = []
    for row in t["rows"]:
        values: dict[str, Decimal | None] = {}
        for col, v in zip(t["columns"], row["values"]):
            values.setdefault(col, _decimal(v))
        quote = Quote(row["quote"], row["page"], table=t["label"])
        name = row["name"].rstrip("：:")
        if row["code"] is None and name in ("合计", "总计", "类", ""):
            name = "合计"
        out.append(Line(row["code"], name, values, quote))
    return out


def _decimal(v: object) -> Decimal | None:
    if v is None:
        return None
    try:
        return Decimal(str(v))
    except ArithmeticError:
        return None


# the column of a columnar table that is its total: "合计", "本年收入合计", "本年支出/小计" (not "财政拨款收入/小计")
_TOTAL_COLUMN = re.compile(r"(?:本年(?:收入|支出)/?)?(?:合计|小计)")


def total_column(columns: list[str]) -> str:
    """The total column of a 公开02/03/05表 (wherever printed: some print it last), else the first."""
    return next((c for c in columns if _TOTAL_COLUMN.fullmatch(c)), columns[0])


def total_line(ls: list[Line]) -> Line | None:
    return next((ln for ln in ls if ln.code is None and ln.name == "合计"), None)


_PREFIX = re.compile(
    r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|\d{1,2}\s*[、.．](?!\d))\s*"
)


def bare(name: str) -> str:
    """A label without its numbering or a colon after it ("八、社会保障和就业支出", "（八）社会保障和就业支出",
    "8.社会保障和就业支出" → "社会保障和就业支出"; "本年收入合计：" → "本年收入合计")."""
    return _PREFIX.sub("", name).strip().rstrip("：:").strip()


def _usual(label: str) -> str:
    """The template's name of a line printed under another ("本年收入小计", "收入合计" → 本年收入合计; "年初结转结余",
    "上年结转结余" → 年初结转和结余; 公开06表's "人员经费", "人员经费小计" → 人员经费合计)."""
    label = label.replace("结转结余", "结转和结余").replace("上年结转和结余", "年初结转和结余")
    if label in ("收入合计", "支出合计", "收入小计", "支出小计"):
        label = "本年" + label
    if label in ("人员经费", "公用经费"):
        label += "合计"
    return re.sub(r"小计$", "合计", label)


# The lines of 公开01/04表 that templates number ("一、一般公共服务支出") and some print bare: a line is one of
# them by its numbering or by its name (the national 类 names; the income sources; the three 财政拨款).
_CLASS_NAMES = frozenset(FUNCTIONAL_CLASSES.values())
_NUMBERED_CLASS = re.compile(r"^[一二三四五六七八九十]+、.*支出$")
_SOURCE_NAMES = frozenset(
    ("一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入",
     "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
)  # fmt: skip
_NUMBERED_SOURCE = re.compile(r"^[一二三四五六七八]、.*收入$")
_FISCAL_FUNDS = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
_NUMBERED_FUND = re.compile(r"^[一二三]、.*财政拨款$")


def is_class_line(name: str) -> bool:
    """A 类 line of 公开01/04表's expenditure side."""
    return bool(_NUMBERED_CLASS.match(name)) or bare(name) in _CLASS_NAMES


def is_income_source(name: str) -> bool:
    """An income source line of 公开01表 (一、一般公共预算财政拨款收入 … 八、其他收入)."""
    return bool(_NUMBERED_SOURCE.match(name)) or bare(name) in _SOURCE_NAMES


def is_fiscal_fund(name: str) -> bool:
    """One of the three 财政拨款 lines of 公开04表's income side."""
    return bool(_NUMBERED_FUND.match(name)) or bare(name) in _FISCAL_FUNDS


def find_entry(es: list[Entry], label: str, occurrence: int = 0) -> Entry | None:
    """The line of that label (the ``occurrence``-th), or, when no line is printed so, the line of another name
    templates give it."""
    hits = [e for e in es if bare(e.name) == label] or [e for e in es if _usual(bare(e.name)) == label]
    return hits[occurrence] if occurrence < len(hits) else None


# the three tables the templates order differently (上海's reports print 三公 seventh, 政府性基金 eighth, 国有资本经营
# ninth): named by title alone, so that a reader does not open the report's ninth table for 公开09表
_ORDER_VARIES = ("公开07表", "公开08表", "公开09表")


def table_name(key: str) -> str:
    """How a message names a statutory table: its number and title, or its title alone where numbers differ."""
    return f"《{STATUTORY[key]}》" if key in _ORDER_VARIES else f"{key}《{STATUTORY[key]}》"


# --- comparing -------------------------------------------------------------------------------


def _dedupe(quotes: Iterable[Quote]) -> tuple[Quote, ...]:
    seen: dict[tuple[str, int | None], Quote] = {}
    for q in quotes:
        seen.setdefault((q.quote, q.page), q)
    return tuple(seen.values())


def check_sum(
    rule_id: str,
    subject: str,
    total_label: str,
    total: Decimal | None,
    parts: Sequence[tuple[str, Decimal | None]],
    evidence: Iterable[Quote],
    where: str = "",
) -> Finding | None:
    """total against Σ parts (a blank part counts as 0: the templates leave zero cells blank).

    Outside the rounding envelope (tolerance.sum_tolerance) → error; a non-zero difference inside it → info."""
    if total is None:
        return None
    stated = [(label, v) for label, v in parts if v is not None]
    if not stated:
        return None
    amounts = [v for _, v in stated]
    beyond, diff = sum_differs(amounts, total)
    if diff == 0:
        return None
    computed = sum(amounts, ZERO)
    if decimals(total) == 2 and max(map(decimals, amounts)) > 2 and same_figure(computed, total):
        # parts printed finer than the column's two places (001: 336.344 + 0.445 = 336.789 under 336.79): the total is
        # their sum rounded to the cent, no difference at the precision it is printed with
        return None
    # the figures quoted as the report printed them ("2319万元", not "2,319.00万元": the tolerance review's D7)
    arithmetic = " + ".join(f"{label}{printed(v)}万元" for label, v in stated)
    prefix = f"{where}中" if where else ""
    said = "文中写" if where == "情况说明" else "报表列示"
    if beyond:
        message = (
            f"{prefix}{total_label}为{printed(total)}万元，而{arithmetic} = {fmt(computed)}万元；"
            f"{total_label}应为{fmt(computed)}万元，{said}{printed(total)}万元，相差{fmt(abs(diff))}万元，超出舍入误差范围。"
        )
    else:
        # inside the envelope neither figure is wrong: no "应为" (a fresh audit's point)
        message = (
            f"{prefix}{total_label}为{printed(total)}万元，而{arithmetic} = {fmt(computed)}万元，相差{fmt(abs(diff))}万元，"
            f"在{len(amounts)}个分项各自四舍五入可能造成的误差范围内，属尾数差异，两个数都不算错。"
        )
    return make_finding(
        rule_id,
        "error" if beyond else "info",
        subject,
        message,
        fmt(total),
        fmt(computed),
        _dedupe(evidence),
    )


def check_same(
    rule_id: str,
    subject: str,
    label_a: str,
    a: Decimal | None,
    label_b: str,
    b: Decimal | None,
    evidence: Iterable[Quote],
    blank_is_zero: bool = True,
) -> Finding | None:
    """The same figure stated in two places: identical, or a rounding-level (info) difference,
    or an error. ``a`` is the claimed statement, ``b`` the reference it should equal."""
    if blank_is_zero:
        if a is None and b is None:
            return None
        a_val, b_val = (a if a is not None else BLANK), (b if b is not None else BLANK)
    else:
        if a is None or b is None:
            return None
        a_val, b_val = a, b
    beyond, diff = sum_differs([b_val], a_val)
    if diff == 0:
        return None
    shown_a = printed(a_val) if a is not None else "空白（即0）"
    shown_b = printed(b_val) if b is not None else "空白（即0）"
    message = (
        f"{label_a}为{shown_a}{'万元' if a is not None else ''}，"
        f"而{label_b}为{shown_b}{'万元' if b is not None else ''}，"
        f"同一数字两处不一致，相差{fmt(abs(diff))}万元"
    )
    message += "。" if beyond else "，属四舍五入造成的尾数差异。"
    return make_finding(
        rule_id,
        "error" if beyond else "info",
        subject,
        message,
        printed(a_val),
        printed(b_val),
        _dedupe(evidence),
    )


def printed(value: Decimal) -> str:
    """An amount as the report printed it (a narrative "0.3" stays "0.3")."""
    return fmt(value) if decimals(value) >= 2 else f"{value:,f}"


def _keep(found: Iterable[Finding | None]) -> Iterator[Finding]:
    return (f for f in found if f is not None)


# --- 公开01表 收入支出决算总表 -------------------------------------------------------------------


def _amount(e: Entry | None, col: int = 0) -> Decimal | None:
    if e is None:
        return None
    return e.first() if col == 0 else e.at(col)


def _q(*es: Entry | None) -> list[Quote]:
    return [e.quote for e in es if e is not None]


@rule(
    "sum.income_total",
    title="收入总计与其构成不符",
    explanation=(
        "收入支出决算总表左栏的“总计”由本年收入合计、使用非财政拨款结余和年初结转和结余三部分组成，"
        "三者相加应等于总计。相加结果与总计的差额超过各数四舍五入可能造成的误差时，说明表中至少有一个数字有误。"
    ),
    formula="收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余",
    tolerance="n个分项各自保留两位小数，合计与分项之和最多可差各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="收入总计2,995.39万元 = 本年收入合计2,946.25万元 + 年初结转和结余49.14万元",
)
def income_total(report: Report) -> Iterable[Finding]:
    es = table_entries(report, "公开01表")
    total = find_entry(es, "总计", 0)
    this_year = find_entry(es, "本年收入合计")
    surplus = next((e for e in es if bare(e.name).startswith("使用非财政拨款结余")), None)
    begin = find_entry(es, "年初结转和结余")
    f = check_sum(
        "sum.income_total",
        "公开01表 收入总计",
        "收入总计",
        _amount(total),
        [
            ("本年收入合计", _amount(this_year)),
            ("使用非财政拨款结余", _amount(surplus)),
            ("年初结转和结余", _amount(begin)),
        ],
        _q(total, this_year, surplus, begin),
        table_name("公开01表"),
    )
    return _keep([f])


@rule(
    "sum.expenditure_total",
    title="支出总计与其构成不符",
    explanation=(
        "收入支出决算总表右栏的“总计”由本年支出合计、结余分配和年末结转和结余三部分组成，三者相加应等于总计。"
    ),
    formula="支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元，n为分项个数；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="支出总计2,995.39万元 = 本年支出合计2,940.05万元 + 年末结转和结余55.34万元",
)
def expenditure_total(report: Report) -> Iterable[Finding]:
    es = table_entries(report, "公开01表")
    total = find_entry(es, "总计", 1)
    this_year = find_entry(es, "本年支出合计")
    dist = find_entry(es, "结余分配")
    end = find_entry(es, "年末结转和结余")
    f = check_sum(
        "sum.expenditure_total",
        "公开01表 支出总计",
        "支出总计",
        _amount(total),
        [("本年支出合计", _amount(this_year)), ("结余分配", _amount(dist)), ("年末结转和结余", _amount(end))],
        _q(total, this_year, dist, end),
        table_name("公开01表"),
    )
    return _keep([f])


def _in_section(q: object, word: str) -> bool:
    """Whether a quote sits in the numbered section titled ``word`` ("三、支出决算情况说明")."""
    return (
        isinstance(q, Quote)
        and q.section is not None
        and bool(re.match(rf"^[一二三四五六七八九十]+、\s*{word}", q.section))
    )


def _section(claim: dict[str, object], word: str) -> bool:
    return _in_section(claim.get("quote"), word)


@rule(
    "sum.income_sources",
    title="本年收入合计与各项收入之和不符",
    explanation=(
        "本年收入合计等于各类收入之和：财政拨款收入（一般公共预算、政府性基金、国有资本经营）、上级补助收入、"
        "事业收入、经营收入、附属单位上缴收入和其他收入。核对收入支出决算总表中的各收入行，"
        "以及情况说明“本年收入合计X万元，其中：……”一句中列出的各项金额。"
    ),
    formula="本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="本年收入合计2,946.25万元 = 一般公共预算财政拨款收入2,940.05万元 + 其他收入6.20万元",
)
def income_sources(report: Report) -> Iterable[Finding]:
    es = table_entries(report, "公开01表")
    this_year = find_entry(es, "本年收入合计")
    sources = [e for e in es if is_income_source(e.name)]
    out = [
        check_sum(
            "sum.income_sources",
            "公开01表 本年收入合计",
            "本年收入合计",
            _amount(this_year),
            [(bare(e.name), e.first()) for e in sources],
            _q(this_year, *[e for e in sources if e.first() is not None]),
            table_name("公开01表"),
        )
    ]
    out.extend(
        _narrative_parts(
            report,
            "sum.income_sources",
            "收入决算情况",
            "本年收入合计",
            "收入",
            {"财政拨款收入": "income_fiscal"},
        )
    )
    return _keep(out)


# a part of the year's income or spending stated in 元, not 万元
_PART_IN_YUAN = {
    kind: re.compile(rf"[\u4e00-\u9fff]{{2,8}}{kind}[^，,。；;\d]{{0,6}}\d[\d,.]*\s*元[，,]?\s*占")
    for kind in ("收入", "支出")
}


def _narrative_parts(
    report: Report, rule_id: str, section: str, label: str, kind: str, main: dict[str, str]
) -> list[Finding | None]:
    """A narrative "X合计N万元，其中：A a万元、B b万元…" (share claims carry the parent N).

    The main components must all be known (from the claims or, when a line break hid one from the
    share pattern, from the narrative value of the same section); otherwise the sentence is skipped."""
    by_parent: dict[Decimal, list[dict[str, object]]] = {}
    for c in report.share_claims:
        parent = c.get("parent")
        if c.get("denominator_label") and c.get("denominator_metric") is None:
            continue  # "……分别占项目支出的22.42%和74.53%": parts of a whole the sentence names, not of its own
        if c.get("again"):
            continue  # the same part's share of a second whole ("占本年支出合计和本年收入合计的比重分别为……")
        if isinstance(parent, Decimal) and _section(c, section) and str(c.get("label", "")).endswith(kind):
            group = by_parent.setdefault(parent, [])
            # the same part said again (a paragraph printed twice): one part, not two
            if not any((o.get("label"), o.get("amount"), o.get("percent")) == (c.get("label"), c.get("amount"),
                       c.get("percent")) for o in group):  # fmt: skip
                group.append(c)
    out: list[Finding | None] = []
    doc = report.document
    if doc is not None and any(_PART_IN_YUAN[kind].search(b.text) for b in doc.blocks if b.table is None):
        # "其他收入2,508,800元，占29.13%": a part in 元 that the share claims (in 万元) do not hold
        return out
    for parent, claims in by_parent.items():
        if len(claims) < 2:
            continue
        parts = [(_label(c), c["amount"]) for c in claims if isinstance(c["amount"], Decimal)]
        quotes = [c["quote"] for c in claims if isinstance(c["quote"], Quote)]
        stated = next((c["parent_quote"] for c in claims if isinstance(c.get("parent_quote"), Quote)), None)
        # a main part may be named in full: "一般公共预算财政拨款收入" is the 财政拨款收入 when it is the only one
        labels = {name for name, _ in parts}
        for name, key in main.items():
            v = report.narrative.get(key)
            if not any(x.endswith(name) for x in labels) and v is not None and _in_section(v.quote, section):
                parts.insert(0, (name, v.amount))
                quotes.insert(0, v.quote)
        if not all(any(x.endswith(name) for x, _ in parts) for name in main):
            continue
        # "其他收入250.88万元。" with no share of its own: a part all the same
        whole_said = stated if isinstance(stated, Quote) else None
        for name, amount, quote in _unread_parts(report, claims, kind, whole_said, {a for _, a in parts}):
            if any(x.endswith(name) or name.endswith(x) for x, _ in parts):
                continue  # a part named again ("基本支出2336.91万元，其中人员经费……"): no part more
            parts.append((name, amount))
            quotes.append(quote)
        evidence = [stated, *quotes] if stated is not None else quotes  # the total as stated, then its parts
        out.append(
            check_sum(rule_id, f"情况说明 {label} {parent}", label, parent, parts, evidence, "情况说明")  # type: ignore[arg-type]
        )
    return out


def _unread_parts(
    report: Report, claims: list[dict[str, object]], kind: str, stated: Quote | None, held: set[Decimal]
) -> list[tuple[str, Decimal, Quote]]:
    """The parts the sentence of the share ``claims`` names outside them ("其他收入0.30万元, 占比不足0.01%", "其他收入
    250.88万元。" with no share), after its whole; a main part ``held`` from elsewhere is not one more."""
    doc, at = report.document, claims[0].get("block")
    if doc is None or not isinstance(at, int) or any(c.get("block") != at for c in claims):
        return []
    block = doc.blocks[at]
    start = max(block.text.find(stated.quote) + len(stated.quote) if stated is not None else 0, 0)
    end = block.text.find("。", start)
    parent = claims[0].get("parent")
    spans = [  # the words of the shares read, and of a part's own parts' shares ("其中信息化建设……，占22.42%")
        (i, i + len(q.quote))
        for c in report.share_claims
        if c.get("block") == at
        and (
            any(c is x for x in claims) or isinstance(c.get("parent"), Decimal) and c.get("parent") != parent
        )
        and isinstance(q := c.get("quote"), Quote)
        and (i := block.text.find(q.quote)) >= 0
    ]
    out = []
    for m in _NAMED_PART[kind].finditer(block.text, start, end if end >= 0 else len(block.text)):
        amount = parse_amount(m["n"])
        if amount is None or any(a < m.end() and m.start("n") < b for a, b in spans):
            continue  # a part a share claim holds
        if amount in held and not any(c.get("amount") == amount for c in claims):
            continue  # the main part, read from its own statement
        segment = block.text[
            max([start] + [block.text.rfind(c, start, m.start()) + 1 for c in "；;"]) : m.start()
        ]
        if of_another_year(report, segment):
            continue  # "；2023年度基本支出2289.00万元、项目支出750.00万元，占比分别为……": last year's parts
        out.append((m["name"], amount, Quote(m.group(0).lstrip("：:；;，,、 "), block.page_at(m.start()))))
    return out


# the parts of the 本年收入/本年支出 identities, by name
_NAMED_PART = {
    kind: re.compile(
        rf"(?:^|[：:；;，,、\s])(?P<name>(?:一般公共预算)?(?:{'|'.join(names)}))\s*(?:为|是)?\s*"
        rf"(?P<n>\d[\d,]*(?:\.\d+)?)\s*{WAN}"
    )
    for kind, names in (("收入", INCOME_PARTS), ("支出", SPENDING_PARTS))
}


def _label(claim: dict[str, object]) -> str:
    label = str(claim.get("label", ""))
    return "其他收入" if label == "他收入" else label


@rule(
    "sum.expenditure_parts",
    title="本年支出合计与各项支出之和不符",
    explanation=(
        "本年支出合计既等于各功能分类（类）支出之和，也等于基本支出、项目支出、上缴上级支出、经营支出和"
        "对附属单位补助支出之和。核对收入支出决算总表右栏的各类支出行，以及情况说明中“本年支出合计X万元，"
        "其中：基本支出……项目支出……”一句。"
    ),
    formula="本年支出合计 = Σ 各类支出 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="本年支出合计2,940.05万元 = 基本支出2,336.91万元 + 项目支出603.14万元",
)
def expenditure_parts(report: Report) -> Iterable[Finding]:
    es = table_entries(report, "公开01表")
    this_year = find_entry(es, "本年支出合计")
    classes = [e for e in es if is_class_line(e.name) and e.first() is not None]
    out = [
        check_sum(
            "sum.expenditure_parts",
            "公开01表 本年支出合计 = Σ类",
            "本年支出合计",
            _amount(this_year),
            [(bare(e.name), e.first()) for e in classes],
            _q(this_year, *classes),
            table_name("公开01表"),
        )
    ]
    main = {"基本支出": "expenditure_basic", "项目支出": "expenditure_project"}
    out.extend(
        _narrative_parts(report, "sum.expenditure_parts", "支出决算情况", "本年支出合计", "支出", main)
    )
    return _keep(out)


# --- 公开04表 财政拨款收入支出决算总表 -------------------------------------------------------------

_CARRY_SOURCE = re.compile(r"^(?:[一二三]、)?(?:一般公共预算|政府性基金预算|国有资本经营预算)财政拨款$")
_FISCAL_COLUMNS = ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]


@rule(
    "sum.fiscal_total",
    title="财政拨款收入支出决算总表的合计与分项不符",
    explanation=(
        "财政拨款收入支出决算总表中：收入方总计 = 本年收入合计 + 年初财政拨款结转和结余；支出方总计 = "
        "本年支出合计 + 年末财政拨款结转和结余；本年收入合计 = 一般公共预算、政府性基金预算、国有资本经营预算"
        "三类财政拨款之和；年初财政拨款结转和结余 = 其下所列三类财政拨款的结转和结余之和；本年支出合计（各栏）"
        "= 各类支出之和；每一行的“合计”栏 = 三类财政拨款栏之和。"
    ),
    formula=(
        "总计 = 本年合计 + 结转和结余；本年收入合计 = Σ 三类财政拨款；年初结转和结余 = Σ 其下三类；"
        "本年支出合计 = Σ 各类支出；合计栏 = Σ 三栏"
    ),
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="总计2,961.68万元 = 本年收入合计2,940.05万元 + 年初财政拨款结转和结余21.63万元",
)
def fiscal_total(report: Report) -> Iterable[Finding]:
    es = table_entries(report, "公开04表")
    if not es:
        return []
    where = table_name("公开04表")
    income_year = find_entry(es, "本年收入合计")
    spend_year = find_entry(es, "本年支出合计")
    begin = find_entry(es, "年初财政拨款结转和结余")
    end = find_entry(es, "年末财政拨款结转和结余")
    total_in, total_out = find_entry(es, "总计", 0), find_entry(es, "总计", 1)
    out: list[Finding | None] = [
        check_sum(
            "sum.fiscal_total", "公开04表 收入总计", "收入方总计", _amount(total_in),
            [("本年收入合计", _amount(income_year)), ("年初财政拨款结转和结余", _amount(begin))],
            _q(total_in, income_year, begin), where,
        ),
        check_sum(
            "sum.fiscal_total", "公开04表 支出总计", "支出方总计", _amount(total_out),
            [("本年支出合计", _amount(spend_year)), ("年末财政拨款结转和结余", _amount(end))],
            _q(total_out, spend_year, end), where,
        ),
    ]  # fmt: skip
    if income_year is not None:
        before = [e for e in es if e.row < income_year.row and is_fiscal_fund(e.name)]
        out.append(
            check_sum(
                "sum.fiscal_total", "公开04表 本年收入合计", "本年收入合计", _amount(income_year),
                [(bare(e.name), e.first()) for e in before],
                _q(income_year, *[e for e in before if e.first() is not None]), where,
            )
        )  # fmt: skip
    # each carry-over line against the three funds listed under it: 年初's on the income side; 年末's where the
    # expenditure side lists them too — side by side (年末 in a column of its own), or stacked (the expenditure side
    # below the income side's 总计, in the same columns); not where the columns are unknown
    stacked = end is not None and end.col == 0 and total_in is not None and end.row > total_in.row
    for head, total, label in (
        (begin, total_in, "年初财政拨款结转和结余"),
        (end, total_out, "年末财政拨款结转和结余"),
    ):
        if head is None or (head is end and head.col <= 0 and not stacked):
            continue
        funds = _funds_under(es, head, total.row if total is not None else None)
        out.append(
            check_sum(
                "sum.fiscal_total", f"公开04表 {label}", label, _amount(head), [(bare(e.name), e.first()) for e in funds],
                _q(head, *[e for e in funds if e.first() is not None]), where,
            )
        )  # fmt: skip
    classes = [e for e in es if is_class_line(e.name) and any(a is not None for a in e.amounts)]
    if spend_year is not None:
        for col, col_name in enumerate(_FISCAL_COLUMNS):
            used = [e for e in classes if e.at(col) is not None]
            out.append(
                check_sum(
                    "sum.fiscal_total", f"公开04表 本年支出合计 {col_name}栏", f"本年支出合计（{col_name}栏）",
                    spend_year.at(col), [(bare(e.name), e.at(col)) for e in used], _q(spend_year, *used), where,
                )
            )  # fmt: skip
    for e in [*classes, spend_year, end, total_out]:
        if e is None or len(e.amounts) < 2:
            continue
        out.append(
            check_sum(
                # its own subject: the 合计 column's check above ("本年支出合计 合计栏" down the classes) is another sum
                "sum.fiscal_total", f"公开04表 {bare(e.name)} 合计栏=各栏", f"{bare(e.name)}的合计栏", e.at(0),
                [(f"{n}栏", e.at(i)) for i, n in enumerate(_FISCAL_COLUMNS) if i > 0], _q(e), where,
            )
        )  # fmt: skip
    return _keep(out)


def _funds_under(es: list[Entry], head: Entry, stop: int | None) -> list[Entry]:
    """The three funds' lines under a carry-over line (年初 on the income side, 年末 on the expenditure side), on its own
    side: in its column where columns are known, else the left one of a row."""
    out: list[Entry] = []
    for fund in es:
        within = fund.row > head.row and (stop is None or fund.row < stop)
        if not within or not _CARRY_SOURCE.match(fund.name):
            continue
        if (head.col >= 0 and fund.col >= 0 and fund.col != head.col) or any(x.row == fund.row for x in out):
            continue
        out.append(fund)
    return out


# --- columnar tables: 类/款/项 subtotals, the 合计 row, the 合计 column ------------------------

_COLUMNAR = ("公开02表", "公开03表", "公开05表", "公开07表", "公开08表")


def _children(ls: list[Line], parent: Line) -> list[Line]:
    if parent.code is None:
        return []
    want = len(parent.code) + 2
    return [ln for ln in ls if ln.code and len(ln.code) == want and ln.code.startswith(parent.code)]


@rule(
    "sum.subtotal",
    title="科目小计与下级科目之和不符",
    explanation=(
        "按支出功能分类列示的报表（收入决算表、支出决算表、一般公共预算财政拨款支出决算表等）中，"
        "每个“类”行等于其下各“款”行之和，每个“款”行等于其下各“项”行之和，每一栏都如此。"
    ),
    formula="类 = Σ 所属款；款 = Σ 所属项（逐栏核对）",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="212 城乡社区支出3,845.24万元 = 21201 城乡社区管理事务1,105.68万元 + 21202 城乡社区规划与管理2,739.56万元",
)
def subtotal(report: Report) -> Iterable[Finding]:
    out: list[Finding | None] = []
    for key in _COLUMNAR:
        ls = lines(report, key)
        columns = list(report.tables.get(key, {}).get("columns", []))
        for parent in ls:
            kids = _children(ls, parent)
            if not kids:
                continue
            for col in columns:
                out.append(
                    check_sum(
                        "sum.subtotal",
                        f"{key} {parent.code} {col}",
                        f"{parent.code} {parent.name}（{col}栏）",
                        parent.get(col),
                        [(f"{k.code} {k.name}", k.get(col)) for k in kids],
                        [parent.quote, *[k.quote for k in kids if k.get(col) is not None]],
                        table_name(key),
                    )
                )
    return _keep(out)


@rule(
    "sum.column_total",
    title="合计行与各类之和不符",
    explanation="按功能分类列示的报表中，“合计”行的每一栏等于各“类”行同一栏之和。",
    formula="合计行 = Σ 类行（逐栏核对）",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="合计2,940.05万元 应等于 2,106.66 + 326.72 + 60.99 + 445.69 = 2,940.06万元（尾数差0.01）",
)
def column_total(report: Report) -> Iterable[Finding]:
    out: list[Finding | None] = []
    for key in _COLUMNAR:
        ls = lines(report, key)
        total = total_line(ls)
        classes = [ln for ln in ls if ln.code and len(ln.code) == 3]
        if total is None or not classes:
            continue
        for col in report.tables[key]["columns"]:
            out.append(
                check_sum(
                    "sum.column_total",
                    f"{key} 合计行 {col}",
                    f"合计行（{col}栏）",
                    total.get(col),
                    [(f"{c.code} {c.name}", c.get(col)) for c in classes],
                    [total.quote, *[c.quote for c in classes if c.get(col) is not None]],
                    table_name(key),
                )
            )
    return _keep(out)


@rule(
    "sum.row_total",
    title="合计栏与各栏之和不符",
    explanation=(
        "收入决算表中每一行的“本年收入合计”等于财政拨款收入、上级补助收入、事业收入、经营收入、附属单位上缴收入"
        "和其他收入各栏之和；支出决算表中“本年支出合计”等于基本支出、项目支出、上缴上级支出、经营支出和对附属单位"
        "补助支出之和；一般公共预算财政拨款支出决算表中“合计”等于基本支出与项目支出之和。"
    ),
    formula="合计栏 = Σ 构成栏（逐行核对）",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="2120101 行政运行 合计1,092.80万元 应等于 基本支出1,084.02 + 项目支出8.77 = 1,092.79万元（尾数差0.01）",
)
def row_total(report: Report) -> Iterable[Finding]:
    out: list[Finding | None] = []
    for key in ("公开02表", "公开03表", "公开05表"):
        columns = list(report.tables.get(key, {}).get("columns", []))
        if len(columns) < 3:
            continue
        # a 小计 over sub-columns ("财政拨款收入/小计" over 一般公共预算…, 政府性基金…; 05's "基本支出/小计" over 人员经费,
        # 公用经费) is their sum, not one more part
        total_col = total_column(columns)
        parts = [c for c in columns if c != total_col and c.split("/")[-1] not in ("小计", "合计")]
        for ln in lines(report, key):
            label = f"{ln.code} {ln.name}" if ln.code else f"{ln.name}行"
            out.append(
                check_sum(
                    "sum.row_total",
                    f"{key} {ln.code or ln.name} {total_col}",
                    f"{label}的{total_col}",
                    ln.get(total_col),
                    [(p, ln.get(p)) for p in parts],
                    [ln.quote],
                    table_name(key),
                )
            )
    return _keep(out)


# --- 公开06表 基本支出 by economic classification ------------------------------------------------

# 人员经费 = 工资福利支出 (301) + 对个人和家庭的补助 (303); 公用经费 = every other group of the
# table (302 商品和服务支出, 310 资本性支出, and 307/309/311/312/313/399 where printed). Checked on
# all three Shanghai reports and the 岚县 report, whose printed 合计 rows follow this split.
_PERSONNEL = ("301", "303")


@rule(
    "sum.economic",
    title="基本支出经济分类合计与明细不符",
    explanation=(
        "一般公共预算财政拨款基本支出决算表按经济分类列示：每个“类”（如301工资福利支出）等于其下各“款”之和；"
        "人员经费合计等于工资福利支出（301）与对个人和家庭的补助（303）之和；公用经费合计等于其余各类"
        "（302商品和服务支出、310资本性支出等）之和。表中不列“类”行的，人员经费合计、公用经费合计与各“款”之和比较；"
        "人员经费、公用经费分列两栏或分块（以“小计”“合计”收尾）的表，合计取自该栏或该块。"
    ),
    formula="301 = Σ 301xx；302 = Σ 302xx；…；人员经费合计 = 301 + 303；公用经费合计 = 302 + 307 + 309 + 310 + …",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="301 工资福利支出2,082.85万元，而明细之和为2,082.86万元（尾数差0.01）",
)
def economic(report: Report) -> Iterable[Finding]:
    es = table_entries(report, "公开06表")
    if not es:
        return []
    where = table_name("公开06表")
    groups = [e for e in es if e.code and len(e.code) == 3]
    out: list[Finding | None] = []
    for g in groups:
        kids = [e for e in es if e.code and len(e.code) == 5 and e.code.startswith(g.code or "")]
        if not kids:
            continue
        out.append(
            check_sum(
                "sum.economic", f"公开06表 {g.code}", f"{g.code} {g.name}", g.first(),
                [(f"{k.code} {k.name}", k.first()) for k in kids],
                [g.quote, *[k.quote for k in kids if k.first() is not None]], where,
            )
        )  # fmt: skip
    totals = economic_totals(report, es)
    # the 类 (301, 303 / 302, 310…), or where a layout prints none, the items under them
    parts = groups or [e for e in es if e.code and len(e.code) == 5]
    staff = [g for g in parts if (g.code or "")[:3] in _PERSONNEL]
    other = [g for g in parts if (g.code or "")[:3] not in _PERSONNEL]
    for label, members in (("人员经费合计", staff), ("公用经费合计", other)):
        if label not in totals or not members:
            continue
        amount, quote = totals[label]
        out.append(
            check_sum(
                "sum.economic", f"公开06表 {label}", label, amount,
                [(f"{g.code} {g.name}", g.first()) for g in members],
                [quote, *[g.quote for g in members if g.first() is not None]], where,
            )
        )  # fmt: skip
    return _keep(out)


def economic_totals(report: Report, es: list[Entry]) -> dict[str, tuple[Decimal | None, Quote]]:
    """公开06表's 人员经费合计 and 公用经费合计: the lines so named, else the figures extract read for the metrics from
    another layout (blocks closed by "合计"/"小计", or 人员经费 and 公用经费 columns)."""
    out: dict[str, tuple[Decimal | None, Quote]] = {}
    for label, key in (("人员经费合计", "gpb_basic_personnel"), ("公用经费合计", "gpb_basic_public")):
        line = find_entry(es, label)
        value = report.metrics.get(key)
        if line is not None:
            out[label] = (line.first(), line.quote)
        elif value is not None and value.kind == "table" and (value.quote.table or "").startswith("公开06表"):
            out[label] = (value.amount, value.quote)
    return out


@rule(
    "sum.basic_split",
    title="基本支出与人员经费、公用经费之和不符",
    explanation="一般公共预算财政拨款基本支出由人员经费和公用经费两部分组成，情况说明中三个数应满足基本支出 = 人员经费 + 公用经费。",
    formula="一般公共预算财政拨款基本支出 = 人员经费 + 公用经费",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="基本支出2,336.91万元 = 人员经费2,152.26万元 + 公用经费184.65万元",
)
def basic_split(report: Report) -> Iterable[Finding]:
    n = report.narrative
    basic, staff, public = n.get("gpb_basic"), n.get("gpb_basic_personnel"), n.get("gpb_basic_public")
    if basic is None or staff is None or public is None:
        return []
    f = check_sum(
        "sum.basic_split",
        "情况说明 一般公共预算财政拨款基本支出",
        "一般公共预算财政拨款基本支出",
        basic.amount,
        [("人员经费", staff.amount), ("公用经费", public.amount)],
        [basic.quote, staff.quote, public.quote],
        "情况说明",
    )
    return _keep([f])


# --- 公开09表 “三公”经费 ---------------------------------------------------------------------------

SANGONG_ITEMS = [
    "合计",
    "因公出国（境）费",
    "公务用车购置及运行维护费",
    "公务用车购置费",
    "公务用车运行维护费",
    "公务接待费",
]


@dataclass(frozen=True)
class Sangong:
    budget: dict[str, Decimal | None]
    final: dict[str, Decimal | None]
    quote: Quote


def sangong(report: Report) -> Sangong | None:
    """The 公开09表's six items as (预算数, 决算数), whichever layout prints them (extract.tables.sangong_cells); quoted at
    the row of amounts (the 合计's, one row per item), or at the header when no row has amounts."""
    from generator.extract.tables import row_quote, sangong_cells

    st = statutory(report).get("公开09表")
    layout = sangong_cells(st.table.rows) if st is not None else None
    if st is None or layout is None:
        return None
    if not layout.cells:
        return Sangong({}, {}, row_quote(st, layout.header))
    rows = st.table.rows
    # an item the layout has no column for is left out (not a blank cell, which is 0)
    cells = {n: c for n, c in zip(SANGONG_ITEMS, layout.cells) if c is not None}
    budget = {n: st.amount(rows[k][b]) if b < len(rows[k]) else None for n, (k, b, _) in cells.items()}
    final = {n: st.amount(rows[k][f]) if f < len(rows[k]) else None for n, (k, _, f) in cells.items()}
    return Sangong(budget, final, row_quote(st, next(iter(cells.values()))[0]))


@rule(
    "sum.sangong",
    title="“三公”经费合计与分项不符",
    explanation=(
        "“三公”经费合计等于因公出国（境）费、公务用车购置及运行维护费和公务接待费之和，公务用车购置及运行维护费"
        "等于公务用车购置费与公务用车运行维护费之和。预算数和决算数分别核对；情况说明中列出的决算数同样核对，"
        "逐项说明比上年变动的那一段（““三公”经费支出……。其中：因公出国（境）费支出……”）所写的各项支出也相加核对。"
    ),
    formula="“三公”经费 = 因公出国（境）费 + 公务用车购置费 + 公务用车运行维护费 + 公务接待费",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="合计预算数0.95万元 = 因公出国（境）费0 + 公务用车购置及运行维护费0 + 公务接待费0.95万元",
)
def sangong_sum(report: Report) -> Iterable[Finding]:
    out: list[Finding | None] = []
    sg = sangong(report)
    where = table_name("公开09表")
    if sg is not None and (sg.budget or sg.final):
        for kind, values in (("预算数", sg.budget), ("决算数", sg.final)):
            n = SANGONG_ITEMS
            # a layout without the 公务用车 subtotal: its two parts stand in it
            vehicle = [n[2]] if n[2] in values else [n[3], n[4]]
            if not all(x in values for x in (n[1], *vehicle, n[5])):
                continue  # an item the layout does not print: the total cannot be checked
            out.append(
                check_sum(
                    "sum.sangong", f"公开09表 合计 {kind}", f"“三公”经费合计{kind}", values.get(n[0]),
                    [(x, values.get(x)) for x in (n[1], *vehicle, n[5])], [sg.quote], where,
                )
            )  # fmt: skip
            out.append(
                check_sum(
                    "sum.sangong", f"公开09表 公务用车 {kind}", f"公务用车购置及运行维护费{kind}", values.get(n[2]),
                    [(n[3], values.get(n[3])), (n[4], values.get(n[4]))], [sg.quote], where,
                )
            )  # fmt: skip
    nv = report.narrative
    keys = ["sangong_abroad", "sangong_vehicle_purchase", "sangong_vehicle_operation", "sangong_reception"]
    total = nv.get("sangong_total")
    if total is not None and all(nv.get(k) is not None for k in keys):
        parts = [
            (name, nv[k].amount)
            for name, k in zip(
                ["因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费"], keys
            )
        ]
        out.append(
            check_sum(
                "sum.sangong", "情况说明 “三公”经费决算", "“三公”经费支出决算", total.amount, parts,
                [total.quote, *[nv[k].quote for k in keys]], "情况说明",
            )
        )  # fmt: skip
    out += _sangong_said_with_changes(report, out)
    return _keep(out)


def _sangong_said_with_changes(report: Report, found: list[Finding | None]) -> list[Finding | None]:
    """The 三公 total and its three parts as the paragraph of their changes states them ("“三公”经费支出0.00万元，比上年……。
    其中：因公出国（境）费支出0.00万元，占0.00%，比上年……。公务用车购置及运行维护费支出1.00万元……"): the parts make the
    total. Not said again where the four parts' figures (nv above) already gave the same sum."""
    from generator.checks.yoy import sangong_part_claims

    names = {
        "abroad": "因公出国（境）费", "vehicle": "公务用车购置及运行维护费", "vehicle_purchase": "公务用车购置费",
        "vehicle_operation": "公务用车运行维护费", "reception": "公务接待费",
    }  # fmt: skip
    done = {(f.claimed, f.expected) for f in found if f is not None}
    out: list[Finding | None] = []
    for total, parts, kinds in sangong_part_claims(report):
        if total["current"] is None or any(parts[k]["current"] is None for k in kinds):
            continue
        f = check_sum(
            "sum.sangong", "情况说明 “三公”经费与各项", "“三公”经费支出", total["current"],
            [(names[k], parts[k]["current"]) for k in kinds],
            [c.get("current_quote") or c["quote"] for c in (total, *(parts[k] for k in kinds))], "情况说明",
        )  # fmt: skip
        if f is not None and (f.claimed, f.expected) not in done:
            out.append(f)
    return out


# the 名词解释's definition: "机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的
# 日常公用经费支出。" (the sentence may be cut by a hard wrap: quoted to the block's end)
_OPERATING_DEFINITION = re.compile(r"机关运行经费[：:][^。]*")
# the Xinjiang template's other half: "……（事业单位）公用经费支出148.91万元，比上年减少……" beside "……（行政单位和参照公务员法管理
# 事业单位）机关运行经费支出972.03万元" (003: 972.03 + 148.91 = 公用经费1,120.94)
_INSTITUTIONS_PUBLIC = re.compile(rf"[（(]事业单位[）)]\s*公用经费支出\s*(?P<n>{FIG})\s*{WAN}")


@rule(
    "sum.operating_expenses",
    title="机关运行经费多于公用经费，或与事业单位公用经费之和不等于公用经费",
    explanation=(
        "机关运行经费是行政单位和参照公务员法管理的事业单位用财政拨款基本支出安排的公用经费（报告的名词解释就这样定义），"
        "是一般公共预算财政拨款基本支出中公用经费的一部分：部门所属事业单位的公用经费算在公用经费里，不算机关运行经费，"
        "所以机关运行经费可以少于公用经费，不能多于它。公用经费取公开06表的公用经费合计，没有这张表时取情况说明所述的数。"
        "报告另写出“（事业单位）公用经费支出”时，两部分合起来就是全部公用经费：机关运行经费 + 事业单位公用经费 = 公用经费。"
    ),
    formula="机关运行经费 ≤ 公开06表 公用经费合计（没有公开06表时：情况说明所述一般公共预算财政拨款基本支出中的公用经费）；"
    "写出事业单位公用经费时，机关运行经费 + 事业单位公用经费 = 公用经费",
    tolerance="两数各自舍入：机关运行经费多出两数印出精度的一个末位单位（两位小数时0.01万元）以上才报告；两部分之和按(n+1)×半个末位单位",
    example="机关运行经费支出142.80万元，公开06表公用经费合计480.66万元（部门中还有事业单位：符合）",
)
def operating_expenses(report: Report) -> Iterable[Finding]:
    op = report.narrative.get("operating_expenses")
    if op is None:
        return
    e = find_entry(table_entries(report, "公开06表"), "公用经费合计")
    if e is not None and (in_table := e.first()) is not None:
        public, quote, label = in_table, e.quote, f"{table_name('公开06表')}中公用经费合计"
    elif (v := report.narrative.get("gpb_basic_public")) is not None:
        public, quote, label = v.amount, v.quote, "情况说明所述一般公共预算财政拨款基本支出中的公用经费"
    else:
        return
    if op.amount <= public + 2 * half_unit(op.amount, public):
        yield from _operating_and_institutions(report, op, public, quote, label)
        return
    definition = next(
        (
            Quote(m.group(0), b.page_at(m.start()), None, block=b)
            for b in (report.document.blocks if report.document else [])
            if b.table is None
            for m in _OPERATING_DEFINITION.finditer(b.text)
            if len(m.group(0)) > 12
        ),
        None,
    )
    defined = "（本报告的名词解释也这样定义）" if definition else ""
    yield make_finding(
        "sum.operating_expenses", "error", "机关运行经费 ≤ 公用经费",
        f"情况说明称机关运行经费支出{fmt(op.amount)}万元，而{label}为{fmt(public)}万元，机关运行经费多出"
        f"{fmt(op.amount - public)}万元。机关运行经费是行政单位（含参照公务员法管理的事业单位）基本支出中的公用经费{defined}，"
        f"只是公用经费的一部分，不能多于公用经费。",
        fmt(op.amount), f"不超过{fmt(public)}", [op.quote, quote, *([definition] if definition else [])],
    )  # fmt: skip


def _operating_and_institutions(
    report: Report, op: Value, public: Decimal, quote: Quote, label: str
) -> Iterable[Finding]:
    """机关运行经费 + "（事业单位）公用经费支出" = 公用经费, where the report states the 事业单位 part (in the paragraph
    after 机关运行经费's, of this year: not "上年……")."""
    found = [
        (m, b)
        for _, b in running_with(report, _INSTITUTIONS_PUBLIC)
        for m in _INSTITUTIONS_PUBLIC.finditer(b.text)
        # of the year, said as the template says it ("2024年度……（事业单位）公用经费支出"): not "上年……", nor "调整前……"
        if (head := b.text[clause_begin(b.text, m.start(), "。；;") : m.start()]).startswith(
            f"{report.year}年"
        )
        and not of_another_year(report, head)
    ]
    if len(found) != 1:
        return  # none, or two (two years', two bodies'): no one part to add
    m, b = found[0]
    part = parse_amount(m.group("n"))
    if part is None:
        return
    beyond, diff = sum_differs([op.amount, part], public)
    if not beyond:
        return
    yield make_finding(
        "sum.operating_expenses", "error", "机关运行经费 + 事业单位公用经费 = 公用经费",
        f"情况说明称机关运行经费支出{fmt(op.amount)}万元、事业单位公用经费支出{fmt(part)}万元，合计"
        f"{fmt(op.amount + part)}万元；而{label}为{fmt(public)}万元，相差{fmt(abs(diff))}万元。行政单位（含参照公务员法"
        f"管理的事业单位）的公用经费即机关运行经费，加上事业单位的公用经费，就是全部公用经费。",
        fmt(op.amount + part), fmt(public),
        [op.quote, Quote(m.group(0), b.page_at(m.start()), None, block=b), quote],
    )  # fmt: skip


_SANGONG_BUDGET = re.compile(
    r"(?P<name>“三公”经费|因公出国（境）费|公务用车购置费|公务用车运行(?:维护)?费|公务接待费)(?:财政拨款)?(?:支出)?"
    rf"(?:全年|年初)?预算(?:数)?(?:为)?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*{WAN}"
)
_SANGONG_NAMES = ("“三公”经费", "因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费")


@rule(
    "sum.sangong_budget_text",
    title="情况说明中“三公”经费预算数与分项预算数之和不符",
    explanation=(
        "情况说明写出“三公”经费的预算数，又逐项写出因公出国（境）费、公务用车购置费、公务用车运行维护费和公务接待费"
        "各自的预算数（“因公出国（境）费支出预算为0万元，支出决算为0万元；……”）。四项预算数之和应等于“三公”经费预算数。"
        "只在四项和合计都写出时核对，取各自第一次出现的预算数。"
    ),
    formula="“三公”经费预算数 = 因公出国（境）费 + 公务用车购置费 + 公务用车运行维护费 + 公务接待费（预算数）",
    tolerance="各数按印出精度的舍入误差之和；写作0的视为没有这项预算",
    example="“三公”经费财政拨款支出预算为1.40万元 = 0 + 0 + 0 + 公务接待费支出预算1.40万元",
)
def sangong_budget_text(report: Report) -> Iterable[Finding]:
    from generator.normalize import parse_amount

    doc = report.document
    if doc is None:
        return []
    found: dict[str, tuple[Decimal, Quote]] = {}
    for b in doc.blocks:
        if b.table is not None or "预算" not in b.text:
            continue
        for m in _SANGONG_BUDGET.finditer(b.text):
            clause = b.text[clause_begin(b.text, m.start(), "，,。；;（(") : m.start()]
            if of_another_year(report, clause):
                continue  # "（上年公务接待费全年预算数0.60万元）": last year's budget
            amount = parse_amount(m.group("n"))
            if amount is not None:
                name = m.group("name").replace("运行费", "运行维护费")  # 002 writes 公务用车运行费
                found.setdefault(name, (amount, Quote(m.group(0), b.page_at(m.start()), None, block=b)))
    if any(n not in found for n in _SANGONG_NAMES):
        return []
    total, *parts = (found[n] for n in _SANGONG_NAMES)
    return _keep(
        [
            check_sum(
                "sum.sangong_budget_text", "情况说明 “三公”经费预算数", "“三公”经费预算数", total[0],
                list(zip(_SANGONG_NAMES[1:], (p[0] for p in parts))), [total[1], *(p[1] for p in parts)],
                "情况说明",
            )
        ]
    )  # fmt: skip


# 具体情况 of a text report: "3.社会保障和就业支出(类)人力资源和社会保障管理" / "事务(款)行政运行(项):支出决算数为1,005.01万元，
# 比上年决算减少49.32万元……" — one numbered paragraph per 项, its name wrapped over two blocks
# an item's amount, in 万元 or in 元 ("支出决算数为350,800元": read in 万元), and its change ("比上年决算减少18.18万元",
# "比2023年度的376.91万元减少了18.18万元")
_ITEM_TAIL = (
    r"\s*[:：。]?\s*(?:支出)?决算数?(?:为)?\s*(?P<a>\d[\d,]*(?:\.\d+)?)\s*(?P<au>万?)元"
    r"(?:\s*[，,]\s*(?:(?:比|较)(?:上年|去年|\d{4}\s*年度?)|同比)(?:决算)?(?:数)?(?:的\s*\d[\d,]*(?:\.\d+)?\s*万?元)?"
    r"\s*(?:(?:增长|下降|上升|降低)了?\d[\d.]*\s*%[，,]\s*)?"  # the rate first: "增长6.98%，增加了2.38万元"
    r"(?:(?P<dir>增加|减少)了?\s*(?P<c>\d[\d,]*(?:\.\d+)?)\s*(?P<cu>万?)元|(?P<flat>持平(?![\d.])|无变化)))?"
)  # ("比上年决算持平": a change of 0; not "基本持平", which is near it)
_ITEM = re.compile(
    rf"(?<![\d.,]){ITEM_NUMBER}\s*(?P<lei>[\u4e00-\u9fff]{{2,20}})\s*[(（]类[)）]\s*(?P<kuan>[^()（）。\d]{{2,30}}?)\s*"
    r"[(（]款[)）]\s*(?P<xiang>[^()（）。\d]{2,40}?)\s*[(（]项[)）]" + _ITEM_TAIL
)
# an item headed by its 项 and its code ("8、行政单位医疗（2101101）：支出决算数为11.36万元", "8、2101101行政单位医疗："):
# its 类 is the code's first three digits
_CODED_ITEM = re.compile(
    rf"(?<![\d.,]){ITEM_NUMBER}\s*(?:(?P<code>\d{{7}})\s*(?P<xiang>[\u4e00-\u9fff]{{2,40}}?)"
    r"|(?P<xiang2>[\u4e00-\u9fff]{2,40}?)\s*[（(](?P<code2>\d{7})[）)])" + _ITEM_TAIL
)


def _item_head(m: re.Match[str]) -> tuple[str | None, str, int]:
    """(类, 项 name, where the name starts) of an item read by _ITEM or _CODED_ITEM."""
    if "lei" in m.re.groupindex:
        return m.group("lei"), m.group("xiang"), m.start("xiang")
    code, at = (
        (m.group("code"), m.start("xiang")) if m.group("code") else (m.group("code2"), m.start("xiang2"))
    )
    return FUNCTIONAL_CLASSES.get(code[:3]), m.group("xiang") or m.group("xiang2"), at


_DETAIL_HEAD = re.compile(r"一般公共预算财政拨款支出决算具体情况")


def _in_wan(n: str, wan: str) -> Decimal | None:
    """An amount printed in 万元 (``wan`` = "万") or in 元, in 万元."""
    amount = parse_amount(n)
    return amount if amount is None or wan else amount / 10000


@dataclass(frozen=True)
class DetailItem:
    """One 项 of a text report's 具体情况, its stand-in for a 公开05表 row ("5.社会保障和就业支出(类)……劳动保障
    监察(项):支出决算数为12.00万元，比上年决算增加0.00万元")."""

    lei: str
    name: str
    amount: Decimal
    change: Decimal | None  # signed (减少 is negative); None when the item states none
    quote: Quote  # from the 项 name (or the name's last line) to the change, or to the amount


@per_report("document")
def detail_items(report: Report) -> list[DetailItem]:
    """The 具体情况 items numbered 1, 2, … n without a gap."""
    from generator.extract.claims import _SECTION_HEAD

    doc = report.document
    if doc is None:
        return []
    blocks = doc.blocks
    for start in (k for k, b in enumerate(blocks) if b.table is None and _DETAIL_HEAD.search(b.text)):
        section: list[Block] = []  # up to the next heading (the 目录's line is followed by the next one's)
        for b in blocks[start + 1 :]:
            if b.table is not None or _SECTION_HEAD.match(b.text) or _DETAIL_HEAD.search(b.text):
                break
            section.append(b)
        text = "\n".join(b.text for b in section)
        if has_unread_figure(text):
            continue  # an item OCR garbled ("支出决算数为O.00万元"): the list cannot be read whole
        out: list[DetailItem] = []
        end = 0
        found = sorted([*_ITEM.finditer(text), *_CODED_ITEM.finditer(text)], key=lambda m: m.start())
        for m in found:
            if m.start() < end:
                continue  # read by the other pattern
            amount = _in_wan(m.group("a"), m.group("au"))
            lei, xiang, name_at = _item_head(m)
            if item_number(m) != len(out) + 1 or amount is None or lei is None:
                break
            end = m.end()
            change = (
                _in_wan(m.group("c"), m.group("cu"))
                if m.group("c")
                else Decimal(0)
                if m.group("flat")
                else None
            )
            if change is not None and m.group("dir") == "减少":
                change = -change
            # the quote from the 项 name on, or from its last line when the name wrapped ("(项):支出决算数为7.14万元")
            # (or to the amount only, when a line break falls before the change)
            ends = [m.end(), m.end("au") + 1]
            tails = [text[name_at:stop].split("\n")[-1] for stop in ends]
            tail, block = next(((t, b) for t in tails for b in section if t in b.text), ("", None))
            if block is None:
                break  # a line break inside the amount: no quote to give
            out.append(
                DetailItem(
                    lei,
                    xiang.replace("\n", ""),
                    amount,
                    change,
                    Quote(tail, block.page_at(block.text.find(tail)), block=block),
                )
            )
        following = (h for h in ITEM_OPENS.finditer(text, end) if item_number(h) == len(out) + 1)
        if out and next(following, None) is not None:
            continue  # the next item is there, written otherwise ("8、行政单位医疗（2101101）："): the list is not whole
        if out:
            return out
    return []


def _gpb_total(report: Report) -> Value | None:
    return report.metrics.get("gpb_expenditure") or report.narrative.get("gpb_expenditure")


def complete_detail_items(report: Report) -> list[DetailItem]:
    """The 具体情况 items when they add up to the total (within rounding): the whole list, not some items."""
    items, total = detail_items(report), _gpb_total(report)
    if not items or total is None or sum_differs([i.amount for i in items], total.amount)[0]:
        return []
    return items


@rule(
    "sum.detail_items",
    title="具体情况逐项决算数之和与类级金额、支出总额不符",
    explanation=(
        "没有附报表的情况说明，在“一般公共预算财政拨款支出决算具体情况”中按项逐一写出“××（类）××（款）××（项）："
        "支出决算数为X万元”，在“结构情况”中写出各类的金额，在“总体情况”中写出一般公共预算财政拨款支出总额。"
        "各项之和应等于所属类的金额，全部项之和应等于支出总额。只核对编号从1起连续的清单；各项之和小于总额时，"
        "清单可能没有列全，此时只核对某一类的各项之和是否超过该类金额。"
    ),
    formula="Σ 某类下各项决算数 = 该类金额；Σ 全部项 = 一般公共预算财政拨款支出",
    tolerance="各数按印出精度的舍入误差之和；超出为错误，范围内的非零差额记为提示",
    example="一般公共服务支出8.34万元 = 信息化建设7.14 + 宗教事务1.20（万元）",
)
def detail_items_sum(report: Report) -> Iterable[Finding]:
    items, total = detail_items(report), _gpb_total(report)
    if not items or total is None:
        return []
    # all items together short of the total: the list may leave some out, so a shortfall is only a note
    complete = bool(complete_detail_items(report))
    groups = [("具体情况 合计", "一般公共预算财政拨款支出", total.amount, total.quote, items)]
    for c in report.functional_classes:
        mine = [i for i in items if i.lei == c["name"]]
        if c.get("source") == "narrative" and isinstance(c.get("amount"), Decimal) and mine:
            groups.append(
                (
                    f"具体情况 {c['name']}",
                    f"{c['name']}（类）",
                    c["amount"],
                    Quote(c["quote"], c["page"]),
                    mine,
                )
            )
    out: list[Finding | None] = []
    for subject, label, amount, quote, mine in groups:
        f = check_sum(
            "sum.detail_items", subject, label, amount, [(i.name, i.amount) for i in mine],
            [quote, *(i.quote for i in mine)], "情况说明",
        )  # fmt: skip
        short = sum((i.amount for i in mine), ZERO) < amount
        if f is not None and f.severity == "error" and not complete and short:
            f = dataclasses.replace(
                f,
                severity="info",
                # no "应为": the list may be short of items rather than the total wrong
                message=f.message.split("；", 1)[0]
                + f"，相差{fmt(amount - sum((i.amount for i in mine), ZERO))}万元；"
                + "所列各项之和少于支出总额，清单可能没有列全，若已列全则其中至少一项有误。",
            )
        out.append(f)
    return _keep(out)


def _item_with_class(report: Report, item: DetailItem) -> Quote:
    """The item's quote from its class name on ("8.卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项):支出决算数为
    11.36万元……"), where the class is written in the same paragraph; else the item's own quote."""
    for b in report.document.blocks if report.document else []:
        at = b.text.find(item.quote.quote)
        if at < 0:
            continue
        start = b.text.rfind(item.lei, 0, at)
        if start >= 0 and not re.search(r"[(（]项[)）]", b.text[start:at]):  # no other item between
            return Quote(
                b.text[start : at + len(item.quote.quote)], b.page_at(start), item.quote.section, block=b
            )
        break
    return item.quote


@rule(
    "sum.detail_classes",
    title="具体情况各项所属的类与结构情况所列各类不一致",
    explanation=(
        "没有附报表的情况说明在“结构情况”中列出各类支出的金额，在“具体情况”中按项列出“××（类）××（款）××（项）”。"
        "两份清单各自加起来都等于一般公共预算财政拨款支出总额时，它们都是完整的：具体情况中有支出的每一个类，"
        "结构情况里都应列出；结构情况所列有金额的每一个类，具体情况里都应有它的项。一个类只在其中一份清单里出现，"
        "多半是类名写错了（另一份清单里多出的那个类，金额往往正好相同）。"
    ),
    formula="Σ 结构情况各类 = Σ 具体情况各项 = 支出总额 ⇒ 两份清单中有金额的类相同",
    tolerance="两份清单各自与总额的差在舍入误差之内才比较；金额为0的类不比较",
    example="结构情况列“国有资本经营预算支出（类）660.75万元”，具体情况中660.75万元的各项都写在“卫生健康支出（类）”下",
    expected_label="结构情况中的类",
)
def detail_classes(report: Report) -> Iterable[Finding]:
    items, total = complete_detail_items(report), _gpb_total(report)
    listed = [
        c
        for c in report.functional_classes
        if c.get("source") == "narrative" and isinstance(c.get("amount"), Decimal)
    ]
    if not items or total is None or not listed:
        return
    if sum_differs([c["amount"] for c in listed], total.amount)[0]:
        return  # the class list leaves some out
    by_class: dict[str, list[DetailItem]] = {}
    for i in items:
        by_class.setdefault(i.lei, []).append(i)
    spent = {lei: sum((i.amount for i in mine), ZERO) for lei, mine in by_class.items()}
    # "卫生健康（类）" names the class 卫生健康支出 as well
    names = {class_stem(c["name"]) for c in listed}
    unlisted = [lei for lei, amount in spent.items() if amount and class_stem(lei) not in names]
    classed = {class_stem(lei) for lei in by_class}
    itemless = [c for c in listed if c["amount"] and class_stem(c["name"]) not in classed]
    for lei in unlisted:
        # the listed class that stands for it: the one without items of the same amount, if there is exactly one
        same = [c for c in itemless if c["amount"] == spent[lei]]
        other = same[0] if len(same) == 1 else None
        yield make_finding(
            "sum.detail_classes",
            "warning",
            lei,
            f"具体情况把{len(by_class[lei])}项共{printed(spent[lei])}万元写在“{lei}（类）”下，而结构情况所列各类"
            f"（合计等于支出总额{printed(total.amount)}万元）中没有这一类"
            + (
                f"；结构情况中的“{other['name']}（类）{printed(other['amount'])}万元”在具体情况中没有一项，"
                "两处必有一处类名写错。"
                if other
                else "。"
            ),
            lei,
            other["name"] if other else "结构情况中没有此类",
            [
                _item_with_class(report, by_class[lei][0]),
                *([Quote(other["quote"], other["page"])] if other else []),
            ],
        )
        if other:
            itemless.remove(other)
    for c in itemless:
        yield make_finding(
            "sum.detail_classes",
            "warning",
            c["name"],
            f"结构情况列出“{c['name']}（类）{printed(c['amount'])}万元”，而具体情况各项（合计等于支出总额"
            f"{printed(total.amount)}万元）中没有一项属于这一类。",
            c["name"],
            "具体情况中没有此类",
            [Quote(c["quote"], c["page"])],
        )


# --- 情况说明: 政府采购 and 基本支出 sentences ------------------------------------------------------

_N = rf"(\d[\d,]*(?:\.\d+)?)\s*{WAN}"
# "货物采购金额", "政府采购货物支出", "货物类采购", "货物采购", "货物"
_KIND = r"(?:政府采购)?(货物|工程|服务)(?:类)?(?:采购)?(?:支出|金额)?(?:为)?\s*"
_BETWEEN_KINDS = r"\s*(?:[、，,；;]\s*(?:和|及)?|和|及)\s*"  # "……、工程……和服务……"
_PROCUREMENT = re.compile(
    r"政府采购(?:合同)?(?:支出总额|金额|支出)(?:[(（]以合同签订为准[)）])?(?:为|共计|合计)?\s*"
    + _N
    + r"\s*[，,]\s*其中[:：，,]?\s*"
    + _KIND
    + _N
    + _BETWEEN_KINDS
    + _KIND
    + _N
    + _BETWEEN_KINDS
    + _KIND
    + _N
)  # the three parts in any order ("其中：服务采购……、货物采购……、工程采购……")
_PROCURED = ("货物", "工程", "服务")
# …or the three named first, then their amounts: "政府采购支出总额251.25万元，货物、工程、服务采购金额分别为4.79万元、0万元、
# 246.47万元"
_PROCUREMENT_LISTED = re.compile(
    r"政府采购(?:合同)?(?:支出总额|金额|支出)(?:[(（]以合同签订为准[)）])?(?:为|共计|合计)?\s*"
    + _N
    + r"\s*(?:[(（]以合同签订为准[)）])?\s*[，,]\s*(?:其中[:：，,]?\s*)?(货物|工程|服务)(?:类)?[、和及]\s*(货物|工程|服务)(?:类)?"
    r"[、和及]\s*(货物|工程|服务)(?:类)?(?:采购)?(?:支出|金额)?分别(?:为|是)\s*"
    + _N
    + r"\s*[、，,和及]\s*"
    + _N
    + r"\s*[、，,和及]\s*"
    + _N
)


def _procured_listed(m: re.Match[str]) -> list[str | None] | None:
    total, *kinds_and_amounts = m.groups()
    kinds, amounts = kinds_and_amounts[:3], kinds_and_amounts[3:]
    if sorted(kinds) != sorted(_PROCURED):
        return None
    return [total, *(amounts[kinds.index(k)] for k in _PROCURED)]


def _procured(m: re.Match[str]) -> list[str | None] | None:
    """The total and the 货物, 工程, 服务 amounts, whatever order the sentence lists them in."""
    total, *pairs = m.groups()
    kinds, amounts = pairs[0::2], pairs[1::2]
    if sorted(kinds) != sorted(_PROCURED):
        return None
    return [total, *(amounts[kinds.index(k)] for k in _PROCURED)]


def _sentence_sum(
    report: Report,
    pattern: re.Pattern[str],
    rule_id: str,
    label: str,
    part_labels: Sequence[str],
    read: Callable[[re.Match[str]], Sequence[str | None] | None] = lambda m: m.groups(),
) -> Iterator[Finding | None]:
    from generator.extract.narrative import section_of
    from generator.normalize import parse_amount

    doc = report.document
    if doc is None:
        return
    sections = section_of(doc)
    for pos, block in enumerate(doc.blocks):
        if block.table is not None:
            continue
        for m in pattern.finditer(block.text):
            figures = read(m)
            if figures is None:
                continue  # not the parts this sum is made of ("服务采购……、服务采购……": one kind named twice)
            read_out = [parse_amount(g) if g is not None else None for g in figures]
            values = [v for v in read_out if v is not None]
            if len(values) != len(read_out):
                continue
            total, parts = values[0], values[1:]
            quote = Quote(m.group(0), block.page_at(m.start()), sections[pos] or None, block=block)
            yield check_sum(
                rule_id, f"情况说明 {label} {total}", label, total,  # type: ignore[arg-type]
                list(zip(part_labels, parts)), [quote], "情况说明",
            )  # fmt: skip


@rule(
    "sum.procurement",
    title="政府采购总额与货物、工程、服务之和不符",
    explanation=(
        "情况说明写“政府采购支出总额（或政府采购金额）X万元，其中：货物……、工程……、服务……”（或“货物、工程、服务采购金额"
        "分别为……”；各项也可写作“货物类采购”“货物……”，最后一项前可用“和”“及”）时，"
        "货物、工程、服务三类采购之和应等于总额。"
    ),
    formula="政府采购总额 = 货物采购 + 工程采购 + 服务采购",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0；印为“0”的分项是没有，不计误差）；超出为错误，范围内的非零差额记为提示",
    example="政府采购金额251.25万元，而货物4.79 + 工程0 + 服务246.47 = 251.26万元（尾数差0.01）",
)
def procurement(report: Report) -> Iterable[Finding]:
    parts = ["货物采购", "工程采购", "服务采购"]
    return _keep(
        [
            *_sentence_sum(report, _PROCUREMENT, "sum.procurement", "政府采购总额", parts, _procured),
            *_sentence_sum(
                report, _PROCUREMENT_LISTED, "sum.procurement", "政府采购总额", parts, _procured_listed
            ),
        ]
    )


_BASIC_SPLIT = re.compile(
    r"(?<!拨款)基本支出(?:决算)?(?:为|共计|合计)?\s*"
    + _N
    + r"\s*[，,]\s*其中[:：，,]?\s*人员经费(?:为|支出)?\s*"
    + _N
    + r"\s*[，,、]\s*(?:日常)?公用经费(?:为|支出)?\s*"
    + _N
)


@rule(
    "sum.basic_split_total",
    title="基本支出与人员经费、公用经费之和不符（情况说明）",
    explanation=(
        "情况说明中“基本支出X万元，其中：人员经费A万元，公用经费B万元”一句（不限于财政拨款基本支出），"
        "人员经费与公用经费之和应等于基本支出。"
    ),
    formula="基本支出 = 人员经费 + 公用经费",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="基本支出738.08万元 = 人员经费650.14万元 + 日常公用经费87.94万元",
)
def basic_split_total(report: Report) -> Iterable[Finding]:
    return _keep(
        _sentence_sum(report, _BASIC_SPLIT, "sum.basic_split_total", "基本支出", ["人员经费", "公用经费"])
    )
