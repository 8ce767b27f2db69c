"""yoy.reason_*: the reasons a report gives for year-over-year changes, read against each other and
against the staff numbers it states.

A report explains every change ("主要原因是：本年增加三支一扶工作经费、就业信息化建设补助资金…").
The same named fund, or the same group of staff, can then be said to go up in one explanation and
down (or stay unchanged) in another. Only named things are compared: generic words (经费, 相应支出,
人员经费) say nothing about which money moved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.checks import make_finding, per_report, rule
from generator.checks.yoy import _sign
from generator.extract.narrative import DATED_YEAR, section_of
from generator.model import Block, Document, Finding, Quote, Report

# "主要原因是：" (also 原因为, 原因：) after a year-over-year statement; the explanation runs to the end
# of the paragraph or to the next sentence that states figures or a budget comparison.
_REASON = re.compile(r"原因(?:是|为|主要是|主要为)?\s*[:：]?")
_YOY_BEFORE = re.compile(r"(?:比|较|与)\s*(?:上年|上一年|去年|\d{4}\s*年)|同比")
# budget-vs-final wording: "年初预算数", "预决算差异", "完成预算的" (not 一般公共预算财政拨款, a fund's name)
_BUDGET = re.compile(r"年初预算|全年预算|预算数|预决算|预算为|完成预算|预算的|追加")
_STOP_SENTENCE = re.compile(r"\d\s*(?:万元|%|人)|原因|" + _BUDGET.pattern)
_CLAUSE = re.compile(r"[^，,；;。：:]+")

_UP_VERB = ("增加", "新增", "上涨", "增长")  # the patterns' other verbs say 减少
# "本年增加X、Y等项目" — the verb first.
_VERB_FIRST = re.compile(
    r"^(?:虽然|虽|但是|但|而|本年度?|今年|\d{4}\s*年度?|本单位|单位|部门|主要是|主要为|由于|因|[较比]上一?年度?)*"
    r"(?P<verb>增加|新增|减少|压减)了?(?P<items>.+)$"
)
# "本年单位物业管理费、差旅费较上年减少" — the items first.
_VERB_LAST = re.compile(
    r"^(?P<items>.+?)(?:较|比)?(?:上年|上一年度?|上年度)?(?:相应|有所|大幅|略有)?(?P<verb>增加|减少|上涨|下降)"
    r"(?:较多|较大|明显|显著)?$"
)
_SAME = re.compile(r"^(?P<items>.+?)(?:与|和|同)(?:上年|上一年度?|上年度)(?:基本)?(?:一致|相同|持平)")

# A named item: these prefixes are not part of the name, these suffixes only say it is money.
_LEAD = re.compile(
    r"^(?:虽然|虽|但是|但|而|本年度?|今年|本单位|我单位|单位|部门|导致|主要是|主要为|由于|因|其中|用于|及|和)+"
)
_SUFFIX = re.compile(
    r"(?:工作经费|补助资金|项目资金|项目经费|专项经费|经费支出|费用支出|费支出|经费|资金|费用|费|支出|项目)$"
)
_GENERIC = {"人员", "相关人员", "公用", "相应", "相关", "其他", "日常", "运行", "工作", "项目", "基本", "人员工资"}  # fmt: skip
STAFF = ("在职人员", "退休人员", "离休人员")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_YEAR = re.compile(r"\d{4}\s*年度?")
_QUALIFIED = re.compile(r"\d|[(（]")


@dataclass(frozen=True)
class Statement:
    """One named item said to go up (1), down (-1) or stay as it was (0), where the report says so."""

    name: str  # as written
    key: str  # the name without 的 and without a money suffix: what two statements are matched on
    sign: int
    quote: Quote
    # where the reason explains one 科目's change ("……信息化建设(项):支出决算数为7.14万元，比上年决算增加7.14万元……主要原因
    # 是:……"): that paragraph's number and the sign of the change it states; None elsewhere
    item: tuple[int, int] | None = None


# the words of a change from last year: "比上年", "同比", "与上年决算相比，"
_SINCE_LAST_YEAR = r"(?:(?:比|较)(?:上年|去年)|同比|与(?:上年|去年)(?:决算)?(?:数)?相比[，,]?)"
# a 项's own change, stated before its reason: "(项):支出决算数为20.00万元，比上年决算增加0.00万元"
_OWN_CHANGE = re.compile(
    rf"[（(]项[）)][^。；]*?{_SINCE_LAST_YEAR}(?:决算)?数?(?P<verb>增加|减少)"
    r"\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*万元"
)


def item_key(name: str) -> str:
    key = _LEAD.sub("", name.replace("的", "").strip())
    for _ in range(3):  # "补助资金项目支出"
        shorter = _SUFFIX.sub("", key)
        if shorter == key:
            break
        key = shorter
    return key


# 公用经费 items of 公开06表 (302xx), short but each one account of the unit's money: "差旅费较上年减少"
# and "办公费、差旅费等较上年增加" speak of the same 差旅费.
ECONOMIC_ITEMS = {
    "办公", "印刷", "咨询", "手续", "水", "电", "邮电", "取暖", "物业管理", "差旅", "维修", "维护", "维修（护）",
    "租赁", "会议", "培训", "公务接待", "专用材料", "劳务", "委托业务", "工会", "福利", "公务用车运行维护",
}  # fmt: skip


def _names_something(key: str) -> bool:
    """At least four Chinese characters besides a year, not a generic word: "2023年度取暖" or
    "相关人员" name nothing; "援疆" or "差旅" are too short to tell one fund from another."""
    return (
        key in STAFF
        or key in ECONOMIC_ITEMS
        or len(_HAN.findall(_YEAR.sub("", key))) >= 4
        and key not in _GENERIC
        and not key.endswith("人员")
    )


def _items(text: str) -> list[str]:
    """The names in "X、Y等项目": split on 、 and 等; "A及B" stands for two items."""
    out = []
    for part in re.split(r"[、]|等(?:项目|方面)?|及", text):
        part = _LEAD.sub("", part.strip())
        if part:
            out.append(part)
    return out


def _explains_change(head: str) -> bool:
    """Whether the 原因 after ``head`` explains a change on last year: its own sentence says
    比上年/与2023年度相比, or it is a bare "主要原因：" after the sentence that does. A budget-vs-final
    explanation ("决算数小于预算数的主要原因", 年中追加…) is not one."""
    sentences = re.split(r"[。；;]", head)
    own = sentences[-1]
    if _BUDGET.search(own):
        return False
    if _YOY_BEFORE.search(own):
        return True
    before = sentences[-2] if len(sentences) > 1 else ""
    return len(own.strip()) <= 4 and not _BUDGET.search(before) and bool(_YOY_BEFORE.search(before))


def _reason_spans(block: Block) -> Iterator[tuple[int, int]]:
    """(start, end) of each year-over-year explanation in a paragraph."""
    text = block.text
    for m in _REASON.finditer(text):
        if not _explains_change(text[max(0, m.start() - 200) : m.start()]):
            continue
        start, end = m.end(), m.end()
        while end < len(text):
            stop = text.find("。", end)
            stop = len(text) if stop < 0 else stop + 1
            sentence = text[end:stop]
            if end > start and _STOP_SENTENCE.search(sentence):
                break
            end = stop
        yield start, end


def _clauses(block: Block, start: int, end: int) -> Iterator[tuple[str, int]]:
    for m in _CLAUSE.finditer(block.text, start, end):
        clause = m.group(0)
        stripped = clause.strip()
        if stripped:
            yield stripped, m.start() + clause.index(stripped)


# "……以及项目支出中合同支付进度条款等原因减少支付", "……等因素增加了支出": the verb after the causes, its object last
_VERB_AFTER_CAUSE = re.compile(
    r"^.{2,60}?等?(?:原因|因素)(?P<verb>增加|减少)了?(?!的)(?P<items>[\u4e00-\u9fff]{1,8})$"
)


def _said(clause: str) -> tuple[str, int] | None:
    """What one clause of an explanation says moved, and which way: ("X、Y", 1 up / -1 down / 0 same)."""
    if m := _SAME.match(clause):
        return m.group("items"), 0
    if (
        (m := _VERB_FIRST.match(clause))
        or (m := _VERB_LAST.match(clause))
        or (m := _VERB_AFTER_CAUSE.match(clause))
    ):
        return m.group("items"), 1 if m.group("verb") in _UP_VERB else -1
    return None


def _statements_in(block: Block, section: str | None, pos: int = 0) -> Iterator[Statement]:
    """What each clause of the block's explanations says goes up, down or stays as it was."""
    for start, end in _reason_spans(block):
        change = _OWN_CHANGE.search(block.text[:start])
        item = None
        if change:
            n = Decimal(change["n"].replace(",", ""))
            item = (pos, 0 if n == 0 else 1 if change["verb"] == "增加" else -1)
        for clause, at in _clauses(block, start, end):
            found = _said(clause)
            if found is None:
                continue
            items, sign = found
            quote = Quote(clause, block.page_at(at), section, block=block)
            for name in _items(items):
                key = item_key(name)
                if _names_something(key):
                    yield Statement(name, key, sign, quote, item)


@per_report("document")  # both rules read the same report's statements
def reason_statements(report: Report) -> list[Statement]:
    return _read_statements(report.document) if report.document else []


def _read_statements(doc: Document) -> list[Statement]:
    sections = section_of(doc)
    out: list[Statement] = []
    for pos, block in enumerate(doc.blocks):
        if block.table is None and "原因" in block.text:
            out.extend(_statements_in(block, sections[pos] or None, pos))
    return out


def _same_item(a: str, b: str) -> bool:
    """Equal keys, or one the other's beginning when the shorter still names something (≥ 6 characters):
    四级联动视频会议 ~ 四级联动视频会议系统使用."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if _QUALIFIED.search(a + b):
        return False  # "2024年…(第二批)" and the 2023 one are different money
    return len(short) >= 6 and long_.startswith(short)


_WORD = {1: "增加", -1: "减少", 0: "与上年持平"}


def _overall(s: Statement) -> bool:
    """Said under a 总体情况 heading (the innermost one: "五、… / （一）…总体情况", not "…总体… / （三）…具体情况")."""
    return "总体" in (s.quote.section or "").split(" / ")[-1]


def _unit_wide_against_item(a: Statement, b: Statement, statements: list[Statement]) -> bool:
    """One statement explains the whole unit's change (a 总体情况 section), the other one item's, and
    no other item says the fund moved the unit-wide way. Two items may both be right (the fund moved
    from one 科目 to another: one 减少, the other 增加); an item cannot fall against the whole unit's rise
    unless another item rose."""
    if _overall(a) == _overall(b):
        return False
    unit, item = (a, b) if _overall(a) else (b, a)
    return not any(
        s.key == unit.key and s.sign == unit.sign and not _overall(s) for s in statements if s is not item
    )


def _each_its_own_item(a: Statement, b: Statement) -> bool:
    """Two 科目's reasons, each agreeing with the change its own paragraph states: 002's 财政事务 信息化建设 "比上年决算
    增加7.14万元……本年单位增加四级联动视频会议……经费" and 人社管理事务 信息化建设 "比上年决算增加0.00万元……四级联动的视频会议系统
    使用……费与上年一致". The same kind of money went up in one 科目 and stayed in the other: both are true."""
    return (
        a.item is not None
        and b.item is not None
        and a.item[0] != b.item[0]
        and a.item[1] == a.sign
        and b.item[1] == b.sign
    )


@rule(
    "yoy.reason_conflict",
    title="两处原因说明对同一事项的增减说法相反",
    explanation=(
        "报告对每项变动都要说明原因。同一笔有名称的经费（或同一类人员），在一处原因里说“增加”，"
        "在另一处却说“减少”或“与上年一致”，两种说法不能同时成立，至少一处原因写错或照抄了别处。"
        "只比较点了名的事项（如“就业信息化建设补助资金”），“经费”“相应支出”这类泛称不比较；"
        "一处是总体情况的原因（整个单位的这笔钱增加），另一处是某一项的原因（这一项的这笔钱减少），且没有别的项"
        "说它增加时，两种说法不能同时成立，记为警告；两处都是某一项的原因（钱可能从一个科目调到另一个科目）、"
        "名称只是前段相同或“差旅费”这类各项都有的费用，只作提示。两处都是某一科目（项）的原因、且各自的增减与本段所写"
        "该科目的变动方向一致时（一项比上年增加7.14万元，原因是“增加四级联动视频会议……经费”；另一项比上年增加0.00万元，"
        "原因是“四级联动的视频会议系统使用……费与上年一致”），两种说法可以同时成立，不报。"
    ),
    formula="方向(事项, 原因甲) = 方向(事项, 原因乙)",
    tolerance="用词判断，无数值容差；名称去掉“的”和“经费/资金/费”等后缀后比较",
    example="总体原因称“本年增加……就业信息化建设补助资金、就业工作经费”，"
    "其他就业补助支出的原因却是“本年单位减少就业信息化建设补助资金、就业工作经费”。",
    expected_label="另一处所述",
)
def reason_conflict(report: Report) -> Iterable[Finding]:
    statements = reason_statements(report)
    reported: set[tuple[str, str]] = set()
    for i, a in enumerate(statements):
        for b in statements[i + 1 :]:
            if a.sign == b.sign or a.quote == b.quote or not _same_item(a.key, b.key):
                continue
            if a.key in STAFF or b.key in STAFF:
                continue  # staff: yoy.reason_staff, which also reads the staff numbers
            if _each_its_own_item(a, b):
                continue
            pair = (a.quote.quote, b.quote.quote)
            if pair in reported:
                continue
            reported.add(pair)
            exact = a.key == b.key and 0 not in (a.sign, b.sign) and a.key not in ECONOMIC_ITEMS
            proven = exact and _unit_wide_against_item(a, b, statements)
            verdict = (
                f"同一事项一处说{_WORD[a.sign]}、一处说{_WORD[b.sign]}，两处说法矛盾。"
                if proven
                else f"两处说的像是同一事项，却一处{_WORD[a.sign]}、一处{_WORD[b.sign]}；"
                "若是在不同科目之间调整或分列，应分别说明，否则至少一处原因有误。"
            )
            yield make_finding(
                "yoy.reason_conflict",
                "warning" if proven else "info",
                a.key,
                f"一处原因说明称“{a.quote.quote}”（{a.name}{_WORD[a.sign]}），"
                f"另一处却称“{b.quote.quote}”（{b.name}{_WORD[b.sign]}）。{verdict}",
                f"{a.name}{_WORD[a.sign]}",
                f"{b.name}{_WORD[b.sign]}",
                [a.quote, b.quote],
            )


# "在职人员25人，增加0人" — the staff section's own count of the change.
_STAFF_CHANGE = re.compile(
    r"(?P<who>在职人员|退休人员|离休人员)\s*(?P<n>\d[\d,]*)\s*人\s*[，,]\s*(?P<verb>增加|减少)\s*(?P<d>\d+)\s*人"
)


def staff_changes(report: Report) -> dict[str, tuple[int, Quote]]:
    doc = report.document
    out: dict[str, tuple[int, Quote]] = {}
    for block in doc.blocks if doc else []:
        if block.table is not None:
            continue
        for m in _STAFF_CHANGE.finditer(block.text):
            d = int(m.group("d"))
            sign = 0 if d == 0 else (1 if m.group("verb") == "增加" else -1)
            out.setdefault(m.group("who"), (sign, Quote(m.group(0), block.page_at(m.start()), block=block)))
    return out


@rule(
    "yoy.reason_staff",
    title="原因说明中的人员增减与人员情况不符",
    explanation=(
        "报告开头写明在职、退休、离休人员各多少人、比上年增加或减少几人；后面解释支出变动时又常以"
        "“本年在职人员减少”“退休人员增加”为原因。原因里的增减方向与人员情况所写的人数变动（或另一处原因）"
        "相反时，至少一处写错。人员情况写与上年持平、报告又写本年有人员调入和退休时，年内人数可能有过增减，只作提示。"
    ),
    formula="方向(原因中的人员变动) = 符号(人员情况中的增减人数)",
    tolerance="用词判断；“增加0人”视为与上年持平",
    example="人员情况写“在职人员25人，增加0人”，其他行政事业单位医疗支出的原因却是“本年在职人员减少”。",
    expected_label="人员情况所写",
)
def reason_staff(report: Report) -> Iterable[Finding]:
    counts = staff_changes(report)
    said = [s for s in reason_statements(report) if s.key in STAFF and s.sign != 0]
    # staff who came and went within the year ("本年在职人员调入，退休", 000): a year-end count as last year's does not
    # rule out fewer (or more) during the year
    moved = report.document is not None and bool(_MOVED_STAFF.search(report.document.text))
    for who, (sign, quote) in counts.items():
        for s in said:
            if s.key != who or s.sign == sign:
                continue
            stated = "与上年持平" if sign == 0 else _WORD[sign]
            during = sign == 0 and moved
            yield make_finding(
                "yoy.reason_staff",
                "info" if during else "warning",
                who,
                f"人员情况写“{quote.quote}”，即{who}{stated}；原因说明却称"
                f"“{s.quote.quote}”，{who}{_WORD[s.sign]}，"
                + (
                    "两处说法不一致；报告另写本年有人员调入、退休，年内人数可能有过增减，但年末人数与上年相同。"
                    if during
                    else "两处说法矛盾。"
                ),
                f"{who}{_WORD[s.sign]}",
                f"{who}{stated}",
                [s.quote, quote],
            )
    loose = [
        s for s in said if s.key not in counts
    ]  # no staff numbers stated: the reasons against each other
    for i, a in enumerate(loose):
        for b in loose[i + 1 :]:
            if a.key == b.key and a.sign != b.sign:
                yield make_finding(
                    "yoy.reason_staff",
                    "warning",
                    a.key,
                    f"一处原因说明称“{a.quote.quote}”，另一处却称“{b.quote.quote}”，"
                    f"{a.key}一处{_WORD[a.sign]}、一处{_WORD[b.sign]}，两处说法矛盾。",
                    f"{a.key}{_WORD[a.sign]}",
                    f"{b.key}{_WORD[b.sign]}",
                    [a.quote, b.quote],
                )


_MOVED_STAFF = re.compile(r"在职人员[^。；]{0,6}(?:调入|调出|新进|招录)[^。；]{0,8}(?:退休|调出|调入|离职)")


# "宗教事务(项):…比上年决算增加1.20万元…主要原因是:功能科目调整，寺管人员津贴补贴上年在其他统战事务支出科目列支，
# 本年在此科目列支，导致经费增加。"
_ITEM_CHANGE = re.compile(
    r"(?P<item>[^()（）:：,，。\d.、]{2,30})[(（]项[)）]\s*[:：]?.{0,40}?"
    rf"{_SINCE_LAST_YEAR}(?:决算)?(?P<verb>增加|减少)"
)
_MOVED_IN = re.compile(
    r"上年在(?P<source>[^，,。；]{2,30}?)(?:科目)?列支[，,]\s*本年(?:调整)?在(?:此|本|该)科目列支"
)


@rule(
    "yoy.reason_transfer",
    title="“科目调整”的原因与本项的变动不符",
    explanation=(
        "功能科目调整时，报告会写“上年在甲科目列支，本年在此科目列支”：钱从甲科目挪到了本项，本项因此增加、"
        "甲科目相应减少。若写这句话的正是甲科目本身（从自己挪到自己），或本项反而减少了，说明这段原因是从"
        "另一项照抄过来的，没有改成本项的实际情况。"
    ),
    formula="“上年在甲科目列支，本年在此科目列支” ⇒ 甲 ≠ 本项，且本项比上年增加",
    tolerance="用词判断，科目名去掉“支出”“科目”后比较",
    example="其他统战事务支出（项）比上年减少2.16万元，原因却是“上年在其他统战事务支出科目列支，本年在此科目列支”。",
    expected_label="应为",
)
def reason_transfer(report: Report) -> Iterable[Finding]:
    doc = report.document
    for b in doc.blocks if doc else []:
        if b.table is not None or "此科目" not in b.text and "本科目" not in b.text:
            continue
        moved = _MOVED_IN.search(b.text)
        item = _ITEM_CHANGE.search(b.text, 0, moved.start()) if moved else None
        if moved is None or item is None:
            continue
        name, source = item["item"].strip(), moved["source"].strip()
        itself = item_key(name) == item_key(source)
        if not itself and item["verb"] == "增加":
            continue
        why = (
            f"钱是从“{source}”挪来的，而本项正是{name}，自己挪给自己说不通"
            if itself
            else "钱挪进了本项，本项却比上年减少"
        )
        yield make_finding(
            "yoy.reason_transfer",
            "warning",
            name,
            f"{name}（项）比上年{item['verb']}，原因写“{moved.group(0)}”：{why}；这段原因像是从另一项照抄的。",
            re.split(r"[，,]", moved.group(0))[0] if itself else f"{name}{item['verb']}",
            # what the reason should say: a fall is money moved out to another 科目 (002's 其他统战事务, copied from
            # 宗教事务's "上年在其他统战事务支出科目列支，本年在此科目列支"), a rise money moved in from one
            ("本年改在其他科目列支" if item["verb"] == "减少" else "来自其他科目")
            if itself
            else f"{name}增加",
            [
                Quote(b.text[item.start() : item.end()], b.page_at(item.start()), block=b),
                Quote(moved.group(0), b.page_at(moved.start()), block=b),
            ],
        )


# "……比上年决算减少0.26万元，减少18.3%，减少的主要原因是……": the explanation names the direction itself.
_LABEL_VERB = re.compile(r"(?P<verb>增加|减少|增长|下降)的?(?:主要)?原因")
# a clause about money: what it says moved is a fund, an expense or a project, not people or workload
_MONEY = re.compile(r"(?:经费|资金|支出|费用?|补贴|补助|项目|工资|收入|拨款|支付)数?$")
_GAP = 20  # the explanation starts right after the change it explains: "，主要原因是：", "。主要原因是："
# money whose rise means less spent ("增加节约资金", "结转资金增加"): says nothing about the direction
_INVERSE = re.compile(r"节约|结余|结转|压减|调减|减免|退回|缴回|收回|欠款|缺口|扣减")


# causes set against each other: "同时因……等原因增加支出，两者相抵后总体减少", "虽因调资等原因增加支出，但……"
_CONTRAST = re.compile(r"同时|虽|但|另一方面|一方面|另外|相抵|抵消|抵减|部分|[一二三四]是")
# the spending of the item a change is about, in its reason's last words: "相应支出增加", "导致经费较上年增加"
_OWN_SPENDING = re.compile(r"^(?:相应|相关|该项|本项|此项)?的?(?:支出|经费|费用|资金)数?$")
_SPENDING_WORD = re.compile(r"(?:支出|经费|费用|资金|费)数?$")


def _own_spending(items: str, subject: str) -> bool:
    """Whether a reason's clause speaks of the spending of the item its change is about: a bare "相应支出", or a name
    the item's own holds ("退休费支出" of 行政单位离退休(项), "职业年金缴费支出" of 机关事业单位职业年金缴费支出(项))."""
    for item in _items(items):
        if _OWN_SPENDING.match(item):
            return True
        core = item
        while _SPENDING_WORD.search(core):
            core = _SPENDING_WORD.sub("", core)
        if len(core) >= 2 and core in subject:
            return True
    return False


def _change_sign(claim: dict[str, Any]) -> int:
    """+1 / -1 for a change stated with a non-zero amount or percentage whose two words agree, else 0."""
    signs = {_sign(w) for w in (claim["direction"], claim["percent_direction"]) if w}
    if len(signs) != 1 or 0 in signs or not (claim["change"] or claim["percent"]):
        return 0
    return signs.pop()


def _explained(report: Report) -> Iterator[tuple[dict[str, Any], Block, int, int, int, str | None]]:
    """Each year-over-year claim with the explanation that follows it: (claim, block, where the claim's quote ends,
    the explanation's start and end, section)."""
    doc = report.document
    if doc is None:
        return
    sections = section_of(doc)
    by_block: dict[int, list[dict[str, Any]]] = {}
    for claim in report.yoy_claims:
        by_block.setdefault(claim["block"], []).append(claim)
    for pos, claims in by_block.items():
        block = doc.blocks[pos]
        for start, end in _reason_spans(block):
            for claim in claims:
                at = block.text.rfind(claim["quote"].quote, 0, start)
                if at < 0:
                    continue
                at += len(claim["quote"].quote)
                gap = block.text[at:start]
                if len(gap) <= _GAP and "原因" in gap and not re.search(r"\d", gap):
                    yield claim, block, at, start, end, sections[pos] or None
                    break


def _of_another_year(clause: str, year: int | None) -> bool:
    """The clause tells of another year ("2023年度更换了老旧照明设施后电费减少", "上年度电费支出减少"); a year compared
    with ("与2023年度相比电费支出减少") is this year's change."""
    if re.match(r"\s*(?:上一?年度?|去年)(?!同期)", clause):
        return True
    # "本年度减少2023年非直达—技工院校学生资助补助……项目支出": a year after the verb is in the name of the money moved
    if first := _VERB_FIRST.match(clause):
        clause = clause[: first.start("verb")]
    return year is not None and any(int(y) != year for y in DATED_YEAR.findall(clause))


def _other_way_before(report: Report, claim: dict[str, Any], block: Block, at: int) -> bool:
    """The sentence the reason follows also states another figure's change the other way ("机关运行经费……增加2.55万元，
    增长1.40%，人员经费同比下降2.50%。主要原因是……"): which of the two the reason explains is a matter of meaning."""
    begin = block.text.rfind("。", 0, at - len(claim["quote"].quote)) + 1
    for other in report.yoy_claims:
        if other is claim or other["block"] != claim["block"] or other["subject"] == claim["subject"]:
            continue
        where = block.text.find(other["quote"].quote, begin, at)
        if where >= 0 and _change_sign(other) == -_change_sign(claim):
            return True
    return False


@rule(
    "yoy.reason_direction",
    title="原因说明的增减方向与变动本身相反",
    explanation=(
        "报告写完“比上年增加（减少）……”，紧接着说明“主要原因是：……”。原因里说到的经费、资金、项目支出，"
        "若全都朝相反方向变动（支出增加，原因却只说“本年减少某某资金”），或原因开头写“减少的主要原因是”而变动是增加，"
        "原因与变动自相矛盾：多半是照抄了别处的原因，或把增减写反了。原因里只要有一处与变动同向，"
        "或说的是人员、业务量等非钱的事项（“死亡减员人员逐年增加”使补贴支出减少），或是增加了反而少花钱的"
        "节约、结余、结转资金，都不报告；但原因说这一项自己的支出反向变动（“本年退休人员增加，……，退休费支出减少”"
        "接在增加之后），而没有哪笔经费与变动同向时，仍然报告；原因以“……等原因（因素）增加（减少）支出”总括整项支出的方向、"
        "与变动相反时，也报告（原因写“同时”“虽”“但”“另外”“一是……二是”“相抵”等、几方面原因并列或相互抵消的，这一句不算）。"
    ),
    formula="方向(变动) = 方向(原因所述的经费、资金、支出)",
    tolerance="用词判断，无数值容差；原因须紧跟在变动之后（相隔不超过20个字、其间没有数字）",
    example="“比上年决算增加26.60万元，增长172.95%，主要原因是：本年减少自治区就业补助资金。”",
    expected_label="变动的方向",
)
def reason_direction(report: Report) -> Iterable[Finding]:
    for claim, block, at, start, end, section in _explained(report):
        sign = _change_sign(claim)
        if sign == 0 or _other_way_before(report, claim, block, at):
            continue
        opposite: list[tuple[str, int]] = []
        if (label := _LABEL_VERB.search(block.text, at, start)) and _sign(label["verb"]) == -sign:
            opposite.append((label.group(0), label.start()))
        agrees = agrees_money = own_opposite = whole_opposite = False
        for clause, where in _clauses(block, start, end):
            found = _said(clause)
            if found is None or found[1] == 0 or _INVERSE.search(found[0]):
                continue
            if found[1] != sign and _of_another_year(clause, report.year):
                continue  # "2023年度更换了老旧照明设施后电费减少": what happened in another year, not this change's way
            money = any(_MONEY.search(name) for name in _items(found[0]))
            if found[1] == sign:
                agrees, agrees_money = True, agrees_money or money
            elif money:
                # "……勤俭节约等原因增加支出": the causes summed up, and the whole spending said to move the other way;
                # unless set against other causes ("……完结，但物价上涨等因素增加了支出", "一是……；二是……等因素增加了支出")
                cause = _VERB_AFTER_CAUSE.match(clause)
                if cause and _CONTRAST.search(block.text, start, end):
                    continue
                opposite.append((clause, where))
                own_opposite = own_opposite or _own_spending(found[0], claim["subject"])
                whole_opposite = whole_opposite or bool(cause and _OWN_SPENDING.match(cause["items"]))
        # a cause the other way may stand beside one the change's way; but the item's own spending said to move the
        # other way ("本年退休人员增加，……，退休费支出减少" after an increase) is the change itself, written backwards,
        # unless some money is said to move the change's way too
        if not opposite or (agrees and not (own_opposite and not agrees_money) and not whole_opposite):
            continue
        said = "、".join(f"“{c}”" for c, _ in opposite)
        moved = _WORD[sign]
        yield make_finding(
            "yoy.reason_direction",
            "warning",
            claim["subject"],
            f"文中称{claim['subject']}比上年{moved}（“{claim['quote'].quote}”），紧接着的原因却是{said}，"
            f"说的是{_WORD[-sign]}：原因与变动的方向相反，两者不能同时成立。",
            f"原因：{_WORD[-sign]}",
            f"变动：{moved}",
            [claim["quote"], *(Quote(c, block.page_at(w), section, block=block) for c, w in opposite)],
        )
