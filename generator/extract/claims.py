"""Claims the narrative makes that the checks will test: year-over-year changes, shares,
budget-vs-final comparisons; and the functional classes (类) of spending."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from generator.extract.narrative import NUM
from generator.extract.tables import StatutoryTable, structured
from generator.model import Document, Quote
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
        for row in rows:  # type: ignore[union-attr]
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
        rf"(?:^|\d[.、．]|[；;，,])\s*(?P<name>[\u4e00-\u9fff]{{2,16}}支出)[(（]类[)）](?:支出)?{NUM}万元"
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
    r"(?P<lead>(?:比|较|与)(?:上年|上一年|上年度|\d{4}年度?)(?:度)?(?:决算)?(?:数)?(?:相比)?[，,]?)"
    r"(?P<what>[^，,。；;\d]{0,24}?)"
    r"(?P<dir>增加|减少|增长|下降|持平|基本持平)"
    rf"(?:{NUM}(?P<unit>万元|%|人|辆|个))?"
    r"(?:[，,、]?\s*(?P<pdir>增长|下降|增幅为?|降幅为?|减少|增加|下降了|增长了)(?P<pct>-?\d[\d,]*(?:\.\d+)?)\s*%?)?"
)
_AMOUNT_BEFORE = re.compile(rf"{NUM}万元")


def yoy_claims(doc: Document, sections: list[str], toc: set[int]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for pos, block in enumerate(doc.blocks):
        if block.table is not None or pos in toc:
            continue
        text = block.text
        for m in _YOY.finditer(text):
            change = parse_amount(m.group("n")) if m.group("n") else None
            unit = m.group("unit")
            percent = parse_amount(m.group("pct")) if m.group("pct") else None
            if unit == "%":
                percent, change = change, None
            if change is None and percent is None and "持平" not in m.group("dir"):
                continue
            sentence_start = max(text.rfind(c, 0, m.start()) for c in "。；;") + 1
            head = text[sentence_start : m.start()]
            amounts = list(_AMOUNT_BEFORE.finditer(head))
            current = parse_amount(amounts[-1].group("n")) if amounts else None
            quote_start = sentence_start + (amounts[-1].start() if amounts else 0)
            subject_text = head[: amounts[-1].start()] if amounts else head
            out.append({
                "subject": _subject(subject_text + m.group("what")),
                "current": current,
                "change": change,
                "unit": unit if unit != "%" else None,
                "direction": m.group("dir"),
                "percent": percent,
                "percent_direction": m.group("pdir"),
                "quote": Quote(text[quote_start : m.end()], block.page_at(m.start()), sections[pos] or None),
            })  # fmt: skip
    return out


def _subject(text: str) -> str:
    text = re.sub(r"^[\d.、（）()一二三四五六七八九十]+", "", text.strip(" ，,:："))
    text = re.sub(r"^(?:\d{4}年度?|本年度?|全年)", "", text)
    text = re.sub(r"(?:支出决算数|决算数)?(?:为|是|共计|合计)?$", "", text)
    return text.strip(" ，,:：") or "总体"


_SHARE = re.compile(
    rf"(?P<label>[^，,。；;：:]{{0,40}}?){NUM}万元[，,]?\s*占(?P<den>[^\d，,。；;%]{{0,16}}?)(?:的)?(?:比[重例]为?)?(?P<pct>-?\d[\d,]*(?:\.\d+)?)%"
)


def share_claims(doc: Document, sections: list[str], toc: set[int]) -> list[dict[str, Any]]:
    """ "X万元，占Y%" with the label and, when the sentence has one, the whole it is a part of."""
    out = []
    for pos, block in enumerate(doc.blocks):
        if block.table is not None or pos in toc:
            continue
        text = block.text
        for m in _SHARE.finditer(text):
            sentence_start = max(text.rfind(c, 0, m.start()) for c in "。") + 1
            head = text[sentence_start : m.start()]
            parent = None
            if "其中" in head:
                first = _AMOUNT_BEFORE.search(head)
                parent = parse_amount(first.group("n")) if first else None
            out.append({
                "label": m.group("label").strip(" ：:，,其中"),
                "amount": parse_amount(m.group("n")),
                "percent": parse_amount(m.group("pct")),
                "denominator_label": m.group("den") or None,
                "parent": parent,
                "quote": Quote(text[m.start("label") : m.end()], block.page_at(m.start()), sections[pos] or None),
            })  # fmt: skip
    return out


_BUDGET = re.compile(
    rf"(?P<bkind>年初预算|全年预算|调整预算)(?:数)?为?{NUM}万元[，,]\s*(?:支出)?决算(?:数)?为?(?P<f>-?\d[\d,]*(?:\.\d+)?)万元"
    r"(?:[，,]\s*完成(?P<rkind>年初预算|全年预算|预算)(?:数)?的?(?P<rate>-?\d[\d,]*(?:\.\d+)?)%)?"
    r"(?:[。，,]\s*(?:决算数)?(?P<word>(?:与|同)?(?:年初|全年)?预算数?(?:基本)?持平|小于|大于|等于|高于|低于|超过)?)?"
)


def budget_claims(doc: Document, sections: list[str], toc: set[int]) -> list[dict[str, Any]]:
    out = []
    for pos, block in enumerate(doc.blocks):
        if block.table is not None or pos in toc:
            continue
        for m in _BUDGET.finditer(block.text):
            out.append({
                "budget_kind": m.group("bkind"),
                "budget": parse_amount(m.group("n")),
                "final": parse_amount(m.group("f")),
                "rate": parse_amount(m.group("rate")) if m.group("rate") else None,
                "word": m.group("word") or None,
                "quote": Quote(m.group(0).rstrip("，,。"), block.page_at(m.start()), sections[pos] or None),
            })  # fmt: skip
    return out


def as_decimal(x: object) -> Decimal | None:
    return x if isinstance(x, Decimal) else None
