"""date.*: periods the report states — a date range whose end comes before its start, and a stated
length ("租赁期限5年") that contradicts the range it describes ("2023年6月-2026年6月").

Both are in the 绩效自评 text and tables, where targets and results are written as dates: 001 (岚县)
states "2024物业管理服务时间 … 实际完成值 2024年1月1日至2021年12月31日" and "零工市场租赁时间
2023年-6月-2026年6月，租赁期限5年".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.checks import make_finding, page_ref, place, rule
from generator.model import Block, Finding, Quote, Report

# "2024年1月1日" / "2023年-6月" / "2023年6月" / "2023年" (a year alone only as a range's end point
# when the other end is a year alone too). Separators between the ends: 至 到 - — ~.
_POINT = r"(?P<{p}y>\d{{4}})\s*年\s*(?:[-－]?\s*(?P<{p}m>\d{{1,2}})\s*月\s*(?:(?P<{p}d>\d{{1,2}})\s*日)?)?"
# "2024年1月1日起至2024年12月31日止", "从2024年1月1日起，至2024年12月31日止"
_BETWEEN = r"\s*(?:起[，,]?)?\s*(?:至|到|[-－—~～]{1,2})\s*"
_RANGE = re.compile(_POINT.format(p="a") + _BETWEEN + _POINT.format(p="b") + r"(?!\s*度)")
# "2024.1.1-2024.12.31", "2024/1/1至2024/12/31", "2024-1-1至2024-12-31": dotted dates only with a day ("2024.01"
# may be an amount)
_DOTTED = r"(?P<{p}y>\d{{4}})\s*(?P<{p}s>[./／．\-－])\s*(?P<{p}m>\d{{1,2}})\s*(?P={p}s)\s*(?P<{p}d>\d{{1,2}})(?!\d|[.．]\d)"  # (a sentence's "." may follow: "2024.1.1-2024.12.31.")
_DOTTED_RANGE = re.compile(r"(?<![\d.．])" + _DOTTED.format(p="a") + _BETWEEN + _DOTTED.format(p="b"))
# …and one end each way: "2024年1月1日至2023.12.31", "2024.1.1至2024年12月31日"
_MIXED_RANGES = (
    re.compile(_POINT.format(p="a") + _BETWEEN + _DOTTED.format(p="b")),
    re.compile(r"(?<![\d.．])" + _DOTTED.format(p="a") + _BETWEEN + _POINT.format(p="b") + r"(?!\s*度)"),
)
# The length stated right after the range, in the same sentence: "租赁期限5年", "为期3年", "期限为36个月".
_LENGTH = re.compile(
    r"[^。；;]{0,12}?(?:期限|为期|共计?|合计)\s*(?:为|是)?\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?P<unit>个月|年)"
)
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class Point:
    year: int
    month: int | None
    day: int | None

    def key(self, end: bool) -> tuple[int, int, int]:
        """For ordering: a start without month/day is its first day, an end its last."""
        return (self.year, self.month or (12 if end else 1), self.day or (31 if end else 1))


@dataclass(frozen=True)
class Span:
    block: Block
    start: int
    end: int
    a: Point
    b: Point


def _point(m: re.Match[str], p: str) -> Point:
    def num(g: str) -> int | None:
        v = m.group(p + g)
        return int(v) if v else None

    return Point(int(m.group(p + "y")), num("m"), num("d"))


def _valid(pt: Point) -> bool:
    return (
        1900 <= pt.year <= 2100
        and (pt.month is None or 1 <= pt.month <= 12)
        and (pt.day is None or 1 <= pt.day <= 31)
    )


def spans(report: Report) -> Iterator[tuple[Span, str]]:
    """Every date range in the text and the table cells, with the text it was found in."""
    doc = report.document
    if doc is None:
        return
    for b in doc.blocks:
        text = b.text
        found = [*_RANGE.finditer(text)] if "年" in text else []
        if any(c in text for c in "./／．-－"):
            found += _DOTTED_RANGE.finditer(text)
            if "年" in text:
                found += [m for r in _MIXED_RANGES for m in r.finditer(text)]
        for m in sorted(found, key=lambda m: m.start()):
            a, z = _point(m, "a"), _point(m, "b")
            if not (_valid(a) and _valid(z)):
                continue
            if (a.month is None) != (z.month is None):
                continue  # "2023年-2024年3月": mixed precision, not a pattern reports use for periods
            if (
                "-" in m.group(0).replace("－", "-")
                and re.fullmatch(r"[\d\-－\s]+", m.group(0))
                and not re.search(
                    r"(?:期|时间|日期|自|从|期限|期间)\s*(?:为|是)?\s*[：:（(]?\s*$",
                    text[max(0, m.start() - 10) : m.start()],
                )
            ):
                continue  # "编号2024-12-03-2024-1-5": dashes alone make no period unless a period is named before
            yield Span(b, m.start(), m.end(), a, z), text


def _quote(span: Span, text: str, end: int | None = None) -> Quote:
    page = span.block.page_at(span.start)
    return Quote(text[span.start : end if end is not None else span.end], page, None)


@rule(
    "date.range_reversed",
    title="起止日期颠倒",
    explanation=(
        "文中或表中写明一段时间“某年某月某日至某年某月某日”，终止日期早于起始日期。这样的期间不存在，"
        "多半是年份笔误（如“2024年1月1日至2021年12月31日”）。只有年份、没有月日的端点按该年首日或末日算；"
        "用点、斜线或短横写、带日的日期（“2024.1.1-2024.12.31”“2024-1-1至2024-12-31”），两端写法不同的（“2024年1月1日至2024.12.31”），"
        "和“……起至……止”“……起，至……止”也按期间读。"
    ),
    formula="终止日期 ≥ 起始日期",
    tolerance="不涉及金额；同一天起止不算颠倒",
    example="2024物业管理服务时间，实际完成值“2024年1月1日至2021年12月31日”",
    expected_label="应为",
)
def range_reversed(report: Report) -> Iterable[Finding]:
    for span, text in spans(report):
        if re.match(r"\s*(?:的)?(?:差额|变动|增减|对比|相比|比较)", text[span.end :]):
            continue  # two dates compared, later first ("资产原值2024.12.31-2023.12.31差额"), not a period
        if span.b.key(end=True) < span.a.key(end=False):
            snippet = text[span.start : span.end]
            yield make_finding(
                "date.range_reversed",
                "warning",
                f"{snippet}{place(report, span.block, span.start, snippet)}",
                f"{page_ref(report, span.block.page)}“{snippet}”：终止日期早于起始日期，期间不成立，应为笔误。",
                snippet,
                "终止日期不早于起始日期",
                [_quote(span, text)],
            )


def _months(span: Span) -> int | None:
    """Whole months from start to end ("2023年6月-2026年6月" = 36), when both ends have a month."""
    a, b = span.a, span.b
    if a.month is None or b.month is None:
        return None
    months = (b.year - a.year) * 12 + (b.month - a.month)
    # "2024年1月1日至2024年12月31日" is 12 months: an end on the last days of a month counts that month.
    if b.day is not None and b.day >= 28 and (a.day in (None, 1)):
        months += 1
    return months


@rule(
    "date.length",
    title="所述期限与起止日期不符",
    explanation=(
        "同一句先写起止时间，随即写明期限（“租赁时间2023年6月-2026年6月，租赁期限5年”），两者应当一致："
        "起止相隔的月数就是期限。只核对紧跟在起止时间之后、同一句内的“期限/为期/共N年（个月）”；“为期N个月的培训”"
        "（期间里每一期的长度）和另一件事的期限（安装时间之后的“质保期限3年”）不比较。"
    ),
    formula="期限（月）= (终止年 − 起始年) × 12 + (终止月 − 起始月)",
    tolerance="相差不超过1个月（起止日是否计入）不算不符",
    example="零工市场租赁时间2023年-6月-2026年6月（36个月），租赁期限5年（60个月）",
    expected_label="按起止日期",
)
def length(report: Report) -> Iterable[Finding]:
    for span, text in spans(report):
        months = _months(span)
        if months is None or months <= 0:
            continue
        m = _LENGTH.match(text, span.end)
        if m is None or text[m.end() : m.end() + 1] == "的":
            continue  # "为期1个月的岗前培训": the length of something the period holds, not of the period
        k = text.find("期限", m.start(), m.start("n"))
        if (
            k >= 2
            and re.fullmatch(r"[\u4e00-\u9fff]{2}", text[k - 2 : k])
            and text[k - 2 : k] not in text[max(0, span.start - 16) : span.start]
        ):
            continue  # "安装时间……，质保期限3年", "……免租期限3个月": another term's length ("租赁时间……，租赁期限5年" is read)
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else _cn_number(raw)
        if n is None:
            continue
        stated = n * 12 if m.group("unit") == "年" else n
        if abs(stated - months) <= 1:
            continue
        period = text[span.start : span.end]
        said = text[m.start("n") : m.end("unit")]
        years = f"{months // 12}年" if months % 12 == 0 else f"{months}个月"
        # "相隔36个月（3年）"; a span of no whole years is said once: "相隔38个月"
        in_years = f"（{years}）" if months % 12 == 0 and months else ""
        yield make_finding(
            "date.length",
            "warning",
            f"{period} {said}{place(report, span.block, span.start, period)}",
            f"{page_ref(report, span.block.page)}写“{period}”，相隔{months}个月{in_years}，紧接着却写期限{said}（{stated}个月）：起止日期与期限必有一处有误。",
            said,
            years,
            [_quote(span, text, m.end())],
        )


def _cn_number(raw: str) -> int | None:
    if raw == "十":
        return 10
    if len(raw) == 1:
        return _CN.get(raw)
    if raw.startswith("十"):
        return 10 + (_CN.get(raw[1:]) or 0)
    if raw.endswith("十") and len(raw) == 2:
        return (_CN.get(raw[0]) or 0) * 10
    if len(raw) == 3 and raw[1] == "十":
        return (_CN.get(raw[0]) or 0) * 10 + (_CN.get(raw[2]) or 0)
    return None
