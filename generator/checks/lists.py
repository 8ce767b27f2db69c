"""sum.enumerated_items: a total stated in a sentence, then "其中：①…②…" listing its parts, each with
the same kinds of amount (年初预算, 财政拨款收入, 全年使用数). Performance reports write their project
funds this way (004: "项目资金年初预算数共计92.5万元，实际收到财政拨付项目资金139.68万元。其中：①…")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from os.path import commonprefix

from generator.checks import make_finding, rule
from generator.checks.tolerance import fmt, half_unit
from generator.extract.claims import AMOUNT_LIST, CHANGE_WORD_AT_END, list_labels
from generator.extract.narrative import FIG, ROUGHLY, WAN, clause_begin
from generator.model import Block, Finding, Quote, Report, Severity
from generator.normalize import decimals, parse_amount

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_AMOUNT = re.compile(r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*万元?")
# What an amount is, from the words before it in its clause; the first that fits wins.
_KINDS = (
    ("年初预算", re.compile(r"年初预算")),
    ("全年预算", re.compile(r"全年预算|调整后预算")),
    ("财政拨款收入", re.compile(r"财政拨款收入|实际收到|财政拨付|到位")),
    ("全年使用数", re.compile(r"使用数|执行数|实际支出|支出")),
)
_CLAUSE_END = "，,；;。："
_UNBUDGETED = re.compile(r"年初未(?:安排|列)预算")


@dataclass(frozen=True)
class Amount:
    kind: str
    value: Decimal
    quote: Quote


def _amounts(block: Block, start: int = 0, end: int | None = None) -> list[Amount]:
    """Every amount in ``block.text[start:end]`` whose clause says what kind it is."""
    text = block.text
    end = len(text) if end is None else end
    out = []
    for m in _AMOUNT.finditer(text, start, end):
        clause = max(text.rfind(c, start, m.start()) for c in _CLAUSE_END) + 1
        label = text[max(clause, start) : m.start()]
        if "%" in label or "率" in label:
            continue
        kind = next((k for k, pattern in _KINDS if pattern.search(label)), None)
        value = parse_amount(m.group("n"))
        if kind is not None and value is not None:
            q_start = max(clause, start)
            out.append(
                Amount(
                    kind, value, Quote(text[q_start : m.end()].strip(), block.page_at(q_start), block=block)
                )
            )
    for m in _UNBUDGETED.finditer(text, start, end):  # "年初未安排预算": a 年初 budget of 0
        out.append(Amount("年初预算", Decimal(0), Quote(m.group(0), block.page_at(m.start()), block=block)))
    return out


def _one_per_kind(amounts: list[Amount]) -> dict[str, Amount]:
    """The amounts by kind, leaving out a kind stated twice (which of the two is meant is unclear)."""
    seen: dict[str, list[Amount]] = {}
    for a in amounts:
        seen.setdefault(a.kind, []).append(a)
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


@dataclass(frozen=True)
class EnumeratedList:
    totals: dict[str, Amount]
    items: list[dict[str, Amount]]


def enumerated_lists(report: Report) -> list[EnumeratedList]:
    """ "…共计X万元，…Y万元。其中：①…②…": the header sentence's amounts and each item's, where the
    items run ①, ②, … without a gap, one a paragraph."""
    blocks = report.document.blocks if report.document else []
    out = []
    for pos, block in enumerate(blocks):
        if block.table is not None:
            continue
        at = block.text.find("其中")
        if (
            at < 0
            or not block.text[at:].lstrip("其中：:，, ").startswith("①")
            and not _opens_next(blocks, pos, at)
        ):
            continue
        if block.text[:at].strip():
            header_block, header_end = block, at
        elif pos > 0 and blocks[pos - 1].table is None:
            header_block, header_end = blocks[pos - 1], len(blocks[pos - 1].text)
        else:
            continue
        start = max(header_block.text.rfind("。", 0, max(header_end - 1, 0)) + 1, 0)
        totals = _one_per_kind(_amounts(header_block, start, header_end))
        j, begin = (pos, block.text.find("①", at)) if "①" in block.text[at:] else (pos + 1, 0)
        items: list[dict[str, Amount]] = []
        while j < len(blocks) and blocks[j].table is None:
            found = _items_in(blocks[j], begin, len(items))
            if not found:
                break
            items += found
            j, begin = j + 1, 0
        if totals and len(items) >= 3:
            out.append(EnumeratedList(totals, items))
    return out


def _items_in(block: Block, begin: int, done: int) -> list[dict[str, Amount]]:
    """The items the paragraph holds from ``begin`` on, numbered on from ``done``: one a paragraph,
    or several when the text export ran "①…；②…" together."""
    text = block.text
    out: list[dict[str, Amount]] = []
    while done + len(out) < len(_CIRCLED):
        mark = _CIRCLED[done + len(out)]
        if not text[begin:].lstrip().startswith(mark):
            break
        nxt = _CIRCLED[done + len(out) + 1] if done + len(out) + 1 < len(_CIRCLED) else None
        end = text.find(nxt, begin) if nxt else -1
        end = len(text) if end < 0 else end
        out.append(_one_per_kind(_amounts(block, begin, end)))
        begin = end
    return out


def _opens_next(blocks: list[Block], pos: int, at: int) -> bool:
    """ "…其中：" ends the paragraph and the next one starts with ①."""
    return (
        not blocks[pos].text[at:].strip("其中：:，, ")
        and pos + 1 < len(blocks)
        and blocks[pos + 1].text.lstrip().startswith("①")
    )


def _tolerance(n: int, values: list[Decimal]) -> Decimal:
    """(n+1) half-units at the list's finest printed precision: a list that prints 19.76 and 10 in
    the same column drops trailing zeros ("10万" is 10.00), it does not round to whole 万元."""
    return (n + 1) * half_unit(max(values, key=decimals))


@rule(
    "sum.enumerated_items",
    title="“其中：①②③…”所列各项之和与总数不符",
    explanation=(
        "绩效报告常先写总数（“项目资金年初预算数共计X万元，实际收到财政拨付Y万元”），再用“其中：①…②…”"
        "逐项列出每个项目的年初预算、财政拨款收入或使用数。同一种金额的各项之和应等于总数。"
        "同一清单里另一种金额的各项之和与其总数正好相等时，说明所列是全部项目，不符即为错误（相差的正好是某一项的金额时，"
        "多半是总数少算或多算了这一项，记为警告）；"
        "否则各项之和超过总数为错误，不足总数只作提示（可能只列了主要项目）。"
    ),
    formula="Σ 各项的某种金额 = 总句中同种金额",
    tolerance="(n+1)×半个末位单位；末位按清单中印得最细的金额计（同一清单有两位小数的金额时，“10万”按10.00计）",
    example="年初预算数共计92.5万元，而①至⑪的年初预算为10+5+17.5+10+20+30+0+0+0+0+0.5=93万元",
)
def enumerated_items(report: Report) -> Iterable[Finding]:
    for lst in enumerated_lists(report):
        every = [a.value for item in lst.items for a in item.values()]
        verdicts: dict[str, tuple[Decimal, list[Amount]]] = {}
        for kind, total in lst.totals.items():
            parts = [item.get(kind) for item in lst.items]
            if any(p is None for p in parts):
                continue
            found = [p for p in parts if p is not None]
            diff = total.value - sum((p.value for p in found), Decimal(0))
            # exact sums prove the list whole; differences inside the tolerance say nothing
            if diff == 0 or abs(diff) > _tolerance(len(found), every + [total.value]):
                verdicts[kind] = (diff, found)
        complete = [k for k, (d, _) in verdicts.items() if d == 0]
        for kind, (diff, found) in verdicts.items():
            if diff == 0:
                continue
            total = lst.totals[kind]
            computed = total.value - diff
            n = len(found)
            severity: Severity
            head = (
                f"文中称“{total.quote.quote}”，其后①至{_CIRCLED[n - 1]}逐项列出的{kind}为"
                f"{'+'.join(f'{p.value:f}' for p in found)}={fmt(computed)}万元，"
            )
            # the gap one item's own figure: the total may leave that item out (004: ⑪非税拨款 0.5; 93 against 92.5) —
            # most likely a total of another scope, a warning naming the item; any other excess an error
            alone = [i for i, p in enumerate(found) if p.value == abs(diff)]
            which = (
                f"相差的{fmt(abs(diff))}万元正是第{_CIRCLED[alone[0]]}项的金额（总数可能{'没有计入' if diff < 0 else '多计了'}这一项），"
                if len(alone) == 1
                else ""
            )
            if complete:
                other = complete[0]
                severity, tail = (
                    "warning" if which else "error",
                    f"与总数相差{fmt(abs(diff))}万元；同一清单各项的{other}之和与总数"
                    f"{lst.totals[other].value:f}万元正好相等，所列是全部项目，{which}{kind}的总数或某项有误。",
                )
            elif diff < 0:
                severity, tail = (
                    "warning" if which else "error",
                    f"比总数多{fmt(-diff)}万元；所列各项是总数的组成部分，合计不能超过总数{'；' + which.rstrip('，') if which else ''}。",
                )
            else:
                severity, tail = "info", f"比总数少{fmt(diff)}万元；可能只列了主要项目。"
            yield make_finding(
                "sum.enumerated_items",
                severity,
                f"{kind}/{total.value}",
                head + tail,
                f"{total.value:f}",
                fmt(computed),
                [total.quote, *(p.quote for p in found)],
            )


# "支出预算总额为897.32万元，其中：工资福利支出656.52万元，商品服务支出194.46万元，对个人和家庭的补助46.34万元。"
# (004); "工资福利支出133.4万元，其中基本工资50.07万元，津贴补贴9.63万元，……；" (001). The parts run to the end of
# the clause list: the first "；" or "。".
_LISTED_HEAD = re.compile(
    r"(?P<label>[\u4e00-\u9fff“”（）()]{2,30}?)(?:为|共计|合计|是)?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*万元?"
    r"(?:\s*[，,]\s*所?占[^，,。；;%\d]{0,20}?\d[\d.]*\s*%)?\s*[，,。]?\s*$"
)  # the total, read backwards from each "其中"/"主要包括": only a short window before it (its share may follow it:
# "卫生健康支出(类)660.75万元,占2.05%,其中……")
# (and "主要为A和B，分别为……", "由A和B构成，分别为……")
_LISTED_OPENS = re.compile(
    r"(?:其中|主要包括|主要为|由(?=[^，,。；;等]{2,40}?(?:构成|组成)))\s*[：:，,]?"
)  # (not "由……等构成"; "其中，" as "其中：")
_LISTED_PART = re.compile(
    r"\s*(?P<name>[^，,；;。：:\d%]{1,40}?)(?:为|是)?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*万元?\s*(?:[（(][^）)]{0,30}[）)])?"
    r"\s*(?P<sep>[，,、]|[；;。]|$)"
)
# totals other rules already hold to their parts: 收入/支出总计 (sum.narrative_total), 政府采购 (sum.procurement),
# 基本支出 = 人员经费 + 公用经费 (sum.basic_split)
_CHANGE_HEAD = re.compile(rf"^(?:比|较|与)|{CHANGE_WORD_AT_END.pattern}")  # "比上年增加", "较2023年度减少"
_AMOUNT_BEFORE = re.compile(r"\d\s*万元?\s*[，,、；;]\s*[^。；;\n]*\Z")  # a figure earlier in the sentence
_OWN_RULE = re.compile(r"总计$|采购|基本支出$")
_RESTATED = re.compile(r"(?:合计|小计|共计|总计|总额)$")
_BUDGET_AND_FINAL = re.compile(r"(?:年初|全年|调整后?)预算(?:数)?$|^\s*(?:支出)?决算数?$")
_ROUGHLY = re.compile(rf"(?:{ROUGHLY})$")


def _values(printed: list[str]) -> list[Decimal] | None:
    """The amounts of a list's parts as printed; None when one does not read as an amount."""
    values = [parse_amount(n) for n in printed]
    return None if any(v is None for v in values) else [v for v in values if v is not None]


@dataclass(frozen=True)
class _Part:
    """One part of a list after "其中": its name, its amount as printed, where its clause ends."""

    name: str
    n: str
    end: int


# "其中：公务用车购置费和公务用车运行维护费分别为0.00万元和4.46万元。": the parts as one list
_LISTED_AT_ONCE = re.compile(r"\s*" + AMOUNT_LIST + r"\s*(?=[，,；;。]|$)")


def _listed_parts(text: str, start: int) -> list[_Part] | None:
    """The parts after "其中" at ``start``, up to the clause list's end; None when a clause is not "name N万元"."""
    if (m := _LISTED_AT_ONCE.match(text, start)) is not None:
        amounts = re.findall(FIG, m.group("amounts"))
        names = list_labels(m.group("labels"), len(amounts))
        return [_Part(x, n, m.end()) for x, n in zip(names, amounts, strict=True)] if names else None
    parts: list[_Part] = []
    pos = start
    while (p := _LISTED_PART.match(text, pos)) is not None:
        if p.group("name").strip().startswith(("其中", "主要包括")):
            return (
                parts or None
            )  # a part's own breakdown starts: the list so far (001: "工资福利支出133.4万元，其中…")
        parts.append(_Part(p.group("name"), p.group("n"), p.start("sep")))
        pos = p.end()
        if p.group("sep") in ("；", ";", "。", ""):
            return parts
    return None  # the list runs into a clause without an amount: not a plain list of parts


@rule(
    "sum.listed_parts",
    title="“其中”“主要包括”所列各项之和与总数不符",
    explanation=(
        "文中写“X总额N万元，其中：甲a万元，乙b万元，丙c万元”（或“主要包括”“主要为甲和乙，分别为……”），所列的是总数的组成部分，"
        "各部分之和不能超过总数；逐句列到分句结束（“；”或“。”）的通常是全部组成，各部分之和就应等于总数；"
        "写“由甲和乙构成，分别为……”的明说是全部组成，各部分之和不足总数也是错误。收入支出总计、政府采购金额、"
        "基本支出的人员经费与公用经费由各自的规则核对，这里不再重复。"
    ),
    formula="Σ “其中”所列各项 ≤ 总数（所列为全部组成时、“由……构成”时 = 总数）",
    tolerance="(n+1)×半个末位单位；各项之和超过总数为错误，不足总数只作提示（可能只列了主要部分；“由……构成”时为错误），范围内的差额为尾数差异（提示）",
    example="支出预算总额897.32万元，其中：工资福利支出656.52万元，商品服务支出194.46万元，对个人和家庭的补助46.34万元：相符。",
    expected_label="各项之和",
)
def listed_parts(report: Report) -> Iterable[Finding]:
    from generator.checks.tolerance import sum_differs

    doc = report.document
    if doc is None:
        return
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        if b.table is not None or not _LISTED_OPENS.search(b.text):
            continue
        text = b.text
        if (
            i + 1 < len(blocks)
            and blocks[i + 1].table is None
            and re.search(r"(?:其中|主要包括)\s*[：:]?\s*$", text)
        ):
            # "3、公务接待费支出0.39万元。其中：" / "国内公务接待支出0.39万（含外宾接待支出0.00万元）。" (规划局): the parts
            # are the next paragraph's, read joined as Document.text joins them
            text = text + "\n" + blocks[i + 1].text
        for o in _LISTED_OPENS.finditer(text, 0, len(b.text)):
            window = max(0, o.start() - 60)
            h = _LISTED_HEAD.search(text, window, o.start())
            if h is not None and _CHANGE_HEAD.search(h.group("label")):
                # "本年支出合计9759.38万元，比上年增加962.85万元，其中：……": the total before the change
                cut = clause_begin(text, h.start(), "，,")  # the change's clause ("较2023年度减少")
                h = _LISTED_HEAD.search(text, max(0, cut - 60), cut) if cut > 0 else None
            if h is None or (
                h.group(0).rstrip().endswith("。") and _AMOUNT_BEFORE.search(text, 0, h.start())
            ):
                # "……，出国（出境）费用0万元。其中公务接待费……": the last part of the sentence before is no total; a
                # total closing its sentence opens it ("3、公务接待费支出0.39万元。其中：")
                continue
            label = h.group("label").strip("“”")
            if _OWN_RULE.search(label) or _ROUGHLY.search(label):
                continue  # another rule's total, or one stated roughly ("基本支出约144万元"): no sum to hold it to
            listed = _listed_parts(text, o.end()) or []
            # a list closed by its own total ("…支持企业国际化发展50.00万元，合计1,170.00万元", a budget) restates it
            parts = [p for p in listed if not _RESTATED.match(p.name.strip())]
            total = parse_amount(h.group("n"))
            if not parts or total is None or any(_BUDGET_AND_FINAL.search(p.name) for p in parts):
                continue  # "其中：基本支出年初预算2400.00万元，支出决算2336.91万元；……": each part's budget and 决算
            amounts = _values([p.n for p in parts])
            if amounts is None:
                continue
            beyond, diff = sum_differs(amounts, total)
            if diff == 0 or (diff > 0 and (len(parts) < 2 or not beyond)):
                continue  # equal, or short by less than rounding or with one part only (a part, not the list)
            computed = sum(amounts, Decimal(0))
            over = diff < 0
            # "由A和B构成，分别为……": all the parts, so a sum short of the total is wrong too
            whole = o.group(0).startswith("由")
            severity: Severity = "error" if beyond and (over or whole) else "info"
            terms = " + ".join(f"{p.name.strip()}{fmt(v)}万元" for p, v in zip(parts, amounts))
            verdict = (
                "各部分之和超过了总数，至少一个数字有误。"
                if severity == "error" and over
                else "文中说总数由这几项构成，各部分之和应等于总数，至少一个数字有误。"
                if severity == "error"
                else "差额在各项四舍五入的误差范围内，属尾数差异。"
                if not beyond
                else "若所列是全部组成，则有数字不符；也可能只列了主要部分。"
            )
            yield make_finding(
                "sum.listed_parts",
                severity,
                f"{label}/{total}",
                f"文中称{label}{fmt(total)}万元，其中{terms} = {fmt(computed)}万元，"
                f"与总数相差{fmt(abs(diff))}万元；{verdict}",
                fmt(total),
                fmt(computed),
                [
                    Quote(
                        text[h.start("label") : parts[-1].end].rstrip(),
                        b.page_at(h.start("label")),
                        None,
                        block=b,
                    )
                ],
            )


# "新疆金领技工学校221.25万元,新疆鑫鹏达技工学校269.72万元,……乌鲁木齐市城市科技技工学校97.35万元,共计金额1286.27万元"
# (003): the parts first, closed by their total
_CLOSING_TOTAL = re.compile(
    rf"(?:共计|合计|总计)(?:支付|拨付|发放)?(?:金额)?为?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*{WAN}"
)
_PART_BEFORE = re.compile(
    rf"(?P<name>[\u4e00-\u9fff“”（）()]{{2,30}}?)\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*{WAN}\s*[，,；;、]\s*$"
)


@rule(
    "sum.parts_total",
    title="逐项列出的金额之和与其后的“共计”不符",
    explanation=(
        "文中先逐项列出同一类的几笔钱（“新疆金领技工学校221.25万元，新疆鑫鹏达技工学校269.72万元，……”），再写"
        "“共计X万元”收尾。“共计”说的就是前面这几项的和，两者应相等。只读紧挨在“共计”之前、以逗号或分号隔开的"
        "“名称+金额”，且各项名称有相同的结尾（都是“……技工学校”“……补贴”）：列举之前的“年初预算……万元”这类话"
        "不是其中一项，不会被算进去。"
    ),
    formula="Σ 所列各项 = 共计",
    tolerance="(n+1)×半个末位单位；超出为错误，范围内的差额为尾数差异（提示）",
    example="221.25+269.72+147.36+550.59+97.35=1286.27，与“共计金额1286.27万元”相符。",
    expected_label="各项之和",
)
def parts_total(report: Report) -> Iterable[Finding]:
    from generator.checks.tolerance import sum_differs

    doc = report.document
    if doc is None:
        return
    for b in doc.blocks:
        if "共计" not in b.text and "合计" not in b.text and "总计" not in b.text:
            continue
        for t in _CLOSING_TOTAL.finditer(b.text):
            parts: list[re.Match[str]] = []
            end, ending = t.start(), ""  # ending: the reversed ending the items' names share
            while (p := _PART_BEFORE.search(b.text, max(0, end - 60), end)) is not None:
                shared = commonprefix([ending, p.group("name")[::-1]]) if parts else p.group("name")[::-1]
                if len(shared) < 2:
                    break  # not one of the list's items: what opens the sentence ("年初预算100万元，……")
                parts.insert(0, p)
                end, ending = p.start(), shared
            names = [p.group("name") for p in parts]
            total = parse_amount(t.group("n"))
            values = _values([p.group("n") for p in parts])
            if len(parts) < 2 or total is None or values is None:
                continue
            beyond, diff = sum_differs(values, total)
            if diff == 0:
                continue
            computed = sum(values, Decimal(0))
            terms = " + ".join(f"{n}{fmt(v)}万元" for n, v in zip(names, values))
            verdict = "至少一个数字有误。" if beyond else "差额在各项四舍五入的误差范围内，属尾数差异。"
            yield make_finding(
                "sum.parts_total",
                "error" if beyond else "info",
                f"{names[0]}/{total}",
                f"文中逐项列出{terms} = {fmt(computed)}万元，随后写共计{fmt(total)}万元，相差{fmt(abs(diff))}万元；{verdict}",
                fmt(total),
                fmt(computed),
                [
                    Quote(
                        b.text[parts[0].start("name") : t.end()],
                        b.page_at(parts[0].start("name")),
                        None,
                        block=b,
                    )
                ],
            )
