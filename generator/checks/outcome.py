"""What the 绩效自评 text says about the year's outcome, read against the 自评表 it summarises.

- perf.all_targets_met: "绩效目标完成率为100%" (or "绩效目标均已完成") while the table the text speaks for
  shows an indicator short of its target with points taken off for it (004: the text says 100%, the
  整体自评表 has two indicators at 99% of a 100% target, 4 of 5 points each, total 98).
- perf.in_progress: "截止12月31日，正在进行……" while the project's 完成时限 row has it done months
  before (000: 2024年8月16日, 100%).
- perf.deadline_missed: a 时效 indicator scored in full although its own actual, or the text under the
  same name ("下水管道维修时间2024年8月"), is later than its deadline (001: "4年6月30日").

The text a claim speaks for is the 项目名称 in effect where it stands (perf.projects_by_block): before the
first 项目名称 that is the 部门（单位）整体 table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.checks import make_finding, rule
from generator.checks.perf import _HAN, NO_PROJECT, _bound_and_actual, _name, _same_project, projects_by_block
from generator.extract.perf import is_whole
from generator.model import Finding, Quote, Report

# "绩效目标完成率为100%" / "各项绩效目标均已完成" / "绩效目标全部实现"
_ALL_MET = re.compile(
    r"绩效目标(?:的)?(?:完成率|实现率)\s*(?:为|达到?|是)?\s*100(?:\.0+)?\s*%"
    r"|(?:各项|所有|全部)?绩效目标(?:均|全部|都)已?(?:完成|实现|达成)"
)
# "并非所有绩效目标都已完成", "确保绩效目标完成率达到100%": a denial or a plan, not a claim
_NOT_A_CLAIM = re.compile(r"未|非|没有|不|确保|力争|计划|预计|争取|要求")
# a claim about some of the targets: "除……外", "其余", "产出类", "大部分"
_SCOPED = re.compile(
    r"除[^。；;]{0,30}外|其余|其他|(?:产出|效益|满意度|成本|数量|质量|时效|经济|社会|生态|可持续)(?:类|指标|方面)|部分|多数"
)


def _short(ind: dict) -> bool:
    """An indicator whose actual falls short of its target in the same unit, and that lost points for it."""
    score, points = ind.get("score"), ind.get("points")
    found = _bound_and_actual(ind, bare=True)
    if score is None or points is None or score >= points or found is None:
        return False
    upper, limit, actual = found
    return actual > limit if upper else actual < limit


def _row_quotes(report: Report, table: dict, ind: dict) -> list[Quote]:
    """The indicator's row, and the short rows right after it that hold its target and actual when the
    export broke the row in several (004: "…干群面貌越来越新。 100%" then "99%")."""
    out = [ind["quote"]]
    wanted = [
        v for v in ((ind.get(k) or "").strip() for k in ("target", "actual")) if v and v not in out[0].quote
    ]
    after = [
        b
        for b in (report.document.blocks if report.document and wanted else [])
        if b.table == table.get("table") and b.row is not None and ind["row"] < b.row <= ind["row"] + 4
    ]
    for value in wanted:
        b = next((b for b in after if b.text.strip() == value), None)
        if b is not None:
            after.remove(b)
            out.append(Quote(value, b.page_at(max(0, b.text.find(value))), None, out[0].table, block=b))
    return out


def _overall(table: dict) -> bool:
    return is_whole(table) or _name(table) in (NO_PROJECT, "") or not table.get("name")


def _tables_for(report: Report, project: str) -> list[dict]:
    if project == NO_PROJECT:
        return [t for t in report.perf_tables if _overall(t)]
    exact = [t for t in report.perf_tables if (t.get("name") or "").strip() == project]
    return exact or [t for t in report.perf_tables if t.get("name") and _same_project(t["name"], project)]


@rule(
    "perf.all_targets_met",
    title="文字说绩效目标全部完成，自评表却有未完成的指标",
    explanation=(
        "自评报告写“绩效目标完成率为100%”或“各项绩效目标均已完成”，而它所总结的自评表（写在某个项目之下的，"
        "是该项目的表；写在各项目之前的，是部门（单位）整体支出的表）中有指标的实际完成值没有达到指标值，"
        "并且因此扣了分。表已经承认这项目标没有完成，文字却说全部完成，两处不能同时成立。"
        "只比较指标值和实际值是同一单位的单个数字、且得分低于分值的指标。"
    ),
    formula="文字：绩效目标完成率 = 100% ⇒ 自评表中每项指标：实际值达到指标值",
    tolerance="按印出的数比较；单位不同、不是单个数字，或没有扣分的指标不比较",
    example="文字写“绩效目标完成率为100%”，整体自评表中生态效益指标的指标值100%，实际完成99%，5分只得4分，总分98分。",
    expected_label="按自评表",
)
def all_targets_met(report: Report) -> Iterable[Finding]:
    if report.document is None or not report.perf_tables:
        return
    blocks = report.document.blocks
    for project, b in zip(projects_by_block(report), blocks, strict=True):
        if b.table is not None or "绩效目标" not in b.text:
            continue
        m = _ALL_MET.search(b.text)
        if m is None or _NOT_A_CLAIM.search(b.text[max(0, m.start() - 8) : m.start()]):
            continue
        if _SCOPED.search(b.text[max(b.text.rfind(c, 0, m.start()) for c in "。；;") + 1 : m.start()]):
            continue  # "除生态效益指标外，其余绩效目标均已完成", "产出类绩效目标全部完成": a claim about some targets
        tables = _tables_for(report, project)
        short = [(t, ind) for t in tables for ind in t["indicators"] if _short(ind)]
        if not short:
            continue
        claim = Quote(m.group(0), b.page_at(m.start()), None, block=b)
        listed = "；".join(
            f"“{ind['name'][:24]}{'…' if len(ind['name']) > 24 else ''}”指标值{ind['target']}、实际完成"
            f"{ind['actual']}，{ind['points']}分得{ind['score']}分"
            for _, ind in short
        )
        totals = {t["total"]["score"] for t, _ in short if (t.get("total") or {}).get("score") is not None}
        total = f"；总分{totals.pop()}分" if len(totals) == 1 else ""
        scored = {id(t): t["total"]["quote"] for t, _ in short if total and t.get("total")}
        where = "整体支出自评表" if project == NO_PROJECT else f"《{project}》的自评表"
        yield make_finding(
            "perf.all_targets_met",
            "warning",
            f"{project}/{m.group(0)}",
            f"文字写“{m.group(0)}”，而{where}中有{len(short)}项指标未达到指标值并被扣分：{listed}{total}。",
            m.group(0),
            f"{len(short)}项指标未完成",
            [claim, *(q for t, ind in short for q in _row_quotes(report, t, ind)), *scored.values()],
        )


# "截止12月31日，正在进行……" — the text's own date, and the work still under way on it
_ONGOING = re.compile(
    r"截[止至]\s*(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*[，,]?\s*"
    r"(?:仍|尚|还)?(?P<at>正在|在)(?:进行|实施|开展|推进|建设)"
)
# "在开展……过程中", "在推进……中": 在 the preposition, not 正在
_WHILE = re.compile(r"[^，,。；;]{0,30}(?:中|时|期间)")
_YM = r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月"
_YMD = _YM + r"(?:\s*(?P<d>\d{1,2})\s*日)?"
# the actual of a 时效 indicator that is one full date: "2024年8月16日" (000: "工作完成时限 =2024年11月1日前 2024年8月16日")
_DONE_ON = re.compile(r"^=?\s*" + _YM + r"\s*(?P<d>\d{1,2})\s*日$")


@rule(
    "perf.in_progress",
    title="文字说年末仍在进行，自评表却写早已完成",
    explanation=(
        "项目的实际完成情况写“截止12月31日，正在进行……”，说到那一天工作还没有做完；同一项目自评表的"
        "“完成时限”指标却写实际完成日期在那一天之前，并得满分。两处说的是同一项工作何时完成，"
        "不能同时成立：要么工作年末仍未完成（时效指标不应记为完成），要么文字的说法有误。"
        "措辞也可能只是把“已进行”写成了“正在进行”，所以只作提示。"
    ),
    formula="文字：截至日期D仍在进行 ⇒ 自评表实际完成日期不早于D",
    tolerance="按日期比较；文字没有年份时取完成日期的年份",
    example="文字“截止12月31日，正在进行昌吉州就业服务网软件开发与维护项目等级保护1次……”；"
    "自评表“工作完成时限 =2024年11月1日前 2024年8月16日 100%”。",
    expected_label="自评表所写完成日期",
)
def in_progress(report: Report) -> Iterable[Finding]:
    if report.document is None:
        return
    for project, b in zip(projects_by_block(report), report.document.blocks, strict=True):
        said = _ONGOING.search(b.text) if "截" in b.text else None
        if said is None or project == NO_PROJECT:
            continue
        if (
            said["at"] == "在"
            and not re.search(r"[仍尚还]$", b.text[: said.start("at")])
            and _WHILE.match(b.text, said.end())
        ):
            continue
        for ind in (i for t in _tables_for(report, project) for i in t["indicators"]):
            on = _DONE_ON.match((ind.get("actual") or "").strip())
            if (
                on is None
                or "完成时" not in ind["name"]
                or ind["score"] is None
                or ind["score"] != ind["points"]
            ):
                continue
            done = (int(on["y"]), int(on["m"]), int(on["d"]))
            until = (int(said["y"] or on["y"]), int(said["m"]), int(said["d"]))
            if done >= until:
                continue
            end = b.text.find("。", said.end())
            text = b.text[said.start() : end if 0 <= end - said.start() <= 80 else said.end() + 40]
            yield make_finding(
                "perf.in_progress",
                "info",
                f"{project}/{said.group(0)}",
                f"《{project}》的实际完成情况写“{text}”，即到{until[1]}月{until[2]}日工作仍在进行；"
                f"而自评表的“{ind['name']}”一行写实际完成于{ind['actual'].strip().lstrip('=')}，得满分。",
                f"{until[0]}年{until[1]}月{until[2]}日仍在进行",
                f"{done[0]}年{done[1]}月{done[2]}日完成",
                [Quote(text, b.page_at(said.start()), None, block=b), ind["quote"]],
            )


# a deadline: "2024年6月30日前", "4年6月30日" (a cell that clipped "202"), "2024年12月之前完成", "<=11月底";
# not "<=2月" (003: a stage of two months), which names no year, day, 底 or 前
_DEADLINE = re.compile(
    r"^(?:<=|≤|=)?\s*(?:(?P<y>\d{1,4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日|(?P<end>底))?"
    r"\s*(?P<before>之?前|以前)?"
)
# the date a text gives for it: "下水管道维修时间2024年8月" (not "计划……": a plan)
_PLAN = re.compile(r"计划|预计|拟|要求|力争")
_STATED_DATE = r"\s*(?:为|是|在|于)?\s*" + _YMD


def _late(deadline: re.Match[str], y: int, m: int, d: int | None) -> tuple[bool, bool] | None:
    """(later than the deadline?, was the deadline's year clipped?) of a date y-m(-d); None when the
    deadline's year cannot be told (clipped digits that are not the end of y)."""
    ty, clipped = deadline["y"], False
    if ty is None:
        ty = str(y)  # "3月1日": the year the text speaks of
    elif len(ty) < 4:
        if not str(y).endswith(ty):
            return None
        ty, clipped = str(y), True
    tm, td = int(deadline["m"]), int(deadline["d"]) if deadline["d"] else None
    if (y, m) != (int(ty), tm):
        return (y, m) > (int(ty), tm), clipped
    return (d is not None and td is not None and d > td), clipped


@rule(
    "perf.deadline_missed",
    title="完成日期晚于时效指标的期限，却记为达成",
    explanation=(
        "时效指标写明期限（“2024年6月30日前”），得分等于分值，说明自评认为按期完成了；而同一指标的实际完成值，"
        "或同一项目下的文字以同一指标名称写出的日期（“下水管道维修时间2024年8月”），晚于这个期限。按期与逾期不能同时成立。"
        "期限的年份在表格里被截去（“4年6月30日”）时，只在文字所述年份的末几位与之相同时按该年比较，并只作提示。"
    ),
    formula="实际日期 ≤ 期限（按到月或到日比较，取双方都写出的精度）",
    tolerance="按日期比较；只写到月的日期与同月的期限视为按期",
    example="时效指标“下水管道维修时间”期限“4年6月30日”、实际“达成预期指标”、5分得5分；文字写“下水管道维修时间2024年8月”。",
    expected_label="期限",
)
def deadline_missed(report: Report) -> Iterable[Finding]:
    blocks = report.document.blocks if report.document else []
    projects = projects_by_block(report)
    for table in report.perf_tables:
        # the text under this table's 项目名称: a generic name ("工作完成时限") recurs in every table
        own_blocks = [
            b for p, b in zip(projects, blocks, strict=True) if p == (table.get("name") or NO_PROJECT).strip()
        ]
        for ind in table["indicators"]:
            target, name = (ind.get("target") or "").strip(), (ind.get("name") or "").strip()
            deadline = _DEADLINE.match(target.replace(" ", ""))
            if (
                deadline is None
                or not (deadline["y"] or deadline["d"] or deadline["end"] or deadline["before"])
                or "至" in target
                or re.search(
                    r"月[^-—–~～]*[-—–~～][^-—–~～]*\d\s*月", target
                )  # a period: "2024年7月-2024年9月"
                or ind.get("score") is None
                or ind["score"] != ind.get("points")
                or len(_HAN.findall(name)) < 4
            ):
                continue
            stated = re.compile(re.escape(name) + _STATED_DATE)
            dates: list[tuple[re.Match[str], Quote]] = []
            own = re.match(r"^=?\s*" + _YMD, (ind.get("actual") or "").replace(" ", ""))
            if own:
                dates.append((own, ind["quote"]))
            for b in own_blocks:
                if name in b.text:
                    dates += [
                        (m, Quote(m.group(0), b.page_at(m.start()), None, block=b))
                        for m in stated.finditer(b.text)
                        if not _PLAN.search(b.text[max(0, m.start() - 6) : m.start()])
                    ]
            for m, quote in dates:
                d = int(m["d"]) if m["d"] else None
                late = _late(deadline, int(m["y"]), int(m["m"]), d)
                if late is None or not late[0]:
                    continue
                when = f"{m['y']}年{m['m']}月" + (f"{d}日" if d else "")
                clipped = "（期限的年份在表中被截去，按文字所述年份读）" if late[1] else ""
                yield make_finding(
                    "perf.deadline_missed",
                    "info" if late[1] else "warning",
                    f"{_name(table)}/{name}",
                    f"《{_name(table)}》时效指标“{name}”的期限为“{target}”{clipped}，实际完成值“{ind['actual']}”，"
                    f"得满分{ind['points']}分；而{'表中' if quote is ind['quote'] else '报告文字'}写“{m.group(0)}”，"
                    f"{when}晚于期限。",
                    when,
                    target,
                    [ind["quote"], quote] if quote is not ind["quote"] else [quote],
                )
                break
