"""OCR for PDF pages without a usable text layer (scans, or fonts that map to garbage).

Optional: needs the ``ocr`` extra (``pip install -e '.[ocr]'``, i.e. rapidocr-onnxruntime, whose
models ship inside the wheel, so nothing is downloaded at run time). Pages are rendered with
pypdfium2, recognised offline, and the recognised boxes are laid out as the PDF reader lays out
words: a page scanned askew turned back (_deskewed); boxes grouped into lines by vertical overlap,
a line's figures read whole (pieces joined, a speck's slips mended: _figures_read); runs of lines
with several separated boxes become table rows, wrapped names joined to their rows, whose cells
are assigned to columns by x (_columns: two cells side by side on one line are two columns). The
result is a list of ``Item``s, so OCR output goes through the same ``assemble()`` as every other
reader. benchmarks/scan_reads.py compares scanned copies of the PDFs with their text layer.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from statistics import median
from typing import Any

from generator.ingest import Item

# 144 dpi: table figures set in 8 pt stay ~16 px high, enough for the recogniser; more only costs time.
RENDER_SCALE = 2.0
# Below this recogniser confidence a box is more likely noise (stamps, ruling fragments) than text.
MIN_SCORE = 0.5

# two or more whole figures in one box ("307.82 264.87"), not one figure read with spaces ("1. 21", "1, 511. 90")
_WHOLE = r"[-−]?\d(?:[\d,]*\d)?(?:\.\d+)?%?"
_NUMBERS = re.compile(rf"^{_WHOLE}(?:\s+{_WHOLE})+$")
_NUMERIC = re.compile(r"^[-−]?[\d,，.．]+%?$")


def available() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except Exception:  # missing, or a broken native dependency (onnxruntime, OpenCV)
        return False
    return True


@lru_cache(maxsize=1)
def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


Box = dict[str, Any]  # x0, x1, top, bottom (PDF points), text


def recognise(path: Path, page_index: int) -> list[Box]:
    """The text boxes on one page (0-based index), in PDF points."""
    import numpy as np
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        image = doc[page_index].render(scale=RENDER_SCALE, grayscale=True).to_pil().convert("RGB")
    finally:
        doc.close()
    # Scanned reports are upright; the angle classifier only costs time.
    result, _ = _engine()(np.asarray(image), use_cls=False)
    boxes: list[Box] = []
    for points, text, score in result or []:
        text = str(text).strip()
        if not text or float(score) < MIN_SCORE:
            continue
        xs = [float(p[0]) / RENDER_SCALE for p in points]
        ys = [float(p[1]) / RENDER_SCALE for p in points]
        boxes.append({"x0": min(xs), "x1": max(xs), "top": min(ys), "bottom": max(ys), "text": text})
    return boxes


# A box of figures and codes only, and the recogniser's slips in it where a speck of the scan stood beside a
# figure: a point after it ("10.82.", "2013901."), a speck read beside its decimal point ("29. .42"), a colon for
# its decimal point ("202:24", "0:00"), two figures joined by a speck ("10.82.10.82"). No figure of these tables
# ends with a point or has two, and every amount has two decimals, so each reads one way.
_FIGURES_ONLY = re.compile(r"^[-−\d,.，．:：;；·'’%\s]+$")
_SLIPS = (
    (re.compile(r"(?<=\d)\.\s*[.·]\s*(?=\d)"), "."),
    (re.compile(r"(?<=\d)[:：;；](?=\d{2}(?!\d))"), "."),
    (re.compile(r"(?<=\.\d{2})[.:：](?=\d[\d,]*\.\d{2})"), " "),
    (re.compile(r"(?<=[\d%])[.。:：,，·'’]+$"), ""),
)


def _figure_slips(text: str) -> str:
    if not _FIGURES_ONLY.match(text) or not any(ch.isdigit() for ch in text):
        return text
    for pattern, repl in _SLIPS:
        text = pattern.sub(repl, text)
    return text


# a page turned less than this (about 0.9 pt over a 500 pt line) is laid out as it is
MIN_SKEW_DEGREES = 0.1
# the most a page is looked for turned
MAX_SKEW_DEGREES = 3.0
MAX_SKEW = math.tan(math.radians(MAX_SKEW_DEGREES))


def _skew(boxes: list[Box], height: float, steep: float) -> float:
    """The angle a page is turned by, in degrees (positive: its rows fall to the right). Every pair of boxes at
    least 100 pt apart across, one within half a line up or down of the other (plus ``steep`` times their
    distance across, to find a page turned that much), gives the angle between their centres; most pairs are two
    cells of one row, the rest (a cell and a wrapped name beside it, two rows) scatter. The angle is the most
    common one (in 0.1° steps, each counted with its neighbours), refined by the median of the angles within
    0.15° of it; 0 when fewer than ten pairs."""
    centres = sorted(((b["top"] + b["bottom"]) / 2, (b["x0"] + b["x1"]) / 2) for b in boxes)
    ys = [c[0] for c in centres]
    reach = 0.5 * height + (max(b["x1"] for b in boxes) - min(b["x0"] for b in boxes)) * steep
    angles = [
        math.degrees(math.atan((y2 - y) / (x2 - x)))
        for y, x in centres
        for y2, x2 in centres[bisect_left(ys, y - reach) : bisect_right(ys, y + reach)]
        if x2 - x >= 100 and abs(y2 - y) <= 0.5 * height + (x2 - x) * steep
    ]
    angles = [a for a in angles if abs(a) <= MAX_SKEW_DEGREES]
    if len(angles) < 10:
        return 0.0
    steps = Counter(round(a * 10) for a in angles)
    mode = max(steps, key=lambda k: (steps[k - 1] + steps[k] + steps[k + 1], steps[k], -abs(k))) / 10
    return median(a for a in angles if abs(a - mode) <= 0.15)


def _turned(boxes: list[Box], angle: float) -> list[Box]:
    """The boxes with their centres turned back by ``angle`` about the middle of the page's text."""
    sin, cos = math.sin(math.radians(angle)), math.cos(math.radians(angle))
    xc = (min(b["x0"] for b in boxes) + max(b["x1"] for b in boxes)) / 2
    yc = (min(b["top"] for b in boxes) + max(b["bottom"] for b in boxes)) / 2
    out = []
    for b in boxes:
        x, y = (b["x0"] + b["x1"]) / 2 - xc, (b["top"] + b["bottom"]) / 2 - yc
        dx, dy = x * cos + y * sin - x, y * cos - x * sin - y
        out.append(
            {**b, "x0": b["x0"] + dx, "x1": b["x1"] + dx, "top": b["top"] + dy, "bottom": b["bottom"] + dy}
        )
    return out


def _deskewed(boxes: list[Box], height: float) -> list[Box]:
    """The boxes of a page scanned turned a little, turned back: a row's cells drift up or down across the
    page (1° is 9 pt over a 500 pt table, more than half a line), so they would be read as several lines, and a
    column's cells drift across down the page (12 pt over 700 pt). The angle is found in two steps: looking as
    far as MAX_SKEW_DEGREES, then, with that turned back, close to level (pairs within half a line), which is
    finer; the two add up. Below half a degree the fine look alone is taken. A page turned less than
    MIN_SKEW_DEGREES stays as it is."""
    coarse = _skew(boxes, height, MAX_SKEW)
    if abs(coarse) < 0.5:  # close to level already: the fine look alone (the far one scatters a little)
        angle = _skew(boxes, height, 0.0)
    else:
        angle = coarse + _skew(_turned(boxes, coarse), height, 0.0)
    return _turned(boxes, angle) if abs(angle) >= MIN_SKEW_DEGREES else boxes


# a label's numbering: "三、", "（一）", "(1)"
_NUMBER = r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[（(]\d{1,2}[）)]"
_NUMBERING = re.compile(_NUMBER)
_PIECE = re.compile(r"^[-−]?[\d,， ]*\d[,.，．]$")  # a figure cut after its separator: "1,", "1, 511."


def _figures_read(line: list[Box], height: float) -> list[Box]:
    """A line's boxes with its figures read whole: pieces of one figure the recogniser boxed apart ("1," "511."
    "90", less than half a line apart) joined, its slips mended, and two figures of neighbouring columns read
    as one box split; a label's numbering boxed apart from its name ("三、" "国防支出") joined to it."""
    joined: list[Box] = []
    for box in line:
        close = bool(joined) and box["x0"] - joined[-1]["x1"] < 0.5 * max(height, box["bottom"] - box["top"])
        if close and _PIECE.match(joined[-1]["text"]) and box["text"][:1].isdigit():
            joined[-1] = {**joined[-1], "x1": box["x1"], "text": f"{joined[-1]['text']} {box['text']}"}
        elif close and _NUMBERING.fullmatch(joined[-1]["text"]) and not _NUMERIC.match(box["text"]):
            # a label's numbering boxed apart from its name, the two boxes overlapping or all but touching
            joined[-1] = {
                **joined[-1],
                "x1": max(joined[-1]["x1"], box["x1"]),
                "text": joined[-1]["text"] + box["text"],
            }
        else:
            joined.append(box)
    return [part for box in joined for part in _split_numbers({**box, "text": _figure_slips(box["text"])})]


def _split_numbers(box: Box) -> list[Box]:
    """Two figures of neighbouring columns recognised as one box ("307.82 264.87"): split them,
    sharing the box's width by character count."""
    if not _NUMBERS.match(box["text"]):
        return [box]
    parts = box["text"].split()
    total = sum(len(p) for p in parts) + len(parts) - 1
    width = box["x1"] - box["x0"]
    out, pos = [], 0
    for part in parts:
        x0 = box["x0"] + width * pos / total
        pos += len(part)
        out.append({**box, "x0": x0, "x1": box["x0"] + width * pos / total, "text": part})
        pos += 1
    return out


Columns = list[tuple[float, float]]


def page_items(
    boxes: list[Box], number: int, page_width: float, carry: Columns | None = None
) -> tuple[list[Item], Columns | None]:
    """Lay out one page's boxes as running-text lines and table rows.

    ``carry``: the columns of a table that ran to the bottom of the previous page. A table at the
    top of this page is laid out on them, so that assemble() sees the same number of cells and
    joins the two parts (a continued table has no header row of its own to find columns from).
    Returns the items and the columns of a table that runs to the bottom of this page, if any.
    """
    from generator.ingest.pdf import group_lines

    if not boxes:
        return [], None
    height = median(b["bottom"] - b["top"] for b in boxes)
    boxes = _deskewed(boxes, height)
    lines = [_figures_read(line, height) for line in group_lines(boxes)]

    def is_row(line: list[Box]) -> bool:
        # cells far apart, or three or more set apart evenly (the "预算数 决算数" under each 三公 item, 7 pt apart)
        gaps = [b["x0"] - a["x1"] for a, b in pairwise(line)]
        return any(g > 1.2 * height for g in gaps) or len(gaps) >= 2 and all(g > 0.4 * height for g in gaps)

    def gap(a: list[Box], b: list[Box]) -> float:
        return min(w["top"] for w in b) - max(w["bottom"] for w in a)

    def in_one_column(line: list[Box], columns: Columns) -> bool:
        x0, x1 = min(b["x0"] for b in line), max(b["x1"] for b in line)
        hit = [c for c in columns if min(x1, c[1]) - max(x0, c[0]) > 0]
        return len(hit) == 1 and x0 >= hit[0][0] - height and x1 <= hit[0][1] + height

    # Tables: runs of row-like lines. A single-box line close below a row is a row whose other
    # cells are empty when it sits inside one column, or when another row follows it; otherwise
    # (a note, the next title) it is running text.
    groups: list[tuple[str, list[list[Box]]]] = []  # ("text", [line]) or ("table", lines)
    table: list[list[Box]] = []
    pending: list[list[Box]] = []

    def close() -> None:
        if table:
            groups.append(("table", list(table)))
        groups.extend(("text", [ln]) for ln in pending)
        table.clear()
        pending.clear()

    for line in lines:
        previous = (pending or table)[-1] if (pending or table) else None
        near = previous is not None and gap(previous, line) <= 2.5 * height
        if is_row(line):
            if table and near:
                table.extend(pending)
                pending.clear()
                table.append(line)
            else:
                close()
                table.append(line)
            continue
        if carry and not groups and not table and in_one_column(line, carry):
            table.append(line)  # the previous page's table goes on: rows with only a label
            continue
        if table and near:
            columns = carry if carry and not groups else _columns(table, height)
            if in_one_column(line, columns):
                table.extend(pending)
                pending.clear()
                table.append(line)
                continue
            width = max(b["x1"] for b in line) - min(b["x0"] for b in line)
            if width < 0.5 * page_width:
                pending.append(line)
                continue
        close()
        groups.append(("text", [line]))
    close()
    groups = _headers_above(groups, height, page_width)

    items: list[Item] = []
    t_index = 0
    last: Columns | None = None
    for g_index, (kind, group) in enumerate(groups):
        if kind == "text":
            line = group[0]
            text = " ".join(b["text"] for b in line)
            items.append(Item(page=number, text=text, top=line[0]["top"], ocr=True))
            continue
        group = _join_wrapped(_join_header_wraps(group, height), height)
        columns = _columns(group, height)
        if carry and g_index == 0 and len(carry) >= len(columns):
            columns = carry
        top = min(b["top"] for b in group[0])
        for line in group:
            cells = [""] * len(columns)
            for b in line:
                c = _column_of(b, columns)
                cells[c] = f"{cells[c]} {b['text']}".strip()
            items.append(Item(page=number, cells=tuple(cells), table=t_index, top=top, ocr=True))
        t_index += 1
        last = columns if g_index == len(groups) - 1 else None
    return items, last


_CODE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
_PART_CODE = re.compile(r"^\d{2}$")
_FIGURE = re.compile(r"^[-−]?[\d,]*\.\d+%?$|^[-−]?\d+%$")
# a line that opens a row of its own ("十、节能环保支出" under "九、卫生健康支出 2.71"), not a wrapped cell's rest
_NUMBERED = re.compile(rf"^(?:{_NUMBER}|\d{{1,2}}[、.．](?!\d)|合计|总计|小计)")


def _headers_above(
    groups: list[tuple[str, list[list[Box]]]], height: float, page_width: float
) -> list[tuple[str, list[list[Box]]]]:
    """A header name standing alone on the line above a table's first row and reaching down into it (the first
    line of "附属单位" / "上缴收入", whose rest the recogniser put on the row beside "财政拨款收入") is the table's:
    the row of several names starts the table, the name's line overlaps it. A title or unit line above a table
    ends before it."""
    out: list[tuple[str, list[list[Box]]]] = []
    for kind, group in groups:
        if kind == "table" and out and out[-1][0] == "text":
            line = out[-1][1][0]
            width = max(b["x1"] for b in line) - min(b["x0"] for b in line)
            if max(b["bottom"] for b in line) > min(b["top"] for b in group[0]) and width < 0.5 * page_width:
                group = [line, *group]
                out.pop()
        out.append((kind, group))
    return out


def _join_header_wraps(lines: list[list[Box]], height: float) -> list[list[Box]]:
    """A table's header names wrapped in their cells joined: a name too long for its cell wraps onto the next line
    ("上级补助" / "收入", "附属单" / "位上" / "缴收入"), which the recogniser reads as a line of its own, so the name
    would be read as a header over another. The rest of a wrapped name stands right below it (less than a quarter
    line between them) and inside its width; a header over other headers (a group over its columns, "本年支出"
    over "合计 基本支出 项目支出", "公务用车购置及运行维护费" over "公务用车购置费") stands further above them, past
    its own cell's rule, or is narrower than the name under it. Only the lines above the first row with a code or
    a figure are headers."""
    first = next(
        (
            n
            for n, ln in enumerate(lines)
            if any(_CODE.match(b["text"]) or _FIGURE.match(b["text"]) for b in ln)
        ),
        len(lines),
    )
    if first < 2:
        return lines
    slack = 0.5 * height
    kept: list[list[Box]] = [[] for _ in range(first)]
    placed: list[tuple[int, Box]] = []  # (line, box) of each header name kept so far
    for n, box in sorted(((k, b) for k in range(first) for b in lines[k]), key=lambda nb: nb[1]["top"]):
        over = [
            (m, a)
            for m, a in placed
            if m != n
            and -slack <= box["top"] - a["bottom"] <= 0.25 * height
            and box["x0"] >= a["x0"] - slack
            and box["x1"] <= a["x1"] + slack
        ]
        if over and not _NUMERIC.match(box["text"]):
            _, above = max(over, key=lambda ma: ma[1]["bottom"])
            above["text"] += box["text"]
            above["bottom"] = box["bottom"]
            continue
        box = dict(box)
        kept[n].append(box)
        placed.append((n, box))
    return [ln for ln in kept if ln] + lines[first:]


def _shared_height(a: list[Box], b: list[Box]) -> float:
    """How far two sets of boxes overlap up and down (negative: the gap between them)."""
    return min(max(x["bottom"] for x in a), max(x["bottom"] for x in b)) - max(
        min(x["top"] for x in a), min(x["top"] for x in b)
    )


def _centre(line: list[Box]) -> float:
    return (min(b["top"] for b in line) + max(b["bottom"] for b in line)) / 2


def _join_wrapped(lines: list[list[Box]], height: float) -> list[list[Box]]:
    """A table's rows with their wrapped cells joined. A name too long for its cell wraps onto two or three lines
    ("机关事业单位" / "基本养老保险" / "缴费支出"), and its row's code and figures stand centred beside them, on
    one of those lines or on a line of their own; the recogniser reads each as a line. A row is anchored by its
    code, its figures or a numbered label ("七、文化旅游体育与传媒支"); two such lines overlapping by a quarter
    line or more are one anchor, unless both hold a code or a numbered label in one column. A short text line
    with no code or figure, not numbered itself, joins the anchor of its column whose centre is nearest, if
    within 1.25 lines, its text added to the anchor's label in reading order ("出", "款"); a 款/项 code alone on
    a line ("03") joins the nearest anchor of any column. Headers and notes, further off, stay lines of their
    own."""

    def marks(line: list[Box]) -> tuple[list[Box], bool, list[Box]]:
        """The line's codes, whether it has a figure, its numbered labels."""
        return (
            [b for b in line if _CODE.match(b["text"])],
            any(_FIGURE.match(b["text"]) for b in line),
            [b for b in line if _NUMBERED.match(b["text"])],
        )

    def across(a: Box, b: Box) -> bool:
        return min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > 0

    anchors: list[list[Box]] = []
    order: list[tuple[str, int]] = []  # ("anchor", i) or ("line", index into lines)
    for n, line in enumerate(lines):
        codes, figure, numbered = marks(line)
        if not (codes or figure or numbered):
            order.append(("line", n))
            continue
        if anchors and order and order[-1][0] == "anchor":
            prev = anchors[-1]
            p_codes, _, p_numbered = marks(prev)
            overlap = max(b["bottom"] for b in prev) - min(b["top"] for b in line)
            # two codes (or numbered labels) one above the other are two rows; side by side, the two panels of
            # one row (a 06表 row's "30110" and "30208", read as two lines where a wrapped name pulled one up)
            two_rows = any(across(a, b) for a in codes + numbered for b in p_codes + p_numbered)
            if overlap >= 0.25 * height and not two_rows:
                # one row read as two lines: "201 一般公共服务" over "支出 264.87 62.63 202.24", a figure centred
                # between "机关事业单位基本养老保险缴费 6.18" and "2080505 支出 6.18", a two-sided row's halves
                anchors[-1] = prev + line
                continue
        anchors.append(list(line))
        order.append(("anchor", len(anchors) - 1))
    if not anchors:
        return lines
    order = _band_joined(order, lines, anchors, height)

    def is_label(b: Box) -> bool:
        return not _CODE.match(b["text"]) and not _FIGURE.match(b["text"])

    joined: dict[int, list[Box]] = {}
    out_order: list[tuple[str, int]] = []
    for what, i in order:
        line = lines[i] if what == "line" else []
        box = line[0] if line else None
        if box is None or len(line) != 1 or len(box["text"]) > 15:
            out_order.append((what, i))
            continue
        centre = _centre(line)
        column = [
            a
            for a in range(len(anchors))
            # a 款/项 code read a little lower than its row ("302 [03] 咨询费"): the row has no box in its column
            if _PART_CODE.match(box["text"]) or any(is_label(b) and across(box, b) for b in anchors[a])
        ]
        nearest = min(column, key=lambda a: abs(_centre(anchors[a]) - centre), default=None)
        if nearest is not None and abs(_centre(anchors[nearest]) - centre) <= 1.25 * height:
            joined.setdefault(nearest, []).append(box)
            continue
        out_order.append((what, i))
    out: list[list[Box]] = []
    for what, i in out_order:
        out.append(lines[i] if what == "line" else _one_label_a_column(anchors[i] + joined.get(i, [])))
    return out


def _band_joined(
    order: list[tuple[str, int]], lines: list[list[Box]], anchors: list[list[Box]], height: float
) -> list[tuple[str, int]]:
    """A text line standing in an anchor's band (overlapping it by a quarter line or more) is part of its row: a
    name wrapped onto two lines with the row's code and figures centred between them, neither line sharing
    enough height with the figures to be read as their line ("机关事业单位基本养老保" / "险缴费" beside "30108
    446.11", with the other panel's "电费" on the first line). It joins the neighbouring anchor it overlaps most."""

    out: list[tuple[str, int]] = []
    for k, (what, i) in enumerate(order):
        if what == "line":
            near = [order[j][1] for j in (k - 1, k + 1) if 0 <= j < len(order) and order[j][0] == "anchor"]
            best = max(near, key=lambda a: _shared_height(lines[i], anchors[a]), default=None)
            if best is not None and _shared_height(lines[i], anchors[best]) >= 0.25 * height:
                anchors[best].extend(lines[i])
                continue
        out.append((what, i))
    return out


def _one_label_a_column(boxes: list[Box]) -> list[Box]:
    """A joined row's boxes left to right, the text boxes that stand in one column (overlapping across, one
    above the other) made one box, their text in reading order (top to bottom). Boxes side by side on one line
    stay apart however they overlap ("类 款 项")."""

    def one_line(a: Box, b: Box) -> bool:
        return _shared_height([a], [b]) > 0.5 * min(a["bottom"] - a["top"], b["bottom"] - b["top"])

    keep = [b for b in boxes if _CODE.match(b["text"]) or _FIGURE.match(b["text"])]
    clusters: list[list[Box]] = []
    for box in sorted((b for b in boxes if b not in keep), key=lambda b: b["x0"]):
        if (
            clusters
            and box["x0"] < max(b["x1"] for b in clusters[-1])
            and not any(one_line(box, b) for b in clusters[-1])
        ):
            clusters[-1].append(box)
        else:
            clusters.append([box])
    for pieces in clusters:
        pieces.sort(key=lambda b: b["top"])
        keep.append(
            pieces[0]
            if len(pieces) == 1
            else {
                "x0": min(b["x0"] for b in pieces),
                "x1": max(b["x1"] for b in pieces),
                "top": min(b["top"] for b in pieces),
                "bottom": max(b["bottom"] for b in pieces),
                "text": "".join(b["text"] for b in pieces),
            }  # fmt: skip
        )
    return sorted(keep, key=lambda b: b["x0"])


def _apart(lines: list[list[Box]], slack: float) -> Columns:
    """The columns the lines' boxes stand in. Boxes are taken left to right, each joining the column it overlaps
    unless that column already holds a box of its line: two boxes side by side on one line are two cells, even
    read as overlapping ("类 款 项"). Then two neighbouring columns less than ``slack`` apart are one (a column's
    cells are not all as wide) unless a line has a box in each, however close ("4816.14" and the second panel's
    "302", 7 pt apart). Columns that overlap are cut where they meet."""

    # A box over two cells of another line ("类款项" read as one box over three code columns) sets no column: it
    # reaches past the right end of a cell (a) and the left end of the next (b). With each line's neighbouring
    # cells taken by a's right end, the smallest left end of b beyond any point (and the smallest on another line
    # than that one's) tells it at once.
    pairs = sorted(
        (a["x1"], b["x0"], m)
        for m, line in enumerate(lines)
        for a, b in pairwise(sorted(line, key=lambda box: box["x0"]))
    )
    ends = [p[0] for p in pairs]
    firsts: list[tuple[float, int]] = []  # from each pair on: the smallest b's left end and its line
    seconds: list[float] = []  # … and the smallest on another line
    best, other = (math.inf, -1), math.inf
    for _, b0, m in reversed(pairs):
        if b0 < best[0]:
            other = best[0] if best[1] != m else other
            best = (b0, m)
        elif m != best[1] and b0 < other:
            other = b0
        firsts.append(best)
        seconds.append(other)
    firsts.reverse()
    seconds.reverse()

    def spanning(box: Box, n: int) -> bool:
        i = bisect_right(ends, box["x0"])
        if i == len(pairs):
            return False
        b0, m = firsts[i]
        return (b0 if m != n else seconds[i]) < box["x1"]

    spans = sorted(
        (b["x0"], b["x1"], n)
        for n, line in enumerate(lines)
        for b in line
        if _NUMERIC.match(b["text"]) or _CODE.match(b["text"]) or not spanning(b, n)
    )
    columns: list[list[float]] = []
    holds: list[set[int]] = []
    for x0, x1, n in spans:
        for c in range(len(columns) - 1, -1, -1):
            if x0 < columns[c][1] and n not in holds[c]:
                columns[c][1] = max(columns[c][1], x1)
                holds[c].add(n)
                break
        else:
            columns.append([x0, x1])
            holds.append({n})
    order = sorted(range(len(columns)), key=lambda c: columns[c][0])
    joined: list[list[float]] = []
    held: list[set[int]] = []
    for c in order:
        x0, x1 = columns[c]
        if joined and x0 < joined[-1][1] + slack and not holds[c] & held[-1]:
            joined[-1][1] = max(joined[-1][1], x1)
            held[-1] |= holds[c]
        else:
            joined.append([x0, x1])
            held.append(set(holds[c]))
    for left, right in pairwise(joined):
        if left[1] > right[0]:
            left[1] = right[0] = (left[1] + right[0]) / 2
    return [(a, b) for a, b in joined]


def _columns(lines: list[list[Box]], height: float) -> Columns:
    """Column extents: from the rows that hold figures (they have no spanning cells), widened by the other rows'
    cells that fall in one of them, plus the header cells over columns that hold no figure (an empty column still
    counts). The header rows are taken finest first, the one with most cells: its cells are the leaves, each a
    column of its own, and a cell of a coarser row over several of them ("因公出国（境）费" over its "预算数" and
    "决算数") adds nothing."""
    data = [ln for ln in lines if any(_NUMERIC.match(b["text"]) for b in ln)]
    columns = [list(c) for c in _apart(data, 0.5 * height)]
    others = sorted((ln for ln in lines if not any(ln is d for d in data)), key=len, reverse=True)
    for line in others:
        # the columns as they stood before this line (two cells of one line are two columns, however close:
        # one that a cell of this line already fell in takes no other)
        before = [(i, c[0], c[1]) for i, c in enumerate(columns)]
        taken: set[int] = set()
        for b in line:
            hit = [
                i
                for i, x0, x1 in before
                if i not in taken and min(b["x1"], x1 + 0.5 * height) - max(b["x0"], x0 - 0.5 * height) > 0
            ]
            if len(hit) == 1:
                column = columns[hit[0]]
                column[0], column[1] = min(column[0], b["x0"]), max(column[1], b["x1"])
                taken.add(hit[0])
            elif not hit:
                columns.append([b["x0"], b["x1"]])
    return sorted((a, b) for a, b in columns)


def _column_of(box: Box, columns: list[tuple[float, float]]) -> int:
    def overlap(c: tuple[float, float]) -> float:
        return min(box["x1"], c[1]) - max(box["x0"], c[0])

    best = max(range(len(columns)), key=lambda i: overlap(columns[i]))
    if overlap(columns[best]) > 0:
        return best
    centre = (box["x0"] + box["x1"]) / 2
    return min(range(len(columns)), key=lambda i: abs((columns[i][0] + columns[i][1]) / 2 - centre))
