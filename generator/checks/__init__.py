"""Checks: Report → findings. One small function per rule, registered in ``CATALOGUE``.

The site's methodology page is generated from the catalogue, so each rule carries its Chinese
title, a one-paragraph explanation, the formula and the tolerance it applies.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from generator.model import Block, Document, Finding, Quote, Report, Severity
from generator.normalize import parse_amount

CheckFn = Callable[[Report], Iterable[Finding]]
T = TypeVar("T")


def per_report(*reads: str) -> Callable[[Callable[[Report], T]], Callable[[Report], T]]:
    """Something several rules derive from the same report (which 项目名称 each block is under, the
    projects' funding rows): computed once, and again only when one of the report's attributes it
    ``reads`` is another object (a new report, or a test that swapped ``perf_tables``)."""

    def wrap(fn: Callable[[Report], T]) -> Callable[[Report], T]:
        last: list[Any] = []  # [the objects read, the value]

        @functools.wraps(fn)
        def cached(report: Report) -> T:
            inputs = [getattr(report, a) for a in reads]
            if last and all(x is y for x, y in zip(last[0], inputs, strict=True)):
                return cast(T, last[1])
            last[:] = [inputs, fn(report)]
            return cast(T, last[1])

        return cached

    return wrap


@dataclass(frozen=True)
class Rule:
    id: str  # "family.name"
    title: str
    explanation: str
    formula: str
    tolerance: str
    fn: CheckFn
    example: str = ""
    # what a finding's ``expected`` is, as the report page labels it: a computed figure for most rules,
    # another statement of the report (or what the text should say) for rules that compare words
    expected_label: str = "按报告其他数字推算"

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]


CATALOGUE: dict[str, Rule] = {}

FAMILIES = {
    "sum": "合计与分项",
    "ratio": "占比",
    "yoy": "同比变化",
    "text_table": "文字与报表",
    "table_table": "报表之间",
    "repeat": "同一数字多处表述",
    "budget": "预决算对比",
    "perf": "绩效自评",
    "completeness": "完整性",
    "cross_year": "跨年度",
    "cross_agency": "部门与所属单位",
    "date": "日期与期限",
}


def rule(
    id: str,
    *,
    title: str,
    explanation: str,
    formula: str,
    tolerance: str,
    example: str = "",
    expected_label: str = Rule.expected_label,
) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        if id in CATALOGUE:
            raise ValueError(f"rule {id} registered twice")
        CATALOGUE[id] = Rule(id, title, explanation, formula, tolerance, fn, example, expected_label)
        return fn

    return register


@per_report("document")
def running_text(report: Report) -> tuple[list[tuple[int, Block]], str, list[int]]:
    """The report's running-text paragraphs (position, block), joined by newlines, and where each starts."""
    doc = report.document
    running = [(pos, b) for pos, b in enumerate(doc.blocks) if b.table is None] if doc else []
    starts, offset = [], 0
    for _, b in running:
        starts.append(offset)
        offset += len(b.text) + 1
    return running, "\n".join(b.text for _, b in running), starts


def block_starts(doc: Document) -> list[int]:
    """Where each block starts in ``doc.text`` (the blocks joined by newlines)."""
    starts, at = [], 0
    for b in doc.blocks:
        starts.append(at)
        at += len(b.text) + 1
    return starts


def block_at(doc: Document, starts: list[int], offset: int) -> tuple[Block, int]:
    """The block holding ``doc.text[offset]`` and the offset in its text (``starts``: block_starts(doc))."""
    n = bisect.bisect_right(starts, offset) - 1
    return doc.blocks[n], offset - starts[n]


def running_with(report: Report, pattern: str | re.Pattern[str]) -> list[tuple[int, Block]]:
    """The running-text paragraphs (position in the document, block) where ``pattern`` (a literal or a regex)
    occurs, in document order: found in the joined text at once rather than paragraph by paragraph (002 has
    2,000 paragraphs, and a word most rules look for is in a few dozen)."""
    running, joined, starts = running_text(report)
    regex = re.compile(re.escape(pattern)) if isinstance(pattern, str) else pattern
    hits = {bisect.bisect_right(starts, m.start()) - 1 for m in regex.finditer(joined)}
    return [running[i] for i in sorted(hits)]


A_YEAR = re.compile(r"(\d{4})\s*年")  # a year written out: "2023年度", "2024 年"
_LAST_YEAR = re.compile(r"上年|上一年|去年")


def of_another_year(report: Report, before: str, last_year_words: bool = True) -> bool:
    """Whether the words before a figure put it in another year than the report's: a year written out
    ("2023年度一般公共预算财政拨款支出……" in a 2024 report), or, unless ``last_year_words`` is off, 上年/去年."""
    if last_year_words and _LAST_YEAR.search(before):
        return True
    return bool(report.year and {int(y) for y in A_YEAR.findall(before)} - {report.year})


def finding_id(rule_id: str, subject: str, *values: object) -> str:
    """Stable anchor: from the rule, what it is about and the numbers, never from list order."""
    key = "|".join([rule_id, subject, *(str(v) for v in values)])
    return "f-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:6]


def place(report: Report, block: Block, at: int, said: str) -> str:
    """What tells apart the same words flagged in two places, for a finding's subject: "" where ``said`` (starting at
    ``at`` in ``block``) is their first occurrence in the document, "#2" at the second… Never the page: a page added
    before it (a cover, a reflow) would move the id a news article links to."""
    number = _block_numbers(report).get(id(block))
    if number is None or not said:
        return ""
    text, starts = _text_and_starts(report)
    n = text.count(said, 0, starts[number] + at + len(said))
    return f"#{n}" if n > 1 else ""


def page_ref(report: Report, page: int | None) -> str:
    """Where a message says a quote stands: "第N页", or "文中" in a document of one page (a text export's every
    quote is on "第1页", which tells a reader nothing)."""
    doc = report.document
    return f"第{page}页" if doc is not None and doc.pages > 1 and page else "文中"


def make_finding(
    rule_id: str,
    severity: Severity,
    subject: str,
    message: str,
    claimed: object,
    expected: object,
    evidence: Iterable[Quote],
    title: str | None = None,
) -> Finding:
    r = CATALOGUE.get(rule_id)
    return Finding(
        id=finding_id(rule_id, subject, claimed, expected),
        rule=rule_id,
        severity=severity,
        title=title or (r.title if r else rule_id),
        message=message,
        claimed=None if claimed is None else str(claimed),
        expected=None if expected is None else str(expected),
        evidence=tuple(evidence),
        subject=subject,
    )


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


# a rule that raised: its id and the error ("ZeroDivisionError: division by zero")
RuleFailure = tuple[str, str]


def error_text(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


def run_checks(report: Report, failed: list[RuleFailure] | None = None) -> list[Finding]:
    """The report's findings. With ``failed`` a list, a rule that raises (a bug in it) is listed there and the other
    rules still run, so one rule's bug does not take a report's every note off the site; without it the error
    propagates (tests, and anything that must see the bug)."""
    _load_rules()
    findings: dict[str, Finding] = {}
    said: dict[tuple[str, str], str] = {}  # (rule, message) → the id that says it
    for r in CATALOGUE.values():
        if r.family in ("cross_year", "cross_agency"):
            continue  # these need several reports: see run_cross_checks
        try:
            for f in r.fn(report):
                first = said.setdefault((f.rule, f.message), f.id)
                if first != f.id:
                    # the same words flagged in two places of one page ("文中“报告应包括以下附件：”" twice): one note
                    # (its quotes those of either not already there), not two a reader cannot tell apart
                    kept = findings[first]
                    more = tuple(q for q in f.evidence if q not in kept.evidence)
                    findings[first] = dataclasses.replace(kept, evidence=(*kept.evidence, *more))
                    continue
                findings.setdefault(f.id, f)
        except Exception as exc:
            if failed is None:
                raise
            failed.append((r.id, error_text(exc)))
    unread, tables, rough = _unreadable(report)
    if unread or rough:
        findings = {
            k: f
            for k, f in findings.items()
            if not any(_in_unreadable(q, unread) or _in_rough(q, rough) for q in f.evidence)
            and not any(t in f.message for t in tables)
        }
    placed = [_placed(report, f) for f in findings.values()]
    return sorted(placed, key=lambda f: (SEVERITY_ORDER[f.severity], f.rule, f.id))


@per_report("document")
def _sections(report: Report) -> list[str]:
    from generator.extract.narrative import section_of

    return section_of(report.document) if report.document else []


@per_report("document")
def _text_and_starts(report: Report) -> tuple[str, list[int]]:
    """The document's text and where each block starts in it, made once a report (place)."""
    doc = report.document
    return (doc.text, block_starts(doc)) if doc else ("", [])


@per_report("document")
def _block_numbers(report: Report) -> dict[int, int]:
    return {id(b): n for n, b in enumerate(report.document.blocks)} if report.document else {}


def _placed(report: Report, finding: Finding) -> Finding:
    """The finding with each quote that a rule gave with neither section nor table given its section: the heading it
    stands under ("五、一般公共预算财政拨款支出决算情况说明 / （一）……"), found where the quote stands on its page; on a
    page of a statutory table (a PDF's "无政府性基金预算财政拨款收入支出的，……" note under 公开07表), that table; for a
    second-level heading itself, the section above it; none for a first-level heading or a 目录 line. A reader of a
    long report needs the section as well as the page (a text export has one page)."""
    doc = report.document
    if doc is None or all(q.section or q.table for q in finding.evidence):
        return finding
    quotes = []
    for q in finding.evidence:
        if q.section or q.table or not q.quote:
            pos = None
        else:
            pos = _block_numbers(report).get(id(q.block)) if q.block is not None else None
            if pos is None:
                pos = _position(report, q)
        section = _section_at(report, pos) if pos is not None else None
        quotes.append(dataclasses.replace(q, section=section) if section else q)
    return dataclasses.replace(finding, evidence=tuple(quotes))


def _position(report: Report, q: Quote) -> int | None:
    """The position in the document of the block a quote stands in, on its page: running text first, then a table's
    cells (a 自评表's 实际完成情况 quoted without the table's name)."""
    running, joined, starts = running_text(report)
    at = joined.find(q.quote)
    while at >= 0:
        n = bisect.bisect_right(starts, at) - 1
        pos, block = running[n]
        if q.page is None or block.page_at(at - starts[n]) == q.page:
            return pos
        at = joined.find(q.quote, at + 1)
    blocks = report.document.blocks if report.document else []
    return next(
        (
            i
            for i, b in enumerate(blocks)
            if b.table is not None and (q.page is None or b.page == q.page) and q.quote in b.text
        ),
        None,
    )


def _section_at(report: Report, pos: int) -> str | None:
    from generator.checks.sums import table_name

    doc = report.document
    assert doc is not None
    block = doc.blocks[pos]
    if doc.pages > 1:
        on_page = [k for k, t in report.tables.items() if t.get("page") == block.page]
        if len(on_page) == 1:
            return table_name(on_page[0])
    if (title := _appendix_titles(report)[pos]) is not None:
        return title
    label = _sections(report)[pos]
    if label.endswith(f" / {block.text}"):  # a second-level heading itself: the section above it
        return label.removesuffix(f" / {block.text}")
    return None if not label or label == block.text else label  # a heading, or a 目录 line read as one


# the title of a self-evaluation or data table set as a paragraph of its own ("项目支出绩效自评表"), and the 附件 number
# a report may put on the line before it ("附件2-1")
_TABLE_TITLE = re.compile(r"(?:自评表|基础数据表)$")
_APPENDIX = re.compile(r"^附件\s*\d[\d\-－—.]*$")


# the project a table names: "项目名称 …" (000, 002), "项目支出名称 …" (004)
_TABLE_PROJECT = re.compile(r"项目(?:支出)?名称\s*(?P<name>[^\s　].{1,40}?)\s*(?=主管部门|实施单位|$)")


@per_report("document")
def _appendix_titles(report: Report) -> list[str | None]:
    """For each block, the table it stands in when a text export lost the tables' grid and set a table's title as a
    paragraph ("附件2-1" / "项目支出绩效自评表", then its cells as paragraphs): the title, with the 附件 number before
    it and the project the table names (004 has eleven such tables after its last section heading, whose cells are no
    part of that section); None where no such title was set since the last section heading."""
    doc = report.document
    assert doc is not None
    sections = _sections(report)
    out: list[str | None] = []
    title: str | None = None
    project = ""
    for n, b in enumerate(doc.blocks):
        text = b.text.strip()
        if n and sections[n] != sections[n - 1]:
            title = None  # a section heading ends the table
        if (
            b.table is None
            and len(text) <= 40
            and _TABLE_TITLE.search(text)
            and not sections[n].endswith(text)
        ):
            before = doc.blocks[n - 1].text.strip() if n else ""
            title, project = (f"{before} {text}" if _APPENDIX.match(before) else text), ""
        elif title is not None and not project and (m := _TABLE_PROJECT.match(text)):
            project = m.group("name").strip()
        out.append(
            None if title is None else f"{title}《{project}》" if project and project not in title else title
        )
    return out


def _unreadable(report: Report) -> tuple[list[Block], list[str], list[tuple[Block, int, int]]]:
    """The paragraphs holding a figure OCR garbled, and every row of a table with a garbled cell or, on a
    recognised page, a cell of figures that does not read as one (_misread_cell); the statutory tables (公开0N表)
    among those; and the sentences (block, start, end) of running text holding an amount stated roughly ("约251万元":
    the rules compare within a sentence, so the paragraph's other sentences are read as they stand).

    OCR reads a digit as a look-alike letter: "2O.16万元", "29.l3%", "l,399.08万元", a cell "3S8.73". Such a figure
    is unread, and every rule reading its paragraph or table would compare the rest without it (a list missing
    one part, a share of the wrong total, a subtotal short of one item, a cell taken for blank): run_checks
    reports no finding whose evidence stands in such a paragraph or table, or whose message names such a
    statutory table."""
    from generator.extract.narrative import garbled_figures, rough_figures
    from generator.extract.tables import find_statutory

    doc = report.document
    if doc is None:
        return [], [], []
    text = doc.text  # the blocks joined by "\n": a table row's text is its cells joined by spaces
    found, rough = garbled_figures(text), rough_figures(text)
    misread = _misread_rows(doc)
    if not found and not rough and not misread:
        return [], [], []
    starts = block_starts(doc)
    hit = {block_at(doc, starts, offset)[0] for offset in found} | misread
    # a rough amount in running text ("其他收入约251万元"); in a table cell (a 自评表 target) it is that row's own
    spans = []
    for offset in rough:
        b, at = block_at(doc, starts, offset)
        if b.table is None:
            begin = b.text.rfind("。", 0, at) + 1  # the sentence, its "；"-separated list included
            end = b.text.find("。", at)
            spans.append((b, begin, len(b.text) if end < 0 else end + 1))
    # a table with one garbled cell: its sums and totals are all short of it, so every row is suspect
    tables = {b.table for b in hit if b.table is not None}
    blocks = [
        b for b in doc.blocks if (b.table is None and b in hit) or (b.table is not None and b.table in tables)
    ]
    keys = [key for key, st in find_statutory(doc).items() if st.index in tables] if tables else []
    return blocks, keys, spans


def _in_rough(q: Quote, spans: list[tuple[Block, int, int]]) -> bool:
    """The quote stands in a sentence holding a figure stated roughly."""
    for b, begin, end in spans:
        at = b.text.find(q.quote) if q.quote else -1
        while at >= 0:
            if at < end and at + len(q.quote) > begin:
                return True
            at = b.text.find(q.quote, at + 1)
    return False


_FIGURE_CHARS = re.compile(r"^[-−\d,.，．%\s]*\d[-−\d,.，．%\s]*$")
_BARE_JUNCTION = re.compile(r"\d\s+\d")


def _misread_cell(cell: str) -> bool:
    """A cell of figure characters only that does not read as one figure: two runs of digits with only a space
    between them (a figure whose point the scan lost, "171" "49"; a stretch the recogniser read twice, "2122.0"
    "09"; read whole, it would be a hundred times the figure or another), or points where no figure has them
    ("445.6.69"). A percentage ("95.54%") or a number closing a label ("1.") is read as it stands."""
    return bool(_FIGURE_CHARS.match(cell)) and (
        bool(_BARE_JUNCTION.search(cell))
        or parse_amount(cell.strip().removesuffix("%").removesuffix(".")) is None
    )


def _misread_rows(doc: Document) -> set[Block]:
    """The table rows of recognised (OCR) pages with a cell misread (_misread_cell)."""
    if not doc.ocr_pages:
        return set()
    return {
        b
        for b in doc.blocks
        if b.table is not None
        and b.row is not None
        and b.page in doc.ocr_pages
        and any(_misread_cell(c) for c in doc.tables[b.table].rows[b.row])
    }


def _in_unreadable(q: Quote, blocks: list[Block]) -> bool:
    return any(
        q.quote in b.text
        and (q.page is None or q.page == b.page or any(q.page == p for _, p in b.page_breaks))
        for b in blocks
    )


def _load_rules() -> None:
    import importlib
    import pkgutil

    import generator.checks as pkg

    for mod in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module(f"generator.checks.{mod.name}")
