"""Plain data passed between stages: Document (ingest) → Report (extract) → Finding (checks)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Table:
    """A table as the source laid it out: rows of cell strings ("" for an empty cell)."""

    page: int
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Block:
    """One unit of extracted text: a paragraph (hard wraps joined) or one table row.

    ``text`` is normalised; every quote the project shows is a substring of some block's text.
    ``pages`` maps character offsets to pages for paragraphs that run across a page break.
    """

    text: str
    page: int
    table: int | None = None  # index into Document.tables when this block is a table row
    row: int | None = None
    page_breaks: tuple[tuple[int, int], ...] = ()  # (offset, page) where a later page starts

    def page_at(self, offset: int) -> int:
        page = self.page
        for start, later in self.page_breaks:
            if offset >= start:
                page = later
        return page


@dataclass
class Document:
    """What ingest produces, whatever the format."""

    path: str
    sha256: str
    format: str
    pages: int
    blocks: list[Block]
    tables: list[Table]
    ocr_pages: tuple[int, ...] = ()
    # (page, the earlier page it repeats): a page printed twice, read once
    repeated_pages: tuple[tuple[int, int], ...] = ()

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    def table_rows(self, index: int) -> list[Block]:
        return [b for b in self.blocks if b.table == index]


@dataclass(frozen=True)
class Quote:
    quote: str
    page: int | None
    section: str | None = None
    table: str | None = None
    # which of Document.blocks the quote was read from, when the rule knows: the words may stand in several places
    # (a reason copied into three sections), and the section shown is this block's. Not part of the quote's identity
    # and not published.
    block: Block | None = field(default=None, compare=False, repr=False)

    def as_json(self) -> dict[str, Any]:
        return {"quote": self.quote, "page": self.page, "section": self.section, "table": self.table}


@dataclass(frozen=True)
class Value:
    """A figure as the report states it, with where it says so."""

    amount: Decimal
    kind: Literal["narrative", "table"]
    quote: Quote
    ocr: bool = False


@dataclass(frozen=True)
class Finding:
    id: str
    rule: str
    severity: Severity
    title: str
    message: str
    claimed: str | None
    expected: str | None
    evidence: tuple[Quote, ...]
    subject: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "severity": self.severity,
            "title": self.title,
            "message": self.message,
            "claimed": self.claimed,
            "expected": self.expected,
            "evidence": [q.as_json() for q in self.evidence],
        }


@dataclass
class Report:
    """Everything extract knows about one report. Checks read it; render shows it."""

    id: str
    source: dict[str, Any]
    agency: str
    year: int | None
    scope: Literal["department", "unit"]
    region: dict[str, str | None]
    metrics: dict[str, Value | None]
    functional_classes: list[dict[str, Any]]
    tables: dict[str, dict[str, Any]]
    yoy_claims: list[dict[str, Any]]
    statements: list[dict[str, Any]] = field(default_factory=list)
    narrative: dict[str, Value] = field(default_factory=dict)  # every metric the text states, table or not
    share_claims: list[dict[str, Any]] = field(default_factory=list)
    budget_claims: list[dict[str, Any]] = field(default_factory=list)
    perf_tables: list[dict[str, Any]] = field(default_factory=list)  # 绩效自评表 (extract/perf.py)
    sections: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    document: Document | None = None
