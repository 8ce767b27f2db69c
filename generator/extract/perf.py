"""Performance self-evaluation tables (绩效自评表): funding rows and indicator rows.

A 自评表 has a funding block (a header with 年初预算数/全年预算数/全年执行数/分值/执行率/得分, then
one row per source of money) and an indicator block (rows with 分值 and 得分 under a header that
names them). Cells are read by position under their header; a row whose cell count differs from
its header's is read from the right and kept only when its funding figures check out (结余 = 预算 − 执行), because merged
cells shift columns in some exports and a shifted row would be misread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from generator.model import Document, Quote
from generator.normalize import parse_amount

_TITLE = re.compile(r"绩效自评表")
_FUND_COLS = {
    "initial": re.compile(r"^年初预算数?$"),
    "budget": re.compile(r"^全年预算数?$"),
    "spent": re.compile(r"^全年执行数?$"),
    "balance": re.compile(r"^资金结[(（]?转[)）]?余$"),
    "points": re.compile(r"^(?:分值|分值权重|权重)$"),
    "rate": re.compile(r"^执行率$"),
    "score": re.compile(r"^得分$"),
}
# A 年初预算数 split into two sub-columns on the row below the header (001): the figures then run
# 目标申报数, 预算编制数 (the 年初预算数 proper), 全年预算数, …
_DECLARED = re.compile(r"^目标申报数?$")
_DRAFTED = re.compile(r"^预算编制数?$")
_IND_POINTS = re.compile(r"^(?:分值|分值权重|权重)$")
_IND_SCORE = re.compile(r"^(?:得分|指标得分)$")
_STATES_VALUE = re.compile(r"^(?:[≥≤<>=]|\d)")
_TARGET_AND_ACTUAL = re.compile(r"(?P<target>(?:[≥≤<>]=?|=)\s*\d[^\s=]*)\s+(?P<actual>=\s*\d\S*)")
_IND_ACTUAL = re.compile(r"^(?:实际(?:完成)?(?:指标)?值|业绩值)$")
_IND_RATE = re.compile(r"^(?:指标)?完成(?:率|比例|比率)(?:[(（]%[)）])?$")
_IND_TARGET = re.compile(r"^(?:调整后|年度|预期)?指标值$|^目标值$")
_HEADING_POINTS = re.compile(
    r"(?P<level>产出指标|效益指标|满意度指标)\s*[(（]\s*(?:满分|分值)?\s*(?P<max>\d+)\s*分\s*[)）]"
)  # "产出指标（50分)", "满意度指标（10 分）", "满意度指标(满分10分)"
# …and a level's cell without its points read ("效益指标", "满意度指标（10%）", "效益指标 30分"): the level still ends the
# one before it, so that its indicators are not counted under the last level whose points were read
_HEADING_CELL = re.compile(r"(?P<level>产出指标|效益指标|满意度指标)\s*(?:[(（][^()（）]*[)）]|\d+\s*分)?")


@lru_cache(maxsize=4096)
def _number(cell: str) -> Decimal | None:
    # cached: the same few cell strings are read many times per table (Decimal is immutable)
    return parse_amount(cell.replace("%", "").replace("分", "").strip()) if cell else None


def _figure_run(cells: list[str]) -> tuple[int, int]:
    """(start, end) of the last run of adjacent figure cells; a trailing 偏差原因 text is skipped."""
    end = len(cells)
    while end > 0 and _number(cells[end - 1]) is None:
        end -= 1
    start = end
    while start > 0 and _number(cells[start - 1]) is not None:
        start -= 1
    return start, end


def _right_anchored(
    cells: list[str], header: dict[str, int], declared: bool = False
) -> tuple[dict[str, tuple[Decimal | None, str]], dict[str, int], bool] | None:
    """A funding row whose cells do not line up with its header: the figures read from the right.

    Merged cells add label cells on the left (“项目资金预算安排及执行进度(万元) 资金总额:”) and split
    年初预算数 into 目标申报数/预算编制数, so the columns are shifted but the run of figures still
    ends with the header's last columns (…执行率, 得分); a trailing 偏差原因 text is skipped.
    ``declared``: the header's 年初预算数 is split, so one more figure (目标申报数) leads the run.
    Returns (values, cell index per key, whether the run holds exactly the header's figures)."""
    start, end = _figure_run(cells)
    keys = sorted(header, key=header.__getitem__)
    if declared:
        keys = ["declared", *keys]
    if end - start < len(keys):
        return _two_sided(cells, keys, start, end) or _no_balance(cells, keys, start, end)
    first = end - len(keys)
    at = {k: first + j for j, k in enumerate(keys)}
    return {k: (_number(cells[i]), cells[i]) for k, i in at.items()}, at, end - start == len(keys)


_GOAL = re.compile(r"年度(?:总体)?目标|绩效目标")
_GOAL_HEAD = re.compile(r"预期目标")
_GOAL_LABEL = re.compile(
    r"(?:项目)?(?:年度(?:总体)?目标|年度绩效目标|绩效目标|预期目标|年度目标)?"
)  # a label cell, or none
_GOAL_COLUMNS = re.compile(
    r"(?:项目)?(?:年度(?:总体)?目标|年度绩效目标|绩效目标)(?:\s*(?:预期目标|年度目标|实际完成情况|实际完成值))+"
)


def _borrow_grid(funding: list[dict[str, Any]], rows: Sequence[Sequence[str]]) -> None:
    """A funding row read with no trusted columns takes those of the nearest trusted row of its
    block when its figures stand in exactly the same cells (得分 may be blank: component rows seldom
    carry one), whatever its figures say. 001《零工市场运营经费》: "资金总额: 5 4.99 4.99 4.99 (blank)
    (blank) 100 10" is trusted only while its 执行率 is 执行数 ÷ 预算数; with a wrong 全年预算数 it still
    stands cell for cell over "市县(区)财政资金 5 4.99 4.99 4.99 (blank) (blank) 100 10", so it is read,
    and the wrong figure is reported, instead of the row being passed over."""
    trusted = [f for f in funding if f["aligned"]]
    for f in funding:
        if f["aligned"]:
            continue
        cells = [c.strip() for c in rows[f["row"]]]
        for g in sorted(trusted, key=lambda g: abs(g["row"] - f["row"])):
            same = _same_grid(cells, g)
            if same is not None:
                values, at = same
                f.update({k: v[0] for k, v in values.items()})
                f.update(cells={k: v[1] for k, v in values.items()}, at=at, aligned=True)
                break


def _same_grid(
    cells: list[str], trusted: dict[str, Any]
) -> tuple[dict[str, tuple[Decimal | None, str]], dict[str, int]] | None:
    """The row's values in the trusted row's columns, when its figures stand in exactly the cells
    where that row has figures (or those but its 得分)."""
    at: dict[str, int] = trusted["at"]
    filled = {i for k, i in at.items() if trusted["cells"].get(k)}
    figures = {i for i, c in enumerate(cells) if _number(c) is not None}
    if not figures or any(c and _number(c) is None and i >= min(at.values()) for i, c in enumerate(cells)):
        return None
    if figures != filled and figures != filled - {at.get("score")}:
        return None
    values = {k: (_number(cells[i]), cells[i]) if i < len(cells) else (None, "") for k, i in at.items()}
    return values, dict(at)


def _split_header(cells: list[str], above: str) -> dict[str, int]:
    """A funding header that OCR split over two rows (003): "分值 执行率 得分" in their cells, and
    "年初预算全年预算全年执行" run together in the row above. The three amounts then stand in the three cells
    before 分值, in the template's order."""
    at = {k: i for k in ("points", "rate", "score") for i, c in enumerate(cells) if _FUND_COLS[k].match(c)}
    if len(at) != 3 or not re.search(r"年初预算.*全年预算.*全年执行", above) or at["points"] < 3:
        return {}
    p = at["points"]
    return {"initial": p - 3, "budget": p - 2, "spent": p - 1, **at}


def _garbled_tail_header(cells: list[str], below: list[str], data: Sequence[str]) -> dict[str, int]:
    """A funding header whose OCR kept "年初预算 全年预算 全年执行" (003, the "数" on the next row) but garbled
    "执行率 得分" ("八店 出仁帝 須八" over "分值 5人17半 1号分"): 分值 is read on the row below, and the two cells
    after it are taken as 执行率 and 得分 only when the first funding row has a percentage there."""
    at = {k: i for k in ("initial", "budget", "spent") for i, c in enumerate(cells) if _FUND_COLS[k].match(c)}
    points = next((i for i, c in enumerate(below) if _FUND_COLS["points"].match(c)), None)
    if len(at) != 3 or points is None or not at["initial"] < at["budget"] < at["spent"] < points:
        return {}
    rate_cell = data[points + 1].strip() if points + 1 < len(data) else ""
    if not re.fullmatch(r"\d+(?:\.\d+)?\s*%", rate_cell):
        return {}
    return {**at, "points": points, "rate": points + 1, "score": points + 2}


def _no_balance(
    cells: list[str], keys: list[str], r_start: int, r_end: int
) -> tuple[dict[str, tuple[Decimal | None, str]], dict[str, int], bool] | None:
    """A funding row that leaves out the 资金结(转)余 cell altogether (no blank where it stands): 001
    《购置档案经费》 "资金总额: 2.5 2.5 2.5 2.5 100 10" under 目标申报数/预算编制/全年预算数/全年执行数/结余/执行率/
    得分. Trusted (third element True) only when the 执行率 it yields equals 执行数 ÷ 预算数."""
    if "balance" not in keys or r_end - r_start != len(keys) - 1:
        return None
    at = {k: r_start + j for j, k in enumerate(k for k in keys if k != "balance")}
    values = {k: (_number(cells[i]), cells[i]) for k, i in at.items()}
    budget, spent, rate = (values.get(k, (None, ""))[0] for k in ("budget", "spent", "rate"))
    confirmed = bool(
        budget and spent is not None and rate is not None and abs(spent / budget * 100 - rate) < 1
    )
    return values, at, confirmed


def _two_sided(
    cells: list[str], keys: list[str], r_start: int, r_end: int
) -> tuple[dict[str, tuple[Decimal | None, str]], dict[str, int], bool] | None:
    """A funding row with one blank figure cell (资金结余) inside it: the figures before the blank read
    from the left (…预算, 执行), those after it from the right (执行率, 得分). 001《就业招聘会工作经费》:
    "资金总额: 9 5.66 5.66 5.66 (blank) 100 10" under 目标申报数/预算编制/全年预算数/全年执行数/结余/执行率/得分.
    A component row under it leaves 得分 blank as well ("市县(区)财政资金 9 5.66 5.66 5.66 (blank) 100
    (blank)"): when the header's last column is 得分 and the row has a blank cell there, the run on
    the right ends before it.
    Trusted (third element True) only when the 执行率 it yields equals 执行数 ÷ 预算数."""
    left_end = r_start
    while left_end > 0 and not cells[left_end - 1]:
        left_end -= 1
    left_start = left_end
    while left_start > 0 and _number(cells[left_start - 1]) is not None:
        left_start -= 1
    n_left, n_right = left_end - left_start, r_end - r_start
    if keys[-1] == "score" and n_left + n_right == len(keys) - 2 and r_end < len(cells) and not cells[r_end]:
        keys = keys[:-1]  # 得分 blank: the run ends with 执行率
    if n_left == 0 or left_end == r_start or n_left + n_right != len(keys) - 1:
        return None
    at = {k: left_start + j for j, k in enumerate(keys[:n_left])}
    at.update({k: r_start + j for j, k in enumerate(keys[n_left + 1 :])})
    gap = keys[n_left]
    values = {k: (_number(cells[i]), cells[i]) for k, i in at.items()}
    values[gap] = (None, "")
    at[gap] = left_end
    budget, spent, rate = (values.get(k, (None, ""))[0] for k in ("budget", "spent", "rate"))
    confirmed = bool(
        budget and spent is not None and rate is not None and abs(spent / budget * 100 - rate) < 1
    )
    return values, at, confirmed


def _indicator(
    cells: list[str], header: tuple[int, int, int, int, int, int | None, int | None]
) -> dict[str, Any] | None:
    """分值, 得分, target, actual, 偏差原因 and 完成率 of one indicator row; None when the row states no
    分值. ``header`` is the 分值 and 得分 columns, the row length, and how far before 分值 the target, the
    actual, the 偏差原因 and the 完成率 stand (None: the table has no such column)."""
    pi, si, n, t_back, a_back, r_back, c_back = header
    aligned = len(cells) == n and _number(cells[pi]) is not None
    if aligned and si < len(cells) and not cells[si] and _number(cells[pi - 1]) is not None:
        # shifted one cell left by a merged name cell (001: "设备租赁费成本支出 ≤1万元 1.4万元 5 5"
        # with 5 5 under 实际完成值/分值): the pair before is 分值/得分
        found = _points_cell(cells)
        if found == pi - 1:
            aligned = False
    if not aligned:
        found = _points_cell(cells)
        if found is None:
            return None
        pi, si = found, found + 1
    points = _number(cells[pi])
    score_cell = cells[si] if si < len(cells) else ""
    score = _number(score_cell)
    # a percentage or a large figure under 分值 is an actual value shifted by merged cells
    if points is None or "%" in cells[pi] + score_cell or points > 50:
        return None
    if score is not None and score > points and not aligned:
        return None  # not 分值/得分: a score never exceeds its points (in its own columns it may: perf.score_over_points)
    # not the 一级指标 column, nor the row label "年度绩效指标完成情况" that 000 puts in front of the first row
    name = next(
        (
            c
            for c in cells[:pi]
            if c and not c.endswith("指标") and "绩效指标" not in c and _number(c) is None
        ),
        "",
    )
    target = cells[pi - t_back] if 0 <= pi - t_back < len(cells) else ""
    actual = cells[pi - a_back] if 0 <= pi - a_back < len(cells) else ""
    both = _TARGET_AND_ACTUAL.fullmatch(actual)
    if both and not _STATES_VALUE.match(target):
        # OCR put the target and the actual into one cell, the name's last line where the target stands
        # (003: "报名培训 | >=95% =99.34% | 10 | 10")
        target, actual = both.group("target"), both.group("actual")
    return {"name": name, "points": points, "score": score, "aligned": aligned,
            "target": target, "actual": actual,
            "reason": cells[pi - r_back] if r_back is not None and 0 <= pi - r_back < len(cells) else "",
            "rate": cells[pi - c_back] if c_back is not None and 0 <= pi - c_back < len(cells) else ""}  # fmt: skip


def _has_balance(values: dict[str, tuple[Decimal | None, str]]) -> bool:
    return "balance" in values and values["balance"][0] is not None


def _balanced(values: dict[str, tuple[Decimal | None, str]]) -> bool:
    b, s, bal = values["budget"][0], values["spent"][0], values["balance"][0]
    return b is not None and s is not None and bal is not None and abs(b - s - bal) <= Decimal("0.01")


def _points_cell(cells: list[str]) -> int | None:
    """In an indicator row whose cells do not line up with its header, the 分值 cell: the first of
    the last two adjacent plain numbers (分值, 得分), after at least a target and an actual cell.
    The last pair, because an actual value can itself be a plain number (“≤20万 19.76 10 10”)."""
    for i in range(len(cells) - 2, 1, -1):
        a, b = cells[i], cells[i + 1]
        if "%" in a + b:
            continue
        # a target is "≤20万", "≥95%", "=4所": a bare figure two cells before is OCR debris, not a target
        if _number(a) is not None and _number(b) is not None and parse_amount(cells[i - 2].strip()) is None:
            return i
    return None


def _new_table(title: str, page: int | None, t_index: int) -> dict[str, Any]:
    return {"title": title, "heading": None, "name": None, "page": page, "funding": [], "indicators": [], "headings": [],
            "total": None, "table": t_index, "unparsed": set(), "funding_complete": False,
            "funding_gap": False, "goal": None}  # fmt: skip


def is_whole(table: dict[str, Any]) -> bool:
    """Whether a 自评表 is the unit's whole one (整体支出绩效自评表), by its title in its rows or above it."""
    return "整体" in (table.get("title") or "") or "整体" in (table.get("heading") or "")


def _titles_above(doc: Document) -> dict[int, str]:
    """The 自评表 title printed right above a table, as a paragraph of its own ("单位整体支出绩效自评表" over a Word table,
    a lone row over an Excel sheet's table), by table."""
    out: dict[int, str] = {}
    for pos, b in enumerate(doc.blocks):
        if b.table is not None and b.table not in out and pos and b.row == 0:
            above = doc.blocks[pos - 1]
            if above.table is None and len(above.text) <= 60 and _TITLE.search(above.text):
                out[b.table] = above.text.strip()
    return out


def _header_again(rows: Sequence[tuple[str, ...]], blocks: Sequence[Any], r: int) -> int:
    """How many rows from ``r`` repeat the table's first rows at the top of a new page (a Word table's header rows,
    printed again on each page it runs onto: "单位整体支出绩效自评表 / （2024年度） / 单位名称 …"), or 0: at least two, the
    first a new page's."""
    if r == 0 or r >= len(blocks) or blocks[r].page == blocks[r - 1].page:
        return 0
    k = 0
    while r + k < len(rows) and k < r and rows[r + k] == rows[k]:
        k += 1
    return k if k >= 2 else 0


def perf_tables(doc: Document, agency: str | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    titles_above = _titles_above(doc)
    for t_index, table in enumerate(doc.tables):

        def start(title: str, t_index: int = t_index, page: int | None = table.page) -> dict[str, Any]:
            entry = _new_table(title, page, t_index)
            # the table's first 自评表, when its rows hold no title, has the one above it (its "title" stays the rows',
            # which the findings' names and ids are made of)
            if title == "绩效自评表" and not any(e["table"] == t_index for e in out):
                entry["heading"] = titles_above.get(t_index)
            out.append(entry)
            return entry

        blocks = doc.table_rows(t_index)
        current: dict[str, Any] | None = None
        fund_header: dict[str, int] | None = None
        fund_len = 0
        declared = False  # the header's 年初预算数 is split into 目标申报数/预算编制数
        # the funding block ended at a goal-block heading; the goal row is to come (True: the row labelled 年度总体目标,
        # "next": the next row, under a heading of the goal's columns)
        goal_below: bool | str = False
        goal_col = 1  # under a heading of the goal's columns, the goal's
        ind_header: tuple[int, int, int, int, int, int | None, int | None] | None = None
        pending: tuple[list[str], Quote | None, int] | None = None  # an indicator row without its figures yet
        repeated_to = 0  # rows before this one are the table's header printed again at a page's top
        for r, row in enumerate(table.rows):
            block = blocks[r] if r < len(blocks) else None
            if r < repeated_to:
                continue
            if current is not None and (k := _header_again(table.rows, blocks, r)):
                repeated_to = r + k
                continue
            quote = Quote(block.text, block.page, None, "绩效自评表") if block is not None else None
            joined = "".join(row)
            cells = [c.strip() for c in row]

            # a title row: its one cell, or one cell merged across a Word table's width and the rest blank
            lone = [c for c in cells if c]
            if len(lone) == 1 and _TITLE.search(lone[0]) and (len(row) == 1 or not cells[-1]):
                current, fund_header, ind_header, goal_below = start(lone[0]), None, None, False
                continue
            if cells and cells[0] in ("项目名称", "单位名称", "项目支出名称"):
                if current is None or current["funding"] or current["indicators"]:
                    current, fund_header, ind_header, goal_below = start("绩效自评表"), None, None, False
                current["name"] = next((c for c in cells[1:] if c), None)
                continue
            # a funding header names 全年预算数, 全年执行数 and 执行率: the cheap test first (this runs
            # for every row of every table, hundreds in an OCR grid)
            cols = (
                {k: i for k, p in _FUND_COLS.items() for i, c in enumerate(cells) if p.match(c)}
                if "执行率" in joined and "全年" in joined
                else {}
            )
            if not cols and "执行率" in joined and r > 0:
                cols = _split_header(cells, "".join(table.rows[r - 1]))
            if not cols and "年初预算" in joined and "全年执行" in joined and r + 2 < len(table.rows):
                cols = _garbled_tail_header(cells, [c.strip() for c in table.rows[r + 1]], table.rows[r + 2])
            if "budget" in cols and "spent" in cols and "rate" in cols:
                if current is None or current["funding"]:
                    current = start("绩效自评表")
                fund_header, fund_len, ind_header, declared, goal_below = cols, len(cells), None, False, False
                continue
            if (
                fund_header is not None
                and any(map(_DECLARED.match, cells))
                and any(map(_DRAFTED.match, cells))
            ):
                declared = True
                continue
            if current is None:
                continue
            read = len(current["headings"])
            for m in _HEADING_POINTS.finditer(joined):
                current["headings"].append({"level": m.group("level"), "max": Decimal(m.group("max")), "row": r,
                                            "quote": quote, "text": m.group(0)})  # fmt: skip
            if len(current["headings"]) == read:
                for c in cells:
                    if h := _HEADING_CELL.fullmatch(c.strip()):
                        current["headings"].append({"level": h["level"], "max": None, "row": r, "quote": quote,
                                                    "text": h.group(0)})  # fmt: skip
            pi = si = None
            if "指标" in joined:  # an indicator header names its columns (…指标, 分值, 得分)
                pi = next((i for i, c in enumerate(cells) if _IND_POINTS.match(c)), None)
                si = next((i for i, c in enumerate(cells) if _IND_SCORE.match(c)), None)
            if pi is not None and si is not None:
                # where 指标值 and 实际完成值 stand, counted back from 分值: right before it in most tables;
                # 001's "年初指标值 调整后指标值 实际完成值 定性值情况说明 分值" puts one column between, and
                # 000's "权重 目标值 业绩值 完成率 指标得分" puts them after it (a negative count)
                ai = next((i for i, c in enumerate(cells) if _IND_ACTUAL.match(c)), None)
                ti = [i for i, c in enumerate(cells[: ai if ai is not None else 0]) if _IND_TARGET.match(c)]
                offsets = (pi - ti[-1], pi - ai) if ai is not None and ti else (2, 1)
                ri = next((i for i, c in enumerate(cells) if c.startswith("偏差原因")), None)
                reason_back = pi - ri if ri is not None else None
                ci = next((i for i, c in enumerate(cells) if _IND_RATE.match(c)), None)
                rate_back = pi - ci if ci is not None else None
                ind_header = (pi, si, len(cells), *offsets, reason_back, rate_back)
                fund_header, pending = None, None
                continue
            first = next((c for c in cells if c), "")
            if first.startswith("总分") or first == "总":
                nums = [_number(c) for c in cells[1:] if _number(c) is not None]
                # "总分 100 98" is 分值 then 得分; "总分 90.76 优" (one figure and a grade) is the 得分 alone
                if len(nums) == 1 and re.search(r"[优良中差]", joined):
                    nums = [None, nums[0]]
                current["total"] = {"points": nums[0] if nums else None, "score": nums[1] if len(nums) > 1 else None,
                                    "quote": quote}  # fmt: skip
                current, ind_header, fund_header = None, None, None  # the table ends with its 总分 row
                continue
            if goal_below and ind_header is None and (_GOAL.search(joined) or goal_below == "next"):
                # under the goal's columns, the goal is its own cell (the row also holds what was done)
                cell = cells[goal_col].strip() if goal_below == "next" and goal_col < len(cells) else ""
                if goal_below == "next" and (not cell or _GOAL_LABEL.fullmatch(cell)):
                    # the goal's label in that column ("项目年度绩效目标 | 我单位积极落实……"): the row's text cell
                    cell = max(
                        (c.strip() for c in cells if not _GOAL_LABEL.fullmatch(c.strip())),
                        key=len,
                        default="",
                    )
                current["goal"] = Quote(cell, quote.page, None, "绩效自评表") if cell and quote else quote
                goal_below = False
                continue
            if fund_header is not None:
                label = next((c for c in cells if c and _number(c) is None), "")
                values = {k: (_number(cells[i]) if i < len(cells) else None, cells[i] if i < len(cells) else "")
                          for k, i in fund_header.items()}  # fmt: skip
                if values["budget"][0] is None and values["spent"][0] is None:
                    goal = _GOAL.search(joined)
                    if goal or _GOAL_HEAD.search(joined):
                        # the funding block ends here; it was read whole when no row in it with
                        # figures was passed over. "预期目标 实际完成情况" (003) heads the goal block:
                        # the goal itself is the 年度总体目标 row below it; "年度总体目标 预期目标 实际完成情况"
                        # (000, 004) and "项目年度绩效目标 年度目标 实际完成情况" (001) head its columns: the goal is
                        # the next row
                        fund_header = None
                        heading = bool(goal) and _GOAL_COLUMNS.fullmatch(joined.strip()) is not None
                        current["goal"] = quote if goal and not heading else None
                        goal_below = "next" if heading else not goal
                        goal_col = next(
                            (i for i, c in enumerate(cells) if c.strip() in ("预期目标", "年度目标")), 1
                        )
                        current["funding_complete"] = not current["funding_gap"]
                    elif any(_number(c) is not None for c in cells):
                        current["funding_gap"] = True
                    continue
                at = dict(fund_header)
                aligned = (
                    not declared
                    and len(cells) == fund_len
                    and (not _has_balance(values) or _balanced(values))
                )
                if not aligned:
                    shifted = _right_anchored(cells, fund_header, declared)
                    if shifted is not None:
                        s_values, s_at, exact = shifted
                        # a shifted row is trusted when 结余 = 预算 − 执行 confirms the columns, or, under a
                        # split 年初预算数, when the run holds exactly the header's figures (then nothing
                        # else can be where they are, and a 结余 that does not agree is the row's own
                        # inconsistency: perf.balance)
                        if (_has_balance(s_values) and _balanced(s_values)) or (declared and exact):
                            values, at, aligned = s_values, s_at, True
                        elif declared:
                            values, at = s_values, s_at
                if values.get("score", (None, ""))[0] is None and max(
                    fund_header.values()
                ) == fund_header.get("score"):
                    # 得分 is the header's last figure column, so a shifted row's last figure is its 得分
                    last = next((_number(c) for c in reversed(cells) if c), None)
                    if last is not None and last <= 10:
                        values["score"] = (last, str(last))
                current["funding"].append({
                    "label": label, "aligned": aligned,
                    **{k: v[0] for k, v in values.items()},
                    "cells": {k: v[1] for k, v in values.items()},
                    "at": at, "quote": quote, "row": r,
                })  # fmt: skip
                continue
            if ind_header is not None:
                parsed = _indicator(cells, ind_header)
                if parsed is None and pending is not None and len(cells) <= 3:
                    # the export broke one indicator row into several short rows ("100%", "10", "10")
                    pending = (pending[0] + [c for c in cells if c], pending[1], pending[2])
                    parsed = _indicator(pending[0], ind_header)
                    if parsed is not None:
                        cells, quote, r = pending
                elif parsed is None:
                    pending = (cells, quote, r) if sum(1 for c in cells if c) >= 2 else pending
                if parsed is None:
                    if any(_STATES_VALUE.match(c) for c in cells[2:]):
                        current["unparsed"].add(r)  # an indicator row whose 分值/得分 we could not read
                    continue
                current["unparsed"].discard(r)
                if sum(1 for c in cells if re.match(r"^[≥≤<>=]", c)) > 3:
                    current["unparsed"].add(r)  # two indicators run into one row: one 分值 is lost
                pending = None
                level = next((h["level"] for h in reversed(current["headings"])), None)
                current["indicators"].append(
                    {**parsed, "level": level, "cells": cells, "quote": quote, "row": r}
                )
    for entry in out:
        _borrow_grid(entry["funding"], doc.tables[entry["table"]].rows)
        if _read_twice(entry["indicators"]):
            firsts, seconds = entry["indicators"][::2], entry["indicators"][1::2]
            entry["indicators"] = [{**a, "second_reading": b} for a, b in zip(firsts, seconds, strict=True)]
    kept = [t for t in out if t["funding"] or t["indicators"]]
    # a table printed twice (an annex repeated): read once, or its name would be two projects' and each rule reading a
    # project by its name would find it ambiguous
    seen: set[tuple[Any, ...]] = set()
    once = []
    for t in kept:
        key = (
            t["title"],
            t["name"],
            tuple((f.get("label"), f.get("budget"), f.get("spent"), f.get("rate")) for f in t["funding"]),
            tuple(tuple(i["cells"]) for i in t["indicators"]),
        )
        if key not in seen:
            seen.add(key)
            once.append(t)
    kept = once
    if agency:
        for t in kept:
            if t["name"] and "实施单位" in t["name"]:
                t["name"] = _own_name(t["name"], agency)
    return kept


def _own_name(name: str, agency: str) -> str:
    """A 项目名称 cell the OCR ran on into the next row's cells (003: "就业创业综合服务平台设备(乌财社(2024)134号)
    乌鲁木齐市人力资源和社会保障局 实施单位 乌鲁木齐市人力资源和社会保障局", the 主管部门 label lost): the name before the
    主管部门, which is the department itself. The department's name is cut off where it ends the cell before 实施单位 — the
    longest end of the agency's name, at least four characters — with one stray character standing for the agency's
    character before that end ("3鲁木齐市…", "「人力资源…"); a name that does not end so is left as it was."""
    head = name[: name.index("实施单位")].rstrip()
    k = next((k for k in range(len(agency) - 3) if head.endswith(agency[k:])), None)
    if k is None:
        return name
    head = head[: len(head) - (len(agency) - k)].rstrip()
    if k > 0 and head and head[-1] != agency[k - 1] and head[-1] not in ")）】」":
        head = head[:-1].rstrip()
    return head or name


def _read_twice(inds: list[dict[str, Any]]) -> bool:
    """Every indicator row there twice, one after the other: the same target and 分值 in each pair, and the names
    alike in most pairs (a copy's name is often cut or garbled: "报名培训" / "率", "培训周期" / "山 ※又1日4小").
    003's OCR read three 自评表 twice over (seven pairs each, 分值 90 + 10 for 资金 = its printed 总分 100, digits
    spaced in one reading and not the other: "=62. 5 课时" / "=62.5 课时"); a table printed that way is not."""
    if len(inds) < 8 or len(inds) % 2:
        return False
    pairs = list(zip(inds[::2], inds[1::2], strict=True))
    named = sum(
        1
        for a, b in pairs
        if a["name"] and b["name"] and (a["name"].startswith(b["name"]) or b["name"].startswith(a["name"]))
    )
    return all(
        a["target"] == b["target"] and a["points"] == b["points"] for a, b in pairs
    ) and 2 * named >= len(pairs)


_AMOUNT = r"(?P<{}>\d[\d,]*(?:\.\d+)?)\s*万元?"
_STATED_FUNDING = {
    "initial": re.compile(r"年初预算(?:数)?(?:为|共计)?\s*" + _AMOUNT.format("initial")),
    "budget": re.compile(r"全年预算(?:数)?(?:为)?\s*" + _AMOUNT.format("budget")),
    "spent": re.compile(r"全年(?:支出|执行|使用)数?(?:为)?\s*" + _AMOUNT.format("spent")),
    # "预算执行100%" (001: 率 left out)
    "rate": re.compile(
        r"(?:预算执行率|资金使用(?:完成)?率|执行率|预算执行(?=\s*\d))(?:为)?\s*(?P<rate>\d+(?:\.\d+)?)\s*%"
    ),
}
_SOURCE = re.compile(r"(中央|省级|市级|市县区?|本级|上年结转)(?:财政)?资金")


_SENTENCE = re.compile(r"[^。；;]+")
_RATE_OPENS = re.compile(r"[。；;]\s*(?:总)?(?:预算)?执行率")


def _sentences(text: str) -> list[re.Match[str]]:
    """The sentences of a paragraph, each with the rate that opens the next one ("……全年支出数为8.93万元。预算执行率为
    100%"): such a pair is one match over both."""
    if "执行率" not in text or not _RATE_OPENS.search(text):
        return list(_SENTENCE.finditer(text))
    return list(re.finditer(r"(?:[^。；;]|[。；;](?=\s*(?:总)?(?:预算)?执行率))+", text))


def funding_statements(doc: Document, tables: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sentences that restate a 自评表's funding row: "年初预算数为9万元，全年预算数为8.93万元，…".

    A sentence belongs to a 自评表 when it sits in that table's own rows (the 项目绩效分析 cell) or
    starts with the table's project name (“⑥市级企业用工保障服务专项经费年初预算30万，…”). It needs
    at least two of 年初预算/全年预算/全年执行/执行率, so that a lone figure is not taken for the row, or, in the
    table's own cells, the rate alone."""
    out: list[dict[str, Any]] = []
    named = [(t["name"], t) for t in tables if t.get("name") and len(t["name"]) >= 4]
    for block in doc.blocks:
        owner = None
        if block.table is not None and block.row is not None:
            owner = next((t for t in reversed(tables) if t["table"] == block.table and t["funding"]
                          and t["funding"][0]["row"] <= block.row), None)  # fmt: skip
        for m in _sentences(block.text):
            sentence = m.group(0)
            found: dict[str, re.Match[str]] = {}
            for key, pattern in _STATED_FUNDING.items():
                hit = pattern.search(sentence)
                if hit is not None:
                    found[key] = hit
            # at least two figures, so that a lone one is not taken for the row; in the table's own cells a budget's
            # rate alone ("四是资金使用完成率100%", 001) is the project's, not an indicator's ("支出标准执行率100%")
            lone_rate = list(found) == ["rate"] and found["rate"].group(0).startswith(("预算", "资金"))
            if len(found) < 2 and not (owner is not None and lone_rate):
                continue
            table = owner
            if table is None:
                lead = re.sub(r"^[\s①-⑳\d、.．]+", "", sentence)
                table = next((t for n, t in named if lead.startswith(n)), None)
            if table is None:
                continue
            first = min(f.start() for f in found.values())
            src = _SOURCE.search(sentence[:first])
            text = sentence[src.start() if src else first : max(f.end() for f in found.values())]
            offset = m.start() + sentence.index(text)
            out.append({
                "table": table, "source": src.group(1) if src else None,
                **{k: parse_amount(f.group(k)) for k, f in found.items()},
                "quote": Quote(text, block.page_at(offset), None),
            })  # fmt: skip
    return out
