"""Figures the 情况说明 states in sentences: one pattern list per canonical metric.

Patterns are tried in order and the first sentence (in document order) that matches wins,
optionally restricted to a section whose heading contains a keyword. Every pattern captures the
figure in a group named ``n``; the quote is the whole match, an exact substring of the block.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from generator.extract.subjects import qualified, subject_words
from generator.model import Block, Document, Quote, Value
from generator.normalize import parse_amount

# A figure as printed: never the tail of a longer token. OCR reads a digit as a look-alike letter ("2O.16万元",
# "3S8.73万元", "l,399.08万元"); such a figure is garbled and goes unread, rather than read as "16", "8.73" or
# "399.08".
FIG = r"(?<![\dA-Za-z.,])-?\d[\d,]*(?:\.\d+)?(?![A-Za-z])"
NUM = rf"(?P<n>{FIG})"
# Where OCR read a digit of a figure as a look-alike letter: "2O.16万元", "29.l3%", a table cell "3S8.73".
_LOOKALIKE = "OoIlSBZ"
# a look-alike letter beside a digit (a search that starts at the letter: fast on text that has none)
_LOOKALIKE_AT = re.compile(rf"[{_LOOKALIKE}](?:(?<=[\d.,][{_LOOKALIKE}])|(?=[.,]?\d))")
_TOKEN = frozenset("0123456789.,-" + _LOOKALIKE)
_UNIT_AFTER = re.compile(r"\s*(?:万元|%)")


def garbled_figures(text: str) -> list[int]:
    """Where each garbled figure starts: a token of digits, look-alike letters and separators holding both a
    digit and such a letter, not part of a word (no ASCII letter before it), and either followed by 万元 or %
    (running text) or standing alone between spaces (a table cell of a row's text)."""
    out: list[int] = []
    end = -1
    for m in _LOOKALIKE_AT.finditer(text):
        if m.start() < end:
            continue  # the token already seen
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1] in _TOKEN:
            start -= 1
        while end < len(text) and text[end] in _TOKEN:
            end += 1
        token = text[start:end]
        before = text[start - 1] if start else " "
        if not any(c.isdigit() for c in token) or (before.isascii() and before.isalpha()):
            continue
        alone = before.isspace() and (end == len(text) or text[end].isspace())
        if alone or _UNIT_AFTER.match(text, end):
            out.append(start)
    return out


# An amount or percentage stated roughly: "约251万元", "近1400万元", "超过1300万元", "1399余万元", "1400万元左右",
# "约占30%", "占比约0%", "0%左右". No exact rule can read it (a list summed without it falls short; a share takes
# another whole; "0%左右" read as an exact 0%), so it is unread like a garbled one.
ROUGHLY = "约|近|逾|超过|大约|将近"  # the words before a figure stated roughly
_ROUGH_BEFORE = re.compile(rf"(?:{ROUGHLY}|约占)\s*(?={FIG}\s*(?:(?:余|多)?\s*万元|%))")
_NOT_ABOUT = "节制预签违履合公条契缩简"  # 约 in a word: "比全年预算节约13.20万元" is exact
_MORE_THAN = re.compile(r"[余多]\s*万元")  # "1399余万元"
_ABOUT = re.compile(r"(?:万元|%)\s*$")  # before "左右"/"上下": "1400万元左右"
_FIG_THEN_END = re.compile(rf"{FIG}\s*$")


def _found(text: str, words: tuple[str, ...]) -> list[int]:
    """Every place one of ``words`` stands in ``text`` (str.find: these words are rare beside the digits a
    pattern would have to start at)."""
    out = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            out.append(at)
            at = text.find(word, at + 1)
    return out


def rough_figures(text: str) -> list[int]:
    """Where each amount or percentage stated roughly starts ("约251万元": at 约; "1399余万元": at the figure)."""
    if "万元" not in text and "%" not in text:
        return []
    out = {
        i
        for i in _found(text, ("约", "近", "逾", "超过", "大约", "将近"))
        if _ROUGH_BEFORE.match(text, i) and not (text[i] == "约" and i and text[i - 1] in _NOT_ABOUT)
    }
    ends = [i for i in _found(text, ("余", "多")) if _MORE_THAN.match(text, i)]
    for i in _found(text, ("左右", "上下")):
        unit = _ABOUT.search(text, max(0, i - 6), i)
        if unit is not None:
            ends.append(unit.start())
    for end in ends:
        figure = _FIG_THEN_END.search(text, max(0, end - 40), end)
        if figure is not None:
            out.add(figure.start())
    return sorted(out)


def unread_figures(text: str) -> list[int]:
    """Where each figure no rule can read starts: garbled by OCR (``garbled_figures``) or stated roughly."""
    return sorted(garbled_figures(text) + rough_figures(text))


def has_unread_figure(text: str) -> bool:
    return bool(unread_figures(text))


# 万元, or 万 alone where it ends the figure ("年初预算20万，全年使用数19.76万", "0.39万（含……）", "增加11.27万的情况"; not
# "5万人次")
WAN = r"万(?:元|(?=的)|(?![\u4e00-\u9fff]))"
W = rf"(?:{WAN})"
IS = r"(?:为|是|达到?|共计?|合计)?"
# "…预算为1.40万元，支出决算为1.16万元": the figure after the budget is the final amount.
BUDGET_THEN = rf"(?:全年|年初)?预算(?:数)?为?\d[\d,]*(?:\.\d+)?{WAN}[，,]\s*(?:支出)?决算(?:数)?为?"


def required_text(regex: re.Pattern[str]) -> tuple[str, ...]:
    """Literal strings every match of ``regex`` contains ("万元", "三公"…), longest first: a text
    without one of them cannot match, so ``in`` tests skip running the regex over most blocks.

    Read from the compiled form of the pattern (the standard library's regex parser): the
    literals in its top-level sequence and in groups and repeats that must occur at least once;
    alternatives, optional parts and lookarounds add nothing. Empty when unsure."""
    try:
        import re._parser as sre  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - a Python without the parser: no quick test
        return ()
    if regex.flags & (re.IGNORECASE | re.VERBOSE):
        return ()
    runs: list[str] = []

    def walk(items: Any) -> None:
        run: list[str] = []
        for op, av in items:
            if op is sre.LITERAL:
                run.append(chr(av))
                continue
            if run:
                runs.append("".join(run))
                run = []
            if op is sre.SUBPATTERN and not av[1]:  # (group, add_flags, del_flags, items)
                walk(av[3])
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
                walk(av[2])
        if run:
            runs.append("".join(run))

    try:
        walk(sre.parse(regex.pattern, regex.flags & ~re.UNICODE))
    except Exception:  # pragma: no cover - the parser's internals changed: no quick test
        return ()
    return tuple(sorted(set(runs), key=lambda r: (-len(r), r)))


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern[str]
    section: str | None = None  # a keyword the section heading must contain
    needs: tuple[str, ...] = ()  # required_text(regex)
    not_after: str | None = None  # a label that, earlier in the same sentence, makes the match its own


def p(regex: str, section: str | None = None, not_after: str | None = None) -> Pattern:
    compiled = re.compile(regex)
    return Pattern(compiled, section, required_text(compiled), not_after)


# Why lookbehinds: "年初财政拨款结转和结余" is not "年初结转和结余", "一般公共预算财政拨款基本支出"
# is not "基本支出", "占本年支出合计的…%" states a share, not the total.
PATTERNS: dict[str, list[Pattern]] = {
    "staff_total": [p(rf"实有人[数员]{IS}{NUM}人"), p(rf"实有(?:在编)?人员{IS}{NUM}人")],
    "staff_active": [p(rf"(?<!离)在职(?:人员|人数|职工){IS}{NUM}人"), p(rf"实际在职人数{IS}{NUM}人?")],
    "staff_retired": [p(rf"(?<!离)退休人员{IS}{NUM}人")],
    "staff_authorized": [p(rf"(?:核定)?编制(?:人)?数{IS}{NUM}(?:人|名)"), p(rf"编制{NUM}(?:人|名)")],
    "income_total": [
        p(rf"(?<!拨款)(?<!财政)收入总计{IS}{NUM}{W}"),
        p(rf"(?<!拨款)(?<!财政)收入支出总计{IS}{NUM}{W}"),
        p(rf"(?<!拨款)收[、,，]?\s*支总计{IS}{NUM}{W}"),
        p(rf"(?<!拨款)(?<!财政)收入[、和及与]\s*支出总计(?:均|都)?{IS}{NUM}{W}"),  # "收入、支出总计均为……"
    ],
    "income_this_year": [
        p(rf"(?<!财政拨款)本年收入合计{IS}{NUM}{W}"),
        p(rf"^本年收入{IS}{NUM}{W}", "收入决算"),
        p(rf"(?<!财政拨款)本年收入{IS}{NUM}{W}[,，]其中", "收入决算"),
        p(rf"\d{{4}}年度收入合计{IS}{NUM}{W}"),
    ],
    "income_fiscal": [
        p(rf"(?<!年初)(?<!本年)(?<!上年)财政拨款收入{IS}{NUM}{W}", "收入决算"),
        p(rf"本年财政拨款收入{IS}{NUM}{W}"),
    ],
    "income_other": [p(rf"其他收入{IS}{NUM}{W}", "收入决算")],
    "carryover_begin": [p(rf"(?<!财政拨款)年初结转和?结余{IS}{NUM}{W}")],
    "expenditure_total": [
        # not the 支出总计 of "财政拨款收入支出总计9746.50万元", nor of "财政拨款收入总计1,397.29万元，支出总计1,397.29万元"
        p(rf"(?<!拨款)(?<!财政)(?<!收入)支出总计{IS}{NUM}{W}", not_after="财政拨款收入总计"),
        p(rf"(?<!拨款)(?<!财政)收入支出总计{IS}{NUM}{W}"),
        p(rf"(?<!拨款)收[、,，]?\s*支总计{IS}{NUM}{W}"),
        p(rf"(?<!拨款)(?<!财政)收入[、和及与]\s*支出总计(?:均|都)?{IS}{NUM}{W}"),
    ],
    "expenditure_this_year": [
        p(rf"(?<!财政拨款)本年支出合计{IS}{NUM}{W}"),
        p(rf"^本年支出{IS}{NUM}{W}", "支出决算"),
        p(rf"(?<!财政拨款)本年支出{IS}{NUM}{W}[,，]其中", "支出决算"),
        p(rf"\d{{4}}年度支出合计{IS}{NUM}{W}"),
    ],
    "expenditure_basic": [p(rf"(?<!拨款)(?<!一般公共预算)基本支出{IS}{NUM}{W}", "支出决算")],
    "expenditure_project": [p(rf"(?<!拨款)项目支出{IS}{NUM}{W}", "支出决算")],
    "carryover_end": [p(rf"(?<!财政拨款)年末结转和?结余{IS}{NUM}{W}")],
    # not one fund's: "国有资本经营预算财政拨款收入总计19.28万元" (003, read before 四 when its section 八 comes first)
    "fiscal_total": [
        p(rf"(?<!预算)财政拨款收入总计{IS}{NUM}{W}"),
        p(rf"(?<!预算)财政拨款收入支出总计{IS}{NUM}{W}"),
        p(rf"(?<!预算)财政拨款收[、,，]?\s*支总计{IS}{NUM}{W}"),
        p(rf"(?<!预算)财政拨款支出总计{IS}{NUM}{W}"),
    ],
    "fiscal_expenditure": [
        p(rf"本年财政拨款支出{IS}{NUM}{W}"),
        p(rf"\d{{4}}年度财政拨款支出{IS}{NUM}{W}"),
    ],
    "gpb_expenditure": [
        p(rf"一般公共预算财政拨款支出(?:决算)?{IS}{NUM}{W}", "一般公共预算财政拨款支出"),
        p(rf"一般公共预算财政拨款支出(?:决算)?{IS}{NUM}{W}"),
        # Reports with only 一般公共预算 money call it "财政拨款支出" in section 五.
        p(rf"^\d{{4}}年度财政拨款支出{IS}{NUM}{W}", "一般公共预算财政拨款支出"),
    ],
    "gpb_budget_initial": [
        p(rf"一般公共预算财政拨款支出年初预算{IS}{NUM}{W}"),
        p(rf"年初预算数?{IS}{NUM}{W}[，,]\s*(?:支出)?决算数", "一般公共预算财政拨款支出"),
        p(rf"^\d{{4}}年度财政拨款支出年初预算数?{IS}{NUM}{W}", "一般公共预算财政拨款支出"),
        p(
            rf"^(?:一般公共预算财政拨款支出)?(?:决算数?为\d[\d,.]*{WAN}[,，])?(?:完成|为)?年初预算(?:数)?{IS}{NUM}{W}",
            "一般公共预算财政拨款支出决算",
        ),
    ],
    "gpb_basic": [
        p(rf"一般公共预算财政拨款基本支出{IS}{NUM}{W}"),
        p(rf"^\d{{4}}年度财政拨款基本支出{IS}{NUM}{W}", "基本支出"),
    ],
    "gpb_basic_personnel": [p(rf"人员经费(?:支出)?{IS}{NUM}{W}", "基本支出")],
    "gpb_basic_public": [p(rf"(?<!和)(?<!及)公用经费(?:支出)?{IS}{NUM}{W}", "基本支出")],
    "sangong_total": [
        p(rf"财政拨款[“\"]?三公[”\"]?经费支出(?:决算)?{IS}{NUM}{W}"),
        p(rf"[“\"]?三公[”\"]?经费(?:财政拨款)?支出{BUDGET_THEN}{NUM}{W}"),
        p(rf"[“\"]?三公[”\"]?经费(?:财政拨款)?支出(?:决算)?{IS}{NUM}{W}", "三公"),
        p(rf"[“\"]三公[”\"]经费财政拨款支出年初预算为\d[\d,.]*{WAN}[,，]支出决算为{NUM}{W}"),
        p(rf"[“\"]?三公[”\"]?经费(?:财政拨款)?支出.{{0,30}}?决算数{IS}{NUM}{W}", "三公"),
    ],
    "sangong_budget": [
        p(
            rf"[“\"]?三公[”\"]?经费(?:财政拨款)?支出(?:全年|年初)?预算(?:数)?{IS}{NUM}{W}[，,]\s*(?:支出)?决算"
        ),
        p(rf"[“\"]?三公[”\"]?经费(?:财政拨款)?支出(?:全年|年初)预算(?:数)?{IS}{NUM}{W}"),
        p(rf"[“\"]?三公[”\"]?经费.{{0,12}}?(?:全年|年初)预算数?{IS}{NUM}{W}", "三公"),
    ],
    "sangong_abroad": [
        p(rf"因公出国[(（]境[)）]费(?:用)?(?:支出)?{BUDGET_THEN}{NUM}{W}", "三公"),
        p(rf"因公出国[(（]境[)）]费(?:用)?(?:支出)?(?:决算)?{IS}{NUM}{W}", "三公"),
    ],
    "sangong_vehicle_purchase": [
        p(rf"公务用车购置(?:费|支出)(?:支出)?{BUDGET_THEN}{NUM}{W}", "三公"),
        p(rf"公务用车购置(?:费|支出)(?:支出)?(?:决算)?{IS}{NUM}{W}", "三公"),
    ],
    "sangong_vehicle_operation": [
        p(rf"公务用车运行(?:维护)?(?:费|支出)(?:支出)?{BUDGET_THEN}{NUM}{W}", "三公"),
        p(rf"公务用车运行(?:维护)?(?:费|支出)(?:支出)?(?:决算)?{IS}{NUM}{W}", "三公"),
    ],
    "sangong_reception": [
        p(rf"公务接待费(?:支出)?{BUDGET_THEN}{NUM}{W}", "三公"),
        p(rf"公务接待费(?:支出)?(?:决算)?{IS}{NUM}{W}", "三公"),
    ],
    "operating_expenses": [p(rf"机关运行经费(?:支出)?(?:决算)?{IS}{NUM}{W}")],
    "procurement_total": [
        p(rf"政府采购支出总额{IS}{NUM}{W}"),
        p(rf"政府采购(?:合同)?(?:金额|支出)(?:[(（]以合同签订为准[)）])?{IS}{NUM}{W}"),
    ],
    "vehicles": [
        p(rf"(?:共有|有|占用)?车辆{IS}{NUM}辆"),
        p(rf"公务用车保有量{IS}{NUM}辆"),
    ],
    "building_area_m2": [p(rf"房屋(?:建筑)?(?:面积)?{IS}{NUM}平方米")],
}

# the unit's own totals, which another body's, a part's or another year's words before them make another figure
# ("财政局本级基本支出", "国库收付中心基本支出", "涉及项目支出", "2023年度收入支出总计": extract.subjects.qualified); not
# the figures a report states as parts after "其中" or of a named fund
OWN_KEYS = {
    "income_total", "income_this_year", "income_other", "carryover_begin",
    "expenditure_total", "expenditure_this_year", "expenditure_basic", "expenditure_project", "carryover_end",
}  # fmt: skip
_TEMPLATE_KEYS = {
    "income_total",
    "expenditure_total",
}  # "××局2024年度收入支出总计……": subjects.qualified's template
COUNT_KEYS = {"staff_total", "staff_active", "staff_retired", "staff_authorized", "vehicles"}


def section_of(doc: Document) -> list[str]:
    """For each block, the heading of the section it sits in (the 一、 level of 情况说明)."""
    current, sub = "", ""
    out = []
    label = current
    level1, level2 = _LEVEL1.match, _LEVEL2.match
    # a report that numbers its sections "1、收入决算情况说明" (no "一、" heading anywhere)
    arabic = not any(
        b.table is None and len(b.text) <= 50 and _CHINESE_NUMBERED.match(b.text) for b in doc.blocks
    )
    for b in doc.blocks:
        # a numbered sentence is a list item, not a heading ("一、全力抓好企业用工保障服务。", 004)
        if b.table is None and len(b.text) <= 50 and not b.text.endswith("。"):
            if level1(b.text) or (arabic and _ARABIC_SECTION.match(b.text)):
                current, sub = b.text, ""
                label = current
            elif level2(b.text):
                sub = b.text
                label = f"{current} / {sub}"
        out.append(label)
    return out


_LEVEL1 = re.compile(r"^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")
_LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
_CHINESE_NUMBERED = re.compile(r"^[一二三四五六七八九十]+、")
# "1、收入决算情况说明": a section heading in arabic numbers, which also number list items ("1.社会保障和就业支出(类)…")
_ARABIC_SECTION = re.compile(r"^\d{1,2}\s*[、.．](?!\d)[^，,。；;：:%\d]{2,40}(?:情况说明|决算情况|情况)$")


def _last_year_context(text: str, start: int) -> bool:
    """Figures for last year: "上年…X万元", "比2023年度增加X万元" are not this year's."""
    before = text[max(0, start - 6) : start]
    return bool(re.search(r"(上年|上一年|比\d{4}年度?|较\d{4}年度?)(?:决算)?(?:数)?(?:为)?$", before))


def find_narrative(
    doc: Document, sections: list[str], in_toc: set[int], agency: str | None = None, year: int | None = None
) -> dict[str, Value]:
    found: dict[str, Value] = {}
    running = [(pos, b) for pos, b in enumerate(doc.blocks) if b.table is None and pos not in in_toc]
    # All running text in one string ("\0" between blocks: no pattern literal holds one), so that
    # the blocks holding a literal are found by str.find instead of a test per block.
    joined = "\0".join(b.text for _, b in running)
    starts: list[int] = []
    offset = 0
    for _, b in running:
        starts.append(offset)
        offset += len(b.text) + 1
    having: dict[str, list[tuple[int, Block]]] = {}  # a literal → the running blocks that contain it

    def blocks_with(literal: str) -> list[tuple[int, Block]]:
        out = []
        at = joined.find(literal)
        while at >= 0:
            k = bisect.bisect_right(starts, at) - 1
            out.append(running[k])
            at = joined.find(literal, starts[k + 1]) if k + 1 < len(starts) else -1
        return out

    for key, patterns in PATTERNS.items():
        for pattern in patterns:
            candidates = running
            for needed in pattern.needs[:1]:  # the longest literal: the fewest blocks
                if needed not in having:
                    having[needed] = blocks_with(needed)
                candidates = having[needed]
            own = (agency, year, key in _TEMPLATE_KEYS) if key in OWN_KEYS else None
            value = _first(candidates, sections, pattern, own, None if key in COUNT_KEYS else year)
            if value is not None:
                found[key] = value
                break
    return found


def in_aside(before: str) -> bool:
    """The text after ``before`` is inside a bracket it opened and has not closed ("……（上年划转前，区委组织部配备")."""
    return len(re.findall(r"[（(]", before)) > len(re.findall(r"[）)]", before))


def sentence_begin(text: str, end: int) -> int:
    """Where the sentence (or clause after "；") holding ``end`` begins."""
    return max(text.rfind(c, 0, end) for c in "。；;") + 1


def clause_begin(text: str, at: int, stops: str = "，,；;：:", begin: int = 0) -> int:
    """Where the clause holding offset ``at`` begins: after the last of ``stops`` before it, not before ``begin``."""
    return max(begin, max(text.rfind(c, begin, at) for c in stops) + 1)


# a budget broken down into its parts: "“三公”经费财政拨款支出年初预算为2.85万元，其中公务接待费2.85万元",
# "……年初预算为0.95万元（其中：公务接待费0.95万元）"
_BUDGET_OPENS = re.compile(rf"预算(?:数)?(?:为|是)?\s*\d[\d,]*(?:\.\d+)?\s*{WAN}\s*[，,]?\s*[（(]?\s*其中")


def in_budget_breakdown(text: str, at: int) -> bool:
    """The figure at ``at`` is a part of a budget listed after it ("预算为X万元，其中A a万元"), not spent money: no
    决算 is named between the budget and it, in the same sentence."""
    begin = text.rfind("。", 0, at) + 1
    opens = list(_BUDGET_OPENS.finditer(text, begin, at))
    return bool(opens) and "决算" not in text[opens[-1].end() : at]


# a year that dates, not one compared with ("与2023年度相比")
DATED_YEAR = re.compile(r"(?<![与比较])(\d{4})\s*年")


def _dated_otherwise(words: str, year: int) -> bool:
    """The figure's own clause is dated with an earlier year than the report's ("2023年度一般公共预算财政拨款基本支出……"
    in a 2024 report), not a comparison ("与2023年度相比，2024年度……"). A later year is this year's figure misdated (no
    final accounts exist for it yet: completeness.year reports the year)."""
    own = re.split(r"[，,：:]", words)[-1] or words
    return any(int(y) < year for y in DATED_YEAR.findall(own))


def _first(
    running: list[tuple[int, Block]],
    sections: list[str],
    pattern: Pattern,
    own: tuple[str | None, int | None, bool] | None,
    year: int | None = None,
) -> Value | None:
    """The first match in the running-text blocks (position, block) in document order; with ``own`` (the unit's name
    and year), the first the unit states as its own (not "财政局本级基本支出", "国库收付中心基本支出": see OWN_KEYS);
    with ``year``, not one dated with an earlier year ("2023年度一般公共预算财政拨款基本支出500.10万元；人员经费460.00万元")."""
    needs = pattern.needs[1:]  # the first one: see find_narrative
    for pos, block in running:
        if pattern.section and pattern.section not in sections[pos]:
            continue
        if needs and not all(s in block.text for s in needs):
            continue
        for m in pattern.regex.finditer(block.text):
            if _last_year_context(block.text, m.start()):
                continue
            if (
                pattern.not_after
                and pattern.not_after in block.text[sentence_begin(block.text, m.start()) : m.start()]
            ) or in_budget_breakdown(block.text, m.start()):
                continue
            words = subject_words(block.text, m.start())
            if (own and qualified(words, *own)) or (year and _dated_otherwise(words, year)):
                continue
            amount = parse_amount(m.group("n"))
            if amount is None:
                continue
            quote = Quote(quote=m.group(0), page=block.page_at(m.start()), section=sections[pos] or None)
            return Value(amount, "narrative", quote)
    return None


def blocks_with_sections(doc: Document) -> list[tuple[Block, str]]:
    return list(zip(doc.blocks, section_of(doc)))
