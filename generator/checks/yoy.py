"""yoy.*: year-over-year statements: change amount, percentage, this year's amount, direction words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from generator.checks import make_finding, page_ref, place, rule
from generator.checks.ratios import pct, percent_severity
from generator.checks.tolerance import (
    change_sum_differs,
    half_unit,
    interval_verdict,
    percent_half_unit,
    rounded_percent,
    sum_differs,
)
from generator.extract.claims import CHANGE_BEFORE, FUNCTIONAL_CLASSES, LAST_COMPARED, signed_change
from generator.extract.narrative import WAN
from generator.model import Document, Finding, Quote, Report

_UP = ("增加", "增长", "增幅", "增长了", "增幅为")
_DOWN = ("减少", "下降", "降幅", "下降了", "降幅为")


def _sign(word: str | None) -> int:
    if not word:
        return 0
    if word.startswith(("增", "上升")):
        return 1
    if word.startswith(("减", "下降", "降")):
        return -1
    return 0


def unit_metric(claim: dict[str, Any]) -> str | None:
    """A bare 基本支出 or 项目支出 outside the 财政拨款 sections is the unit's, of every fund ("主要原因：基本支出增加……", section
    三's "基本支出……比上年增加……"), not the 一般公共预算财政拨款基本支出 its words name; inside them a bare 项目支出 is
    the 财政拨款's, which no figure holds."""
    quote = claim.get("quote")
    if "财政拨款" in claim["subject"] or (isinstance(quote, Quote) and "财政拨款" in (quote.section or "")):
        return None
    if claim.get("metric") == "gpb_basic":
        return "expenditure_basic"
    return "expenditure_project" if claim.get("metric") is None and claim["subject"] == "项目支出" else None


def current_of(report: Report, claim: dict[str, Any]) -> tuple[Decimal, Quote | None] | None:
    """This year's amount: as the sentence states it, else the metric the subject names."""
    if claim["current"] is not None:
        return claim["current"], claim.get("current_quote")
    key = claim.get("metric")
    unit = unit_metric(claim)
    if unit and (report.metrics.get(unit) or report.narrative.get(unit)):
        key = unit
    if key and claim.get("unit") in (None, "万元"):
        value = report.metrics.get(key) or report.narrative.get(key)
        if value is not None:
            return value.amount, value.quote
    return None


# "…决算数4.91万元，2023年卫生健康支出决算数为0，出现了较上年增加4.91万元": last year's amount stated in the
# claim's own sentence, between this year's and the change
_LAST_STATED = re.compile(
    r"(?:(?P<year>20\d\d)\s*年度?[\u4e00-\u9fff]{0,24}?"
    # …or "上年为0.45万元", "上年决算数为……" (not "上年预算为", "上年结转为", another figure's last year)
    r"|(?<![比较与])(?:上一?年度?|去年)(?:同期)?(?P<what>[\u4e00-\u9fff“”]{0,16}?))(?:为|是)\s*"
    r"(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?:万元?)?(?=[，,；;])"
)

# … or as what it is compared with: "比2023年度的8796.53万元增加1062.85万元"
# (or "与上年的3003.19万元相比", "比上年决算1,045.33万元减少", "较上年82.16万元增长")
_LAST_COMPARED = re.compile(LAST_COMPARED + rf"\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*{WAN}")


def stated_last(report: Report, claim: dict[str, Any], any_year: bool = False) -> tuple[Decimal, str] | None:
    """Last year's amount as the claim's sentence states it ("2023年……决算数为0"), with its text; with ``any_year``, the
    amount of whichever year the change is measured from ("较2022年的170.00万元增长8.62%")."""
    quote = claim.get("quote")
    if not isinstance(quote, Quote) or report.year is None:
        return None
    # the last one stated before the change's own words: "……较上年182.10万元增长1.40%，较2022年的170.00万元增长8.62%"
    # compares the second rate with 2022's amount, not with last year's
    found = [*_LAST_STATED.finditer(quote.quote), *_LAST_COMPARED.finditer(quote.quote)]
    for m in sorted(found, key=lambda x: x.start(), reverse=True):
        what = re.sub(r"决算数?|实际|支出|数$", "", (m.groupdict().get("what") or ""))
        if what and what not in claim["subject"] and claim["subject"] not in what:
            continue  # "上年预算为……", "上年结转为……", "上年人员经费为……": not last year's amount of the figure
        if m.group("year") and int(m.group("year")) != report.year - 1 and not any_year:
            return None  # (上年 is the year before)
        return Decimal(m.group("n").replace(",", "")), m.group(0)
    return None


def _growth_bounds(change: Decimal, current: Decimal, sign: int) -> tuple[Decimal, Decimal, Decimal] | None:
    """(last year, lowest, highest percentage) the printed change and current amount allow."""
    h = half_unit(change, current)
    last = current - sign * change
    lo_last, hi_last = last - 2 * h, last + 2 * h
    if lo_last <= 0:
        return None
    lo_c, hi_c = max(change - h, Decimal(0)), change + h
    high = hi_c / lo_last * 100
    if sign < 0 and current >= 0:
        high = min(high, Decimal(100))  # a fall is change ÷ (this year + change): never more than 100%
    return last, lo_c / hi_last * 100, high


def _evidence(claim: dict[str, Any], extra: Quote | None) -> list[Quote]:
    out = [claim["quote"]]
    if extra is not None and extra.quote not in claim["quote"].quote:
        out.append(extra)
    return out


def _fits_the_table(
    report: Report, claim: dict, current: Decimal, change: Decimal, sign: int, stated: Decimal
) -> bool:
    """The percentage agrees with the statutory table's figure for this year, not with the sentence's own: the
    sentence's 本年数 is the odd one, which text_table.metric reports (测试问题版本: "收入支出总计0万元……减少56.95万元，
    下降1.87%" against 公开01表's 2,995.39: 56.95 ÷ 3,052.34 = 1.87%)."""
    value = report.metrics.get(claim.get("metric") or "")
    if value is None or value.kind != "table" or value.amount == current or claim["current"] is None:
        return False
    bounds = _growth_bounds(change, value.amount, sign)
    return bounds is not None and interval_verdict(stated, bounds[1], bounds[2]) is None


@rule(
    "yoy.percent",
    title="同比增幅与金额不符",
    explanation=(
        "“比上年增加X万元，增长Y%”里，上年数 = 本年数 − 增加额（减少时为本年数 + 减少额），"
        "增幅 = 增加额 ÷ 上年数。本年数取同一句或前一句所述金额，没有时取该指标在报表中的数。"
        "按印出精度做区间运算后仍对不上的，说明金额、百分比或本年数至少有一个写错；百分比与报表中的本年数相符时，"
        "写错的是句中的本年数，由“情况说明与报表数不一致”报告，这里不再重复。上年数为零时"
        "增幅没有意义，见“从零起算的增幅”。"
    ),
    formula="上年 = 本年 ∓ 变动额；增幅 = 变动额 ÷ 上年 × 100%",
    tolerance="金额±0.005万元、百分比±0.005个百分点的区间运算（降幅是减少额 ÷（本年数 + 减少额），至多100%）；句中没有写本年数、"
    "本年数取自报表时，超出区间记为警告（句中的数可能是另一口径）；低于区间不到一个末位单位（多为截尾）记为提示；高于区间只容许末位的十分之一（再舍入一次），再多为错误",
    example="文中称减少56.95万元、下降1.87%，而本年收入支出总计为0万元：上年应为56.95万元，降幅应为100%"
    "（报表中收入支出总计为2,995.39万元，56.95÷3,052.34=1.87%，所以写错的是0万元，不在这里报告）。",
)
def percent(report: Report) -> Iterable[Finding]:
    for claim in report.yoy_claims:
        change, stated = claim["change"], claim["percent"]
        sign = _sign(claim["direction"]) or _sign(claim["percent_direction"])
        # a change printed as 0.00 still bounds the percentage (at most 0.005 ÷ last year)
        if change is None or stated is None or sign == 0:
            continue
        found = current_of(report, claim)
        if found is None:
            continue
        current, cq = found
        bounds = _growth_bounds(change, current, sign)
        if bounds is None:
            continue  # zero or negative base: yoy.zero_base
        last, lo, hi = bounds
        severity = interval_verdict(stated, lo, hi)
        if severity is None or _fits_the_table(report, claim, current, change, sign, stated):
            continue
        if claim["current"] is None and severity == "error":
            severity = "warning"  # this year's amount taken from the tables, not from the sentence
        expected = rounded_percent(change, last, stated)
        word = "增加" if sign > 0 else "减少"
        rate = "增幅" if sign > 0 else "降幅"
        yield make_finding(
            "yoy.percent",
            severity,
            claim["subject"],
            f"文中称{claim['subject']}比上年{word}{change}万元、{claim['percent_direction'] or claim['direction']}"
            f"{pct(stated)}；按本年{current}万元推算，上年为{last}万元，{rate}应为{change}÷{last}={pct(expected)}。",
            pct(stated),
            pct(expected),
            _evidence(claim, cq),
        )


@rule(
    "yoy.rate_from_last",
    title="只写本年数、上年数和增幅时，增幅与两年数不符",
    explanation=(
        "有的说明不写变动额，只写本年数、上年数和增减幅度（“机关运行经费支出184.65万元，较上年182.10万元增长1.40%”）。"
        "增幅 = (本年数 − 上年数) ÷ 上年数；两年数的增减方向也应与“增长”“下降”一致。写了变动额的句子由"
        "“同比增幅与金额不符”“本年数、上年数与增减额对不上”核对，这里不重复。"
    ),
    formula="增幅 = |本年 − 上年| ÷ 上年 × 100%；方向 = 本年与上年之差的正负",
    tolerance="两年数各±半个末位单位、百分比±半个末位单位的区间运算；低于区间不到一个末位单位（多为截尾）记为提示；高于区间只容许末位的十分之一（再舍入一次），再多为错误",
    example="“机关运行经费支出184.65万元，较上年182.10万元增长1.04%”：(184.65 − 182.10) ÷ 182.10 = 1.40%，不是1.04%。",
    expected_label="应为",
)
def rate_from_last(report: Report) -> Iterable[Finding]:
    for claim in report.yoy_claims:
        stated, current = claim["percent"], claim["current"]
        sign = _sign(claim["percent_direction"]) or _sign(claim["direction"])
        if claim["change"] is not None or stated is None or current is None or sign == 0:
            continue
        found = stated_last(report, claim, any_year=True)  # (a rate from 2022's amount is one too)
        if found is None or found[0] <= 0:
            continue
        last, said = found
        h = half_unit(current, last)
        diff = current - last
        word = "增长" if sign > 0 else "下降"
        if diff * sign < -2 * h:
            yield make_finding(
                "yoy.rate_from_last",
                "error",
                claim["subject"],
                f"文中写{claim['subject']}本年{current}万元，又写“{said}”，本年比上年{'增加' if diff > 0 else '减少'}"
                f"{abs(diff)}万元；同一句却称{word}{pct(stated)}，方向相反。",
                f"{word}{pct(stated)}",
                f"{'增长' if diff > 0 else '下降'}{pct(rounded_percent(abs(diff), last, stated))}",
                [claim["quote"]],
            )
            continue
        gap = abs(diff)
        # (the difference carries the rounding of both years, as budget.diff_rate's; a last year within rounding of
        # zero gives no rate to hold it to)
        severity = percent_severity(stated, gap, last, numerator_half=half_unit(current) + half_unit(last))
        if severity is None:
            continue
        expected = rounded_percent(gap, last, stated)
        yield make_finding(
            "yoy.rate_from_last",
            severity,
            claim["subject"],
            f"文中写{claim['subject']}本年{current}万元，又写“{said}”，称{word}{pct(stated)}；"
            f"按两年数计算，({current} − {last}) ÷ {last} = {'' if diff >= 0 else '−'}{pct(expected)}。",
            pct(stated),
            pct(expected),
            [claim["quote"]],
        )


@rule(
    "yoy.zero_base",
    title="从零起算的增幅",
    explanation=(
        "本年数减去增加额得到的上年数为零（上年没有这项收支）时，增长率的分母为零，增幅无法计算；"
        "不少报告按惯例写“增长100%”，这不是算出来的数，只作提示；写成其他百分比（如“增长10%”）的，这个数无从得来，记为警告。若推出的上年数为负数，"
        "则增加额大于本年数，金额本身有误，记为错误。"
    ),
    formula="上年 = 本年 − 增加额；上年 = 0 时增幅无定义",
    tolerance="上年数在印出精度内为零（|本年 − 增加额| ≤ 0.01万元）即视为零；推出的上年数为0.01万元、而所写增幅不低于增加额除以它的"
    "上限（本年数与增加额各有舍入，上年数至多0.02万元）的（“增加1.48万元，增长14800.00%”“本年0.05万元，增加0.04万元，增长198.86%”），"
    "是算出来的增幅，不报",
    example="机关运行经费支出10.23万元，比2023年度增加10.23万元，增长100.00%：上年为0，增幅无法计算。",
)
def zero_base(report: Report) -> Iterable[Finding]:
    for claim in report.yoy_claims:
        change = claim["change"]
        if change is None or change == 0 or _sign(claim["direction"]) <= 0:
            continue
        found = current_of(report, claim)
        if found is None:
            continue
        current, cq = found
        if stated_last(report, claim) is not None:
            continue  # last year stated in the sentence: yoy.last_year_stated compares the three
        h = half_unit(change, current)
        last = current - change
        if last < -2 * h:
            yield make_finding(
                "yoy.zero_base",
                "error" if claim["current"] is not None else "warning",
                claim["subject"],
                f"文中称{claim['subject']}本年{current}万元、比上年增加{change}万元；"
                f"按此推算上年为{current}−{change}={last}万元，是负数，增加额与本年数不可能同时成立。",
                f"增加{change}万元",
                f"至多增加{current}万元",
                _evidence(claim, cq),
            )
        elif abs(last) <= 2 * h and claim["percent"] is not None:
            # the rate of a last year derived as 0.01 ("增加1.48万元，增长14800.00%"; "本年0.05万元，增加0.04万元，增长
            # 198.86%", 526元 on 176元): computed, not a zero's. That last year carries two roundings, so it is at most
            # 0.01 + 2 half-units and the rate at least the smallest change over that; no upper bound, as it may be ~0
            if (
                last > 0
                and claim["percent"] + percent_half_unit(claim["percent"])
                >= max(change - h, Decimal(0)) / (last + 2 * h) * 100
            ):
                continue
            # "增长100%" is the convention; any other rate on a zero base ("增长10.00%") comes from no figure at all
            usual = claim["percent"] == 100
            base = "0" if last == 0 else f"{current}−{change}={last}万元，在印出精度内可能为0"
            yield make_finding(
                "yoy.zero_base",
                "info" if usual else "warning",
                claim["subject"],
                f"文中称{claim['subject']}本年{current}万元、比上年增加{change}万元、增长{pct(claim['percent'])}；"
                f"按此上年为{base}，增幅的分母{'为' if last == 0 else '可能为'}零，无法计算，"
                + (
                    f"写作“增长{pct(claim['percent'])}”只是惯例。"
                    if usual
                    else f"惯例写作“增长100%”，文中的{pct(claim['percent'])}不是由这几个数得出的，多半是笔误或抄自别处。"
                ),
                pct(claim["percent"]),
                "无法计算（上年为0）",
                _evidence(claim, cq),
            )


@rule(
    "yoy.last_year_stated",
    title="本年数、上年数与增减额对不上",
    explanation=(
        "有的说明在同一句里写出本年数、上年数和变动额（“导致2024年度卫生健康支出决算数4.91万元，2023年卫生健康支出"
        "决算数为0，出现了较上年增加4.91万元的情况”“比上年决算1,054.33万元减少49.32万元”）。三个数之间应满足：本年数 − 上年数 = 增加额（或上年数 − 本年数 ="
        " 减少额）；对不上时，至少一个数写错了，常见的是从相邻段落照抄了金额。同段前文另写了本年数、且变动额与它相符时，"
        "写错的是句中的本年数，提示按前文指出。"
    ),
    formula="本年数 − 上年数 = ±变动额",
    tolerance="按印出精度：三个数各自的舍入误差之和以内视为相符；上年数写作0的，是没有这项收支，不计舍入误差",
    example="“导致2024年度住房保障支出决算数4.91万元，2023年住房保障支出决算数为0，出现了较上年增加11.27万元的情况”："
    "4.91 − 0 = 4.91，不是11.27。",
    expected_label="应为",
)
def last_year_stated(report: Report) -> Iterable[Finding]:
    for claim in report.yoy_claims:
        change, sign = claim["change"], _sign(claim["direction"])
        if change is None or sign == 0 or claim["current"] is None:
            continue
        last = stated_last(report, claim)
        if last is None:
            continue
        current, (before, said) = claim["current"], last
        if not sum_differs([before, sign * change], current)[0]:
            continue  # (a last year of "0" is none at all: tolerance.sum_tolerance gives it no rounding)
        word = "增加" if sign > 0 else "减少"
        # the paragraph's own figure for the year, which the change fits: then this year's figure is the odd one (001:
        # "住房保障支出……支出决算11.27万元……较上年决算增加11.27万元……导致2024年度住房保障支出决算数4.91万元，2023年……为0")
        own = next(
            (
                c
                for c in report.yoy_claims
                if c is not claim
                and c.get("block") == claim.get("block")
                and c["current"] is not None
                and c.get("current_quote") is not None
                and (c["subject"].startswith(claim["subject"]) or claim["subject"].startswith(c["subject"]))
                and not sum_differs([before, sign * change], c["current"])[0]
            ),
            None,
        )
        if own is not None:
            # the change the paragraph's figure gives, written as the sentence's word has it (a fall: last − this)
            high, low = (own["current"], before) if sign > 0 else (before, own["current"])
            fits = f"{high} − {low} = {high - low}" + (
                "" if high - low == change else f"（与{change}只差尾数）"
            )
            yield make_finding(
                "yoy.last_year_stated",
                "error",
                claim["subject"],
                f"文中写{claim['subject']}本年{current}万元，又写“{said}”，同一句称较上年{word}{change}万元；"
                f"同段前文写{own['subject']}“{own['current_quote'].quote}”，{fits}："
                f"对不上的是本年数{current}万元，应为{own['current']}万元。",
                f"本年{current}万元",
                f"本年{own['current']}万元",
                [claim["quote"], own["current_quote"]],
            )
            continue
        yield make_finding(
            "yoy.last_year_stated",
            "error",
            claim["subject"],
            f"文中写{claim['subject']}本年{current}万元，又写“{said}”，本年比上年"
            f"{'增加' if current >= before else '减少'}{abs(current - before)}万元；"
            f"同一句却称较上年{word}{change}万元，三个数对不上。",
            f"{word}{change}万元",
            f"{'增加' if current >= before else '减少'}{abs(current - before)}万元",
            [claim["quote"]],
        )


@rule(
    "yoy.direction",
    title="增减方向用词矛盾",
    explanation=(
        "同一处变动的用词必须一致：“增加…万元”之后应是“增长…%”，“减少”之后应是“下降”；"
        "写“持平”就不应再有非零的变动额；模板里的“下降（增长）”两个方向都留着、前面也没有写明增减的金额时，"
        "读者无法判断（前面写了“减少0.15万元”的，方向是清楚的，留下的模板字样由“模板残留”报告）。"
    ),
    formula="方向(金额用词) = 方向(百分比用词)；持平 ⇔ 变动额 = 0",
    tolerance="用词判断，无数值容差",
    example="“增长（下降）27.78%”而前文没有写增减金额：模板中的两种方向都未删去，看不出是增是减。",
    expected_label="应为",
)
def direction(report: Report) -> Iterable[Finding]:
    for claim in report.yoy_claims:
        a, b = _sign(claim["direction"]), _sign(claim["percent_direction"])
        if a and b and a != b and claim["change"] not in (None, Decimal(0)):
            yield make_finding(
                "yoy.direction",
                "error",
                claim["subject"],
                f"文中称{claim['subject']}比上年{claim['direction']}{claim['change']}万元，"
                f"却又说{claim['percent_direction']}{pct(claim['percent'])}，方向相反。",
                f"{claim['direction']}/{claim['percent_direction']}",
                "同一方向",
                [claim["quote"]],
            )
        if "持平" in claim["direction"] and claim["change"]:
            yield make_finding(
                "yoy.direction",
                "error",
                claim["subject"],
                f"文中称{claim['subject']}与上年持平，同时给出变动额{claim['change']}万元。",
                "持平",
                f"变动{claim['change']}万元",
                [claim["quote"]],
            )
    if report.document is None:
        return
    residue = re.compile(r"(?:增加|减少|增长|下降)[（(](?:增加|减少|增长|下降)[)）]\s*-?\d[\d,]*(?:\.\d+)?%?")
    for block in report.document.blocks:
        if block.table is not None:
            continue
        for m in residue.finditer(block.text):
            if CHANGE_BEFORE.search(block.text[: m.start()]):
                continue  # "减少0.15万元，下降（增长）27.78%": the amount says which; the residue is template_residue's
            yield make_finding(
                "yoy.direction",
                "warning",
                m.group(0),
                f"“{m.group(0)}”同时保留了模板中的两个方向，读者无法判断是增还是减。",
                m.group(0),
                "只写一个方向",
                [Quote(m.group(0), block.page_at(m.start()), None, block=block)],
            )


@rule(
    "yoy.percent_twice",
    title="同一变动给出两个不同的百分比",
    explanation=(
        "同一处变动紧接着写了两个百分比（如“下降29.23%。下降100%。”），至多一个是对的。"
        "能从本年数和变动额算出增幅时，指出哪一个对得上。"
    ),
    formula="增幅 = 变动额 ÷ (本年 ∓ 变动额) × 100%",
    tolerance="两个百分比按印出精度不相等即报",
    example="一般公共预算财政拨款支出减少577.03万元，下降29.23%。下降100%。",
)
def percent_twice(report: Report) -> Iterable[Finding]:
    for claim in report.yoy_claims:
        first, second = claim["percent"], claim.get("second_percent")
        if first is None or second is None or first == second:
            continue
        note = ""
        change, sign = claim["change"], _sign(claim["direction"])
        found = current_of(report, claim)
        if change is not None and sign and found is not None:
            bounds = _growth_bounds(change, found[0], sign)
            if bounds is not None:
                expected = rounded_percent(change, bounds[0], first)
                note = f"按本年{found[0]}万元、变动{change}万元推算，应为{pct(expected)}。"
        yield make_finding(
            "yoy.percent_twice",
            "error",
            claim["subject"],
            f"文中对{claim['subject']}的同一变动先写{claim['percent_direction'] or ''}{pct(first)}，"
            f"紧接着又写{claim['second_direction']}{pct(second)}。{note}",
            f"{pct(first)}；{pct(second)}",
            pct(first) if note and _same(first, change, found, sign) else None,
            [claim["quote"]] + ([claim["second_quote"]] if claim.get("second_quote") else []),
        )


def _same(stated: Decimal, change: Decimal | None, found: Any, sign: int) -> bool:
    if change is None or found is None:
        return False
    bounds = _growth_bounds(change, found[0], sign)
    return bounds is not None and interval_verdict(stated, bounds[1], bounds[2]) is None


@rule(
    "yoy.flat_with_reason",
    title="称“持平”却说明了增减原因",
    explanation=(
        "文中写某项与上年“持平”，紧接着的“主要原因”却在解释增加或减少，说明这项其实有变动，"
        "“持平”很可能是错的。原因开头就写“减少的主要原因是”的同样报告；写“基本持平”“大致持平”的本就容许小的变动，"
        "原因开头说明它的方向，不报。"
    ),
    formula="持平 ⇒ 原因说明中不应出现增加/减少",
    tolerance="用词判断，只看“持平”之后的原因句",
    example="“财政拨款收入支出总计持平。主要原因：……等原因减少支付。”",
    expected_label="原因说明所示",
)
def flat_with_reason(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    for claim in report.yoy_claims:
        if "持平" not in claim["direction"] or claim["change"]:
            continue
        reason = claim.get("reason") or ""
        opens = re.match(
            r"^[。，,]?\s*(?P<label>(?:其|支出)?(?:增加|减少|增长|下降)的?)?(?:主要)?原因(?:主要)?[是为]?[:：]?",
            reason,
        )
        if not opens:
            continue
        if _change_stated_before(doc, claim):
            continue  # "增加2.55万元，增长1.40%，与上年基本持平。主要原因是……": the change is stated, the reason is its
        if opens.group("label"):
            # "与上年相比持平，减少的主要原因是……": the reason names the change it explains (not after "基本持平" or
            # "大致持平": a small change, which the reason may explain)
            if claim["direction"] != "持平" or re.search(
                r"(?:基本|大致|总体|大体|略)持平", claim["quote"].quote
            ):
                continue
            yield make_finding(
                "yoy.flat_with_reason",
                "warning",
                claim["subject"],
                f"文中称{claim['subject']}与上年持平，随后却写“{opens.group(0).strip('。，, ')}”，说明实际有增减变动。",
                "持平",
                "有增减变动",
                [Quote(claim["quote"].quote + reason[: opens.end()].rstrip(), claim["quote"].page,
                       claim["quote"].section, block=claim["quote"].block)],
            )  # fmt: skip
            continue
        quotes = [claim["quote"]]
        text = reason
        pos = claim.get("block")
        if pos is not None and len(reason.strip("。，,：: 主要原因是为")) < 4 and pos + 1 < len(doc.blocks):
            nxt = doc.blocks[pos + 1]
            if nxt.table is None:
                text = nxt.text
        cut = re.search(r"[。；;]", text[1:])
        text = text[: cut.start() + 1] if cut else text  # the reason's own sentence, not the next item's
        m = next((x for x in _MOVED.finditer(text) if not _DENIED.search(x.group("before"))), None)
        if not m:
            continue
        if text is not reason:
            nxt = doc.blocks[pos + 1]  # type: ignore[operator]
            quotes.append(Quote(m.group(0), nxt.page_at(m.start()), claim["quote"].section, block=nxt))
        else:
            quotes[0] = claim["quote"]
        yield make_finding(
            "yoy.flat_with_reason",
            "warning",
            claim["subject"],
            f"文中称{claim['subject']}与上年持平，但随后的原因说明写的是“{m.group(0).strip()}”，说明实际有增减变动。",
            "持平",
            "有增减变动",
            quotes,
        )


# a change said in a reason; not one denied ("未增加因公出国（境）团组", "没有增加", "也无增加")
_MOVED = re.compile(
    r"(?P<lead>[^。；;，,]{0,40}?)(?P<before>[^。；;，,]{0,6}?)(?:减少|增加|下降|增长)[^。；;]{0,12}"
)
# … not one denied a few characters before it ("未增加", "未曾增加", "没有增加", "也无增加", "不再增加", "未出现增长",
# "未较上年增加")
_DENIED = re.compile(r"[未没无不]")


def _change_stated_before(doc: Any, claim: dict[str, Any]) -> bool:
    """The sentence states the change (an amount or a rate) before it says 持平 ("下降1.87%，与上年基本持平")."""
    pos = claim.get("block")
    if pos is None:
        return False
    text = doc.blocks[pos].text
    at = text.find(claim["quote"].quote)
    if at < 0:
        return False
    begin = text.rfind("。", 0, at) + 1
    return bool(re.search(r"(?:增加|减少|增长|下降)了?\s*-?\d", text[begin : at + len(claim["quote"].quote)]))


def _gpb_change(report: Report) -> dict[str, Any] | None:
    """The yoy claim on 一般公共预算财政拨款支出 that states its change."""
    return next(
        (c for c in report.yoy_claims if c.get("metric") == "gpb_expenditure" and c["change"] is not None),
        None,
    )


# a total that fell further than its listed parts: what is missing can only be parts spent on last year and not this
# year, which a list of this year's spending leaves out (001: 577.03 down against 90.85, 2023's 稳岗补贴 moved elsewhere)
_GONE = "；相差的{diff}万元只可能是上年有支出、本年没有支出因而未列出的{what}，文中没有说明，否则是总数或某{what}的变动额写错了。"
# a sum of changes between one and two printed figures' roundings from the total's change
_TWICE_ROUNDED = "相差{diff}万元，超出各数一次舍入的范围；若各变动额都是两个印出数之差（各带两次舍入），仍可能只是尾数差异，只作提示。"


@rule(
    "yoy.parts",
    title="各类支出的增减之和与总数的增减不符",
    explanation=(
        "一般公共预算财政拨款支出比上年的变动额，应等于文中逐一说明的各功能分类（类级）支出变动额之和"
        "（增加为正、减少为负）。只有当文中对本年每一个类都给出了变动额时才做这项比较。总数减少得比各类之和多时，"
        "差额可能是上年有、本年没有支出的类（本年不列，模板也不要求列），只作提示；反过来则是错误。"
    ),
    formula="Δ一般公共预算财政拨款支出 = Σ Δ各类支出",
    tolerance="(n+1) × 0.01万元（n为类的个数；变动额常是两个印出数之差，带两次舍入）；超出为错误，总数减少得比各类之和多时为提示；"
    "在 (n+1) × 0.005万元与 (n+1) × 0.01万元之间的差额记为提示",
    example="总数减少577.03万元，而社会保障和就业−107.03、卫生健康+4.91、住房保障+11.27，合计−90.85万元。",
)
def parts(report: Report) -> Iterable[Finding]:
    classes = {fc["name"] for fc in report.functional_classes}
    if not classes:
        return
    total = _gpb_change(report)
    if total is None:
        return
    by_class: dict[str, dict[str, Any]] = {}
    for c in report.yoy_claims:
        name = re.sub(r"[(（]类[)）]$", "", c["subject"])
        if name in classes and name in FUNCTIONAL_CLASSES.values() and c["change"] is not None:
            by_class.setdefault(name, c)
    if set(by_class) != classes:
        return
    signed = [_sign(c["direction"]) * c["change"] for c in by_class.values()]
    total_signed = _sign(total["direction"]) * total["change"]
    beyond, _ = change_sum_differs(signed, total_signed)
    if not beyond and not sum_differs(signed, total_signed)[0]:
        return
    terms = "、".join(f"{n}{'+' if v >= 0 else ''}{v}" for n, v in zip(by_class, signed))
    s = sum(signed, Decimal(0))
    gone = total_signed < s  # the total fell further: classes spent on last year only may make up the rest
    yield make_finding(
        "yoy.parts",
        "error" if beyond and not gone else "info",
        "一般公共预算财政拨款支出",
        f"文中称一般公共预算财政拨款支出比上年{total['direction']}{total['change']}万元，"
        f"但逐类说明的变动为{terms}万元，合计{s}万元"
        + (
            _GONE.format(diff=s - total_signed, what="类")
            if gone
            else "。"
            if beyond
            else "，" + _TWICE_ROUNDED.format(diff=abs(total_signed - s))
        ),
        f"{total_signed}",
        f"{s}",
        [total["quote"], *(c["quote"] for c in by_class.values())],
    )


@rule(
    "yoy.detail_items",
    title="具体情况逐项的增减之和与总数的增减不符",
    explanation=(
        "没有附报表的情况说明在“具体情况”中逐项写出“支出决算数为X万元，比上年决算增加（减少）Y万元”。"
        "这些项的决算数之和等于一般公共预算财政拨款支出总额时，清单列全了，各项的变动额之和就应等于总额比上年的变动额"
        "（增加为正、减少为负）。对不上时，至少一项的变动额或总数的变动额写错了；总数减少得更多时，差额也可能是"
        "上年有、本年没有支出因而未列出的项，只作提示（清单列出一项本年决算数为0.00万元、写与上年持平时，提示也点出这一项）。"
    ),
    formula="Δ一般公共预算财政拨款支出 = Σ Δ各项支出（清单列全时）",
    tolerance="各数按印出精度的舍入误差之和的两倍（变动额常是两个印出数之差，带两次舍入）；超出为错误（总数减少得更多时为提示，"
    "），"
    "范围内的非零差额记为提示",
    example="总数减少10.04万元，13项的变动额合计−10.05万元：相差0.01，在舍入范围内。",
    expected_label="各项变动之和",
)
def detail_items_change(report: Report) -> Iterable[Finding]:
    from generator.checks.sums import complete_detail_items

    items, claim = complete_detail_items(report), _gpb_change(report)
    if not items or claim is None or any(i.change is None for i in items):
        return  # no list, or one that may leave items out: its changes need not add up
    changes = [i.change for i in items if i.change is not None]
    said = _sign(claim["direction"]) * claim["change"]
    beyond, diff = change_sum_differs(changes, said)
    if diff == 0:
        return
    s = sum(changes, Decimal(0))
    gone = beyond and said < s
    # an item listed with 0.00 and no change ("信息化建设(项):支出决算数为0.00万元，比上年决算持平"): the list names items
    # with no spending, so the gap is no item left out; that one's change is the likelier slip
    idle = next((i for i in items if i.amount == 0 and i.change == 0), None) if gone else None
    yield make_finding(
        "yoy.detail_items",
        "error" if beyond and not gone else "info",
        "一般公共预算财政拨款支出/具体情况",
        f"文中称一般公共预算财政拨款支出比上年{claim['direction']}{claim['change']}万元；具体情况逐项列出的{len(items)}项"
        f"决算数之和等于支出总额（本年有支出的项都已列出），其变动额合计{'却' if beyond else ''}为{s}万元，相差{abs(diff)}万元"
        + (
            f"；相差的{s - said}万元可能是上年有支出、本年没有预算因而未列出的项，文中没有说明；也可能是列出的"
            f"“{idle.name}”（本年决算数0.00万元，写与上年持平）上年有支出、应写减少，或总数的变动额写错了。"
            if idle
            else _GONE.format(diff=s - said, what="项")
            if gone
            else "。"
            if beyond
            else "，在各项四舍五入的误差范围内，属尾数差异。"
        ),
        f"{said}",
        f"{s}",
        [claim["quote"], *(i.quote for i in items)],
    )


# "增加1193.20万元，增长13.95。" — the change's percentage printed without its % sign
_BARE_CHANGE = re.compile(
    r"(?P<word>增长|下降|上升|降低|增加|减少)了?\s*(?P<n>\d[\d,]*(?:\.\d+)?)(?=[。，；;]|,(?!\d))"
)


@rule(
    "yoy.missing_unit",
    title="增减幅度缺少百分号或单位",
    explanation=(
        "“与上年相比增加X万元，增长Y%”中，增减额要有单位，增减幅度要有百分号。数字后直接是句号或逗号时，"
        "读者无法知道它是金额还是百分比，记为警告；紧接在写明单位的增减额之后（“增加1193.20万元，增长13.95。”）的，"
        "看得出是漏了百分号，只作提示。"
    ),
    formula="“增长/下降/增加/减少 + 数字”后应有 % 或单位",
    tolerance="不涉及金额",
    example="一般公共预算财政拨款支出增加1193.20万元，增长13.95。",
    expected_label="应为",
)
def missing_unit(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    for b in doc.blocks:
        if b.table is not None:
            continue
        for m in _BARE_CHANGE.finditer(b.text):
            said = m.group(0)
            # "增加1193.20万元，增长13.95。": the amount is given, so a rate word's bare figure is the percentage
            rate = m.group("word") in ("增长", "下降", "上升", "降低") and CHANGE_BEFORE.search(
                b.text[: m.start()]
            )
            yield make_finding(
                "yoy.missing_unit",
                "info" if rate else "warning",
                f"{said}{place(report, b, m.start(), said)}",
                f"{page_ref(report, b.page_at(m.start()))}写“{said}”，数字{m.group('n')}后面没有百分号或单位，"
                + ("漏了百分号（前面已写出增减金额，这里是幅度）。" if rate else "看不出是金额还是幅度。"),
                said,
                f"{said}%" if m.group("word") in ("增长", "下降", "上升", "降低") else f"{said}万元",
                [Quote(b.text[max(0, m.start() - 30) : m.end()], b.page_at(m.start()), None, block=b)],
            )


# the parts of the 三公 total, as their changes are written beside it: "其中：因公出国（境）费支出与上一年度持平；公务用车
# 购置及运行维护费支出与上一年度持平；公务接待费支出决算减少0.15万元" (规划局), "因公出国（境）费支出0.00万元，……比上年增加
# 0.00万元" (000/002/003); the vehicle money as one part or as its two
_SANGONG_PARTS = (
    ("出国", "abroad"),
    ("公务用车购置及运行维护", "vehicle"),
    ("公务用车购置", "vehicle_purchase"),
    ("公务用车运行维护", "vehicle_operation"),
    ("接待", "reception"),
)


def _sangong_part(subject: str) -> str | None:
    return next((kind for word, kind in _SANGONG_PARTS if word in subject), None)


def sangong_part_claims(
    report: Report,
) -> Iterator[tuple[dict[str, Any], dict[str, dict[str, Any]], list[str]]]:
    """(the 三公 total's change claim, its parts' claims by kind, the kinds that make the whole) for each total whose
    every part states its change: in the total's paragraph, or each in a paragraph of its own after one ending "其中："
    (the national template's "……与上年……相同。其中：" / "因公出国（境）费支出……；" / "公务用车购置费支出……；")."""
    claims = report.yoy_claims
    doc = report.document
    for n, total in enumerate(claims):
        if total.get("metric") != "sangong_total" or "三公" not in total["subject"]:
            continue
        parts: dict[str, dict[str, Any]] = {}
        opens = (
            doc is not None and re.search(r"其中\s*[:：]\s*$", doc.blocks[total["block"]].text) is not None
        )
        last = total["block"] + (5 if opens else 0)
        for c in claims[n + 1 :]:
            if not total["block"] <= c["block"] <= last or "三公" in c["subject"]:
                break
            kind = _sangong_part(c["subject"])
            if kind is not None:
                parts.setdefault(kind, c)
        vehicle = ["vehicle"] if "vehicle" in parts else ["vehicle_purchase", "vehicle_operation"]
        kinds = ["abroad", *vehicle, "reception"]
        if all(k in parts for k in kinds):
            yield total, parts, kinds
        elif doc is not None and (bare := _bare_part(doc, total["block"], last, parts)):
            yield total, parts, bare


# "其中：因公出国（境）费支出与上一年度增加；…": a part's change said with a word and no amount
_BARE_PART = re.compile(
    r"(?P<what>(?P<name>(?:因公出国[（(]境[)）]|公务用车购置及运行维护|公务用车购置|公务用车运行维护|公务接待)费)"
    r"[^，,。；;：:\d]{0,16}?)(?P<dir>增加|减少|增长|下降)了?(?=\s*(?:[，,。；;]|$))"
)


def _bare_part(doc: Document, first: int, last: int, parts: dict[str, dict[str, Any]]) -> list[str] | None:
    """When every part but one states its change and that one is said to go up or down with no amount: the kinds, with
    the bare part's claim added to ``parts`` (no ``change``, ``bare`` set)."""
    for vehicle in (["vehicle"], ["vehicle_purchase", "vehicle_operation"]):
        kinds = ["abroad", *vehicle, "reception"]
        missing = [k for k in kinds if k not in parts]
        if len(missing) != 1:
            continue
        for pos in range(first, min(last, len(doc.blocks) - 1) + 1):
            block = doc.blocks[pos]
            for m in _BARE_PART.finditer(block.text) if block.table is None else ():
                if _sangong_part(m["what"]) == missing[0]:
                    parts[missing[0]] = {
                        "subject": m["name"], "direction": m["dir"], "change": None, "percent": None,
                        "unit": None, "current": None, "bare": True,
                        "quote": Quote(m.group(0), block.page_at(m.start()), None, block=block),
                    }  # fmt: skip
                    return kinds
    return None


@rule(
    "yoy.sangong_parts",
    title="“三公”经费的增减与各项增减之和不符",
    explanation=(
        "“三公”经费由因公出国（境）费、公务用车购置及运行维护费（购置费与运行维护费）、公务接待费三项组成，"
        "没有别的部分，所以“三公”经费比上年的变动额必须等于三项各自变动额之和（增加为正、减少为负，“持平”为0）。"
        "只在同一段中（或总数一段以“其中：”结尾、各项各占一段时）对总数和每一项都写了比上年的变动时比较"
        "（“与上年相同”即持平）。某一项只写“增加”“减少”而没有金额、其余各项都写了变动时，总数的变动减去其余各项，"
        "就是这一项的变动：算出为0（应为持平）记为警告，方向相反且超出舍入范围记为错误。"
    ),
    formula="Δ“三公”经费 = Δ因公出国（境）费 + Δ公务用车购置及运行维护费 + Δ公务接待费",
    tolerance="各数按印出精度的舍入误差之和的两倍（(n+1)×0.01万元：变动额常是两个印出数之差，带两次舍入），超出为错误；"
    "超出一倍而不到两倍的记为提示",
    example="“三公”经费减少0.15万元，其中因公出国（境）费持平、公务用车购置及运行维护费持平、公务接待费减少0.15万元：相符",
    expected_label="各项变动之和",
)
def sangong_parts(report: Report) -> Iterable[Finding]:
    for total, parts, kinds in sangong_part_claims(report):
        if any(parts[k].get("bare") for k in kinds):
            yield from _bare_against_the_rest(total, parts, kinds)
            continue
        if (
            "持平" in total["direction"]
            and report.document is not None
            and _change_stated_before(report.document, total)
        ):
            continue  # "减少0.09万元，下降1.87%，与上年基本持平": the change is stated, 持平 rounds it
        changes = [_signed_or_flat(parts[k]) for k in kinds]
        whole = _signed_or_flat(total)
        if whole is None or any(v is None for v in changes):
            continue
        values = [v for v in changes if v is not None]
        beyond, _ = change_sum_differs(values, whole)
        if not beyond and not sum_differs(values, whole)[0]:
            continue
        s = sum(values, Decimal(0))
        terms = _terms(parts, kinds, values)
        said = (
            f"{total['direction']}{total['change']}万元"
            if total["change"] is not None
            else total["direction"]
        )
        yield make_finding(
            "yoy.sangong_parts",
            "error" if beyond else "info",
            f"三公/{whole}/{s}",
            f"文中称“三公”经费比上年{said}，而其三项的变动为{terms}，合计{s}万元；“三公”经费只由这三项组成，"
            + ("两者应相等。" if beyond else _TWICE_ROUNDED.format(diff=abs(whole - s))),
            said,
            f"{'增加' if s > 0 else '减少' if s < 0 else '持平'}{abs(s) if s else ''}"
            + ("万元" if s else ""),
            [total["quote"], *(parts[k]["quote"] for k in kinds)],
        )


def _bare_against_the_rest(
    total: dict[str, Any], parts: dict[str, dict[str, Any]], kinds: list[str]
) -> Iterator[Finding]:
    """A part said to go up or down with no amount: the total's change less the other parts' is what it moved."""
    (kind,) = [k for k in kinds if parts[k].get("bare")]
    others = [k for k in kinds if k != kind]
    whole = _signed_or_flat(total)
    changes = [_signed_or_flat(parts[k]) for k in others]
    if whole is None or any(v is None for v in changes):
        return
    values = [v for v in changes if v is not None]
    rest = whole - sum(values, Decimal(0))
    bare = parts[kind]
    sign = _sign(bare["direction"])
    if sign * rest > 0:
        return
    beyond, _ = change_sum_differs(values, whole)
    name = re.sub(r"支出(?:决算)?$", "", bare["subject"])
    terms = _terms(parts, others, values)
    said = (
        f"比上年{total['direction']}{total['change']}万元"
        if total["change"] is not None
        else f"与上年{total['direction']}"
        if "持平" in total["direction"]
        else f"比上年{total['direction']}"
    )
    moved = "持平" if rest == 0 else f"{'增加' if rest > 0 else '减少'}{abs(rest)}万元"
    yield make_finding(
        "yoy.sangong_parts",
        "error" if sign * rest < 0 and beyond else "warning",
        f"三公/{kind}/{bare['direction']}",
        f"文中称“三公”经费{said}，其余两项的变动为{terms}；“三公”经费只由三项组成，{name}应为{moved}，"
        f"文中却写{name}{bare['direction']}。",
        f"{name}{bare['direction']}",
        f"{name}{moved}",
        [total["quote"], *(parts[k]["quote"] for k in kinds)],
    )


def _terms(parts: dict[str, dict[str, Any]], kinds: list[str], values: list[Decimal]) -> str:
    """The parts' changes as a message lists them: "公务用车购置及运行维护费持平、公务接待费-0.15万元" (a last item 持平 is no
    "持平万元")."""
    return "、".join(
        re.sub(r"支出(?:决算)?$", "", parts[k]["subject"])
        + ("持平" if "持平" in (parts[k].get("direction") or "") else f"{'+' if v >= 0 else ''}{v}万元")
        for k, v in zip(kinds, values, strict=True)
    )


def _signed_or_flat(claim: dict[str, Any]) -> Decimal | None:
    """The signed change of a 万元 claim; "持平" is 0.00 (printed, as the parts are, to the cent)."""
    if claim.get("unit") not in (None, "万元"):
        return None
    change = signed_change(claim)
    return Decimal("0.00") if change == 0 and claim.get("change") is None else change
