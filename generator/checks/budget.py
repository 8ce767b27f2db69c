"""budget.*: budget-vs-final statements: completion rate, difference rate, execution rate, comparison words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from generator.checks import make_finding, rule
from generator.checks.ratios import pct, percent_severity
from generator.checks.tolerance import half_unit, percent_half_unit, provably_greater, rounded_percent
from generator.extract.narrative import NUM, WAN
from generator.extract.subjects import qualified
from generator.model import Finding, Quote, Report, Severity
from generator.normalize import decimals, parse_amount

_ABOVE = ("大于", "高于", "超过", "多于")
_BELOW = ("小于", "低于", "少于")


def _evidence(claim: dict[str, Any]) -> list[Quote]:
    return [claim["quote"]] + ([claim["word_quote"]] if claim.get("word_quote") else [])


def _subject(claim: dict[str, Any]) -> str:
    return f"{claim['budget_kind']}{claim['budget']}/决算{claim['final']}"


@rule(
    "budget.rate",
    title="预算完成率与金额不符",
    explanation=(
        "“年初预算为X万元，支出决算为Y万元，完成年初预算的Z%”中，Z应等于Y÷X。"
        "文中说的是“年初预算”时用年初预算数作分母；年初预算为零时完成率无法计算，"
        "写出的百分比往往是按全年（调整后）预算算的，属于张冠李戴：同一句写出的全年预算正好得出这个百分比时，"
        "数字是对的、说法错了，记为警告，否则为错误。先写决算数、后写预算数（“支出决算为Y万元，年初预算为X万元”），"
        "或两数与完成率之间插入与上年的比较，同样核对；“决算数为Y万元，为年初预算数X万元的Z%”和“预算执行率Z%”也是这个完成率。"
    ),
    formula="完成率 = 决算数 ÷ 预算数 × 100%",
    tolerance="按印出精度做区间运算；低于区间不到一个末位单位（多为截尾）记为提示；高于区间只容许末位的十分之一（再舍入一次），再多为错误",
    example="年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%：95.89%是对全年预算的完成率。",
)
def rate(report: Report) -> Iterable[Finding]:
    for claim in report.budget_claims:
        stated, final = claim["rate"], claim["final"]
        if stated is None or final is None:
            continue
        if _EXECUTION.search(claim["quote"].quote):
            continue  # "年初预算……，实际支出……，预算执行率……": budget.execution's
        budget, kind = claim["budget"], claim["budget_kind"]
        if claim.get("rate_kind") == "年初预算" and claim.get("initial") is not None:
            budget, kind = claim["initial"], "年初预算"
        elif claim.get("rate_kind") == "全年预算" and kind == "年初预算":
            continue  # "比年初预算0万元增加307.82万元，完成全年预算的95.89%": a rate of a budget the sentence does not state
        if budget is None:
            continue
        if budget == 0:
            if final == 0 and stated == 0:
                continue
            other, wrong_word = "", False
            if claim["budget"] and claim["budget"] != budget:
                other = f"而{claim['final']}÷{claim['budget']}={pct(rounded_percent(final, claim['budget'], stated))}，是对{claim['budget_kind']}的完成率"
                if percent_severity(stated, final, claim["budget"]) is None:
                    # the figure is right for the other budget the sentence states: the word is what is wrong
                    wrong_word, other = True, other + f"，数字不错，错的是“{kind}”几个字"
            yield make_finding(
                "budget.rate",
                "warning" if wrong_word else "error",
                _subject(claim),
                f"文中称{kind}为0万元、决算{final}万元，却写完成{kind}的{pct(stated)}；预算为0时完成率无法计算{('，' + other) if other else ''}。",
                pct(stated),
                "无法计算（预算为0）",
                _evidence(claim),
            )
            continue
        severity = percent_severity(stated, final, budget)
        if severity is None:
            continue
        expected = rounded_percent(final, budget, stated)
        yield make_finding(
            "budget.rate",
            severity,
            _subject(claim),
            f"文中称{kind}{budget}万元、决算{final}万元、完成{pct(stated)}；{final}÷{budget}={pct(expected)}。",
            pct(stated),
            pct(expected),
            _evidence(claim),
        )


@rule(
    "budget.diff_rate",
    title="预决算差异率与金额不符",
    explanation="“全年预算数X万元，决算数Y万元，预决算差异率Z%”中，Z应等于(Y−X)÷X，决算小于预算时为负数。",
    formula="预决算差异率 = (决算数 − 预算数) ÷ 预算数 × 100%",
    tolerance="按印出精度做区间运算（差额带着预算数、决算数两者的舍入误差：0.06与0.05的差异率可在−30.77%到0之间）；"
    "低于区间不到一个末位单位（多为截尾）记为提示；高于区间只容许末位的十分之一（再舍入一次），再多为错误；四舍五入不改变大小次序，印出的两数（同一精度）已分大小时，差异率的正负必须与之相符",
    example="全年预算数4.95万元，决算数4.73万元，预决算差异率−4.44%。",
)
def diff_rate(report: Report) -> Iterable[Finding]:
    for claim in report.budget_claims:
        stated, budget, final = claim.get("diff_rate"), claim["budget"], claim["final"]
        if stated is None or budget is None or final is None:
            continue
        if budget == 0:
            if final == 0 and stated == 0:
                continue
            severity: str | None = "warning"
            expected_text = "无法计算（预算为0）"
        else:
            diff = final - budget
            h = half_unit(budget, final)
            # rounding keeps the order: the sign must agree with the amounts' wherever their print proves one the
            # greater (at one precision any difference does: 0.37 → 0.38 is a rise, whatever lies below the print)
            wrong_sign = (stated < 0 and provably_greater(final, budget)) or (
                stated > 0 and provably_greater(budget, final)
            )
            if abs(diff) > 2 * h:
                # the difference carries the rounding of both amounts ("决算数4.7万元" beside 4.95: 0.20 to 0.305)
                both = half_unit(budget) + half_unit(final)
                magnitude = percent_severity(abs(stated), abs(diff), budget, numerator_half=both)
            else:
                # budget and final agree within their rounding ("8.80 … 8.80 … 差异率0.00%"): the true difference is
                # at most the printed one and 2 half-units, over the budget at its most for a fall and at its least for
                # a rise (0.06 → 0.05 may be 573.53元 and 454.00元, −20.84%; at most 0.02 ÷ 0.065 = 30.77%)
                hs = percent_half_unit(stated)
                base = budget + h if diff < 0 or (diff == 0 and stated < 0) else budget - h
                over = abs(stated) - hs - (abs(diff) + 2 * h) / base * 100 if budget > h else Decimal(0)
                magnitude = None if over <= 0 else ("info" if over <= 2 * hs else "error")
            severity = "error" if wrong_sign else magnitude
            expected_text = pct(rounded_percent(diff, budget, stated))
        if severity is None:
            continue
        yield make_finding(
            "budget.diff_rate",
            severity,  # type: ignore[arg-type]
            _subject(claim),
            f"文中称预算{budget}万元、决算{final}万元、预决算差异率{pct(stated)}；"
            f"({final}−{budget})÷{budget}={expected_text}。",
            pct(stated),
            expected_text,
            _evidence(claim),
        )


_LESS = ("减少", "节约", "少", "结余")


@rule(
    "budget.gap",
    title="决算比预算增减的金额与预决算数不符",
    explanation=(
        "说明中有时在预算数、决算数之后写“比全年预算减少X万元”。X应是两数之差，增减的方向也应与两数的大小一致。"
        "比较的是文中点名的那个预算（年初预算或全年预算）。其后写出增减百分比的（“，下降4.54%”），它应是增减额占预算数的比例。"
    ),
    formula="|决算数 − 预算数| = 所述增减额；决算数 < 预算数 ⇔ 写“减少/节约”；所述百分比 = |决算数 − 预算数| ÷ 预算数",
    tolerance="三个数各有半个末位单位的舍入误差，相差不超过三者之和不报；百分比按印出的精度比较，两个金额的舍入误差计入",
    example="全年预算为321.02万元，支出决算为307.82万元，比全年预算减少13.20万元（321.02 − 307.82 = 13.20）",
    expected_label="按数字应为",
)
def gap(report: Report) -> Iterable[Finding]:
    for claim in report.budget_claims:
        stated, final, kind = claim.get("gap"), claim["final"], claim.get("gap_kind")
        if stated is None or final is None:
            continue
        if kind == claim["budget_kind"] or claim["budget_kind"] == "预算":
            budget = claim["budget"]
        elif kind == "年初预算" and claim.get("initial") is not None:
            budget = claim["initial"]
        else:
            continue  # the gap names a budget the sentence does not state
        if budget is None:
            continue
        diff = final - budget
        less = claim["gap_direction"] in _LESS
        tol = half_unit(budget, final) * 2 + half_unit(stated)
        wrong_way = (less and diff > tol) or (not less and diff < -tol)
        if not wrong_way and abs(abs(diff) - stated) <= tol:
            yield from _gap_percent(claim, str(kind), budget, final)
            continue
        word = "减少" if diff < 0 else "增加" if diff > 0 else "持平"
        expected = f"{word}{abs(diff)}万元" if diff else "持平"
        yield make_finding(
            "budget.gap",
            "error",
            f"{kind}{budget}/决算{final}/{claim['gap_text']}",
            f"文中称{kind}{budget}万元、决算{final}万元，“{claim['gap_text']}”；"
            f"{final}−{budget}={diff}万元，应为比{kind}{expected}。",
            claim["gap_text"],
            expected,
            _evidence(claim),
        )


def _gap_percent(claim: dict, kind: str, budget: Decimal, final: Decimal) -> Iterable[Finding]:
    """ "比年初预算减少463.84万元，下降4.54%": the percentage of a gap that is right, against the two amounts."""
    stated = claim.get("gap_percent")
    if stated is None or budget <= 0:
        return
    diff = final - budget
    both = half_unit(budget) + half_unit(final)
    down = claim.get("gap_percent_direction") in ("下降", "降低")
    wrong_way = (down and diff > 2 * both) or (not down and diff < -2 * both)
    severity = "error" if wrong_way else percent_severity(stated, abs(diff), budget, numerator_half=both)
    if severity is None:
        return
    expected = pct(rounded_percent(abs(diff), budget, stated))
    said = f"{claim['gap_percent_direction']}{pct(stated)}"
    yield make_finding(
        "budget.gap",
        severity,  # type: ignore[arg-type]
        f"{kind}{budget}/决算{final}/{said}",
        f"文中称{kind}{budget}万元、决算{final}万元，“{claim['gap_text']}，{said}”；"
        f"|{final}−{budget}|÷{budget}={expected}" + ("，方向也相反。" if wrong_way else "。"),
        said,
        f"{'下降' if diff < 0 else '增长'}{expected}",
        _evidence(claim),
    )


@rule(
    "budget.word",
    title="“大于/小于/持平”与预决算数不符",
    explanation=(
        "说明中常写“决算数小于预算数的主要原因……”。这个比较词必须与紧挨着的两个金额一致："
        "决算大于预算写“大于/高于/超过”，小于写“小于/低于”，相等写“等于/持平”；"
        "“基本持平”允许差额在预算数的5%以内。比较词写明“年初预算”或“全年预算”的，与句中那一个预算数比较"
        "（“年初预算为0万元，全年预算为321.02万元……决算数大于年初预算数”比的是0）。紧接着的原因里再次比较整项的支出"
        "（“决算数小于全年预算数的主要原因：人员变动引起实际支出低于预算”，原因另起一句“……。主要原因：……”也一样）时，这个比较也要与两个金额一致（两数超出舍入范围时才核对；"
        "原因写明的年初或全年预算须是句中那一个；说的是部分项目的支出、上年的情况或年中调整后的预算时不核对）。"
    ),
    formula="sign(决算数 − 预算数) 与比较词一致",
    tolerance=(
        "“等于/持平”容许两数相差不超过0.01万元（各自舍入所致）；“大于/小于”按印出的两数比较，同一精度下印出的大小即是实际的大小；"
        "两数精度不同（“2.2”与“2.22”）时，只有舍入区间不重叠才算分出大小；"
        "两数印得一样而精度粗于0.01万元（“2.2”与“2.2”）时大小无从判断，不报；两数印到0.01万元相同而文中写大于或小于时，"
        "差额可能不足50元，只作提示，同句写的完成率（“完成预算的99.94%”）与比较词一致的不报；“基本持平”容许差额≤预算数×5%"
    ),
    example="年初预算为1560.05万元，支出决算为1511.89万元。决算数大于预算数的主要原因……（应为小于）",
    expected_label="按数字应为",
)
def word(report: Report) -> Iterable[Finding]:
    for claim in report.budget_claims:
        w, budget, final = claim.get("word"), claim["budget"], claim["final"]
        kind = claim["budget_kind"]
        if claim.get("word_kind") == "年初预算" and kind != "年初预算":
            # "决算数大于年初预算数" after "年初预算为0万元，全年预算为321.02万元": the word's budget is the 年初 one
            budget, kind = claim.get("initial"), "年初预算"
        elif kind == "年初预算" and (
            claim.get("word_kind") == "全年预算"
            or (claim.get("word_kind") is None and claim.get("rate_kind") == "全年预算")
        ):
            continue  # the sentence states no 全年 amount, and the word names it, or names none after a 全年 rate
        if not w or budget is None or final is None:
            continue
        yield from _reason_word(claim, budget, final, kind)
        h = half_unit(budget, final)
        diff = final - budget  # the word compares the printed amounts
        equal = abs(diff) <= 2 * h
        # at two precisions ("2.2" and "2.22") the order is open unless their rounding intervals are apart; two
        # amounts printed equal coarser than the tables' 0.01 ("2.2" and "2.2", "10" and "10") may be 2.23 and 2.22
        coarse_tie = diff == 0 and decimals(budget) < 2 and budget != 0
        if w.startswith(_ABOVE):
            ok = (
                diff > 0
                or coarse_tie
                or (decimals(budget) != decimals(final) and not provably_greater(budget, final))
            )
        elif w.startswith(_BELOW):
            ok = (
                diff < 0
                or coarse_tie
                or (decimals(budget) != decimals(final) and not provably_greater(final, budget))
            )
        elif "基本持平" in w:
            ok = equal or (budget > 0 and abs(diff) <= budget * Decimal("0.05"))
        else:  # 等于 / 持平
            ok = equal
        if ok:
            continue
        # printed equal at 0.01万元 ("0.03" and "0.03"): 决算 may still be 小于 by less than 50元
        tie = diff == 0 and budget != 0 and w.startswith(_ABOVE + _BELOW)
        rate, rate_kind = claim.get("rate"), claim.get("rate_kind")
        # "……2.69万元……2.69万元，完成预算的99.94%，决算数小于预算数": the sentence's own rate shows the word true
        shown = tie and rate is not None and rate != 100 and rate_kind in (None, "预算", kind)
        if shown and (rate is not None and rate < 100) == w.startswith(_BELOW):
            continue
        actual = "大于" if diff > 0 else "小于" if diff < 0 else "等于"
        word_shown = re.sub(r"^(?:与|同)", "", w)
        if word_shown.startswith(("大", "小", "等", "高", "低", "超", "多", "少")):
            said = word_shown + "预算数"
        else:  # "与预算数基本持平", "与全年预算数持平" name the budget already; "持平" alone does not
            said = w if "预算" in w else "与预算数" + w
        yield make_finding(
            "budget.word",
            "info" if tie else "error",
            _subject(claim),
            f"文中称决算数{said}，但{kind}为{budget}万元、决算为{final}万元，决算数{actual}预算数"
            + ("（印出的两数相同；两者之差不足印出精度的一半时，这个说法也可能成立）。" if tie else "。"),
            w,
            actual,
            _evidence(claim),
        )


def _reason_word(claim: dict[str, Any], budget: Decimal, final: Decimal, kind: str) -> Iterator[Finding]:
    """The reason after the word compares again ("决算数小于全年预算数的主要原因：……实际支出低于预算"): against the figures
    when they differ beyond their rounding (the word itself is the rule's main check)."""
    said = claim.get("reason_word")
    if claim.get("reason_kind") not in (None, kind):
        return  # "……实际支出低于全年预算" beside a 年初 budget: another budget than the sentence's
    if (
        not said
        or said.startswith("等")
        or not (provably_greater(final, budget) or provably_greater(budget, final))
    ):
        return
    above = provably_greater(final, budget)
    if said.startswith(_ABOVE) == above:
        return
    actual = "大于" if above else "小于"
    yield make_finding(
        "budget.word",
        "error",
        f"{_subject(claim)}/原因",
        f"文中说明原因时写“{claim['reason_quote'].quote}”，但{kind}为{budget}万元、决算为{final}万元，决算数{actual}预算数"
        "：原因里的比较与数字相反。",
        said,
        actual,
        [*_evidence(claim), claim["reason_quote"]],
    )


_SHORT_OF = ("未完成", "未能完成", "没有完成", "未达到", "未达")
# …and of a year's task: "未达到年度任务的130%"
_TASK_VERB = re.compile(
    r"(?P<verb>超额完成|未能?完成|没有完成|未达到?)了?(?:全?年度?)?(?:目标|计划)?(?:任务)?(?:数)?的\s*"
    r"(?P<rate>\d+(?:\.\d+)?)\s*%"
)


def _rate_refutes(verb: str, rate: Decimal) -> bool:
    """Whether a printed rate shows the verb before it wrong: "未完成" over 100%. ("超额完成……的6.02%" may mean exceeded
    by 6.02%: the rate alone refutes no 超额完成.)"""
    return verb != "超额完成" and rate - percent_half_unit(rate) > 100


def _verb_message(said: str, verb: str, amounts: str = "") -> str:
    over = verb == "超额完成"
    return (
        f"文中写“{said}”，但{amounts}完成率{'不足' if over else '超过'}100%，"
        f"{'谈不上超额完成' if over else '并非' + verb}。"
    )


@rule(
    "budget.rate_verb",
    title="“超额完成/未完成”与完成率不符",
    explanation=(
        "“完成年初预算的Z%”前的说法要与数字一致：“超额完成”说的是决算超过预算、完成率高于100%，"
        "“未完成”“未达到”说的是决算不足预算、完成率低于100%。句中的两个金额或印出的完成率证明相反时，"
        "说法是错的（常见于套用上年的句子，数字更新了、词没改）。“未达到年度任务的130%”同理。只有完成率而无金额时，"
        "“超额完成……的6.02%”可能指超出6.02%，不报。"
    ),
    formula="超额完成 ⇒ 决算数 > 预算数（完成率 > 100%）；未完成 ⇒ 决算数 < 预算数（完成率 < 100%）",
    tolerance="两个金额按各自的舍入区间比较大小，完成率按其印出精度；区间相交、分不出大小的不报",
    example="年初预算2,191.56万元，支出决算1,397.29万元，超额完成年初预算的63.76%（决算少于预算，不是超额完成）",
    expected_label="按数字应为",
)
def rate_verb(report: Report) -> Iterable[Finding]:
    for claim in report.budget_claims:
        verb, rate = claim.get("rate_verb"), claim.get("rate")
        if rate is None or verb not in ("超额完成", *_SHORT_OF):
            continue
        over = verb == "超额完成"
        budget, final, kind = claim["budget"], claim["final"], claim["budget_kind"]
        # the sentence's own amounts, when the rate is of the budget it states
        amounts = claim.get("rate_kind") in (None, "预算", kind) and bool(budget) and final is not None
        by_amounts = amounts and (
            provably_greater(budget, final) if over else provably_greater(final, budget)
        )
        if not (by_amounts or _rate_refutes(verb, rate)):
            continue
        shown = f"{kind}为{budget}万元、决算为{final}万元，决算数{'小于' if over else '大于'}预算数，"
        said = f"{verb}{claim.get('rate_kind') or '预算'}的{rate}%"
        yield make_finding("budget.rate_verb", "error", _subject(claim),
                           _verb_message(said, verb, shown if by_amounts else ""), verb, "完成", _evidence(claim))  # fmt: skip
    places: dict[str, list[Quote]] = {}  # each wording once, with every place it stands
    for block in report.document.blocks if report.document else []:
        for m in _TASK_VERB.finditer(block.text) if "任务" in block.text else ():
            places.setdefault(m.group(0), []).append(
                Quote(m.group(0), block.page_at(m.start()), None, block=block)
            )
    for text, quotes in places.items():
        task = _TASK_VERB.fullmatch(text)
        assert task is not None
        verb = task.group("verb")
        if _rate_refutes(verb, Decimal(task.group("rate"))):
            yield make_finding("budget.rate_verb", "error", text, _verb_message(text, verb), verb,
                               "完成" if verb == "超额完成" else "达到", quotes)  # fmt: skip


# "全年预算数为869.05万元，全年执行数为830.26万元，总预算执行率为99.55%"; a list's items
# "⑤高校毕业生招聘工作经费年初预算20万，全年使用数19.76万，资金使用率98.80%" (万 for 万元); 001's 项目绩效分析 cells
# "全年预算数29.553203万元，全年支出数29.553203万元，预算执行100%" (率 left out) and "……全年支出数为8.93万元。预算执行率为
# 100%" (the rate opening the next sentence)
_EXECUTION_AMOUNTS = (
    rf"(?P<kind>全年|年初)?预算(?:数|总额)?为?\s*{NUM}\s*万元?[，,、]\s*(?:全年|实际)?(?:执行|支出|使用)(?:数|总额|金额)?为?\s*"
    r"(?P<f>-?\d[\d,]*(?:\.\d+)?)\s*万元?"
)
_EXECUTION_RATE = r"(?:总)?(?:预算)?(?:执行率|资金使用率|(?<=预算)执行(?=\s*\d))(?:为|达到|达)?\s*(?P<rate>-?\d[\d,]*(?:\.\d+)?)\s*%"
_EXECUTION = re.compile(_EXECUTION_AMOUNTS + r"[，,。；;]\s*" + _EXECUTION_RATE)
# …the rate first: "预算执行率为99.55%，全年预算数为869.05万元，全年执行数为830.26万元", also with the amounts in brackets
# ("预算执行率91.69%（全年预算数3127.86万元，全年执行数3008.6万元）")
_EXECUTION_FIRST = re.compile(_EXECUTION_RATE + r"\s*[，,（(]\s*" + _EXECUTION_AMOUNTS)


@rule(
    "budget.execution",
    title="预算执行率与金额不符",
    explanation=(
        "绩效自评的文字常写“全年预算数为X万元，全年执行数为Y万元，总预算执行率为Z%”，或逐项写“年初预算X万，"
        "全年使用数Y万，资金使用率Z%”（执行率也可以写在前面）。执行率是执行（使用）数除以同一句所写的预算数，Z必须等于Y÷X。"
        "预算数为0而写出执行率时，这个执行率无法由本句的数算出，作为提示列出。"
    ),
    formula="执行率 = 执行（使用）数 ÷ 同一句所写的预算数（全年或年初） × 100%",
    tolerance="按印出精度做区间运算；低于区间不到一个末位单位（多为截尾）记为提示；高于区间只容许末位的十分之一（再舍入一次），再多为错误",
    example="全年预算数为869.05万元，全年执行数为830.26万元，总预算执行率为99.55%：830.26÷869.05=95.54%。",
)
def execution(report: Report) -> Iterable[Finding]:
    if report.document is None:
        return
    for block in report.document.blocks:
        stated_after = list(_EXECUTION.finditer(block.text))
        # (a rate closing one sentence and opening the next is read once, with the amounts before it)
        for m in stated_after + [
            m
            for m in _EXECUTION_FIRST.finditer(block.text)
            if not any(o.start() <= m.start() < o.end() for o in stated_after)
        ]:
            budget, final, stated = (parse_amount(m.group(g)) for g in ("n", "f", "rate"))
            if budget is None or final is None or stated is None or budget == final == 0:
                continue
            kind = f"{m['kind'] or ''}预算数"
            expected: str
            if budget == 0:
                severity: Severity | None = "info"
                expected = "无法计算（预算为0）"
                message = (
                    f"文中称{kind}0万元、执行（使用）{final}万元、执行率{pct(stated)}；{kind}为0时执行率无法计算，"
                    f"{pct(stated)}不是按这句话的数算出的（多半按调整后的预算计算，与同列各项的口径不一）。"
                )
            else:
                severity = percent_severity(stated, final, budget)
                expected = pct(rounded_percent(final, budget, stated))
                message = f"文中称{kind}{budget}万元、全年执行数{final}万元、执行率{pct(stated)}；{final}÷{budget}={expected}。"
            if severity is None:
                continue
            yield make_finding(
                "budget.execution",
                severity,
                f"执行率{budget}/{final}",
                message,
                pct(stated),
                expected,
                [Quote(m.group(0), block.page_at(m.start()), None, block=block)],
            )


@rule(
    "sum.budget_items",
    title="具体情况所列各项决算数之和与总数不符",
    explanation=(
        "“财政拨款支出年初预算数为X万元，支出决算数为Y万元，完成年初预算的Z%，其中：”之后逐项列出"
        "“1、…（项）年初预算为…，支出决算为…”时，所列各项是总数的组成部分，其决算数之和不能超过总数Y；"
        "超过即为错误。各项之和小于总数时，可能是只列了主要项目，所以只作提示。"
        "只核对编号从1起连续、每项都写明决算数的清单。各项决算数之和正好等于总数时，所列包括了全部有支出的项目，"
        "各项的年初预算数之和也应等于年初预算总数（各项写全年预算数、总数也写全年预算数的，比较全年预算数）：超过总数为错误，"
        "不足总数只作提示（差额可能是有预算而全年未支出、因而未列出的项目）。"
        "清单以“其中：”开始，可以在总数那一段的末尾，也可以在其后说明原因的一段末尾。"
    ),
    formula="Σ 所列各项支出决算数 ≤ 支出决算总数（全部列出时相等）；全部列出时 Σ 各项年初（全年）预算数 = 年初（全年）预算总数",
    tolerance="(n+1)×半个末位单位（按印出精度）；决算数之和超出总数为错误、不足为提示；预算数之和超出为错误、不足为提示",
    example="支出决算数840.77万元 = 449.89 + 57.60 + 49.75 + 68.96 + 34.46 + 119.03 + 13.99 + 27.09 + 20（万元）",
)
def budget_items(report: Report) -> Iterable[Finding]:
    from generator.checks.tolerance import fmt, sum_differs
    from generator.extract import _toc_blocks
    from generator.extract.claims import budget_item_lists

    if report.document is None:
        return
    for lst in budget_item_lists(report.document, _toc_blocks(report.document)):
        total, items = lst["final"], lst["items"]
        if total is None:
            continue
        lead = re.sub(r"[（(][^（）()]*[）)]", "", lst["lead"])  # (not an aside: "（上年决算为3000.00万元）")
        lead = re.sub(r"(?:(?:一般公共预算)?财政拨款)?(?:支出)?\s*$", "", lead)
        if qualified(lead, report.agency, report.year):
            continue  # "本局本级……支出决算为2450.00万元，其中：" may list the unit's items, not the 本级's
        parts = [i["final"] for i in items]
        beyond, diff = sum_differs(parts, total)
        budgets = [i.get("budget") for i in items]
        kind = lst.get("budget_kind") or "年初预算"
        same_kind = all(i.get("budget_kind") == lst.get("budget_kind") for i in items)  # 全年 with 全年
        if not beyond and lst.get("budget") is not None and same_kind and all(b is not None for b in budgets):
            # the 决算 figures add up, so the list is complete: its 年初预算 figures must add up too
            b_total, b_parts = lst["budget"], [b for b in budgets if b is not None]
            b_beyond, b_diff = sum_differs(b_parts, b_total)
            if b_diff != 0:
                b_sum = sum(b_parts, Decimal(0))
                # listed budgets short of the total may be items budgeted and never spent: with a 决算 of 0 they leave
                # the 决算 sum whole and need not be listed (004: 838.98 of 897.32); over it, nothing left out explains it
                short = b_sum < b_total
                yield make_finding(
                    "sum.budget_items",
                    "error" if b_beyond and not short else "info",
                    f"具体情况/{kind}{fmt(b_total)}",
                    f"文中称{kind}数为{fmt(b_total)}万元，其后逐项列出的{len(items)}项决算数之和与支出决算数"
                    f"{fmt(total)}万元相符{'' if diff == 0 else f'（相差{fmt(abs(diff))}万元，属尾数差异）'}，"
                    f"但这些项目的{kind}数之和为{fmt(b_sum)}万元，"
                    f"相差{fmt(abs(b_diff))}万元"
                    + (
                        "，在各项四舍五入的误差范围内，属尾数差异。"
                        if not b_beyond
                        else "；差额只可能是有预算而全年未支出（决算为0）、未列出的项目，文中没有说明，否则是总数或某项数字有误。"
                        if short
                        else "；所列各项的预算数合计超过了总数。"
                    ),
                    fmt(b_total),
                    fmt(b_sum),
                    [lst["quote"], *(i["quote"] for i in items)],
                )
        if diff == 0:
            continue
        computed = sum(parts, Decimal(0))
        severity: Severity
        head = f"文中称支出决算数为{fmt(total)}万元，其后逐项列出的{len(items)}项决算数之和为{fmt(computed)}万元，"
        if not beyond:
            severity, tail = "info", f"相差{fmt(abs(diff))}万元，在各项四舍五入的误差范围内，属尾数差异。"
        elif computed > total:
            severity, tail = (
                "error",
                f"比总数多{fmt(-diff)}万元；所列各项是总数的组成部分，合计不能超过总数。",
            )
        else:
            severity = "info"
            tail = (
                f"比总数少{fmt(diff)}万元；如果所列是全部项目，则总数或某项数字有误，也可能只列了主要项目。"
            )
        yield make_finding(
            "sum.budget_items",
            severity,
            f"具体情况/{fmt(total)}",
            head + tail,
            fmt(total),
            fmt(computed),
            [lst["quote"], *(i["quote"] for i in items)],
        )


# "其中：因公出国（境）费决算为0.00万元，完成预算的0.00%；……公务接待费支出决算为0.39万元，完成预算的13.68%"
_SANGONG_ITEM_RATE = re.compile(
    r"(?P<item>因公出国[（(]境[）)]费|公务用车购置及运行(?:维护)?费|公务用车购置费|公务用车运行(?:维护)?费|公务接待费)"
    rf"(?:支出)?(?:决算数?)为?\s*(?P<f>{NUM})\s*{WAN}[，,]\s*完成(?:年初)?预算(?:数)?的?\s*(?P<rate>-?\d+(?:\.\d+)?)\s*%"
)


def _sangong_item(name: str) -> str:
    if name.startswith("因公出国"):
        return "因公出国（境）费"
    if name.startswith("公务用车购置及"):
        return "公务用车购置及运行维护费"
    if name.startswith("公务用车运行"):
        return "公务用车运行维护费"
    return name


_SANGONG_PARTS = ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")


def _blank_is_zero(budget: dict[str, Decimal | None], item: str) -> bool:
    """A blank 预算数 that the table's own total leaves no room for (财政局: 合计 0.95 = 公务接待费 0.95, with
    因公出国 and 公务用车 blank): the parts are never negative, so it is 0."""
    if item in ("公务用车购置费", "公务用车运行维护费"):
        parent = budget.get("公务用车购置及运行维护费")
        return parent == 0 or (parent is None and _blank_is_zero(budget, "公务用车购置及运行维护费"))
    total, stated = budget.get("合计"), [budget.get(k) for k in _SANGONG_PARTS]
    return item in _SANGONG_PARTS and total is not None and total == sum(v for v in stated if v is not None)


@rule(
    "budget.sangong_rate",
    title="“三公”经费分项的预算完成率与报表不符",
    explanation=(
        "情况说明逐项写“因公出国（境）费决算为Y万元，完成预算的Z%”，句中不写预算数；预算数在公开09表"
        "“三公”经费支出决算表的该项预算数栏。Z应等于Y÷预算数。预算数为0时完成率无法计算："
        "决算也为0时写“0.00%”只是没有意义（提示），决算大于0时则不成立（错误）。"
    ),
    formula="完成率 = 情况说明所述决算数 ÷ 公开09表该项预算数 × 100%",
    tolerance="按印出精度做区间运算；低于区间不到一个末位单位（多为截尾）记为提示；高于区间只容许末位的十分之一（再舍入一次），再多为错误；09表该项预算数空白时不核对，"
    "除非合计已等于其余分项之和（分项不为负，空白的一项只能是0）",
    example="公开09表因公出国（境）费预算数0.00万元，情况说明写“决算为0.00万元，完成预算的0.00%”",
    expected_label="应为",
)
def sangong_rate(report: Report) -> Iterable[Finding]:
    from generator.checks.sums import sangong, table_name

    table = None
    for block in report.document.blocks if report.document else []:
        if block.table is not None or "完成" not in block.text:
            continue
        for m in _SANGONG_ITEM_RATE.finditer(block.text):
            table = table or sangong(report)
            if table is None:
                return
            item = _sangong_item(m.group("item"))
            budget = table.budget.get(item)
            blank = budget is None and _blank_is_zero(table.budget, item)
            budget = Decimal(0) if blank else budget
            final, stated = parse_amount(m.group("f")), Decimal(m.group("rate"))
            if budget is None or final is None:
                continue
            evidence = [Quote(m.group(0), block.page_at(m.start()), None, block=block), table.quote]
            subject = f"{item} 决算{final} 完成{stated}%"
            if budget == 0:
                severity: Severity = "info" if final == 0 and stated == 0 else "error"
                why = (
                    f"空白（合计{table.budget['合计']}万元正好等于其余分项之和，该项只能为0）"
                    if blank
                    else "为0"
                )
                yield make_finding(
                    "budget.sangong_rate",
                    severity,
                    subject,
                    f"{table_name('公开09表')}中{item}预算数{why}，情况说明写决算{final}万元、“完成预算的{pct(stated)}”；"
                    "预算为0时完成率无法计算"
                    + (
                        "，宜写“预算为0，未发生支出”。"
                        if severity == "info"
                        else "，决算大于0更说明所写比率不成立。"
                    ),
                    pct(stated),
                    "无法计算（预算为0）",
                    evidence,
                )
                continue
            off = percent_severity(stated, final, budget)
            if off is None:
                continue
            expected = rounded_percent(final, budget, stated)
            yield make_finding(
                "budget.sangong_rate",
                off,
                subject,
                f"情况说明称{item}决算{final}万元、完成预算的{pct(stated)}；{table_name('公开09表')}该项预算数为{budget}万元，"
                f"{final}÷{budget}={pct(expected)}。",
                pct(stated),
                pct(expected),
                evidence,
            )
