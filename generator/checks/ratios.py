"""ratio.*: a stated share ("占…%") recomputed from the amounts it is a share of."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from generator.checks import make_finding, page_ref, place, rule
from generator.checks.tolerance import (
    half_unit,
    interval_verdict,
    percent_consistent,
    percent_half_unit,
    ratio_bounds,
    rounded_percent,
)
from generator.extract.claims import INCOME_PARTS, METRIC_NAMES, SPENDING_PARTS
from generator.extract.narrative import WAN
from generator.model import Block, Finding, Quote, Report, Severity
from generator.normalize import parse_amount

# Shares the narrative lists without naming the whole: the whole is the section's total.
_SANGONG_PARTS = ("因公出国", "公务用车", "公务接待")

_WHOLE_NAMES = {
    "income_this_year": "本年收入合计",
    "expenditure_this_year": "本年支出合计",
    "gpb_expenditure": "一般公共预算财政拨款支出",
    "fiscal_expenditure": "财政拨款支出",
    "sangong_total": "“三公”经费支出",
    "procurement_total": "政府采购支出总额",
    "gpb_basic": "一般公共预算财政拨款基本支出",
    "expenditure_basic": "基本支出",
    "sangong_budget": "“三公”经费预算",
    "gpb_basic_personnel": "人员经费",
    "gpb_basic_public": "公用经费",
}
# any other figure a share names ("占收入支出总计的…%"): the first of the names the narrative gives it
for _name, _key in METRIC_NAMES:
    _WHOLE_NAMES.setdefault(_key, _name)


def percent_severity(
    stated: Decimal,
    numerator: Decimal,
    denominator: Decimal,
    counts: bool = False,
    numerator_half: Decimal | None = None,
) -> Severity | None:
    """None when the printed percentage can be the rounded ratio of the printed amounts; else tolerance.interval_verdict
    (a truncation or a double rounding is ``info``). ``counts``: whole numbers are exact counts (tolerance.ratio_bounds)."""
    bounds = ratio_bounds(numerator, denominator, counts, numerator_half)
    return None if bounds is None else interval_verdict(stated, *bounds)


def count_percent_severity(part: Decimal, whole: Decimal, stated: Decimal) -> Severity | None:
    """Like percent_severity, for counts that are exact (head counts, cases): only the percentage is rounded.
    None within its half unit, info within one unit more (a cut rather than a rounding), else error."""
    if not whole:
        return None
    off = abs(part / whole * 100 - stated) / percent_half_unit(stated)
    return None if off <= 1 else "info" if off <= 3 else "error"


def pct(value: Decimal) -> str:
    return f"{value}%"


def whole_of(report: Report, claim: dict[str, Any]) -> tuple[Decimal, str, Quote | None] | None:
    """The amount a share is a share of, with its name and where the report states it: the whole the share
    names ("占基本支出的4.09%") when the report states it, else the sentence's own whole ("…万元，其中：")."""
    named = _named_whole(report, claim.get("denominator_metric"))
    den = claim.get("denominator_label")
    if den and named is None and claim.get("denominator_metric") is None:
        return None  # "占项目支出的……": a whole the share names that no figure of the report gives, not the sentence's
    if den and named is None and claim.get("parent") is not None:
        # the whole named is not read: the sentence's whole only if it is the one named ("政府采购支出总额1.03万元，其中：
        # ……占政府采购支出总额的……"), not a part before it ("授予中小企业合同金额13.17万元，占政府采购支出总额的19.35%，
        # 其中：授予小微企业……占政府采购支出总额的8.54%")
        head = re.sub(r"\s+", "", (claim.get("lead") or "").split("其中")[0])
        at = head.find(re.sub(r"\s+", "", den))
        if at < 0 or "占" in head[:at]:
            return None
    if claim.get("parent") is not None:
        if named is not None and named[0] != claim["parent"]:
            # "工资福利支出133.4万元，其中……；公用经费5.87万元，占基本支出的4.09%": the whole named, not the sentence's
            return named
        return claim["parent"], "同句所述合计", claim.get("parent_quote")
    if claim.get("parent_unread"):
        return None  # the sentence states its whole, but OCR garbled the figure: not another figure instead
    key = claim.get("denominator_metric")
    label = claim["label"]
    lead = claim.get("lead") or ""
    if key is None and not claim.get("denominator_label"):
        if "(类)" in label or "（类）" in label:
            key = (
                "fiscal_expenditure"
                if "财政拨款支出" in lead and "一般公共预算" not in lead
                else "gpb_expenditure"
            )
        elif any(label.startswith(n) for n in _SANGONG_PARTS):
            key = "sangong_total"
        elif label in INCOME_PARTS:
            key = "income_this_year"
        elif label in SPENDING_PARTS:
            # in the 一般公共预算财政拨款支出 sections, 基本支出 and 项目支出 are that money's ("……其中基本支出和项目支出分别
            # 为……"), not the year's (section 四's "财政拨款收入支出" may well speak of the year's: "全年支出中，基本支出……")
            quote = claim.get("quote")
            section = (quote.section or "") if isinstance(quote, Quote) else ""
            key = "gpb_expenditure" if "一般公共预算财政拨款支出" in section else "expenditure_this_year"
    return _named_whole(report, key)


def _other_wholes(report: Report, claim: dict[str, Any]) -> list[Decimal]:
    """Every statement of the whole a share names (else the sentence's own whole): a share that is right against one
    of them is no slip of its own (where they differ, text_table.* reports the two statements). A whole named is
    that whole: "占支出总计的44.90%" of 本年支出合计 is wrong, though the sentence states 本年支出合计."""
    key = claim.get("denominator_metric")
    if not key:
        if isinstance(claim.get("parent"), Decimal):
            # (a part's own part may be given as a share of the sentence's whole: "其中：行政单位离退休84.65万元，占2.88%")
            return [claim["parent"], *([o] if isinstance(o := claim.get("outer_parent"), Decimal) else [])]
        quote = claim.get("quote")
        if (
            claim.get("label") in SPENDING_PARTS
            and isinstance(quote, Quote)
            and "财政拨款" in (quote.section or "")
        ):
            # 基本支出/项目支出 with no whole named, in a 财政拨款 section: the year's or that money's
            keys = ("expenditure_this_year", "fiscal_expenditure", "gpb_expenditure")
            return [
                v.amount for k in keys if (v := report.metrics.get(k) or report.narrative.get(k)) is not None
            ]
        return []
    key = _stated_as(report, key)
    return [
        value.amount
        for source in (report.metrics, report.narrative)
        if (value := source.get(key)) is not None
    ]


def _stated_as(report: Report, key: str) -> str:
    """The metric a whole is stated as: 基本支出 is the year's where no 财政拨款基本支出 is stated."""
    return "expenditure_basic" if key == "gpb_basic" and report.metrics.get("gpb_basic") is None else key


def _named_whole(report: Report, key: str | None) -> tuple[Decimal, str, Quote | None] | None:
    if key is None:
        return None
    key = _stated_as(report, key)
    value = report.metrics.get(key) or report.narrative.get(key)
    if value is None:
        return None
    return value.amount, _WHOLE_NAMES.get(key, key), value.quote


def _share_severity(stated: Decimal, amount: Decimal, whole: Decimal, part: bool) -> Severity | None:
    """percent_severity of a share; of a ``part`` no larger than its printed whole, the share is at most 100% (0.62 of
    0.62 is 100%, not up to 101.6% as the two roundings alone allow)."""
    bounds = ratio_bounds(amount, whole)
    if bounds is None:
        return None
    high = min(bounds[1], Decimal(100)) if part and amount <= whole else bounds[1]
    return interval_verdict(stated, bounds[0], high)


_AMOUNT_IN = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:为|是)?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*{WAN}")


@rule(
    "ratio.share",
    title="占比与金额不符",
    explanation=(
        "情况说明写“某项X万元，占Y%”时，用同一句里的合计（“本年收入…万元，其中：…”）、"
        "文中点名的合计（“占本年支出合计的…%”）或所在段落的合计（按功能分类列出的各类支出占"
        "一般公共预算财政拨款支出，“三公”经费各项占“三公”经费合计）重新计算这个百分比。"
        "占比写在金额之前（“基本支出占79.49%，为2336.91万元”）或列在各项金额之后（“占比分别为……”）的同样核对；"
        "一个金额分别占两个合计（“占本年支出合计和本年收入合计的比重分别为……”）时，各按所点名的合计核对。"
        "点名的合计读不到时，同一句里的数只有是这个合计本身才用来核对（“授予中小企业合同金额……，占政府采购支出总额的……，"
        "其中：授予小微企业……”里的中小企业金额不是小微企业占比的合计）。"
        "金额和百分比都是四舍五入后印出的，所以比较的是这些印出数字所允许的整个区间。"
        "印出的百分比正好是这项金额除以同一处写的另一个数（如预算数）时，是完成率写成了“占”，记为警告。"
    ),
    formula="占比 = 分项金额 ÷ 合计金额 × 100%",
    tolerance=(
        "按印出精度做区间运算：金额各有±0.005万元、百分比有±0.005个百分点的舍入误差，区间内不报；"
        "一项不会超过它的合计，区间的上限至多100%（“三公”经费预算、支出占收入不算，它们可以超过）；"
        "低于区间不到一个末位单位（多为截尾而非四舍五入）记为提示；高于区间只容许末位的十分之一（再舍入一次），"
        "更大的差异记为错误。"
    ),
    example="一般公共服务支出（类）2106.66万元，占71.73%；按一般公共预算财政拨款支出2940.05万元计算应为71.65%。",
)
def share(report: Report) -> Iterable[Finding]:
    for claim in report.share_claims:
        amount, stated = claim["amount"], claim["percent"]
        whole = whole_of(report, claim)
        if amount is None or stated is None or whole is None:
            continue
        total, name, quote = whole
        # a part is no more than its whole (a 三公 budget, which spending may pass, is no whole of it; nor is income of
        # spending: "本年支出合计……，占本年收入合计的100.21%")
        part = claim.get("denominator_metric") != "sangong_budget" and (
            ("收入" in str(claim["label"])) == ("收入" in name)
        )
        severity = _share_severity(stated, amount, total, part)
        if severity is None or any(
            _share_severity(stated, amount, w, part) is None for w in _other_wholes(report, claim)
        ):
            continue  # right against the whole another place states (the text's 5377.64 where 公开06表 has 5364.75)
        expected = rounded_percent(amount, total, stated)
        evidence = [claim["quote"]] + ([quote] if quote is not None and quote != claim["quote"] else [])
        # where the wrong figure comes from: the amount over another sum the quotes state (004: 公务接待费 1.16 "占82.86%"
        # is 1.16 ÷ 1.40, the 三公 budget in the same sentence as the whole)
        over = [
            (x, m)
            for q in evidence
            for m in _AMOUNT_IN.finditer(q.quote)
            if (x := parse_amount(m.group("n")))
            and x not in (total, amount)
            and percent_severity(stated, amount, x) is None
        ]
        source = ""
        if len({x for x, _ in over}) == 1:
            # a right ratio under the wrong word: the share of what, "占", is the 完成率 of a budget (a warning, as
            # budget.rate's "完成年初预算" of the 全年预算)
            x, m = over[0]
            source = f"{pct(stated)}正是{amount}÷{x}，{x}万元是同一处写的“{m.group(0).strip()}”。"
            severity = "warning"
        yield make_finding(
            "ratio.share",
            severity,
            f"{claim['label']}占比",
            f"文中称{claim['label']}{amount}万元，占{pct(stated)}；按{name}{total}万元计算，"
            f"{amount}÷{total}={pct(expected)}。{source}",
            pct(stated),
            pct(expected),
            evidence,
        )


def _within(report: Report, before: dict[str, Any], claim: dict[str, Any]) -> bool:
    """ "授予中小企业合同金额0.55万元，占政府采购支出总额的53.73%，其中：授予小微企业合同金额0.49万元，占政府采购支出总额
    的48.07%": the second share, after 其中 in the same paragraph, is of a part of the first (小微 within 中小). Not once
    the 其中's own list has ended ("基本支出……，占62.24%（其中：人员经费……）；项目支出……，占37.76%")."""
    if report.document is None or claim["block"] != before["block"]:
        return False
    text = report.document.blocks[claim["block"]].text
    end = text.find(before["quote"].quote)
    start = text.find(claim["quote"].quote, end + 1) if end >= 0 else -1
    gap = text[end + len(before["quote"].quote) : start] if start > 0 else ""
    return "其中" in gap and not re.search(r"[；;。）)]", gap[gap.rindex("其中") :])


@rule(
    "ratio.sum_100",
    title="各项占比之和不等于100%",
    explanation=(
        "同一段里列出的各项金额加起来正好是合计时（例如按功能分类列出的全部类级支出），它们的占比"
        "加起来应是100%。每个百分比最多有半个末位单位的舍入误差，所以n项之和最多偏离100%"
        "n个半单位。占比也常按印出的金额计算，这时它们之和是各项印出金额之和占合计的比例（金额只差尾数时不是正好100%），"
        "与这个比例相符的也不报。合计为0时占比无从计算，不核对。与自身金额不符的占比（每个另有一条 ratio.share 问题）一并指出：偏离多半由它而来。"
    ),
    formula="Σ 各项占比 = 100%（当 Σ 各项金额 = 合计）",
    tolerance="n项百分比之和与100%之差、也与“各项金额之和 ÷ 合计 × 100%”之差都超过 n × 0.005 个百分点（两位小数时）才报",
    example="71.73%+11.11%+2.07%+15.16%=100.07%，而四项金额之和2940.06万元与一般公共预算财政拨款支出2940.05万元只有尾数差异；"
    "多出的部分来自71.73%：2106.66÷2940.05应为71.65%。",
    expected_label="应为",
)
def sum_100(report: Report) -> Iterable[Finding]:
    from generator.checks.tolerance import sum_differs

    groups: list[list[dict[str, Any]]] = []
    for claim in report.share_claims:
        whole = whole_of(report, claim)
        if whole is None or claim["amount"] is None or claim["percent"] is None:
            continue
        last = groups[-1][-1] if groups else None
        # one list = one whole (its name and amount: two sentences' "同句所述合计" are two wholes), in one paragraph or in
        # consecutive blocks
        if (
            last is None
            or last["_whole"][:2] != whole[:2]
            or claim["block"] - last["block"] > 2
            # the list said again (a paragraph printed twice): its first part starts another list
            or any(
                c.get("label") == claim.get("label") and c["amount"] == claim["amount"] for c in groups[-1]
            )
        ):
            groups.append([])
        elif _within(report, last, claim):
            continue  # a part of the part before it, of the same whole: no part more of the list
        groups[-1].append({**claim, "_whole": whole})
    for claims in groups:
        name = claims[0]["_whole"][1]
        if len(claims) < 2:
            continue
        total = claims[0]["_whole"][0]
        if total == 0:
            # shares of nothing ("“三公”经费支出0.00万元……因公出国（境）费支出0.00万元，占0.00%"): no sum to check
            continue
        amounts = [c["amount"] for c in claims]
        differs, _ = sum_differs(amounts, total)
        if differs:
            continue  # the parts do not make up the whole: their shares need not sum to 100
        pcts = [c["percent"] for c in claims]
        s = sum(pcts, Decimal(0))
        tol = len(pcts) * half_unit(*pcts)
        parts = sum(amounts, Decimal(0))
        if abs(s - 100) <= tol or abs(s - parts / total * 100) <= tol:
            # (shares of the printed amounts sum to the printed parts' share of the whole: "基本支出63.96万元，占99.89%；项目
            # 支出0.06万元，占0.09%" of 64.03, 99.98%)
            continue
        outer = claims[0].get("outer_parent")
        if isinstance(outer, Decimal) and all(
            percent_consistent(c["percent"], c["amount"], outer) is not False for c in claims
        ):
            continue  # a part's own parts given as shares of the sentence's whole ("其中人员经费……，占73.20%")
        terms = "+".join(pct(p) for p in pcts)
        added = (
            f"各项金额之和等于{name}{total}万元"
            if parts == total
            else f"各项金额之和{parts}万元与{name}{total}万元只有尾数差异"
        )
        # the shares that are not their own amounts' (each also a ratio.share note): where the excess comes from
        off = [
            f"“{pct(c['percent'])}”按其金额应为{pct(rounded_percent(c['amount'], total, c['percent']))}"
            f"（{c['amount']}÷{total}）"
            for c in claims
            if percent_consistent(c["percent"], c["amount"], total) is False
        ]
        yield make_finding(
            "ratio.sum_100",
            "error",
            f"{name}各项占比之和",
            f"{added}，但所列占比{terms}={pct(s)}，不等于100%"
            + (f"：其中{'、'.join(off)}。" if off else "。"),
            pct(s),
            "100%",
            [c["quote"] for c in claims],
        )


# 部门整体支出绩效评价基础数据表 (a local template, 004): "财政供养人员情况 编制数 2023年实际在职人数 控制率" over
# "54 46 85%".
_STAFF_HEAD = re.compile(r"编制数\s*\S*?在职人数\s*\S*?控制率")
_STAFF_ROW = re.compile(r"^\s*(?P<auth>\d+)\s+(?P<active>\d+)\s+(?P<rate>\d+(?:\.\d+)?)\s*%")


@rule(
    "ratio.staff_control",
    title="人员控制率与编制数、在职人数不符",
    explanation=(
        "部门整体支出绩效评价基础数据表的“财政供养人员情况”一栏列出编制数、实际在职人数和控制率，"
        "控制率是实际在职人数占编制数的百分比。情况说明另写编制人数时，两处应是同一个数。"
    ),
    formula="控制率 = 实际在职人数 ÷ 编制数 × 100%；表中编制数 = 情况说明所述编制人数",
    tolerance="人数是准确的整数，百分比按印出精度比较（“85%”为84.5%至85.5%）；高于或低于都一样，超出不到一个末位单位记为提示；"
    "编制数不相等即报",
    example="编制数54、实际在职人数46、控制率85%：46÷54=85.19%，印作85%相符。",
    expected_label="应为",
)
def staff_control(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    for head, row in zip(doc.blocks, doc.blocks[1:]):
        if head.table is None or row.table != head.table or not _STAFF_HEAD.search(head.text):
            continue
        if (m := _STAFF_ROW.match(row.text)) is None:
            continue
        auth, active, stated = Decimal(m["auth"]), Decimal(m["active"]), Decimal(m["rate"])
        quote = Quote(m.group(0).strip(), row.page, None)
        if (severity := count_percent_severity(active, auth, stated)) is not None:
            expected = rounded_percent(active, auth, stated)
            yield make_finding(
                "ratio.staff_control", severity, "控制率",
                f"基础数据表写编制数{auth}人、实际在职人数{active}人、控制率{pct(stated)}；"
                f"{active}÷{auth}={pct(expected)}。",
                pct(stated), pct(expected), [Quote(head.text, head.page, None), quote],
            )  # fmt: skip
        # the 编制数 is one number wherever it is stated (实有人数 may count more than the 在职 staff)
        said = report.metrics.get("staff_authorized")
        if said is not None and said.kind == "narrative" and said.amount != auth:
            yield make_finding(
                "ratio.staff_control", "error", "编制数",
                f"情况说明写{said.quote.quote}，基础数据表的编制数却是{auth}人，同一个人数两种写法。",
                f"{said.amount}人", f"{auth}人", [said.quote, quote],
            )  # fmt: skip


# "受理各类争议案件234件，办结229件，其中调解结案120件，结案率97.86%" (002)
_CASES = re.compile(
    r"(?:受理|办理|接收|收到)[^，,。；;]{0,24}?(?P<n>\d+)\s*(?:件|起|条)[，,]\s*(?:已)?(?:办结|结案)"
    r"(?P<m>\d+)\s*(?:件|起|条)(?P<mid>[^。；;]{0,40}?)(?P<what>[\u4e00-\u9fff]{0,8}(?:结案率|办结率))"
    r"(?:为|达到?)?\s*(?P<p>\d+(?:\.\d+)?)\s*%"
)


_MEDIATED = re.compile(r"调解(?:结案|成功)?\s*(?P<k>\d+)\s*(?:件|起)")
_MEDIATION_RATE = re.compile(
    r"^[，,]\s*(?:案件)?调解(?:成功|结案)?率(?:为|达到?)?\s*(?P<q>\d+(?:\.\d+)?)\s*%"
)


def _mediation_rate(b: Block, m: re.Match[str]) -> Iterable[Finding]:
    """The 调解率 right after a 结案率 ("……办结229件，其中调解结案120件，结案率97.86%，调解率52.4%", 002) is
    the mediated cases' share of the closed ones (or, in some reports, of the received ones)."""
    k_m = _MEDIATED.search(m["mid"])
    q_m = _MEDIATION_RATE.match(b.text[m.end() :])
    if k_m is None or q_m is None:
        return
    received, closed, mediated, stated = (
        Decimal(m["n"]),
        Decimal(m["m"]),
        Decimal(k_m["k"]),
        Decimal(q_m["q"]),
    )
    severities = [count_percent_severity(mediated, d, stated) for d in (closed, received)]
    if None in severities:
        return
    expected = rounded_percent(mediated, closed, stated)
    end = m.end() + q_m.end()
    yield make_finding(
        "ratio.case_rate", severities[0] or "error", f"调解率/{m['m']}/{k_m['k']}",
        f"文中称办结{closed}件、其中调解结案{mediated}件，调解率{pct(stated)}；{mediated}÷{closed}={pct(expected)}"
        f"（按受理{received}件算为{pct(rounded_percent(mediated, received, stated))}）。",
        pct(stated), pct(expected), [Quote(b.text[m.start() : end], b.page_at(m.start()), None, block=b)],
    )  # fmt: skip


@rule(
    "ratio.case_rate",
    title="结案率与受理、办结件数不符",
    explanation=(
        "文中写“受理案件N件，办结M件，……结案率P%”，结案（办结）率就是办结件数占受理件数的百分比。"
        "按时效计的比率（“法定时效内结案率”）说的是另一回事，不比较。紧接着写“其中调解结案K件……调解率Q%”的，"
        "调解率是调解结案件数占办结件数（也有报告按受理件数计）的百分比，两种算法都不符才报。"
    ),
    formula="结案率 = 办结件数 ÷ 受理件数 × 100%；调解率 = 调解结案件数 ÷ 办结件数（或受理件数）× 100%",
    tolerance="件数是准确的整数，百分比按印出精度比较；高于或低于都一样，超出不到一个末位单位记为提示",
    example="受理各类争议案件234件，办结229件，结案率97.86%：229÷234=97.86%，相符。",
    expected_label="应为",
)
def case_rate(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    for b in doc.blocks:
        if b.table is not None or "率" not in b.text:
            continue
        for m in _CASES.finditer(b.text):
            yield from _mediation_rate(b, m)
            if re.search(r"时效|时限|期限|法定|按期|按时|及时|限期", m.group("what")):
                continue
            received, closed, stated = Decimal(m["n"]), Decimal(m["m"]), Decimal(m["p"])
            if (severity := count_percent_severity(closed, received, stated)) is None:
                continue
            expected = rounded_percent(closed, received, stated)
            yield make_finding(
                "ratio.case_rate", severity, f"{m['what']}/{m['n']}/{m['m']}",
                f"文中称受理{received}件、办结{closed}件，{m['what']}{pct(stated)}；{closed}÷{received}={pct(expected)}。",
                pct(stated), pct(expected), [Quote(m.group(0), b.page_at(m.start()), None, block=b)],
            )  # fmt: skip


# "占本年支出合计的99.86。", "完成年初预算的95.45，", "执行率为98.2；": a share or rate whose figure stops at a stop
# with no % sign (the change's own percentage is yoy.missing_unit's)
_BARE_SHARE = re.compile(
    r"(?:占[^，。；：%\d\s]{0,24}?(?:的|比重为|比例为|比重|比例)"
    r"|完成(?:年初|全年|调整后?)?预算(?:数)?的"
    r"|(?:预算)?(?:执行率|完成率|到位率|支付率|使用率|差异率)(?:为|达到|达|是)?)"
    r"\s*(?P<n>\d[\d,]*(?:\.\d+)?)(?=[。，；;）)]|$)"
)


@rule(
    "ratio.missing_percent",
    title="占比或完成率缺少百分号",
    explanation=(
        "“占……的Y%”“完成年初预算的Y%”“执行率为Y%”中，数字后应有百分号。数字后直接是句号、逗号或分号时，"
        "是漏了百分号；这样的占比或比率也无从按百分数核对，所以单独列出。"
    ),
    formula="“占……的 / 完成……预算的 / ……率为 + 数字”后应有 %",
    tolerance="不涉及金额",
    example="一般公共预算财政拨款支出9746.50万元，占本年支出合计的99.86。",
    expected_label="应为",
)
def missing_percent(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    for b in doc.blocks:
        if b.table is not None or not any(w in b.text for w in ("占", "预算的", "率")):
            continue
        for m in _BARE_SHARE.finditer(b.text):
            said = m.group(0)
            if parse_amount(m.group("n")) == 0:
                continue  # "预决算差异率为0": a zero needs no sign
            yield make_finding(
                "ratio.missing_percent", "info", f"{said}{place(report, b, m.start(), said)}",
                f"{page_ref(report, b.page_at(m.start()))}写“{said}”，数字{m.group('n')}后面没有百分号：这是占比或比率，"
                "漏了百分号。",
                said, f"{said}%",
                [Quote(b.text[max(0, m.start() - 30) : m.end()], b.page_at(m.start()), None, block=b)],
            )  # fmt: skip
