"""Rounding tolerance, stated once and used by every rule.

Printed amounts are rounded to their last decimal place, so each carries an error of up to half a
unit (0.005 at two decimals). A total of n printed parts may therefore differ from the printed
total by up to (n + 1) × half-unit before the difference proves anything. A stated percentage is
compared with the whole interval of ratios its rounded amounts allow, at the precision the
percentage is printed with. Differences inside the envelope are not errors; non-zero ones between
two statements of the same figure are reported as ``info``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from generator.normalize import decimals


def half_unit(*values: Decimal) -> Decimal:
    """Half a unit of the least precise printed value (0.005 for 2 decimals, 0.5 for integers)."""
    places = min((decimals(v) for v in values), default=2)
    return Decimal(5) / (Decimal(10) ** (places + 1))


def sum_tolerance(parts: list[Decimal], total: Decimal) -> Decimal:
    return (len(parts) + 1) * half_unit(total, *parts)


def sum_differs(parts: list[Decimal], total: Decimal) -> tuple[bool, Decimal]:
    """(beyond tolerance?, difference total − Σparts)."""
    diff = total - sum(parts, Decimal(0))
    return abs(diff) > sum_tolerance(parts, total), diff


def ratio_bounds(numerator: Decimal, denominator: Decimal) -> tuple[Decimal, Decimal] | None:
    """The range of numerator/denominator × 100 that the rounded amounts allow."""
    hn, hd = half_unit(numerator), half_unit(denominator)
    lo_d, hi_d = denominator - hd, denominator + hd
    if lo_d <= 0:
        return None
    lo_n, hi_n = numerator - hn, numerator + hn
    return (lo_n / hi_d * 100, hi_n / lo_d * 100)


def percent_consistent(stated: Decimal, numerator: Decimal, denominator: Decimal) -> bool | None:
    """Whether a printed percentage can be the rounded ratio of the printed amounts."""
    bounds = ratio_bounds(numerator, denominator)
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
