"""repeat.*: the same figure stated twice in one report with different values.

Cases, each from a real report:
- a 自评表's funding row (全年预算/全年执行/执行率) restated in a sentence (the 项目绩效分析 cell or the
  project's paragraph in the 绩效自评报告): 001 单位运转经费 9/8.93 vs 0.9/0.893, 001 就业补助资金
  898.047 spent at 100% vs 427.616 at 47.62%, 004 企业用工 28.27/94.23% vs 27.97/93.23%;
- a canonical total stated twice in the 情况说明: 004 项目支出 139.69 and 139.68.
- vehicle counts (repeat.vehicles): the 三公 section's 固定资产车辆 against the 国有资产占用 section's 车辆 and its
  其中 list, and 公务用车保有量 against 固定资产车辆 where the text says they are 一致 (000/002/003: consistent);
- a change stated twice in one paragraph (repeat.yoy_change): 001 收入总计减少584.82 and 收入和支出总计较上年减少
  584.82 (consistent).

- a 自评表 indicator whose grid the text export lost (repeat.perf_indicator_text): 002 城镇新增就业 2.27万人
  in the text vs 2.24万人次 in the table, 档案整理 1887盒 vs 1500盒.
- one count written at two precisions that do not round to each other (repeat.figure_precision): 002
  农村劳动力外出务工 14.31 and 14.3238万人次.

Not reported here: 000's 总预算执行率 99.55% (the sentence's own 830.26÷869.05 already contradicts it:
budget.execution reports it once; the 整体 table's rate cell sits in its 上级资金 row, so there is no
second statement of the same row to compare). 003's 退管中心 38/41 and 网络培训 99.34% are inside OCR'd
indicator cells split across columns, so their sentences cannot be attached to a row.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from generator.checks import make_finding, of_another_year, rule, running_with
from generator.checks.perf import (
    _ACTUAL,
    _BOUND,
    _HAN,
    NO_PROJECT,
    _scale,
    goal_targets,
    indicator_name,
    projects_by_block,
    shown_label,
    stream_rows,
)
from generator.checks.perf import _core as perf_core
from generator.checks.ratios import percent_severity
from generator.checks.sums import statutory
from generator.checks.tolerance import fmt, half_unit, same_figure, sum_differs
from generator.extract.claims import (
    FUNCTIONAL_CLASSES,
    listed_amounts,
    sentence_begin,
    signed_change,
)
from generator.extract.narrative import WAN, clause_begin, in_aside, in_budget_breakdown, section_of
from generator.extract.perf import funding_statements
from generator.extract.subjects import LIST_MARK, PARTS_OPEN, qualified, subject_words
from generator.model import Block, Finding, Quote, Report
from generator.normalize import decimals, parse_amount

_FIELDS = {"initial": "年初预算数", "budget": "全年预算数", "spent": "全年执行数", "rate": "执行率"}


_CENT = Decimal("0.01")


def _differs(a: Decimal, b: Decimal) -> str | None:
    """None when equal to the 0.01 the reports print (29.553203 and 29.553: both 29.55), "info" within the rounding
    of the less precise figure (244 and 244.4), else "error"."""
    if a.quantize(_CENT) == b.quantize(_CENT):
        return None
    return "info" if abs(a - b) <= half_unit(a, b) else "error"


def _right_rate(rate: Decimal, spent: Decimal | None, budget: Decimal | None) -> bool:
    return (
        spent is not None
        and budget is not None
        and budget != 0
        and percent_severity(rate, spent, budget) is None
    )


def _rates_of_two_budgets(said: Mapping[str, Any], shown: Mapping[str, Any]) -> bool:
    """The text's rate is its spending over the 年初 budget it states, the table's over the 全年 budget (004: "年初预算20
    万，全年使用数19.76万，资金使用率98.80%" beside a table's 19.76 ÷ 19.76 = 100%): each right on its own base."""
    return (
        said.get("budget") is None
        and said.get("initial") != shown.get("budget")
        and _right_rate(said["rate"], said.get("spent"), said.get("initial"))
        and _right_rate(shown["rate"], shown.get("spent"), shown.get("budget"))
    )


@rule(
    "repeat.perf_funding",
    title="自评表资金数与文字说明不一致",
    explanation=(
        "自评表的资金行列出年初预算数、全年预算数、全年执行数和执行率；同一项目的文字说明（表内的"
        "项目绩效分析，或绩效自评报告中以项目名称开头的段落）常把这几个数再写一遍（一句里至少两个数；表内单元格里单写的"
        "“资金使用完成率100%”“预算执行率100%”也算）。两处写的是同一笔钱，"
        "数字必须相同。文中点名“中央资金”等来源时，与该来源的资金行比较，否则与资金总额行比较。"
        "文字的金额比表中多出的正好是报告别处另一笔名称相近的资金的金额时，是把两笔钱写在了一个名称下，记为警告。"
        "两个执行率都在表中金额印出精度所允许的范围内时（一个按印出的数计算，一个按精确金额计算；或一个按印出相同的年初预算），"
        "不算不一致。"
    ),
    formula="文字所述金额/执行率 = 自评表同一资金行的金额/执行率",
    tolerance="按两处中较粗的印出精度比较：差额在半个末位单位以内记为提示（如244与244.4），更大的差异记为错误",
    example="表中全年预算0.893万元、全年执行0.893万元，文字写全年预算数为8.93万元、全年支出数为8.93万元。",
    expected_label="另一处所述",
)
def perf_funding(report: Report) -> Iterable[Finding]:
    if report.document is None:
        return
    for st in funding_statements(report.document, report.perf_tables):
        table = st["table"]
        rows = [r for r in table["funding"] if r["aligned"]]
        if st["source"]:
            rows = [r for r in rows if st["source"] in r["label"]]
        else:  # the whole project's money: only a 资金总额 row, never one source's row
            rows = [r for r in rows if "总" in r["label"] or r["label"].startswith("项目资金")]
        if not rows:
            continue
        row = rows[0]
        diffs = []
        for key, label in _FIELDS.items():
            said, shown = st.get(key), row.get(key)
            if said is None or shown is None:
                continue
            if key == "rate" and (
                _rates_of_two_budgets(st, row)
                or _right_rate(said, row.get("spent"), row.get("budget"))
                and _right_rate(shown, row.get("spent"), row.get("budget"))
            ):
                # each a rate the table's amounts allow: one from the printed figures (7.19 ÷ 7.26 = 99.04%), one from
                # exact money (98.99%); or over a 年初 budget that prints as the 全年 one (0.6 ÷ 0.6: 100.53%, 100%)
                continue
            verdict = _differs(said, shown)
            if verdict:
                unit = "%" if key == "rate" else "万元"
                diffs.append((verdict, f"{label}{said}{unit}", f"{label}{shown}{unit}", key, said))
        if not diffs:
            continue
        severity = "error" if any(d[0] == "error" for d in diffs) else "info"
        name = table.get("name") or "绩效自评表"
        said_all = "，".join(d[1] for d in diffs)
        shown_all = "，".join(d[2] for d in diffs)
        # what is wrong: the parts beyond rounding (a part only printed coarser is said so in the message)
        wrong = [d for d in diffs if d[0] == severity]
        claimed = "，".join(d[1] for d in wrong)
        expected = "，".join(d[2] for d in wrong)
        notes = []
        rounded = [d[1] for d in diffs if d[0] == "info"]
        if rounded:
            notes.append(f"其中{'、'.join(rounded)}与表中的数只是印出的精度不同，四舍五入后一致")
        # an amount the text gives more than the table by exactly another, like-named fund's figure: two funds under one
        # name (004: "⑥市级企业用工保障服务专项经费……全年使用数28.27万" = 27.97 + the 基础数据表's "企业用工保障服务经费 5
        # 0.30"), a warning
        merged = _merged_fund(report, name, [(d[4], row.get(d[3])) for d in wrong if d[3] != "rate"])
        if merged is not None:
            gap, where = merged
            fund = re.match(r"[\u4e00-\u9fff]+", where.quote)
            notes.append(
                f"相差的{gap}万元正是“{fund.group(0) if fund else where.quote}”的金额，文字多半把两笔钱算在了一个名称下"
            )
            severity = "warning"
        for verdict, _, _, key, said in diffs:
            # the rate of another row of the table: 001 "中央资金……预算执行率为99.87%" is the 资金总额 row's 336.344 ÷ 336.79
            other = next(
                (r for r in table["funding"] if r is not row and r.get(key) is not None and r[key] == said),
                None,
            )
            if verdict == "error" and key == "rate" and other is not None:
                notes.append(f"文字的{said}%是“{shown_label(other)}”一行的执行率")
        note = "；".join(notes)
        yield make_finding(
            "repeat.perf_funding",
            severity,  # type: ignore[arg-type]
            f"{name}/{row['label']}",
            f"《{name}》的文字说明写{said_all}，而自评表“{shown_label(row)}”一行为{shown_all}"
            + (f"（{note}）" if note else "")
            + "。",
            claimed,
            expected,
            [st["quote"], row["quote"], *([merged[1]] if merged is not None else [])],
        )


def _merged_fund(
    report: Report, name: str, pairs: list[tuple[Decimal, Decimal | None]]
) -> tuple[Decimal, Quote] | None:
    """(the gap, where the report gives it) when stated amounts exceed the table's by one figure the report gives to
    another fund whose name holds this one's core (市级/省级 and money words left out)."""
    doc = report.document
    core = re.sub(r"^(?:市|省|县|区|州)级", "", perf_core(name))
    gaps = {said - shown for said, shown in pairs if shown is not None and said > shown}
    if doc is None or len(core) < 6 or len(gaps) != 1:
        return None
    gap = gaps.pop()
    for b in doc.blocks:
        if core not in b.text or name in b.text:
            continue
        other = re.search(rf"[\u4e00-\u9fff]*{re.escape(core)}[\u4e00-\u9fff]*", b.text)
        if other is None:
            continue
        figures = {parse_amount(x) for x in re.findall(r"\d[\d,]*\.\d+", b.text[other.end() :])}
        if gap in figures:
            return gap, Quote(b.text[other.start() :].strip(), b.page_at(other.start()), None, block=b)
    return None


_AMOUNT = rf"\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*{WAN}"


@dataclass(frozen=True)
class _Stated:
    """A figure the 情况说明 and the 绩效自评报告 state in sentences of their own."""

    pattern: re.Pattern[str]
    needs: str  # a word each statement holds
    part: bool = (
        True  # also read where listed after 其中 (False: a total after 其中 is a part, not the total)
    )
    whole: bool = False  # the unit's own total: not in a sentence about 财政拨款 or one fund
    per_section: bool = False  # compared within one section only (other sections state other scopes)
    # read only in a section whose heading holds this: a 三公 part ("公用经费……，主要包括办公费……、公务接待费0.03万元" in
    # the 基本支出 section is one economic item of 基本支出, while the 三公 公务接待费 also counts project money)
    section: str | None = None


def _stated(pattern: str, needs: str, section: str | None = None, **how: bool) -> _Stated:
    return _Stated(re.compile(pattern + _AMOUNT), needs, section=section, **how)


_CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))  # ①…⑳
# a sentence about one functional class ("社会保障和就业支出年初预算……", "……（类）……"): its figures are the class's; or
# one item of a list numbered ①…⑳ ("④农民工就业工作经费年初预算10万元，财政拨款收入10万元；"): that item's
_CLASS_OR_ITEM = re.compile(
    "|".join(
        [
            r"[（(][类款项][）)]",
            f"[{_CIRCLED}]",
            *(n for n in FUNCTIONAL_CLASSES.values() if n not in ("其他支出", "预备费")),
        ]
    )
)


def _of_a_class_or_item(text: str, at: int) -> bool:
    """Whether the figure at ``at`` is a class's or a numbered item's (see _CLASS_OR_ITEM); a circled mark opening the
    sentence right before the figure's own name numbers the figure itself ("②公务接待费支出决算为1.16万元"), not one in a
    project's list ("项目资金使用情况：①劳务费12.00万元；②公务接待费0.10万元")."""
    begin = max(text.rfind(c, 0, at) for c in "。；;") + 1
    return any(
        not (
            c.group(0) in _CIRCLED
            and not text[c.end() : at].strip()
            and not text[text.rfind("。", 0, c.start()) + 1 : c.start()].strip()
        )
        for c in _CLASS_OR_ITEM.finditer(text, begin, at)
    )


# The four 三公 parts are stated in the 总体情况 ("其中：因公出国（境）费支出0万元……") and again in the 具体情况
# ("1、因公出国（境）费支出0万元，出国（境）团组共0个"), where a part after 其中 is still the figure itself.
_STATED: dict[str, _Stated] = {
    "项目支出": _stated(
        r"(?<![拨款非税])项目支出(?:决算)?(?:为|共计|合计)?", "项目支出", part=False, whole=True
    ),
    # the unit's 基本支出, a total like 项目支出 ("2023年中心基本支出738.08万元，其中：……"); not the 财政拨款's
    "基本支出": _stated(
        r"(?<![拨款算政])基本支出(?:决算)?(?:为|共计|合计)?", "基本支出", part=False, whole=True
    ),
    # the year's income and spending before carry-overs, each one total of 公开01表, listed after 收入总计's 其中 too
    **{
        f"本年{kind}合计": _stated(
            rf"(?<!拨款)(?<!预算)本年{kind}(?:合计)?(?:为|共计)?", f"本年{kind}", whole=True
        )
        for kind in ("收入", "支出")
    },
    # the unit's two totals, stated in the overview ("收入支出总计869.05万元"), at the head of 收入/支出决算情况 and
    # often once more; not a fund's ("国有资本经营预算财政拨款收入总计"), and 收入总计 = 支出总计 is sum.balance's
    "收入总计": _stated(r"(?<!拨款)(?<!财政)(?<!预算)收入(?:支出)?总计(?:为|共计)?", "总计", whole=True),
    "支出总计": _stated(r"(?<!拨款)(?<!财政)(?<!预算)(?<!收入)支出总计(?:为|共计)?", "总计", whole=True),
    # the unit's carry-overs (公开01表): "……使用非财政拨款结余0.00万元，年初结转和结余7.86万元", "……年末结转和结余38.79万元";
    # not the 财政拨款's ("年初财政拨款结转和结余") nor one fund's ("国有资本经营预算财政拨款收入总计……，其中：年初结转和结余")
    **{
        f"{when}结转和结余": _stated(rf"(?<!拨款){when}结转和结余(?:为|共计)?", "结转和结余", whole=True)
        for when in ("年初", "年末")
    },
    # 人员经费 and 公用经费 are stated for other scopes in other sections: the 事业单位's 公用经费 in 机关运行经费's
    # section, the 绩效 report's split of all the unit's money
    **{
        kind: _stated(rf"{kind}(?:支出)?(?:决算)?(?:为|共计|合计)?", kind, per_section=True)
        for kind in ("人员经费", "公用经费")
    },
    # the same two totals of the 财政拨款 (公开04表's 总计): "财政拨款收入支出总计2961.68万元"
    "财政拨款收入总计": _stated(r"(?<!预算)财政拨款收入(?:支出)?总计(?:为|共计)?", "总计"),
    "财政拨款支出总计": _stated(r"(?<!预算)财政拨款支出总计(?:为|共计)?", "总计"),
    # the year's 财政拨款 income and spending, all funds ("本年财政拨款收入610.31万元", "其中：财政拨款收入610.31万元，
    # 占70.87%"), not one fund's ("一般公共预算财政拨款收入") nor a 总计
    "财政拨款收入": _stated(
        r"(?<!预算)(?<!年初)(?<!上年)财政拨款(?:本年)?收入(?:合计)?(?:为|共计)?", "财政拨款"
    ),
    "财政拨款支出": _stated(
        r"(?<!预算)(?<!年末)财政拨款(?:本年)?支出(?:合计)?(?:决算)?(?:为|共计)?", "财政拨款"
    ),
    # one fund's spending of the year ("一般公共预算财政拨款支出2940.05万元" in 总体情况 and again in 具体情况), also
    # as a part ("财政拨款支出……，其中：一般公共预算财政拨款支出……"); not its 支出总计, which adds the carry-over
    **{
        f"{fund}预算财政拨款{kind}": _stated(
            rf"{fund}预算财政拨款(?:决算)?{kind}(?:决算)?(?:为|共计|合计)?", f"{fund}预算财政拨款"
        )
        for fund in ("一般公共", "政府性基金", "国有资本经营")
        for kind in ("支出", "基本支出")
    },
    **{
        label: _stated(rf"(?<!国内)(?<!国内公务){pattern}(?:支出)?(?:决算)?为?", needs, section="三公")
        for label, pattern, needs in (
            ("因公出国（境）费", r"因公出国[（(]境[）)]费", "出国"),
            ("公务用车购置费", r"公务用车购置费?", "购置"),
            ("公务用车运行维护费", r"公务用车运行维护费", "运行维护费"),
            ("公务接待费", r"公务接待费", "接待费"),
        )
    },
}


def _sentence_with_whole(text: str, at: int) -> int:
    """Where the sentence holding ``at`` begins, or the one before it when it opens with 其中 ("一般公共预算财政拨款支出
    32,186.91万元，占….。其中：基本支出…；项目支出…": the parts of the sentence before)."""
    begin = text.rfind("。", 0, at) + 1
    if begin and re.match(r"\s*其中", text[begin:at]):
        return text.rfind("。", 0, begin - 1) + 1
    return begin


# a sentence about 财政拨款 or one fund ("财政拨款收入总计……", "国有资本经营预算财政拨款……"), whose totals are not the
# unit's; "使用非财政拨款结余" is the unit's own line
_FUNDED = re.compile(r"(?<!非财政)(?<!非)拨款")


@rule(
    "repeat.narrative",
    title="同一数字在文中两处写法不同",
    explanation=(
        "同一个年度总数（如收入总计、支出总计、财政拨款收入支出总计、本年收入合计、本年支出合计、年初和年末结转和结余、基本支出、项目支出，"
        "一般公共预算财政拨款支出及其基本支出）在情况说明和绩效自评报告里各写了一次，两处数字不同，至多一处是对的。"
        "写某一类资金（如“国有资本经营预算财政拨款收入总计”）或别的年度的句子，不当作单位的总数。"
        "人员经费、公用经费只在同一节内比较：别的节里写的往往是另一口径（事业单位的公用经费、绩效报告里全部资金的人员经费）。"
        "只比较作为一句话主语的总数；“其中：……”之后列出的分项不算，名称前有别的限定的也不算（“涉及项目支出”“追加财政拨款收入”"
        "“在职人员经费”、下属单位的“本年支出合计”）。“A和B分别为a万元和b万元”列出的各是一次表述。“三公”经费的四个分项（因公出国（境）费、"
        "公务用车购置费、公务用车运行维护费、公务接待费）在总体情况和具体情况说明里各写一次本年支出，也比较，但只在“三公”经费"
        "一节里（基本支出一节列出的公务接待费是经济分类的一项，只含基本支出，与含项目支出的“三公”数不是同一口径）；"
        "写上年数、预算数的句子不算。"
    ),
    formula="同一指标的两处表述相等",
    tolerance="按印出精度：两处之差不超过各自末位半个单位之和（两位小数时0.01万元）记为提示，超过为错误",
    example="支出决算说明写项目支出139.69万元，整体绩效自评报告写项目支出139.68万元；总体情况写公务接待费支出"
    "决算1.16万元，具体情况写公务接待费支出决算为1.16万元（一致）。",
    expected_label="应为",
)
def narrative_twice(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    sections: list[str] | None = None
    listed = (
        listed_amounts(doc, section_of(doc), set(), report.year, report.agency) if "分别" in doc.text else []
    )
    for label, st in _STATED.items():
        seen: dict[str, dict[Decimal, Quote]] = {}  # by section where st.per_section, else all under ""
        # "人员经费和公用经费分别为4896.98万元和480.66万元": each a statement of its own
        for c in listed:
            if c["label"] != label or c["qualified"] or (not st.part and re.search(PARTS_OPEN, c["lead"])):
                continue
            if st.section and st.section not in (c["quote"].section or ""):
                continue
            if not (st.whole and _FUNDED.search(c["lead"] + c["quote"].quote)):
                scope = (c["quote"].section or "") if st.per_section else ""
                seen.setdefault(scope, {}).setdefault(c["amount"], c["quote"])
        for pos, block in running_with(report, st.needs):
            if st.section and st.section not in (sections := sections or section_of(doc))[pos]:
                continue
            for m in st.pattern.finditer(block.text):
                clause_start = sentence_begin(block.text, m.start())
                template = label in ("收入总计", "支出总计")  # "××局2024年度收入支出总计……"
                if qualified(subject_words(block.text, m.start()), report.agency, report.year, template):
                    continue  # "涉及项目支出", "在职人员经费", "……事务中心本年支出合计": a part, or another body's
                if not st.part and re.search(PARTS_OPEN, block.text[clause_start : m.start()]):
                    continue  # a part listed after 其中, not the total
                # the unit's own total, not one fund's ("国有资本经营预算财政拨款收入总计……，其中：……本年收入19.28万元")
                if st.whole and _FUNDED.search(
                    block.text, _sentence_with_whole(block.text, m.start()), m.start()
                ):
                    continue
                before = block.text[clause_start : m.start()]
                if re.search(r"(上年|上一年|比\d{4}年度?|较\d{4}年度?)[^，,。]*$", before):
                    continue
                if _of_a_class_or_item(block.text, m.start()):
                    continue  # "社会保障和就业支出……，用于单位的基本支出127.49万元": a class's part; "④…": an item's
                if of_another_year(report, before, last_year_words=False):
                    continue  # "2023年度一般公共预算财政拨款支出……" in a 2024 report: last year's figure
                amount = parse_amount(m.group("n"))
                if amount is None or in_budget_breakdown(block.text, m.start()):
                    continue  # unread, or a budget's part ("预算为2.85万元，其中公务接待费2.85万元")
                sections = sections or section_of(doc)
                scope = sections[pos] if st.per_section else ""
                seen.setdefault(scope, {}).setdefault(
                    amount, Quote(m.group(0), block.page_at(m.start()), sections[pos] or None, block=block)
                )
        for scope, stated in seen.items():
            if len(stated) < 2:
                continue
            values = sorted(stated)
            where = f"“{scope.split(' / ')[-1]}”中" if scope else "文中"
            # two statements of one figure 0.01 apart (each its own rounding: 0.16 + 139.52 = 139.68 beside
            # 877.77 − 738.08 = 139.69) are a note; further apart, at least one is wrong
            beyond, diff = sum_differs([values[0]], values[-1])
            yield make_finding(
                "repeat.narrative",
                "error" if beyond else "info",
                f"{label}/{scope}" if scope else label,
                f"{where}{label}有{len(values)}个不同的数："
                + "、".join(f"{v}万元" for v in values)
                + (
                    "，同一个数不应有两种写法。"
                    if beyond
                    else f"，相差{fmt(diff)}万元，在两处各自四舍五入的范围内，只作提示。"
                ),
                "；".join(str(v) for v in values),
                "同一个数",
                [stated[v] for v in values],
            )


# 三公 section: "公务用车保有量2辆。国有资产占用情况中固定资产车辆2辆，与公务用车保有量差异原因是：…一致无差异";
# 国有资产占用情况 section: "车辆2辆，价值48.73万元" / "共有车辆0辆".
_FLEET = re.compile(r"公务用车保有量(?:共|为)?\s*(?P<n>\d+)\s*辆")
_FIXED = re.compile(r"国有资产占用情况中(?:固定资产)?车辆\s*(?P<n>\d+)\s*辆")
_ASSET = re.compile(
    r"(?:(?<=[。；;，,])|^)(?:截[至止]\d{4}年\d{1,2}月\d{1,2}日[，,]?)?[^。；;，,]{0,40}?(?:共有)?(?<!固定资产)(?<!占用情况中)车辆\s*(?P<n>\d+)\s*辆"
)
_SAME = re.compile(r"一致|无差异|没有差异|相同")


@rule(
    "repeat.vehicles",
    title="车辆数两处写法不同",
    explanation=(
        "“三公”经费说明写“国有资产占用情况中固定资产车辆N辆”，国有资产占用情况说明写“车辆N辆，价值……”："
        "两处是同一个数。说明还写固定资产车辆与公务用车保有量“一致无差异”时，两数必须相等"
        "（保有量与固定资产车辆本身可以不同，如执法执勤用车不计入保有量，此时报告须说明差异原因，不报）。"
    ),
    formula="三公说明中的固定资产车辆数 = 国有资产占用情况中的车辆数；写“一致”时 公务用车保有量 = 固定资产车辆数",
    tolerance="车辆数是整数，不相等即报为错误",
    example="公务用车保有量3辆，国有资产占用情况中固定资产车辆3辆，资产说明中车辆3辆。",
)
def vehicles(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    fleet: list[tuple[int, Quote, str]] = []
    fixed: list[tuple[int, Quote, str]] = []
    asset: list[tuple[int, Quote, str]] = []
    for block in doc.blocks:
        if block.table is not None:
            continue
        for pattern, into in ((_FLEET, fleet), (_FIXED, fixed), (_ASSET, asset)):
            for m in pattern.finditer(block.text):
                before = block.text[sentence_begin(block.text, m.start()) : m.start()]
                subject = block.text[
                    clause_begin(block.text, m.start()) : m.start() + m.group(0).find("车辆")
                ]
                subject = re.sub(r"^.*?截[至止]\d{4}年\d{1,2}月\d{1,2}日[，,]?", "", subject)
                if in_aside(before) and qualified(subject, report.agency, report.year):
                    continue  # another body's in an aside ("未配备车辆（上年划转前，区委组织部配备车辆5辆）")
                q = Quote(m.group(0), block.page_at(m.start()), None, block=block)
                into.append((int(m.group("n")), q, block.text[m.end() :]))
    if len(fixed) == 1 and len(asset) == 1 and fixed[0][0] != asset[0][0]:
        (a, qa, _), (b, qb, _) = fixed[0], asset[0]
        yield make_finding(
            "repeat.vehicles",
            "error",
            "固定资产车辆",
            f"“三公”经费说明写国有资产占用情况中固定资产车辆{a}辆，国有资产占用情况说明写车辆{b}辆，同一个数两种写法。",
            f"{a}辆",
            f"{b}辆",
            [qa, qb],
        )
    if len(fleet) == 1 and len(fixed) == 1 and fleet[0][0] != fixed[0][0]:
        (a, qa, _), (b, qb, after) = fleet[0], fixed[0]
        reason = re.match(r"[，,]?\s*与公务用车保有量差异原因是[:：]?(?P<r>[^。；;]{0,40})", after)
        # a clause of the reason says the two are the same ("本单位固定资产车辆与公务用车保有量一致无差异", "经核对，……一致，无
        # 差异"); not one about some of them, about the books, or denying it ("其余车辆与保有量相同", "与资产账面一致",
        # "统计口径不一致")
        clauses = re.split(r"[，,]", reason.group("r")) if reason else []
        same = next(
            (
                s
                for c in clauses
                if (s := _SAME.search(c))
                and not re.search(r"其余|部分|除|账|口径|不一致|不相同|有差异", c)
                and (
                    "车辆" in c
                    or "保有量" in c
                    or re.fullmatch(r"\s*(?:两者|二者)?\s*(?:一致|相同)?\s*(?:无差异|没有差异)?\s*", c)
                )
            ),
            None,
        )
        if same:
            yield make_finding(
                "repeat.vehicles",
                "error",
                "公务用车保有量/固定资产车辆",
                f"说明写公务用车保有量{a}辆、固定资产车辆{b}辆，又写两者“{same.group(0)}”，两数却不相等。",
                f"{a}辆",
                f"{b}辆",
                [qa, qb],
            )
    for total, q, rest in asset[:1] if len(asset) == 1 else []:
        clause = re.split(r"[。；;]", rest, maxsplit=1)[0]
        head = clause.find("其中")
        if head < 0 or (clause == rest and not clause.rstrip().endswith("辆")):
            continue  # the paragraph ends inside the list ("……机要通信用车0辆、应" / "急保障用车0辆……"): cut
        kinds = re.findall(r"([^、，,：:]{2,16}?用车)\s*(\d+)\s*辆", clause[head:])
        if len(kinds) < 2 or sum(int(n) for _, n in kinds) == total:
            continue
        listed = sum(int(n) for _, n in kinds)
        yield make_finding(
            "repeat.vehicles",
            "error",
            "车辆分类合计",
            f"国有资产占用情况说明写车辆{total}辆，其中各类用车"
            + "、".join(f"{k}{n}辆" for k, n in kinds)
            + f"，合计{listed}辆，与{total}辆不符。",
            f"{total}辆",
            f"{listed}辆",
            [q, Quote(clause[head:], q.page, None)],
        )


_BOTH = re.compile(r"^(?:收入和支出|收入支出|收支)(?P<what>总计|合计)$")
# "收入总计" and "支出总计" (of the unit, or of its 财政拨款): one figure, as the 收支总表 balances every year
_SIDE = re.compile(r"^(?P<whose>.*?)(?:收入|支出)总计$")


def _flat(claim: dict) -> bool:
    """A bare "持平": no amount, no percentage."""
    return claim.get("direction") == "持平" and claim.get("change") is None and claim.get("percent") is None


def _signed(claim: dict) -> Decimal | None:
    """The signed change of an amount claim (万元), 0 for a bare "持平"; other units do not count here."""
    if _flat(claim):
        return Decimal(0)
    if claim.get("unit") != "万元" or not isinstance(claim.get("change"), Decimal):
        return None
    if "持平" in (claim.get("direction") or "") and claim["change"] != 0:
        return None  # "持平584.82万元" says two things: yoy.direction's
    return signed_change(claim)


def _one_figure(a: str, b: str) -> bool:
    """Whether two changes' subjects name one figure: the same words, "收入和支出总计" and either side, or the two sides
    of one 收支总表 ("收入总计持平，支出总计减少584.82万元" cannot both be true)."""
    # "卫生健康支出……较上年决算增加4.91万元……导致2024年度卫生健康支出决算数4.91万元，……出现了较上年增加4.91万元": 卫生健康
    # (not "财政拨款收入支出", the total of both sides, against "财政拨款收入")
    if a == b or (re.sub(r"支出$", "", a) == re.sub(r"支出$", "", b) and "收入" not in a + b):
        return True
    for x, y in ((a, b), (b, a)):
        if (both := _BOTH.match(x)) and y in (f"收入{both.group('what')}", f"支出{both.group('what')}"):
            return True
    sa, sb = _SIDE.match(a), _SIDE.match(b)
    return bool(sa and sb and sa.group("whose") == sb.group("whose"))


@rule(
    "repeat.yoy_change",
    title="同一增减额在一段中两处写法不同",
    explanation=(
        "同一段里先写“收入总计减少X万元”，后在原因中又写“收入和支出总计较上年减少Y万元”，或同一主语的"
        "增减额写了两次：说的是同一个变动，两处金额和方向必须相同。只比较同一段内、主语完全相同"
        "（或“收入和支出总计”对“收入总计”“支出总计”，或收入总计对支出总计：收支总表两边每年相等，变动也相等；"
        "“卫生健康支出”与“卫生健康”只差“支出”二字的，也是同一主语）的两处；"
        "“持平”即变动为0（“基本持平”不算）。"
    ),
    formula="同一主语的增减额（含方向）两处相等",
    tolerance="按印出金额比较，不相等即报为错误；精度不同时，精度高的数四舍五入后等于另一处即视为相同",
    example="与上年相比，收入总计减少584.82万元……收入和支出总计较上年减少584.82万元。",
    expected_label="另一处所述",
)
def yoy_change_twice(report: Report) -> Iterable[Finding]:
    by_block: dict[int, list[dict]] = {}
    signed: dict[int, Decimal] = {}
    for c in report.yoy_claims:
        quote = c["quote"].quote if isinstance(c.get("quote"), Quote) else ""
        than = re.findall(r"(?:比|较|与)\s*(\d{4})\s*年", quote)  # the last: the one the change is from
        if than and report.year and int(than[-1]) != report.year - 1:
            continue  # a change from an earlier year ("比2022年度的170.00万元增加14.65万元"): not the year's change
        if (change := _signed(c)) is not None and c.get("subject") not in (None, "总体"):
            by_block.setdefault(c["block"], []).append(c)
            signed[id(c)] = change
    for claims in by_block.values():
        for i, a in enumerate(claims):
            for b in claims[i + 1 :]:
                x, y = signed[id(a)], signed[id(b)]
                # "减少584.82万元" and "减少584.8万元" are one change printed twice; a bare 持平 is 0 exactly, not a
                # figure printed without decimals ("持平" and "减少0.3万元" are two)
                same = x == y if _flat(a) or _flat(b) else same_figure(x, y)
                if not _one_figure(a["subject"], b["subject"]) or same:
                    continue
                words = [
                    f"{c['subject']}{c['direction']}"
                    + (f"{c['change']}万元" if c["change"] is not None else "")
                    for c in (a, b)
                ]
                yield make_finding(
                    "repeat.yoy_change",
                    "error",
                    f"{a['subject']}/{b['subject']}",
                    f"同一段中先写{words[0]}，又写{words[1]}，同一个变动两种写法。",
                    words[1],
                    words[0],
                    [a["quote"], b["quote"]],
                )


# a sentence that reports the year's result: "完成公共就业服务系统工作人员学习交流41人，赴昌吉……培训100人"
_DONE = re.compile(
    r"^(?![^。]*(?:不少于|不低于|不超过|目标|计划|预计|力争|确保|任务|要求))[^。]*(?:完成|实际)"
)
_PLANNED = re.compile(r"(?:预计|计划|目标|力争|预期|任务)[\u4e00-\u9fff]{0,8}$")
# a sentence counting more than the year: "项目期间共计完成……档案整理盒数1887盒" (002's 档案 project, 2022—2023), not
# the 年度 value of a 自评表 indicator
_SPAN = re.compile(r"项目期间|以来|历年|累计至|\d{4}\s*年\s*[—–\-至]+\s*\d{4}\s*年")


def naming_runs(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """For each indicator name, the runs of five characters of it (without its verb and its "人数/次数" ending) that no
    other of ``names`` holds: a text naming an indicator by such a run names that one ("离校未就业高校毕业生……" opens
    two of 004's names, so it names neither)."""
    runs = {}
    for name in names:
        core = _indicator_core(name)
        runs[name] = {core[i : i + 5] for i in range(len(core) - 4)} if len(core) >= 6 else set()
    shared = Counter(w for found in runs.values() for w in found)
    return {name: tuple(sorted(w for w in found if shared[w] == 1)) for name, found in runs.items()}


@functools.lru_cache(maxsize=8192)
def _stated_patterns(
    name: str, unit: str, windows: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    """How a text states an indicator's result: (the pattern, the pattern also matching one of ``windows``, five
    characters of the name in a row that no other indicator's name holds, and the windows). Built once per name and
    unit: a text export has hundreds of indicator rows, more patterns than re's own cache holds."""
    base = unit.removesuffix("次") or unit
    # a report counted as "1个" in the table and "2份" in the text is one unit: 个/份 of documents
    units = "(个|份)" if base in ("个", "份") and "报告" in name else f"({re.escape(base)}次?)"
    # the name's first four characters and at most four more, or its whole stem as the table words it
    # ("赴昌吉务工人员劳动者基本素质培训100人" for 赴昌吉务工人员劳动者基本素质培训人数)
    stem = _indicator_stem(name)
    named = re.escape(name[:4]) + r"[\u4e00-\u9fff]{0,4}?"
    if len(stem) >= 8:
        named = f"(?:{named}|{re.escape(stem)})"
    # … or without the verb it opens with ("开展各类职业技能培训11.79万人次" for 完成职业技能培训人次)
    core = _indicator_core(name)
    if core != stem and len(core) >= 4:
        named = f"(?:{named}|{re.escape(core)})"
    # … or by five characters of it in a row and at most three more ("我局召开工伤等级鉴定11次" for 职工工伤等级鉴定会次数):
    # a second pattern, run only on paragraphs holding one of those five-character runs
    by_window = f"(?:{'|'.join(map(re.escape, windows))})[\u4e00-\u9fff]{{0,3}}?"
    if unit == "%" and len(name) >= 7:
        # a rate is named by its end as well: "收审单位满意度达90%" for 受审单位满意度
        named = f"(?:{named}|[\u4e00-\u9fff]{{0,2}}{re.escape(name[-5:])})(?:达到?|为)?"
    tail = r"\s*(\d+(?:\.\d+)?)\s*" + units + r"(?![\d%]|以上|以下|左右)"
    plain = re.compile(named + tail)
    widened = re.compile(f"(?:{named}|{by_window})" + tail) if windows else plain
    return plain, widened, windows


@rule(
    "repeat.perf_indicator_text",
    title="文字所述完成数与自评表指标实际值不符",
    explanation=(
        "绩效自评的文字（总体完成情况、项目绩效目标完成情况）写“城镇新增就业2.27万人”，紧随其后的自评表中"
        "同一指标（名称前四个字相同、单位相同；或名称去掉“完成、开展”和“人数、次数”等字样后有连续五个字相同、且这五个字不见于别的指标名称，如"
        "“我局召开工伤等级鉴定11次”与“职工工伤等级鉴定会次数”；百分比指标也可以是名称的后五个字相同，如“收审单位满意度达90%”与"
        "“受审单位满意度”）的实际完成值写的是另一个数。两处说的是同一年同一件事的完成情况。"
        "只比较导出时表格结构丢失、指标各栏成了一行行短文字的自评表（结构完整的表由perf.completion_text核对），"
        "且文字在该指标之前40段以内或在该指标所在的自评表内（从表题起）、只写出一个数；文字写的是计划数"
        "（“预计、计划、目标……”）、界限（“90%以上”）或不止一年的累计数（“项目期间共计……”）时不比较。文字的数等于指标值时，"
        "多半是在复述目标，只有所在句子报告完成情况（有“完成、实际”，没有“不少于、目标、任务”等）才比较；"
        "此时实际完成值若已达到指标值，文字只是说少了，只作提示。一处复述指标值（“预期目标”一栏）、另一处写出别的数"
        "（“实际完成情况”一栏）时，比较后者。"
    ),
    formula="文字中“指标名 + N + 单位” = 自评表该指标的实际完成值",
    tolerance="数量和百分比按印出的数比较（精度不同时按较粗的精度：41.7%即41.68%）；“万人”与“万人次”视为同一单位，报告的件数“个”与“份”视为同一单位",
    example="文字写全州城镇新增就业2.27万人，自评表城镇新增就业实际完成值2.24万人次；文字写“完成……基本素质培训100人”，"
    "自评表该指标>=100人、实际=97人；同一表内文字写“收审单位满意度达90%”，指标受审单位满意度实际=100%",
    expected_label="另一处所述",
)
def perf_indicator_text(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    blocks = doc.blocks
    if not any("自评" in b.text for b in blocks if b.table is None and len(b.text) < 40):
        return
    # where each 自评表 starts: its title, a short paragraph ("项目支出绩效自评表")
    titles = [n for n, b in enumerate(blocks) if b.table is None and len(b.text) < 40 and "自评表" in b.text]
    seen: set[tuple[str, Decimal]] = set()
    # the paragraphs a result can be stated in (most of a text export's paragraphs are short table cells)
    prose = [n for n, b in enumerate(blocks) if b.table is None and len(b.text) >= 60]
    rows = [*stream_rows(report)["count"], *stream_rows(report)["percent"]]
    runs = naming_runs({row[1] for row in rows})
    for pos, name, target, unit, target_text, actual, shown, actual_quote, *_ in rows:
        plain, widened, windows = _stated_patterns(name, unit, runs[name])
        hits: list[tuple[Decimal, Quote, str, bool]] = []
        # the 40 paragraphs before the indicator, and all of its own table (from its title on)
        start = min(max([t for t in titles if t < pos], default=pos), pos - 40)
        first = max(0, start, pos - 100)
        for n in prose[bisect.bisect_left(prose, first) : bisect.bisect_left(prose, pos)]:
            b = blocks[n]
            stated = widened if windows and any(w in b.text for w in windows) else plain
            for m in stated.finditer(b.text):
                if _PLANNED.search(b.text[max(0, m.start() - 12) : m.start()]):
                    continue  # "预计召开职工工伤等级鉴定会9次": the plan, not the result
                sentence = re.split(r"[。；;]", b.text[: m.start()])[-1]
                if _SPAN.search(sentence):
                    continue
                done = _DONE.search(sentence) is not None
                hits.append(
                    (
                        Decimal(m.group(1)),
                        Quote(m.group(0), b.page_at(m.start()), None, block=b),
                        m.group(2),
                        done,
                    )
                )
        # a goal restating the target ("全年开展为民办实事2件" in the 预期目标 cell) beside the result ("……3件" in 实际完成情况)
        # is not a second result
        results = [h for h in hits if h[0] != target or h[3]]
        if len({h[0] for h in hits}) == 2 and len({h[0] for h in results}) == 1:
            hits = results
        if len({h[0] for h in hits}) != 1:
            continue
        said, quote, said_unit, done = hits[0]
        # a figure equal to the target restates it, unless its sentence reports what was done ("完成……100人")
        if same_figure(said, actual) or (said == target and not done) or (name, said) in seen:
            continue
        seen.add((name, said))
        # the text gives the target the table says was met and passed ("收审单位满意度达90%", >=90% =100%): true as a
        # floor, understated, a note; a target said reached that was missed (">=100人 =97人") is a warning
        met = said == target and (
            (target_text.lstrip().startswith((">=", "≥")) and actual >= target)
            or (target_text.lstrip().startswith(("<=", "≤")) and actual <= target)
        )
        yield make_finding(
            "repeat.perf_indicator_text",
            "info" if met else "warning",
            f"{name}/{said}",
            f"文字写“{quote.quote}”，而其后自评表中“{name}”的指标值为{target_text}、实际完成值为{shown}"
            + ("：文字写的是指标值，实际完成得比它好。" if met else "。"),
            f"{said}{said_unit}",
            f"{actual}{unit}",
            [quote, actual_quote],
        )


def _same_task(a: str, b: str) -> bool:
    """One name inside the other, or (six characters or more) its characters in the other's order: the goal's
    "农村劳动力新增转移就业" task read as "新增转移就业" and the indicator 新增农村劳动力转移就业."""
    if a in b or b in a:
        return True
    short, long = sorted((a, b), key=len)
    rest = iter(long)
    return len(short) >= 6 and all(c in rest for c in short)


@rule(
    "repeat.goal_target",
    title="绩效目标所列年度任务与自评表的指标值不符",
    explanation=(
        "报告在“绩效目标”标题下列出本年的任务（“发放创业担保贷款2亿元”“失业保险参保总人数达到32.76万人”），"
        "自评表中同一任务的指标（名称互相包含，或六个字以上的名称各字按顺序出现在另一名称中，如“新增转移就业”与“新增农村劳动力转移就业”）又写出年度指标值。两处说的是同一个目标，数应当相同。"
    ),
    formula="绩效目标中的任务数 = 自评表同名指标的年度指标值",
    tolerance="按印出的数比较（万、亿须一致），不相等即报",
    example="绩效目标写“发放创业担保贷款2亿元”，自评表“全市累计发放创业担保贷款”指标值2亿：相符",
    expected_label="自评表",
)
def goal_target(report: Report) -> Iterable[Finding]:
    named = goal_targets(report)
    indicators = [n for n in named if not n.goal]
    for goal in (n for n in named if n.goal):
        scale = _scale(goal.unit)[0]
        same = [i for i in indicators if _same_task(goal.name, i.name) and _scale(i.unit)[0] == scale]
        if not same or any(i.value == goal.value for i in same):
            continue
        yield make_finding(
            "repeat.goal_target",
            "warning",
            f"{goal.name}/{goal.value}",
            f"绩效目标写“{goal.quote.quote}”，自评表中“{same[0].name}”的年度指标值却是{same[0].shown}。",
            goal.shown,
            same[0].shown,
            [goal.quote, same[0].quote],
        )


# "完成职业技能培训2.66万人，达到年度任务的131.12%" … "完成职业技能培训2.66万人，达到年度任务的149.18%";
# "发放创业担保贷款3.13亿元，达到年度任务的156.28%，带动就业6734人，达到年度任务的177.21%" (004, five times)
_TASK_RATE = re.compile(
    r"(?P<what>(?:完成|发放|带动)[\u4e00-\u9fff“”]{2,20}?)\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>万人次|万人|人次|人|户|个|家|亿元|万元)"
    r"[，,]\s*(?:达到|完成|为|占)(?:全?年度?)?(?:目标)?任务(?:数)?的\s*(?P<p>\d+(?:\.\d+)?)\s*%"
)


@rule(
    "repeat.task_rate",
    title="同一完成数对应两个不同的任务完成率",
    explanation=(
        "报告多处写“完成××N人，达到年度任务的P%”（或“发放××N亿元”“带动就业N人”）。同一项工作、同一个完成数，"
        "任务完成率只能有一个（年度任务数是定的）；两处写出不同的百分比，说明其中一处用错了任务数或抄错了数字。"
    ),
    formula="同一“完成××N单位”的各处“任务的P%”相同",
    tolerance="百分比按印出的数比较，不相同即报；精度低的一处是另一处四舍五入的，视为相同",
    example="完成职业技能培训2.66万人，一处达到年度任务的131.12%，另一处为149.18%",
    expected_label="应为",
)
def task_rate(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    seen: dict[tuple[str, str, str], list[tuple[Decimal, Quote]]] = {}
    for b in doc.blocks:
        if "任务" not in b.text:
            continue
        for m in _TASK_RATE.finditer(b.text):
            key = (m.group("what"), m.group("n"), m.group("unit"))
            seen.setdefault(key, []).append(
                (Decimal(m.group("p")), Quote(m.group(0), b.page_at(m.start()), None, block=b))
            )
    for (what, n, unit), hits in seen.items():
        # a rate printed coarser elsewhere ("131.1%" for 131.12%) is the same rate
        rates = sorted({p for p, _ in hits})
        rates = [r for r in rates if not any(decimals(o) > decimals(r) and same_figure(o, r) for o in rates)]
        if len(rates) < 2:
            continue
        evidence = [next(q for p, q in hits if p == r) for r in rates]
        shown = "、".join(f"{r}%" for r in rates)
        yield make_finding(
            "repeat.task_rate",
            "warning",
            f"{what}{n}{unit}",
            f"报告写“{what}{n}{unit}”时给出了{len(rates)}个不同的任务完成率：{shown}；同一完成数的完成率只能有一个。",
            "；".join(f"{r}%" for r in rates),
            "同一个完成率",
            evidence,
        )


# "我单位全年预算数为3127.86万元，全年执行数为3008.6万元" / "全年预算总额3,205.90万元，实际执行总额3,008.60万元"
_BUDGET_SPENT = re.compile(
    rf"全年预算(?:总额|总数|数)?为?\s*(?P<b>\d[\d,]*(?:\.\d+)?)\s*{WAN}[，,]\s*"
    rf"(?:实际)?(?:执行总额|全年执行数|执行数|实际支出|支出)为?\s*(?P<s>\d[\d,]*(?:\.\d+)?)\s*{WAN}"
)


@rule(
    "repeat.budget_for_spending",
    title="同一执行数对应两个不同的全年预算数",
    explanation=(
        "绩效自评的文字两处写“全年预算数X万元，全年执行数Y万元”（或“全年预算总额……实际执行总额……”），"
        "执行数相同而预算数不同。同一笔执行数只能对应一个全年预算数，其中一处的预算数（以及据此算出的执行率）有误。"
        "两个预算数正好相差年初结转和结余时，是同一个词用了含与不含上年结转两种口径，记为警告。"
    ),
    formula="执行数相同的各处表述，全年预算数也相同",
    tolerance="金额按印出精度比较，差额超过两者末位的半个单位即报",
    example="整体自评写全年预算数3127.86万元、执行数3008.6万元，第十一部分写全年预算总额3,205.90万元、实际执行总额3,008.60万元",
    expected_label="应为",
)
def budget_for_spending(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    by_spent: dict[Decimal, list[tuple[Decimal, Quote]]] = {}
    for b in doc.blocks:
        if b.table is not None or "全年预算" not in b.text:
            continue
        for m in _BUDGET_SPENT.finditer(b.text):
            budget, spent = parse_amount(m.group("b")), parse_amount(m.group("s"))
            if budget is None or spent is None or spent == 0:
                continue
            by_spent.setdefault(spent, []).append(
                (budget, Quote(m.group(0), b.page_at(m.start()), None, block=b))
            )
    for spent, hits in sorted(by_spent.items()):
        budgets: dict[Decimal, Quote] = {}
        for budget, quote in hits:
            if all(abs(budget - other) > half_unit(budget, other) for other in budgets):
                budgets[budget] = quote
        if len(budgets) < 2:
            continue
        shown = sorted(budgets)
        # two budgets a year's carry-over apart (002: 3,205.90 − 3,127.86 = 78.04, its 年初结转和结余): one counts it in
        carried = report.metrics.get("carryover_begin")
        scope = (
            len(shown) == 2
            and carried is not None
            and carried.amount > 0
            and shown[1] - shown[0] == carried.amount
        )
        yield make_finding(
            "repeat.budget_for_spending",
            "warning" if scope else "error",
            f"执行数{spent}",
            f"报告两处写执行数{spent}万元，对应的全年预算数却分别是"
            + "、".join(f"{v}万元" for v in shown)
            + (
                f"；两者相差{carried.amount}万元，正是年初结转和结余：一处的全年预算含上年结转、一处不含，"
                "同一个词用了两种口径，执行率也随之不同。"
                if scope and carried is not None
                else "；同一执行数只能有一个全年预算数。"
            ),
            "；".join(str(v) for v in shown),
            "同一个全年预算数",
            [budgets[v] for v in shown],
        )


# "全州农村劳动力外出务工14.31万人次" … "全年实现农村劳动力外出务工14.3238万人次以上": a count and its unit, and
# the eight characters before it (what is counted), with up to six more for the message.
_COUNT = re.compile(r"(?P<n>\d+\.\d+|\d+)\s*(?P<unit>万人次|万人|人次|万户|万件|万条|万册)")
_COUNTED = re.compile(r"(?P<lead>[\u4e00-\u9fff]{0,6})(?P<what>[\u4e00-\u9fff]{8})\s*$")


@rule(
    "repeat.figure_precision",
    title="同一数字以两种精度写出且不相符",
    explanation=(
        "同一个统计数（紧挨数字前的八个字和单位都相同）在文中两处写出，一处精度高（“14.3238万人次”），"
        "一处精度低（“14.31万人次”），两数相差不到1%，是同一个数的两种写法；但精度高的数按另一处的小数位"
        "四舍五入后并不等于另一处的数（14.3238应写作14.32）。两处至少一处抄错，差异在末位，只作提示。"
        "计划数和完成数（如“13万人次以上”与“14.31万人次”）相差较大，不在比较之列。"
    ),
    formula="round(精度高的数, 精度低的数的小数位) = 精度低的数",
    tolerance="两数相差不到较大数的1%才视为同一个数；按印出的小数位四舍五入比较",
    example="整体绩效写农村劳动力外出务工14.31万人次，项目自评写14.3238万人次（应为14.32）。",
    expected_label="按另一处四舍五入",
)
def figure_precision(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    stated: dict[tuple[str, str], dict[Decimal, tuple[Quote, str]]] = {}
    for b in doc.blocks:
        if b.table is not None or len(b.text) < 20 or ("万" not in b.text and "人次" not in b.text):
            continue
        for c in _COUNT.finditer(b.text):
            m = _COUNTED.search(b.text, max(0, c.start() - 16), c.start())
            if m is None:
                continue
            seen = stated.setdefault((m["what"], c["unit"]), {})
            quote = Quote(b.text[m.start() : c.end()], b.page_at(m.start()), None, block=b)
            seen.setdefault(Decimal(c["n"]), (quote, m["lead"] + m["what"]))
    for (what, unit), seen in stated.items():
        values = sorted(seen, key=decimals)
        for coarse, fine in zip(values, values[1:], strict=False):
            if decimals(fine) <= decimals(coarse) or abs(fine - coarse) * 100 >= max(fine, coarse):
                continue
            rounded = fine.quantize(Decimal(1).scaleb(-decimals(coarse)), rounding=ROUND_HALF_UP)
            if rounded == coarse:
                continue
            one, other = seen[coarse][1], seen[fine][1]
            name = next(one[i:] for i in range(len(one)) if other.endswith(one[i:]))  # the common ending
            yield make_finding(
                "repeat.figure_precision",
                "info",
                f"{what}/{coarse}/{fine}",
                f"文中两处写{name}：{coarse}{unit}、{fine}{unit}；{fine}保留{decimals(coarse)}位小数是{rounded}，"
                f"与{coarse}不符，同一个数两处写法不一。",
                f"{coarse}{unit}",
                f"{rounded}{unit}",
                [seen[coarse][0], seen[fine][0]],
            )


# a time limit: how long one procedure may take is the same in every table that states it, whereas a
# count or an amount belongs to its own project (two projects' "工作办公经费" are two sums)
_CATEGORY_HEAD = re.compile(r"^(?:[\u4e00-\u9fff]{2}指标)+")  # "时限指标案件办理时限"


@rule(
    "repeat.perf_bound_tables",
    title="同一时限指标在两张自评表中一处达标、一处超限",
    explanation=(
        "同一份报告的两张绩效自评表（通常是整体支出自评表和某个项目的自评表）列了同一个办理时限指标。"
        "一张表写上限“<=60日”并填实际值在上限内（达标），另一张表的实际值却超过这个上限（“=75日”）。"
        "同一类事项同一年的办理时限，两张表不能都对。只比较以日、工作日、天、小时计的时限（数量和金额各属各的项目，"
        "不比较），只比较导出时表格结构丢失、指标各栏成了一行行短文字的自评表，名称至少六个字且一个是另一个的结尾。"
        "另一张表写了不同的上限（“<=60日”与“<=45日”）、实际值也在这个上限内的，是同名的两类事项（劳动保障监察案件与"
        "劳动人事争议案件），不比较。"
    ),
    formula="表甲：指标 ≤ B，实际 a ≤ B；表乙：同名指标实际 b ⇒ b ≤ B",
    tolerance="按印出的数比较，单位须相同",
    example="整体自评表案件办理时限（工作日）<=60日、实际60日；劳动保障监察工作经费自评表同一指标实际=75日。",
    expected_label="另一张表的上限",
)
def perf_bound_tables(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None or report.perf_tables:
        return
    projects = projects_by_block(report)

    def table_of(pos: int) -> str:
        return "整体支出自评表" if projects[pos] == NO_PROJECT else f"《{projects[pos]}》自评表"

    rows = [
        (table_of(pos), _CATEGORY_HEAD.sub("", name), target, unit, text, actual, quote)
        for pos, name, target, unit, text, actual, _shown, quote, *_ in stream_rows(report)["time"]
    ]
    for table, name, bound, unit, text, met, quote in rows:
        if not text.startswith(("<=", "≤")) or met > bound or len(name) < 6:
            continue
        for other_table, other, other_bound, other_unit, other_text, actual, other_quote in rows:
            same = len(other) >= 6 and (other.endswith(name) or name.endswith(other))
            if not same or other_unit != unit or actual <= bound or other_quote == quote:
                continue
            if other_text.startswith(("<=", "≤")) and other_bound != bound and actual <= other_bound:
                # a bound of its own that it meets: another kind of case by the same name (劳动保障监察 within 60 days,
                # 劳动人事争议 within 45), not the same limit missed
                continue
            yield make_finding(
                "repeat.perf_bound_tables",
                "warning",
                f"{name}/{bound}/{actual}",
                f"{table}写“{name}”{text}、实际{met}{unit}，已达标；{other_table}同一指标的实际值却是"
                f"{actual}{unit}（指标值{other_text}），超过了{bound}{unit}的上限。",
                f"{actual}{unit}",
                f"不超过{bound}{unit}",
                [quote, other_quote],
            )


# the thing an indicator counts, as running text names it: "人社政策宣传次数" → "人社政策宣传", "完成职业技能培训人次" →
# "职业技能培训"
def _indicator_stem(name: str) -> str:
    return re.sub(r"(?:人数|数量|次数|个数|人次|场次|数)$", "", re.sub(r"[（(][^）)]*[）)]$", "", name))


def _indicator_core(name: str) -> str:
    return re.sub(r"^(?:完成|开展|实现|组织|举办)", "", _indicator_stem(name))


def _text_bound(core: str, unit: str) -> re.Pattern[str]:
    """ "人社政策宣传活动2次以上", "案件办理时限均在60日内": the indicator's core (spaces allowed between its characters,
    as OCR puts them), at most three characters more, a figure in the indicator's unit, and the bound word."""
    base = unit.removesuffix("次") or unit
    named = r"\s*".join(map(re.escape, core))
    return re.compile(
        named + r"[\u4e00-\u9fff]{0,3}?\s*(?:达到|在|为)?\s*(?P<n>\d+(?:\.\d+)?)\s*"
        rf"{re.escape(base)}次?\s*(?P<word>以上|以内|以下|内)"
    )


_BOUND_WORD = re.compile(r"\d\s*[^\d\s]{0,3}\s*(?:以上|以内|以下|内)")


def _bounded_rows(
    report: Report,
) -> Iterable[tuple[str, str, Decimal, Decimal, str, str, Quote, list[Block]]]:
    """(name, unit, target, actual, target as printed, actual as printed, quote of the row, the paragraphs before it in
    its table) of each indicator with a ≥/≤ target and an actual in its unit."""
    doc = report.document
    if doc is None:
        return
    rows = stream_rows(report)
    for row in (*rows["count"], *rows["percent"], *rows["time"]):
        if row.target_text.startswith((">=", "≥", "<=", "≤")):
            before = [
                b for b in doc.blocks[max(0, row.pos - 60) : row.pos] if b.table is None and len(b.text) >= 30
            ]
            quote = row.scored or row.quote
            yield row.name, row.unit, row.target, row.actual, row.target_text, row.shown, quote, before
    # a grid table's rows between its funding rows and its first indicator: its goal and completion text (003 holds
    # dozens of 自评表 in one grid, so the rows before its first indicator are not all its own)
    rows_at = {(b.table, b.row): b for b in doc.blocks if b.table is not None}
    for table in report.perf_tables:
        if not table["indicators"] or not table["funding"]:
            continue
        start, first = max(r["row"] for r in table["funding"]), table["indicators"][0]["row"]
        goal = (rows_at.get((table["table"], r)) for r in range(start + 1, first))
        before = [b for b in goal if b is not None and _BOUND_WORD.search(b.text)]
        if not before:
            continue
        for ind in table["indicators"]:
            t = _BOUND.match((ind.get("target") or "").replace(" ", ""))
            a = _ACTUAL.match((ind.get("actual") or "").replace(" ", ""))
            if (
                not t
                or not a
                or t["op"] not in (">=", "<=", "≥", "≤")
                or not t["unit"]
                or a["unit"] != t["unit"]
            ):
                continue
            name = indicator_name(ind).replace(" ", "")
            target, actual = Decimal(t["n"].replace(",", "")), Decimal(a["n"].replace(",", ""))
            yield name, t["unit"], target, actual, ind["target"], ind["actual"], ind["quote"], before


@rule(
    "repeat.perf_bound_text",
    title="文字所说的指标界限，自评表的指标值和实际值都对不上",
    explanation=(
        "自评表前的目标或完成情况文字写“人社政策宣传活动2次以上”“案件办理时限均在60日内”，表中同一指标"
        "（文字含指标名称去掉“人数、次数”等和开头的“完成、开展”后的部分，至少四个字）却写了另一个指标值，"
        "而实际完成值又达不到文字所说的界限。文字若是目标，它与指标值不一致；文字若是完成情况，它与实际值不一致："
        "两种读法都有一处写错。文字的界限与指标值相同、或实际值满足文字所说的界限时不报。"
    ),
    formula="文字“N以上”（或“N以内”）≠ 指标值，且 实际值 < N（或 > N）",
    tolerance="按印出的数比较，单位须相同",
    example="目标写“组织开展劳动能力评审会议20场以上”，指标“组织开展评审会议场次”>=5场、实际=9场。",
    expected_label="自评表",
)
def perf_bound_text(report: Report) -> Iterable[Finding]:
    seen: set[tuple[str, Decimal]] = set()
    bare: dict[int, str] = {}  # each paragraph's text without OCR's spaces, made once
    for name, unit, target, actual, target_text, shown, quote, before in _bounded_rows(report):
        core = _indicator_core(name)
        if len(core) < 4:
            continue
        named = [b for b in before if core in bare.setdefault(id(b), b.text.replace(" ", ""))]
        if not named:
            continue
        pattern = _text_bound(core, unit)
        for b in named:
            for m in pattern.finditer(b.text):
                bound, upper = Decimal(m["n"]), m["word"] != "以上"
                broken = actual > bound if upper else actual < bound
                if bound == target or not broken or (name, bound) in seen:
                    continue
                seen.add((name, bound))
                yield make_finding(
                    "repeat.perf_bound_text",
                    "warning",
                    f"{name}/{bound}",
                    f"文字写“{m.group(0)}”，自评表中“{name}”的指标值却是{target_text}，实际完成值{shown}"
                    f"{'超过' if upper else '达不到'}文字所说的{bound}{unit}。",
                    f"{bound}{unit}{m['word']}",
                    f"{target_text}，实际{shown}",
                    [Quote(m.group(0), b.page_at(m.start()), None, block=b), quote],
                )


_SENTENCE = re.compile(r"[^。；;！？\n]+[。；;！？]?")
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _figure_value(fig: str) -> str:
    """A figure as its value reads: "1,337.88" and "1337.88" are one figure, "2442.40" and "2442.4" too."""
    if _THOUSANDS.fullmatch(fig):
        fig = fig.replace(",", "")
    return fig.rstrip("0").rstrip(".") if "." in fig else fig


@rule(
    "repeat.copied_passage",
    title="同一段话抄写两处，其中一个数不同",
    explanation=(
        "报告常把同一段话写在两处（情况说明和绩效自评报告、总结和分项说明）。两处连续两句话逐字相同、写出的数"
        "（至少三个）也都相同，只有一个数不同时，说的是同一件事的同一个数，两处必有一处写错。只比较正文段落"
        "（表格行不比较）；两句话合计不少于30个汉字。模板套话（逐项说明各科目时句式相同、数不同）总有两个以上的数"
        "不同，不在此列；不同的只是年份（同样的话说两个年度）的也不比较。"
        "一个分句（到“；”或“。”为止，至少三个数、二十个汉字）在三处以上写出、前后文各不相同时，只有一处的一个数与其余各处"
        "不同的，同样报告；只写两处的分句不单独比较（目标和完成情况常用同样的句子）。"
    ),
    formula="两处逐字相同的两句话（或三处以上逐字相同的分句）中，除一个数外其余都相同 ⇒ 该数也应相同",
    tolerance="数按数值比较（千分位逗号、小数末尾的0不算不同；精度低的一处是另一处四舍五入的也视为相同），不相同即报",
    example="“1-11月，全市累计发放稳岗返还1337.88万元，惠及用人单位1306家……”在三处写出；其中一处若写作1739.24万元即报。",
    expected_label="另一处写",
)
def copied_passage(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    sentences: list[tuple[str, Block, int]] = []
    position = {id(b): n for n, b in enumerate(doc.blocks)}
    for b in doc.blocks:
        if b.table is None:
            for m in _SENTENCE.finditer(b.text):
                raw = m.group(0)
                text = raw.strip()
                if text:
                    sentences.append((text, b, m.start() + len(raw) - len(raw.lstrip())))
    # each sentence read once: its figures, its Chinese characters and (when needed) its text with the figures masked
    read = [(tuple(_figure_value(f) for f in _FIGURE.findall(t)), t) for t, _b, _s in sentences]
    han = [len(_HAN.findall(t)) for _f, t in read]
    masked: dict[int, str] = {}

    def mask(j: int) -> str:
        if j not in masked:
            masked[j] = _FIGURE.sub("#", read[j][1].rstrip(_ENDS))
        return masked[j]

    # masked text → figures as written → the pairs (their first sentence's index) written so
    passages: dict[str, dict[tuple[str, ...], list[int]]] = {}
    for i in range(len(sentences) - 1):
        (f1, _), (f2, _) = read[i], read[i + 1]
        if len(f1) + len(f2) < 3 or han[i] + han[i + 1] < 30 or min(han[i], han[i + 1]) < 2:
            continue  # (a figure alone, "9.68", is a table's cell one to a line, no sentence of a passage)
        passages.setdefault(mask(i) + mask(i + 1), {}).setdefault(f1 + f2, []).append(i)
    seen: set[tuple[str, frozenset[str]]] = set()
    for variants in passages.values():
        found = _one_figure_apart(variants)
        if found is None:
            continue
        k, written = found
        beside = sorted(position[id(sentences[i][1])] for fig in written for i in variants[fig])
        if (
            len(beside) == 2
            and beside[1] - beside[0] <= 3
            and any(_GOAL_HEAD.match(b.text.strip()) for b in doc.blocks[max(0, beside[0] - 4) : beside[0]])
        ):
            # two paragraphs side by side under a 自评表's "预期目标 实际完成情况": its goal and result cells saved one to
            # a line ("……尾款4.63万元" / "……尾款4.08万元"), a goal and its result worded alike
            continue
        first_count = len(read[variants[written[0]][0]][0])
        which = 0 if k < first_count else 1  # the sentence of the pair that holds the figure
        quotes = []
        for fig in written:
            text, b, start = sentences[variants[fig][0] + which]
            quotes.append(Quote(text, b.page_at(start), None, block=b))
        yield from _copied(variants, written, k, quotes, seen)
    # a clause written three times or more, in paragraphs that differ around it (004: "截止到目前，脱贫人口就业总规模为
    # 31.5万人，转移就业率为87.85%，超过目标任务1.31个百分点" in five): one copy alone in writing one figure otherwise.
    # Two copies are not enough (a goal and its result are often worded alike), nor are clauses of two figures
    # (template clauses "全年预算为X万元，支出决算为Y万元" of two items may share one figure).
    clauses: dict[str, dict[tuple[str, ...], list[int]]] = {}
    for i, (figures, _) in enumerate(read):
        if len(figures) >= 3 and han[i] >= 20:
            clauses.setdefault(mask(i), {}).setdefault(figures, []).append(i)
    for copies in clauses.values():
        found = _one_figure_apart(copies)
        if found is None:
            continue
        k, written = found
        if (
            len(written) != 2
            or min(len(copies[f]) for f in written) != 1
            or len(copies[written[0]]) + len(copies[written[1]]) < 3
        ):
            continue  # not one copy alone against two or more others
        places = [sentences[copies[fig][0]] for fig in written]
        quotes = [Quote(text.rstrip(_ENDS), b.page_at(at), None, block=b) for text, b, at in places]
        if any(_FIGURE.sub("#", q.quote) in reported for q in quotes for reported, _ in seen):
            continue  # reported with its sentence pair above
        yield from _copied(copies, written, k, quotes, seen)


# a 自评表's goal columns' head, a short line of its own ("年度总体目标 预期目标 实际完成情况", or one to a line)
_GOAL_HEAD = re.compile(r"^(?:年度总体目标|预期目标|实际完成情况)(?:\s*(?:预期目标|实际完成情况))*$")
_ENDS = "。；;！？"  # what ends a sentence of _SENTENCE (a clause: it stops at "；" too)


def _one_figure_apart(
    variants: Mapping[tuple[str, ...], Sequence[object]],
) -> tuple[int, list[tuple[str, ...]]] | None:
    """(the position of the one figure the ways of writing a passage differ in, those ways) when they differ in
    exactly one figure that is neither a year nor one figure at two precisions; else None."""
    if len(variants) < 2:
        return None
    written = list(variants)
    differ = [k for k in range(len(written[0])) if len({f[k] for f in written}) > 1]
    if len(differ) != 1:
        return None
    k = differ[0]
    values = [f[k] for f in written]
    if all(re.fullmatch(r"(?:19|20)\d\d", v) for v in values):
        return None  # two years: the same words said of two periods, not one figure written twice
    read_as = [parse_amount(v) for v in values]
    if all(a is not None and b is not None and same_figure(a, b) for a in read_as for b in read_as):
        return None  # "98.14%" and "98.1%": one figure at two precisions
    return k, written


def _copied(
    variants: Mapping[tuple[str, ...], Sequence[object]],
    written: list[tuple[str, ...]],
    k: int,
    quotes: list[Quote],
    seen: set[tuple[str, frozenset[str]]],
) -> Iterable[Finding]:
    values = [f[k] for f in written]
    key = (_FIGURE.sub("#", quotes[0].quote), frozenset(values))
    if key in seen:
        return
    seen.add(key)
    counts = {v: sum(len(variants[f]) for f in written if f[k] == v) for v in values}
    shown = "、".join(f"{v}（{counts[v]}处）" for v in values)
    yield make_finding(
        "repeat.copied_passage",
        "error",
        f"{key[0][:40]}/{'/'.join(sorted(values))}",
        f"同一段话在报告中写了{sum(counts.values())}处，其余的数都相同，只有一个数写法不同：{shown}；"
        "同一件事的同一个数不应有两个值。",
        values[0],
        "；".join(values[1:]),
        quotes,
    )


# "支出决算为1511.89元" — an amount in 元 written to the cent, or of five digits and more (not "62元", "3960元")
_YUAN = re.compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{1,2}|\d{5,})\s*元(?![/／])")
_WAN = re.compile(rf"(?<![\d.,])(?P<n>\d[\d,]*(?:\.\d+)?)\s*{WAN}")
_NUMBER = re.compile(r"(?<![\d.,])\d[\d,]*\.\d+")  # a table cell's amount to the cent
_CLAUSE_START = re.compile(r"[，,。；;：:、\s]")


def _significant(n: Decimal) -> int:
    return len(str(abs(n)).replace(".", "").lstrip("0"))


def _in_wan(report: Report, wanted: set[Decimal]) -> dict[Decimal, Quote]:
    """Where the report writes these figures in 万元: running-text amounts and the cells of its statutory tables
    (only the texts that hold one of them as written, "1511.89" or "1,511.89", are read)."""
    doc = report.document
    forms = {f"{v:f}" for v in wanted} | {f"{v:,f}" for v in wanted}

    def holds(text: str) -> bool:
        return any(f in text for f in forms)

    out: dict[Decimal, Quote] = {}
    for t in statutory(report).values():
        for row in t.rows:
            if not holds(row.text):
                continue
            for m in _NUMBER.finditer(row.text):
                if (v := t.amount(m.group(0))) is not None:
                    out.setdefault(v, Quote(row.text, row.page, table=t.label))
    for b in doc.blocks if doc else []:
        if b.table is None and "万元" in b.text and holds(b.text):
            for m in _WAN.finditer(b.text):
                if (v := parse_amount(m["n"])) is not None:
                    start = max(0, m.start() - 20)
                    out.setdefault(v, Quote(b.text[start : m.end()], b.page_at(m.start()), None, block=b))
    return out


@rule(
    "repeat.unit",
    title="同一金额一处写“元”、一处写“万元”",
    explanation=(
        "决算报告的金额以万元为单位。正文某处写“1511.89元”，而报告别处（决算表或正文）同一个数字写作1,511.89万元，"
        "两处相差一万倍，这处的“元”多半漏了“万”字；这句话里的金额也因此无法与表中的数核对。"
        "只比较写到分的金额或五位以上的整数（“62元”“3960元”这类小额不比），且数字须与别处的万元数完全相同。"
    ),
    formula="文中“X元”的X ≠ 报告别处“X万元”的X",
    tolerance="数字完全相同才报告（至少四位有效数字）",
    example="年初预算为1560.05万元，支出决算为1511.89元（表中行政运行支出决算1,511.89万元）",
    expected_label="别处的写法",
)
def unit(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    found = [
        (b, m, value)
        for b in doc.blocks
        if b.table is None and "元" in b.text
        for m in _YUAN.finditer(b.text)
        if (value := parse_amount(m["n"])) is not None and _significant(value) >= 4
    ]
    wan = _in_wan(report, {value for _, _, value in found}) if found else {}
    for b, m, value in found:
        if value not in wan:
            continue
        starts = [c.end() for c in _CLAUSE_START.finditer(b.text, max(0, m.start() - 30), m.start())]
        start = starts[-1] if starts else max(0, m.start() - 30)
        shown = b.text[start : m.end()]
        yield make_finding(
            "repeat.unit",
            "warning",
            f"{value}",
            f"文中写“{shown}”，而报告别处同一数字写作{m['n']}万元（“{wan[value].quote[:40]}”）："
            f"两处相差一万倍，这里的“元”多半漏了“万”字。",
            f"{m['n']}元",
            f"{m['n']}万元",
            [Quote(shown, b.page_at(m.start()), None, block=b), wan[value]],
        )


# The parts a report lists after 其中 (收入/支出 by kind, 人员经费/公用经费, the 三公 parts, 政府采购 by kind):
# each one names a different figure.
_PARTS = (
    "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "财政拨款收入", "上级补助收入", "事业收入",
    "经营收入", "附属单位上缴收入", "其他收入", "人员经费", "公用经费", "因公出国（境）费", "公务用车购置费",
    "公务用车运行维护费", "公务用车购置及运行维护费", "公务接待费", "政府采购货物支出", "政府采购工程支出",
    "政府采购服务支出", "年初结转和结余", "年末结转和结余", "本年收入合计", "本年支出合计", "结余分配",
    "工资福利支出", "商品和服务支出", "商品服务支出", "对个人和家庭的补助", "对个人和家庭补助", "资本性支出",
    "货物采购金额", "工程采购金额", "服务采购金额",
)  # fmt: skip
# the economic classes written two ways (004: "商品服务支出"): one part
_SAME_PART = {
    "商品服务支出": "商品和服务支出",
    "对个人和家庭补助": "对个人和家庭的补助",
    **{
        f"{kind}采购金额": f"政府采购{kind}支出" for kind in ("货物", "工程", "服务")
    },  # 规划局's "货物采购金额"
}
# a numbered item's or part's mark: "①", "一是", "（1）", "（一）"
_ITEM_MARK = rf"(?:{LIST_MARK}|[（(](?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})[）)])"
_ITEM_OPENS = re.compile(rf"(?:^|[：:；;])\s*{_ITEM_MARK}")  # …where it opens an item
_LISTED = re.compile(
    r"(?:^|(?<=[：:；;，,、]))\s*(?:其中\s*[：:]?\s*)?"
    rf"(?P<mark>(?:{_ITEM_MARK}|\d{{1,2}}[.、．])\s*)?(?P<label>"
    + "|".join(re.escape(p) for p in sorted(_PARTS, key=len, reverse=True))
    .replace("（", "[（(]")
    .replace("）", "[）)]")
    + r")(?:支出)?(?:决算数?)?(?:为|是|共计?|合计)?"
    + _AMOUNT
)


@rule(
    "repeat.list_part",
    title="同一句里同一分项列了两次、金额不同",
    explanation=(
        "情况说明常在一句话里逐项列出构成：“其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%”。"
        "同一句里同一个分项（基本支出、项目支出、人员经费、公用经费、“三公”各项、各类收入、政府采购各类等）出现两次且"
        "金额不同，至少一处把别的分项写成了它（多半是复制上一项后忘了改名称），这一项因此也无法与决算表核对。"
    ),
    formula="同一句中：分项名称相同 ⇒ 金额相同",
    tolerance="按印出的数字比较，不相等即报",
    example="其中：基本支出2336.91万元，占79.49%；基本支出603.14万元，占20.51%（后一项应为项目支出）",
    expected_label="同一分项",
)
def list_part(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    sections = section_of(doc)
    for pos, b in enumerate(doc.blocks):
        if b.table is not None or "万元" not in b.text:
            continue
        at = 0
        for sentence in b.text.split("。"):
            listed: dict[tuple[int, str], list[re.Match[str]]] = {}  # by (numbered item, part)
            for m in _LISTED.finditer(sentence):
                if in_budget_breakdown(sentence, m.start("label")):
                    continue  # a budget's part, beside the spending's in the same sentence
                lead = sentence[sentence_begin(sentence, m.start("label")) : m.start("label")]
                if qualified(lead, report.agency, report.year):
                    continue  # another body's list in the unit's sentence ("局本级基本支出2000.00万元、项目支出……")
                head = sentence[: m.start("label")]
                opened = max(head.rfind("（"), head.rfind("("))
                open_at = (
                    opened if opened > max(head.rfind("）"), head.rfind(")")) else -1
                )  # a bracket still open
                segment = head[max(head.rfind("；"), head.rfind(";"), open_at) + 1 :]
                # (not a comparison with last year, nor a closed note: "本年支出合计……，较上年减少……，其中：")
                segment = re.sub(r"(?:比|较|与)上一?年度?(?:相比)?|[（(][^（）()]*[）)]", "", segment)
                if of_another_year(report, segment) or (
                    open_at >= 0 and of_another_year(report, head[open_at:])
                ):
                    continue  # "；上年财政拨款收入……，其他收入4.50万元", "（上年：基本支出2289.00万元）": last year's parts
                label = re.sub(r"[(（]境[)）]", "（境）", m["label"])
                label = _SAME_PART.get(label, label)
                # each numbered item its own ("①……经费年初预算10万，财政拨款收入10万；②……财政拨款收入5万"); a mark
                # counts where it opens a part, not in an aside ("（主要是①……②……）") or a use ("主要用于①……"); a mark
                # numbering the part itself ("（1）基本支出……；（2）项目支出……") makes one list
                before_part = re.sub(r"[（(][^（）()]{3,}[）)]", "", sentence[: m.start()])
                item = 0 if m["mark"] else len(_ITEM_OPENS.findall(before_part))
                listed.setdefault((item, label), []).append(m)
            for (_, label), found in listed.items():
                values = {parse_amount(m["n"]) for m in found}
                if len(values) < 2:
                    continue
                shown = "、".join(f"{m['n']}万元" for m in found)
                printed = found[0]["label"]  # as the report names it ("服务采购金额")
                yield make_finding(
                    "repeat.list_part",
                    "error",
                    f"{label}/{shown}",
                    f"同一句话里{printed}列了{len(found)}次：{shown}；同一分项只能有一个金额，至少一处应是别的分项。",
                    shown,
                    "同一分项一个金额",
                    [
                        Quote(m.group(0).strip(), b.page_at(at + m.start()), sections[pos] or None, block=b)
                        for m in found
                    ],
                )
            at += len(sentence) + 1
