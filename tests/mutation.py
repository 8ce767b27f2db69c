"""Mutation harness: change one number a report's identities or stated ratios use, and see whether
the checks notice.

A mutation site is a number in the seed's *raw* text whose value the unmutated Report actually
uses: an amount or percentage in a metric's quote, a share/yoy/budget claim, a statutory table row
or a performance table's funding row. Raw text and normalised document text are aligned token by
token (the normaliser only rewrites numbers' spacing, never their order), so a site found through
a quote of the normalised text can be rewritten in the raw file, in the raw file's format
(thousands separators, decimals, the OCR spacing of "3, 802. 53").

A mutation is *detected* when the mutated report has a finding that the baseline does not have
and that names the new value (in its message, claimed, expected or an evidence quote).
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import random
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from generator.checks.tolerance import half_unit
from generator.model import Document, Finding, Quote, Report

_FULLWIDTH_DIGITS = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"．": ".", "％": "%"})
# A number in raw text, OCR spacing included ("3, 802. 53"); same-length full-width digits first.
_RAW_NUMBER = re.compile(
    r"(?<![\d.])\d{1,3}(?:[ \t]*,[ \t]*\d{3}(?!\d))+(?:[ \t]*\.[ \t]*\d+)?|(?<![\d.])\d+(?:[ \t]*\.[ \t]*\d+)?"
)
_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.])\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    raw: str
    canonical: str  # spaces removed: "3,802.53"

    @property
    def value(self) -> Decimal:
        return Decimal(self.canonical.replace(",", ""))


@dataclass(frozen=True)
class Site:
    token: Token  # in the raw text
    source: str  # what uses it: "metric", "share", "yoy", "budget", "table", "perf"
    percent: bool
    envelope: tuple[Decimal, Decimal] | None = None  # a percentage: what its amounts allow
    at: int = -1  # where the number is in the normalised document text


@dataclass(frozen=True)
class Mutation:
    site: Site
    new_raw: str
    new_value: Decimal

    def apply(self, raw_text: str) -> str:
        t = self.site.token
        return raw_text[: t.start] + self.new_raw + raw_text[t.end :]


def raw_tokens(text: str) -> list[Token]:
    text = text.translate(_FULLWIDTH_DIGITS)
    out = []
    for m in _RAW_NUMBER.finditer(text):
        raw = m.group(0)
        out.append(Token(m.start(), m.end(), raw, re.sub(r"[ \t]", "", raw)))
    return out


def text_tokens(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(0), m.group(0)) for m in _NUMBER.finditer(text)]


def align(raw: list[Token], norm: list[Token]) -> dict[int, Token]:
    """Normalised-text token start → raw token, for tokens the two sequences share in order."""
    sm = difflib.SequenceMatcher(
        None, [t.canonical for t in raw], [t.canonical for t in norm], autojunk=False
    )
    out: dict[int, Token] = {}
    for a, b, n in sm.get_matching_blocks():
        for i in range(n):
            out[norm[b + i].start] = raw[a + i]
    return out


# --- what the report uses ----------------------------------------------------------------------


def _decimals(values: Iterable[object]) -> set[Decimal]:
    out = set()
    for v in values:
        if isinstance(v, Decimal):
            out.add(v)
        elif isinstance(v, str):
            with contextlib.suppress(ArithmeticError):
                out.add(Decimal(v.replace(",", "").rstrip("%")))
    return out


Envelope = tuple[Decimal, Decimal] | None  # the percentages a claim's own amounts allow


def _bounds(numerator: object, denominator: object, widen: int = 1) -> Envelope:
    """numerator/denominator × 100 over the rounding of both (the denominator's ``widen``-fold,
    for a prior year that is itself current − change)."""
    if not isinstance(numerator, Decimal) or not isinstance(denominator, Decimal):
        return None
    hn, hd = half_unit(numerator), half_unit(denominator) * widen
    if denominator - hd <= 0:
        return None
    lo, hi = (
        (abs(numerator) - hn) / (denominator + hd) * 100,
        (abs(numerator) + hn) / (denominator - hd) * 100,
    )
    return (min(lo, hi), max(lo, hi))


def _prior(c: dict[str, Any]) -> Decimal | None:
    current, change = c.get("current"), c.get("change")
    if not isinstance(current, Decimal) or not isinstance(change, Decimal):
        return None
    up = str(c.get("direction", "")) in ("增加", "增长", "上升", "提高")
    return current - change if up else current + change


# (source, quote text, amounts used, percentages used → envelope, block index if known, offsets in
# the quote where a used number may start: None = wherever the value occurs)
Used = tuple[str, str, set[Decimal], dict[Decimal, Envelope], int | None, set[int] | None]


def _cell_offsets(cells: tuple[str, ...], which: Iterable[int]) -> set[int]:
    """Offsets, in a table row's block text (its non-empty cells joined by spaces), of the first
    number of each cell in ``which``."""
    want, out, pos = set(which), set(), 0
    for i, c in enumerate(cells):
        if not c:
            continue
        if i in want and (m := _NUMBER.search(c)) is not None:
            out.add(pos + m.start())
        pos += len(c) + 1
    return out


def used_quotes(report: Report) -> Iterator[Used]:
    """(source, quote text, amounts used, percentages used → envelope, block index if known,
    allowed offsets)."""
    for v in [*report.metrics.values(), *report.narrative.values()]:
        if v is not None:
            yield "metric", v.quote.quote, {v.amount}, {}, None, None
    for c in report.share_claims:
        q = c.get("quote")
        if isinstance(q, Quote):
            pcts = {p: _bounds(c.get("amount"), c.get("parent")) for p in _decimals([c.get("percent")])}
            yield "share", q.quote, _decimals([c.get("amount")]), pcts, c.get("block"), None
        if isinstance(c.get("parent_quote"), str):
            yield "share", c["parent_quote"], _decimals([c.get("parent")]), {}, c.get("block"), None
    for c in report.yoy_claims:
        q = c.get("quote")
        prior, change = _prior(c), c.get("change")
        env = _bounds(change, prior, widen=2)
        pcts = {p: env for p in _decimals([c.get("percent"), c.get("second_percent")])}
        if change == 0 and isinstance(prior, Decimal) and abs(prior) <= 2 * half_unit(prior):
            # "0.00万元，…比上年增加0.00万元，增长0.00%": the percentage is 0 ÷ 0 within rounding, so
            # no printed percentage contradicts the amounts: no site
            pcts = {}
        if isinstance(q, Quote) and not (c.get("unit") not in (None, "万元") and c.get("percent") is None):
            # (a change in people or vehicles without a percentage, "比去年同期…增加3166人次", is in no identity)
            yield "yoy", q.quote, _decimals([c.get("change"), c.get("current")]), pcts, c.get("block"), None
        cq = c.get("current_quote")
        if isinstance(cq, str):
            yield "yoy", cq, _decimals([c.get("current")]), {}, None, None
    for c in report.budget_claims:
        q = c.get("quote")
        if isinstance(q, Quote):
            amounts = _decimals([c.get("budget"), c.get("initial"), c.get("final")])
            pcts: dict[Decimal, Envelope] = {}
            for p in _decimals([c.get("rate")]):
                pcts[p] = _bounds(c.get("final"), c.get("budget"))
            final, budget = c.get("final"), c.get("budget")
            for p in _decimals([c.get("diff_rate")]):
                diff = final - budget if isinstance(final, Decimal) and isinstance(budget, Decimal) else None
                pcts[p] = _bounds(diff, budget, widen=1)
            yield "budget", q.quote, amounts, pcts, None, None
    for t in report.tables.values():
        for row in t["rows"]:
            yield "table", row["quote"], _decimals(row["values"]), {}, None, None
    doc = report.document
    block_of = {(b.table, b.row): i for i, b in enumerate(doc.blocks) if b.table is not None} if doc else {}
    for pt in report.perf_tables:
        for row in pt.get("funding", []):
            q = row.get("quote")
            # a row whose cells do not line up with the header is read by no rule (perf.execution_rate
            # and sum.perf_funding skip it rather than guess its columns), so it is no site
            if not (isinstance(q, Quote) and row.get("aligned")):
                continue
            keys = ("declared", "initial", "budget", "spent")
            amounts = _decimals([row.get(k) for k in keys])
            # a rate over a zero 全年预算数 is 0÷0, which no printed rate contradicts: no site
            budget = row.get("budget")
            pcts = (
                {p: _bounds(row.get("spent"), budget) for p in _decimals([row.get("rate")])}
                if isinstance(budget, Decimal) and budget > 0
                else {}
            )
            # Only the row's own cells under those columns: the same figure in its 分值/得分 cell
            # ("年度资金总额 10 10 10 10 100% 10") is no amount, and an identical row of another 自评表
            # (003's OCR grid repeats "其他资金 0.00 0.00 0.00" in tables whose header was not read)
            # is not this row.
            at, block = row.get("at"), block_of.get((pt["table"], row["row"]))
            offsets = None
            if isinstance(at, dict) and block is not None and doc is not None:
                cells = doc.tables[pt["table"]].rows[row["row"]]
                offsets = _cell_offsets(
                    cells, [at[k] for k in (*keys, *(("rate",) if pcts else ())) if k in at]
                )
            yield "perf", q.quote, amounts, pcts, block, offsets


def candidate_sites(raw_text: str, report: Report) -> list[Site]:
    """Raw-text numbers the unmutated report uses, each once, in text order."""
    assert report.document is not None
    doc = report.document
    text = doc.text
    starts = [0]
    for b in doc.blocks:
        starts.append(starts[-1] + len(b.text) + 1)
    norm = text_tokens(text)
    mapping = align(raw_tokens(raw_text), norm)
    by_start = {t.start: t for t in norm}
    sites: dict[int, Site] = {}
    for source, quote, amounts, percents, block, offsets in used_quotes(report):
        if not quote or not (amounts or percents):
            continue
        lo, hi = (
            (starts[block], starts[block + 1])
            if isinstance(block, int) and block + 1 < len(starts)
            else (0, len(text))
        )
        at = text.find(quote, lo)
        while 0 <= at < hi:
            for m in _NUMBER.finditer(quote):
                if offsets is not None and m.start() not in offsets:
                    continue
                tok = by_start.get(at + m.start())
                if tok is None or tok.end != at + m.end():
                    continue
                after = text[tok.end : tok.end + 1]
                pct = after == "%"
                if tok.value not in (percents if pct else amounts):
                    continue
                raw = mapping.get(tok.start)
                if raw is not None and raw.start not in sites:
                    sites[raw.start] = Site(
                        raw, source, pct, percents.get(tok.value) if pct else None, tok.start
                    )
            at = text.find(quote, at + 1)
    return [sites[k] for k in sorted(sites)]


# --- changing a number -------------------------------------------------------------------------


def _places(canonical: str) -> int:
    return len(canonical.split(".")[1]) if "." in canonical else 0


def new_value(value: Decimal, places: int, rng: random.Random) -> Decimal:
    """A value well outside the rounding envelope: at least 1 (unit or percentage point), else
    5–50 % of the value, up or down (up when down would go below zero)."""
    unit = Decimal(1).scaleb(-places)
    magnitude = max(Decimal(1), abs(value) * Decimal(rng.uniform(0.05, 0.5)))
    if value < 2:
        magnitude = Decimal(rng.uniform(1.0, 3.0))
    delta = magnitude.quantize(unit, rounding=ROUND_HALF_UP)
    if delta < 1:
        delta = Decimal(1)
    sign = rng.choice((-1, 1))
    out = value + sign * delta
    if out < 0:
        out = value + delta
    return out.quantize(unit, rounding=ROUND_HALF_UP)


def render_like(value: Decimal, raw: str) -> str:
    """``value`` printed the way ``raw`` was: separators, decimals, OCR gaps."""
    places = _places(re.sub(r"[ \t]", "", raw))
    comma = re.search(r"[ \t]*,[ \t]*", raw)
    point = re.search(r"[ \t]*\.[ \t]*", raw)
    s = f"{value:,.{places}f}" if comma else f"{value:.{places}f}"
    if comma:
        s = s.replace(",", "\0")
    if point:
        s = s.replace(".", point.group(0))
    return s.replace("\0", comma.group(0)) if comma else s


def mutations(raw_text: str, report: Report, n: int, seed: int) -> list[Mutation]:
    """``n`` mutations over the candidate sites (each site used once before any twice)."""
    rng = random.Random(seed)
    sites = candidate_sites(raw_text, report)
    order = list(sites)
    rng.shuffle(order)
    out = []
    i = 0
    seen: set[tuple[int, Decimal]] = set()
    while len(out) < n and order and i < 20 * n:
        site = order[i % len(order)]
        i += 1
        value = new_value(site.token.value, _places(site.token.canonical), rng)
        for _ in range(20):  # a percentage must leave the envelope its amounts allow, with 1 point to spare
            env = site.envelope
            if env is None or not (env[0] - 1 <= value <= env[1] + 1):
                break
            value = new_value(site.token.value, _places(site.token.canonical), rng)
        else:
            continue
        if (site.token.start, value) in seen:
            continue
        seen.add((site.token.start, value))
        out.append(Mutation(site, render_like(value, site.token.raw), value))
    return out


# --- detection ---------------------------------------------------------------------------------


def _numbers(s: str | None) -> set[Decimal]:
    if not s:
        return set()
    return {Decimal(m.group(0).replace(",", "")) for m in _NUMBER.finditer(s)}


def names_value(f: Finding, value: Decimal) -> bool:
    texts = [f.message, f.claimed, f.expected, *(q.quote for q in f.evidence)]
    return any(value in _numbers(t) for t in texts)


def finding_keys(findings: Iterable[Finding]) -> set[tuple[str, str]]:
    return {(f.id, f.message) for f in findings}


def mutate_document(doc: Document, mutation: Mutation) -> Document:
    """The document as ingest would read the mutated text: the one number replaced in its block
    and, for a table row, in its cell (the normaliser turns "1, 035. 05" into "1,035.05")."""
    new = re.sub(r"[ \t]", "", mutation.new_raw)
    at = mutation.site.at
    pos = 0
    for i, b in enumerate(doc.blocks):  # noqa: B007  (i is used after the loop)
        if pos <= at < pos + len(b.text):
            break
        pos += len(b.text) + 1
    else:
        raise ValueError("site outside the document")
    off = at - pos
    old = mutation.site.token.canonical
    if b.text[off : off + len(old)] != old:
        raise ValueError(f"site moved: {b.text[off : off + len(old)]!r} ≠ {old!r}")
    delta = len(new) - len(old)
    block = dataclasses.replace(
        b,
        text=b.text[:off] + new + b.text[off + len(old) :],
        page_breaks=tuple((o + delta if o > off else o, pg) for o, pg in b.page_breaks),
    )
    blocks = list(doc.blocks)
    blocks[i] = block
    tables = list(doc.tables)
    if b.table is not None and b.row is not None:
        k = sum(1 for t in text_tokens(b.text) if t.start < off)  # the k-th number of the row
        cells = list(tables[b.table].rows[b.row])
        for c, cell in enumerate(cells):
            toks = text_tokens(cell)
            if k < len(toks):
                t = toks[k]
                cells[c] = cell[: t.start] + new + cell[t.end :]
                break
            k -= len(toks)
        rows = list(tables[b.table].rows)
        rows[b.row] = tuple(cells)
        tables[b.table] = dataclasses.replace(tables[b.table], rows=tuple(rows))
    return dataclasses.replace(doc, blocks=blocks, tables=tables)


def run_in_document(doc: Document, mutation: Mutation, baseline: set[tuple[str, str]]) -> Outcome:
    """The fast path: the real extract and checks on the mutated Document (ingest skipped)."""
    from generator.checks import run_checks
    from generator.extract import extract

    try:
        report = extract(mutate_document(doc, mutation), {})
        report.findings = run_checks(report)
    except Exception as exc:  # noqa: BLE001 - a mutation that breaks extraction is reported, not raised
        return Outcome(mutation, False, (), f"{type(exc).__name__}: {exc}")
    return _outcome(report, mutation, baseline)


@dataclass(frozen=True)
class Outcome:
    mutation: Mutation
    detected: bool
    rules: tuple[str, ...]  # the rules of the new findings that name the value
    error: str | None = None


def run_one(path: Path, raw_text: str, mutation: Mutation, baseline: set[tuple[str, str]]) -> Outcome:
    from generator.pipeline import load_report

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / path.name
        target.write_text(mutation.apply(raw_text), encoding="utf-8")
        try:
            report = load_report(target, cache=None)
        except Exception as exc:  # noqa: BLE001 - a mutation that breaks extraction is reported, not raised
            return Outcome(mutation, False, (), f"{type(exc).__name__}: {exc}")
    return _outcome(report, mutation, baseline)


def _outcome(report: Report, mutation: Mutation, baseline: set[tuple[str, str]]) -> Outcome:
    ids = {k[0] for k in baseline}
    new = [f for f in report.findings if f.id not in ids and (f.id, f.message) not in baseline]
    hits = tuple(sorted({f.rule for f in new if names_value(f, mutation.new_value)}))
    return Outcome(mutation, bool(hits), hits)


@dataclass(frozen=True)
class Plan:
    """One seed report: its text, the baseline findings and the mutations to try."""

    path: Path
    raw_text: str
    baseline: frozenset[tuple[str, str]]
    mutations: tuple[Mutation, ...]
    sites: int
    document: Document


def plan(path: Path, n: int, seed: int) -> Plan:
    from generator.pipeline import load_report

    raw_text = path.read_text(encoding="utf-8")
    base = load_report(path, cache=None)
    muts = mutations(raw_text, base, n, seed)
    assert base.document is not None
    keys = frozenset(finding_keys(base.findings))
    return Plan(path, raw_text, keys, tuple(muts), len(candidate_sites(raw_text, base)), base.document)


def _worker(args: tuple[Plan, list[int], bool]) -> list[tuple[int, Outcome]]:
    p, which, via_file = args
    base = set(p.baseline)
    if via_file:
        return [(i, run_one(p.path, p.raw_text, p.mutations[i], base)) for i in which]
    return [(i, run_in_document(p.document, p.mutations[i], base)) for i in which]


def run(plans: list[Plan], jobs: int = 1, chunk: int = 25, via_file: bool = False) -> list[list[Outcome]]:
    """Every plan's mutations, over a process pool of ``jobs`` workers; outcomes in plan order.

    ``via_file``: write each mutated text to a file and run load_report (ingest included);
    otherwise mutate the ingested Document (extract and checks only)."""
    work = [
        (p, list(range(i, min(i + chunk, len(p.mutations)))), via_file)
        for p in plans
        for i in range(0, len(p.mutations), chunk)
    ]
    if jobs <= 1:
        done = [_worker(w) for w in work]
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs) as pool:
            done = list(pool.map(_worker, work))
    results: list[list[Outcome | None]] = [[None] * len(p.mutations) for p in plans]
    for (p, _, _), part in zip(work, done):
        k = next(j for j, q in enumerate(plans) if q is p)
        for i, o in part:
            results[k][i] = o
    return [[o for o in r if o is not None] for r in results]


def describe(o: Outcome, raw_text: str, width: int = 40) -> str:
    t = o.mutation.site.token
    ctx = raw_text[max(0, t.start - width) : t.end + 10].replace("\n", "⏎")
    return f"{o.mutation.site.source:6} {t.raw!r}→{o.mutation.new_raw!r} …{ctx}… {o.rules or o.error or ''}"


def summary(outcomes: list[Outcome]) -> dict[str, Any]:
    n = len(outcomes)
    d = sum(o.detected for o in outcomes)
    return {"mutations": n, "detected": d, "rate": d / n if n else 0.0}
