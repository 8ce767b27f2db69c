"""Statutory tables printed in the other layouts real reports use, with the same figures: no note may appear or go.

A fourth reviewer rewrote cells of the three published PDFs' tables 467 times (docs/reviews/adversarial_tables.md);
each case here raised false errors or lost a real one before it was fixed: a label or column under another name read
as a blank ("为空白（即0）"), 科目 names with their level after them, 科目编码 in 类/款/项 columns printed once for the
rows below (merged cells) or with spaces, a name or its amounts wrapped onto a row of their own, 公开09表's columns
headed 预算/决算."""

from __future__ import annotations

import re

import pytest
from conftest import cell_changed, table_rewritten

from generator.checks import run_checks
from generator.extract.tables import find_statutory

GUIHUA = "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"
CAIZHENG = "上海市普陀区财政局2024年度部门决算.pdf"
SHEGONG = "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"


@pytest.fixture(scope="module")
def before(reports):
    return {name: _notes(reports[name]) for name in (GUIHUA, CAIZHENG, SHEGONG)}


def _notes(report) -> set[tuple[str, str, str]]:
    return {(f.severity, f.rule, f.message) for f in run_checks(report) if f.severity in ("error", "warning")}


def _same(before, name, report) -> None:
    after = _notes(report)
    assert after == before[name], (sorted(after - before[name]), sorted(before[name] - after))


CELLS = [
    # 公开01表's lines under other names: 本年收入小计, 收入合计, a colon after the label; 年初/年末结转结余 without 和,
    # 上年结转结余; the class numbered （八） or 八.; the income source numbered （一）
    (GUIHUA, "公开01表", "本年收入合计", 0, "本年收入小计"),
    (GUIHUA, "公开01表", "本年收入合计", 0, "收入合计"),
    (GUIHUA, "公开01表", "本年收入合计", 0, "本年收入合计："),
    (GUIHUA, "公开01表", "本年收入合计", 2, "本年支出小计"),
    (GUIHUA, "公开01表", "本年收入合计", 2, "支出合计"),
    (GUIHUA, "公开01表", "年初结转和结余", 0, "年初结转结余"),
    (GUIHUA, "公开01表", "年初结转和结余", 2, "年末结转结余"),
    (CAIZHENG, "公开01表", "年初结转和结余", 0, "上年结转结余"),
    (GUIHUA, "公开01表", "八、社会保障和就业支出", 2, "（八）社会保障和就业支出"),
    (GUIHUA, "公开01表", "八、社会保障和就业支出", 2, "八.社会保障和就业支出"),
    (CAIZHENG, "公开01表", "一、一般公共预算财政拨款收入", 0, "（一）一般公共预算财政拨款收入"),
    # 公开04表 the same
    (CAIZHENG, "公开04表", "本年收入合计", 0, "本年收入小计"),
    (CAIZHENG, "公开04表", "本年收入合计", 2, "本年支出小计"),
    (CAIZHENG, "公开04表", "年初财政拨款结转和结余", 0, "年初财政拨款结转结余"),
    (CAIZHENG, "公开04表", "年初财政拨款结转和结余", 2, "年末财政拨款结转结余"),
    # 公开06表's 人员经费 / 公用经费 without 合计 (规划局's narrative 人员经费 4,896.98 against 4,884.09 stays an error)
    (GUIHUA, "公开06表", "人员经费合计", 0, "人员经费"),
    (GUIHUA, "公开06表", "人员经费合计", 0, "人员经费小计"),
    (GUIHUA, "公开06表", "人员经费合计", 3, "公用经费"),
    # 公开02/03表's columns: 本年支出合计 / 本年收入合计 headed 合计, 财政拨款收入 headed 财政拨款 or 一般公共预算财政拨款收入
    (GUIHUA, "公开03表", 0, 2, "合计"),
    (GUIHUA, "公开03表", 0, 2, "支出合计"),
    (GUIHUA, "公开02表", 0, 2, "合计"),
    (GUIHUA, "公开02表", 0, 3, "财政拨款"),
    (SHEGONG, "公开02表", 0, 3, "一般公共预算财政拨款收入"),
    # 公开05表's 合计 row labelled "合计：" (规划局's 基本支出 5,377.64 against 5,364.75 stays an error)
    (GUIHUA, "公开05表", "^合计", 0, "合计："),
    (CAIZHENG, "公开05表", "^合计", 0, "合计："),
]


@pytest.mark.parametrize("name,key,needle,col,new", CELLS)
def test_a_label_under_another_name(reports, before, name, key, needle, col, new) -> None:
    _same(before, name, cell_changed(reports[name], key, needle, col, new))


def test_sangong_columns_headed_budget_and_final(reports) -> None:
    """公开09表's columns headed 预算 / 决算 (for 预算数 / 决算数): 规划局's two notes on "完成预算的0.00%" of a zero budget
    are still given (the table is still read)."""
    r = reports[GUIHUA]
    row = next(i for i, row in enumerate(r.document.tables[_index(r, "公开09表")].rows) if "预算数" in row)
    edited = cell_changed(cell_changed(r, "公开09表", row, 0, "预算"), "公开09表", row, 1, "决算")
    notes = lambda rep: {(f.rule, f.message) for f in run_checks(rep) if f.rule == "budget.sangong_rate"}  # noqa: E731
    assert len(notes(r)) == 2 and notes(edited) == notes(r)


def _index(report, key: str) -> int:
    return find_statutory(report.document)[key].index


def _rows(report, key: str) -> list[list[str]]:
    return [list(r) for r in report.document.tables[_index(report, key)].rows]


def _code_columns(report, key: str, sparse: bool) -> list[tuple[str, ...]]:
    """A one-column 科目编码 printed in 类/款/项 columns; ``sparse``: each part only where it starts (merged cells)."""
    out = []
    for i, (c0, *rest) in enumerate(_rows(report, key)):
        if re.fullmatch(r"\d{3}(\d{2}){0,2}", c0):
            parts = [c0[:3], c0[3:5], c0[5:7]]
            if sparse:
                parts = (
                    ["", "", parts[2]]
                    if parts[2]
                    else (["", parts[1], ""] if parts[1] else [parts[0], "", ""])
                )
            out.append((*parts, *rest))
        else:
            out.append(("功能分类科目编码" if i == 1 else c0, "", "", *rest))
    out.insert(2, ("类", "款", "项", *[""] * (len(out[0]) - 3)))
    return out


def _spaced(report, key: str) -> list[tuple[str, ...]]:
    """ "208 05 01" for 2080501."""
    return [
        (" ".join(filter(None, (c0[:3], c0[3:5], c0[5:7]))) if re.fullmatch(r"\d{3,7}", c0) else c0, *rest)
        for c0, *rest in _rows(report, key)
    ]


def _caizheng_sparse(report, key: str) -> list[tuple[str, ...]]:
    """财政局's own 类/款/项 columns, each part printed only on the row it starts."""
    out = []
    for row in _rows(report, key):
        if re.fullmatch(r"\d{3}", row[0]) and (row[1] or row[2]):
            row = ["", "", row[2], *row[3:]] if row[2] else ["", row[1], "", *row[3:]]
        out.append(tuple(row))
    return out


def _suffixed(report, key: str, at: int, only: int | None = None) -> list[tuple[str, ...]]:
    """科目 names with their level after them ("行政运行（项）"); the name in column ``at``."""
    out = []
    for row in _rows(report, key):
        code = "".join(c for c in row[:at] if c.isdigit())
        if re.fullmatch(r"\d{3}(\d{2}){0,2}", code) and (only is None or len(code) == only):
            row[at] += {3: "（类）", 5: "（款）", 7: "（项）"}[len(code)]
        out.append(tuple(row))
    return out


def _wrapped_name(report, key: str, at: int) -> list[tuple[str, ...]]:
    """ "机关事业单位基本养老保险缴费支出" wrapped onto a row of its own: "机关事业单位基本养老保" / "险缴费支出"."""
    out = []
    for row in _rows(report, key):
        if row[at] == "机关事业单位基本养老保险缴费支出":
            out.append(tuple(row[:at] + ["机关事业单位基本养老保"] + row[at + 1 :]))
            out.append(tuple("险缴费支出" if i == at else "" for i in range(len(row))))
        else:
            out.append(tuple(row))
    return out


def _wrapped_amounts(report, key: str) -> list[tuple[str, ...]]:
    """2080505's amounts printed on the line under its name."""
    out = []
    for row in _rows(report, key):
        if row[0] == "2080505":
            out.append((row[0], row[1], *[""] * (len(row) - 2)))
            out.append(("", "", *row[2:]))
        else:
            out.append(tuple(row))
    return out


def _sangong_national(report, numbered: bool = False) -> list[tuple[str, ...]]:
    """公开09表 as the national template prints it: 预算数 over the six items' budgets, 决算数 over their finals, the
    item names in two rows below, then (``numbered``) a 栏次 row 1 … 12, then the data."""
    rows = _rows(report, "公开09表")
    data = rows[-1]
    budget, final = data[0::2], data[1::2]
    names1 = ("合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费")
    names2 = ("", "", "小计", "公务用车购置费", "公务用车运行维护费", "")
    out = [rows[0], ("预算数", *[""] * 5, "决算数", *[""] * 5), names1 * 2, names2 * 2]
    if numbered:
        out.append(tuple(str(i) for i in range(1, 13)))
    return [*out, (*budget, *final)]


def _sangong_numbered(report) -> list[tuple[str, ...]]:
    """公开09表 as printed, with a 栏次 row (1 … 12) between its header and its data."""
    rows = _rows(report, "公开09表")
    return [*map(tuple, rows[:-1]), tuple(str(i) for i in range(1, 13)), tuple(rows[-1])]


def _fiscal_split(report) -> list[tuple[str, ...]]:
    """公开02表's 财政拨款收入 split by fund under a 小计 column (小计 = 一般公共预算, the others blank)."""
    out = []
    for i, row in enumerate(_rows(report, "公开02表")):
        if i == 0:
            row[3:4] = ["财政拨款收入", "", "", ""]
        elif i == 1:
            row[3:4] = ["小计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
        else:
            row[3:4] = [row[3], row[3], "", ""]
        out.append(tuple(row))
    return out


def _total_last(report, key: str, at: int = 2) -> list[tuple[str, ...]]:
    """公开03/05表 with the total column (column ``at``) printed last."""
    return [(*row[:at], *row[at + 1 :], row[at]) for row in _rows(report, key)]


def _codes_spaced_06(report) -> list[tuple[str, ...]]:
    """财政局's 公开06表 with each 款 code in one cell, "301 01" (its 类 and 款 columns made one)."""
    out = []
    for row in _rows(report, "公开06表"):
        cells: list[str] = []
        for i in (0, 4):
            lei, kuan, *rest = row[i : i + 4]
            cells += [f"{lei} {kuan}" if lei and kuan else lei or kuan, *rest]
        out.append(tuple(cells))
    return out


def _level_column(report, key: str) -> list[tuple[str, ...]]:
    """A "级次" column after the code, its cells 类/款/项 (an export of the 决算 software; a second table reviewer's C06)."""
    out = []
    for i, (c0, *rest) in enumerate(_rows(report, key)):
        level = {3: "类", 5: "款", 7: "项"}.get(len(c0), "") if c0.isdigit() else ("级次" if i == 1 else "")
        out.append((c0, level, *rest))
    return out


def _carry_split_both_sides(report) -> list[tuple[str, ...]]:
    """公开04表 with 年末财政拨款结转和结余's three funds listed under it on the expenditure side too, beside the income
    side's (a second table reviewer's B08)."""
    out = [tuple(row) for row in _rows(report, "公开04表")]
    end = next(i for i, row in enumerate(out) if row[2] == "年末财政拨款结转和结余")
    for k, fund in enumerate(
        ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"), start=1
    ):
        amounts = out[end][3:] if k == 1 else ("",) * len(out[end][3:])
        out[end + k] = (*out[end + k][:2], fund, *amounts)
    return out


def _economic_items(report) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """公开06表's 款 lines as printed (code, name, amount): 人员经费's (301, 303) and 公用经费's (the rest)."""
    from generator.checks.sums import table_entries

    items = [
        (e.code, e.name, str(e.first()))
        for e in table_entries(report, "公开06表")
        if e.code and len(e.code) == 5 and e.first() is not None
    ]
    staff = [i for i in items if i[0][:3] in ("301", "303")]
    return staff, [i for i in items if i not in staff]


def _economic_one_panel(
    report,
    blocks: bool,
    total: str = "合计",
    kinds: tuple[str, str] = ("人员经费", "公用经费"),
    closes: str = "小计",
) -> list[tuple[str, ...]]:
    """公开06表 as one panel (a second table reviewer's F18, F19; a third's S04–S12): columns 合计 | 人员经费 | 公用经费
    under a ``total`` row carrying each; or (``blocks``) a 人员经费 block and a 公用经费 block headed ``kinds``, each
    closed by a ``closes`` row ("{kind}" in it stands for the block's name; no final 合计 row when it is "合计")."""
    staff, public = _economic_items(report)
    p, q = (str(report.metrics[k].amount) for k in ("gpb_basic_personnel", "gpb_basic_public"))
    basic = str(report.metrics["gpb_basic_personnel"].amount + report.metrics["gpb_basic_public"].amount)
    if blocks:
        plain = [re.sub(r"^[一二]、", "", k).removesuffix("支出") for k in kinds]
        last = [] if closes == "合计" else [(total, "", basic)]
        return [
            ("科目编码", "科目名称", "决算数"), (kinds[0], "", ""), *staff, (closes.format(kind=plain[0]), "", p),
            (kinds[1], "", ""), *public, (closes.format(kind=plain[1]), "", q), *last,
        ]  # fmt: skip
    return [
        ("科目编码", "科目名称", "合计", *kinds), (total, "", basic, p, q),
        *((c, n, a, a, "") for c, n, a in staff), *((c, n, a, "", a) for c, n, a in public),
    ]  # fmt: skip


def _fiscal_numbered(report, titles: bool) -> list[tuple[str, ...]]:
    """公开04表 with a 行次 column after each 项目 column (a third table reviewer's H02), and (``titles``) the table's
    title and unit printed as its first two rows, so that 行次 heads its fourth row (H05: the line numbers were read as
    amounts, 22 errors)."""
    out = []
    for n, r in enumerate(_rows(report, "公开04表")):
        if n == 0:
            out.append((r[0], "", "", r[2], "", "", "", "", ""))
        elif n == 1:
            out.append(("项目", "行次", "决算数", "项目", "行次", *r[3:]))
        else:
            out.append((r[0], str(n - 1) if r[0] else "", r[1], r[2], str(n + 40) if r[2] else "", *r[3:]))
    head = [("财政拨款收入支出决算总表", *[""] * 8), ("部门：上海市普陀区财政局", *[""] * 7, "单位：万元")]
    return [*head, *out] if titles else out


LAYOUTS = [
    (CAIZHENG, "公开04表", lambda r: _fiscal_numbered(r, titles=False)),
    (CAIZHENG, "公开04表", lambda r: _fiscal_numbered(r, titles=True)),
    (GUIHUA, "公开06表", lambda r: _economic_one_panel(r, blocks=False)),
    (GUIHUA, "公开06表", lambda r: _economic_one_panel(r, blocks=True)),
    (SHEGONG, "公开06表", lambda r: _economic_one_panel(r, blocks=True)),
    (
        GUIHUA,
        "公开06表",
        lambda r: _economic_one_panel(r, False, "基本支出合计", ("人员经费支出", "公用经费支出")),
    ),
    (
        GUIHUA,
        "公开06表",
        lambda r: _economic_one_panel(r, True, kinds=("一、人员经费", "二、公用经费"), closes="{kind}小计"),
    ),
    (
        GUIHUA,
        "公开06表",
        lambda r: _economic_one_panel(r, True, kinds=("人员经费支出", "公用经费支出"), closes="合计"),
    ),
    (CAIZHENG, "公开04表", _carry_split_both_sides),
    (GUIHUA, "公开05表", lambda r: _level_column(r, "公开05表")),
    (GUIHUA, "公开03表", lambda r: _level_column(r, "公开03表")),
    (CAIZHENG, "公开05表", lambda r: _level_column(r, "公开05表")),
    (GUIHUA, "公开03表", lambda r: _code_columns(r, "公开03表", sparse=True)),
    (GUIHUA, "公开05表", lambda r: _code_columns(r, "公开05表", sparse=True)),
    (SHEGONG, "公开03表", lambda r: _code_columns(r, "公开03表", sparse=True)),
    (GUIHUA, "公开05表", lambda r: _code_columns(r, "公开05表", sparse=False)),
    (GUIHUA, "公开03表", lambda r: _spaced(r, "公开03表")),
    (GUIHUA, "公开05表", lambda r: _spaced(r, "公开05表")),
    (CAIZHENG, "公开03表", lambda r: _caizheng_sparse(r, "公开03表")),
    (CAIZHENG, "公开05表", lambda r: _caizheng_sparse(r, "公开05表")),
    (GUIHUA, "公开05表", lambda r: _suffixed(r, "公开05表", 1)),
    (GUIHUA, "公开03表", lambda r: _suffixed(r, "公开03表", 1)),
    (CAIZHENG, "公开05表", lambda r: _suffixed(r, "公开05表", 3)),
    (SHEGONG, "公开03表", lambda r: _suffixed(r, "公开03表", 1)),
    (GUIHUA, "公开05表", lambda r: _suffixed(r, "公开05表", 1, only=3)),
    (GUIHUA, "公开05表", lambda r: _wrapped_name(r, "公开05表", 1)),
    (GUIHUA, "公开03表", lambda r: _wrapped_name(r, "公开03表", 1)),
    (CAIZHENG, "公开05表", lambda r: _wrapped_name(r, "公开05表", 3)),
    (GUIHUA, "公开05表", lambda r: _wrapped_amounts(r, "公开05表")),
    # a second reviewer's whole-table layouts (docs/reviews/adversarial_tables2.md)
    (GUIHUA, "公开09表", _sangong_national),
    (CAIZHENG, "公开09表", _sangong_national),
    (GUIHUA, "公开09表", lambda r: _sangong_national(r, numbered=True)),
    (GUIHUA, "公开09表", _sangong_numbered),
    (GUIHUA, "公开02表", _fiscal_split),
    (SHEGONG, "公开02表", _fiscal_split),
    (GUIHUA, "公开03表", lambda r: _total_last(r, "公开03表")),
    (CAIZHENG, "公开05表", lambda r: _total_last(r, "公开05表", at=4)),
    # 公开04表's expenditure columns with 合计 last: not compared by position
    (GUIHUA, "公开04表", lambda r: [(*row[:3], *row[4:], row[3]) for row in _rows(r, "公开04表")]),
    (CAIZHENG, "公开06表", _codes_spaced_06),
]


@pytest.mark.parametrize("name,key,layout", LAYOUTS)
def test_a_table_in_another_layout(reports, before, name, key, layout) -> None:
    _same(before, name, table_rewritten(reports[name], key, layout(reports[name])))


def test_the_layouts_keep_the_codes_and_names(reports) -> None:
    """What the layouts are read as: the same (code, name, values) rows as the table as printed."""
    from generator.checks.sums import lines

    r = reports[GUIHUA]
    printed = [(ln.code, ln.name, ln.values) for ln in lines(r, "公开05表")]
    for layout in (
        _code_columns(r, "公开05表", sparse=True),
        _spaced(r, "公开05表"),
        _suffixed(r, "公开05表", 1),
        _wrapped_name(r, "公开05表", 1),
        _wrapped_amounts(r, "公开05表"),
    ):
        got = [
            (ln.code, ln.name, ln.values) for ln in lines(table_rewritten(r, "公开05表", layout), "公开05表")
        ]
        assert got == printed


def test_the_national_sangong_layout_is_read(reports) -> None:
    """公开09表 printed as the national template does (预算数 / 决算数 over the item names, a 栏次 row) reads the same
    figures, and a final changed in it is named (规划局's 合计 决算 0.39 → 0.49: the narrative says 0.39)."""
    from generator.checks.sums import sangong

    r = reports[GUIHUA]
    for layout in (_sangong_national(r), _sangong_national(r, numbered=True), _sangong_numbered(r)):
        edited = table_rewritten(r, "公开09表", layout)
        got = sangong(edited)
        assert got is not None and (got.budget, got.final) == (sangong(r).budget, sangong(r).final)
        # … and the same 三公 figures, read from the table, for the report's metrics (one reader of the header for both)
        assert {k: (v.amount, v.kind) for k, v in edited.metrics.items() if k.startswith("sangong")} == {
            k: (v.amount, "table") for k, v in r.metrics.items() if k.startswith("sangong")
        }
    rows = _sangong_national(r)
    rows[-1] = tuple("0.49" if i == 6 else c for i, c in enumerate(rows[-1]))
    found = {
        (f.rule, f.severity) for f in run_checks(table_rewritten(r, "公开09表", rows)) if "0.49" in f.message
    }
    assert ("text_table.sangong", "error") in found


def test_a_sangong_table_of_five_pairs_gives_no_figure_by_place(reports) -> None:
    """公开09表 printed with five (预算数, 决算数) pairs (the 公务用车 subtotal left out): the pairs are not the statutory
    six, so none is taken by its place — 公务接待费's 0.39 was published as 公务用车运行维护费 (a second table reviewer).
    Since the twenty-fifth session each pair is known by the name printed over it: the same figures as printed."""
    r = reports[GUIHUA]
    rows = [(*row[:4], *row[6:]) for row in _rows(r, "公开09表")]
    edited = table_rewritten(r, "公开09表", rows)
    for key in (
        "sangong_vehicle_operation",
        "sangong_reception",
        "sangong_vehicle_purchase",
        "sangong_total",
    ):
        assert (edited.metrics[key].amount, edited.metrics[key].kind) == (r.metrics[key].amount, "table"), key
    # the names over the pairs unreadable: no figure at all from the table
    rows[1] = tuple("" if c and c != "合计" else c for c in rows[1])
    rows[2] = tuple("" for _ in rows[2])
    edited = table_rewritten(r, "公开09表", rows)
    assert all(v.kind == "narrative" for k, v in edited.metrics.items() if k.startswith("sangong"))


def _sangong_pairs(report, keep: list[int]) -> list[tuple[str, ...]]:
    """规划局's 公开09表 with only the pairs ``keep`` (0 合计, 1 出国, 2 车小计, 3 车购置, 4 车运行, 5 接待)."""
    cols = [c for i in keep for c in (2 * i, 2 * i + 1)]
    return [tuple(row[c] for c in cols) for row in _rows(report, "公开09表")]


@pytest.mark.parametrize(
    "keep,total",
    [
        ([0, 1, 2, 5], "2.85"),  # four pairs: no breakdown of the 公务用车 subtotal
        ([0, 1, 3, 4, 5], "2.85"),  # five: the subtotal left out, its parts stand in it
        ([0, 1, 2, 5], "2.95"),  # … a total that is not the sum of the pairs printed: an error
        ([0, 1, 3, 4, 5], "2.95"),
    ],
)
def test_a_sangong_table_of_fewer_pairs_is_checked(reports, before, keep, total) -> None:
    """公开09表 with four or five (预算数, 决算数) pairs: summed as printed, no note when they add up (2.85 = 0 + 0 + 2.85),
    sum.sangong's error when the 合计's budget is written 2.95."""
    r = reports[GUIHUA]
    rows = _sangong_pairs(r, keep)
    rows[-1] = (total, *rows[-1][1:])
    found = {
        (rule, severity)
        for severity, rule, _ in _notes(table_rewritten(r, "公开09表", rows)) - before[GUIHUA]
    }
    assert ("sum.sangong", "error") in found if total == "2.95" else not found, found


def _sangong_vertical(report) -> list[tuple[str, ...]]:
    """公开09表 one row per item: 项目 | 预算数 | 决算数."""
    data = _rows(report, "公开09表")[-1]
    names = (
        "合计",
        "因公出国（境）费",
        "公务用车购置及运行维护费",
        "其中：公务用车购置费",
        "公务用车运行维护费",
        "公务接待费",
    )
    return [
        ("项目", "预算数", "决算数"),
        *((name, data[2 * i], data[2 * i + 1]) for i, name in enumerate(names)),
    ]


def test_a_sangong_table_one_row_per_item_is_read(reports, before) -> None:
    """公开09表 printed one row per item (a second table reviewer's G04): the same six pairs and metrics as printed, no
    note more or less; 公务接待费's 决算 changed 0.39 → 0.59 in it is named (the narrative says 0.39)."""
    from generator.checks.sums import sangong

    r = reports[GUIHUA]
    rows = _sangong_vertical(r)
    edited = table_rewritten(r, "公开09表", rows)
    got = sangong(edited)
    assert got is not None and (got.budget, got.final) == (sangong(r).budget, sangong(r).final)
    assert {k: v.amount for k, v in edited.metrics.items() if k.startswith("sangong")} == {
        k: v.amount for k, v in r.metrics.items() if k.startswith("sangong")
    }
    _same(before, GUIHUA, edited)
    rows[-1] = ("公务接待费", rows[-1][1], "0.59")
    found = {
        (f.rule, f.severity) for f in run_checks(table_rewritten(r, "公开09表", rows)) if "0.59" in f.message
    }
    assert ("text_table.sangong", "error") in found


@pytest.mark.parametrize("name", [GUIHUA, CAIZHENG])
def test_economic_blocks_left_open_give_no_totals(reports, before, name) -> None:
    """公开06表 in one panel, blocks headed 人员经费 / 公用经费 with no 小计 rows and one final 合计 (a third table
    reviewer's B01): the final 合计 is the table's, not 公用经费's nor 人员经费's — no false text_table.metric errors (the
    table then states neither total: the note comparing the text's 人员经费 with it goes too)."""
    staff, public = _economic_items(reports[name])
    basic = str(
        reports[name].metrics["gpb_basic_personnel"].amount + reports[name].metrics["gpb_basic_public"].amount
    )
    rows = [
        ("科目编码", "科目名称", "决算数"),
        ("人员经费", "", ""),
        *staff,
        ("公用经费", "", ""),
        *public,
        ("合计", "", basic),
    ]
    edited = table_rewritten(reports[name], "公开06表", rows)
    assert not _notes(edited) - before[name]
    assert (
        "gpb_basic_personnel" not in edited.metrics
        or edited.metrics["gpb_basic_personnel"].kind == "narrative"
    )


def test_the_year_end_funds_are_summed_where_listed(reports, before) -> None:
    """公开04表 listing 年末财政拨款结转和结余's funds under it on the expenditure side (B08): a fund written 12.63 under
    a 年末 of 21.63 is sum.fiscal_total's error (a third table reviewer's AP3)."""
    rows = _carry_split_both_sides(reports[CAIZHENG])
    at = next(i for i, row in enumerate(rows) if row[2] == "年末财政拨款结转和结余") + 1
    rows[at] = (*rows[at][:3], "12.63", "12.63", *rows[at][5:])
    new = _notes(table_rewritten(reports[CAIZHENG], "公开04表", rows)) - before[CAIZHENG]
    year_end = [(sev, rule) for sev, rule, msg in new if "中年末财政拨款结转和结余为21.63万元" in msg]
    assert year_end == [("error", "sum.fiscal_total")], new


@pytest.mark.parametrize(
    "blocks,closes",
    [(False, "小计"), (True, "小计"), (True, "合计")],
)
def test_a_changed_personnel_total_in_one_panel_is_found(reports, before, blocks, closes) -> None:
    """公开06表 in one panel with its 人员经费 total printed 4896.98 (the items make 4884.10, and 4896.98 + 480.66 is not
    公开05表's 5364.75): sum.economic and table_table.basic find it in columns and in blocks (table probes SP3, BP2)."""
    rows = _economic_one_panel(reports[GUIHUA], blocks, closes=closes)
    rows = [tuple("4896.98" if c == "4884.09" else c for c in row) for row in rows]
    found = {
        f.rule
        for f in run_checks(table_rewritten(reports[GUIHUA], "公开06表", rows))
        if f.severity == "error"
    }
    assert {"sum.economic", "table_table.basic"} <= found, found


def _fiscal_stacked(report, fund: str) -> list[tuple[str, ...]]:
    """公开04表 stacked: the income side's rows, then the expenditure side's below them in the same columns, with the
    three funds listed under 年末财政拨款结转和结余 (its 一般公共预算 one written ``fund``)."""
    rs = _rows(report, "公开04表")
    funds = ("一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款")
    out = [("项目", "决算数", "", "", ""), ("收入", "", "", "", "")]
    out += [(r[0], r[1], "", "", "") for r in rs[2:] if r[0]]
    out += [
        ("支出", "", "", "", ""),
        ("项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"),
    ]
    for r in rs[2:]:
        if r[2]:
            out.append(tuple(r[2:]))
        if r[2] == "年末财政拨款结转和结余":
            out += [(funds[0], fund, fund, "", ""), (funds[1], "", "", "", ""), (funds[2], "", "", "", "")]
    return out


@pytest.mark.parametrize("fund,wrong", [("21.63", False), ("12.63", True)])
def test_the_year_end_funds_of_a_stacked_table(reports, before, fund, wrong) -> None:
    """A stacked 公开04表 listing 年末's funds under it (a third table reviewer's K02, K03): 12.63 under a 年末 of 21.63
    is sum.fiscal_total's error; the right fund is no note."""
    edited = table_rewritten(reports[CAIZHENG], "公开04表", _fiscal_stacked(reports[CAIZHENG], fund))
    new = _notes(edited) - before[CAIZHENG]
    assert bool(new) == wrong, sorted(new)
    assert not wrong or {r for _, r, _ in new} == {"sum.fiscal_total"}


@pytest.mark.parametrize("total,wrong", [("0.39", False), ("0.49", True)])
def test_a_sangong_table_of_five_rows_is_checked(reports, before, total, wrong) -> None:
    """公开09表 one row per item with no 公务用车购置及运行维护费 row (its two parts stand in it; a third table reviewer's
    TP6): read, and a 合计 决算 of 0.49 (the rows make 0.39) is sum.sangong's error."""
    r = reports[GUIHUA]
    rows = [row for row in _sangong_vertical(r) if row[0] != "公务用车购置及运行维护费"]
    rows[1] = ("合计", rows[1][1], total)
    found = {(rule, sev) for sev, rule, _ in _notes(table_rewritten(r, "公开09表", rows)) - before[GUIHUA]}
    assert ("sum.sangong", "error") in found if wrong else not found, found


@pytest.mark.parametrize("total,wrong", [("0.39", False), ("0.49", True)])
def test_sangong_names_over_the_final_columns(reports, before, total, wrong) -> None:
    """公开09表 with five pairs whose names a merged cell printed over each pair's 决算数 column (TP7): read by those
    names; a 合计 决算 of 0.49 is sum.sangong's error."""
    r = reports[GUIHUA]
    rows = _sangong_pairs(r, [0, 1, 3, 4, 5])
    data = rows[-1]
    names = ("合计", "因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费")
    head = tuple(c for name in names for c in ("", name))
    rows = [("财政拨款“三公”经费", *[""] * 9), head, ("预算数", "决算数") * 5, (data[0], total, *data[2:])]
    found = {(rule, sev) for sev, rule, _ in _notes(table_rewritten(r, "公开09表", rows)) - before[GUIHUA]}
    assert ("sum.sangong", "error") in found if wrong else not found, found
