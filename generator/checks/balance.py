"""sum.* outside the statutory tables: the 情况说明's 总计 sentences, the two sides of a balanced
总表, and the funding rows of the 绩效自评表.

Many published 部门决算 carry no tables ("见附表"); their 情况说明 still restates the 总表 in the
template's words: "收入总计869.05万元，其中：本年收入合计861.19万元，使用非财政拨款结余0.00万元，
年初结转和结余7.86万元". These are the same identities the tables define (sums.py), checked on the
sentence. Found missing by the mutation harness (tests/test_mutation.py): a changed 总计 or
结转和结余 in such a sentence went unnoticed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from generator.checks import rule
from generator.checks.perf import shown_label
from generator.checks.sums import _keep, check_same, check_sum, find_entry, printed, table_entries, table_name
from generator.checks.tolerance import trailing_zeros_dropped
from generator.extract.narrative import WAN, clause_begin, sentence_begin
from generator.extract.subjects import qualified
from generator.model import Block, Finding, Quote, Report
from generator.normalize import parse_amount

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "2024年度财政拨款收入总计610.31万元，其中：" / "收入总计1,399.08万元，支出总计1,399.08万元"
_TOTAL = re.compile(
    rf"(?P<label>(?:(?:国有资本经营|政府性基金|一般公共)预算)?(?:财政拨款)?(?P<side>收入|支出)总计)\s*"
    rf"(?P<amount>{_NUM})\s*{WAN}"
)
_BRACKETED = re.compile(r"[（(][^（）()]*\d[^（）()]*[）)]")  # a note with figures, not "（含专用结余）"
_PARTS_LEAD = re.compile(r"\s*(?:\*\*)?\s*[，,]?\s*其中\s*[：:，,]?")  # "**…万元**,其中:" (markdown export)
_PART = re.compile(rf"^\s*(?P<label>[^\d，,；;。]+?)\s*(?P<amount>{_NUM})\s*{WAN}\s*$")

# What the template lists after "其中：" for each side; any other label and the sentence is skipped.
_THIS_YEAR = {
    "收入": re.compile(r"^本年(?:财政拨款)?收入(?:合计)?$"),
    "支出": re.compile(r"^本年(?:财政拨款)?支出(?:合计)?$"),
}
_CARRY = {
    "收入": re.compile(r"^年初(?:财政拨款)?结转和?结余$"),
    "支出": re.compile(r"^(?:收支相抵后)?年末(?:财政拨款)?结转和?结余$"),
}
_OTHER = {
    "收入": re.compile(r"^使用非财政拨款结余(?:[（(]含专用结余[）)])?$"),
    "支出": re.compile(r"^结余分配$"),
}


def _amount(text: str) -> Decimal | None:
    return parse_amount(text)


def _sentence_end(text: str, start: int) -> int:
    end = text.find("。", start)
    return len(text) if end < 0 else end


def _blocks(report: Report) -> list[Block]:
    doc = report.document
    return [b for b in doc.blocks if b.table is None] if doc else []


def _quote(b: Block, start: int, end: int, section: str | None = None) -> Quote:
    return Quote(b.text[start:end], b.page_at(start), section, block=b)


def _kind(label: str) -> str:
    """The 总表 a 总计 belongs to: "" (收入支出决算总表), "财政拨款", "国有资本经营预算财政拨款"…"""
    return label.replace("收入总计", "").replace("支出总计", "")


@rule(
    "sum.narrative_total",
    title="情况说明中的总计与其构成不符",
    explanation=(
        "情况说明按模板复述总表：“收入总计X万元，其中：本年收入合计A万元，使用非财政拨款结余B万元，年初结转和结余C万元”，"
        "支出方、财政拨款收入支出总表同样。所列构成相加应等于总计。只核对所列各项都是模板中该总计的构成项的句子。"
    ),
    formula="收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余（财政拨款总表同）",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="收入总计869.05万元 = 本年收入合计861.19万元 + 使用非财政拨款结余0.00万元 + 年初结转和结余7.86万元",
)
def narrative_total(report: Report) -> Iterable[Finding]:
    out: list[Finding | None] = []
    for b in _blocks(report):
        for m in _TOTAL.finditer(b.text):
            lead = _PARTS_LEAD.match(b.text, m.end())
            if not lead:
                continue
            end = _sentence_end(b.text, lead.end())
            # a part's note in brackets ("年末结转和结余81.91万元（其中：……）") is no part; "…本年财政拨款支出32,206.19万元，
            # 其中：基本支出…": the parts of a part end the list
            listed = _BRACKETED.sub("", b.text[lead.end() : end])
            if (nested := listed.find("其中")) >= 0:
                listed = listed[:nested].rstrip(" ，,:：")
            side = m.group("side")
            parts: list[tuple[str, Decimal | None]] = []
            ok = True
            for piece in re.split(r"[，；;]|,(?!\d{3}(?!\d))", listed):
                pm = _PART.match(piece)
                label = re.sub(r"\s+", "", pm.group("label")) if pm else ""
                if not pm or not any(p[side].match(label) for p in (_THIS_YEAR, _CARRY, _OTHER)):
                    ok = False
                    break
                parts.append((label, _amount(pm.group("amount"))))
            labels = [label for label, _ in parts]
            if not ok or not any(_THIS_YEAR[side].match(x) for x in labels):
                continue
            if not any(_CARRY[side].match(x) for x in labels):
                continue
            label = m.group("label")
            out.append(
                check_sum(
                    "sum.narrative_total",
                    f"情况说明 {label}",
                    label,
                    _amount(m.group("amount")),
                    parts,
                    [_quote(b, m.start(), end)],
                    "情况说明",
                )
            )
    return _keep(out)


@rule(
    "sum.balance",
    title="收入总计与支出总计不等",
    explanation=(
        "收入支出决算总表和财政拨款收入支出决算总表是平衡表：左栏“总计”（本年收入 + 结转结余）与右栏“总计”"
        "（本年支出 + 结转结余）按定义相等。核对两张总表，以及情况说明中同一总表的收入总计与支出总计。"
    ),
    formula="收入总计 = 支出总计（收入支出决算总表、财政拨款收入支出决算总表各自成立）",
    tolerance="同一数字两处列示应完全相同；差额不超过两数各自半个末位单位之和（都印到两位小数时为0.01万元）记为提示，超过为错误",
    example="收入总计1,399.08万元，支出总计1,399.08万元",
)
def balance(report: Report) -> Iterable[Finding]:
    out: list[Finding | None] = []
    for key in ("公开01表", "公开04表"):
        es = table_entries(report, key)
        income, spending = find_entry(es, "总计", 0), find_entry(es, "总计", 1)
        if income is None or spending is None:
            continue
        out.append(
            check_same(
                "sum.balance", f"{key} 总计", f"{table_name(key)}收入总计", income.first(),
                "支出总计", spending.first(), [income.quote, spending.quote], blank_is_zero=False,
            )
        )  # fmt: skip
    seen: dict[str, dict[str, tuple[Decimal, Quote]]] = {}
    for b in _blocks(report):
        before: re.Match[str] | None = None
        for m in _TOTAL.finditer(b.text):
            amount = _amount(m.group("amount"))
            if amount is None:
                continue
            # another body's or year's 总计 ("……就业服务中心2024年度收入总计", "（本级）……", "2023年度支出总计"); the words
            # before "收入支出总计"'s 支出总计 are the subject's
            lead = b.text[sentence_begin(b.text, m.start()) : m.start()]
            if qualified(re.sub(r"收入$", "", lead), report.agency, report.year, template=True):
                continue
            kind = _kind(m.group("label"))
            # "财政拨款收入总计1,397.29万元，支出总计1,397.29万元" (001): the second 总计 of the pair is the
            # first one's 总表, its name left out
            if (
                not kind
                and before is not None
                and before.group("side") != m.group("side")
                and re.fullmatch(r"\s*[，,]\s*", b.text[before.end() : m.start()])
            ):
                kind = _kind(before.group("label"))
            before = m
            sides = seen.setdefault(kind, {})
            sides.setdefault(m.group("side"), (amount, _quote(b, m.start(), m.end())))
    for kind, sides in sorted(seen.items()):
        if "收入" not in sides or "支出" not in sides:
            continue
        (a, qa), (c, qc) = sides["收入"], sides["支出"]
        out.append(
            check_same(
                "sum.balance", f"情况说明 {kind}总计", f"情况说明所述{kind}收入总计", a, f"{kind}支出总计", c,
                [qa, qc], blank_is_zero=False,
            )
        )  # fmt: skip
    return _keep(out)


# --- 绩效自评表 funding rows ---------------------------------------------------------------------

_COLUMNS = {"declared": "目标申报数", "initial": "年初预算数", "budget": "全年预算数", "spent": "全年执行数"}


@rule(
    "sum.perf_funding",
    title="自评表资金总额与其构成不符",
    explanation=(
        "绩效自评表的资金部分先列资金总额（“年度资金总额”“项目资金”），再列其构成（“其中：当年财政拨款”"
        "“上年结转资金”“其他资金”，或上级资金、本级资金、其他资金及合计）。年初预算数、全年预算数、全年执行数"
        "各栏（年初预算数分为目标申报数、预算编制数两栏的，两栏各自）都应满足总额等于构成之和。模板的构成行无数时留空（如只填“其中：当年财政拨款”，上年结转、其他资金两行空白），空白按0计。"
    ),
    formula="资金总额 = Σ 构成（逐栏，空白构成行按0计）",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0；同一栏有的金额印有小数时，印成整数的是去掉了末尾的0，按同样的小数位算）；"
    "超出为错误，范围内的非零差额记为提示",
    example="年度资金总额65.00 = 当年财政拨款0.00 + 其他资金65.00",
)
def perf_funding(report: Report) -> Iterable[Finding]:
    out: list[Finding | None] = []
    for t, table in enumerate(report.perf_tables):
        name = table.get("name") or table.get("title") or "绩效自评表"
        rows = [r for r in table.get("funding", []) if r.get("aligned")]
        complete = bool(table.get("funding_complete")) and len(rows) == len(table.get("funding", []))
        for total, parts in _funding_groups(rows, complete):
            for key, col in _COLUMNS.items():
                whole = total.get(key)
                values = [p.get(key) for p in parts]
                if whole is None or any(v is None for v in values):
                    continue  # a cell the reading lost (OCR, merged cells) is unknown, not zero
                whole, *values = trailing_zeros_dropped(whole, *values)  # "4.5" beside "5": 5 is 5.0
                out.append(
                    check_sum(
                        "sum.perf_funding", f"{t} {name} {total['label']} {col}", f"{shown_label(total)}（{col}）",
                        whole, [(shown_label(p), v) for p, v in zip(parts, values)],
                        [total["quote"], *[p["quote"] for p in parts]], f"《{name}》",
                    )
                )  # fmt: skip
    return _keep(out)


_SPLIT_HEAD = {"income": re.compile(r"^按收入性质分[：:]?$"), "spending": re.compile(r"^按支出性质分[：:]?$")}
_SPLIT_CELL = re.compile(
    r"^(?:其中[：:]\s*)?(?P<label>[^：:\d]{2,20})[：:]\s*(?P<amount>\d[\d,]*(?:\.\d+)?)?\s*$"
)


def _splits(
    report: Report, table: dict[str, Any], total: dict[str, Any]
) -> dict[str, list[tuple[str, Decimal, Quote]]]:
    """The "按收入性质分 / 按支出性质分" columns under a 整体支出 自评表's 年度资金总额 row (004's template):
    each column's "label：amount" cells, read from the cells below the two headings."""
    doc = report.document
    if doc is None:
        return {}
    rows = doc.tables[table["table"]].rows
    out: dict[str, list[tuple[str, Decimal, Quote]]] = {}
    for r in range(total["row"] + 1, min(total["row"] + 3, len(rows))):
        cells = [c.strip() for c in rows[r]]
        at = {k: i for k, p in _SPLIT_HEAD.items() for i, c in enumerate(cells) if p.match(c)}
        if len(at) != 2:
            continue
        quotes = {b.row: b for b in doc.table_rows(table["table"])}
        for k, i in at.items():
            out[k] = []
            for below in range(r + 1, len(rows)):
                cell = rows[below][i].strip() if i < len(rows[below]) else ""
                m = _SPLIT_CELL.match(cell)
                if m is None:
                    break
                if m["amount"] is not None and (amount := parse_amount(m["amount"])) is not None:
                    b = quotes.get(below)
                    out[k].append(
                        (m["label"].strip(), amount, Quote(cell, b.page if b else None, None, "绩效自评表"))
                    )
        break
    return out


def _split_sums(
    subject: str,
    name: str,
    total: dict[str, Any],
    splits: dict[str, list[tuple[str, Decimal, Quote]]],
    col: str,
    whole: Decimal,
) -> list[Finding | None]:
    return [
        check_sum(
            "sum.perf_split", f"{subject} {kind} {col}", f"{shown_label(total)}（{col}）", whole,
            [(label, amount) for label, amount, _q in parts],
            [total["quote"], *[q for _l, _a, q in parts]], f"《{name}》",
        )
        for kind, parts in splits.items()
    ]  # fmt: skip


@rule(
    "sum.perf_split",
    title="整体支出自评表按收入、支出性质所分与资金总额不符",
    explanation=(
        "有的部门整体支出绩效自评表在年度资金总额之下分两栏列出“按收入性质分”（一般公共预算、政府性基金拨款、"
        "纳入专户管理的非税收入拨款、其他资金）和“按支出性质分”（基本支出、项目支出）。两栏各自是同一笔年度资金的"
        "全部构成，各项之和都应等于资金总额；两栏都与年初预算数或都与全年预算数相符即为相符（表中未写明按哪一栏分），"
        "都不相符时按年初预算数（“年度预算申请”）报告。"
        "留空的项按0计。"
    ),
    formula="Σ 按收入性质分 = 资金总额 = Σ 按支出性质分（年初预算数或全年预算数）",
    tolerance="各数印出精度的半个末位单位之和（两位小数时(n+1)×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出为错误，范围内的非零差额记为提示",
    example="年度资金总额年初预算897.32 = 一般公共预算897.32；= 基本支出804.32 + 项目支出93",
)
def perf_split(report: Report) -> Iterable[Finding]:
    out: list[Finding | None] = []
    for t, table in enumerate(report.perf_tables):
        total = next(
            (r for r in table.get("funding", []) if r.get("aligned") and _FUNDING_TOTAL.search(r["label"])),
            None,
        )
        if total is None:
            continue
        name = table.get("name") or table.get("title") or "绩效自评表"
        splits = {k: v for k, v in _splits(report, table, total).items() if v}
        columns = [
            (col, total.get(key)) for key, col in (("initial", "年初预算数"), ("budget", "全年预算数"))
        ]
        columns = [(col, whole) for col, whole in columns if whole is not None]
        if not splits or not columns:
            continue

        found = {col: _split_sums(f"{t} {name}", name, total, splits, col, whole) for col, whole in columns}
        if any(all(f is None or f.severity == "info" for f in fs) for fs in found.values()):
            continue  # both splits are of one column (which one, the table does not say)
        out.extend(found[columns[0][0]])  # neither: the split of the budget applied for, 年初预算数
    return _keep(out)


_FUNDING_TOTAL = re.compile(r"总额|总资金|项目资金|资金总额|^合计$")
# Component labels, including the OCR readings of 003 ("(万元)" is the wrapped "其中：当年财政拨款").
_FUNDING_PART = re.compile(r"财政|资金|其[他任作何]|万元|结转|拨款|上级|本级")


_LEVEL_SOURCE = re.compile(r"(?:中央|省级|市县|市区县|市级|县级|本级)[(（]?[区县]?[)）]?财政资")


def _funding_groups(
    rows: list[dict[str, Any]], complete: bool = False
) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(total row, component rows) for each funding block; a block with an unreadable label is
    skipped whole (OCR joins indicator text into funding rows). ``complete``: every row between
    the funding header and the 年度目标 row was read, in line with the header."""
    if len(rows) < 2:
        return []
    labels = [str(r["label"]) for r in rows]
    if labels[-1].strip() == "合计" and not any(_FUNDING_TOTAL.search(x) for x in labels[:-1]):
        groups = [(rows[-1], rows[:-1])]
    else:
        groups = []
        for r, label in zip(rows, labels):
            if _FUNDING_TOTAL.search(label) and not label.startswith("其中"):
                groups.append((r, []))
            elif groups:
                groups[-1][1].append(r)
    return [
        (total, parts)
        for total, parts in groups
        if parts
        and all(_FUNDING_PART.search(_row_label(p)) for p in parts)
        # a lone component must be the template's first (当年财政拨款), the others printed blank;
        # a lone 其他资金 means the reading lost the rows above it. The 中央/省级/市县区财政资金
        # template (001) drops its unused rows, so there a lone 市县区财政资金 is the whole when the
        # block was read whole.
        and (
            len(parts) > 1
            or re.search(r"当年|财政拨款", _row_label(parts[0]))
            or (complete and _LEVEL_SOURCE.search(_row_label(parts[0])))
        )
    ]


def _row_label(row: dict[str, Any]) -> str:
    """The row's text before its first figure (the label cell and any label the reading split off)."""
    q = row.get("quote")
    text = q.quote if isinstance(q, Quote) else str(row["label"])
    return re.split(r"\d", text, maxsplit=1)[0]


# --- head counts -------------------------------------------------------------------------------

_STAFF = re.compile(
    r"实有人数\s*(?P<total>\d{1,3}(?:,\d{3})+|\d+)\s*人\s*[，,]\s*其中\s*[：:](?P<rest>[^。]*)"
)
_STAFF_PART = re.compile(r"(?P<label>在职人员|离休人员|退休人员)\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*人")


@rule(
    "sum.staff",
    title="实有人数与在职、离退休人数之和不符",
    explanation=(
        "单位概况写“实有人数N人，其中：在职人员A人，离休人员B人，退休人员C人”时，实有人数等于三者之和。"
        "人数是整数，没有舍入，必须完全相等。只核对同一句中写明了在职人员和退休人员的情形。"
    ),
    formula="实有人数 = 在职人员 + 离休人员 + 退休人员",
    tolerance="人数为整数，不设容差",
    example="实有人数48人 = 在职人员25人 + 离休人员0人 + 退休人员23人",
)
def staff(report: Report) -> Iterable[Finding]:
    from generator.checks import make_finding

    for b in _blocks(report):
        for m in _STAFF.finditer(b.text):
            parts: dict[str, int] = {}
            rest = m.group("rest")
            for p in _STAFF_PART.finditer(rest):
                clause = rest[clause_begin(rest, p.start(), "，,；;") : p.start()]
                if not re.search(
                    r"比|较|增加|减少|新增", clause
                ):  # "比上年增加退休人员3人": a change, not a count
                    parts.setdefault(p.group("label"), int(p.group("n").replace(",", "")))
            if "在职人员" not in parts or "退休人员" not in parts:
                continue
            total = int(m.group("total").replace(",", ""))
            computed = sum(parts.values())
            if computed == total:
                continue
            arithmetic = " + ".join(f"{k}{v}人" for k, v in parts.items())
            yield make_finding(
                "sum.staff",
                "error",
                "实有人数",
                f"单位概况称实有人数{total}人，而{arithmetic} = {computed}人，相差{abs(total - computed)}人。",
                str(total),
                str(computed),
                [_quote(b, m.start(), m.end())],
            )


# "政府采购金额（以合同签订为准）为21.07万元" … "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，
# 采购金额21.07万元；……在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额21.07万元。"
_SME_RESERVED = re.compile(
    rf"在面向中小企业预留的?政府采购项目中[，,]\s*由中小企业供应商中标或成交的[，,]?\s*(?:采购|合同)金额(?:为|是)?\s*(?P<amount>{_NUM})\s*{WAN}"
)
_SME_OTHER = re.compile(
    rf"在其他政府采购项目中[，,]\s*由中小企业供应商中标或成交的[，,]?\s*(?:采购|合同)金额(?:为|是)?\s*(?P<amount>{_NUM})\s*{WAN}"
)


def first_match(report: Report, pattern: re.Pattern[str]) -> tuple[Block, re.Match[str]] | None:
    """The first paragraph of running text the pattern matches, with the match."""
    for b in _blocks(report):
        if m := pattern.search(b.text):
            return b, m
    return None


@rule(
    "sum.procurement_sme",
    title="中小企业中标金额之和超过政府采购总额",
    explanation=(
        "政府采购情况按模板分三段写：政府采购金额（以合同签订为准）；在面向中小企业预留的项目中由中小企业中标或成交的"
        "采购金额；在其他（未预留的）项目中由中小企业中标或成交的采购金额。预留项目与其他项目互不重叠，两者都是"
        "政府采购的一部分，所以两个金额之和不能超过政府采购总额。超过时，至少一个数字写错，或同一笔采购被算了两次。"
    ),
    formula="预留项目中中小企业中标金额 + 其他项目中中小企业中标金额 ≤ 政府采购金额",
    tolerance="各数印出精度的半个末位单位之和（两位小数时3×0.005万元；分项之和大于合计时，印为0.00的分项不计，金额不会小于0）；超出记为错误",
    example="政府采购金额21.07万元，预留项目中中小企业中标21.07万元，其他项目中中小企业中标21.07万元：合计42.14万元",
)
def procurement_sme(report: Report) -> Iterable[Finding]:
    from generator.checks import make_finding
    from generator.checks.tolerance import fmt, sum_differs

    stated = report.narrative.get("procurement_total")  # the 政府采购金额 sentence, as extract read it
    reserved_at, other_at = first_match(report, _SME_RESERVED), first_match(report, _SME_OTHER)
    if stated is None or reserved_at is None or other_at is None:
        return
    (rb, rm), (ob, om) = reserved_at, other_at
    total, reserved, other = stated.amount, _amount(rm.group("amount")), _amount(om.group("amount"))
    if reserved is None or other is None:
        return
    computed = reserved + other
    beyond, diff = sum_differs([reserved, other], total)
    if diff >= 0 or not beyond:
        return  # within the total (the rest is bought from larger firms), or over it by rounding alone
    yield make_finding(
        "sum.procurement_sme",
        "error",
        "政府采购 中小企业",
        f"政府采购金额为{printed(total)}万元，而预留项目中由中小企业中标或成交的{printed(reserved)}万元 + 其他项目中由中小企业"
        f"中标或成交的{printed(other)}万元 = {fmt(computed)}万元，比采购总额还多{fmt(computed - total)}万元；"
        "两类项目互不重叠，同一笔采购可能被算了两次。",
        fmt(computed),
        f"≤{fmt(total)}",
        [
            stated.quote,
            _quote(rb, rm.start(), rm.end()),
            _quote(ob, om.start(), om.end()),
        ],
    )


# "面向中小企业预留政府采购项目预算金额225.10万元，面向小微企业预留政府采购项目预算金额164.87万元" and, of the
# awards, "在面向中小企业预留的政府采购项目中……采购金额225.10万元；在面向小微企业预留政府采购项目中，由小微企业
# 供应商中标或成交的，采购金额164.87万元" (规划局)
_RESERVED_BUDGET = {
    who: re.compile(rf"面向{who}预留的?政府采购项目预算金额\s*(?P<amount>{_NUM})\s*{WAN}")
    for who in ("中小企业", "小微企业")
}
_SMALL_AWARDED = re.compile(
    rf"在面向小微企业预留的?政府采购项目中[，,]\s*由小微企业供应商中标或成交的[，,]\s*采购金额\s*(?P<amount>{_NUM})\s*{WAN}"
)


@rule(
    "sum.procurement_small",
    title="小微企业的预留或中标金额超过中小企业的",
    explanation=(
        "小微企业是中小企业的一部分：按《政府采购促进中小企业发展管理办法》，面向小微企业预留的份额是面向中小企业"
        "预留份额中的一部分。所以面向小微企业预留的项目预算金额不能超过面向中小企业预留的，在小微企业预留项目中"
        "由小微企业中标或成交的金额也不能超过中小企业预留项目中由中小企业中标或成交的金额。"
    ),
    formula="小微企业预留预算 ≤ 中小企业预留预算；小微企业预留项目中标额 ≤ 中小企业预留项目中标额",
    tolerance="按印出数比较，超过即记为警告（两者抄自同一组合同，不累积舍入误差）；精度不同时须舍入区间不重叠",
    example="面向中小企业预留225.10万元，其中面向小微企业预留164.87万元；中标额225.10万元与164.87万元：相符。",
    expected_label="不超过",
)
def procurement_small(report: Report) -> Iterable[Finding]:
    from generator.checks import make_finding
    from generator.checks.tolerance import fmt, provably_greater

    if not any("小微企业" in b.text for b in _blocks(report)):
        return
    pairs = (
        (
            "预留项目预算金额",
            first_match(report, _RESERVED_BUDGET["中小企业"]),
            first_match(report, _RESERVED_BUDGET["小微企业"]),
        ),
        ("预留项目中标或成交金额", first_match(report, _SME_RESERVED), first_match(report, _SMALL_AWARDED)),
    )
    for what, sme_at, small_at in pairs:
        if sme_at is None or small_at is None:
            continue
        (sb, sm), (mb, mm) = sme_at, small_at
        sme, small = _amount(sm.group("amount")), _amount(mm.group("amount"))
        if sme is None or small is None or not provably_greater(small, sme):
            continue
        yield make_finding(
            "sum.procurement_small",
            "warning",
            f"政府采购 小微企业 {what}",
            f"面向小微企业的{what}为{fmt(small)}万元，超过面向中小企业的{fmt(sme)}万元；"
            "小微企业是中小企业的一部分，小微企业的份额不能超过中小企业的。",
            fmt(small),
            f"≤{fmt(sme)}",
            [_quote(sb, sm.start(), sm.end()), _quote(mb, mm.start(), mm.end())],
        )
