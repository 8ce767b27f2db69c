"""table_table.* (one statutory table against another) and text_table.* (the 情况说明 against the tables).

The same figure printed in two places should be identical. A 0.01 difference between two
two-decimal statements is what rounding of the underlying yuan amounts can produce (info); a
larger one is an error. Blank cells count as 0, as the templates leave zero cells blank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import chain

from generator.checks import make_finding, of_another_year, per_report, rule, running_with
from generator.checks.sums import (
    SANGONG_ITEMS,
    Line,
    _keep,
    bare,
    check_same,
    check_sum,
    find_entry,
    is_class_line,
    is_income_source,
    lines,
    printed,
    sangong,
    statutory,
    table_entries,
    table_name,
    total_column,
    total_line,
)
from generator.checks.tolerance import fmt, half_unit, sum_differs
from generator.extract.claims import FUNCTIONAL_CLASSES, ITEM_OPENS, sentence_begin
from generator.extract.narrative import WAN, section_of
from generator.extract.tables import Entry
from generator.model import Block, Finding, Quote, Report
from generator.normalize import parse_amount

_TOL = (
    "同一数字两处列示应完全相同；差额不超过两数各自半个末位单位之和（都印到两位小数时为0.01万元，各自舍入所致）记为提示，"
    "超过为错误；一处印得较粗（“236.6”对“236.64”）时同理，按较粗一方的精度舍入后相同即只是尾数差异"
)


def _classes(ls: list[Line]) -> dict[str, Line]:
    return {ln.name: ln for ln in ls if ln.code and len(ln.code) == 3}


def _q(*items: Entry | Line | None) -> list[Quote]:
    return [i.quote for i in items if i is not None]


def _first(e: Entry | None) -> Decimal | None:
    return e.first() if e is not None else None


# --- table against table ------------------------------------------------------------------------

_INCOME_COLUMNS = [
    ("上级补助收入", "上级补助收入"),
    ("事业收入", "事业收入"),
    ("经营收入", "经营收入"),
    ("附属单位上缴收入", "附属单位上缴收入"),
    ("其他收入", "其他收入"),
]


@rule(
    "table_table.income",
    title="收入支出决算总表与收入决算表的收入数不一致",
    explanation=(
        "收入支出决算总表左栏列出的本年收入合计和各项收入，与收入决算表“合计”行对应各栏是同一组数字，应完全一致。"
        "其中总表的一般公共预算、政府性基金预算、国有资本经营预算三项财政拨款收入之和对应收入决算表的“财政拨款收入”栏。"
    ),
    formula="公开01表 本年收入合计 = 公开02表 合计行 本年收入合计；公开01表 各财政拨款收入之和 = 公开02表 财政拨款收入；其余各项收入逐项相等",
    tolerance=_TOL,
    example="公开01表 本年收入合计2,946.25万元，公开02表 合计行 本年收入合计2,946.25万元",
)
def income_01_02(report: Report) -> Iterable[Finding]:
    es = table_entries(report, "公开01表")
    total = total_line(lines(report, "公开02表"))
    if not es or total is None:
        return []
    a, b = table_name("公开01表"), table_name("公开02表")
    this_year = find_entry(es, "本年收入合计")
    out = [
        check_same(
            "table_table.income", "01↔02 本年收入合计", f"{a}本年收入合计", _first(this_year),
            f"{b}合计行本年收入合计", total.get("本年收入合计"), _q(this_year, total),
        )
        if total.column("本年收入合计") and this_year
        else None
    ]  # fmt: skip
    fiscal = [e for e in es if is_income_source(e.name) and "财政拨款" in e.name]
    if fiscal and total.column("财政拨款收入"):
        amounts = [a for a in (e.first() for e in fiscal) if a is not None]
        summed = sum(amounts, Decimal(0)) if amounts else None
        out.append(
            check_same(
                "table_table.income", "01↔02 财政拨款收入", f"{a}财政拨款收入（三类财政拨款之和）", summed,
                f"{b}合计行财政拨款收入", total.get("财政拨款收入"), _q(*[e for e in fiscal if e.first() is not None], total),
            )
        )  # fmt: skip
    for label, col in _INCOME_COLUMNS:
        e = find_entry(es, label)
        if e is None or not total.column(col):
            continue
        out.append(
            check_same(
                "table_table.income", f"01↔02 {label}", f"{a}{label}", e.first(), f"{b}合计行{col}", total.get(col),
                _q(e, total),
            )
        )  # fmt: skip
    return _keep(out)


@rule(
    "table_table.expenditure",
    title="收入支出决算总表与支出决算表的支出数不一致",
    explanation=(
        "收入支出决算总表右栏的本年支出合计和各功能分类（类）支出，与支出决算表“合计”行及各“类”行的本年支出合计"
        "是同一组数字（两表都包含全部资金来源），应完全一致。"
    ),
    formula="公开01表 本年支出合计 = 公开03表 合计行；公开01表 各类支出 = 公开03表 对应类行（本年支出合计栏）",
    tolerance=_TOL,
    example="公开01表 社会保障和就业支出326.71万元，公开03表 208 社会保障和就业支出326.72万元：相差0.01万元",
)
def expenditure_01_03(report: Report) -> Iterable[Finding]:
    es = table_entries(report, "公开01表")
    ls = lines(report, "公开03表")
    total = total_line(ls)
    if not es or total is None:
        return []
    a, b = table_name("公开01表"), table_name("公开03表")
    col = total.column("本年支出合计")
    this_year = find_entry(es, "本年支出合计")
    if col is None:
        return []  # no column of that name or another it goes by
    out = [
        check_same(
            "table_table.expenditure", "01↔03 本年支出合计", f"{a}本年支出合计", _first(this_year),
            f"{b}合计行本年支出合计", total.get(col), _q(this_year, total),
        )
        if this_year
        else None  # a line of another name: not read as this figure
    ]  # fmt: skip
    out.extend(_class_pairs("table_table.expenditure", "01↔03", es, 0, a, _classes(ls), col, b))
    return _keep(out)


def _class_pairs(
    rule_id: str, pair: str, es: list[Entry], col_a: int, a: str, classes: dict[str, Line], col_b: str, b: str
) -> list[Finding | None]:
    out: list[Finding | None] = []
    seen: set[str] = set()
    for e in es:
        if not is_class_line(e.name):
            continue
        name = bare(e.name)
        seen.add(name)
        line = classes.get(name)
        amount = e.at(col_a)
        if line is None and amount is None:
            continue
        out.append(
            check_same(
                rule_id, f"{pair} {name}", f"{a}{name}", amount,
                f"{b}{(line.code or '') + ' ' if line else ''}{name}", line.get(col_b) if line else None, _q(e, line),
            )
        )  # fmt: skip
    for name, line in classes.items():
        if seen and name not in seen and line.get(col_b):
            # (a summary table with no class line read at all — its expenditure side printed as a table of its own,
            # untitled — says nothing of any class)
            # a class with an amount in the detailed table but no line at all in the summary table
            out.append(
                check_same(
                    rule_id,
                    f"{pair} {name}",
                    f"{a}{name}",
                    None,
                    f"{b}{line.code} {name}",
                    line.get(col_b),
                    _q(line),
                )
            )
    return out


def _fund_columns_as_printed(report: Report) -> bool:
    """公开04表's expenditure columns in the template's order (合计, 一般公共预算, 政府性基金, 国有资本经营), which
    its lines' amounts are read by; a table printing them in another order (合计 last) is not compared by position."""
    st = statutory(report).get("公开04表")
    if st is None:
        return True
    names = st.header()
    at = [
        next((i for i, n in enumerate(names) if n.split("/")[-1].startswith(kind)), None)
        for kind in ("合计", "一般公共预算", "政府性基金", "国有资本经营")
    ]
    found = [i for i in at if i is not None]
    return found == sorted(found) and (at[0] is None or at[0] == min(found))


@rule(
    "table_table.gpb",
    title="财政拨款收入支出决算总表与一般公共预算财政拨款支出决算表不一致",
    explanation=(
        "财政拨款收入支出决算总表“一般公共预算财政拨款”栏的本年支出合计和各类支出，与一般公共预算财政拨款支出决算表"
        "的合计行和各“类”行是同一组数字，应完全一致。"
    ),
    formula="公开04表 一般公共预算财政拨款栏（本年支出合计、各类）= 公开05表 合计行、各类行（合计栏）",
    tolerance=_TOL,
    example="公开04表 卫生健康支出236.63万元，公开05表 210 卫生健康支出236.64万元：相差0.01万元",
)
def gpb_04_05(report: Report) -> Iterable[Finding]:
    es = table_entries(report, "公开04表")
    ls = lines(report, "公开05表")
    total = total_line(ls)
    if not es or total is None or not _fund_columns_as_printed(report):
        return []
    columns = list(report.tables["公开05表"]["columns"])
    col = total_column(columns)
    a, b = table_name("公开04表"), table_name("公开05表")
    this_year = find_entry(es, "本年支出合计")
    out = [
        check_same(
            "table_table.gpb", "04↔05 本年支出合计", f"{a}本年支出合计（一般公共预算财政拨款栏）",
            this_year.at(1), f"{b}合计行", total.get(col), _q(this_year, total),
        )
        if this_year is not None
        else None  # no such line read (the expenditure side printed as a table of its own)
    ]  # fmt: skip
    out.extend(_class_pairs("table_table.gpb", "04↔05", es, 1, a, _classes(ls), col, b))
    return _keep(out)


@rule(
    "table_table.funds",
    title="财政拨款收入支出决算总表与政府性基金、国有资本经营预算财政拨款表不一致",
    explanation=(
        "财政拨款收入支出决算总表（公开04表）分栏列出政府性基金预算、国有资本经营预算财政拨款的本年收入和各类支出，"
        "政府性基金预算财政拨款收入支出决算表（公开07表）、国有资本经营预算财政拨款支出决算表（公开08表）的合计行和"
        "各“类”行是同一组数字，应完全一致；一边空白（即0）另一边有数，也是不一致。年初、年末结转和结余各地格式不一，"
        "不比较。"
    ),
    formula=(
        "公开04表 政府性基金预算财政拨款（本年收入）= 公开07表 合计行本年收入；公开04表 本年支出合计、各类支出"
        "（政府性基金预算财政拨款栏）= 公开07表 合计行、各类行本年支出；国有资本经营预算与公开08表同"
    ),
    tolerance=_TOL,
    example="公开04表 政府性基金预算财政拨款本年收入100.00万元，而公开07表合计行本年收入为空白（即0）",
)
def funds_04_07_08(report: Report) -> Iterable[Finding]:
    es = table_entries(report, "公开04表")
    year_in, year_out = find_entry(es, "本年收入合计"), find_entry(es, "本年支出合计")
    if year_out is None or len(year_out.amounts) < 4 or not _fund_columns_as_printed(report):
        return []  # no 04 with a column per fund: nothing to hold the other tables against
    a = table_name("公开04表")
    out: list[Finding | None] = []
    for kind, key, at in (("政府性基金", "公开07表", 2), ("国有资本经营", "公开08表", 3)):
        t = report.tables.get(key)
        if not t:
            continue
        ls = lines(report, key)
        total = total_line(ls)
        if total is None and ls:
            continue  # figures without a 合计 line: the classes may be read, the totals not
        b = table_name(key)
        shown = _q(total) if total is not None else _blank_total(report, key)
        spent = next((c for c in t["columns"] if c.startswith("本年支出")), None)
        income = next(
            (
                e
                for e in es
                if bare(e.name) == f"{kind}预算财政拨款" and (year_in is None or e.row < year_in.row)
            ),
            None,
        )
        if income is not None and "本年收入" in t["columns"]:
            out.append(
                check_same(
                    "table_table.funds", f"04↔{key[2:4]} 本年收入", f"{a}{kind}预算财政拨款（本年收入）",
                    income.first(), f"{b}合计行本年收入", total.get("本年收入") if total else None,
                    [*_q(income), *shown],
                )
            )  # fmt: skip
        if spent is None:
            continue
        out.append(
            check_same(
                "table_table.funds", f"04↔{key[2:4]} 本年支出合计", f"{a}本年支出合计（{kind}预算财政拨款栏）",
                year_out.at(at), f"{b}合计行本年支出", total.get(spent) if total else None, [*_q(year_out), *shown],
            )
        )  # fmt: skip
        out.extend(_class_pairs("table_table.funds", f"04↔{key[2:4]}", es, at, a, _classes(ls), spent, b))
    return _keep(out)


def _blank_total(report: Report, key: str) -> list[Quote]:
    """The row of a statutory table printed without a figure that a message quotes: its 合计 row, or its first."""
    st = statutory(report).get(key)
    if st is None or not st.rows:
        return []
    row = next((r for r in st.rows if r.text.strip().startswith("合计")), st.rows[0])
    return [Quote(row.text, row.page, table=st.label)]


@rule(
    "table_table.fiscal_income",
    title="两张总表的财政拨款收入不一致",
    explanation="收入支出决算总表与财政拨款收入支出决算总表列示的一般公共预算、政府性基金预算、国有资本经营预算财政拨款本年收入是同一组数字，应完全一致。",
    formula="公开01表 一般公共预算财政拨款收入 = 公开04表 一般公共预算财政拨款（本年收入），其余两类同",
    tolerance=_TOL,
    example="公开01表 一般公共预算财政拨款收入2,940.05万元 = 公开04表 一般公共预算财政拨款2,940.05万元",
)
def fiscal_01_04(report: Report) -> Iterable[Finding]:
    e1, e4 = table_entries(report, "公开01表"), table_entries(report, "公开04表")
    if not e1 or not e4:
        return []
    a, b = table_name("公开01表"), table_name("公开04表")
    year4 = find_entry(e4, "本年收入合计")
    out: list[Finding | None] = []
    for kind in ("一般公共预算", "政府性基金预算", "国有资本经营预算"):
        x = find_entry(e1, f"{kind}财政拨款收入")
        y = next(
            (e for e in e4 if bare(e.name) == f"{kind}财政拨款" and (year4 is None or e.row < year4.row)),
            None,
        )
        if x is None or y is None:
            continue
        out.append(
            check_same(
                "table_table.fiscal_income", f"01↔04 {kind}", f"{a}{kind}财政拨款收入", x.first(),
                f"{b}{kind}财政拨款（本年收入）", y.first(), _q(x, y),
            )
        )  # fmt: skip
    return _keep(out)


@rule(
    "table_table.basic",
    title="基本支出与人员经费、公用经费合计不一致",
    explanation=(
        "一般公共预算财政拨款基本支出决算表的人员经费合计与公用经费合计之和，就是一般公共预算财政拨款支出决算表"
        "合计行的基本支出，两表应一致。"
    ),
    formula="公开05表 合计行 基本支出 = 公开06表 人员经费合计 + 公用经费合计",
    tolerance="两数相加最多产生0.015万元的舍入差：超出为错误，范围内的非零差额记为提示",
    example="公开05表 基本支出105.58万元，而公开06表 人员经费合计95.36万元 + 公用经费合计10.23万元 = 105.59万元",
)
def basic_05_06(report: Report) -> Iterable[Finding]:
    from generator.checks.sums import check_sum, economic_totals

    total = total_line(lines(report, "公开05表"))
    totals = economic_totals(report, table_entries(report, "公开06表"))
    if total is None or len(totals) < 2:
        return []
    (staff, staff_quote), (public, public_quote) = totals["人员经费合计"], totals["公用经费合计"]
    f = check_sum(
        "table_table.basic",
        "05↔06 基本支出",
        f"{table_name('公开05表')}合计行基本支出",
        total.get("基本支出"),
        [(f"{table_name('公开06表')}人员经费合计", staff), ("公用经费合计", public)],
        [total.quote, staff_quote, public_quote],
    )
    return _keep([f])


# 公开06表's economic items that are “三公” spending (政府支出经济分类: 30212, 30217, 30231; 公务用车购置 under 310, and
# under 309 where a report lists the 基本建设 class), each with the 公开09表 column it is part of
_SANGONG_ECONOMIC = (
    (("30212",), "因公出国（境）费"),
    (("30217",), "公务接待费"),
    (("30231",), "公务用车运行维护费"),
    (("31013", "30913"), "公务用车购置费"),
)
_CAR = "公务用车购置及运行维护费"


@rule(
    "table_table.sangong_basic",
    title="基本支出中的“三公”科目多于“三公”经费决算数",
    explanation=(
        "一般公共预算财政拨款基本支出决算表按经济分类列出因公出国（境）费用（30212）、公务接待费（30217）、公务用车运行"
        "维护费（30231）和公务用车购置（31013，或基本建设类的30913）：这是“三公”经费中由一般公共预算财政拨款基本支出负担的"
        "部分。财政拨款“三公”经费支出决算表的决算数还包括项目支出和政府性基金安排的部分，只会更多，不能更少。决算数空白"
        "即为0。“三公”表只列公务用车购置及运行维护费一栏时，两个公务用车科目之和与这一栏比较。"
    ),
    formula="公开06表 30212 ≤ 公开09表 因公出国（境）费决算数；30217 ≤ 公务接待费决算数；30231 ≤ 公务用车运行维护费决算数；"
    "31013 + 30913 ≤ 公务用车购置费决算数",
    tolerance="两表各自舍入：基本支出科目比“三公”经费决算数多出两数印出精度的一个末位单位（两位小数时0.01万元）以上才报告",
    example="公开06表 30217 公务接待费0.39万元，公开09表 公务接待费决算数0.39万元（一致）",
    expected_label="“三公”表",
)
def sangong_basic(report: Report) -> Iterable[Finding]:
    s = sangong(report)
    if s is None or not s.final:
        return  # no 公开09表, or its data row not found: nothing to hold the basic items against
    by_code = {e.code: e for e in table_entries(report, "公开06表") if e.code}
    specs = list(_SANGONG_ECONOMIC)
    car_parts = ("公务用车运行维护费", "公务用车购置费")
    if all(s.final.get(i) is None for i in car_parts) and s.final.get(_CAR) is not None:
        # the table fills only the 公务用车 subtotal: both car items against it
        specs = [(codes, i) for codes, i in specs if i not in car_parts]
        specs.append((tuple(c for codes, i in _SANGONG_ECONOMIC if i in car_parts for c in codes), _CAR))
    t06, t09 = table_name("公开06表"), table_name("公开09表")
    for codes, item in specs:
        held = [(e, a) for c in codes if (e := by_code.get(c)) and (a := e.first())]
        if not held:
            continue
        part = sum((a for _, a in held), Decimal(0))
        total = s.final.get(item)
        if part <= (total or Decimal(0)) + 2 * half_unit(part, *([total] if total is not None else [])):
            continue
        named = " + ".join(f"{e.code} {e.name}{printed(a)}万元" for e, a in held)
        there = f"{item}决算数为{printed(total)}万元" if total is not None else f"{item}决算数为空白（即0）"
        yield make_finding(
            "table_table.sangong_basic", "error", f"06⊆09 {item}",
            f"{t06}中{named}，而{t09}{there}：基本支出中的这一科目是“三公”经费{item}的一部分（“三公”经费还包括项目支出），"
            f"“三公”经费决算数不能少于它。",
            printed(part), f"不超过{printed(total) if total is not None else '0'}",
            [*(e.quote for e, _ in held), s.quote],
        )  # fmt: skip


# the tables that list spending or income by 功能分类 科目, each line with its code and name
_CODED = ("公开02表", "公开03表", "公开05表", "公开07表", "公开08表")


@rule(
    "table_table.items",
    title="同一科目在各表中的编码、名称或金额不一致",
    explanation=(
        "收入决算表、支出决算表、一般公共预算财政拨款支出决算表（以及政府性基金、国有资本经营预算表）都按功能分类科目"
        "逐行列出编码和名称。同一个编码在每张表里是同一个科目，名称必须相同；同一款下同一个名称也只能有一个编码。"
        "一般公共预算财政拨款支出是全部支出的一部分：财政拨款支出决算表里有数的每一行，支出决算表里必须有同一编码的行，"
        "且本年支出合计（基本支出、项目支出亦然）不小于前者。"
    ),
    formula="编码相同 ⇒ 名称相同；同款下名称相同 ⇒ 编码相同；公开05表[编码] ≤ 公开03表[编码]（合计、基本支出、项目支出）",
    tolerance="名称去掉空格后比较；金额两表各自舍入，超出两数印出精度的一个末位单位（两位小数时0.01万元）才报告",
    example="公开02表、公开05表写2010607 信息化建设，公开03表同一编码却写财政委托业务支出",
    expected_label="其他表中",
)
def items(report: Report) -> Iterable[Finding]:
    tables = {key: [ln for ln in lines(report, key) if ln.code] for key in _CODED}
    tables = {key: ls for key, ls in tables.items() if ls}
    if len(tables) < 2:
        return
    odd = _odd_lines(tables)
    for ln, right_name, right_code, others in odd.values():
        said = f"{ln.code} {ln.name}"
        facts = []
        if right_name is not None:
            facts.append(f"编码{ln.code}在其他表中是“{right_name}”")
        if right_code is not None:
            facts.append(f"“{ln.name}”在其他表中的编码是{right_code}")
        fixes = [f"{ln.code} {right_name}"] if right_name else []
        fixes += [f"{right_code} {ln.name}"] if right_code else []
        should = "或".join(fixes)
        yield make_finding(
            "table_table.items", "error", f"{_table_of(ln)} {said}",
            f"{_table_of(ln)}写“{said}”，而{'；'.join(facts)}：同一科目在各表中的编码和名称应相同。",
            said, should, [ln.quote, *others],
        )  # fmt: skip
    if "公开03表" in tables and "公开05表" in tables:
        skip = {ln.code for ln, *_ in odd.values()} | {c for _, _, c, _ in odd.values() if c}
        yield from _gpb_within_all(report, tables["公开05表"], tables["公开03表"], skip)


def _odd_lines(tables: dict[str, list[Line]]) -> dict[int, tuple[Line, str | None, str | None, list[Quote]]]:
    """The lines whose name another table gives another code to, or whose code another table names otherwise:
    id(line) → (line, the name its code has elsewhere, the code its name has elsewhere, those lines' quotes). Where the
    tables disagree two against one, the one is the odd line; two tables that disagree are both shown, the later
    one (支出 after 收入, 05 after 03) as the odd one."""
    by_code: dict[str, dict[str, list[Line]]] = {}
    by_name: dict[tuple[str, str], dict[str, list[Line]]] = {}
    for ls in tables.values():
        for ln in ls:
            name = re.sub(r"\s+", "", ln.name)
            by_code.setdefault(ln.code or "", {}).setdefault(name, []).append(ln)
            if ln.code and len(ln.code) == 7:  # a 项 under its 款; 行政运行 is a 项 of many 款
                by_name.setdefault((ln.code[:5], name), {}).setdefault(ln.code, []).append(ln)
    odd: dict[int, tuple[Line, str | None, str | None, list[Quote]]] = {}

    def minority(groups: dict[str, list[Line]]) -> Iterator[tuple[str, list[Line], Line]]:
        ranked = sorted(groups.items(), key=lambda kv: -len(kv[1]))  # stable: first seen wins a tie
        right, right_lines = ranked[0]
        for _, wrong_lines in ranked[1:]:
            for ln in wrong_lines:
                yield right, right_lines, ln

    for groups in by_code.values():
        if len(groups) > 1:
            for right, right_lines, ln in minority(groups):
                _, _, code, quotes = odd.get(id(ln), (ln, None, None, []))
                odd[id(ln)] = (ln, right, code, quotes + [x.quote for x in right_lines[:1]])
    for groups in by_name.values():
        if len(groups) > 1:
            for right, right_lines, ln in minority(groups):
                _, named, _, quotes = odd.get(id(ln), (ln, None, None, []))
                odd[id(ln)] = (ln, named, right, quotes + [x.quote for x in right_lines[:1]])
    return odd


def _table_of(ln: Line) -> str:
    return (ln.quote.table or "").split(" ")[0] or "表"


def _gpb_within_all(
    report: Report, gpb: list[Line], whole: list[Line], skip: set[str | None]
) -> Iterator[Finding]:
    """Each 公开05表 line with money is in 公开03表 under the same code, with at least as much in each column."""
    col5 = list(report.tables["公开05表"]["columns"])
    col3 = list(report.tables["公开03表"]["columns"])
    pairs = [(total_column(col5), total_column(col3))] if col5 and col3 else []
    pairs += [(c, c) for c in ("基本支出", "项目支出") if c in col5 and c in col3]
    in_03 = {ln.code: ln for ln in whole}
    for ln in gpb:
        if ln.code in skip:
            continue  # its code or name is already reported as written otherwise
        other = in_03.get(ln.code)
        for c5, c3 in pairs:
            part = ln.get(c5)
            if not part:
                continue
            total = other.get(c3) if other else None
            if total is not None and part <= total + 2 * half_unit(part, total):
                continue  # each printed to its precision: 05 may show up to one unit more than 03
            there = (
                f"同一科目的{c3}为{printed(total)}万元"
                if total is not None
                else f"同一科目的{c3}为空白"
                if other
                else "没有这一科目"
            )
            yield make_finding(
                "table_table.items", "error", f"05⊆03 {ln.code} {c3}",
                f"{table_name('公开05表')}{ln.code} {ln.name}的{c5}为{printed(part)}万元，而{table_name('公开03表')}"
                f"{there}：一般公共预算财政拨款支出是全部支出的一部分，不能多于全部支出。",
                printed(part), f"不超过{printed(total) if total is not None else '0'}",
                [ln.quote, *([other.quote] if other else [])],
            )  # fmt: skip


# --- narrative against tables -----------------------------------------------------------------------

_METRIC_LABELS = {
    "income_total": "收入总计",
    "income_this_year": "本年收入合计",
    "income_fiscal": "财政拨款收入",
    "income_other": "其他收入",
    "carryover_begin": "年初结转和结余",
    "expenditure_total": "支出总计",
    "expenditure_this_year": "本年支出合计",
    "expenditure_basic": "基本支出",
    "expenditure_project": "项目支出",
    "carryover_end": "年末结转和结余",
    "fiscal_total": "财政拨款收入支出总计",
    "fiscal_expenditure": "本年财政拨款支出",
    "gpb_expenditure": "一般公共预算财政拨款支出",
    "gpb_basic": "一般公共预算财政拨款基本支出",
    "gpb_basic_personnel": "人员经费",
    "gpb_basic_public": "公用经费",
}


@rule(
    "text_table.metric",
    title="情况说明中的数字与报表不一致",
    explanation=(
        "情况说明复述报表中的总数（收入支出总计、本年收入合计、基本支出、财政拨款收入支出总计、一般公共预算财政拨款"
        "基本支出、人员经费、公用经费等），所述数字应与对应报表中的数字一致。"
    ),
    formula="情况说明所述金额 = 对应报表中的金额",
    tolerance="按较粗的一方的打印精度比较：两位小数时相差0.01万元记为提示，超过为错误",
    example="情况说明称财政拨款收入支出总计0.3万元，而公开04表总计为2,961.68万元",
)
def metric(report: Report) -> Iterable[Finding]:
    out: list[Finding | None] = []
    done: list[tuple[Quote, Decimal, Decimal]] = []
    for key, label in _METRIC_LABELS.items():
        said, table = report.narrative.get(key), report.metrics.get(key)
        if said is None or table is None or table.kind != "table":
            continue
        # one statement of two totals ("收入支出总计0万元": 收入总计 and, inside it, 支出总计) against one table figure:
        # one finding
        if any(
            q.page == said.quote.page
            and said.quote.quote in q.quote
            and a == said.amount
            and t == table.amount
            for q, a, t in done
        ):
            continue
        done.append((said.quote, said.amount, table.amount))
        where = table.quote.table or "报表"
        if key == "income_total" and "收入支出总计" in said.quote.quote:
            label = "收入支出总计"  # the statement's own words, which the one finding of both totals quotes
        out.append(
            check_same(
                "text_table.metric", f"{key}", f"情况说明所述{label}", said.amount, f"{where}中的{label}",
                table.amount, [said.quote, table.quote], blank_is_zero=False,
            )
        )  # fmt: skip
    return _keep(out)


# The two funds a unit often has none of, and the table that shows them.
_OTHER_FUNDS = {"政府性基金": "公开07表", "国有资本经营": "公开08表"}
_FUND_NAME = re.compile("|".join(_OTHER_FUNDS))
# The unit saying it has none: "本单位本年度无政府性基金预算财政拨款收入、支出及结转和结余", "××局本年度没有
# 国有资本经营预算财政拨款收入和支出，故本表无数据", "2023年度本单位无政府性基金收支", "注：××局无政府性基金预算财政
# 拨款支出". Not the template's instruction "无政府性基金预算财政拨款收入支出的，仍保留该表格式……".
_FUND_NONE = re.compile(
    r"(?:无|没有)(?:使用)?(?P<fund>政府性基金|国有资本经营)(?:预算)?(?:财政)?(?:拨款)?"
    r"(?P<what>(?>收入[、和及与]?\s*支出|收支|收入|支出))(?!的)"
)  # atomic: "……收入支出的，" must not be read as "……收入" once "的" rules the whole out
# One of those funds' amount of the year: "国有资本经营预算财政拨款支出19.28万元", "政府性基金预算财政拨款收入总计
# 0.00万元", "政府性基金预算经费拨款0.5万元". The amount follows its label: "……支出与上年相比，减少2.26万元" is a change.
_FUND_AMOUNT = re.compile(
    r"(?P<fund>政府性基金|国有资本经营)(?:预算)?(?:财政)?(?:经费)?拨款(?:决算)?"
    r"(?P<kind>(?:本年)?(?:收入支出|收支|收入|支出|基本支出|项目支出)(?:总计|合计)?)?(?:决算数?)?"
    rf"(?:为|是|共计|合计)?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*{WAN}"
)
# its spending after its budget: "……财政拨款支出年初预算为10210.34万元，（全年预算为……，）支出决算为9746.50万元"
_FUND_FINAL = re.compile(
    r"(?P<fund>政府性基金|国有资本经营)(?:预算)?财政拨款(?P<kind>支出)(?:年初|全年)?预算数?为?\s*\d[\d,]*(?:\.\d+)?\s*万元"
    rf"[^。；;]{{0,30}}?[，,]\s*(?:支出)?决算数?为?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*{WAN}"
)
# a rise on last year: this year's amount is at least the rise ("与2023年度相比，……支出增加1193.20万元")
_FUND_RISE = re.compile(
    r"(?P<fund>政府性基金|国有资本经营)(?:预算)?(?:财政)?拨款(?P<kind>(?:收入支出|收支|收入|支出|基本支出|项目支出))"
    rf"(?:决算数?)?(?:与上年相比|比上年|较上年)?[，,]?\s*(?:增加|增长)了?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*{WAN}"
)
# a budget, not what came in or went out: "收入预算总额为897.32万元，其中：……拨款896.82万元"
_BUDGET_CONTEXT = re.compile(r"预算总额|预算数|年初预算|全年预算|预算安排|调整预算")


def _fund_said_none(report: Report) -> dict[tuple[str, str], tuple[Quote, str]]:
    """(fund, 收入 or 支出) → where the report says in words that the unit had none of it."""
    none: dict[tuple[str, str], tuple[Quote, str]] = {}
    for _, b in running_with(report, _FUND_NAME):
        for m in _FUND_NONE.finditer(b.text):
            sides = (
                ("收入", "支出") if m["what"] == "收支" else [s for s in ("收入", "支出") if s in m["what"]]
            )
            for side in sides:
                quote = Quote(m.group(0), b.page_at(m.start()), None, block=b)
                none.setdefault((m["fund"], side), (quote, f"报告称{m.group(0)}"))
    # the fund's own section: "七、政府性基金预算财政拨款收支决算情况说明" and below it "本年度无此项收支。" (001)
    blocks = report.document.blocks if report.document else []
    for pos, head in running_with(report, _FUND_NAME):
        h = _FUND_SECTION.match(head.text.strip())
        body = next((b for b in blocks[pos + 1 :] if b.table is None and b.text.strip()), None)
        here = _NONE_HERE.match(body.text.strip()) if h and body else None
        if h and body and here:
            for side in ("收入", "支出") if here["what"] == "收支" else (here["what"],):
                quote = Quote(here.group(0), body.page_at(0), head.text.strip())
                none.setdefault(
                    (h["fund"], side), (quote, f"报告在“{head.text.strip()}”下称“{here.group(0)}”")
                )
    return none


_FUND_SECTION = re.compile(r"^[一二三四五六七八九十]+、(?P<fund>政府性基金|国有资本经营)\S{0,30}情况说明$")
_NONE_HERE = re.compile(r"^(?:本年度|本单位|本部门)?(?:无|没有)此项(?P<what>收支|收入|支出)")


def _fund_none(
    report: Report, in_words: dict[tuple[str, str], tuple[Quote, str]] | None = None
) -> dict[tuple[str, str], tuple[Quote, str]]:
    """(fund, 收入 or 支出) → where and how the report says the unit had none of it: its own statement (``in_words``,
    when already read), or the fund's statutory table printed without a figure."""
    none = dict(_fund_said_none(report) if in_words is None else in_words)
    tables = statutory(report)
    for fund, key in _OTHER_FUNDS.items():
        st = tables.get(key)
        if st is None or st.has_data() or not st.rows:
            continue
        quote = Quote(st.rows[0].text, st.rows[0].page, table=st.label)
        sides = ["支出"] + (["收入"] if any("本年收入" in c for c in st.header()) else [])
        for side in sides:
            none.setdefault((fund, side), (quote, f"{table_name(key)}没有填任何数字"))
    return none


@rule(
    "text_table.fund_absent",
    title="文中写了报告称没有的财政拨款资金",
    explanation=(
        "不少单位没有政府性基金预算或国有资本经营预算财政拨款，报告会说明“本单位本年度无政府性基金预算财政拨款收入、"
        "支出及结转和结余”，对应的公开07表、公开08表也不填数字。同一份报告的文字又写这类资金本年有收入或支出"
        "（如“政府性基金预算财政拨款支出2940.05万元”），两处必有一处不对，多半是把“一般公共预算”写成了别的资金。"
        "报告文字称没有，而公开07表或公开08表的合计行列有数字，也是两处矛盾（多半是沿用了往年没有这类资金时的说明）。"
        "写的是预算数、上年数或增减额的句子不比较（没有本年收支，也可以有上年数和减少额）。"
    ),
    formula="报告称无某类财政拨款收入（支出）⇒ 文中该类财政拨款本年收入（支出）= 0，该类资金的报表（公开07表、公开08表）合计行为0",
    tolerance="不为0即报为错误",
    example="“本单位本年度无政府性基金预算财政拨款收入、支出及结转和结余”，又写“2024年度政府性基金预算财政拨款支出"
    "610.31万元”",
    expected_label="报告另一处的说法",
)
def fund_absent(report: Report) -> Iterable[Finding]:
    doc = report.document
    named = running_with(report, _FUND_NAME)
    in_words = _fund_said_none(report) if named else {}
    none = _fund_none(report, in_words) if named else {}
    if doc is None or not none:
        return
    # the fund's own table with figures, where the words say there were none (a text kept from a year without)
    for fund, key in _OTHER_FUNDS.items():
        total = next((ln for ln in lines(report, key) if ln.name == "合计"), None)
        if total is None:
            continue
        spent = [(col, v) for col, v in total.values.items() if v]
        for side in ("支出", "收入"):
            if (fund, side) in in_words and spent:
                col, v = spent[0]
                quote, how = in_words[fund, side]
                yield make_finding(
                    "text_table.fund_absent",
                    "error",
                    f"{fund}/{side}/{key}",
                    f"{how}，而{table_name(key)}合计行的{col}为{printed(v)}万元：两处说法矛盾。",
                    f"{printed(v)}万元",
                    "0",
                    [total.quote, quote],
                )
                break
    sections: list[str] | None = None
    for pos, b in named:
        hits = chain(
            ((m, False) for m in _FUND_AMOUNT.finditer(b.text)),
            ((m, False) for m in _FUND_FINAL.finditer(b.text)),
            ((m, True) for m in _FUND_RISE.finditer(b.text)),
        )
        for m, rise in hits:
            amount = parse_amount(m["n"])
            side = "支出" if m["kind"] and "支出" in m["kind"] and "收入" not in m["kind"] else "收入"
            if (m["fund"], side) not in none or amount is None or amount == 0:
                continue
            before = b.text[sentence_begin(b.text, m.start()) : m.start()]
            if _BUDGET_CONTEXT.search(before):
                continue
            if not rise and of_another_year(report, before):
                continue  # another year's figure
            said, how = none[m["fund"], side]
            sections = sections or section_of(doc)
            why = "比上年增加，本年就不会是0" if rise else "两处说法矛盾"
            yield make_finding(
                "text_table.fund_absent",
                "error",
                f"{m['fund']}/{side}/{amount}",
                f"{how}，文中又写“{m.group(0)}”：{why}，"
                "多半是把别的资金（如一般公共预算财政拨款）写成了这一类。",
                f"{m['n']}万元",
                "0",
                [Quote(m.group(0), b.page_at(m.start()), sections[pos] or None, block=b), said],
            )


_CLASS_CLAIM = re.compile(r"^(?:\d+\.\s*)?(.+?支出)\s*[（(]类[）)]$")


@rule(
    "text_table.class_amount",
    title="情况说明中各类支出金额与报表不一致",
    explanation=(
        "情况说明“一般公共预算财政拨款支出决算结构情况”中逐类列出的金额（如“社会保障和就业支出（类）326.72万元”），"
        "应与一般公共预算财政拨款支出决算表对应“类”行的合计一致。"
    ),
    formula="情况说明所述某类支出 = 公开05表 该类行（合计栏）",
    tolerance=_TOL,
    example="情况说明卫生健康支出（类）236.63万元，公开05表 210 卫生健康支出236.64万元：相差0.01万元",
)
def class_amount(report: Report) -> Iterable[Finding]:
    ls = lines(report, "公开05表")
    if not ls:
        return []
    col = total_column(report.tables["公开05表"]["columns"])
    classes = _classes(ls)
    gpb = report.metrics.get("gpb_expenditure")
    out: list[Finding | None] = []
    for c in report.share_claims:
        label = str(c.get("label", "")).strip()
        m = _CLASS_CLAIM.match(label)
        quote = c.get("quote")
        if not isinstance(quote, Quote) or not isinstance(c.get("amount"), Decimal):
            continue
        if m:
            name = m.group(1).strip()
        elif label in FUNCTIONAL_CLASSES.values() and gpb is not None and c.get("parent") == gpb.amount:
            name = label  # "一般公共预算财政拨款支出9746.50万元，其中：社会保障和就业支出、……分别为754.75万元、……"
        else:
            continue
        line = classes.get(name)
        if line is None:
            continue
        out.append(
            check_same(
                "text_table.class_amount", f"{name}", f"情况说明所述{name}（类）", c["amount"],  # type: ignore[arg-type]
                f"{table_name('公开05表')}{line.code} {name}", line.get(col), [quote, line.quote],
            )
        )  # fmt: skip
    return _keep(out)


_ITEM_NAME = re.compile(r"([^（()）、，。；\d\s]+)\s*[（(]项[）)]")
# a section's heading on a line of its own: "七、“三公”经费财政拨款支出决算情况说明", "（一）……总体情况"
_SECTION_OPENS = re.compile(
    r"(?:^|\n)(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])[^\n]*\n"
)
# where a numbered item of the 具体情况 opens ("8、", "（8）", "8."), and a 项's code in it
_ITEM_CODE = re.compile(r"(?<!\d)(\d{7})(?!\d)")
_SEGMENT_NAME = re.compile(r"([^（()）、，。；\d\s]+)\s*[（(]款[）)]")


@rule(
    "text_table.item_amount",
    title="情况说明中项级支出决算数与报表不一致",
    explanation=(
        "情况说明“一般公共预算财政拨款支出决算具体情况”逐项写明“年初预算为X万元，支出决算为Y万元”。"
        "其中的支出决算数Y应与一般公共预算财政拨款支出决算表对应“项”行的合计一致。"
    ),
    formula="情况说明所述某项支出决算 = 公开05表 该项行（合计栏）",
    tolerance=_TOL,
    example="行政运行（项）支出决算为1511.89万元，公开05表 2010601 行政运行1,511.89万元",
)
def item_amount(report: Report) -> Iterable[Finding]:
    ls = lines(report, "公开05表")
    if not ls or report.document is None:
        return []
    col = total_column(report.tables["公开05表"]["columns"])
    text = report.document.text
    items = [ln for ln in ls if ln.code and len(ln.code) == 7]
    by_code = {ln.code: ln for ln in ls if ln.code}
    out: list[Finding | None] = []
    for claim in report.budget_claims:
        quote = claim.get("quote")
        final = claim.get("final")
        if not isinstance(quote, Quote) or not isinstance(final, Decimal):
            continue
        at = text.find(quote.quote)
        if at < 0:
            continue
        head = text[max(0, at - 160) : at]
        if section := list(_SECTION_OPENS.finditer(head)):
            # not across a section's heading: "七、“三公”经费……说明" right after 五's last item ("……购房补贴（项）……")
            head = head[section[-1].end() :]
        if opened := list(ITEM_OPENS.finditer(head)):
            head = head[opened[-1].start() :]  # this numbered item's own words, not the one before it
        code = _ITEM_CODE.search(head)
        if code and code.group(1) in by_code:  # "8、行政运行（2120101）。", "8、2120101行政运行。"
            name, hits = by_code[code.group(1)].name, [by_code[code.group(1)]]
        elif names := _ITEM_NAME.findall(head):
            name = names[-1]
            hits = [ln for ln in items if ln.name == name]
        else:
            continue
        if len(hits) > 1:
            segments = _SEGMENT_NAME.findall(head)
            hits = [h for h in hits if segments and by_code.get((h.code or "")[:5], h).name == segments[-1]]
        if len(hits) != 1:
            continue
        line = hits[0]
        out.append(
            check_same(
                "text_table.item_amount", f"{line.code} {final}", f"情况说明所述{name}（项）支出决算", final,
                f"{table_name('公开05表')}{line.code} {name}", line.get(col), [quote, line.quote],
            )
        )  # fmt: skip
    return _keep(out)


_SANGONG_KEYS = {
    "sangong_total": "合计",
    "sangong_abroad": "因公出国（境）费",
    "sangong_vehicle_purchase": "公务用车购置费",
    "sangong_vehicle_operation": "公务用车运行维护费",
    "sangong_reception": "公务接待费",
}


# "主要原因是：本单位无公务用车购置费", "开支内容包括本部门无公务接待费", "本单位无公务用车购置项目支出"
_SANGONG_NONE = re.compile(
    r"(?:无|没有)(?:发生)?(?P<part>因公出国[（(]境[）)]费用?|公务用车购置(?:费|项目)?|公务用车运行维护费|公务接待费)"
    r"(?![^，,。；;]{0,3}?(?:超标|超预算|超范围|超支|超出|浪费|违规|违反|问题))"  # "无公务接待费超标准列支": not "无公务接待费"
)
_SANGONG_PART = {
    "因公出国": "因公出国（境）费",
    "公务用车购置": "公务用车购置费",
    "公务用车运行": "公务用车运行维护费",
}


@rule(
    "text_table.sangong_absent",
    title="称没有的“三公”经费项目却有决算数",
    explanation=(
        "“三公”经费说明常在某一项为0时写明原因：“本单位无因公出国（境）费”“本部门无公务接待费”。同一份报告中这一项"
        "的决算数（财政拨款“三公”经费支出决算表，或情况说明所写的本年支出）却不为0，两处必有一处不对，"
        "多半是把别的项目的说明或上一年的说明照抄了过来。写上年情况的句子不比较。"
    ),
    formula="报告称无某项“三公”经费 ⇒ 该项本年决算数 = 0",
    tolerance="不为0即报为错误",
    example="“公务用车购置费……主要原因是：本单位无公务用车购置费”，而公务用车运行维护费一句写“本单位无公务用车运行维护费”，"
    "公开09表该项决算数为4.46万元",
    expected_label="报告另一处的数字",
)
def sangong_absent(report: Report) -> Iterable[Finding]:
    sg = None
    for _, b in running_with(report, _SANGONG_NONE):
        for m in _SANGONG_NONE.finditer(b.text):
            if of_another_year(report, b.text[sentence_begin(b.text, m.start()) : m.start()]):
                continue  # last year's
            item = next((v for k, v in _SANGONG_PART.items() if m["part"].startswith(k)), "公务接待费")
            key = next(k for k, v in _SANGONG_KEYS.items() if v == item)
            said = report.metrics.get(key) or report.narrative.get(key)
            sg = sg or sangong(report)
            spent, where = (said.amount, said.quote) if said is not None else (None, None)
            if (spent is None or spent == 0) and sg is not None and sg.final.get(item):
                spent, where = sg.final[item], sg.quote
            if not spent or where is None:
                continue
            yield make_finding(
                "text_table.sangong_absent",
                "error",
                f"{item}/{m.group(0)}",
                f"报告称“{m.group(0)}”，而{item}的本年决算数为{printed(spent)}万元（“{where.quote}”）：两处说法矛盾。",
                m.group(0),
                f"{printed(spent)}万元",
                [Quote(m.group(0), b.page_at(m.start()), None, block=b), where],
            )


# "公务用车购置及运行维护费支出0.00万元": this year's (not "……预算为", not a change "……比上年增加")
_VEHICLE_BOTH = re.compile(
    rf"公务用车购置及运行维护费(?:支出)?(?:决算数?)?(?:为|是)?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*{WAN}"
)


@rule(
    "text_table.sangong",
    title="情况说明中的“三公”经费与“三公”经费支出决算表不一致",
    explanation=(
        "情况说明所述“三公”经费的年初预算数和各项决算数，应与财政拨款“三公”经费支出决算表中对应的预算数、决算数一致"
        "（表中空白按0理解）；把公务用车购置费和运行维护费写成一个数（“公务用车购置及运行维护费支出0.00万元”）的，"
        "与表中“公务用车购置及运行维护费”一栏比较。"
    ),
    formula="情况说明所述“三公”经费预算数、决算数 = 公开09表 对应栏",
    tolerance=_TOL,
    example="情况说明称“三公”经费年初预算为0.95万元，而公开09表合计预算数为空白",
)
def sangong_text(report: Report) -> Iterable[Finding]:
    sg = sangong(report)
    if sg is None:
        return []
    t = table_name("公开09表")
    out: list[Finding | None] = []
    budget = report.narrative.get("sangong_budget")
    if budget is not None:
        out.append(
            check_same(
                "text_table.sangong", "预算数 合计", "情况说明所述“三公”经费预算数", budget.amount,
                f"{t}合计预算数", sg.budget.get(SANGONG_ITEMS[0]), [budget.quote, sg.quote],
            )
        )  # fmt: skip
    for key, item in _SANGONG_KEYS.items():
        said = report.narrative.get(key)
        if said is None:
            continue
        out.append(
            check_same(
                "text_table.sangong", f"决算数 {item}", f"情况说明所述{item}决算数", said.amount,
                f"{t}{item}决算数", sg.final.get(item), [said.quote, sg.quote],
            )
        )  # fmt: skip
    # the vehicle money as one figure ("2、公务用车购置及运行维护费支出0.00万元。其中：", 规划局), against the table's own column
    item = "公务用车购置及运行维护费"
    seen: set[Decimal] = set()
    for _, b in running_with(report, _VEHICLE_BOTH):
        for m in _VEHICLE_BOTH.finditer(b.text):
            amount = parse_amount(m["n"])
            if (
                amount is None
                or amount in seen
                or of_another_year(report, b.text[sentence_begin(b.text, m.start()) : m.start()])
            ):
                continue
            seen.add(amount)
            out.append(
                check_same(
                    "text_table.sangong", f"决算数 {item} {amount}", f"情况说明所述{item}决算数", amount,
                    f"{t}{item}决算数", sg.final.get(item), [Quote(m.group(0), b.page_at(m.start()), None, block=b), sg.quote],
                )
            )  # fmt: skip
    return _keep(out)


# "（类）财政事务（款）一般行政管理事务（项）。主要用于：局财政业务指导与宣传等基本支出"
_ITEM_KIND = re.compile(
    r"(?:(?P<kuan>[\u4e00-\u9fff]{2,20})[（(]款[）)]\s*)?(?P<item>[\u4e00-\u9fff]{2,24})[（(]项[）)][。.，,：:]?\s*"
    r"主要用于[：:]?\s*(?P<use>[^。；;]{2,80})"
)


@rule(
    "text_table.item_kind",
    title="科目说明的支出性质与报表不符",
    explanation=(
        "情况说明写某个项级科目“主要用于：……基本支出”（或“……项目支出”），而一般公共预算财政拨款支出决算表中"
        "该科目的基本支出为0、全部是项目支出（或反过来）。只看用途说明中明确写出的“基本支出”“项目支出”字样，"
        "两者都写或都没写时不比较；科目按名称（同名时连同所属款）在表中找。"
    ),
    formula="说明为“基本支出” ⇒ 公开05表该科目基本支出 > 0；说明为“项目支出” ⇒ 项目支出 > 0",
    tolerance="不涉及舍入：只看是否为0（空白按0）",
    example="一般行政管理事务（项）主要用于“局财政业务指导与宣传等基本支出”，表中基本支出空白、项目支出10.00万元",
    expected_label="报表所示",
)
def item_kind(report: Report) -> Iterable[Finding]:
    from generator.checks import make_finding
    from generator.normalize import parse_amount

    t = report.tables.get("公开05表")
    doc = report.document
    if not t or doc is None or "基本支出" not in t["columns"] or "项目支出" not in t["columns"]:
        return
    bi, pi = t["columns"].index("基本支出"), t["columns"].index("项目支出")
    rows = [r for r in t["rows"] if r.get("code") and len(r["code"]) == 7]
    kuans = {r["name"]: r["code"] for r in t["rows"] if r.get("code") and len(r["code"]) == 5}
    for b in doc.blocks:
        if b.table is not None or "主要用于" not in b.text:
            continue
        for m in _ITEM_KIND.finditer(b.text):
            use = m.group("use")
            basic, project = "基本支出" in use, "项目支出" in use
            if basic == project:
                continue
            matches = [r for r in rows if r["name"] == m.group("item")]
            if len(matches) > 1 and m.group("kuan") in kuans:
                matches = [r for r in matches if r["code"].startswith(kuans[m.group("kuan")])]
            if len(matches) != 1:
                continue
            row = matches[0]
            values = row["values"]
            b_amt = parse_amount(values[bi]) if bi < len(values) and values[bi] else None
            p_amt = parse_amount(values[pi]) if pi < len(values) and values[pi] else None
            said, other, stated_amt, other_amt = (
                ("基本支出", "项目支出", b_amt, p_amt) if basic else ("项目支出", "基本支出", p_amt, b_amt)
            )
            if (stated_amt or 0) != 0 or not other_amt:
                continue
            yield make_finding(
                "text_table.item_kind",
                "warning",
                f"{row['code']} {said}",
                f"情况说明称{m.group('item')}（项）“主要用于：{use}”，即{said}；而{table_name('公开05表')}中"
                f"{row['code']} {row['name']}的{said}为{'空白' if stated_amt is None else '0'}，"
                f"全部{other_amt}万元是{other}。",
                said,
                other,
                [
                    Quote(m.group(0), b.page_at(m.start()), None, block=b),
                    Quote(row["quote"], row.get("page"), None, table_name("公开05表")),
                ],
            )


# "其中：人员经费2152.26万元，主要包括：基本工资、津贴补贴、……、个人农业生产补贴；公用经费184.65万元，主要包括：……。"
_COMPONENTS = re.compile(
    rf"(?P<kind>人员经费|公用经费)(?:支出)?\s*(?:(?P<amount>[\d,.]+)\s*{WAN})?(?:[（(][^（）()]{{1,80}}[）)])?"
    r"(?:[，,]\s*占[^，,。；;]{0,24}?\d[\d.]*%)?[，,]?\s*(?:主要)?包括[：:]?\s*(?P<list>[^；;。]{2,400})"
)  # the amount may stand in a list before ("人员经费和公用经费分别为……。人员经费主要包括：")
_KIND_METRIC = {"人员经费": "gpb_basic_personnel", "公用经费": "gpb_basic_public"}
_PERSONNEL = ("301", "303")


@per_report("document")  # text_table.listed_component and component_kind read the same items
def _economic_items(
    report: Report,
) -> tuple[dict[str, tuple[Decimal | None, str]], dict[str, Quote]] | None:
    """公开06表's items by name: (amount, the row's text), read from the raw rows, which hold two or three
    panels side by side (30101 基本工资 14.12 30201 办公费 3.78 …)."""
    from generator.extract.tables import row_quote, split_code
    from generator.normalize import parse_amount

    st = statutory(report).get("公开06表")
    if st is None:
        return None
    items: dict[str, tuple[Decimal | None, str]] = {}
    quotes: dict[str, Quote] = {}

    def code_at(cells: list[str], i: int) -> tuple[str, int] | None:
        """The economic code starting at cell i and the cells it takes: "30310", or "303" "10"."""
        if i < len(cells) and re.fullmatch(r"3\d{2}\s*\d{2}", cells[i]):  # "30101", "301 01"
            return cells[i].replace(" ", ""), 1
        if i + 1 < len(cells) and re.fullmatch(r"3\d{2}", cells[i]) and re.fullmatch(r"\d{2}", cells[i + 1]):
            return cells[i] + cells[i + 1], 2
        return None

    for r, raw in enumerate(st.table.rows):
        # a code and its name in one cell ("30101 基本工资") read as the two cells other layouts print
        cells = [part for c in raw for part in (split_code(c.strip()) or (c.strip(),))]
        for i in range(len(cells)):
            found = code_at(cells, i)
            if found is None:
                continue
            code, width = found
            name_at = i + width
            if name_at >= len(cells) or not cells[name_at] or parse_amount(cells[name_at]) is not None:
                continue
            nxt = name_at + 1
            # a blank amount may be dropped from the row: the next cell is then the next panel's code
            amount = (
                None
                if nxt >= len(cells) or code_at(cells, nxt)
                else st.amount(cells[nxt])
                if cells[nxt]
                else None
            )
            items.setdefault(cells[name_at], (amount, code))
            quotes.setdefault(code, row_quote(st, r))
    return (items, quotes) if items else None


@rule(
    "text_table.listed_component",
    title="情况说明列为主要构成的经济科目在报表中没有支出",
    explanation=(
        "情况说明写“人员经费X万元，主要包括：基本工资、津贴补贴……；公用经费Y万元，主要包括：办公费……”。"
        "所列各项应是一般公共预算财政拨款基本支出决算表（公开06表）中有支出的经济分类科目；"
        "表中该科目为0或空白，说明文字照搬了模板或上年的清单。只核对能在表中按名称找到的科目。"
        "表中空白（模板中没有支出的格子不填）时记为警告；印作“0.00”只说明不足0.005万元，"
        "文中的人员经费（公用经费）总数与表中的不是同一个数时，文字说的钱比表中多出的部分又没有分项，"
        "这两种情况都不能证明这一项没有支出，只作提示。"
    ),
    formula="情况说明所列每一项：公开06表该科目决算数 > 0",
    tolerance="空白为0；“0.00”为不足0.005万元；文中总数与表中总数按印出精度比较",
    example="人员经费主要包括……个人农业生产补贴，而公开06表30310个人农业生产补贴为空白",
    expected_label="报表中的金额",
)
def listed_component(report: Report) -> Iterable[Finding]:
    for c in _components(report):
        if c.amount or c.kind != c.belongs:
            continue  # spent, or listed under the other kind: text_table.component_kind's question
        if c.totals:
            wider = (
                f"但文中的{c.kind}{c.totals[0]}万元与表中{c.totals[1]}万元不是一个数，相差的"
                f"{abs(c.totals[0] - c.totals[1])}万元表中没有分项，这一项也可能在其中。"
            )
        elif c.amount is not None:
            # "0.00" is under 0.005万元, not nothing: 社工部 lists 邮电费 (0.00) among items down to 0.02
            wider = "只说明不足0.005万元（50元），未必没有这项支出；若确无支出，文中不应列出。"
        else:
            wider = "没有这项支出。"
        yield make_finding(
            "text_table.listed_component",
            "info" if c.totals or c.amount is not None else "warning",
            f"{c.kind} {c.code} {c.name}",
            f"情况说明称{c.kind}主要包括“{c.name}”，而{table_name('公开06表')}中{c.code} {c.name}"
            f"{'为空白' if c.amount is None else '印作0.00' if not c.totals else '为0'}，{wider}",
            c.name,
            "0" if c.amount is not None else "空白",
            c.quotes,
        )


@dataclass(frozen=True)
class _Component:
    """An item of "人员经费……主要包括：基本工资、津贴补贴……；公用经费……主要包括：办公费……" found in 公开06表."""

    kind: str  # 人员经费 or 公用经费, as the text lists it
    name: str
    code: str  # its 公开06表 code
    amount: Decimal | None  # its 公开06表 amount (None: blank)
    quotes: list[Quote]  # the list up to the item, and the table's row
    # the text's total for the kind and 公开06表's, when they differ beyond rounding: the list then describes money the
    # table does not itemise (规划局: 人员经费 4896.98 in the text, 4884.09 in 公开06表), so a 0 there proves less
    totals: tuple[Decimal, Decimal] | None = None

    @property
    def belongs(self) -> str:
        """The kind its 公开06表 code makes it: 301 and 303 are 人员经费, the rest 公用经费."""
        return "人员经费" if self.code.startswith(_PERSONNEL) else "公用经费"


def _components(report: Report) -> Iterator[_Component]:
    found = None
    for _, b in running_with(report, "包括"):
        for m in _COMPONENTS.finditer(b.text):
            stated = m["amount"]
            if stated is None:
                # no amount: only a sentence of its own, "人员经费主要包括", where the paragraph states the amount before
                # (not a 名词解释's or a note's "公用经费包括……", "按规定，公用经费包括……")
                said_before = report.narrative.get(_KIND_METRIC[m["kind"]])
                before = b.text[: m.start()]
                # (or right after the statement of its amount: "人员经费和公用经费分别为2152.26万元和184.65万元，人员经费主要包括")
                opens_sentence = (
                    re.search(r"(?:^|[。；;]|其中[:：]?)\s*$", before) is not None
                    or said_before is not None
                    and before.rstrip(" ，,").endswith(said_before.quote.quote)
                )
                if (
                    said_before is None
                    or said_before.quote.quote not in b.text[: m.start()]
                    or not opens_sentence
                    or not b.text.startswith("主要", m.end("kind"))
                ):
                    continue
                stated = str(said_before.amount)
            found = found or _economic_items(report)
            if found is None:
                return
            items, quotes = found
            for name in (x.strip() for x in re.split(r"[、，,]", m.group("list")) if x.strip()):
                # "其他对个人和家庭的补助支出" names the item 其他对个人和家庭的补助
                key = name if name in items else name.removesuffix("支出")
                if key not in items:
                    continue
                amount, code = items[key]
                at = b.text.find(name, m.start("list"))
                said = Quote(b.text[m.start() : at + len(name)], b.page_at(m.start()), None, block=b)
                yield _Component(
                    m["kind"], name, code, amount, [said, *([quotes[code]] if code in quotes else [])],
                    _other_total(report, m["kind"], stated),
                )  # fmt: skip


def _other_total(report: Report, kind: str, stated: str) -> tuple[Decimal, Decimal] | None:
    """(the text's total for ``kind``, 公开06表's) when they are not one figure."""
    from generator.checks.tolerance import same_figure
    from generator.normalize import parse_amount

    said, value = parse_amount(stated), report.metrics.get(_KIND_METRIC[kind])
    if said is None or value is None or value.kind != "table" or same_figure(said, value.amount):
        return None
    return said, value.amount


@rule(
    "text_table.component_kind",
    title="情况说明把公用经费的科目列为人员经费（或反之）",
    explanation=(
        "基本支出分人员经费和公用经费：人员经费是工资福利支出（301）和对个人和家庭的补助（303），公用经费是商品和"
        "服务支出（302）和资本性支出（310）等，一般公共预算财政拨款基本支出决算表（公开06表）按科目代码分列。"
        "情况说明写“人员经费X万元，主要包括：……；公用经费Y万元，主要包括：……”时，所列科目应属于所说的那一类："
        "把表中302的“福利费”列在人员经费之下，或把303的“退休费”列在公用经费之下，读者对两类经费的构成就会理解错。"
        "只核对能在表中按名称找到的科目。"
    ),
    formula="人员经费所列科目的代码以301或303开头；公用经费所列科目的代码不以301、303开头（按公开06表）",
    tolerance="不涉及金额",
    example="公用经费主要包括：办公费、……、退休费，而公开06表中30302 退休费属于对个人和家庭的补助（人员经费）",
    expected_label="应属",
)
def component_kind(report: Report) -> Iterable[Finding]:
    for c in _components(report):
        if c.belongs == c.kind:
            continue
        yield make_finding(
            "text_table.component_kind",
            "warning",
            f"{c.kind} {c.code} {c.name}",
            f"情况说明把“{c.name}”列为{c.kind}的构成，而{table_name('公开06表')}中{c.code} {c.name}"
            f"属于{_KINDS.get(c.code[:3], c.code[:3])}，是{c.belongs}。",
            c.kind,
            c.belongs,
            c.quotes,
        )


_KINDS = {"301": "工资福利支出", "302": "商品和服务支出", "303": "对个人和家庭的补助", "310": "资本性支出"}


# "人员经费137.80万元，主要包括工资福利支出133.4万元，其中基本工资50.07万元，津贴补贴9.63万元，……；公用经费5.87万元，
# 主要包括办公费2.53万元，电费0.4万元，……" (001): each listed amount is a row of 公开06表.
_LISTED_AMOUNTS = re.compile(
    rf"(?:人员经费|公用经费)\s*[\d,.]+\s*{WAN}(?:[（(][^（）()]{{1,30}}[）)])?(?:[，,]\s*占[^，,。；;]{{0,12}}?\d[\d.]*%)?"
    r"[，,]\s*(?:主要)?包括[^。]*"
)  # the same openings as _COMPONENTS: a bracket or a share after the amount, "包括" without 主要
_LISTED_ITEM = re.compile(
    rf"(?:^|[，,；;：:、])\s*(?:主要包括|其中)?\s*(?P<name>[\u4e00-\u9fff（）()]{{2,20}}?)\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*{WAN}"
)


def _listed_items(report: Report) -> Iterator[tuple[Block, re.Match[str], list[Entry]]]:
    """Each "名称N万元" a 人员经费/公用经费 "主要包括" list gives, with 公开06表's entries (read only for a list with
    amounts, and not at all when the report has no such table)."""
    doc = report.document
    es: list[Entry] | None = None
    for b in doc.blocks if doc else []:
        if b.table is not None or "主要包括" not in b.text:
            continue
        for span in _LISTED_AMOUNTS.finditer(b.text):
            # "主要包括：基本工资、津贴补贴……": names without amounts give no items
            for m in _LISTED_ITEM.finditer(b.text, span.start(), span.end()):
                es = es if es is not None else table_entries(report, "公开06表")
                if not es:
                    return
                yield b, m, es


def _listed_quote(b: Block, m: re.Match[str]) -> Quote:
    return Quote(m.group(0).lstrip("，,；;：:、 "), b.page_at(m.start("name")), None, block=b)


@rule(
    "text_table.economic_amount",
    title="情况说明所列经济科目金额与报表不符",
    explanation=(
        "有的情况说明在“人员经费X万元，主要包括……”“公用经费Y万元，主要包括……”后逐项写出金额（如“基本工资50.07万元，"
        "津贴补贴9.63万元”）。这些是一般公共预算财政拨款基本支出决算表（公开06表）中同名经济分类科目的决算数，"
        "两处应相同。只核对名称与表中科目完全相同的项；名称写法不同的（如“维修维护费”与“维修（护）费”）不比较。"
    ),
    formula="情况说明所列科目金额 = 公开06表同名科目决算数",
    tolerance="按两处中较粗的印出精度（133.4与133.40相同）；超出舍入范围为错误，范围内的差额记为提示",
    example="情况说明写基本工资50.07万元、办公费2.53万元，公开06表30101基本工资50.07、30201办公费2.53：相符。",
    expected_label="报表中的金额",
)
def economic_amount(report: Report) -> Iterable[Finding]:
    for b, m, es in _listed_items(report):
        name = m.group("name")
        row = find_entry(es, name)
        if row is None or find_entry(es, name, 1) is not None or not row.amounts:
            continue  # not a 06表 row by this name, or two rows: which one is unclear
        f = check_same(
            "text_table.economic_amount", f"{name}",
            f"情况说明所列{name}", parse_amount(m.group("n")),
            f"{table_name('公开06表')}中的{name}", row.first(),
            [_listed_quote(b, m), row.quote],
        )  # fmt: skip
        if f is not None:
            yield f


def _same_printed(a: Decimal, b: Decimal) -> bool:
    """The same amount at the coarser of the two printed precisions (0.2 and 0.20)."""
    step = max(Decimal(1).scaleb(int(x.as_tuple().exponent)) for x in (a, b))
    return a.quantize(step, ROUND_HALF_UP) == b.quantize(step, ROUND_HALF_UP)


# short forms of 经济分类 items that reports write on purpose, one character shorter than the item
_SHORT_FORMS = {"津补贴": "津贴补贴"}


def _one_apart(said: str, name: str) -> bool:
    """``name`` is ``said`` with one character added ("其社会保障缴费" for 其他社会保障缴费) or one changed."""
    if _SHORT_FORMS.get(said) == name:
        return False
    if len(name) == len(said) + 1:
        return any(name[:k] + name[k + 1 :] == said for k in range(len(name)))
    return len(name) == len(said) and sum(a != b for a, b in zip(name, said)) == 1


@rule(
    "text_table.economic_name",
    title="情况说明所列经济科目名称与报表不符",
    explanation=(
        "情况说明在“人员经费X万元，主要包括……”后逐项写出的科目（如“基本工资50.07万元”），是公开06表中的经济分类科目。"
        "所写名称在表中找不到，而表中恰有一个科目的名称只比它多一个字或只差一个字、决算数又与所写金额相同时，"
        "说的就是这个科目，名称抄漏或写错了一个字，读者按所写名称在报表中找不到这一项。"
        "名称差两个字以上的（如“机关事业单位养老保险缴费”与“机关事业单位基本养老保险缴费”）是常见的简称，不报告；"
        "“津补贴”是津贴补贴的通行简称，也不报告。"
    ),
    formula="情况说明所列科目名称 = 公开06表中决算数相同、名称只差一个字的科目名称",
    tolerance="金额按两处中较粗的印出精度相同；名称只差一个字才报告，只作提示",
    example="情况说明写“其社会保障缴费0.2万元”，公开06表30112其他社会保障缴费0.20",
    expected_label="报表中的名称",
)
def economic_name(report: Report) -> Iterable[Finding]:
    for b, m, es in _listed_items(report):
        said, amount = m.group("name"), parse_amount(m.group("n"))
        if find_entry(es, said) is not None or amount is None:
            continue
        rows = [e for e in es if _one_apart(said, bare(e.name)) and e.amounts and e.amounts[0]]
        row = rows[0] if len(rows) == 1 else None
        if row is None or row.amounts[0] is None or not _same_printed(amount, row.amounts[0]):
            continue  # no row, two rows, or another amount: which item is meant is unclear
        yield make_finding(
            "text_table.economic_name",
            "info",
            said,
            f"情况说明写“{said}{m.group('n')}万元”，{table_name('公开06表')}中没有“{said}”这个科目；"
            f"金额相同的是“{bare(row.name)}”{row.amounts[0]}万元，名称差了一个字，应为“{bare(row.name)}”。",
            said,
            bare(row.name),
            [_listed_quote(b, m), row.quote],
        )


# 部门整体支出绩效评价基础数据表 (a local template, 004): "经费控制情况（万元） 2022年决算数 2023年预算数 2023年决算数"
# over "三公经费 1.42 1.40 1.16" and "3、公务接待 1.42 1.40 1.16"
_CONTROL_HEAD = re.compile(
    r"经费控制情况.*?(?P<a>\d{4})年(?P<ka>决算|预算)数\s*(?P<b>\d{4})年(?P<kb>决算|预算)数\s*(?P<c>\d{4})年(?P<kc>决算|预算)数"
)
_CONTROL_SAID = {"三公经费": "“三公”经费", "公务接待": "公务接待费", "公用经费": "公用经费"}
_CONTROL_METRICS = {("三公经费", "预算"): "sangong_budget", ("三公经费", "决算"): "sangong_total", ("公务接待", "决算"): "sangong_reception", ("公用经费", "决算"): "gpb_basic_public"}  # fmt: skip


@rule(
    "text_table.basic_data",
    title="基础数据表的“三公”经费、公用经费与情况说明不符",
    explanation=(
        "部门整体支出绩效评价基础数据表的“经费控制情况”一栏按年列出“三公”经费及其中公务接待费的决算数、预算数。"
        "本年度的预算数、决算数就是情况说明“三公”经费一节所写的数，两处应相同；上年决算数就是情况说明由本年"
        "决算数和“与上年相比增加（减少）X万元”推出的上年数。同一栏的公用经费本年决算数（表下说明：“公用经费”"
        "填报基本支出中的一般商品和服务支出）就是情况说明基本支出一节所写的公用经费。"
    ),
    formula=(
        "基础数据表本年“三公”经费预算数、决算数（公务接待费决算数）、公用经费决算数 = 情况说明所述；"
        "上年决算数 = 本年决算数 ∓ 情况说明所述增减额"
    ),
    tolerance="两处是同一个数，按印出精度比较；超出舍入范围为错误，范围内的差额记为提示",
    example="基础数据表“三公经费 1.42 1.40 1.16”（2022年决算、2023年预算、2023年决算），情况说明写预算1.40万元、决算1.16万元。",
    expected_label="情况说明所述",
)
def basic_data(report: Report) -> Iterable[Finding]:
    if report.year is None:
        return
    for cols, rows in _control_tables(report):
        for at, (year, kind) in enumerate(cols):
            if year != report.year:
                continue
            for row in rows:
                key = _control_label(row.label)
                said = report.metrics.get(_CONTROL_METRICS.get((key, kind), "")) if key else None
                if key is None or said is None or said.kind != "narrative":
                    continue
                f = check_same(
                    "text_table.basic_data", f"{key}/{kind}", f"基础数据表中{report.year}年{key}{kind}数",
                    row.values[at], f"情况说明所述{_CONTROL_SAID[key]}{kind}数",
                    said.amount, [row.quote, said.quote], blank_is_zero=False,
                )  # fmt: skip
                if f is not None:
                    yield f
    yield from _basic_data_last_year(report)


@dataclass(frozen=True)
class _ControlRow:
    label: str
    values: tuple[Decimal | None, ...]  # one per column of the head, None for a blank cell
    quote: Quote


@per_report("document")  # three rules read the same 基础数据表
def _control_tables(report: Report) -> list[tuple[list[tuple[int, str]], list[_ControlRow]]]:
    return list(_read_control_tables(report))


def _read_control_tables(report: Report) -> Iterator[tuple[list[tuple[int, str]], list[_ControlRow]]]:
    """Each 经费控制情况 part of a 基础数据表: its columns ((2022, "决算"), …) and the rows below the head,
    read cell by cell (a blank cell stays blank; the block text would lose where it stood)."""
    doc = report.document
    if doc is None:
        return
    with_head = {b.table for b in doc.blocks if b.table is not None and "经费控制情况" in b.text}
    for t, table in enumerate(doc.tables):
        if t not in with_head:
            continue
        quotes = {b.row: b for b in doc.table_rows(t)}
        cols: dict[int, tuple[int, str]] = {}
        rows: list[_ControlRow] = []
        for r, raw in enumerate(table.rows):
            cells = [c.strip() for c in raw]
            if not cols:
                if _CONTROL_HEAD.search(" ".join(cells)):
                    cols = {
                        i: (int(m.group(1)), m.group(2))
                        for i, c in enumerate(cells)
                        if (m := re.fullmatch(r"(\d{4})年(决算|预算)数", c))
                    }
                continue
            label = cells[0] if cells else ""
            values = tuple(parse_amount(cells[i]) if i < len(cells) and cells[i] else None for i in cols)
            if not label or any(i < len(cells) and cells[i] and v is None for i, v in zip(cols, values)):
                break  # the part ends at a row that is not a label with figures (a dash, words)
            b = quotes.get(r)
            rows.append(
                _ControlRow(
                    label, values, Quote(b.text.strip(), b.page, None, block=b) if b else Quote(label, None)
                )
            )
        if cols and rows:
            yield list(cols.values()), rows


def _basic_data_last_year(report: Report) -> Iterator[Finding]:
    """The last year's 决算数 column against the last year the narrative's change implies."""
    if report.year is None:
        return
    implied: dict[str, tuple[Decimal, Decimal, Decimal, str, list[Quote]]] = {}
    for c in report.yoy_claims:
        change, current, direction = c.get("change"), c.get("current"), c.get("direction")
        if change is None or current is None or direction not in ("增加", "减少") or c.get("unit") != "万元":
            continue
        subject = str(c.get("subject") or "")
        label = (
            "公务接待"
            if c.get("metric") == "sangong_reception"
            else "三公经费"
            if "三公" in subject
            else None
        )
        if label is None or label in implied:
            continue
        last = current - change if direction == "增加" else current + change
        quotes = [q for q in (c.get("current_quote"), c.get("quote")) if isinstance(q, Quote)]
        implied[label] = (last, current, change, direction, quotes)
    for cols, rows in _control_tables(report):
        for at, (year, kind) in enumerate(cols):
            if year != report.year - 1 or kind != "决算":
                continue
            for row in rows:
                key = _control_label(row.label)
                value = row.values[at]
                if key not in implied or value is None:
                    continue
                last, current, change, direction, said = implied[key]
                beyond, diff = sum_differs([current, change if direction == "减少" else -change], value)
                if diff == 0:
                    continue
                what = "“三公”经费" if key == "三公经费" else "公务接待费"
                yield make_finding(
                    "text_table.basic_data",
                    "error" if beyond else "info",
                    f"{key}/上年决算",
                    f"基础数据表中{year}年{row.label}决算数为{fmt(value)}万元；情况说明写本年{what}决算"
                    f"{fmt(current)}万元、与上年相比{direction}{fmt(change)}万元，按此上年为{fmt(last)}万元，"
                    f"相差{fmt(abs(diff))}万元。",
                    fmt(value),
                    fmt(last),
                    [row.quote, *said],
                )


_GROUP = re.compile(r"^\d[、.]\s*")
_BASIC_DATA_GROUPS: dict[str, tuple[str, ...] | None] = {
    # total row → the rows that make it up: the named ones, or (None) every row up to the next "N、"
    "三公经费": ("公务用车购置和维护经费", "出国经费", "公务接待"),
    "公务用车购置和维护经费": ("公车购置", "公车运行维护"),
    "市级专项资金": None,
}


def group_rows(rows: list[_ControlRow], k: int) -> list[_ControlRow]:
    """The rows a "3、市级专项资金（一个专项一行）" row at ``k`` lists: those after it, to the next "N、" row."""
    end = next((j for j in range(k + 1, len(rows)) if _GROUP.match(rows[j].label)), len(rows))
    return rows[k + 1 : end]


def _bare_control(label: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]$", "", re.sub(r"^(?:\d[、.]|其中[：:])\s*", "", label)).strip()


@rule(
    "sum.basic_data",
    title="基础数据表的合计与分项不符",
    explanation=(
        "部门整体支出绩效评价基础数据表的“经费控制情况”按栏（上年决算、本年预算、本年决算）列数："
        "“三公经费”是“1、公务用车购置和维护经费”“2、出国经费”“3、公务接待”之和，公务用车购置和维护经费是"
        "“其中：公车购置”“公车运行维护”之和，“3、市级专项资金（一个专项一行）”是其下逐行所列专项之和"
        "（到“4、……”为止）。合计栏留空的不核对；分项留空按0计。"
    ),
    formula="三公经费 = 公务用车 + 出国 + 公务接待；公务用车 = 购置 + 运行维护；市级专项资金 = Σ 所列专项（逐栏）",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="市级专项资金 2023年预算92.5 = 10 + 17.50 + 10 + 5 + 30 + 20；2023年决算139.68 = 所列12个专项之和",
)
def basic_data_sums(report: Report) -> Iterator[Finding]:
    for cols, rows in _control_tables(report):
        names = [_bare_control(r.label) for r in rows]
        for k, (row, name) in enumerate(zip(rows, names)):
            if name not in _BASIC_DATA_GROUPS:
                continue
            wanted = _BASIC_DATA_GROUPS[name]
            if wanted is None:
                parts = group_rows(rows, k)
            else:
                found = {n: r for r, n in zip(rows, names) if n in wanted}
                if len(found) != len(wanted):
                    continue
                parts = [found[n] for n in wanted]
            if not parts:
                continue
            for at, (year, kind) in enumerate(cols):
                finding = check_sum(
                    "sum.basic_data", f"{name}/{year}{kind}", f"基础数据表中{year}年{name}{kind}数", row.values[at],
                    [(_bare_control(p.label), p.values[at] if p.values[at] is not None else Decimal(0)) for p in parts],
                    [row.quote, *[p.quote for p in parts if p.values[at] is not None]],
                )  # fmt: skip
                if finding is not None:
                    yield finding


def _control_label(label: str) -> str | None:
    """ "三公经费", "公务接待" (of "3、公务接待") or "公用经费": the rows the narrative states; None for the others."""
    return next((k for k in _CONTROL_SAID if _bare_control(label).startswith(k)), None)
