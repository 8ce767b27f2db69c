"""Counts stated beside the items they count.

- sum.listed_count: "下设5个科室，分别是：综合科、人力资源服务科、……" — the number of units a report says it has,
  against the units it then names (in the same sentence, or one per following paragraph: "（一）综合股……").
- sum.grade_count: "二级项目绩效自评个数11个……：10个项目自评等级为“优”，1个项目……“良”，0个……“中”，0个……“差”"
  — the projects self-evaluated, against the projects given each grade.
- sum.self_evaluated_funds: the same sentence's "涉及资金1253.62万元" against the report's own 自评表, one per project.
- sum.problems_rectified: "发现问题N个，已经完成整改的A个，正在整改的B个" — A + B cannot exceed N.
- sum.foreign_guests: "公务接待2批次、26人次，其中：接待外宾0批次、0人次" and "……（含外宾接待支出0.00万元）" — a part within its whole.
- sum.batches_people: "公务接待N批次、P人次" — at least one person a batch.
- sum.reception_parts: the national template's "公务接待费……。国内接待费……，其中外事接待费……；国（境）外接待费……" — the two
  parts add up to the whole (amount, batches, people), and 外事接待 is within 国内接待.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from generator.checks import make_finding, rule, running_with
from generator.checks.tolerance import fmt, provably_greater, sum_differs
from generator.extract.narrative import FIG, WAN
from generator.model import Block, Finding, Quote, Report
from generator.normalize import parse_amount

_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}

# "下设5个科室，分别是：" / "设有4个内设机构，分别是：" / "下设19个科室,分别是:" (the list follows, or is in the
# paragraphs after)
_UNITS = re.compile(
    r"(?P<verb>下设|设有|内设|设)\s*(?P<n>\d+|[一二三四五六七八九十]{1,3})\s*个(?P<what>科室|处室|股室|内设机构|机构|部门)"
    r"\s*[，,]\s*(?:分别(?:是|为)|包括)\s*[：:]\s*(?P<list>[^。；;]*)(?P<end>[。；;]?)"
)
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分|\d+[.、．])")
_ITEM_PARAGRAPH = re.compile(
    r"^\s*[（(](?P<k>[一二三四五六七八九十]{1,3})[）)]\s*(?P<name>[^\s，,。：:；;]{2,20})"
)


def _number(text: str) -> int | None:
    """5 of "5", 12 of "十二", 19 of "十九"."""
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _CHINESE_DIGITS.get(text)
    if text[0] == "十":
        return 10 + (_CHINESE_DIGITS.get(text[1], 0) if len(text) > 1 else 0)
    if len(text) >= 2 and text[1] == "十":
        return _CHINESE_DIGITS.get(text[0], 0) * 10 + (
            _CHINESE_DIGITS.get(text[2], 0) if len(text) > 2 else 0
        )
    return None


_UNIT_END = re.compile(r"(?:科|室|股|处|部|中心|队|所|站|组|局|院|馆)(?:[（(][^（）()]*[）)])?$")
_JOINED = re.compile(r"以及|和|及|与")


def _joined_last(items: list[str]) -> list[str]:
    """The last item of a list split in two at "以及"/"和"/"及"/"与" when both halves are units' names ("……人事档案服务部
    和市企业用工服务中心"); not inside one name ("劳动关系和工资福利科": 劳动关系 names no unit)."""
    if not items:
        return items
    last = items[-1]
    for m in _JOINED.finditer(last):
        left, right = last[: m.start()].strip(), last[m.end() :].strip()
        if _UNIT_END.search(left) and _UNIT_END.search(right) and len(right) >= 2:
            return [*items[:-1], left, right]
    return items


def _top_level_items(text: str) -> list[str]:
    """The items of "办公室（组织人事科）、基金监督科（劳动监察科）、法规科": split on 、 outside brackets."""
    items, depth, current = [], 0, ""
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        if ch == "、" and depth == 0:
            items.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        items.append(current.strip())
    return [i for i in items if i]


@rule(
    "sum.listed_count",
    title="所列机构数与“下设N个”不符",
    explanation=(
        "机构设置一节写“下设N个科室，分别是：甲、乙、丙……”，其后列出的名称个数就应是N。名称写在同一句中的，"
        "按顶层的顿号计数（括号内的别名不另计）；冒号后另起段落逐条列出（“（一）综合股……”）的，数这些段落。"
        "列举没有写完（句子未以句号结束、名称过长）的不比较。"
    ),
    formula="N = 所列名称个数",
    tolerance="个数是准确数，不相等即报",
    example="下设5个科室，分别是：综合科、人力资源服务科、就业服务科、大中专毕业生就业服务科、创业服务科（5个）",
    expected_label="所列名称",
)
def listed_count(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    blocks = doc.blocks
    for i, b in enumerate(blocks):
        if b.table is not None or "个" not in b.text:
            continue
        for m in _UNITS.finditer(b.text):
            n = _number(m["n"])
            if n is None:
                continue
            listed = m["list"].strip()
            quotes = [Quote(m.group(0), b.page_at(m.start()), None, block=b)]
            if listed:
                items = _joined_last(_top_level_items(listed))
                if m["end"] in ("；", ";") and len(items) != n:
                    # "综合科；人力资源服务科；……": the units may be listed one a clause, up to the sentence's end
                    stop = b.text.find("。", m.end())
                    clauses = b.text[m.end() : len(b.text) if stop < 0 else stop]
                    rest = _top_level_items(
                        re.sub(r"[；;]", "、", clauses)
                    )  # "……；大中专毕业生就业服务科、创业服务科"
                    more = [x for x in rest if x]
                    if not more or not all(_UNIT_END.search(x) and len(x) <= 30 for x in [*items, *more]):
                        continue  # the clause after is no unit's name: the list was not read whole
                    items = _joined_last([*items, *more])
                if re.search(r"等[\u4e00-\u9fff]{0,4}$", listed):
                    continue  # "……财务科等": not every unit is named
                if not m["end"] and m.end() < len(b.text.rstrip()):
                    continue  # the list does not end where the sentence does: not read whole
                if any(len(re.sub(r"[（(][^）)]*[）)]", "", item)) > 30 for item in items):
                    continue  # a clause, not a name: the list was not read as names
            elif m.end() >= len(b.text.rstrip()):
                # the items follow, one paragraph each: "（一）综合股" "（二）……"
                items = []
                for nb in blocks[i + 1 : i + 60]:
                    if nb.table is not None:
                        break
                    im = _ITEM_PARAGRAPH.match(nb.text)
                    if im is None:
                        if _HEADING.match(nb.text):
                            break  # the next section: the list has ended
                        continue  # an item's description, between the items
                    if _number(im["k"]) != len(items) + 1:
                        break
                    items.append(im["name"])
                    quotes.append(Quote(im.group(0).strip(), nb.page_at(0), None))
                if not items:
                    continue
            else:
                continue
            if len(items) == n:
                continue
            shown = "、".join(items)
            yield make_finding(
                "sum.listed_count",
                "error",
                f"{m['what']}/{n}/{len(items)}",
                f"文中写{m['verb']}{n}个{m['what']}，其后列出的却是{len(items)}个：{shown}。",
                f"{n}个",
                f"{len(items)}个",
                quotes,
            )


# "二级项目绩效自评个数11个，涉及资金1253.62万元：10个项目自评等级为“优”，1个项目自评等级为“良”，0个……“中”，
# 0个……“差”" (001); "绩效自评的2024年度项目4个，……（其中，绩效评级为“优”的项目4个；绩效评级为“良”的项目0个；
# 绩效评级为“合格”的项目0个；绩效评级为“不合格”的项目0个" (财政局)
_SELF_EVALUATED = re.compile(r"(?:绩效自评个数|绩效自评的[^，,。；;]{0,12}?项目)\s*(?P<n>\d+)\s*个")
_GRADE = re.compile(
    r"(?:(?P<a>\d+)\s*个(?:项目)?[^，,。；;\d]{0,10}?[“\"](?P<ga>优|良|中|差|合格|不合格)[”\"]"
    r"|[“\"](?P<gb>优|良|中|差|合格|不合格)[”\"]的项目\s*(?P<b>\d+)\s*个)"
)


@rule(
    "sum.grade_count",
    title="自评项目数与各等级项目数之和不符",
    explanation=(
        "绩效管理情况写“绩效自评的项目N个”，随后按自评等级分列“优”“良”“中”“差”（或“合格”“不合格”）的项目个数。"
        "每个项目只有一个等级，各等级的个数之和应等于N。只在同一段中按四个不同等级列出个数时比较。"
    ),
    formula="N = Σ 各等级项目个数",
    tolerance="个数是准确数，不相等即报",
    example="二级项目绩效自评个数11个：“优”10个、“良”1个、“中”0个、“差”0个，10 + 1 + 0 + 0 = 11",
    expected_label="各等级之和",
)
def grade_count(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    for b in doc.blocks:
        if b.table is not None or "优" not in b.text:
            continue
        for m in _SELF_EVALUATED.finditer(b.text):
            rest = b.text[m.end() : m.end() + 240]
            grades: dict[str, int] = {}
            end = m.end()
            for g in _GRADE.finditer(rest):
                grade, count = (g["ga"], g["a"]) if g["ga"] else (g["gb"], g["b"])
                if grade in grades:
                    break
                grades[grade] = int(count)
                end = m.end() + g.end()
            if len(grades) != 4:
                continue
            n, total = int(m["n"]), sum(grades.values())
            if n == total:
                continue
            shown = " + ".join(f"“{k}”{v}个" for k, v in grades.items())
            yield make_finding(
                "sum.grade_count",
                "error",
                f"自评等级/{n}/{total}",
                f"文中写绩效自评的项目{n}个，各等级的项目数却是{shown} = {total}个。",
                f"{n}个",
                f"{total}个",
                [Quote(b.text[m.start() : end], b.page_at(m.start()), None, block=b)],
            )


_FUNDS = re.compile(
    rf"[^。；;]{{0,12}}?涉及(?:预算)?(?:资金|金额)(?:共计|合计|总额)?为?\s*(?P<x>\d[\d,]*(?:\.\d+)?)\s*{WAN}"
)
_MONEY = {"budget": "全年预算数", "spent": "全年执行数"}


@rule(
    "sum.self_evaluated_funds",
    title="自评项目涉及资金与各自评表的资金之和不符",
    explanation=(
        "绩效管理情况写“二级项目绩效自评个数N个，涉及资金X万元”，报告后面附有这N个项目的绩效自评表，"
        "每张表的资金总额一行列出全年预算数和全年执行数。X是这N个项目的资金合计，应等于各表同一栏之和；"
        "报告没有说是哪一栏，所以两栏之和都不等于X时才报（写明了栏目的“全年预算数……全年执行数……”见"
        "perf.projects_total）。只在报告所附项目自评表的张数正好是N、每张表都读到资金总额一行时比较。"
    ),
    formula="X = Σ 各自评表资金总额行的全年执行数（或全年预算数）",
    tolerance="每个印出的金额各有半个末位单位的舍入（整数为0.5万元），和的容差为各数半个末位单位之和",
    example="001：自评个数11个，涉及资金1253.62万元；11张自评表全年执行数之和为1,253.627万元：相符",
    expected_label="各自评表之和",
)
def self_evaluated_funds(report: Report) -> Iterable[Finding]:
    from generator.checks.perf import _project_totals  # the tables perf.projects_total adds up, read alike

    projects: list | None = None  # read once a statement is found
    for _, b in running_with(report, "涉及"):
        for m in _SELF_EVALUATED.finditer(b.text):
            funds = _FUNDS.match(b.text, m.end())
            if funds is None:
                continue
            projects = _project_totals(report) if projects is None else projects
            stated = parse_amount(funds["x"])
            if int(m["n"]) != len(projects) or stated is None:
                continue
            sums: dict[str, Decimal] = {}
            for key, values in (("budget", [p[1] for p in projects]), ("spent", [p[2] for p in projects])):
                parts = [v for v in values if v is not None]
                if len(parts) != len(values):
                    continue  # a table whose total row was not read: unknown, not zero
                if not sum_differs(parts, stated)[0]:
                    break  # the stated funds are one of the columns' sum
                sums[key] = sum(parts, Decimal(0))
            else:
                if not sums:
                    continue
                shown = "，".join(f"{_MONEY[k]}之和{fmt(v)}万元" for k, v in sums.items())
                nearest = min(sums.values(), key=lambda v: abs(v - stated))
                yield make_finding(
                    "sum.self_evaluated_funds",
                    "warning",
                    f"自评项目资金/{funds['x']}",
                    f"文中写绩效自评项目{m['n']}个、涉及资金{funds['x']}万元，而报告所附{len(projects)}张项目自评表的资金"
                    f"总额行{shown}，都不等于{funds['x']}万元（与最接近的相差{fmt(abs(stated - nearest))}万元，"
                    "超出各数舍入的范围）。",
                    f"{funds['x']}万元",
                    f"{fmt(nearest)}万元",
                    [Quote(b.text[m.start() : funds.end()], b.page_at(m.start()), None, block=b)]
                    + [p[3] for p in projects[:3] if p[3] is not None],
                )


# 上海's template: "绩效自评中共发现问题0个，已经完成整改的0个，正在整改的0个"
_RECTIFIED = re.compile(
    r"发现问题\s*(?P<n>\d+)\s*个[，,]\s*已经?完成整改的?\s*(?P<done>\d+)\s*个[，,]\s*正在整改的?\s*(?P<doing>\d+)\s*个"
)


@rule(
    "sum.problems_rectified",
    title="已整改和正在整改的问题多于发现的问题",
    explanation=(
        "预算绩效管理情况写“绩效自评中共发现问题N个，已经完成整改的A个，正在整改的B个”。整改的只能是发现的问题，"
        "一个问题不会既已完成整改又正在整改，所以A + B不能超过N（少于N时，差额是尚未着手整改的问题，不报）。"
    ),
    formula="已完成整改 + 正在整改 ≤ 发现问题",
    tolerance="个数是准确数，超过即报",
    example="绩效自评中共发现问题0个，已经完成整改的0个，正在整改的0个：0 + 0 ≤ 0",
    expected_label="发现的问题",
)
def problems_rectified(report: Report) -> Iterable[Finding]:
    for _, b in running_with(report, "整改"):
        for m in _RECTIFIED.finditer(b.text):
            n, done, doing = int(m["n"]), int(m["done"]), int(m["doing"])
            if done + doing <= n:
                continue
            yield make_finding(
                "sum.problems_rectified",
                "error",
                f"整改/{n}/{done}/{doing}",
                f"文中写发现问题{n}个，已经完成整改的{done}个、正在整改的{doing}个，合计{done + doing}个，"
                f"比发现的问题还多。",
                f"{done + doing}个",
                f"至多{n}个",
                [Quote(m.group(0), b.page_at(m.start()), None, block=b)],
            )


# "列明公务接待2批次、26人次，其中：接待外宾0批次、0人次"; "国内公务接待支出0.39万（含外宾接待支出0.00万元）" (规划局)
_FOREIGN_GUESTS = re.compile(
    r"公务接待\s*(?P<n>\d+)\s*批次?[、，,]\s*(?P<p>\d+)\s*人次[，,]?\s*其中[：:]?\s*接待外宾\s*(?P<fn>\d+)\s*批次?[、，,]\s*"
    r"(?P<fp>\d+)\s*人次"
)
_FOREIGN_MONEY = re.compile(
    r"公务接待(?:费|支出)+\s*(?P<a>\d[\d,]*(?:\.\d+)?)\s*万元?\s*[（(]\s*(?:其中)?含外宾接待(?:费|支出)*\s*"
    r"(?P<f>\d[\d,]*(?:\.\d+)?)\s*万元?"
)


@rule(
    "sum.foreign_guests",
    title="接待外宾的批次、人次或金额多于公务接待的总数",
    explanation=(
        "“三公”经费说明写“公务接待N批次、P人次，其中：接待外宾n批次、p人次”，或“国内公务接待支出A万元（含外宾接待支出"
        "a万元）”。外宾接待包含在公务接待之中，n、p、a都不能超过N、P、A。"
    ),
    formula="外宾批次 ≤ 总批次；外宾人次 ≤ 总人次；外宾接待支出 ≤ 公务接待支出",
    tolerance="批次、人次是准确数；金额按印出精度比较：同一精度下印出的外宾金额大于总数即可确认（舍入不改变大小次序），"
    "精度不同时两者的舍入区间不重叠才报",
    example="列明公务接待2批次、26人次，其中：接待外宾0批次、0人次；国内公务接待支出0.39万（含外宾接待支出0.00万元）",
    expected_label="公务接待总数",
)
def foreign_guests(report: Report) -> Iterable[Finding]:
    for _, b in running_with(report, "外宾"):
        for m in _FOREIGN_GUESTS.finditer(b.text):
            for of_guests, of_all, unit in (("fn", "n", "批次"), ("fp", "p", "人次")):
                if int(m[of_guests]) > int(m[of_all]):
                    yield make_finding(
                        "sum.foreign_guests",
                        "error",
                        f"外宾{unit}/{m[of_guests]}/{m[of_all]}",
                        f"文中写公务接待{m[of_all]}{unit}，其中接待外宾{m[of_guests]}{unit}：其中之数多于总数。",
                        f"{m[of_guests]}{unit}",
                        f"至多{m[of_all]}{unit}",
                        [Quote(m.group(0), b.page_at(m.start()), None, block=b)],
                    )
        for m in _FOREIGN_MONEY.finditer(b.text):
            whole, part = parse_amount(m["a"]), parse_amount(m["f"])
            if whole is None or part is None or not provably_greater(part, whole):
                continue
            yield make_finding(
                "sum.foreign_guests",
                "error",
                f"外宾接待支出/{m['f']}/{m['a']}",
                f"文中写公务接待支出{m['a']}万元，其中含外宾接待支出{m['f']}万元：其中之数多于总数。",
                f"{m['f']}万元",
                f"至多{m['a']}万元",
                [Quote(m.group(0), b.page_at(m.start()), None, block=b)],
            )


# "公务接待2批次、26人次", "国内公务接待4批次，38人次", "全年共接待来访团组15个、来宾69人次", "因公出国（境）团组2个，累计6人次"
_BATCHES_PEOPLE = re.compile(
    r"(?:(?P<n>\d+)\s*批次?|团组\s*(?P<g>\d+)\s*个)\s*[、，,]\s*(?:来宾|累计|共计?|接待)?\s*(?P<p>\d+)\s*人次"
)
_RECEIVED = re.compile(
    r"接待|出国|出境|出访|团组|来访"
)  # …of guests or trips, not "抽检样品32批次，1人次被约谈"


@rule(
    "sum.batches_people",
    title="接待或出国的人次少于批次（团组）",
    explanation=(
        "“三公”经费说明写“公务接待N批次、P人次”“接待来访团组N个、来宾P人次”“因公出国（境）团组N个，累计P人次”时，"
        "每一批次（团组）至少有一人，人次不会少于批次数。人次少于批次，至少一个数写错了。"
    ),
    formula="人次 ≥ 批次（团组）数",
    tolerance="批次、人次是准确数，不涉及舍入",
    example="“列明公务接待2批次、26人次”：26 ≥ 2，相符；写成“2批次、1人次”则不成立。",
    expected_label="至少",
)
def batches_people(report: Report) -> Iterable[Finding]:
    for _, b in running_with(report, "人次"):
        for m in _BATCHES_PEOPLE.finditer(b.text):
            batches, people = int(m["n"] or m["g"]), int(m["p"])
            sentence = b.text[b.text.rfind("。", 0, m.start()) + 1 : m.start() + 3]
            if people >= batches or not _RECEIVED.search(sentence):
                continue
            unit = "批次" if m["n"] else "个团组"
            yield make_finding(
                "sum.batches_people",
                "error",
                f"{m.group(0)}",
                f"文中写{batches}{unit}、{people}人次：每一{unit.lstrip('个')}至少一人，人次不会少于{batches}。",
                f"{people}人次",
                f"至少{batches}人次",
                [Quote(m.group(0), b.page_at(m.start()), None, block=b)],
            )


# The national template's 公务接待 paragraph (001): "公务接待费支出0万元，共接待0批次，0人次。国内接待费0万元，共接待0批次，
# 0人次，其中外事接待费0万元，共接待0批次，0人次，……；国（境）外接待费0万元，共接待国（境）外0批次，0人次，……"
_GUESTS = r"(?:[，,]\s*(?:共计?|累计)?接待(?:国[（(]境[）)]外|境外)?\s*(?P<n>\d+)\s*批次?[，,、]\s*(?P<p>\d+)\s*人次)?"
_RECEPTION = {
    "公务接待费": re.compile(
        rf"(?<!国内)(?<!外事)(?<![）)]外)(?<!境外)公务接待费(?:支出)?(?:决算数?)?为?\s*(?P<a>{FIG})\s*{WAN}{_GUESTS}"
    ),
    # "国内接待费", "国内公务接待费", "国内公务接待支出"
    "国内接待费": re.compile(rf"国内(?:公务)?接待(?:费|支出)+为?\s*(?P<a>{FIG})\s*{WAN}{_GUESTS}"),
    "外事接待费": re.compile(rf"其中[：:]?\s*外事接待费(?:支出)?为?\s*(?P<a>{FIG})\s*{WAN}{_GUESTS}"),
    # 外事 listed as a third part beside 国内 and 国（境）外 ("国内接待费0.66万元，外事接待费0.30万元，国（境）外接待费……")
    "外事接待费（并列）": re.compile(rf"(?<![其中：:])外事接待费(?:支出)?为?\s*(?P<a>{FIG})\s*{WAN}"),
    # "国（境）外接待费", "国(境)外公务接待费", "境外接待费"
    "国（境）外接待费": re.compile(
        rf"(?:国[（(]境[）)]|境)外(?:公务)?接待(?:费|支出)+为?\s*(?P<a>{FIG})\s*{WAN}{_GUESTS}"
    ),
}


@rule(
    "sum.reception_parts",
    title="国内、国（境）外接待费与公务接待费总数不符",
    explanation=(
        "按决算公开的统一格式，公务接待费分为国内接待费（其中含外事接待费）和国（境）外接待费：“公务接待费支出A万元，"
        "共接待N批次，P人次。国内接待费a万元，共接待n批次，p人次，其中外事接待费e万元……；国（境）外接待费b万元，"
        "共接待国（境）外m批次，q人次”。两部分之和应等于总数（金额、批次、人次各自相加），外事接待是国内接待的一部分，"
        "不能多于国内接待。只核对同一段里写明了总数和这两部分的说明，两部分先写哪个都可以；外事接待费与国内、国（境）外"
        "并列写出（不写“其中”）时，看不出它是否含在国内接待之中，不核对合计。"
    ),
    formula="公务接待费 = 国内接待费 + 国（境）外接待费（批次、人次同样）；外事接待费 ≤ 国内接待费",
    tolerance="金额按印出精度：(n+1)×半个末位单位；批次、人次是准确数",
    example="“公务接待费支出0万元，共接待0批次，0人次。国内接待费0万元，……其中外事接待费0万元，……；国（境）外接待费0万元……”："
    "0 + 0 = 0，相符。",
    expected_label="应为",
)
def reception_parts(report: Report) -> Iterable[Finding]:
    for _, b in running_with(report, "国内"):
        found = {name: list(p.finditer(b.text)) for name, p in _RECEPTION.items()}
        if any(len(found[name]) != 1 for name in ("公务接待费", "国内接待费", "国（境）外接待费")):
            continue  # each stated once in the paragraph, or which is which is unclear
        whole, home, abroad = (found[name][0] for name in ("公务接待费", "国内接待费", "国（境）外接待费"))
        if not whole.start() < min(home.start(), abroad.start()):
            continue  # (the parts in either order: "国（境）外接待费……；国内接待费……")
        if any(m.start() > whole.start() for m in found["外事接待费（并列）"]):
            continue  # 外事 as a third part or within 国内: the text does not say which
        quotes = [Quote(m.group(0), b.page_at(m.start()), None, block=b) for m in (whole, home, abroad)]
        total, home_a, abroad_a = (parse_amount(m["a"]) for m in (whole, home, abroad))
        if total is not None and home_a is not None and abroad_a is not None:
            beyond, diff = sum_differs([home_a, abroad_a], total)
            if beyond:
                both = fmt(home_a + abroad_a)
                yield make_finding(
                    "sum.reception_parts",
                    "error",
                    f"公务接待费/{whole['a']}",
                    f"文中写公务接待费{whole['a']}万元，国内接待费{home['a']}万元、国（境）外接待费{abroad['a']}万元，"
                    f"两部分之和为{both}万元，与总数相差{fmt(abs(diff))}万元。",
                    f"{whole['a']}万元",
                    f"{both}万元",
                    quotes,
                )
        for group, unit in (("n", "批次"), ("p", "人次")):
            if any(m[group] is None for m in (whole, home, abroad)):
                continue
            total_n, parts_n = int(whole[group]), int(home[group]) + int(abroad[group])
            if total_n != parts_n:
                yield make_finding(
                    "sum.reception_parts",
                    "error",
                    f"公务接待{unit}/{total_n}",
                    f"文中写公务接待共{total_n}{unit}，国内接待{home[group]}{unit}、国（境）外接待{abroad[group]}{unit}，"
                    f"两部分之和为{parts_n}{unit}。",
                    f"{total_n}{unit}",
                    f"{parts_n}{unit}",
                    quotes,
                )
        foreign = found["外事接待费"][0] if len(found["外事接待费"]) == 1 else None
        # (after 国内, and before 国（境）外 where that follows 国内)
        if (
            foreign is not None
            and home.start() < foreign.start()
            and not home.start() < abroad.start() < foreign.start()
        ):
            yield from _foreign_affairs_within(b, home, foreign)


def _foreign_affairs_within(b: Block, home: re.Match[str], foreign: re.Match[str]) -> Iterable[Finding]:
    """外事接待 is a part of 国内接待: its amount, batches and people no more than those."""
    within = [Quote(m.group(0), b.page_at(m.start()), None, block=b) for m in (home, foreign)]
    part, of = parse_amount(foreign["a"]), parse_amount(home["a"])
    if part is not None and of is not None and provably_greater(part, of):
        yield make_finding(
            "sum.reception_parts",
            "error",
            f"外事接待费/{foreign['a']}",
            f"文中写国内接待费{home['a']}万元，其中外事接待费{foreign['a']}万元：其中之数多于总数。",
            f"{foreign['a']}万元",
            f"至多{home['a']}万元",
            within,
        )
    for group, unit in (("n", "批次"), ("p", "人次")):
        if foreign[group] is not None and home[group] is not None and int(foreign[group]) > int(home[group]):
            yield make_finding(
                "sum.reception_parts",
                "error",
                f"外事接待{unit}/{foreign[group]}",
                f"文中写国内接待{home[group]}{unit}，其中外事接待{foreign[group]}{unit}：其中之数多于总数。",
                f"{foreign[group]}{unit}",
                f"至多{home[group]}{unit}",
                within,
            )
