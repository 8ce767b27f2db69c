"""Word's automatic numbering: the "一、", "（二）", "3." that Word draws before a numbered paragraph.

Such a label is not in the paragraph's text (w:t) but in the numbering part: a paragraph names a list
(w:numPr: w:numId and w:ilvl, or through its style), the list's level gives a format (w:numFmt) and a
pattern (w:lvlText "%1、"), and the number is the paragraph's place in the list. A report whose section
headings are numbered this way reads "收入决算情况说明" where the page shows "二、收入决算情况说明", and the
sections go unfound. ``Numbering.label`` gives the label as Word shows it, counting in document order.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_VAL = _W + "val"
_DIGITS = "零一二三四五六七八九"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting shows them)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = (
            ""
            if rest == 0
            else (
                "零" + _DIGITS[rest] if rest < 10 else _chinese(rest) if rest >= 20 else "一" + _chinese(rest)
            )
        )
        return _DIGITS[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letter(n: int) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def number_text(n: int, fmt: str) -> str:
    """One counter as a level's w:numFmt shows it."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "ideographDigital", "chineseLegalSimplified"):  # fmt: skip
        return _chinese(n) if fmt != "ideographDigital" else "".join(_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 0 < n <= 10:
        return _HEAVENLY[n - 1]
    if fmt == "ideographZodiac" and 0 < n <= 12:
        return _ZODIAC[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) - ord("0") + ord("０")) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        return _letter(n) if fmt == "lowerLetter" else _letter(n).upper()
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n) if fmt == "lowerRoman" else _roman(n).upper()
    return str(n)  # decimal, and any format this reader does not draw


class Numbering:
    """The numbering part (and the styles that number their paragraphs) of one document."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        # abstractNumId → ilvl → (start, numFmt, lvlText)
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        for abstract in numbering.iter(_W + "abstractNum"):
            self.levels[abstract.get(_W + "abstractNumId", "")] = {
                int(lvl.get(_W + "ilvl", "0")): self._level(lvl) for lvl in abstract.iter(_W + "lvl")
            }
        # numId → (abstractNumId, ilvl → start override)
        self.lists: dict[str, tuple[str, dict[int, int]]] = {}
        for num in numbering.iter(_W + "num"):
            abstract = num.find(_W + "abstractNumId")
            overrides = {}
            for override in num.iter(_W + "lvlOverride"):
                start = override.find(_W + "startOverride")
                if start is not None:
                    overrides[int(override.get(_W + "ilvl", "0"))] = _int(start.get(W_VAL), 1)
            self.lists[num.get(_W + "numId", "")] = (
                abstract.get(W_VAL, "") if abstract is not None else "",
                overrides,
            )
        self.style_numbers = _style_numbers(styles) if styles is not None else {}
        self.counters: dict[
            str, list[int | None]
        ] = {}  # by abstractNumId: one list continues across its nums
        self.started: set[str] = set()  # the nums whose start overrides were applied

    @staticmethod
    def _level(lvl: Any) -> tuple[int, str, str]:
        start, fmt, text = lvl.find(_W + "start"), lvl.find(_W + "numFmt"), lvl.find(_W + "lvlText")
        return (
            _int(start.get(W_VAL), 0) if start is not None else 0,
            fmt.get(W_VAL, "decimal") if fmt is not None else "decimal",
            text.get(W_VAL, "") if text is not None else "",
        )

    def numbered_in(self, body: Any) -> set[Any]:
        """The paragraphs of ``body`` that name a list, directly or through their style: found in one pass,
        so that ``label`` looks at no other paragraph."""
        found = {numpr.getparent().getparent() for numpr in body.iter(_W + "numPr")}
        if self.style_numbers:
            found |= {
                style.getparent().getparent()
                for style in body.iter(_W + "pStyle")
                if style.get(W_VAL, "") in self.style_numbers
            }
        return found

    def label(self, paragraph: Any) -> str:
        """The label Word draws before ``paragraph`` ("" for none, a bullet, or an unknown list)."""
        num_id, ilvl = self._numbered(paragraph)
        if num_id is None or num_id == "0" or num_id not in self.lists:
            return ""
        abstract_id, overrides = self.lists[num_id]
        levels = self.levels.get(abstract_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, [None] * 10)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in sorted(overrides.items()):
                if 0 <= level < 10:
                    counters[level] = start - 1
                    for deeper in range(level + 1, 10):
                        counters[deeper] = None
        current = counters[ilvl]
        counters[ilvl] = (current + 1) if current is not None else levels[ilvl][0]
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = None  # a higher level restarts the ones below it
        start, fmt, text = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""
        out = text
        for level in range(9, -1, -1):
            placeholder = f"%{level + 1}"
            if placeholder in out:
                value = counters[level] if counters[level] is not None else levels.get(level, (1, "", ""))[0]
                out = out.replace(placeholder, number_text(value or 0, levels.get(level, (0, fmt, ""))[1]))
        return out

    def _numbered(self, paragraph: Any) -> tuple[str | None, int]:
        ppr = paragraph.find(_W + "pPr")
        if ppr is None:
            return None, 0
        numpr = ppr.find(_W + "numPr")
        style = ppr.find(_W + "pStyle")
        from_style = self.style_numbers.get(style.get(W_VAL, "")) if style is not None else None
        num_id, ilvl = from_style if from_style is not None else (None, 0)
        if numpr is not None:
            n, level = numpr.find(_W + "numId"), numpr.find(_W + "ilvl")
            if n is not None:
                num_id = n.get(W_VAL)
            if level is not None:
                ilvl = _int(level.get(W_VAL), 0)
        return num_id, ilvl


def _style_numbers(styles: Any) -> dict[str, tuple[str, int]]:
    """Paragraph styles that number their paragraphs (a 标题 1 style with a list), following w:basedOn."""
    own: dict[str, tuple[str | None, int | None]] = {}
    based: dict[str, str] = {}
    for style in styles.iter(_W + "style"):
        style_id = style.get(_W + "styleId", "")
        parent = style.find(_W + "basedOn")
        if parent is not None:
            based[style_id] = parent.get(W_VAL, "")
        numpr = style.find(f"{_W}pPr/{_W}numPr")
        if numpr is not None:
            n, level = numpr.find(_W + "numId"), numpr.find(_W + "ilvl")
            own[style_id] = (
                n.get(W_VAL) if n is not None else None,
                _int(level.get(W_VAL), 0) if level is not None else None,
            )
    out: dict[str, tuple[str, int]] = {}
    for style_id in set(own) | set(based):
        num_id, ilvl, seen, current = None, None, set(), style_id
        while current and current not in seen:
            seen.add(current)
            n, level = own.get(current, (None, None))
            num_id = num_id if num_id is not None else n
            ilvl = ilvl if ilvl is not None else level
            current = based.get(current, "")
        if num_id is not None:
            out[style_id] = (num_id, ilvl or 0)
    return out


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
