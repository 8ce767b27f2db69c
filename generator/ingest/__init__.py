"""Ingest: file → Document. Format-specific readers live here and nowhere else.

Each reader turns a file into a flat sequence of ``Item``s (a line of running text or a table
row, with its page); ``assemble`` joins hard-wrapped lines into paragraphs, groups rows into
tables (joining a table continued on the next page) and normalises text, the same way for
every format.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import IngestError
from generator.model import Block, Document, Table
from generator.normalize import normalize_cell, normalize_paragraph

# Limits against hostile or pathological input (issue #7). A published 决算 report is 15–60
# pages and 0.2–5 MB as text, up to ~40 MB as a 300 dpi scan; the limits leave room for that and
# refuse what would only burn time or memory. The per-document time limit is in pipeline.load_all.
MAX_FILE_BYTES = 60 * 1024 * 1024
MAX_PAGES = 400
# OCR costs ~4–10 s a page on two cores: 40 pages stay inside the per-document time limit.
MAX_OCR_PAGES = 40


@dataclass
class Item:
    page: int
    text: str = ""
    cells: tuple[str, ...] | None = None  # a table row
    table: int | None = None  # reader-local table number; rows with the same number form a table
    top: float = 0.0
    ocr: bool = False  # recognised from a page image, not read from a text layer


Reader = Callable[[Path], tuple[list[Item], int]]
READERS: dict[str, Reader] = {}


def reader(*extensions: str) -> Callable[[Reader], Reader]:
    def register(fn: Reader) -> Reader:
        for ext in extensions:
            READERS[ext] = fn
        return fn

    return register


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# Formats reports are published in that no reader here takes, with what to do instead.
_IMAGES = "；页面图片请合成一个PDF后放入，扫描页需安装OCR扩展 (put the page images into one PDF; scans need the ocr extra)"
_ADVICE = {
    "ofd": "；OFD版式文件请改用同一报告的PDF版本 (use the report's PDF edition)",
    "wps": "；WPS文字文件请另存为.docx (save as .docx)",
    "et": "；WPS表格文件请另存为.xlsx (save as .xlsx)",
    "rtf": "；请另存为.docx (save as .docx)",
    "zip": "；压缩包请先解压，把其中的报告放入data/reports/ (unpack the archive first)",
    "rar": "；压缩包请先解压，把其中的报告放入data/reports/ (unpack the archive first)",
    "7z": "；压缩包请先解压，把其中的报告放入data/reports/ (unpack the archive first)",
    "jpg": _IMAGES,
    "jpeg": _IMAGES,
    "png": _IMAGES,
}


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read any supported file into a Document, or raise IngestError with a one-line reason."""
    from generator.ingest import docx, html, pdf, sheet, text  # noqa: F401  (register readers)

    p = Path(path)
    if not p.is_file():
        raise IngestError(str(path), "文件不存在 (file not found)")
    size = p.stat().st_size
    if size == 0:
        raise IngestError(str(path), "文件为空 (empty file)")
    if size > MAX_FILE_BYTES:
        raise IngestError(str(path), f"文件过大 (file larger than {MAX_FILE_BYTES // 2**20} MB)")
    ext = p.suffix.lower().lstrip(".")
    fn = READERS.get(ext)
    if fn is None:
        advice = _ADVICE.get(ext, "")
        raise IngestError(str(path), f"不支持的格式 (unsupported format: .{ext or '?'}){advice}")
    items, pages = fn(p)
    items, repeated = _without_repeated_pages(items)
    blocks, tables = assemble(items)
    if not any(b.text.strip() for b in blocks):
        raise IngestError(str(path), "没有可读取的文字 (no text layer; the report needs OCR)")
    fmt = {"markdown": "md"}.get(ext, ext)
    ocr_pages = tuple(sorted({i.page for i in items if i.ocr}))
    return Document(
        path=str(path),
        sha256=sha256_of(p),
        format=fmt,
        pages=pages,
        blocks=blocks,
        tables=tables,
        ocr_pages=ocr_pages,
        repeated_pages=repeated,
    )


_HEADING = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}(?:、|[.．](?!\d))|目\s*录|附件|注[:：])"
)
_END = re.compile(r"[。！？!?]$")
# a numbered heading its paragraph runs on from, on its first line ("（一）“三公”经费财政拨款支出决算总体情况说明。“三公”经费财"):
# the line goes on into the next, as any paragraph's first line
_RUN_IN = re.compile(r"[。；;：:]\s*\S")
_PAGE_NUMBER = re.compile(
    # "3", "- 3 -", "第3页", "第3页 共25页", "3/25", "共25页" (not a sentence that opens "第3页的……")
    r"^[-—–\s]*\d{1,3}[-—–\s]*$|^第\s*\d+\s*页(?:\s*[/，,、]?\s*共\s*\d+\s*页)?$|^[-—–\s]*\d{1,3}\s*/\s*\d{1,3}[-—–\s]*$"
    r"|^共\s*\d+\s*页(?:\s*[/，,、]?\s*第\s*\d+\s*页)?$|^[Pp]age\s*\d+(?:\s*(?:of|/)\s*\d+)?$"
)
# "续表", "（续）", "公开05表（续）" over a table continued on the next page: not a line between two tables
_CONTINUED = re.compile(r"^(?:续表|续上表|\S{0,40}[（(]续表?[)）])[:：]?$")


# "单位：万元" above each statutory table repeats on every page like a running header, but it says what the
# table's figures are in: extract reads it.
_UNIT_LINE = re.compile(r"单位\s*[：:]\s*(?:万元|千元|元)")
# …nor is a table's note, under each table on a page or sheet of its own ("说明：本表无数据", "注：本表为空表。")
_TABLE_NOTE = re.compile(r"^(?:注|说明|备注)\s*[：:]|本表|无数据|空表")


# A numbered line as long as a narrow wrap width is still a heading when it reads as a title: no clause
# punctuation or percentage, and a title's last word ("（一）“三公”经费财政拨款支出决算总体情况说明" at 24 characters).
# a numbered 科目 cut before its 项: "1、一般公共服务支出（类）财政事务（款）行政运行" / "（项）。主要用于：……" (the
# 测试问题版本's 具体情况, set in a larger font, wraps there): the paragraph goes on
_UNFINISHED_ITEM = re.compile(r"[（(][类款][)）](?!.*[（(]项[)）])")
# what goes on with the paragraph before it, never opens one: punctuation ("……用于" / "。较上年决算减少……"), a reason
# or a use after a full stop the wrap put at a line's end ("……总计持平。" / "主要原因：……", "……住房公积金（项）。" /
# "主要用于：……"), a 其中 list
_GOES_ON = re.compile(r"^(?:[。，；、]|主要原因|原因(?:是|为|主要)|主要用于|主要是|其中[：:，,])")


def _header_alone(rows: list[tuple[str, ...]]) -> bool:
    """A table's first header rows without any figure, all a page holds of it."""
    return len(rows) <= 2 and not any(_DIGITS.search(c) for row in rows for c in row)


def _goes_on(items: list[Item], normalized: dict[int, str], n: int) -> bool:
    """Whether the line after line ``n`` goes on with its paragraph (_GOES_ON), so that neither a full stop nor a
    short line ends the paragraph there."""
    if n + 1 >= len(items) or items[n + 1].cells is not None:
        return False
    return _GOES_ON.match(normalized.get(n + 1, "")) is not None


_TITLE_LIKE = re.compile(r"^[^，,。；;：:%]*(?:情况说明|情况|说明|概况|决算表|自评表|目录|分析)$")


# A table's title on a line of its own ("项目支出绩效自评表", "一般公共预算财政拨款支出决算表"), as short as a
# wrapped paragraph's last line: it starts a block of its own.
_TABLE_TITLE = re.compile(r"^[^，,。；;：:%]{0,40}(?:绩效自评表|决算表|决算明细表)$")


def _title_goes_on(head: str, line: str) -> bool:
    """A numbered title wrapped onto a second line that ends it ("(一)一般公共预算财政" / "拨款支出决算总体情况")."""
    return (
        not _TITLE_LIKE.search(head)
        and not _HEADING.match(line)
        and not _TABLE_TITLE.match(line)
        and len(head) + len(line) <= 40
        and _TITLE_LIKE.search(head + line) is not None
    )


def _is_heading(text: str) -> bool:
    return bool(_HEADING.match(text)) and len(text) <= 60


def _noise(items: list[Item], normalized: dict[int, str]) -> set[str]:
    """Watermarks and running headers: a short line repeated on three or more pages, or stamped
    several times in a row (a single-"page" dump repeats its cover watermark back to back).

    A short line repeated only within one page and never back to back is content: a text dump
    of a whole report is one "page", and its hard-wrapped table cells break the same label the
    same way in every table ("受审单位满" / "意度（%）"); dropping those lost the label's end.
    A unit declaration ("单位：万元") is never noise.
    """
    counts = Counter(t for t in normalized.values() if t)
    short = {
        t
        for t, n in counts.items()
        if n >= 3
        and len(t) <= 14
        and not _is_heading(t)
        and not _UNIT_LINE.search(t)
        and not _TABLE_NOTE.search(t)
        and not _CONTINUED.match(t)  # "续表" over each table's next part says where the table goes on
    }
    pages: dict[str, set[int]] = {t: set() for t in short}
    stamped: set[str] = set()
    previous = ""
    for n, text in normalized.items():
        if not text:
            continue
        if text in pages:
            pages[text].add(items[n].page)
            if text == previous:
                stamped.add(text)
        previous = text
    return {t for t, seen in pages.items() if len(seen) >= 3} | stamped


_DIGITS = re.compile(r"\d+")
# what a blank sheet says: "此页无正文", "（本页为空白页）", "以下空白"
_BLANK_SHEET = re.compile(r"^[（(]?\s*(?:此页|本页|以下)(?:无正文|为?空白页?|无内容)\s*[)）]?$")


# What a government website prints around a report, kept when the page is saved as text or printed: the breadcrumb
# ("当前位置：首页 > 信息公开 > 财政预决算"), the page's buttons ("【字体：大 中 小】", "打印本页 关闭窗口", "分享到："), its
# footer (ICP 备案, 网站标识码), a browser's printed URL, and the article's metadata line ("来源：…  发布时间：2025-09-01
# 浏览次数：1,235"): none of it is the report's ("财政预决算" was read as the agency "财政预").
_CHROME = re.compile(
    r"^(?:当前位置|您的位置|您现在的位置|您当前的位置|您所在的位置|所在位置|当前所在位置)\s*[:：]"
    r"|^首页\s*[>＞›»|｜丨]|无障碍浏览|无障碍阅读|^分享到\s*[:：]"
    r"|^附件\s*\d*\s*[:：]?\s*\S.{0,80}\.(?:pdf|docx?|xlsx?|wps|et|zip|rar)$"
    r"|字体\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小"
    r"|^(?:[【\[]?\s*(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|收藏本页|收藏|分享到\s*[:：]?)\s*[】\]]?\s*)+$"
    r"|ICP\s*备|公网安备|网站标识码|版权所有\s*[©(（:：]|^https?://\S+(?:\s+\d{1,3}\s*/\s*\d{1,3})?$"
)
_SEPARATOR = re.compile(r"^[|｜>＞›»]$")  # (not "/": a 自评表's empty cell, one a line)
_FONT_BUTTONS = ("大", "中", "小", "】")
_BULLET = re.compile(r"^[*·•●▪◆◇■□-]\s*")
_META_LABEL = re.compile(
    r"(?:信息来源|文章来源|来源|发布机构|发布时间|发布日期|浏览次数|访问次数|点击数|阅读次数|责任编辑|作者|索引号)\s*[:：]"
)
_A_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
# "相关信息" after the report, and the links under it ("昌吉回族自治州公共就业服务中心2023年度部门决算 2024-09-02")
_RELATED = re.compile(
    r"^[【\[]?\s*(?:相关信息|相关链接|相关文章|相关阅读|相关新闻|相关文件|延伸阅读)\s*[】\]]?\s*[:：]?$"
)


def _link(text: str, following: str = "") -> bool:
    """A line of a website's list of links: short, dated or bulleted (or its date the next line, a copy giving each
    piece a line), no sentence."""
    dated = _A_DATE.search(text) or _BULLET.match(text) or _A_DATE.fullmatch(following)
    return len(text) <= 80 and bool(dated) and "，" not in text


def _web_chrome(items: list[Item], normalized: dict[int, str]) -> set[int]:
    """The lines of a web page's frame around the report (its positions in ``items``)."""
    chrome: set[int] = set()
    related = font = False
    lines = [(n, text) for n, text in normalized.items() if text]
    for k, (n, text) in enumerate(lines):
        after = [t for _, t in lines[k + 1 : k + 3]] + ["", ""]
        if related and _link(text, after[0]):
            chrome.add(n)  # a link under "相关信息", dated or bulleted
            continue
        # "相关信息" with links under it (a heading of the report's own, with its sentences under it, stays)
        related = bool(_RELATED.match(text)) and _link(after[0], after[1])
        # the font buttons one a line, right after "【字体：" ("大" / "中" / "小" / "】")
        font = (font and text in _FONT_BUTTONS) or bool(re.search(r"字体\s*[:：]\s*$", text))
        # a menu or breadcrumb saved one item a line ("首页" / "|" / "English", "当前位置：" / "首页" / ">" / "信息公开")
        beside = [lines[j][1] for j in (k - 1, k + 1) if 0 <= j < len(lines)]
        if (
            related
            or font
            or _SEPARATOR.match(text)
            or (len(text) <= 10 and not re.search(r"\d", text) and any(_SEPARATOR.match(t) for t in beside))
            or _CHROME.search(text)
            or (
                _META_LABEL.match(text)
                and (
                    len(_META_LABEL.findall(text)) >= 2
                    or (_A_DATE.search(text) and not re.search(r"[，。；,;]", text))
                )
                and len(text) <= 120
            )
        ):
            chrome.add(n)
    return chrome


def _without_repeated_pages(items: list[Item]) -> tuple[list[Item], tuple[tuple[int, int], ...]]:
    """A page printed twice (the same lines and rows as an earlier page, all but a page number): read once, its
    rows would be counted twice in every sum. Pages of a line or a few characters (a blank sheet's "此页无正文") are not
    compared."""
    by_page: dict[int, list[Item]] = {}
    for item in items:
        by_page.setdefault(item.page, []).append(item)
    if len(by_page) < 2:
        return items, ()
    first: dict[tuple[Any, ...], int] = {}
    repeated: list[tuple[int, int]] = []
    for page, its in by_page.items():
        lines = [
            i
            for i in its
            if i.cells is not None or (i.text.strip() and not _PAGE_NUMBER.match(i.text.strip()))
        ]
        content = tuple(
            i.cells
            if i.cells is not None
            # a page's first and last lines with their numbers masked: "XX局 第8页" and "XX局 第9页" are one footer
            else _DIGITS.sub("#", i.text.strip())
            if n < 2 or n >= len(lines) - 2
            else i.text.strip()
            for n, i in enumerate(lines)
        )
        if len(content) < 2 or sum(len(str(c)) for c in content) < 20:
            continue
        if content in first:
            repeated.append((page, first[content]))
        else:
            first[content] = page
    if not repeated:
        return items, ()
    gone = {page for page, _ in repeated}
    return [i for i in items if i.page not in gone], tuple(repeated)


def _running(items: list[Item], normalized: dict[int, str]) -> set[int]:
    """A running header or footer longer than ``_noise`` takes, or numbered ("上海市普陀区2024年度部门决算公开",
    "普陀区财政局 第3页"): a line among the first two or last two of its page, the same but for its digits at the
    same end of at least three pages and a third of them. On the cover only a running title beside the cover's own;
    never a heading, a line naming a table or a label ("部门：……"), a title, a unit line, a note or "续表"."""
    by_page: dict[int, list[int]] = {}
    for n, item in enumerate(items):
        if item.cells is not None or normalized.get(n):
            by_page.setdefault(item.page, []).append(n)
    if len(by_page) < 3:
        return set()
    edges: dict[tuple[str, str], set[int]] = {}  # (end, masked text) → the item numbers
    pages: dict[tuple[str, str], set[int]] = {}
    for page, ns in by_page.items():
        for end, near in (("top", ns[:2]), ("foot", ns[-2:])):
            for n in near:
                text = normalized.get(n, "")
                if not text or len(text) > 40 or items[n].cells is not None:
                    continue
                key = (end, _DIGITS.sub("#", text))
                edges.setdefault(key, set()).add(n)
                pages.setdefault(key, set()).add(page)
    first = min(by_page)
    out: set[int] = set()
    for key, found in edges.items():
        seen = pages[key]
        if len(seen) < 3 or 3 * len(seen) < len(by_page):
            continue
        sample = normalized[min(found)]
        # never a heading; "公开01表" … "公开09表", "部门：……" over each table; a sentence; "（2024年度）" under each 自评表's
        # title (its year is checked); a title, a unit line, a note, "续表"
        if (
            _is_heading(sample)
            or re.search(r"表|[:：。，,；;]", sample)
            or re.fullmatch(r"[（(]?\s*\d{4}\s*年度?\s*[)）]?", sample)
            or _TITLE_LIKE.search(sample)
            or _UNIT_LINE.search(sample)
            or _TABLE_NOTE.search(sample)
            or _CONTINUED.match(sample)
        ):
            continue
        # on the cover only a running title ("上海市普陀区2024年度部门决算公开") beside the cover's own title: a line naming
        # the agency alone at each sheet's top ("上海市普陀区财政局") may be the cover title's first line
        cover = "决算" in sample and any(
            n not in found and items[n].cells is None and "决算" in normalized.get(n, "")
            for n in by_page.get(first, [])
        )
        out |= {n for n in found if items[n].page != first or cover}
    return out


_FIGURE_END = re.compile(r"[\d.,]+%?$")
_FIGURE_START = re.compile(r"^[\d.,]+")


def _two_figures(before: str, after: str) -> bool:
    """Whether the figure a line ends with and the one the next line opens with make no one number together
    ("13.60" and "1098.55%": two decimal points)."""
    end, start = _FIGURE_END.search(before), _FIGURE_START.match(after)
    if end is None or start is None:
        return False
    return end.group().endswith("%") or (end.group() + start.group()).count(".") > 1


def assemble(items: list[Item]) -> tuple[list[Block], list[Table]]:
    # Each line normalised once (a line's text, normalised, by its position in ``items``).
    normalized: dict[int, str] = {}
    for n, i in enumerate(items):
        if i.cells is None:
            normalized[n] = normalize_paragraph(i.text)
    noise = _noise(items, normalized)
    running = _running(items, normalized) | _web_chrome(items, normalized)
    # the lines no block holds: watermarks, running lines, a web page's frame, page numbers, what a blank sheet says
    dropped = {
        n
        for n, text in normalized.items()
        if not text or text in noise or n in running or _PAGE_NUMBER.match(text) or _BLANK_SHEET.search(text)
    }
    # the pages with something on them: a blank page inside a table (a scan's empty sheet) does not end it
    filled = sorted({i.page for n, i in enumerate(items) if i.cells is not None or n not in dropped})

    def next_filled(page: int) -> int | None:
        at = bisect.bisect_right(filled, page)
        return filled[at] if at < len(filled) else None

    # Hard-wrapped sources (PDF text, PDF dumps) break lines at a fixed width; a short numbered
    # line is a heading, one as long as the wrap width is the first line of a paragraph.
    lengths = sorted(
        len(normalized[n]) for n, i in enumerate(items) if i.cells is None and len(i.text.strip()) > 15
    )
    wrap_width = lengths[int(len(lengths) * 0.9)] if lengths else 10_000

    blocks: list[Block] = []
    table_pages: list[int] = []  # Document table index → its first page
    table_rows: list[list[tuple[str, ...]]] = []  # … → its rows (Tables are built at the end)
    table_of: dict[tuple[int, int], int] = {}  # (page, reader table) → Document table index
    last_page: dict[int, int] = {}  # Document table index → last page it has rows on
    para: list[tuple[str, int]] = []
    raw_end = False  # the last line put in ``para`` ended in a space before it was normalised
    last_indent = 0  # …and began with so many spaces
    last_kind = ""
    said_continued = False  # a "续表" line right after a table's rows: the next table goes on with it

    def flush() -> None:
        if not para:
            return
        text, page0 = "", para[0][1]
        breaks: list[tuple[int, int]] = []
        for piece, page in para:
            if text and page != (breaks[-1][1] if breaks else page0):
                breaks.append((len(text), page))
            text += piece
        if len(para) > 1 and not breaks:
            # OCR spacing cut by the wrap ("19. " / "28万元") is mended only whole
            text = normalize_paragraph(text)
        blocks.append(Block(text=text, page=page0, page_breaks=tuple(breaks)))
        para.clear()

    cell_cache: dict[str | None, str] = {}  # the same cell text recurs (labels, "0.00", "")

    for n, item in enumerate(items):
        if item.cells is not None:
            flush()
            for c in item.cells:
                if c not in cell_cache:
                    cell_cache[c] = normalize_cell(c)
            cells = tuple([cell_cache[c] for c in item.cells])
            if not any(cells):
                continue
            key = (item.page, item.table if item.table is not None else -1)
            if key not in table_of:
                prev = table_rows[-1] if table_rows else None
                # after "续表" (on the same page too: a Word file WPS saved marks no page break), whatever its header's
                # merged cells; or on the next page, of as many columns or under a header row alone at the foot of the
                # page ("收入 | 支出", its cells merged)
                continued = (
                    prev is not None
                    and last_kind == "row"
                    and (
                        said_continued
                        or (
                            item.page == next_filled(last_page[len(table_rows) - 1])
                            and (len(cells) in {len(r) for r in prev} or _header_alone(prev))
                        )
                    )
                )
                if not continued:
                    table_pages.append(item.page)
                    table_rows.append([])
                table_of[key] = len(table_rows) - 1
            idx = table_of[key]
            last_page[idx] = item.page
            rows = table_rows[idx]
            row_text = " ".join(c for c in cells if c)
            blocks.append(Block(text=row_text, page=item.page, table=idx, row=len(rows)))
            rows.append(cells)
            last_kind = "row"
            said_continued = False
            continue
        if n in dropped:
            continue
        text = normalized[n]
        if last_kind == "row" and _CONTINUED.match(text):
            said_continued = True
            continue  # the table goes on (its rows on this page join the rows before, as without the line)
        last_kind = "line"
        if _HEADING.match(text):
            flush()
            para.append((text, item.page))
            raw_end = item.text[-1:].isspace()
            if (
                not _END.search(text)
                and not _RUN_IN.search(text)
                and len(text) <= 40
                and (len(text) < 0.85 * wrap_width or _TITLE_LIKE.search(text))
                and not _UNFINISHED_ITEM.search(text)
                and not _title_goes_on(text, normalized.get(n + 1, ""))
            ):
                flush()
            continue
        if len(para) == 1 and _HEADING.match(para[0][0]) and _title_goes_on(para[0][0], text):
            para.append((text, item.page))
            flush()
            continue
        if _TABLE_TITLE.match(text):
            # a table's title line is never the end of the paragraph wrapped above it, but may end the title's own
            # first line ("……57号项" / "目支出绩效自评表")
            if not (para and _TABLE_TITLE.match("".join(t for t, _ in para) + text)):
                flush()
            para.append((text, item.page))
            flush()
            continue
        indent = len(item.text) - len(item.text.lstrip())
        if (
            para
            and text[:1].isdigit()
            and (para[-1][0][-1:].isdigit() or para[-1][0].endswith("%"))
            and (raw_end or indent > last_indent or _two_figures(para[-1][0], text))
        ):
            # two figures of a table-like line the wrap parted at their space ("13.60" / "1098.55%"); a dump that
            # indents every line (lynx's margin) cuts one figure in two ("4.4" / "   6万元")
            text = " " + text
        para.append((text, item.page))
        raw_end = item.text[-1:].isspace()
        last_indent = indent
        if (
            (len(text) < 0.6 * wrap_width or _END.search(text))
            and not text.endswith(("；", ";"))
            and not _goes_on(items, normalized, n)
        ):
            flush()
    flush()
    tables = [Table(page=page, rows=tuple(rows)) for page, rows in zip(table_pages, table_rows)]
    return blocks, tables
