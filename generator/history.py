"""Finding ids a build no longer gives, kept so that links into the site keep working.

A finding's id is derived from its rule, its subject and its values (data contract §4), so the same
report and rules give the same id on every build, and a news article links to it
(``…/reports/2024/…/#f-3a9c1e``). It changes when the report's document is replaced, or when a rule
is mended and reads the subject differently (a project name cleaned of OCR run-on text). The
article's link must not then land at the top of the page with nothing to say.

``retire`` compares the findings the site published before (the previous build's
``data/findings.json``) with this build's: every published id this build does not give becomes a
*retired* row, with the finding that took its place when that can be told for certain
(``successor``: one old note to one new note of the same rule in the same report, quoting the same
text or stating the same values), or none, and why it went (``reason``: the report's file was
replaced, the report is no longer on the site, or neither — the rules changed). Retired rows of
earlier builds (the previous ``data/retired.json``) are carried forward, so an old anchor keeps
working through any number of builds; one that a build gives again is live again and leaves the list.

Pure functions over plain rows (``render.data.finding_rows``). ``load_previous`` reads the previous
files, which come from the live site: every value is checked for the shape this project writes, and
a row that is not one of ours is dropped with a warning; a file that cannot be read at all is an
error (``PreviousError``), since building on without it would forget every id it carried.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Row = dict[str, Any]

FINDINGS_FILE = "findings.json"
RETIRED_FILE = "retired.json"

# the shapes of what this project writes; anything else in a previous file is not one of ours and never
# reaches a page (ids become anchors, report ids folders: render.site._ID, at most 100 characters)
FINDING_ID = re.compile(r"f-[0-9a-f]{6,16}")
REPORT_ID = re.compile(r"(?:\d{4}|unknown)/[a-z0-9][a-z0-9-]{0,99}")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
SHA256 = re.compile(r"[0-9a-f]{64}")
_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON may hold one; no page can (UTF-8)

# why a note went: its report's file was replaced by another edition; the report is no longer on the
# site; the report is at another address, the note with it (the same id); the same file was read again and
# the rules say otherwise now ("" when the previous publication did not record its files, as before the
# twentieth session)
REASONS = ("report_updated", "report_removed", "report_moved", "rules_revised")

# the columns a retired row keeps: what the note said, where, and what became of it
KEPT = (
    "report_id",
    "agency",
    "year",
    "finding_id",
    "rule",
    "severity",
    "title",
    "message",
    "claimed",
    "expected",
    "quote",
    "source_sha256",
)


class PreviousError(Exception):
    """A previous file present but unreadable: one line, naming the file and the reason."""


@dataclass
class Previous:
    """What the site published before: its findings and the ids it had already retired."""

    findings: list[Row] = field(default_factory=list)
    retired: list[Row] = field(default_factory=list)
    source: str = ""


def _clean(row: Mapping[str, Any]) -> Row | None:
    """A previous row reduced to the values of the shapes this project writes, or None when its ids are not ours."""
    fid, rid = row.get("finding_id"), row.get("report_id")
    if not (
        isinstance(fid, str)
        and FINDING_ID.fullmatch(fid)
        and isinstance(rid, str)
        and REPORT_ID.fullmatch(rid)
    ):
        return None
    out: Row = {
        k: (v if isinstance(v := row.get(k), str) and not _SURROGATE.search(v) else None) for k in KEPT
    }
    year = row.get("year")
    out["year"] = (
        year if isinstance(year, int) and not isinstance(year, bool) and 1900 < year < 2200 else None
    )
    if out["source_sha256"] is not None and not SHA256.fullmatch(out["source_sha256"]):
        out["source_sha256"] = None
    retired_on, successor, reason = row.get("retired_on"), row.get("successor"), row.get("reason")
    out["retired_on"] = retired_on if isinstance(retired_on, str) and DATE.fullmatch(retired_on) else None
    out["successor"] = successor if isinstance(successor, str) and FINDING_ID.fullmatch(successor) else None
    out["reason"] = reason if reason in REASONS else ""
    moved_to = row.get("moved_to")
    out["moved_to"] = moved_to if isinstance(moved_to, str) and REPORT_ID.fullmatch(moved_to) else None
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def load_previous(folder: Path) -> tuple[Previous, list[str]]:
    """The previous build's data files from ``folder`` (``findings.json``, optional ``retired.json``), and
    warnings: a missing folder or findings.json (nothing published yet), rows dropped as not ours. A file
    present but unreadable (not UTF-8 JSON, not a list) raises PreviousError."""
    warnings: list[str] = []
    previous = Previous(source=str(folder))
    if not folder.is_dir():
        return previous, [f"{folder}: 目录不存在，不保留旧编号 (previous-build folder not found)"]
    for name, what in ((FINDINGS_FILE, "findings"), (RETIRED_FILE, "retired")):
        path = folder / name
        if not path.is_file():
            if name == FINDINGS_FILE:
                warnings.append(f"{path}: 文件不存在，不保留旧编号 (no previous findings.json)")
            continue
        try:
            value = json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constant)
        except (OSError, UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
            raise PreviousError(f"{path}: 无法读取此前发布的问题 ({type(exc).__name__}: {exc})") from exc
        if not isinstance(value, list):
            raise PreviousError(f"{path}: 不是问题列表 (not a JSON list of {what} rows)")
        rows = [c for r in value if isinstance(r, dict) and (c := _clean(r)) is not None]
        if value and not rows:  # none of ours: another shape of ids than this code writes, or not our file
            raise PreviousError(f"{path}: {len(value)} 行中没有一行是本站的问题编号 (no row of ours)")
        if len(rows) < len(value):
            n = len(value) - len(rows)
            warnings.append(
                f"{path}: {n} 行缺少合法的编号，已忽略 ({n} rows without a valid finding_id/report_id ignored)"
            )
        setattr(previous, what, rows)
    return previous, warnings


def _values(r: Mapping[str, Any]) -> tuple[Any, Any]:
    return r.get("claimed"), r.get("expected")


def _pair(olds: list[Row], news: list[Row]) -> dict[str, str]:
    """Old id → new id within one report and rule, one to one, where it can be told for certain. In turn:
    the same quote and the same values; the same quote (a revised note on the same sentence or row); the
    same values, not empty (the same note, its subject read anew). At each step an old note and a new note
    are paired only when each is the other's only match among those not yet paired; on values alone, not
    when either one's sentence still has an unpaired note of the other side. Messages are not compared:
    one rule's messages share a template, so two different notes read alike (the test copy's
    "收入支出总计为0万元" and the published report's "财政拨款收入支出总计为0.3万元" are 80% alike), and a
    wrong pointer is worse than none."""
    tests = (
        lambda o, n: bool(o.get("quote")) and o.get("quote") == n.get("quote") and _values(o) == _values(n),
        lambda o, n: bool(o.get("quote")) and o.get("quote") == n.get("quote"),
        lambda o, n: any(_values(o)) and _values(o) == _values(n),
    )
    paired: dict[str, str] = {}
    for step, same in enumerate(tests):
        left = [o for o in olds if o["finding_id"] not in paired]
        free = [n for n in news if n["finding_id"] not in paired.values()]
        for o in left:
            if step == 2 and o.get("quote") and any(o.get("quote") == n.get("quote") for n in free):
                continue  # its sentence still has notes, none of them clearly its own
            found = [n for n in free if same(o, n)]
            if step == 2:  # nor a new note whose sentence an unpaired old note still stands on
                found = [
                    n for n in found if not any(x is not o and x.get("quote") == n.get("quote") for x in left)
                ]
            if len(found) == 1 and sum(1 for x in left if same(x, found[0])) == 1:
                paired[o["finding_id"]] = found[0]["finding_id"]
        # the pairs of one step are made from the same pools, each one to one: no new note is taken twice
    return paired


@dataclass(frozen=True)
class OnSite:
    """A report of this build, as retire needs it: its file and who and when it is of."""

    sha256: str
    agency: str | None
    year: int | None


def _reason(r: Row, now: OnSite | None) -> str:
    """Why a note of a report on the site went: another file (report_updated), the same file read anew
    (rules_revised), or "" when either file is unknown."""
    if now is None:
        return "report_removed"
    if r.get("source_sha256") and now.sha256:
        return "report_updated" if r["source_sha256"] != now.sha256 else "rules_revised"
    return ""


def _moves(
    gone_reports: dict[str, list[Row]], on_site: Mapping[str, OnSite], before: set[str]
) -> dict[str, str]:
    """Old report id → the id the same report has now: the report whose file is one the old rows were read from
    (certain), else the one report of the same agency and year that is new this build (an id the site never
    published: a report already there under its own id is another document, e.g. the 部门决算 beside a removed
    单位决算)."""
    by_sha: dict[str, list[str]] = {}
    for rid, site in on_site.items():
        if site.sha256:
            by_sha.setdefault(site.sha256, []).append(rid)
    moves = {}
    for old, rows in gone_reports.items():
        shas = {r["source_sha256"] for r in rows if r.get("source_sha256")}
        found = {rid for sha in shas for rid in by_sha.get(sha, [])}
        if not found:
            agency, year = rows[0].get("agency"), rows[0].get("year")
            found = {
                rid
                for rid, site in on_site.items()
                if rid not in before and agency and site.agency == agency and site.year == year
            }
        if len(found) == 1:
            moves[old] = found.pop()
    return moves


def retire(
    previous: Previous,
    current: Iterable[Mapping[str, Any]],
    date: str,
    reports: Mapping[str, OnSite] | None = None,
) -> list[Row]:
    """The retired rows after this build: each previously published (or already retired) id that
    ``current`` does not hold for the same report, with ``retired_on`` (the build that first missed it,
    ``date`` for new ones), ``successor`` (the id that replaced it, or None), ``moved_to`` (the report's id
    now, when its address changed: the successor's page) and ``reason``. ``reports``: every report of this
    build, those without a finding too. An id is an anchor on its report's page, unique there, not across
    the site (completeness.no_tables gives one id to each report it fits): rows are keyed by report and id.
    Sorted by report and id."""
    live = {(str(r["report_id"]), str(r["finding_id"])): dict(r) for r in current}
    on_site = dict(reports) if reports is not None else {rid: OnSite("", None, None) for rid, _ in live}
    published = {(r["report_id"], r["finding_id"]) for r in previous.findings}
    before = {r["report_id"] for r in (*previous.findings, *previous.retired)}
    # new this build: a successor is only ever a finding the previous site did not have
    fresh: dict[tuple[str, str], list[Row]] = {}
    for key, r in live.items():
        if key not in published:
            fresh.setdefault((key[0], str(r.get("rule"))), []).append(r)
    out: dict[tuple[str, str], Row] = {}
    for r in previous.retired:
        key = (r["report_id"], r["finding_id"])
        if key not in live and key not in out:
            row = {k: r.get(k) for k in KEPT} | {
                "retired_on": r.get("retired_on") or date,
                "successor": r.get("successor"),
                "moved_to": r.get("moved_to"),
                "reason": r.get("reason") or "",
            }
            if row["reason"] in ("report_removed", "report_moved") and key[0] in on_site:
                # the report is back at this address: why its note went is told again from its file
                row |= {"reason": _reason(r, on_site[key[0]]), "moved_to": None, "successor": None}
            out[key] = row
    gone: dict[str, list[Row]] = {}
    for r in sorted(previous.findings, key=lambda r: (r["report_id"], r["finding_id"])):
        key = (r["report_id"], r["finding_id"])
        if key not in live and key not in out:
            gone.setdefault(key[0], []).append(r)
    moves = _moves({rid: rows for rid, rows in gone.items() if rid not in on_site}, on_site, before)
    for rid, rows in gone.items():
        page = moves.get(rid, rid)  # where the report is now
        by_rule: dict[str, list[Row]] = {}
        for r in rows:
            if (page, r["finding_id"]) in live:  # moved, and the note with it
                out[(rid, r["finding_id"])] = {k: r.get(k) for k in KEPT} | {
                    "retired_on": date, "successor": r["finding_id"], "moved_to": page, "reason": "report_moved",
                }  # fmt: skip
            else:
                by_rule.setdefault(str(r.get("rule")), []).append(r)
        for rule, olds in by_rule.items():
            # at a new address, not the notes that moved there with their ids (their old rows are report_moved)
            pool = [
                n
                for n in fresh.get((page, rule), [])
                if page == rid or (rid, n["finding_id"]) not in published
            ]
            successors = _pair(olds, pool)
            for r in olds:
                out[(rid, r["finding_id"])] = {k: r.get(k) for k in KEPT} | {
                    "retired_on": date,
                    "successor": successors.get(r["finding_id"]),
                    "moved_to": page if page != rid else None,
                    "reason": _reason(r, on_site.get(page)),
                }
    # a successor retired in its turn: point at what replaced it, so a chain ends at a live note or at the
    # stub of one withdrawn; a pointer to nothing on its page, or round in a circle, is dropped
    pointed = {key: (row.get("moved_to") or key[0], row["successor"]) for key, row in out.items()}
    for (rid, fid), row in out.items():
        seen = {(rid, fid)}
        page, nxt = pointed[(rid, fid)]
        while nxt is not None and (page, nxt) not in live:
            if (page, nxt) not in out or (page, nxt) in seen:
                nxt = None
                break
            seen.add((page, nxt))
            page, after = pointed[(page, nxt)]
            if after is None:
                break
            nxt = after
        row["successor"] = nxt
        if nxt is not None and page != rid:
            row["moved_to"] = page
    return [out[k] for k in sorted(out)]
