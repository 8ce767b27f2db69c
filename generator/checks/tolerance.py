"""Rounding tolerance, stated once and used by every rule.

Printed amounts are rounded to their last decimal place, so each carries an error of up to half a
unit (0.005 at two decimals). A total of n printed parts may therefore differ from the printed
total by up to (n + 1) × half-unit before the difference proves anything; with mixed precisions, by
the sum of each value's own half unit. A zero written without decimals ("支出决算为0万元") is none at all,
not a rounded amount, and adds nothing. A stated percentage is
compared with the whole interval of ratios its rounded amounts allow, at the precision the
percentage is printed with: below that interval by less than one unit of its last place is a truncation
(``info``); above it, only a tenth of a unit, a second rounding, is (a truncation never prints more). When the parts
come to more than their total, an amount printed 0.00 cannot be below zero, so its rounding does not count.
Differences inside the envelope are not errors; non-zero ones between
two statements of the same figure are reported as ``info``. A total printed to two decimals (the
万元 columns' cent) whose parts are printed finer is compared at the cent: 336.344 + 0.445 = 336.789
under "336.79" is no difference at all.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from generator.model import Severity
from generator.normalize import decimals


def half_unit(*values: Decimal) -> Decimal:
    """Half a unit of the least precise printed value (0.005 for 2 decimals, 0.5 for integers).

    A zero printed without decimals is no rounded amount ("因公出国（境）费支出决算为0万元" beside 1.16: there was
    none), so it does not coarsen the others ("0.000%" keeps its three decimals); such zeros alone are taken
    at two decimals."""
    places = min((decimals(v) for v in values if v != 0 or decimals(v) > 0), default=2)
    return Decimal(5) / (Decimal(10) ** (places + 1))


def trailing_zeros_dropped(*values: Decimal | None) -> list[Decimal | None]:
    """The amounts of one table row, integers shown at the precision of the row's other amounts when one of them
    prints decimals: a sheet that prints 4.50 as "4.5" prints 5.00 as "5" (004's 自评表: "17.5", "5"), so "5" is
    exact, not 4.5–5.5."""
    places = max((decimals(v) for v in values if v is not None), default=0)
    return [
        v.quantize(Decimal(1).scaleb(-places)) if v is not None and places and decimals(v) == 0 else v
        for v in values
    ]


def interval_verdict(stated: Decimal, lo: Decimal, hi: Decimal) -> Severity | None:
    """A printed percentage against the interval [lo, hi] of ratios its amounts allow: None when it can be the ratio
    rounded. Below the interval by at most one unit of its last printed place is a truncation (99.86% for 99.868%);
    above it, only a tenth of a unit is, a rounding of the ratio rounded one place finer (93.549 → 93.55 → 93.6; a
    truncation never prints more): ``info``. Anything further is a different number: ``error``."""
    h = percent_half_unit(stated)
    if stated - h > hi:
        return "info" if (stated - h) - hi <= h / 10 else "error"
    distance = lo - (stated + h)
    if distance <= 0:
        return None
    return "info" if distance <= 2 * h else "error"


def percent_half_unit(stated: Decimal) -> Decimal:
    """Half a unit of a printed percentage, "0%" included: a share or growth of a small nonzero amount is printed
    "0%" by a report that prints its percentages as integers (0.21% rounds to 0%), so unlike "0万元" (none at all)
    a zero percentage is as rounded as any other."""
    return Decimal(5) / (Decimal(10) ** (decimals(stated) + 1))


def sum_tolerance(parts: list[Decimal], total: Decimal) -> Decimal:
    """How far a total may lie from the sum of its parts by rounding alone: each printed value's own half
    unit ((n+1)×0.005 when all are printed to 0.01; "1.16 = 0 + 1 + 1.16" allows 0.51, not 2.5)."""
    return sum((half_unit(v) for v in (total, *parts) if v != 0 or decimals(v) > 0), Decimal(0))


def sum_differs(parts: list[Decimal], total: Decimal) -> tuple[bool, Decimal]:
    """(beyond tolerance?, difference total − Σparts)."""
    diff = total - sum(parts, Decimal(0))
    tolerance = sum_tolerance(parts, total)
    if diff < 0 and total >= 0 and all(v >= 0 for v in parts):
        # the parts over their total: an amount printed 0.00 is not below 0, so its rounding cannot bring them down
        # (财政局's 4.79 + 0.00 + 246.47 = 251.26 cannot make 251.24: the tolerance review's D8)
        tolerance -= sum((half_unit(v) for v in parts if v == 0 and decimals(v) > 0), Decimal(0))
    return abs(diff) > tolerance, diff


def change_sum_differs(changes: list[Decimal], total: Decimal) -> tuple[bool, Decimal]:
    """``sum_differs`` for changes from last year: a change is often the difference of two printed figures ("1034.30 −
    648.77 = 385.53"), so it carries both their roundings, twice a printed figure's half unit."""
    diff = total - sum(changes, Decimal(0))
    return abs(diff) > 2 * sum_tolerance(changes, total), diff


def same_figure(a: Decimal, b: Decimal) -> bool:
    """Two printings of one figure: equal, or at two precisions the finer one rounded to the coarser's places
    ("98.14%" and "98.1%", "584.82万元" and "584.8万元"). Half-up and half-even rounding both count."""
    da, db = decimals(a), decimals(b)
    if da == db:
        return a == b
    fine, coarse = (a, b) if da > db else (b, a)
    q = Decimal(1).scaleb(-decimals(coarse))
    return coarse in (fine.quantize(q, ROUND_HALF_UP), fine.quantize(q, ROUND_HALF_EVEN))


def provably_greater(a: Decimal, b: Decimal, a_exact: bool = False, b_exact: bool = False) -> bool:
    """Whether the value printed ``a`` is greater than the value printed ``b``. Rounding to one precision keeps
    the order, so at one precision a > b proves it; at two, only intervals that do not overlap do ("2.2" may
    stand for 2.15 to 2.25, so it is not proven less than "2.22"). ``a_exact``/``b_exact``: a set figure (a
    target, a cap), not a rounded amount."""
    if not a_exact and not b_exact and decimals(a) == decimals(b):
        return a > b
    low_a = a if a_exact else a - half_unit(a)
    high_b = b if b_exact else b + half_unit(b)
    return low_a > high_b


def ratio_bounds(
    numerator: Decimal, denominator: Decimal, counts: bool = False, numerator_half: Decimal | None = None
) -> tuple[Decimal, Decimal] | None:
    """The range of numerator/denominator × 100 that the rounded amounts allow. ``counts``: whole
    numbers are counts (12人, 3场), exact as written, not amounts rounded to the unit. ``numerator_half``: the
    numerator's own rounding when it is computed (a difference of two printed amounts carries both)."""
    hn, hd = (Decimal(0) if counts and decimals(v) == 0 else half_unit(v) for v in (numerator, denominator))
    if numerator_half is not None:
        hn = numerator_half
    lo_d, hi_d = denominator - hd, denominator + hd
    if lo_d <= 0:
        return None
    lo_n, hi_n = numerator - hn, numerator + hn
    return (lo_n / hi_d * 100, hi_n / lo_d * 100)


def percent_consistent(
    stated: Decimal,
    numerator: Decimal,
    denominator: Decimal,
    counts: bool = False,
    numerator_half: Decimal | None = None,
) -> bool | None:
    """Whether a printed percentage can be the rounded ratio of the printed amounts."""
    bounds = ratio_bounds(numerator, denominator, counts, numerator_half)
    if bounds is None:
        return None
    h = percent_half_unit(stated)
    lo, hi = bounds
    return not (stated + h < lo or stated - h > hi)


def rounded_percent(numerator: Decimal, denominator: Decimal, like: Decimal) -> Decimal:
    """numerator/denominator × 100 rounded to the places of ``like`` (for messages)."""
    q = Decimal(1).scaleb(-decimals(like))
    return (numerator / denominator * 100).quantize(q, rounding=ROUND_HALF_UP)


def fmt(value: Decimal) -> str:
    """An amount at two decimals unless the report used more (zeros a conversion added, as from a table in 元 to 万元,
    "15.320000", are not more): a computed figure, and a finding's claimed and expected figures, which its id is made
    of. A figure quoted from the report in a message is ``sums.printed``, as the report printed it."""
    places = max(2, decimals(value))
    if places > 2 and value == value.quantize(Decimal("0.01")):
        places = 2
    return f"{value:,.{places}f}"
