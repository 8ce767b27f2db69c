"""Rounding tolerance, stated once and used by every rule.

Printed amounts are rounded to their last decimal place, so each carries an error of up to half a
unit (0.005 at two decimals). A total of n printed parts may therefore differ from the printed
total by up to (n + 1) × half-unit before the difference proves anything; with mixed precisions, by
the sum of each value's own half unit. A zero written without decimals ("支出决算为0万元") is none at all,
not a rounded amount, and adds nothing. A stated percentage is
compared with the whole interval of ratios its rounded amounts allow, at the precision the
percentage is printed with. Differences inside the envelope are not errors; non-zero ones between
two statements of the same figure are reported as ``info``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from generator.normalize import decimals


def half_unit(*values: Decimal) -> Decimal:
    """Half a unit of the least precise printed value (0.005 for 2 decimals, 0.5 for integers).

    A zero printed without decimals is no rounded amount ("因公出国（境）费支出决算为0万元" beside 1.16: there was
    none), so it does not coarsen the others ("0.000%" keeps its three decimals); such zeros alone are taken
    at two decimals."""
    places = min((decimals(v) for v in values if v != 0 or decimals(v) > 0), default=2)
    return Decimal(5) / (Decimal(10) ** (places + 1))


def sum_tolerance(parts: list[Decimal], total: Decimal) -> Decimal:
    """How far a total may lie from the sum of its parts by rounding alone: each printed value's own half
    unit ((n+1)×0.005 when all are printed to 0.01; "1.16 = 0 + 1 + 1.16" allows 0.51, not 2.5)."""
    return sum((half_unit(v) for v in (total, *parts) if v != 0 or decimals(v) > 0), Decimal(0))


def sum_differs(parts: list[Decimal], total: Decimal) -> tuple[bool, Decimal]:
    """(beyond tolerance?, difference total − Σparts)."""
    diff = total - sum(parts, Decimal(0))
    return abs(diff) > sum_tolerance(parts, total), diff


def ratio_bounds(
    numerator: Decimal, denominator: Decimal, counts: bool = False
) -> tuple[Decimal, Decimal] | None:
    """The range of numerator/denominator × 100 that the rounded amounts allow. ``counts``: whole
    numbers are counts (12人, 3场), exact as written, not amounts rounded to the unit."""
    hn, hd = (Decimal(0) if counts and decimals(v) == 0 else half_unit(v) for v in (numerator, denominator))
    lo_d, hi_d = denominator - hd, denominator + hd
    if lo_d <= 0:
        return None
    lo_n, hi_n = numerator - hn, numerator + hn
    return (lo_n / hi_d * 100, hi_n / lo_d * 100)


def percent_consistent(
    stated: Decimal, numerator: Decimal, denominator: Decimal, counts: bool = False
) -> bool | None:
    """Whether a printed percentage can be the rounded ratio of the printed amounts."""
    bounds = ratio_bounds(numerator, denominator, counts)
    if bounds is None:
        return None
    h = half_unit(stated)
    lo, hi = bounds
    return not (stated + h < lo or stated - h > hi)


def rounded_percent(numerator: Decimal, denominator: Decimal, like: Decimal) -> Decimal:
    """numerator/denominator × 100 rounded to the places of ``like`` (for messages)."""
    q = Decimal(1).scaleb(-decimals(like))
    return (numerator / denominator * 100).quantize(q, rounding=ROUND_HALF_UP)


def fmt(value: Decimal) -> str:
    """An amount as reports print it: two decimals unless the report used more."""
    places = max(2, decimals(value))
    return f"{value:,.{places}f}"
