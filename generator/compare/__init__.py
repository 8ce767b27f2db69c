"""Compare: all Reports → pandas tables and chart JSON, for the site's comparison pages.

The data API the renderer calls (everything else here is internal)::

    from generator.compare import INDICATORS, indicator_frame, ranking, peers, to_csv
    from generator.compare import charts

    frame = indicator_frame(reports)          # one row per report
    ranking(frame, "spending_per_staff", year=2024, scope="unit")
    peers(frame, "2024/lan-xian-chuang-ye-jiu-ye-fu-wu-zhong-xin", "basic_share")   # by="level"
    to_csv(frame)                             # deterministic CSV (the page's download twin)
    charts.ranked_bar(frame, "basic_share", year=2024)
    charts.size_scatter(frame, "basic_share", year=2024)

``INDICATORS``: tuple of ``Indicator`` (id, title, formula, numerator, denominator, unit, caveat,
decimals); ``Indicator.as_json()`` for the methodology page. ``format_value(v, id)`` prints a value
at the indicator's precision, or “未披露” when it is missing.

``indicator_frame`` columns: report_id, agency, agency_slug, year (Int64), scope
("department" | "unit"), agency_type, level ("province" | "prefecture" | "county" |
"district"), province, prefecture, county, staff_active (Int64), expenditure_this_year (size, for
the scatter), then one float64 column per indicator id. Missing = NaN, never 0; a zero
denominator is missing too. Inputs are Decimal; the division is done in Decimal and the result
becomes float only in the frame.

``ranking(frame, indicator_id, *, year=None, scope=None)``: highest first, ties by report_id;
columns rank (Int64, <NA> for reports without the value, listed last), report_id, agency,
agency_slug, year, value, agency_type, level, province, prefecture, county, scope,
mixed_scope (bool, the same on every row: True when 部门汇总 and 单位 reports are ranked
together — pass ``scope=`` to avoid it), indicator.

``peers(frame, report_id, indicator_id, *, by="agency_type")``: ``ranking`` of the reports with
the same ``by`` value (agency_type or level) and the same year, plus is_subject and peer_group;
mixed_scope as above.

The findings_* counts read ``report.findings``: for them to include the cross-report findings,
the build extends each report's findings with ``generator.checks.cross.run_cross_checks(reports)``
(a dict report_id → findings) before calling ``indicator_frame``.

Peer groups and identity: ``generator.compare.agencies`` (registry ``data/agencies.yaml``, name
pattern table ``TYPE_PATTERNS``, override ``agency_type`` in NAME.meta.yaml).
"""

from __future__ import annotations

from generator.compare.indicators import BY_ID, INDICATORS, MISSING_LABEL, Indicator, compute, format_value
from generator.compare.tables import COLUMNS, indicator_frame, peers, ranking, to_csv

__all__ = [
    "BY_ID",
    "COLUMNS",
    "INDICATORS",
    "MISSING_LABEL",
    "Indicator",
    "compute",
    "format_value",
    "indicator_frame",
    "peers",
    "ranking",
    "to_csv",
]
