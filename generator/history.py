"""Finding ids a build no longer gives, kept so that links into the site keep working.

A finding's id is derived from its rule, its subject and its values (data contract §4), so the same
report and rules give the same id on every build, and a news article links to it
(``…/reports/2024/…/#f-3a9c1e``). It changes when the report's document is replaced, or when a rule
is mended and reads the subject differently (a project name cleaned of OCR run-on text). The
article's link must not then land at the top of the page with nothing to say.

``retire`` compares the findings the site published before (the previous build's
``data/findings.json``) with this build's: every published id this build does not give becomes a
*retired* row, with the finding that took its place when exactly one new finding of the same rule
in the same report quotes the same text or states the same values (``successor``), or none (the
note was withdrawn, or what replaced it cannot be told for certain). Retired rows of earlier builds (the previous
``data/retired.json``) are carried forward, so an old anchor keeps working through any number of
builds; one that a build gives again is live again and leaves the list.

Pure functions over plain rows (``render.data.finding_rows``); reading the previous files is
``load_previous``, whose problems are warnings, never a failed build.
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

# the shape of an id this project writes (make_finding: "f-" and six hex digits; longer allowed):
# anything else in a previous file is not one of ours and is never written into a page as an anchor
FINDING_ID = re.compile(r"f-[0-9a-f]{6,16}")
REPORT_ID = re.compile(r"\d{4}/[a-z0-9][a-z0-9-]*|unknown/[a-z0-9][a-z0-9-]*")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# the columns a retired row keeps: what the note said, and what became of it
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
)


@dataclass
class Previous:
    """What the site published before: its findings and the ids it had already retired."""

    findings: list[Row] = field(default_factory=list)
    retired: list[Row] = field(default_factory=list)
    source: str = ""


def _rows(value: Any, what: str, path: Path, warnings: list[str]) -> list[Row]:
    if not isinstance(value, list):
        warnings.append(f"{path}: 不是{what}列表，忽略 (not a JSON list of {what} rows; ignored)")
        return []
    rows = [
        r
        for r in value
        if isinstance(r, dict)
        and isinstance(r.get("finding_id"), str)
        and FINDING_ID.fullmatch(r["finding_id"])
        and isinstance(r.get("report_id"), str)
        and REPORT_ID.fullmatch(r["report_id"])
    ]
    if len(rows) < len(value):
        warnings.append(
            f"{path}: {len(value) - len(rows)} 行缺少合法的编号，已忽略 "
            f"({len(value) - len(rows)} rows without a valid finding_id/report_id ignored)"
        )
    return rows


def load_previous(folder: Path) -> tuple[Previous, list[str]]:
    """The previous build's data files from ``folder`` (``findings.json``, optional ``retired.json``).
    A missing or unreadable file is a warning: the build goes on as if nothing had been published."""
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
            value = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            warnings.append(f"{path}: 无法读取，忽略 ({type(exc).__name__}: {exc})")
            continue
        setattr(previous, what, _rows(value, what, path, warnings))
    return previous, warnings


def _successor(old: Row, candidates: list[Row]) -> str | None:
    """The new finding of the same rule in the same report that took ``old``'s place, if one can be told
    for certain: the only one quoting the same text of the report first (the same sentence or table row:
    a revised note on the same subject; among several, the only one also stating the same values), else
    the only one stating the same claimed and expected values (the same note, its subject read anew).
    None otherwise. Messages are not compared: one rule's messages share a template, so two different
    notes read alike (the test copy's "收入支出总计为0万元" and the published report's "财政拨款收入支出总计
    为0.3万元" are 80% alike), and a wrong pointer is worse than none. Values that say nothing (both
    empty, as completeness.no_tables') identify nothing."""
    values = (old.get("claimed"), old.get("expected"))
    quote = old.get("quote")
    if quote:
        same_quote = [c for c in candidates if c.get("quote") == quote]
        if len(same_quote) > 1:
            same_quote = [c for c in same_quote if (c.get("claimed"), c.get("expected")) == values]
        if len(same_quote) == 1:
            return str(same_quote[0]["finding_id"])
        if same_quote:
            return None
    if not any(values):
        return None
    same = [c for c in candidates if (c.get("claimed"), c.get("expected")) == values]
    return str(same[0]["finding_id"]) if len(same) == 1 else None


def retire(previous: Previous, current: Iterable[Mapping[str, Any]], date: str) -> list[Row]:
    """The retired rows after this build: each previously published (or already retired) id that
    ``current`` does not hold for the same report, with ``retired_on`` (the build that first missed
    it, ``date`` for new ones) and ``successor`` (the id that replaced it, or None). An id is an anchor
    on its report's page, unique there, not across the site (completeness.no_tables gives one id to
    each report it fits): rows are keyed by report and id. Sorted by report and id."""
    live = {(str(r["report_id"]), str(r["finding_id"])): dict(r) for r in current}
    published = {(r["report_id"], r["finding_id"]) for r in previous.findings}
    # new this build: a successor is only ever a finding the previous site did not have
    fresh: dict[tuple[str, str], list[Row]] = {}
    for key, r in live.items():
        if key not in published:
            fresh.setdefault((key[0], str(r.get("rule"))), []).append(r)
    out: dict[tuple[str, str], Row] = {}
    for r in previous.retired:
        key = (r["report_id"], r["finding_id"])
        if key not in live and key not in out:
            out[key] = {k: r.get(k) for k in KEPT} | {
                "retired_on": r["retired_on"] if DATE.fullmatch(str(r.get("retired_on"))) else date,
                "successor": r.get("successor") if isinstance(r.get("successor"), str) else None,
            }
    for r in sorted(previous.findings, key=lambda r: (r["report_id"], r["finding_id"])):
        key = (r["report_id"], r["finding_id"])
        if key in live or key in out:
            continue
        successor = _successor(r, fresh.get((key[0], str(r.get("rule"))), []))
        out[key] = {k: r.get(k) for k in KEPT} | {"retired_on": date, "successor": successor}
    # a successor retired in its turn: point at what replaced it, so a chain ends at a live note
    for (rid, fid), row in out.items():
        seen = {fid}
        nxt = row["successor"]
        while nxt is not None and (rid, nxt) not in live and (rid, nxt) in out and nxt not in seen:
            seen.add(nxt)
            if out[(rid, nxt)]["successor"] is None:
                break
            nxt = out[(rid, nxt)]["successor"]
        row["successor"] = nxt if nxt is None or FINDING_ID.fullmatch(nxt) else None
    return [out[k] for k in sorted(out)]
