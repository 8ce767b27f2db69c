"""Reports → the generated part of content/: Markdown pages (from templates), data files, originals.

Two phases, as in pelican: ``SiteContext`` first gathers everything every page needs (all
reports, agencies, findings, counts), then ``write_site`` renders each page and data file into
a fresh folder. Output is a pure function of the inputs: sorted everywhere, fixed chart ids, no
timestamps. Only templates produce Markdown/HTML; this module prepares plain values.
"""

from __future__ import annotations

import functools
import posixpath
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.extract import METRIC_LABELS, METRIC_UNITS
from generator.history import OnSite, Previous, retire
from generator.model import Finding, Report
from generator.pipeline import Problem
from generator.render import charts as ch
from generator.render import data as dt
from generator.render.escape import anchor, environment
from generator.serialize import report_json

SEVERITY_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SCOPE_LABEL = {"department": "部门决算", "unit": "单位决算"}
_ID = re.compile(r"(?:\d{4}|unknown)/[a-z0-9][a-z0-9-]{0,99}")

KEY_FIGURES = [
    "income_total", "expenditure_total", "income_fiscal", "expenditure_basic", "expenditure_project",
    "gpb_expenditure", "gpb_budget_initial", "sangong_total", "sangong_budget", "operating_expenses",
    "procurement_total", "staff_total", "vehicles",
]  # fmt: skip

SECTIONS = [  # top-level generated entries of content/
    "index.md", "methodology.md", "reports", "agencies", "compare", "findings", "data", "problems", "files",
    "assets",
]  # fmt: skip


@functools.lru_cache(maxsize=1 << 16)
def rel(from_url: str, to_url: str) -> str:
    """Relative link between two site paths ("reports/2024/x/" → "files/ab/x.pdf").

    posixpath.relpath's result, computed on the path segments directly (a finding's evidence
    asks for the same links many times; relpath normalises both paths on every call)."""
    start = posixpath.dirname("/" + from_url) if not from_url.endswith("/") else "/" + from_url
    here = [s for s in start.split("/") if s]
    there = [s for s in to_url.split("/") if s]
    if "." in here or ".." in here or "." in there or ".." in there:
        out = posixpath.relpath("/" + to_url, start.rstrip("/") or "/")
    else:
        n = 0
        while n < len(here) and n < len(there) and here[n] == there[n]:
            n += 1
        out = "/".join([".."] * (len(here) - n) + there[n:]) or "."
    if to_url.endswith("/") and not out.endswith("/"):
        out += "/"
    return "./" if out in (".", "./") else out


def _http(value: object) -> str | None:
    """Only plain web addresses from metadata become links."""
    return value if isinstance(value, str) and re.fullmatch(r"https?://[^\s<>\"']+", value) else None


def amount_of(r: Report, key: str) -> Any:
    v = r.metrics.get(key)
    return v.amount if v is not None else None


def region_text(report: Report) -> str:
    parts: list[str] = []
    for key in ("province", "prefecture", "county"):
        v = (report.region or {}).get(key)
        if v and v not in parts:
            parts.append(v)
    return " ".join(parts)


@dataclass
class Page:
    src: str  # path under content/, e.g. "reports/2024/x/index.md"
    template: str
    values: dict[str, Any]
    files: dict[str, str] = field(default_factory=dict)  # extra text files beside the page

    @property
    def url(self) -> str:
        if self.src == "index.md":
            return ""
        return self.src[: -len("index.md")] if self.src.endswith("/index.md") else self.src[:-3] + "/"


class SiteContext:
    """Everything the pages need, computed once from all reports."""

    def __init__(
        self,
        reports: list[Report],
        problems: list[Problem],
        site_url: str,
        texts: Mapping[str, str],
        previous: Previous | None = None,
        date: str = "",
    ):
        self.site_url = site_url
        self.texts = texts
        self.problems = sorted(problems, key=lambda p: (p.path, p.kind, p.reason))
        self.reports = []
        seen: Counter[str] = Counter()
        self.ids: dict[int, str] = {}
        for r in sorted(reports, key=lambda r: (r.id, r.source.get("path", ""))):
            rid = r.id if _ID.fullmatch(r.id or "") else self._safe_id(r)
            seen[rid] += 1
            if seen[rid] > 1:  # two files for one agency and year: keep both, the later one numbered
                rid = f"{rid}-{seen[rid]}"
            self.ids[id(r)] = rid
            self.reports.append(r)
        self.by_agency: dict[str, list[Report]] = defaultdict(list)
        for r in self.reports:
            self.by_agency[self.slug(r)].append(r)
        for rs in self.by_agency.values():
            rs.sort(key=lambda r: (r.year or 0, self.rid(r)))
        self.by_id = {r.id: r for r in self.reports}
        self.by_rid = {self.rid(r): r for r in self.reports}
        self._originals: dict[int, str] = {}
        # ids the site published before and this build does not give (generator.history): their anchors stay
        on_site = {self.rid(r): OnSite(r.source.get("sha256") or "", r.agency, r.year) for r in self.reports}
        self.finding_rows = dt.finding_rows(self.reports, self.rid)  # the download, and what retire compares
        self.retired = retire(previous, self.finding_rows, date, on_site) if previous else []
        self.retired_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in self.retired:
            self.retired_of[row["report_id"]].append(row)

    @staticmethod
    def _safe_id(r: Report) -> str:
        from generator.extract.identity import slug

        year = r.year if isinstance(r.year, int) and 1900 < r.year < 2200 else "unknown"
        return f"{year}/{slug(r.agency or 'report')}"

    def rid(self, r: Report) -> str:
        return self.ids[id(r)]

    def slug(self, r: Report) -> str:
        return self.rid(r).split("/", 1)[1]

    def report_url(self, r: Report) -> str:
        return f"reports/{self.rid(r)}/"

    def agency_url(self, r: Report) -> str:
        return f"agencies/{self.slug(r)}/"

    def original_name(self, r: Report) -> str:
        ext = re.sub(r"[^a-z0-9]", "", Path(r.source.get("path", "")).suffix.lower()) or "bin"
        return f"{self.rid(r).replace('/', '-')}.{ext}"

    def original_url(self, r: Report) -> str:
        url = self._originals.get(id(r))  # asked for by every quote of every finding
        if url is None:
            # short: every quote of every finding links to it (…/files/<sha256[:12]>.pdf#page=N); the
            # readable name (original_name) is given to the download link
            ext = self.original_name(r).rsplit(".", 1)[-1]
            url = f"files/{r.source.get('sha256', '')[:12] or 'unknown'}.{ext}"
            self._originals[id(r)] = url
        return url

    def all_findings(self) -> list[tuple[Report, Finding]]:
        items = [(r, f) for r in self.reports for f in r.findings]
        return sorted(
            items, key=lambda rf: (SEVERITY_ORDER[rf[1].severity], rf[1].rule, self.rid(rf[0]), rf[1].id)
        )

    def severity_counts(self) -> dict[str, int]:
        c: Counter[str] = Counter(f.severity for r in self.reports for f in r.findings)
        return {s: c.get(s, 0) for s in SEVERITY_ORDER}


def _rule_info() -> tuple[dict[str, Any], dict[str, str]]:
    from generator import checks

    checks._load_rules()
    return dict(sorted(checks.CATALOGUE.items())), dict(checks.FAMILIES)


SOURCE_SEP = " › "  # cross-report evidence: Quote.section = "<report id> › <section>" (checks/cross.py)


def _evidence(ctx: SiteContext, r: Report, q: Any, page_url: str) -> dict[str, Any]:
    source, section = r, q.section
    if section and SOURCE_SEP in section:
        other_id, rest = section.split(SOURCE_SEP, 1)
        other = ctx.by_id.get(other_id)
        if other is not None:
            source, section = other, rest
    original = rel(page_url, ctx.original_url(source))
    pdf = source.source.get("format") == "pdf"
    return {
        "quote": q.quote,
        "page": q.page,
        "section": section,
        "table": q.table,
        "href": f"{original}#page={q.page}" if pdf and q.page else original,
        "other": None if source is r else f"{source.agency} {source.year or ''}年度",
    }


def _expected_label(rule_id: str) -> str:
    """How the page labels a finding's expected value: its rule's label (a cross-report rule too)."""
    from generator import checks

    rule = checks.CATALOGUE.get(rule_id)
    return rule.expected_label if rule else checks.Rule.expected_label


def _finding_view(ctx: SiteContext, r: Report, f: Finding, page_url: str) -> dict[str, Any]:
    evidence = [_evidence(ctx, r, q, page_url) for q in f.evidence]
    return {
        "id": f.id,
        "rule": f.rule,
        "severity": f.severity,
        "severity_label": SEVERITY_LABEL[f.severity],
        "title": f.title,
        "message": f.message,
        "claimed": f.claimed,
        "expected": f.expected,
        "expected_label": _expected_label(f.rule),
        "evidence": evidence,
        "report_href": rel(page_url, ctx.report_url(r)) + f"#{anchor(f.id)}",
        "report_md": rel(page_url, ctx.report_url(r)) + f"index.md#{anchor(f.id)}",
        "agency": r.agency,
        "year": r.year,
    }


def _report_summary(ctx: SiteContext, r: Report, page_url: str) -> dict[str, Any]:
    counts: Counter[str] = Counter(f.severity for f in r.findings)
    return {
        "href": rel(page_url, ctx.report_url(r)),
        "agency": r.agency,
        "year": r.year,
        "region": region_text(r),
        "scope": SCOPE_LABEL.get(r.scope, r.scope),
        "errors": counts.get("error", 0),
        "warnings": counts.get("warning", 0),
        "infos": counts.get("info", 0),
        "income_total": amount_of(r, "income_total"),
        "expenditure_total": amount_of(r, "expenditure_total"),
    }


def _chart_views(chart_list: list[ch.Chart], page: Page, prefix: str = "") -> list[ch.Chart]:
    for c in chart_list:
        c.csv = f"{prefix}{c.id.removeprefix('chart-')}.csv"
        page.files[c.csv] = dt.to_csv(c.columns, c.rows)
    return chart_list


def _metric_display(key: str, amount: Any) -> str:
    from generator.render.escape import count, money

    return count(amount) if METRIC_UNITS[key] in ("人", "辆") else money(amount)


def report_page(ctx: SiteContext, r: Report, rules: dict[str, Any], comparison: Any = None) -> Page:
    """``comparison``: ``render.compare.Comparison``, for the 同类单位对比 panel."""
    from generator.render import compare as rc

    url = ctx.report_url(r)
    page = Page(f"{url}index.md", "report.md.j2", {})
    pdf = r.source.get("format") == "pdf"
    original = rel(url, ctx.original_url(r))
    kpis = []
    for k in KEY_FIGURES:
        v = r.metrics.get(k)
        if v is None:
            continue
        kpis.append(
            {
                "label": METRIC_LABELS[k],
                "value": _metric_display(k, v.amount),
                "unit": METRIC_UNITS[k],
                "page": v.quote.page,
                "kind": "报表" if v.kind == "table" else "文字",
                "href": f"{original}#page={v.quote.page}" if pdf and v.quote.page else None,
            }
        )
    tables = []
    for key in sorted(r.tables):
        t = r.tables[key]
        columns = list(t.get("columns") or [])
        rows = []
        for row in t.get("rows") or []:
            values = [v if v is not None else "" for v in row.get("values") or []]
            values += [""] * (len(columns) - len(values))
            rows.append({"code": row.get("code") or "", "name": row.get("name") or "", "values": values})
        tables.append(
            {"key": key, "title": t.get("title") or "", "page": t.get("page"), "columns": columns,
             "rows": rows, "empty": bool(t.get("empty")), "anchor": "t" + re.sub(r"\D", "", key)}
        )  # fmt: skip
    chart_list = _chart_views(ch.report_charts(r), page)
    by_id = {c.id: c for c in chart_list}
    page.files["report.json"] = dt.to_json(report_json(r))
    page.files["metrics.csv"] = dt.to_csv(
        [f["name"] for f in dt.REPORT_METRIC_FIELDS], dt.report_metric_rows(r)
    )
    findings = [_finding_view(ctx, r, f, url) for f in r.findings]
    # an old id replaced by a live finding anchors on that finding; any other is listed under 已撤下
    live = {f.id: f for f in r.findings}
    aliases: dict[str, list[dict[str, Any]]] = defaultdict(list)
    retired = []
    for row in ctx.retired_of.get(ctx.rid(r), []):
        if row["successor"] in live and not row.get("moved_to"):
            now = live[row["successor"]]
            # a revised note stating other values: what the old one said, so the reader is not lost
            was = [
                f"{label}{v}"
                for label, v in (("报告所述", row.get("claimed")), ("推算", row.get("expected")))
                if v
            ]
            changed = (row.get("claimed"), row.get("expected")) != (now.claimed, now.expected)
            aliases[row["successor"]].append(row | {"was": "、".join(was) if changed else ""})
        else:
            retired.append(_retired_view(row, "#"))
    for fv in findings:
        rule = rules.get(fv["rule"])
        fv["formula"] = rule.formula if rule else ""
        fv["rule_href"] = rel(url, "methodology/") + "#" + anchor(fv["rule"])
        fv["aliases"] = aliases.get(fv["id"], [])
    sev: Counter[str] = Counter(f.severity for f in r.findings)
    ie = r.metrics.get("income_total"), r.metrics.get("expenditure_total")
    description = (
        f"{r.agency} {r.year or ''}年度{SCOPE_LABEL.get(r.scope, '决算')}"
        + (f"：收入总计{_metric_display('income_total', ie[0].amount)}万元" if ie[0] else "")
        + (f"，支出总计{_metric_display('expenditure_total', ie[1].amount)}万元" if ie[1] else "")
        + (f"；核对发现问题{len(r.findings)}项。" if r.findings else "；未发现勾稽问题。")
    )
    page.values = {
        "r": r,
        "title": f"{r.agency} {r.year or ''}年度决算",
        "description": description,
        "region": region_text(r),
        "scope": SCOPE_LABEL.get(r.scope, r.scope),
        "agency_href": rel(url, ctx.agency_url(r)),
        "year_href": rel(url, f"reports/{ctx.rid(r).split('/')[0]}/"),
        "kpis": kpis,
        "charts": by_id,
        "tables": tables,
        "findings": findings,
        "retired": retired,
        "counts": {s: sev.get(s, 0) for s in SEVERITY_ORDER},
        "original": {
            "href": original,
            "name": Path(r.source.get("path", "")).name,
            "download": ctx.original_name(r),
            "format": (r.source.get("format") or "").upper(),
            "pages": r.source.get("pages"),
            "sha256": r.source.get("sha256", ""),
            "source_url": _http(r.meta.get("source_url")),
            "published": r.meta.get("published"),
        },
        "yoy_count": len(r.yoy_claims),
        # rules that raised on this report (pipeline.rules_failed): its notes are not all there, and the page says which
        "unchecked": [
            {
                "id": rid,
                "title": rules[rid].title if rid in rules else rid,
                "href": rel(url, "methodology/") + "#" + anchor(rid),
            }
            for p in ctx.problems
            if p.kind == "rules" and p.path == r.source.get("path")
            for rid in p.rules
        ],
        "problems_href": rel(url, "problems/"),
        "peers": rc.peer_panel(comparison, ctx.rid(r), url, rel) if comparison is not None else None,
    }
    return page


# why a note went (generator.history.REASONS), as the page tells it
RETIRED_WHY = {
    "report_moved": "这份报告换了网址，这个问题在新网址上仍然成立（编号不变）。",
    "report_updated": "报告换了新版本的文件，新版本中不再有这个问题。",
    "rules_revised": "报告文件没有变；本站修订了核对规则或读取方法后，此前的判断不再成立。",
    "report_removed": "这份报告已不在本站。",
    "": "报告原文已更新，或本站修订了核对规则（此前发布时没有记录报告文件，无法区分）。",
}


def _retired_view(row: dict[str, Any], successor_page: str) -> dict[str, Any]:
    return row | {
        "severity_label": SEVERITY_LABEL.get(row.get("severity") or "", ""),
        "why": RETIRED_WHY.get(row.get("reason") or "", RETIRED_WHY[""]),
        "verb": "起移到新网址" if row.get("reason") == "report_moved" else "撤下",
        "successor_href": f"{successor_page}{anchor(row['successor'])}" if row.get("successor") else "",
    }


def gone_pages(ctx: SiteContext) -> list[Page]:
    """A page at the address of each report the site published before and no longer has, holding the anchors
    of the notes published on it. When the report is at another address now (generator.history: its file, or
    its agency and year under an id new this build), the page says where, and each note links to its successor
    there."""
    gone: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in ctx.retired:
        if row["report_id"] not in ctx.by_rid:
            gone[row["report_id"]].append(row)
    pages = []
    for rid, rows in sorted(gone.items()):
        agency, year = rows[0].get("agency") or rid.split("/", 1)[1], rows[0].get("year") or ""
        url = f"reports/{rid}/"
        now = next((ctx.by_rid[m] for row in rows if (m := row.get("moved_to")) in ctx.by_rid), None)
        there = rel(url, ctx.report_url(now)) if now else ""
        views = [_retired_view(row, f"{there}#" if row.get("moved_to") and now else "#") for row in rows]
        moved = {"href": there, "title": f"{now.agency} {now.year}年度决算"} if now else None
        pages.append(
            Page(f"{url}index.md", "report_gone.md.j2", {
                "title": f"{agency} {year}年度决算（{'已改网址' if moved else '已不在本站'}）",
                "description": f"{agency} {year}年度决算{'已改网址' if moved else '已不在本站'}；此前发布的{len(rows)}个问题的编号保留在本页。",
                "agency": agency, "year": year, "retired": views, "moved": moved,
            })
        )  # fmt: skip
    return pages


def agency_page(ctx: SiteContext, slug: str, reports: list[Report]) -> Page:
    url = f"agencies/{slug}/"
    page = Page(f"{url}index.md", "agency.md.j2", {})
    latest = reports[-1]
    trend = ch.agency_trend(reports)
    charts = _chart_views([trend] if trend else [], page)
    rows = []
    for r in reports:
        row = _report_summary(ctx, r, url)
        row["sangong_total"] = amount_of(r, "sangong_total")
        row["findings"] = len(r.findings)
        rows.append(row)
    page.values = {
        "agency": latest.agency,
        "title": latest.agency,
        "description": f"{latest.agency}历年决算（{'、'.join(str(r.year) for r in reports if r.year)}年度）及核对结果。",
        "region": region_text(latest),
        "rows": rows,
        "charts": {c.id: c for c in charts},
        "years": len({r.year for r in reports}),
    }
    return page


def _by_region(ctx: SiteContext, reports: list[Report], url: str) -> list[dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in reports:
        groups[(r.region or {}).get("province") or "未识别地区"].append(_report_summary(ctx, r, url))
    return [
        {"name": k, "items": sorted(v, key=lambda s: (s["region"], s["agency"]))}
        for k, v in sorted(groups.items())
    ]


def index_pages(ctx: SiteContext, rules: dict[str, Any], families: dict[str, str]) -> list[Page]:
    pages = []
    years = sorted({ctx.rid(r).split("/")[0] for r in ctx.reports}, reverse=True)
    pages.append(
        Page("reports/index.md", "reports_index.md.j2", {
            "title": "报告", "description": "按年度浏览全部决算报告。",
            "years": [{"year": y, "href": f"{y}/", "count": sum(1 for r in ctx.reports if ctx.rid(r).startswith(y + "/"))}
                      for y in years],
        })
    )  # fmt: skip
    for y in years:
        url = f"reports/{y}/"
        rs = [r for r in ctx.reports if ctx.rid(r).startswith(y + "/")]
        pages.append(
            Page(f"{url}index.md", "year_index.md.j2", {
                "title": f"{y}年度决算", "description": f"{y}年度的{len(rs)}份决算报告。",
                "year": y, "groups": _by_region(ctx, rs, url), "count": len(rs),
            })
        )  # fmt: skip
    agencies = []
    for slug, rs in sorted(ctx.by_agency.items()):
        latest = rs[-1]
        agencies.append({
            "href": f"{slug}/", "agency": latest.agency, "region": region_text(latest),
            "province": (latest.region or {}).get("province") or "未识别地区",
            "years": "、".join(str(r.year) for r in rs if r.year), "findings": sum(len(r.findings) for r in rs),
        })  # fmt: skip
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in agencies:
        groups[str(a["province"])].append(a)
    pages.append(
        Page("agencies/index.md", "agencies_index.md.j2", {
            "title": "单位", "description": f"{len(agencies)}个单位的历年决算。",
            "groups": [{"name": k, "items": sorted(v, key=lambda a: (a["region"], a["agency"]))} for k, v in sorted(groups.items())],
        })
    )  # fmt: skip
    pages += findings_pages(ctx, rules, families)
    pages.append(
        Page("problems/index.md", "problems.md.j2", {
            "title": "读取问题", "description": "未能读取或不是决算报告的文件，以及原因。",
            "problems": [p.as_json() for p in ctx.problems],
        })
    )  # fmt: skip
    return pages


FINDINGS_URL = "findings/"
FINDINGS_PAGE_SIZE = 300  # findings per rule page; a rule with more is split into page-2/, page-3/ …
FINDINGS_TOP = 50  # the most serious findings listed on /findings/ itself


def rule_slugs(rule_ids: Any) -> dict[str, str]:
    """Rule id → its page's folder under findings/ ("sum.income_total" → "sum-income-total"):
    ASCII, unique (a clash is numbered, in sorted order) and never a pagination folder."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for rule_id in sorted(set(rule_ids)):
        base = anchor(rule_id)
        slug, n = base, 2
        while slug in used or re.fullmatch(r"page-\d+", slug):
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out[rule_id] = slug
    return out


def rule_page_url(slug: str, page: int = 1) -> str:
    return f"{FINDINGS_URL}{slug}/" + (f"page-{page}/" if page > 1 else "")


def _severity_groups(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"key": s, "label": SEVERITY_LABEL[s], "items": [i for i in items if i["severity"] == s]}
        for s in SEVERITY_ORDER
        if any(i["severity"] == s for i in items)
    ]


def _counts(findings: Any) -> dict[str, int]:
    c: Counter[str] = Counter(f.severity for f in findings)
    return {s: c.get(s, 0) for s in SEVERITY_ORDER}


def findings_pages(
    ctx: SiteContext,
    rules: dict[str, Any],
    families: dict[str, str],
    page_size: int = FINDINGS_PAGE_SIZE,
    top: int = FINDINGS_TOP,
) -> list[Page]:
    """/findings/ (counts by family, rule and severity; the ``top`` most serious findings of the
    most recent reports) and one page per rule, /findings/<rule slug>/, its findings grouped by
    severity, split into pages of at most ``page_size`` (page-2/, page-3/ … with prev/next)."""
    by_rule: dict[str, list[tuple[Report, Finding]]] = defaultdict(list)
    for r, f in ctx.all_findings():  # sorted: severity, rule, report id, finding id
        by_rule[f.rule].append((r, f))
    catalogue = list(rules)
    order = sorted(by_rule, key=lambda x: (catalogue.index(x) if x in catalogue else len(catalogue), x))
    slugs = rule_slugs(by_rule)

    def family_of(rule_id: str) -> str:
        return rule_id.split(".")[0]

    pages: list[Page] = []
    rule_rows: list[dict[str, Any]] = []
    for rule_id in order:
        pairs = by_rule[rule_id]
        rule = rules.get(rule_id)
        title = rule.title if rule else pairs[0][1].title
        counts = _counts(f for _, f in pairs)
        chunks = [pairs[i : i + page_size] for i in range(0, len(pairs), page_size)]
        info = {
            "id": rule_id, "title": title, "family": families.get(family_of(rule_id), family_of(rule_id)),
            "counts": counts, "total": len(pairs), "pages": len(chunks),
        }  # fmt: skip
        for n, chunk in enumerate(chunks, 1):
            url = rule_page_url(slugs[rule_id], n)
            views = [_finding_view(ctx, r, f, url) for r, f in chunk]
            first = (n - 1) * page_size + 1
            pager = None
            if len(chunks) > 1:
                pager = {
                    "page": n, "pages": len(chunks), "first": first, "last": first + len(chunk) - 1,
                    "prev": rel(url, rule_page_url(slugs[rule_id], n - 1)) if n > 1 else None,
                    "next": rel(url, rule_page_url(slugs[rule_id], n + 1)) if n < len(chunks) else None,
                    "links": [{"n": k, "href": rel(url, rule_page_url(slugs[rule_id], k)), "current": k == n}
                              for k in range(1, len(chunks) + 1)],
                }  # fmt: skip
            suffix = f"（第 {n}/{len(chunks)} 页）" if len(chunks) > 1 else ""
            pages.append(
                Page(f"{url}index.md", "findings_rule.md.j2", {
                    "title": f"{title}{suffix}",
                    "description": f"规则 {rule_id}（{title}）在全部报告中发现的 {len(pairs)} 个问题{suffix}，按级别分组。",
                    "rule": info, "severities": _severity_groups(views), "pager": pager,
                    "index_href": rel(url, FINDINGS_URL),
                    "method_href": rel(url, "methodology/") + "#" + anchor(rule_id),
                })
            )  # fmt: skip
        rule_rows.append({**info, "href": rel(FINDINGS_URL, rule_page_url(slugs[rule_id]))})
    fam_rows = []
    fam_order = list(families) + sorted({family_of(x) for x in by_rule} - set(families))
    for fam in fam_order:
        pairs = [rf for x in order if family_of(x) == fam for rf in by_rule[x]]
        if pairs:
            fam_rows.append({
                "family": families.get(fam, fam), "id": fam, "counts": _counts(f for _, f in pairs),
                "total": len(pairs), "rules": sum(1 for x in order if family_of(x) == fam),
            })  # fmt: skip
    serious = sorted(
        (rf for pairs in by_rule.values() for rf in pairs),
        key=lambda rf: (
            SEVERITY_ORDER[rf[1].severity],
            -(rf[0].year or 0),
            ctx.rid(rf[0]),
            rf[1].rule,
            rf[1].id,
        ),
    )[:top]
    top_views = []
    for r, f in serious:
        v = _finding_view(ctx, r, f, FINDINGS_URL)
        v["rule_page"] = rel(FINDINGS_URL, rule_page_url(slugs[f.rule]))
        v["rule_title"] = rules[f.rule].title if f.rule in rules else f.title
        top_views.append(v)
    counts = ctx.severity_counts()
    pages.insert(
        0,
        Page(f"{FINDINGS_URL}index.md", "findings.md.j2", {
            "title": "问题", "description": "全部报告中发现的勾稽问题：按类别、规则和级别统计，附最严重的问题；每条规则一页。",
            "families": fam_rows, "rules": rule_rows, "top": top_views, "top_size": top,
            "counts": counts, "total": sum(counts.values()),
            "retired": sum(1 for row in ctx.retired if row.get("reason") != "report_moved"),
        }),
    )  # fmt: skip
    return pages


def methodology_page(ctx: SiteContext, rules: dict[str, Any], families: dict[str, str]) -> Page:
    from generator.checks import tolerance
    from generator.compare import INDICATORS
    from generator.render.compare import term

    groups = []
    for fam, label in families.items():
        items = [
            {"id": r.id, "anchor": anchor(r.id), "title": r.title, "explanation": r.explanation,
             "formula": r.formula, "tolerance": r.tolerance, "example": r.example}
            for r in rules.values() if r.family == fam
        ]  # fmt: skip
        if items:
            groups.append({"family": fam, "label": label, "rules": items})
    others = sorted({r.family for r in rules.values()} - set(families))
    for fam in others:
        items = [
            {"id": r.id, "anchor": anchor(r.id), "title": r.title, "explanation": r.explanation,
             "formula": r.formula, "tolerance": r.tolerance, "example": r.example}
            for r in rules.values() if r.family == fam
        ]  # fmt: skip
        groups.append({"family": fam, "label": fam, "rules": items})
    paragraphs = [" ".join(p.split()) for p in (tolerance.__doc__ or "").strip().split("\n\n") if p.strip()]
    return Page("methodology.md", "methodology.md.j2", {
        "title": "方法", "description": "决算透视如何提取数字、容差如何确定，以及全部核对规则。",
        "intro": ctx.texts.get("methodology", ""), "tolerance": paragraphs, "groups": groups,
        "rule_count": len(rules),
        "indicators": [{"title": i.title, "formula": i.formula, "denominator": term(i.denominator),
                        "unit": i.unit, "href": f"compare/index.md#{anchor(i.id)}"} for i in INDICATORS],
        "compare_href": "compare/index.md",
    })  # fmt: skip


def data_page(ctx: SiteContext) -> Page:
    page = Page("data/index.md", "data.md.j2", {})
    tables = {
        "metrics": dt.metric_rows(ctx.reports, ctx.rid),
        "findings": ctx.finding_rows,
        "functional_classes": dt.class_rows(ctx.reports, ctx.rid),
        "retired": ctx.retired,
    }
    for name, rows in tables.items():
        fields = [f["name"] for f in dt.SCHEMAS[name][1]]
        page.files[f"{name}.csv"] = dt.to_csv(fields, rows)
        page.files[f"{name}.json"] = dt.to_json(rows)
    page.files["datapackage.json"] = dt.to_json(dt.datapackage(ctx.site_url))
    page.values = {
        "title": "数据", "description": "全部指标、问题和支出功能分类，CSV 与 JSON 格式，附 datapackage.json。",
        "resources": [{"name": n, "description": d, "fields": f, "rows": len(tables[n])} for n, (d, f) in dt.SCHEMAS.items()],
    }  # fmt: skip
    return page


def home_page(ctx: SiteContext) -> Page:
    page = Page("index.md", "home.md.j2", {})
    fam_counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    _, families = _rule_info()
    for _r, f in ctx.all_findings():
        fam_counts[families.get(f.rule.split(".")[0], f.rule.split(".")[0])][f.severity] += 1
    chart_list = [
        c
        for c in (
            ch.overview_findings({k: dict(v) for k, v in fam_counts.items()}),
            ch.overview_sangong(ctx.reports),
            ch.overview_expenditure(ctx.reports),
        )
        if c is not None
    ]
    charts = _chart_views(chart_list, page, prefix="data/")
    newest = sorted(ctx.reports, key=lambda r: (-(r.year or 0), r.agency, ctx.rid(r)))[:10]
    serious = [_finding_view(ctx, r, f, "") for r, f in ctx.all_findings() if f.severity != "info"][:10]
    page.values = {
        "title": "决算透视",
        "description": "把政府部门决算报告变得可读、可比、可核对：提取关键数字，检查合计、占比、同比与报表之间是否一致。",
        "intro": ctx.texts.get("home", ""),
        "counts": {
            "reports": len(ctx.reports), "agencies": len(ctx.by_agency),
            "years": len({r.year for r in ctx.reports if r.year}), "problems": len(ctx.problems),
            **ctx.severity_counts(),
        },
        "newest": [_report_summary(ctx, r, "") for r in newest],
        "serious": serious,
        "charts": charts,
    }  # fmt: skip
    return page


def compare_pages(ctx: SiteContext, comparison: Any) -> list[Page]:
    """/compare/ and one page per indicator (``compare/<indicator id>/``), with their CSV twins."""
    from generator import compare
    from generator.render import compare as rc

    frame = comparison.frame
    index = Page(f"{rc.INDEX_URL}index.md", "compare_index.md.j2", rc.index_values(frame, rc.INDEX_URL, rel))
    index.files.update(rc.index_files(frame))
    pages = [index]
    for ind in compare.INDICATORS:
        url = rc.indicator_url(ind.id)
        page = Page(f"{url}index.md", "compare_indicator.md.j2", {})
        page.values, chart_list = rc.indicator_page_values(ind, comparison, url, rel)
        _chart_views(chart_list, page)
        page.files["ranking.csv"] = compare.to_csv(compare.ranking(frame, ind.id))
        pages.append(page)
    return pages


def write_site(
    reports: list[Report],
    problems: list[Problem],
    out: Path,
    assets: Path,
    site_url: str,
    texts: Mapping[str, str],
    previous: Previous | None = None,
    date: str = "",
) -> list[str]:
    """Write every generated page and file into ``out`` (a fresh folder). Returns the written paths.
    ``previous``: what the site published before (its findings' ids keep an anchor); ``date``: this
    build's date (YYYY-MM-DD), recorded for each id it retires."""
    ctx = SiteContext(reports, problems, site_url, texts, previous, date)
    rules, families = _rule_info()
    pages = [home_page(ctx), methodology_page(ctx, rules, families), data_page(ctx)]
    pages += index_pages(ctx, rules, families)
    from generator.render.compare import Comparison

    comparison = Comparison.of(ctx.reports, ctx.rid)
    pages += compare_pages(ctx, comparison)
    pages += [report_page(ctx, r, rules, comparison) for r in ctx.reports]
    pages += [agency_page(ctx, slug, rs) for slug, rs in sorted(ctx.by_agency.items())]
    pages += gone_pages(ctx)
    env = environment()
    written = []
    for p in pages:
        text = env.get_template(p.template).render(**p.values, page_url=p.url, site_url=site_url,
                                                   home=rel(p.url, "") if p.url else "./")  # fmt: skip
        target = out / p.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(p.src)
        for name, body in sorted(p.files.items()):
            f = target.parent / name
            f.parent.mkdir(parents=True, exist_ok=True)
            f.write_text(body, encoding="utf-8")
            written.append(str(f.relative_to(out)))
    for r in ctx.reports:  # the originals, so every quote can be checked against its document
        src = Path(r.source.get("path", ""))
        if src.is_file():
            dest = out / ctx.original_url(r)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
            written.append(ctx.original_url(r))
    (out / "assets").mkdir(parents=True, exist_ok=True)
    for a in sorted(assets.iterdir()):
        if a.is_file() and a.suffix in (".js", ".css", ".txt"):
            shutil.copyfile(a, out / "assets" / a.name)
            written.append(f"assets/{a.name}")
    return sorted(written)
