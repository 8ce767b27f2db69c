"""Claims the narrative makes that the checks will test: year-over-year changes, shares,
budget-vs-final comparisons; and the functional classes (类) of spending."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from generator.extract.narrative import (
    FIG,
    IS,
    NUM,
    WAN,
    clause_begin,
    has_unread_figure,
    in_aside,
    required_text,
    rough_figures,
    sentence_begin,
)
from generator.extract.subjects import LIST_MARK, PARTS_OPEN, qualified
from generator.extract.tables import StatutoryTable, structured
from generator.model import Block, Document, Quote
from generator.normalize import parse_amount

# 政府收支分类科目, 支出功能分类 类级 (Ministry of Finance classification; codes are stable).
FUNCTIONAL_CLASSES = {
    "201": "一般公共服务支出", "202": "外交支出", "203": "国防支出", "204": "公共安全支出", "205": "教育支出",
    "206": "科学技术支出", "207": "文化旅游体育与传媒支出", "208": "社会保障和就业支出",
    "209": "社会保险基金支出", "210": "卫生健康支出", "211": "节能环保支出", "212": "城乡社区支出",
    "213": "农林水支出", "214": "交通运输支出", "215": "资源勘探工业信息等支出", "216": "商业服务业等支出",
    "217": "金融支出", "219": "援助其他地区支出", "220": "自然资源海洋气象等支出", "221": "住房保障支出",
    "222": "粮油物资储备支出", "223": "国有资本经营预算支出", "224": "灾害防治及应急管理支出",
    "227": "预备费", "229": "其他支出", "230": "转移性支出", "231": "债务还本支出", "232": "债务付息支出",
    "233": "债务发行费用支出", "234": "抗疫特别国债安排的支出",
}  # fmt: skip
_CODE_BY_NAME = {v: k for k, v in FUNCTIONAL_CLASSES.items()}


def class_stem(name: str) -> str:
    """A functional class's (or 款's, 项's) name without its closing 支出: reports name the class 卫生健康支出 also as
    "卫生健康（类）", the 款 行政事业单位养老支出 as "行政事业单位养老（款）"."""
    return name.removesuffix("支出") or name


def functional_classes(
    doc: Document, st: dict[str, StatutoryTable], sections: list[str]
) -> list[dict[str, Any]]:
    """类-level spending of 一般公共预算财政拨款 (公开05表), else as the narrative lists it."""
    for key in ("公开05表", "公开03表"):
        t = st.get(key)
        if t is None:
            continue
        rows = structured(t)["rows"]
        out = []
        for row in rows:  # type: ignore[union-attr,attr-defined]
            code = row["code"]
            if code and len(code) == 3 and row["values"] and row["values"][0] not in (None, ""):
                amount = parse_amount(str(row["values"][0]))
                if amount is not None:
                    out.append({
                        "code": code, "name": row["name"], "amount": amount, "source": key,
                        "page": row["page"], "quote": row["quote"],
                    })  # fmt: skip
        if out:
            return out
    pattern = re.compile(
        rf"(?:^|\d[.、．]|[；;，,])\s*(?:{LIST_MARK}\s*)?(?P<name>[\u4e00-\u9fff]{{2,16}}支出)[(（]类[)）](?:支出)?{NUM}{WAN}"
    )
    out = []
    seen = set()
    for pos, block in enumerate(doc.blocks):
        if (
            block.table is not None
            or "结构" not in (sections[pos] + block.text[:0])
            and "一般公共预算" not in sections[pos]
        ):
            continue
        for m in pattern.finditer(block.text):
            name = m.group("name")
            tail = block.text[m.end() : m.end() + 3]
            if name in seen or "(款)" in block.text[m.start() : m.end()] or tail.startswith(("(款", "（款")):
                continue
            amount = parse_amount(m.group("n"))
            if amount is None:
                continue
            seen.add(name)
            out.append({
                "code": _CODE_BY_NAME.get(name), "name": name, "amount": amount, "source": "narrative",
                "page": block.page_at(m.start()), "quote": m.group(0).lstrip("；;，,"),
            })  # fmt: skip
    return out


_YOY = re.compile(
    r"(?P<lead>(?:(?:比|较|与)(?:上年|上一年|上年度|上一年度|上一度|去年|\d{4}年度?)(?:度)?(?:同期)?(?:决算)?(?:数)?"
    rf"(?:(?:的|为)?\s*(?P<last>{FIG})\s*{WAN})?(?:相比)?|同比"  # "比2023年度的8796.53万元增加……", "较上年82.16万元"
    rf"|(?<=[，,])\s*上一?年度?(?:决算数?)?为\s*{FIG}\s*{WAN}(?=[，,]\s*(?:增加|减少)))[，,]?)"  # "…，上年为0.54万元，减少……"
    r"(?P<what>[^，,。；;\d]{0,24}?)"
    r"(?P<dir>增加|减少|增长|下降|上升|降低|持平|基本持平|(?<=相比)(?:无|没有)(?:增减)?变化|(?<=与上年)相同)了?"
    rf"(?:{NUM}(?P<unit>{WAN}|%|人|辆|个))?"
    r"(?:[，,、（(]?\s*(?:(?:同比|较上年|比上年)(?=增长|下降|上升|降低|增幅|降幅|(?:增加|减少)了?\s*\d[\d,.]*\s*%))?(?P<pdir>增长|下降|上升|降低|增幅为?|降幅为?|减少了?|增加了?|下降了|增长了|上升了|降低了)"
    rf"(?P<pct>{FIG})(?![\d.]*\s*倍)\s*%?)?"
)
# "…比2023年度减少0.15万元，…，其中：因公出国（境）费支出与上一年度持平；…；公务接待费支出决算减少0.15万元，
# 下降27.78%" (规划局's 三公 paragraph), "与上年相比，收入总计减少584.82万元，下降29.48%，支出总计减少584.82万元，
# 下降29.48%" (001): a change in the same sentence as one with its 比上年, without one of its own.
_YOY_PART = re.compile(
    r"(?:(?<=[：:；;，,])|(?<=原因是)|(?<=原因为)|(?<=是由于))\s*(?P<what>[^，,。；;：:\d]{2,24}?)(?P<dir>增加|减少|持平)"
    rf"{NUM}(?P<unit>{WAN})[，,]\s*(?:同比)?(?P<pdir>增长|下降|上升|降低)(?P<pct>{FIG})\s*%"
)
# … with the rate first: "公务接待费支出决算下降27.78%，减少了0.15万元"
_YOY_PART_RATE = re.compile(
    r"(?:(?<=[：:；;，,])|(?<=原因是)|(?<=原因为)|(?<=是由于))\s*(?P<what>[^，,。；;：:\d]{2,24}?)(?P<pdir>增长|下降|上升|降低)了?(?P<pct>"
    rf"{FIG})\s*%[，,]\s*(?P<dir>增加|减少)了?{NUM}(?P<unit>{WAN})"
)
# … with no rate of its own: "，支出总计增加56.95万元。", "，支出总计持平" (a clause that ends there)
_YOY_PART_BARE = re.compile(
    r"(?:(?<=[：:；;，,])|(?<=原因是)|(?<=原因为)|(?<=是由于))\s*(?P<what>[^，,。；;：:\d]{2,24}?)"
    rf"(?:(?P<dir>增加|减少){NUM}(?P<unit>{WAN})|(?P<flat>持平))(?=\s*(?:[，,。；;]|$))"
    r"(?![，,]\s*(?:同比)?(?:增长|下降|上升|降低|增幅|降幅))"
)
# Every _YOY match holds one of these (its mandatory ``dir`` group): blocks without any are skipped.
_YOY_WORDS = ("增加", "减少", "增长", "下降", "上升", "降低", "持平", "变化", "与上年相同")
# "下降29.23%。下降100%。": a second percentage right after the first one, for the same change.
_SECOND_PCT = re.compile(rf"^[。，,；;]\s*(?P<pdir>增长|下降|上升|降低)(?P<pct>{FIG})\s*%")
_AMOUNT_BEFORE = re.compile(rf"{NUM}{WAN}")
_LABELLED_AMOUNT = re.compile(
    rf"(?P<label>[\u4e00-\u9fff“”\"（）()、]{{2,30}}?)(?:决算数?|支出决算数?)?{IS}{NUM}{WAN}"
)
_CHANGE_WORD = re.compile(r"(?:增加|减少|增长|下降|持平|增|减)了?$")
_OPPOSITE = {
    "增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长", "上升": "降低", "降低": "上升",
    "增幅": "降幅", "降幅": "增幅", "增幅为": "降幅为", "降幅为": "增幅为",
}  # fmt: skip
# a clause that opens with last year: "上年决算数为", "上年收入支出总计"
_LAST_YEAR_CLAUSE = re.compile(r"(?:^|[，,；;：:（(])\s*(?:上年|上一年|去年)(?:度)?[^，,。；;：:\d]{0,12}$")
_BUDGET_SAID = re.compile(r"预算(?:数|金额)?(?:为|是)?\s*$")
_BUDGET_COMPARED = re.compile(r"(?:比|较)[^，,。；;\d]{0,12}预算数?为?\s*$")  # "比年初预算2993.92万元减少……"
# the words before last year's amount as what a change is from: "比上年决算3003.19万元减少……", "较2023年度的182.01万元增加
# ……", "较上年同期182.01万元" (yoy.stated_last reads the amount after them)
LAST_COMPARED = r"(?:比|较|与)(?:(?P<year>\d{4})\s*年|上一?年|去年)度?(?:同期)?(?:决算数?)?(?:的|为)?"
_LAST_COMPARED_AT_END = re.compile(LAST_COMPARED + r"\s*$")

# Names the narrative gives to canonical figures, longest first: a change "与上年相比，X减少…" is
# about the metric X names, and "占X的…%" divides by it.
METRIC_NAMES: list[tuple[str, str]] = [
    # first: "“三公”经费财政拨款支出" (004) is the 三公 total, not 财政拨款支出
    ("三公", "sangong_total"),
    ("一般公共预算财政拨款基本支出", "gpb_basic"),
    ("一般公共预算财政拨款支出", "gpb_expenditure"),
    ("财政拨款收入支出总计", "fiscal_total"), ("财政拨款收入支出总体", "fiscal_total"),
    ("财政拨款收、支总计", "fiscal_total"), ("财政拨款收支总计", "fiscal_total"),
    ("财政拨款收入总计", "fiscal_total"), ("财政拨款支出总计", "fiscal_total"),
    ("财政拨款支出", "fiscal_expenditure"),
    ("收入支出总计", "income_total"), ("收入支出总体", "income_total"), ("收、支总计", "income_total"),
    ("收支总计", "income_total"), ("收入总计", "income_total"), ("支出总计", "expenditure_total"),
    ("本年收入合计", "income_this_year"), ("本年支出合计", "expenditure_this_year"),
    ("本年收入", "income_this_year"), ("本年支出", "expenditure_this_year"),
    ("政府采购支出总额", "procurement_total"), ("政府采购金额", "procurement_total"),
    ("机关运行经费", "operating_expenses"),
    ("因公出国（境）费", "sangong_abroad"), ("公务用车购置费", "sangong_vehicle_purchase"),
    ("公务用车运行维护费", "sangong_vehicle_operation"), ("公务接待费", "sangong_reception"),
    ("基本支出", "gpb_basic"),
]  # fmt: skip


def whole_named(text: str) -> str | None:
    """The figure a share names as its whole ("占基本支出的…%", "占人员经费的…%", "占“三公”经费预算的…%"): a budget is
    not the spending of the same name."""
    if _of_a_fund(text):
        return None  # those funds' figures are not among the metrics
    plain = text.replace("一般公共预算", "").replace(
        "预算财政拨款", ""
    )  # 一般公共预算财政拨款支出 is no budget
    if "预算" in plain:
        return "sangong_budget" if "三公" in text else None
    if "基本支出" in text and "项目支出" in text:
        # "占基本支出与项目支出合计的", "占本年支出（基本支出和项目支出）的": the two together, named or not
        return metric_named(re.sub(r"基本支出|项目支出", "", text))
    if "基本支出" in text or ("人员经费" in text and "公用经费" in text):
        return "gpb_basic"  # "占人员经费和公用经费合计的…%", "占基本支出（人员经费与公用经费）的…%"
    for name, key in (("人员经费", "gpb_basic_personnel"), ("公用经费", "gpb_basic_public")):
        if name in text:
            return key
    return metric_named(text)


def _of_a_fund(text: str) -> bool:
    """A 政府性基金's or 国有资本经营's own figure ("政府性基金预算财政拨款支出"), none of the metrics: not one that names
    the fund in an aside ("财政拨款收入支出总体（含国有资本经营预算财政拨款）") or beside 一般公共预算."""
    bare = re.sub(r"[（(][^（）()]*[）)]", "", text)
    return ("政府性基金" in bare or "国有资本经营" in bare) and "一般公共预算" not in bare


def metric_named(text: str) -> str | None:
    if _of_a_fund(text):
        return None  # not the unit's 财政拨款支出 its name ends with
    # (a PDF's page number inside a name, "财45政拨款收入支出总体", is no part of it)
    text = re.sub(r"(?<=[\u4e00-\u9fff])\d{1,3}(?=[\u4e00-\u9fff])", "", text).replace("决算", "")
    for name, key in METRIC_NAMES:
        if name in text:
            return key
    return None


def _previous_text(doc: Document, pos: int, toc: set[int]) -> tuple[int, str] | None:
    """The running-text block before ``pos`` (a paragraph the PDF split in two), if any."""
    j = pos - 1
    while j >= 0 and (doc.blocks[j].table is not None or j in toc):
        return None
    return (j, doc.blocks[j].text) if j >= 0 else None


def yoy_claims(
    doc: Document, sections: list[str], toc: set[int], year: int | None = None
) -> list[dict[str, Any]]:
    """Every "比上年增加X万元，增长Y%" with what it is about and, where the text says it, this
    year's amount: from the same sentence, else the sentence before (in this block or the one
    before it), which is how reports write "…总计2995.39万元。与2023年度相比，…减少56.95万元"."""
    out: list[dict[str, Any]] = []
    for pos, block in enumerate(doc.blocks):
        if block.table is not None or pos in toc:
            continue
        text = block.text
        if not any(w in text for w in _YOY_WORDS):
            continue
        changes = [m for m in _YOY.finditer(text) if not _rate_of_change_before(text, m)]
        for m in changes:
            if re.match(r"\s*(?:年初|全年|调整后?)?预算", m.group("what")):
                continue  # "较2023年度预算减少5.35万元": a gap to a budget, not a change from last year
            change = parse_amount(m.group("n")) if m.group("n") else None
            printed_unit = m.group("unit") or ""
            unit = "万元" if printed_unit.startswith("万") else m.group("unit")
            percent = parse_amount(m.group("pct")) if m.group("pct") else None
            direction, percent_direction = m.group("dir"), m.group("pdir")
            if direction.endswith("变化") or direction == "相同":
                direction = "持平"  # "与2023年度相比无增减变化", "因公出国（境）费支出0万元，与上年相同"
            end = m.end()
            if unit == "%":
                percent, change = change, None
                if (
                    m.group("pct")
                    and percent_direction[:2] in ("增加", "减少")
                    and (wan := re.match(WAN, text[end:])) is not None
                ):
                    # "增长13.08%，增加1062.85万元": the rate written before its amount
                    change, unit, end = parse_amount(m.group("pct")), "万元", end + wan.end()
                    direction, percent_direction = percent_direction[:2], direction
            # "增加-10.04万元，增长-1.62%": a change signed against its word is the other way
            if change is not None and change < 0:
                change, direction = -change, _OPPOSITE.get(direction, direction)
            if percent is not None and percent < 0:
                percent = -percent
                if percent_direction:
                    percent_direction = _OPPOSITE.get(percent_direction, percent_direction)
                else:
                    direction = _OPPOSITE.get(direction, direction)
            if change is None and percent is None and "持平" not in direction:
                continue
            sentence_start = sentence_begin(text, m.start())
            clause = max(text.rfind(c, sentence_start, m.start()) for c in "：:")
            if clause >= 0 and re.search(r"(?:增加|减少|增长|下降)", text[sentence_start:clause]):
                sentence_start = clause + 1  # "…减少0.15万元，…，其中：因公出国（境）费支出与上一年度持平"
            head = text[sentence_start : m.start()]
            if _earlier_years(head, m.group("lead"), year):
                continue
            amounts = [
                a
                for a in _AMOUNT_BEFORE.finditer(head)
                # "公务接待费减少0.09万元，公务用车运行维护费与上年持平": a change, not this year's amount; "……358.73万元，
                # 上年决算数为376.91万元，比上年决算减少18.18万元": last year's
                if not _CHANGE_WORD.search(head[: a.start()])
                and not _LAST_YEAR_CLAUSE.search(head[: a.start()])
                and not _BUDGET_COMPARED.search(head[: a.start()])  # the budget the 决算 is compared with
                and not _BUDGET_SAID.search(head[: a.start()])  # "……0.39万元，全年预算为2.85万元，比上年减少"
                and not _LAST_COMPARED_AT_END.search(head[: a.start()])
                and not _dated_after_another(head, a.start(), year)
                and not in_aside(head[: a.start()])  # "（其中办公用房占用费20.00万元）"
                # a count in 万 ("全年接待1.2万") is no amount of a change in 万元 (a sum of money in 万 is:
                # "支出决算数为184.65万")
                and not (
                    a.group(0).endswith("万")
                    and printed_unit != "万"
                    and not _MONEY_NAME.search(head, clause_begin(head, a.start()), a.start())
                )
                and not re.search(
                    r"占(?!用|地|有(?!关))[^，,。；;%\d]*$", head[: a.start()]
                )  # a share's whole ("占本年支出合计877.77万元的")
            ]
            opens = 0  # where the change's own words begin
            if amounts and _names_another(head[amounts[-1].end() :], head[: amounts[-1].start()]):
                # "……184.65万元，较上年增加2.55万元，增长1.40%，人员经费同比下降2.50%": 人员经费's, with no amount
                amounts, opens = [], clause_begin(head, len(head))
            current = parse_amount(amounts[-1].group("n")) if amounts else None
            quote_start = sentence_start + (amounts[-1].start() if amounts else opens)
            subject_text = head[: amounts[-1].start()] if amounts else head
            if sentence_start == 0 and _WRAPPED_NAME.match(subject_text) and pos > 0:
                # "1.一般公共服务支出(类)财政事务(款)信息化建设" / "(项):支出决算数为7.14万元，比上年…": the name
                # wrapped onto this line from the one before
                prev = doc.blocks[pos - 1]
                if prev.table is None and not re.search(r"[。；;]\s*$", prev.text):
                    subject_text = prev.text + subject_text
            subject = _subject(subject_text + m.group("what"))
            if printed_unit == "万" and not (
                _MONEY_NAME.search(subject)  # (or the words its name lost: "住房保障支出决算数4.91万元……")
                or _MONEY_NAME.search(subject_text, clause_begin(subject_text, len(subject_text)))
            ):
                continue  # "全年完成不动产登记2.3万，比上年增加0.3万": a count in 万, not money
            current_quote = None
            if current is None and unit in (None, "万元"):
                current, current_quote, found_subject = _current_before(
                    doc, pos, sentence_start, subject, toc, wan_ok=printed_unit == "万"
                )
                if subject == "总体" and found_subject:
                    subject = found_subject
            second = _SECOND_PCT.match(text[end:])
            second_quote = None
            if second is None and text[end:].strip() in ("", "。") and pos + 1 < len(doc.blocks):
                # "…下降29.23%。" / "下降100%。主要原因是……": a hard wrap ended the line at the full stop
                after = doc.blocks[pos + 1]
                opened = _SECOND_PCT.match("。" + after.text) if after.table is None else None
                if opened:
                    second = opened
                    second_quote = Quote(
                        after.text[: opened.end() - 1], after.page, sections[pos + 1] or None
                    )
            quote_end = end + (second.end() if second and second_quote is None else 0)
            page = block.page_at(m.start())
            out.append({
                "subject": subject,
                "metric": metric_named(subject),
                "current": current,
                "current_quote": current_quote,
                "change": change,
                "unit": unit if unit != "%" else None,
                "direction": direction,
                "percent": percent,
                "percent_direction": percent_direction,
                "second_percent": parse_amount(second.group("pct")) if second else None,
                "second_direction": second.group("pdir") if second else None,
                "second_quote": second_quote,
                "reason": text[quote_end : quote_end + 120],
                "block": pos,
                "quote": Quote(text[quote_start:quote_end], page, sections[pos] or None),
            })  # fmt: skip
        out.extend(_yoy_parts(block, pos, sections, [m.span() for m in changes]))
    return out


def _earlier_years(head: str, lead: str, year: int | None) -> bool:
    """ "2022年度与2021年度相比减少60.00万元": a change between two years before the report's (history), not this
    year's."""
    compared = re.search(r"(\d{4})\s*年", lead)
    own = re.match(r"\s*(\d{4})\s*年", head)
    return (
        year is not None
        and compared is not None
        and own is not None
        and int(own.group(1)) == int(compared.group(1)) + 1 < year
    )


def _names_another(after: str, label: str) -> bool:
    """The change's own clause (the last of ``after``, the words after the sentence's last amount) names a figure
    other than the one the amount's ``label`` names: not one pointing back ("该项支出", "相关支出"), nor a short name of
    the same ("机关运行支出" for 机关运行经费支出)."""
    own = re.sub(
        rf"^\s*(?:{PARTS_OPEN})[:：]?|决算数?$", "", after[clause_begin(after, len(after)) :]
    ).strip()
    if not re.search(r"(?:经费|支出|收入|费|资金)$", own) or re.match(
        r"该|此|这|上述|相关|本项|其(?!他|中)", own
    ):
        return False
    own, label = (re.sub(r"经费|支出|资金|费|[（(][类款项][）)]", "", t) for t in (own, _subject(label)))
    return own not in label and label not in own


def _dated_after_another(head: str, at: int, year: int | None) -> bool:
    """ "机关运行经费支出184.65万元，2023年度机关运行经费支出为182.10万元，比上年增加2.55万元": an amount in a clause
    opened by a year, after an amount of another (or no) year, is that other year's figure, not the one the change
    is of (yoy.stated_last reads it as last year's)."""
    start = clause_begin(head, at)
    dated = re.match(r"\s*(\d{4})\s*年", head[start:at])
    first = next(
        (
            a
            for a in _AMOUNT_BEFORE.finditer(head, 0, start)
            if not _LAST_YEAR_CLAUSE.search(head[: a.start()])
        ),
        None,
    )  # (not last year's: "上年机关运行经费182.10万元，2024年度机关运行经费184.65万元，增加2.55万元")
    if dated is None or first is None or int(dated.group(1)) == year:
        return False  # ("本年公用经费支出160.23万元，2024年度机关运行经费支出142.80万元，比2023年度减少……": this year's)
    own = re.search(r"(\d{4})\s*年", head[clause_begin(head, first.start()) : first.start()])
    return own is None or own.group(1) != dated.group(1)


def _rate_of_change_before(text: str, m: re.Match[str]) -> bool:
    """ "……减少0.15万元，同比下降27.78%": the rate of the change before it (a part's), not a change of its own."""
    return (
        m.group("lead").startswith("同比")
        and not m.group("what")
        and m.group("unit") in (None, "%")
        and CHANGE_BEFORE.search(text, 0, m.start()) is not None
    )


def _yoy_parts(
    block: Block, pos: int, sections: list[str], leads: list[tuple[int, int]]
) -> list[dict[str, Any]]:
    """The changes a sentence lists after one stated with its 比上年 ("与上年相比，A减少X万元，下降P%，B减少…"),
    or after its "其中：": this year's amount is the metric the part names (支出总计, 公务接待费…)."""
    text, out = block.text, []
    rated = [*_YOY_PART.finditer(text), *_YOY_PART_RATE.finditer(text)]
    # a bare part where no rated part is read: "，支出总计持平", "，支出总计增加56.95万元。"
    bare = [
        b for b in _YOY_PART_BARE.finditer(text) if not any(r.start() <= b.start() < r.end() for r in rated)
    ]
    for m in sorted([*rated, *bare], key=lambda m: m.start()):
        start = text.rfind("。", 0, m.start()) + 1  # the whole sentence: its parts are split by "；"
        if any(a <= m.start() < b or a < m.end() <= b for a, b in leads):
            continue  # the change with its own 比上年 (or a part of it)
        if (
            not any(start <= a < m.start() for a, _ in leads)
            and not _reason_of_a_change(text, start, leads)
            and not _parts_of_a_change(text, start, leads)
        ):
            continue
        if re.search(r"(?:比|较|与)(?:上|\d{4})", m.group("what")):
            continue  # a part with its own 比上年 is _YOY's
        if m.re is _YOY_PART_BARE and "预算" in m.group("what"):
            continue  # "，决算数与预算数持平": a gap to the budget
        subject = _subject(m.group("what"))
        flat = m.re is _YOY_PART_BARE and m.group("flat") is not None
        rate = m.re is not _YOY_PART_BARE
        out.append({
            "subject": subject, "metric": metric_named(subject), "current": None, "current_quote": None,
            "change": None if flat else parse_amount(m.group("n")), "unit": None if flat else "万元",
            "direction": "持平" if flat else m.group("dir"),
            "percent": parse_amount(m.group("pct")) if rate else None,
            "percent_direction": m.group("pdir") if rate else None,
            "second_percent": None, "second_direction": None,
            "reason": text[m.end() : m.end() + 120], "block": pos,
            "quote": Quote(text[m.start("what") : m.end()], block.page_at(m.start("what")), sections[pos] or None),
        })  # fmt: skip
    return out


# "主要原因：", "主要原因是", "其原因是", "主要原因：一是", "主要是由于" opening the sentence after a change
_REASON_OPENS = re.compile(r"\s*(?:主要|其)?(?:原因[是为]?|是由于|由于)[：:，,]?\s*(?:一是|首先)?")
_FUNDS = re.compile(r"(?:一般公共|政府性基金|国有资本经营)预算")


def _reason_of_a_change(text: str, start: int, leads: list[tuple[int, int]]) -> bool:
    """ "与上年相比，收入支出总计增加…。主要原因：基本支出增加82.56万元，增长29.65%": a reason sentence's changes, right after
    a change from last year, are changes from last year too (not after "决算数大于年初预算数": those are gaps to the
    budget)."""
    if not _REASON_OPENS.match(text, start) or start == 0:
        return False
    before = text.rfind("。", 0, start - 1) + 1
    return any(before <= a < start for a, _ in leads) and "预算" not in _FUNDS.sub("", text[before:start])


def _parts_of_a_change(text: str, start: int, leads: list[tuple[int, int]]) -> bool:
    """ "“三公”经费财政拨款支出决算数与2023年度持平。其中：因公出国（境）费支出决算持平；……" (财政局): a sentence opening
    "其中：" right after a change from last year lists that change's parts."""
    if not re.match(r"\s*其中\s*[:：]", text[start:]) or start == 0:
        return False
    before = text.rfind("。", 0, start - 1) + 1
    return any(before <= a < start for a, _ in leads)


_MONEY_NAME = re.compile(
    r"费|支出|收入|资金|经费|金额|预算|拨款|结余|结转|总计|合计|总体|总额|公积金|补贴|补助|工资|保险|津贴"
)


def _current_before(
    doc: Document, pos: int, sentence_start: int, subject: str, toc: set[int], wan_ok: bool = False
) -> tuple[Decimal | None, Quote | None, str | None]:
    """This year's amount from the sentence before the change: the amount whose label names the
    same thing as ``subject``, or, when the change names nothing ("与上年相比，减少…"), the
    sentence's first amount."""
    text = doc.blocks[pos].text
    where, before = pos, text[:sentence_start]
    if not before.strip("。；; "):
        prev = _previous_text(doc, pos, toc)
        if prev is None:
            return None, None, None
        where, before = prev
    body = before.rstrip("。；; ")
    if subject == "总体":
        # "X 32,186.91万元，占…。其中：基本支出…；项目支出…。与上年相比，减少…": a change naming nothing is about the
        # paragraph's figure, not the last of the parts listed after it
        opens = body.rfind("。") + 1
        # (not when 其中 opens one part's own "X年初预算…，支出决算…", a paragraph of its own that a wrap joined; a "；"
        # list of parts' budgets is the paragraph's parts)
        own_budget = re.match(
            r"\s*其中[：:][^，。；;]*?(?:年初|全年)预算[^，。；;]*，[^，。；;]*决算", body[opens:]
        )
        if (
            opens
            and re.match(r"\s*其中", body[opens:])
            and not (own_budget and not re.search(r"[；;]", body[opens:]))
        ):
            body = body[:opens].rstrip("。；; ")
    start = sentence_begin(body, len(body))
    sentence = body[start:]
    want = metric_named(subject)
    # "支出总计减少584.82万元" states a change, not this year's amount
    candidates = [
        c
        for c in _LABELLED_AMOUNT.finditer(sentence)
        if not _CHANGE_WORD.search(c.group("label"))
        and (
            wan_ok or not c.group(0).endswith("万")
        )  # (万 alone may count people: not before a change in 万元)
    ]
    found_subject = None
    for c in candidates:
        label = c.group("label")
        if subject != "总体" and (
            subject in label or (want and metric_named(label) == want) or _fund_own(subject, sentence, c)
        ):
            break
    else:
        total = _stated_total(doc, where, body, subject)
        if total is not None:
            return total[0], total[1], subject
        if subject != "总体" or not candidates:
            return None, None, None
        c = candidates[0]
        # "社会保障和就业支出年初预算X万元，支出决算Y万元": the change is about Y, named before 年初预算 (not the 预算 of a
        # fund's name: "2024年一般公共预算财政拨款决算支出X万元" names the 一般公共预算财政拨款支出)
        budget = re.match(
            r"(?P<what>.+?)(?<!一般公共)(?<!政府性基金)(?<!国有资本经营)(?:年初|全年)?预算", c.group("label")
        )
        final = next((d for d in candidates if "决算" in d.group(0)), None)
        if budget and final is not None:
            found_subject, c = _subject(budget.group("what")), final
    if any(c.start() <= i < c.end() for i in rough_figures(sentence)):
        return None, None, None  # "决算支出约1,400万元": no amount to reckon this year's change from
    block = doc.blocks[where]
    amount = parse_amount(c.group("n"))
    quote = Quote(c.group(0), block.page_at(start + c.start()), None)
    return amount, quote, found_subject or _subject(c.group("label"))


def _fund_own(subject: str, sentence: str, amount: re.Match[str]) -> bool:
    """ "政府性基金预算财政拨款支出比上年减少12.54万元" after "……政府性基金预算财政拨款年初结转和结余……，本年收入……，本年
    支出89.37万元": the fund's 本年支出, in a sentence about that fund, is the change's amount this year."""
    fund = re.fullmatch(r"(.*(?:政府性基金|国有资本经营)预算财政拨款)(收入|支出)", subject)
    return (
        fund is not None
        and fund.group(1) in sentence[: amount.start()]
        and amount.group("label").endswith("本年" + fund.group(2))
    )


def _stated_total(doc: Document, where: int, body: str, subject: str) -> tuple[Decimal, Quote] | None:
    """ "国有资本经营预算财政拨款收入支出与上年相比，减少2.26万元" after a paragraph stating
    "国有资本经营预算财政拨款收入总计19.28万元, …支出总计19.28万元": the change of "X收入支出" is the
    change of X's 收入总计 and 支出总计. Taken only when every 总计 the paragraph states for X is one
    and the same amount (two different totals would leave it ambiguous)."""
    stem = re.sub(r"(?:收入和?支出|收支)(?:总计)?$", "", subject)
    if stem == subject or len(stem) < 4:
        return None
    totals = [
        c for c in _LABELLED_AMOUNT.finditer(body)
        if re.search(rf"{re.escape(stem)}(?:收入|支出)总计$", c.group("label"))
    ]  # fmt: skip
    values = {parse_amount(c.group("n")) for c in totals}
    if len(values) != 1 or None in values:
        return None
    c = totals[-1]
    return values.pop(), Quote(c.group(0), doc.blocks[where].page_at(c.start()), None)  # type: ignore[return-value]


# a line that starts inside a 科目 name: "(项):…", "事务(款)行政运行(项):…"
_WRAPPED_NAME = re.compile(r"^\s*(?:[(（](?:类|款|项)[)）]|[\u4e00-\u9fff]{1,30}[(（](?:款|项)[)）])")


_BUDGET_FIRST = re.compile(rf"(?P<name>[^，,。；;\d]{{2,}}?)(?:全年|年初)预算(?:数)?为?\s*{FIG}\s*{WAN}$")


def _subject(text: str) -> str:
    text = re.sub(r"[:：]?(?:支出)?决算数?(?:为|是)?$", "", text.strip(" ，,:："))
    # "“三公”经费财政拨款支出全年预算0万元，支出决算0万元，比上年减少……": the name before the budget stated first
    text = _BUDGET_FIRST.sub(r"\g<name>", text.rstrip(" ，,"))
    text = re.split(r"[，,]", text)[-1]  # the clause the change belongs to
    text = re.sub(r"^(?:导致|其中|主要是|出现了|主要原因[是为]?[:：]?)", "", text)
    text = re.sub(r"^(?:[一二三四五六七八九十]是|首先|其次)", "", text)  # "主要原因：一是项目支出增加……"
    text = re.sub(r"^\d{4}年度?", "", text)
    text = re.sub(r"^(?:[\d.、（）()\s]+|[一二三四五六七八九十]+、)+", "", text.strip(" ，,:："))
    # "年度", "年": what a cut after "2024" leaves ("年一般公共预算财政拨款支出"); not 年初, 年末
    text = re.sub(r"^(?:\d{4}年度?|本年度?|全年|年度?(?=[^初末内底中均终度\s]))", "", text)
    text = re.sub(r"^(?:其中[:：]?)", "", text)
    text = re.sub(r"(?:决算数|决算)?(?:为|是|共计|合计)?$", "", text)
    # "一般公共预算财政拨款决算支出": the 一般公共预算财政拨款支出
    text = re.sub(r"决算(?=支出$)", "", text)
    # "与2023年度相比，收入支出总计较上年减少……", "……支出同比减少": the comparison is said once already
    text = re.sub(r"(?:同比|(?:比|较)(?:上一?年度?|去年)(?:同期)?)$", "", text)
    # "主要原因：项目支出增加，较上一度增加1133.95万元": the subject's own verb, said before its amount
    text = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:增加|减少)$", "", text)
    return text.strip(" ，,:：") or "总体"


_SHARE = re.compile(
    rf"(?P<label>[^，,。；;：:]{{0,40}}?){NUM}(?:{WAN})?(?:[（(][^（）()%]{{1,30}}[）)])?[，,]?\s*(?:[（(](?:[^（）()%，,。]{{1,20}}[，,])?\s*)?所?占(?![^\d，,。；;%]{{0,24}}?(?:分别|依次))(?P<den>[^\d，,。；;%]{{0,24}}?)(?:的)?(?:比[重例]?为?)?(?P<pct>{FIG})%"
)  # not "占比分别为x%、y%": a list's shares (_SHARE_LIST, _SHARE_PAIRS)
# …and the share before its amount: "基本支出占79.49%，为2336.91万元", "财政拨款收入占99.79%，金额2940.05万元", "基本支出占比
# 55.10%（5377.64万元）"
_SHARE_FIRST = re.compile(
    rf"(?P<label>(?:\d{{4}}\s*年度?)?[^，,。；;：:\d%]{{2,40}}?)所?占(?P<den>[^\d，,。；;%]{{0,24}}?)(?:的)?(?:比[重例]?为?)?(?P<pct>{FIG})%"
    rf"\s*(?:[，,]\s*(?:金额|为|计|金额为|计为|(?P<sum>共计|合计))\s*|[（(]\s*(?:金额)?){NUM}\s*{WAN}"
)  # ("，合计2946.25万元" after the shares may be the whole: share_claims tells)
_WHOLE_OPENS = r"其中|主要用于|主要为|主要包括"  # the words after a whole that open its parts' shares
_PARENT = re.compile(
    rf"{NUM}{WAN}(?:[，,]\s*(?:{_WHOLE_OPENS})|中[，,：:])"
)  # "…万元，其中：", "本年支出合计…万元中，", "…万元，主要为……"
# …and, for a share whose own words open with the word, the whole that word follows ("基本支出2336.91万元，主要为人员经费和
# 公用经费，分别为……"): only the nearest, not a later clause's
_PARTS_LEAD = rf"(?:{PARTS_OPEN}|主要用于|由)"  # the words that open a whole's parts, "由……构成" too
_PARENT_OPENS = re.compile(rf"{NUM}{WAN}[，,]\s*{_PARTS_LEAD}")
# a part with its share, then its own parts: "项目支出603.14万元，占20.51%，其中信息化建设……"
_PART_THEN_PARTS = re.compile(rf"{NUM}{WAN}[，,]\s*所?占[^，,。；;%\d]{{0,20}}?{FIG}\s*%[，,]\s*$")
# the parts of 本年收入 and 本年支出 in the statutory tables' columns
INCOME_PARTS = ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
SPENDING_PARTS = ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
# …which are no part's own parts
_TOP_PART = re.compile(rf"[\s，,、；;]*(?:{'|'.join(SPENDING_PARTS + INCOME_PARTS)})")
_PART_THEN_LIST = re.compile(rf"{NUM}{WAN}[，,]\s*所?占[^，,。；;%\d]{{0,20}}?{FIG}\s*%[，,]\s*(?=其中)")
_SHARE_LEAD = re.compile(r"^\s*占[^\d，,。；;%]{0,24}?\d")  # a paragraph that opens with a share
_AMOUNT_END = re.compile(rf"\d\s*{WAN}\s*[，,]\s*$")  # …and one that ends with its amount
_SHARE_NEEDS = required_text(_SHARE)  # "占", "%": most blocks have neither, and _SHARE is slow


def _page_in(doc: Document, first: int, cut: int, pos: int, at: int) -> int:
    """The page of offset ``at`` in a text that is block ``first``'s and, from ``cut`` on, block ``pos``'s."""
    return doc.blocks[first].page_at(at) if at < cut else doc.blocks[pos].page_at(at - cut)


CHANGE_WORD_AT_END = re.compile(r"(?:增加|减少|增长|下降|节约|超支)了?\s*$")  # a change's amount follows


def _sentence_whole(
    doc: Document, text: str, first: int, cut: int, pos: int, at: int, toc: set[int], outer: bool = False
) -> tuple[Decimal | None, Quote | None, bool, str]:
    """The whole a share at offset ``at`` is a share of, when its sentence states one ("本年支出X万元，其中：…", or the
    paragraph before ending "…X万元，其中："): (the whole, its quote, whether it is stated unreadably, the sentence's words
    before the share). ``text`` is block ``pos``'s, joined from ``cut`` on to block ``first``'s when a share opens
    its own paragraph."""
    sentence_start = text.rfind("。", 0, at) + 1
    head = text[sentence_start:at]
    parent_quote = None
    parent = None
    parent_unread = False
    if sentence_start == 0 and "其中" not in head:
        prev = _previous_text(doc, first, toc)
        if prev is not None and not prev[1].endswith("。"):
            j, ptext = prev
            start = ptext.rfind("。") + 1
            # a whole stated roughly ("基本支出约701万元，其中：") is no whole to hold a share to
            pm = [] if rough_figures(ptext[start:]) else list(_PARENT.finditer(ptext, start))
            if pm:
                parent = parse_amount(pm[0].group("n"))
                parent_quote = Quote(ptext[pm[0].start() : pm[0].end()], doc.blocks[j].page_at(pm[0].start()))
                head = ptext[start:] + head
            elif has_unread_figure(ptext[start:]):
                # "基本支出7O1.08万元，其中：" / "人员经费641.21万元，占91.46%": the whole is stated, unreadably
                # (garbled, or roughly: "约701万元")
                parent_unread = True
    # (the share's own words may open with it: "其中财政拨款收入2940.05万元，占99.79%")
    opened = re.match(rf"[\s，,；;]*{_PARTS_LEAD}", text[at : at + 8])
    opens = opened is not None
    clause = max(sentence_start, text.rfind("；", 0, at) + 1, text.rfind(";", 0, at) + 1)
    own = _PART_THEN_PARTS.search(text[sentence_start:at]) if opens and not outer else None
    if own is None and not opens and not outer and not _TOP_PART.match(text, at):
        # "项目支出603.14万元，占20.51%，其中信息化建设……，占22.42%，财政委托业务支出449.52万元，占74.53%；": a later
        # part of the part's own list, up to the clause's end (not a part of the whole's own: "……，项目支出603.14万元")
        own = next(
            reversed(list(_PART_THEN_LIST.finditer(text[sentence_start:at], clause - sentence_start))), None
        )
    if own is not None:
        start = sentence_start + own.start()
        quote = Quote(own.group(0).rstrip("，, "), _page_in(doc, first, cut, pos, start))
        return parse_amount(own.group("n")), quote, False, head
    if parent is None and (re.search(_WHOLE_OPENS, head) or opens):
        # the nearest: "财政拨款支出总计X万元，其中：年末…，本年财政拨款支出Y万元，其中：基本支出…，占…" is a share of Y
        # (a whole's "主要为" list runs to its "；": "基本支出2336.91万元，主要为……；项目支出603.14万元，占20.51%" is not its)
        found = next(
            (
                p
                for p in reversed(list(_PARENT.finditer(text, sentence_start, at)))
                if not (re.search(r"主要(?:为|包括)", p.group(0)) and re.search(r"[；;]", text[p.end() : at]))
            ),
            None,
        )
        if opened is not None:  # the whole right before the share's own "其中"/"主要为"
            found = next(
                reversed(list(_PARENT_OPENS.finditer(text, sentence_start, at + opened.end()))), found
            )
        if found and CHANGE_WORD_AT_END.search(
            text, clause_begin(text, found.start(), begin=sentence_start), found.start()
        ):
            # "本年支出合计9759.38万元，比上年增加962.85万元，其中：……": the whole is the amount before the change
            found = next(
                (
                    a
                    for a in reversed(list(_AMOUNT_BEFORE.finditer(text, sentence_start, found.start())))
                    if not CHANGE_WORD_AT_END.search(
                        text, clause_begin(text, a.start(), begin=sentence_start), a.start()
                    )
                ),
                None,
            )
        if found and rough_figures(text[sentence_start:at]):
            found, parent_unread = None, True  # "本年支出近32220万元，其中：": the whole is stated roughly
        if found:
            parent = parse_amount(found.group("n"))
            parent_quote = Quote(
                text[found.start() : found.end()], _page_in(doc, first, cut, pos, found.start())
            )
    return parent, parent_quote, parent_unread, head


# "其中：基本支出和项目支出分别为5377.64万元和4381.74万元，分别占55.10%和44.90%": the shares listed in the same order
_AND = r"\s*[、和及与,，]\s*"
# …and the list alone ("其中：人员经费和公用经费分别为4896.98万元和480.66万元。")
AMOUNT_LIST = (
    r"(?P<labels>[\u4e00-\u9fff（）()“”]{2,}(?:[、和及与][\u4e00-\u9fff（）()“”]{2,})+)(?:\s*[，,]\s*)?分别(?:为|是)\s*"
    rf"(?P<amounts>{FIG}\s*{WAN}(?:{_AND}{FIG}\s*{WAN})+)"
)
# the shares after a list: "，分别占x%和y%", "，分别占本年支出合计的x%、y%", "，占比分别为x%、y%", "，所占比例依次为……"
_SHARES = (
    r"\s*[，,]\s*(?:(?:分别|依次)占(?P<den>[^\d，,。；;%]{0,24}?)(?:的)?(?:比[重例]?为?)?|"
    # "占比分别为", "占本年支出合计比重分别为", "占基本支出的比例分别为"
    r"所?占(?P<den2>[^\d，,。；;%]{0,24}?)(?:的)?(?:比[重例]?)?(?:分别|依次)(?:为|是)?)"
    rf"(?P<pcts>{FIG}\s*%(?:{_AND}{FIG}\s*%)+)"
)
_SHARE_LIST = re.compile(AMOUNT_LIST + _SHARES)
# …after names each with its amount: "基本支出738.08万元、项目支出139.69万元，占比分别为84.09%、15.91%"
_NAMED_AMOUNT = rf"([\u4e00-\u9fff（）()“”]{{2,}})\s*(?:为|是)?\s*({FIG})\s*{WAN}"
_SHARE_PAIRS = re.compile(
    rf"(?P<items>(?:{_NAMED_AMOUNT}{_AND})+{_NAMED_AMOUNT})(?:(?:两|三)(?:部分|项))?(?:构成|组成)?" + _SHARES
)
# one amount, a share of each of two wholes: "基本支出2336.91万元，占本年支出合计和本年收入合计的比重分别为79.49%和79.32%"
_SHARE_WHOLES = re.compile(
    rf"(?P<label>[^，,。；;：:%]{{0,40}}?){NUM}\s*{WAN}[，,]\s*所?占(?P<dens>[^\d，,。；;%]{{4,40}}?)的?(?:比[重例])?"
    rf"(?:分别|依次)(?:为|是)?(?P<pcts>{FIG}\s*%(?:{_AND}{FIG}\s*%)+)"
)


_NAME_ENDS = ("费", "支出", "收入", "资金", "金额")  # how a name of a figure ends


def list_labels(labels: str, n: int) -> list[str] | None:
    """ "A、B和C" as n names: split at 、, then the last at a 和/及/与 after a whole name ("公务接待费和公务用车购置及运行
    维护费" after 费; "社会保障和就业支出" keeps its 和 when the 、 already give n), else at its last one."""
    # "由人员经费和公用经费构成，分别为……", "主要为财政拨款收入和其他收入，分别为……"
    labels = re.sub(r"(?:两部分|两项|三部分|三项)?(?:构成|组成)$", "", labels)
    names = re.sub(rf"^{_PARTS_LEAD}[:：]?", "", labels).split("、")
    while len(names) < n:
        last = names[-1]
        cuts = [i for i, c in enumerate(last) if c in "和及与" and 2 <= i <= len(last) - 3]
        if not cuts:
            break
        # at a connective after a whole name ("公务接待费和公务用车购置及运行维护费": after 费, not inside 购置及运行)
        at = next((i for i in cuts if last[:i].endswith(_NAME_ENDS)), cuts[-1])
        names[-1:] = [last[:at], last[at + 1 :]]
    return names if len(names) == n and all(len(x) >= 2 for x in names) else None


def _share_lists(
    doc: Document,
    sections: list[str],
    toc: set[int],
    pos: int,
    text: str,
    first: int,
    cut: int,
    year: int | None,
) -> list[dict[str, Any]]:
    out = []
    for m in [*_SHARE_LIST.finditer(text), *_SHARE_PAIRS.finditer(text)]:
        if m.end() <= cut:
            continue
        pcts = [parse_amount(x) for x in re.findall(FIG, m.group("pcts"))]
        den = (m.group("den") or m.group("den2") or "").strip() or None
        if "labels" in m.groupdict():
            amounts = [parse_amount(x) for x in re.findall(FIG, m.group("amounts"))]
            labels = list_labels(m.group("labels"), len(amounts))
            start = m.start()
        else:  # the last names with their amounts, one a share
            found = list(re.finditer(_NAMED_AMOUNT, m.group("items")))[-len(pcts) :]
            labels = [re.sub(rf"^(?:[和及与]|{_PARTS_LEAD})+", "", n.group(1)) for n in found]
            amounts = [parse_amount(n.group(2)) for n in found]
            start = m.start("items") + found[0].start() if found else m.start()
            # "基本支出中人员经费……、公用经费……，占比分别为……": shares of the whole named before 中
            # (a whole no figure gives, "项目支出中信息化建设……", is named all the same: not the sentence's whole)
            within = re.match(r"(.{2,24}?)中(.{2,})$", labels[0]) if labels and den is None else None
            if within and (whole_named(within.group(1)) or _SPENDING_NAME.search(within.group(1))):
                den, labels[0] = within.group(1), within.group(2)
        if labels is None or len(pcts) != len(amounts):
            continue  # the names, amounts and shares do not pair up one to one
        if _of_another_year(text[clause_begin(text, start, "，,；;：:。") : start] + labels[0], year):
            continue  # last year's list ("2023年度基本支出2289.00万元、项目支出750.00万元，占比分别为……")
        parent, parent_quote, parent_unread, head = _sentence_whole(doc, text, first, cut, pos, start, toc)
        outer = _sentence_whole(doc, text, first, cut, pos, start, toc, outer=True)[0]
        quote = Quote(m.group(0), _page_in(doc, first, cut, pos, m.start()), sections[pos] or None)
        for label, amount, pct in zip(labels, amounts, pcts, strict=True):
            out.append({
                "label": label, "amount": amount, "percent": pct, "denominator_label": den,
                "denominator_metric": whole_named(den) if den else None, "parent": parent,
                "parent_quote": parent_quote, "parent_unread": parent_unread, "lead": head[:60], "block": pos,
                "outer_parent": outer if outer != parent else None,
                "quote": quote, "listed": True,
            })  # fmt: skip
    for m in _SHARE_WHOLES.finditer(text):
        if m.end() <= cut or _of_another_year(m.group("label"), year):
            continue
        pcts = [parse_amount(x) for x in re.findall(FIG, m.group("pcts"))]
        wholes = list_labels(m.group("dens"), len(pcts))
        if wholes is None or any(whole_named(w) is None for w in wholes):
            continue  # a whole no figure of the report names: not read against another
        parent, parent_quote, parent_unread, head = _sentence_whole(
            doc, text, first, cut, pos, m.start(), toc
        )
        label = re.sub(
            rf"^[\s\d.、，,）)]*(?:其中|主要包括|包括|主要为|{LIST_MARK})?[:：]?\s*", "", m.group("label")
        )
        quote = Quote(
            m.group(0).lstrip(" ；;，,"), _page_in(doc, first, cut, pos, m.start()), sections[pos] or None
        )
        # (again: the same amount's share of a second whole, no part more for the sums of parts)
        for i, (whole, pct) in enumerate(zip(wholes, pcts, strict=True)):
            out.append({
                "label": label.strip(), "amount": parse_amount(m.group("n")), "percent": pct,
                "denominator_label": whole, "denominator_metric": whole_named(whole), "parent": parent,
                "parent_quote": parent_quote, "parent_unread": parent_unread, "lead": head[:60], "block": pos,
                "outer_parent": None, "quote": quote, "listed": True, "again": i > 0,
            })  # fmt: skip
    return out


_SPENDING_NAME = re.compile(
    r"(?:支出|经费|收入)$"
)  # the name of a whole ("项目支出", "一般公共预算财政拨款基本支出")


# the names a list of figures gives ("局机关本级基本支出和项目支出分别为……": 局机关本级 qualifies both)
_LIST_NAMES = ("人员经费", "公用经费", "基本支出", "项目支出")


_COMPARED_CLAUSE = re.compile(
    r"(?:比|较|与)(?:上一?年度?|\d{4}年度?)(?:相比)?[，,]?[^，,。；;]*?(?:增加|减少|增长|下降)[^，,。；;]*"
)
# a list of last year's, a budget's or a change's figures ("上年人员经费和公用经费分别为…", "…年初预算分别为…")
_NOT_THIS_YEARS = re.compile(r"上一?年|预算|同比|[比较]\d{4}|增加|减少|增长|下降|\d{4}年")


def listed_amounts(
    doc: Document, sections: list[str], toc: set[int], year: int | None, agency: str | None = None
) -> list[dict[str, Any]]:
    """The figures a list states: "A和B分别为a万元和b万元" (with or without "，分别占x%和y%"), one a name, with the words
    of its sentence before the list and whether words before the first name qualify them all ("局机关本级基本支出和项目支出
    分别为……": the 本级's, not the unit's). Not a list whose sentence names another year, a budget or a change."""
    out: list[dict[str, Any]] = []
    for pos, block in enumerate(doc.blocks):
        if block.table is not None or pos in toc or "分别" not in block.text:
            continue
        text = block.text
        for m in re.finditer(AMOUNT_LIST, text):
            amounts = [parse_amount(x) for x in re.findall(FIG, m.group("amounts"))]
            # "2024年度人员经费和…": the year's figures, named without the year
            named = (
                re.sub(r"^年度?", "", m.group("labels"))
                if text[m.start() - 1 : m.start()].isdigit()
                else m.group("labels")
            )
            labels = list_labels(named, len(amounts))
            lead = text[sentence_begin(text, m.start()) : m.start()]
            # (a clause comparing the sentence's whole with last year's is no sign the list is last year's: "本年支出合计
            # 9759.38万元，比上年增加962.85万元，其中：基本支出和项目支出分别为……")
            said = _COMPARED_CLAUSE.sub("", lead) + m.group("labels")
            if (
                labels is None
                or any(y.group(0) != f"{year}年" for y in re.finditer(r"\d{4}年", said))
                or _NOT_THIS_YEARS.search(
                    re.sub(rf"{year}年度?|(?:一般公共|政府性基金|国有资本经营)预算", "", said)
                )
            ):
                continue
            quote = Quote(m.group(0), block.page_at(m.start()), sections[pos] or None, block=block)
            first = next((labels[0][: -len(n)] for n in _LIST_NAMES if labels[0].endswith(n)), "")
            said_so = [qualified(lead, agency, year)] + [qualified(lead + first, agency, year)] * (
                len(labels) - 1
            )
            out.extend({"label": label, "amount": amount, "lead": lead, "quote": quote, "qualified": q}
                       for label, amount, q in zip(labels, amounts, said_so, strict=True))  # fmt: skip
    return out


def _of_another_year(said: str, year: int | None) -> bool:
    """The words of a share open with another year: "（2023年度社会保障和就业支出", "上年基本支出" (not "上年结转", nor
    "使用2023年度结转资金安排的项目支出", "2024年度项目支出（含2023年度结转）")."""
    said = re.sub(r"[（(][^（）()]*[）)]", "", said)  # notes closed inside the words
    said = re.split(r"[（(%]", said)[-1]  # the words after an open bracket or a figure before
    if re.search(r"结转|结余|本年", said):
        return False  # "2023年度结转资金安排的项目支出", "上年未完成、结转到本年的": this year's spending
    opens = re.match(r"\s*(\d{4})\s*年", said)
    if year and opens and int(opens.group(1)) != year:
        return True
    return re.match(r"\s*(?:上一?年度?|去年)(?!结转|结余)", said) is not None


def share_claims(
    doc: Document, sections: list[str], toc: set[int], year: int | None = None
) -> list[dict[str, Any]]:
    """ "X万元，占Y%" with the label and the whole it is a share of: the sentence's own whole
    ("本年支出X万元，其中：…"), else the named one ("占本年支出合计的…%"), resolved to a metric
    key for the checks. A paragraph the PDF split across blocks is read as one sentence. A list
    "A和B分别为a万元和b万元，分别占x%和y%" gives one claim a pair."""
    out = []
    for pos, block in enumerate(doc.blocks):
        if block.table is not None or pos in toc:
            continue
        text, first, cut = block.text, pos, 0
        before = _previous_text(doc, pos, toc)
        if before is not None and _SHARE_LEAD.match(text) and _AMOUNT_END.search(before[1]):
            # "…基本支出13,717.58万元," / "占42.57%; 项目支出…" (003): the share opens its own paragraph and
            # its amount ends the one before; read the two joined, as Document.text joins them
            first, cut = before[0], len(before[1]) + 1
            text = before[1] + "\n" + text
        if not all(t in text for t in _SHARE_NEEDS):
            continue
        shares = list(_SHARE.finditer(text))
        if "%" in text:
            shares += [
                m
                for m in _SHARE_FIRST.finditer(text)
                if not any(m.start() < o.end() and o.start() < m.end() for o in shares)
            ]
        for m in sorted(shares, key=lambda m: m.start()):
            if m.end() <= cut:
                continue  # a share of the paragraph before, read with it
            if _of_another_year(m.group("label"), year):
                continue  # last year's share ("上年基本支出占比为75.00%", "（2023年度……占当年……的75.38%）")
            parent, parent_quote, parent_unread, head = _sentence_whole(
                doc, text, first, cut, pos, m.start(), toc
            )
            # a part's own parts' shares ("项目支出……，其中信息化建设……，占4.60%") may be written of the sentence's whole
            outer = _sentence_whole(doc, text, first, cut, pos, m.start(), toc, outer=True)[0]
            if m.groupdict().get("sum") and (parent is None or parse_amount(m.group("n")) == parent):
                continue  # "……其他收入占0.21%，合计2946.25万元": the whole, not the part's amount
            label = re.sub(r"^[\s\d.、，,）)]+", "", m.group("label")).strip(" ：:，,")
            label = re.sub(rf"^(?:其中|主要包括|包括|主要为|另有|此外|还有|{LIST_MARK})[:：]?\s*", "", label)
            if re.match(r"\d{4}\s*年度?", m.group("label").lstrip(" ：:，,")):
                label = re.sub(
                    r"^年度?", "", label
                )  # "2024年一般公共预算……": the year's figure, named without it
            den = (m.group("den") or "").strip() or None
            if den in ("比",):
                den = None
            out.append({
                "label": label,
                "amount": parse_amount(m.group("n")),
                "percent": parse_amount(m.group("pct")),
                "denominator_label": den,
                "denominator_metric": whole_named(den) if den else None,
                "parent": parent,
                "parent_quote": parent_quote,
                "parent_unread": parent_unread,
                "outer_parent": outer if outer != parent else None,
                "lead": head[:60],
                "block": pos,
                "quote": Quote(text[m.start("label") : m.end()].lstrip(" ；;，,"), _page_in(doc, first, cut, pos, m.start()), sections[pos] or None),
            })  # fmt: skip
        if "分别" in text or "依次" in text:
            out.extend(_share_lists(doc, sections, toc, pos, text, first, cut, year))
    return out


# the words comparing 决算 with 预算 ("决算数小于预算数", "决算数略高于预算数", "与年初预算基本持平"), and an adverb before one
_COMPARING = r"小于|大于|等于|高于|低于|超过|多于|少于"
_SAME_AS_BUDGET = r"(?:与|同)?(?:年初|全年)?预算数?(?:基本)?持平"
_DEGREE = r"(?:略|稍微?|明显|远)?"
# "，下降4.54%" after a gap ("比年初预算减少463.84万元，下降4.54%")
_GAP_PERCENT = rf"(?:[，,]\s*(?P<gpdir>下降|增长|降低|上升)了?(?P<gpct>{FIG})\s*%)?"
# what follows the gap: a change from last year, the rate, the comparison word
# the verb before a budget's rate: "完成年初预算的63.76%", and the words a rate must bear out ("超额完成……的104.2%",
# "未完成……的95.1%")
_RATE_VERB = r"(?P<rverb>超额完成|未能?完成|没有完成|未达到|完成|为|占|是|达到)了?"
_AFTER_GAP = (
    # "，比2023年度增加1193.20万元，增长13.95%": a change from last year between the amounts and the rate (yoy_claims')
    rf"(?:[，,]\s*(?:比|较|与)(?:上年|上一年度?|\d{{4}}年度?)(?:相比)?[，,]?\s*(?:增加|减少|增长|下降)了?{FIG}\s*(?:{WAN}|%)"
    rf"(?:[，,]\s*(?:增长|下降|增加|减少)了?{FIG}\s*(?:{WAN}|%))?)?"
    rf"(?:[，,]\s*预决算差异率为?(?P<diff>{FIG})\s*%)?"
    rf"(?:[，,]\s*(?:(?:决算数?)?{_RATE_VERB}(?P<rkind>年初预算|全年预算|预算)(?:数)?的?|(?:预算)?(?:执行率|完成率|执行进度)(?:为|达到|达)?)"
    rf"\s*(?P<rate>{FIG})\s*%)?"  # "，预算执行率98.20%": of the budget the sentence states
    rf"(?:[。，,]\s*(?:决算数?)?{_DEGREE}(?P<word>{_SAME_AS_BUDGET}|{_COMPARING})?)?"
)
_FINAL_WORD = r"(?:(?:支出)?决算(?:数)?|实际支出(?:数)?)"  # "支出决算为", "决算数", "实际支出"
# what follows the two amounts: the gap, the rate, the comparison word
_BUDGET_TAIL = (
    # "，比2024年全年预算减少13.20万元": the gap to a budget
    rf"(?:[，,]\s*(?P<gap_text>(?:决算数?)?(?:比|较|与)(?P<gkind>[^，,。；;]{{0,16}}?)预算数?(?:相比)?"
    rf"(?P<gdir>减少|增加|节约|超支|少|多|结余)(?:支出|资金)?了?(?P<gap>{FIG})\s*{WAN})(?:[（(][^（）()]{{0,30}}[）)])?"
    + _GAP_PERCENT
    + ")?"
    + _AFTER_GAP
)
_BUDGET = re.compile(
    rf"(?:(?:年初预算(?:数)?为?(?P<initial>{FIG})\s*{WAN}|(?P<unset>年初未安排预算))[，,]\s*)?"  # 未安排: 0
    rf"(?P<bkind>年初预算|全年预算|调整预算|预算)(?:数)?为?{NUM}\s*{WAN}[，,]\s*{_FINAL_WORD}为?(?P<f>{FIG})\s*{WAN}"
    + _BUDGET_TAIL
)
# …and the 决算 first: "支出决算为446.11万元，年初预算为452.40万元，完成年初预算的98.61%" (no 年初 beside a 全年 budget)
_FINAL_FIRST = re.compile(
    rf"{_FINAL_WORD}为?(?P<f>{FIG})\s*{WAN}[，,]\s*(?P<bkind>年初预算|全年预算|调整预算|预算)(?:数)?为?{NUM}\s*{WAN}"
    + _BUDGET_TAIL
)
# …and the budget inside the gap: "支出决算为2940.05万元，比年初预算2993.92万元减少53.87万元，完成年初预算的98.20%"
_FINAL_THEN_GAP = re.compile(
    rf"{_FINAL_WORD}为?(?P<f>{FIG})\s*{WAN}[，,]?\s*(?P<gap_text>(?:比|较)(?P<bkind>年初预算|全年预算|调整预算|预算)"
    rf"(?:数)?为?{NUM}\s*{WAN}[，,]?\s*(?P<gdir>减少|增加|节约|超支|少|多|结余)(?:支出|资金)?了?(?P<gap>{FIG})\s*{WAN})"
    r"(?:[（(][^（）()]{0,30}[）)])?" + _GAP_PERCENT + _AFTER_GAP  # "……减少53.87万元（主要是项目调减）"
)
# …and the rate naming the budget: "决算数为2940.05万元，为年初预算数2993.92万元的98.20%"
_FINAL_OF_BUDGET = re.compile(
    rf"{_FINAL_WORD}为?(?P<f>{FIG})\s*{WAN}[，,]\s*{_RATE_VERB}(?P<bkind>年初预算|全年预算|调整预算|预算)(?:数)?为?"
    rf"{NUM}\s*{WAN}的(?P<rate>{FIG})\s*%"
)
# a gap after the rate: "……预算执行率98.20%，决算数比年初预算少53.87万元"
_GAP_AFTER = re.compile(
    rf"\s*%?\s*[，,]\s*(?P<gap_text>(?:决算数?)?(?:比|较)(?P<gkind>[^，,。；;]{{0,16}}?)预算数?(?:相比)?"
    rf"(?P<gdir>减少|增加|节约|超支|少|多|结余)(?:支出|资金)?了?(?P<gap>{FIG})\s*{WAN})"
)
_BUDGET_NEEDS = required_text(_BUDGET)
_WORD_NEXT = re.compile(rf"^(?:决算数?)?{_DEGREE}(?P<word>{_SAME_AS_BUDGET}|{_COMPARING})")
# "…年初预算为0.88万元，支出决算为0.88万元。" / "完成年初预算的100.00%。决算数同预算数持平。" (规划局: the PDF
# ended the block after the amounts)
_RATE_NEXT = re.compile(
    rf"^(?:决算数?)?{_RATE_VERB}(?P<rkind>年初预算|全年预算|预算)(?:数)?的?\s*(?P<rate>{FIG})\s*%[。，,]?\s*"
)


# "“三公”经费财政拨款支出年初预算为2.85万元，支出决算为0.39万元，完成预算的13.68%，其中：……。2024年度“三公”经费
# 支出决算数小于预算数的主要原因：……" (规划局, 财政局): the comparison a few clauses after the amounts, in a sentence
# of its own that names the same thing.
_WORD_LATER = re.compile(
    rf"(?<=[。；;])\s*(?P<subject>[^。；;：:，,]{{0,24}}?)决算数?{_DEGREE}"  # "决算数略高于预算数"
    rf"(?P<word>(?:与|同)(?:年初|全年)?预算数?(?:基本)?持平|(?:{_COMPARING})(?=(?:年初|全年)?预算))"
)
_SAME_SUBJECT = ("三公",)
# the reason after the word, comparing again: "决算数小于全年预算数的主要原因：人员变动引起实际支出低于预算" (the whole's
# spending, not a part's: "人员经费支出数小于预算"); the reason may open the next sentence ("决算数小于预算数。主要原因：……")
_REASON_WORD = re.compile(
    rf"[^。；;]{{0,12}}?(?:[。；;]\s*(?:其主要|主要|其)?)?原因[是为]?\s*[:：]?(?P<why>[^。；;]{{0,40}}?(?:实际|(?<![\u4e00-\u9fff])|(?<=引起|导致|造成|使得))(?:支出|决算)数?{_DEGREE}(?P<word>{_COMPARING})"
    r"(?:年初|全年)?预算)"
)


def _word_later(text: str, lead: str, after: int) -> re.Match[str] | None:
    """The comparison sentence after ``after`` whose subject is empty or names what ``lead`` names."""
    m = _WORD_LATER.search(text, after)
    if m is None:
        return None
    subject = re.sub(r"\d{4}\s*年度?", "", m.group("subject"))
    if subject and not any(k in subject and k in lead for k in _SAME_SUBJECT):
        return None
    return m


def _gap_kind(named: str, kind: str, year: int | None = None) -> str:
    """The budget a gap names ("比2024年全年预算减少…": 全年预算; "比调整后预算": the 全年 one), else the sentence's; a
    budget of another year ("较2023年度预算数", "比上年预算数") is none the sentence states."""
    if re.search(r"上一?年|去年", named) or any(
        int(y) != year for y in re.findall(r"(\d{4})\s*年", named) if year
    ):
        return "上年预算"  # ("较2023年度年初预算" in a 2024 report)
    if "年初" in named or "调整前" in named:
        return "年初预算"
    if "全年" in named or "调整" in named:
        return "全年预算"
    return "上年预算" if re.search(r"\d{4}\s*年", named) else kind


def budget_claims(
    doc: Document, sections: list[str], toc: set[int], year: int | None = None
) -> list[dict[str, Any]]:
    """ "年初预算为X万元，支出决算为Y万元，完成年初预算的Z%。决算数小于预算数…": the amounts,
    the stated rate and the comparison word (also when the PDF put it at the start of the next
    block). "年初预算为0万元，全年预算为X万元" keeps both budgets."""
    out = []
    for pos, block in enumerate(doc.blocks):
        if block.table is not None or pos in toc:
            continue
        text = block.text
        if not all(t in text for t in _BUDGET_NEEDS):
            continue
        matches = list(_BUDGET.finditer(text))
        for later in (_FINAL_FIRST, _FINAL_THEN_GAP, _FINAL_OF_BUDGET):
            matches += [
                m
                for m in later.finditer(text)
                if not any(m.start() < o.end() and o.start() < m.end() for o in matches)
            ]
        matches.sort(key=lambda m: m.start())
        for m in matches:
            groups = m.groupdict()
            after_rate = m.end("rate") if groups.get("rate") else m.end()
            if not groups.get("gap") and (gap := _GAP_AFTER.match(text, after_rate)):
                groups.update(gap.groupdict())
            word = groups.get("word") or None
            word_quote = None
            word_at = (text, m.end("word")) if word else None  # where the word ends, and in which text
            # the word and what follows it: the budget it names ("决算数大于年初预算数", "与全年预算持平"), if any
            tail = text[m.start("word") : m.end("word") + 6] if word else ""
            rkind, rate, verb = groups.get("rkind"), groups.get("rate"), groups.get("rverb")
            if rate and "rkind" not in m.groupdict():
                rkind = m.group("bkind")  # "为年初预算数……的98.20%"
            quote_text = m.group(0).rstrip("，,。")
            if word is None and m.end() >= len(text.rstrip("。，, ")) and pos + 1 < len(doc.blocks):
                nxt = doc.blocks[pos + 1]
                at = 0
                r = _RATE_NEXT.match(nxt.text) if nxt.table is None and rate is None else None
                if r:  # the rate opens the next block: quoted across the break, as Document.text joins them
                    rkind, rate, verb, at = r.group("rkind"), r.group("rate"), r.group("rverb"), r.end()
                    quote_text = text[m.start() :] + "\n" + nxt.text[: r.end("rate") + 1]
                w = _WORD_NEXT.match(nxt.text[at:]) if nxt.table is None else None
                if w:
                    word = w.group("word")
                    word_quote = Quote(w.group(0), nxt.page_at(at), sections[pos + 1] or None)
                    word_at = (nxt.text, at + w.end())
                    tail = nxt.text[at + w.start("word") : at + w.end("word") + 6]
            if word is None and len(matches) == 1 and (w := _word_later(text, text[: m.start()], m.end())):
                word = w.group("word")
                word_quote = Quote(w.group(0).strip(), block.page_at(w.start()), sections[pos] or None)
                word_at = (text, w.end())
                tail = text[w.start("word") : w.end("word") + 6]
            reason_word = reason_quote = reason_kind = None
            if word_at is not None:  # the word's sentence goes on with its reason, which may compare again
                source, where = word_at
                said = _REASON_WORD.match(source, where)
                # the whole's spending, not a part's ("部分项目实际支出低于预算", "当年新增慰问导致实际支出高于预算")
                # nor another year's ("去年同期实际支出大于预算"), nor a noun phrase ("实际支出大于预算的部分由结转资金安排"),
                # nor against a budget adjusted in the year ("年中调减预算，实际支出高于预算": the 全年 budget)
                if (
                    said
                    and not re.search(
                        r"部分|个别|某些|有的|某项|项目|新增|上年|去年|同期|以前年度|往年|上一年|调减|调增|追加|调整",
                        said["why"][: said.start("word") - said.start("why")],
                    )
                    and not source.startswith("的", said.end())
                ):
                    page = block.page_at(m.start()) if source is text else doc.blocks[pos + 1].page
                    kind_said = re.search(r"(年初|全年)预算$", said.group(0))
                    reason_word = said["word"]
                    reason_kind = f"{kind_said.group(1)}预算" if kind_said else None
                    reason_quote = Quote(said["why"], page, sections[pos] or None)
            bkind = m.group("bkind")
            if bkind == "预算":
                bkind = "全年预算" if "三公" in (sections[pos] + text[: m.start()]) else "预算"
            named = re.match(rf"(?:与|同|{_COMPARING})?(年初|全年)预算", tail)
            # the 年初 budget beside another ("年初预算为0万元，全年预算为…"; "年初未安排预算": 0); a 决算-first sentence has none
            initial = (
                parse_amount(groups["initial"])
                if groups.get("initial")
                else Decimal(0)
                if groups.get("unset")
                else None
            )
            out.append({
                "budget_kind": bkind,
                "budget": parse_amount(m.group("n")),
                "initial": initial,
                "final": parse_amount(m.group("f")),
                "rate_kind": rkind,
                "rate": parse_amount(rate) if rate else None,
                "rate_verb": verb if rate else None,
                "diff_rate": parse_amount(groups["diff"]) if groups.get("diff") else None,
                "gap": parse_amount(groups["gap"]) if groups.get("gap") else None,
                "gap_direction": groups.get("gdir"),
                "gap_kind": _gap_kind(groups.get("gkind") or "", bkind, year) if groups.get("gap") else None,
                "gap_text": groups.get("gap_text"),
                "gap_percent": parse_amount(groups["gpct"]) if groups.get("gpct") else None,
                "gap_percent_direction": groups.get("gpdir"),
                "word": word,
                "word_kind": f"{named.group(1)}预算" if named else None,
                "word_quote": word_quote,
                "reason_word": reason_word,
                "reason_quote": reason_quote,
                "reason_kind": reason_kind,
                "quote": Quote(quote_text, block.page_at(m.start()), sections[pos] or None),
            })  # fmt: skip
    return out


def as_decimal(x: object) -> Decimal | None:
    return x if isinstance(x, Decimal) else None


# A numbered item's number: "8、", "8." (not "8.5"), "（8）" ("8、2120101行政运行。" opens an item with its code); group
# n or m holds it (the list's style: an item of the other style is a list inside an item)
ITEM_NUMBER = (
    r"(?:(?P<n>\d{1,2})\s*(?:、|[.．](?!\d))|[（(](?P<m>\d{1,2})[）)]"
    r"|(?P<cn>[一二三四五六七八九十]{1,3})是|(?P<circ>[\u2460-\u2473]))"  # …or "一是", "十二是", "①"
)
_ITEM_HEAD = re.compile(rf"^\s*{ITEM_NUMBER}\s*")
ITEM_OPENS = re.compile(rf"(?:^|(?<=[。；;\n]))\s*{ITEM_NUMBER}")  # where one opens in a text


_DIGIT = {c: i for i, c in enumerate("一二三四五六七八九", 1)}


def item_number(head: re.Match[str]) -> int:
    if head.group("circ"):
        return ord(head.group("circ")) - 0x245F  # ① is 1
    if head.group("cn"):  # 一 … 九, 十, 十二, 二十, 二十三
        tens, _, ones = head.group("cn").rpartition("十")
        if "十" not in head.group("cn"):
            return _DIGIT.get(ones, 0)
        return (_DIGIT.get(tens, 0) if tens else 1) * 10 + _DIGIT.get(ones, 0)
    return int(head.group("n") or head.group("m"))


_LIST_OPENS = re.compile(r"其中\s*[:：]?\s*$")
_SECTION_HEAD = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")


def _budget_sentence(text: str) -> re.Match[str] | None:
    """The first budget-and-决算 sentence in ``text``, in any of its orders (groups n, f and bkind)."""
    found = [
        m
        for m in (p.search(text) for p in (_BUDGET, _FINAL_FIRST, _FINAL_THEN_GAP, _FINAL_OF_BUDGET))
        if m is not None
    ]
    return min(found, key=lambda m: m.start(), default=None)


def budget_item_lists(doc: Document, toc: set[int]) -> list[dict[str, Any]]:
    """A total's "年初预算数为X万元，支出决算数为Y万元，完成年初预算的Z%，其中：" followed by numbered items
    "1、…（项）" each with its own "年初预算为…，支出决算为…" (004's 具体情况).

    Kept only when the items run 1, 2, … n without a gap and each states its 决算, so that a
    list the reading broke off is not taken for the whole list."""
    out: list[dict[str, Any]] = []
    blocks = doc.blocks
    for pos, block in enumerate(blocks):
        if block.table is not None or pos in toc:
            continue
        if not all(t in block.text for t in _BUDGET_NEEDS):
            continue
        total = _budget_sentence(block.text)
        if total is None:
            continue
        # "…，其中：" opens the list, at the end of the total's paragraph or of the reason after it (社工部: "…完成年初
        # 预算的95.89%。" / "决算数小于预算数的主要原因：人员经费支出数小于预算数。其中：" / "1、一般公共服务支出（类）……")
        after = blocks[pos + 1 : pos + 3]
        opens = _LIST_OPENS.search(block.text[total.end() :]) or (
            len(after) == 2
            and all(b.table is None for b in after)
            and _LIST_OPENS.search(after[0].text) is not None
            and (first := _ITEM_HEAD.match(after[1].text)) is not None
            and item_number(first) == 1
        )
        if not opens:
            continue
        items: list[dict[str, Any]] = []
        j, loose = pos + 1, 0
        style: str | None = (
            None  # "n" (8、) or "m" (（8）): the list's own; the other is a list inside an item
        )
        while j < len(blocks) and blocks[j].table is None and loose <= 2:
            text = blocks[j].text
            head = _ITEM_HEAD.match(text)
            if head is not None and style is not None and head.group(style) is None:
                head = None
            if head is None:
                if _SECTION_HEAD.match(text):
                    break
                j, loose = j + 1, loose + 1  # a continuation ("决算数与预算数基本持平。")
                continue
            if items and item_number(head) == len(items) and text == blocks[items[-1]["at"]].text:
                j, loose = j + 1, 0  # the item printed twice: read once
                continue
            if item_number(head) != len(items) + 1:
                break
            style = style or ("n" if head.group("n") else "m")
            m, where = _budget_sentence(text), j
            nxt = blocks[j + 1] if j + 1 < len(blocks) else None
            if m is None and nxt is not None and nxt.table is None and not _ITEM_HEAD.match(nxt.text):
                where, m = j + 1, _budget_sentence(nxt.text)  # the item's name wrapped onto the next block
            if m is None:
                items = []
                break
            b = blocks[where]
            items.append({
                "name": _item_name(text[head.end() :]),
                "final": parse_amount(m.group("f")),
                "budget": parse_amount(m.group("n")),
                "budget_kind": m.group("bkind"),
                "quote": Quote(m.group(0).rstrip("，,。"), b.page_at(m.start())),
                "at": j,
            })  # fmt: skip
            j, loose = where + 1, 0
        # one item is a list too: "其中：" then "1、…（项）…" alone, all the total's spending (or a main part of it)
        if items and all(i["final"] is not None for i in items):
            out.append({
                "final": parse_amount(total.group("f")),
                "budget": parse_amount(total.group("n")),
                "budget_kind": total.group("bkind"),
                "quote": Quote(total.group(0).rstrip("，,。"), block.page_at(total.start())),
                "items": items,
                # the words before the total in its sentence: whose it is ("本局本级一般公共预算财政拨款支出")
                "lead": block.text[sentence_begin(block.text, total.start()) : total.start()],
            })  # fmt: skip
    return out


def _item_name(text: str) -> str:
    """ "社会保障和就业支出（类）…就业管理事务（项）。年初预算为…" → the 项 name."""
    m = re.search(r"[（(]款[)）]\s*(?P<name>[^（()）。]{1,30})[（(]项[)）]", text)
    return m.group("name").strip() if m else text.split("。")[0].split("年初预算")[0][:30]


# a change amount with its direction, ending the text before a percentage: "比2023年度减少0.15万元，" (what a
# "下降（增长）27.78%" left from the template, or a bare "增长13.95", is the rate of)
CHANGE_BEFORE = re.compile(
    rf"(?:增加|减少)\s*\d[\d,]*(?:\.\d+)?\s*{WAN}\s*[，,]?\s*(?:同比|较上年|比上年)?\s*$"
)


def signed_change(claim: dict[str, Any]) -> Decimal | None:
    """A yoy claim's change with its sign: 减少/下降 negative, 持平 zero, None when not stated."""
    direction = claim.get("direction") or ""
    if "持平" in direction:
        return Decimal(0)
    change = claim.get("change")
    if not isinstance(change, Decimal):
        return None
    return -change if direction in ("减少", "下降", "减") else change
