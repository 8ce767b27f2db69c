"""sum.stated_product: a product the report works out itself, "人次数为享受待遇人数*12个月数得出 =1346*12=1.62万人次" or
"707元/人/月*42人*12个月=35.62万元" (003's 自评表 reasons), against its own factors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from generator.checks import make_finding, rule
from generator.checks.tolerance import half_unit
from generator.model import Finding, Quote, Report
from generator.normalize import decimals

# a factor: a figure with at most a unit of a standard or a count ("707元/人/月", "42人", "12个月", "1346")
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"  # "1346", "1,346", "707.5"
_FACTOR = rf"{_NUMBER}\s*(?:元(?:/[人户月年次天])*|个月|人次|人|户|个|月|次|天|年)?"
_PRODUCT = re.compile(
    rf"(?<![\d.])(?P<factors>(?:{_FACTOR}\s*[*×＊]\s*){{1,4}}{_FACTOR})\s*[=＝]\s*"
    rf"(?P<result>{_NUMBER})\s*(?P<unit>万元|万人次|万人|万|元|人次|人|户|个)?"
)
_ONE = re.compile(rf"(?P<n>{_NUMBER})\s*(?P<unit>[^\d*×＊]*)")


def _interval(figure: str, unit: str) -> tuple[Decimal, Decimal]:
    """A factor as printed: a count ("42人", "12个月", a whole number with no unit) is exact; an amount ("707元/人/月")
    or a figure with decimals may be rounded to its last printed place."""
    n = Decimal(figure)
    exact = not unit.startswith("元") and decimals(n) == 0
    h = Decimal(0) if exact else half_unit(n)
    return n - h, n + h


@rule(
    "sum.stated_product",
    title="文中写出的乘法算式与结果不符",
    explanation=(
        "报告有时把一个数的算法直接写出来，如“人次数为享受待遇人数*12个月数得出 =1346*12=1.62万人次”"
        "“707元/人/月*42人*12个月=35.62万元”。按算式各数相乘，结果应当等于写出的数。人数、月数等计数是准确数；"
        "以元计的标准和带小数的数可能是四舍五入后印出的，按其末位的半个单位放宽；结果按印出精度（“万”按万）放宽。"
    ),
    formula="Π 各因数 = 写出的结果",
    tolerance="因数（计数除外）与结果各按印出精度取区间，两区间不相交才报",
    example="707元/人/月×42人×12个月=356,328元，即35.63万元；707若是706.5～707.5之间的数，35.62万元在范围内，不报。",
    expected_label="按算式",
)
def stated_product(report: Report) -> Iterable[Finding]:
    seen: set[str] = set()  # one finding for a sum written twice (003's "=241*12=2892 人次" in two tables)
    # in the running text and in table cells alike (003's reasons are cells of its OCR'd 自评表)
    for b in report.document.blocks if report.document else []:
        if "*" not in b.text and "×" not in b.text and "＊" not in b.text:
            continue
        for m in _PRODUCT.finditer(b.text):
            low = high = Decimal(1)
            exact = Decimal(1)
            for f in _ONE.finditer(m["factors"]):
                n = f["n"].replace(",", "")  # "1,346人"
                lo, hi = _interval(n, f["unit"].strip())
                low, high, exact = low * lo, high * hi, exact * Decimal(n)
            scale = Decimal(10000) if (m["unit"] or "").startswith("万") else Decimal(1)
            result = Decimal(m["result"].replace(",", ""))  # "=356,328元"
            h = half_unit(result)
            if (result - h) * scale <= high and low <= (result + h) * scale or m.group(0) in seen:
                continue
            seen.add(m.group(0))
            shown = (exact / scale).quantize(Decimal(1).scaleb(-decimals(result)))
            yield make_finding(
                "sum.stated_product",
                "error",
                m.group(0),
                f"算式“{m.group(0)}”：{m['factors']}={exact.normalize():f}"
                + (f"，即{shown}{m['unit']}" if scale != 1 else "")
                + f"，不是{m['result']}{m['unit'] or ''}。",
                f"{m['result']}{m['unit'] or ''}",
                f"{shown}{m['unit'] or ''}",
                [Quote(m.group(0), b.page_at(m.start()), None, block=b)],
            )
