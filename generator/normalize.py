"""Text normalisation shared by every reader: the one place that decides what "extracted text" is.

Every quote on the site is a substring of text produced here, so the rules are conservative:
they undo what conversion did to the report (full-width digits, OCR-spaced numbers, hard wraps,
stray markup), never what the report says.
"""

from __future__ import annotations

import html
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({"％": "%", "．": ".", "＋": "+", "－": "-", "\u3000": " ", "\xa0": " "})
_FULLWIDTH.update({"＝": "=", "＜": "<", "＞": ">"})  # a 自评表's "＝5.08万元", "＜＝4.08万元"
_FULLWIDTH.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FULLWIDTH.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_TRANS = str.maketrans(_FULLWIDTH)
# The same mapping as a regex: str.translate looks up every character of a Chinese string in a
# dict (~6 µs a line); a regex finds the few characters to replace in a fraction of that.
_TRANS_CHARS = re.compile("[" + "".join(re.escape(k) for k in _FULLWIDTH) + "]")

# Formatting tags that survive a save-as-text; anything else (<script>, <img …>) is report text
# and stays, to be escaped when rendered.
_STRAY_TAG = re.compile(r"</?(?:br|p|span|div|font|b|i|u|strong|em|sup|sub|o:p)\b[^<>]{0,200}>", re.I)
_CID = re.compile(r"\(cid:\d+\)|\[bookmark: [^\]]{0,80}\]")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef“”‘’《》、"
# Spaces a PDF or OCR puts between characters of running Chinese text.
_SPACE_CJK = re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}])[ \t]+(?=[{_CJK}{_CJK_PUNCT}\d(（%-])")
_SPACE_CJK_AFTER = re.compile(rf"(?<=[\d%)）])[ \t]+(?=[{_CJK}{_CJK_PUNCT}])")
# OCR-spaced numbers: "3, 802. 53" → "3,802.53", "0. 00" → "0.00".
_OCR_THOUSANDS = re.compile(r"(?<=\d)[ \t]*,[ \t]+(?=\d{3}(?!\d))")
_OCR_DECIMAL = re.compile(r"(?<=\d)[ \t]*\.[ \t]+(?=\d)")
_OCR_DECIMAL_BEFORE = re.compile(r"(?<=\d)[ \t]+\.(?=\d)")
_FW_COMMA_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
# "占 15.65 %", "<=100 %": a percent sign set off from its figure.
_SPACE_PERCENT = re.compile(r"(?<=\d)[ \t]+(?=%)")


def is_garbled(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat == "Co" or ch == "\ufffd"


# Kangxi radicals and CJK radical supplements (⼀ U+2F00…) as some PDFs encode common characters.
_RADICAL = re.compile("[\u2e80-\u2fdf]")
# What is_garbled() refuses (private use, category Co; U+FFFD) and control characters but tab and
# newline: one regex pass instead of a Python test per character (ingest's hottest loop).
# Zero-width characters a web editor leaves between characters (U+200B, U+FEFF…) go with them: unseen, they would cut a
# figure ("\u200b187.19" is no number) or a name in two.
_ZERO_WIDTH_CHARS = "\u00ad\u200b-\u200d\u2060\ufeff"
_GARBLED_OR_CONTROL = re.compile(
    f"[\x00-\x08\x0b-\x1f{_ZERO_WIDTH_CHARS}\ufffd\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)
# An HTML character reference left in text saved from a web page ("&nbsp;", "&#8203;", "&lt;=30万元"): the character
# it stands for.
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,7}|#[xX][0-9A-Fa-f]{2,6});")


def _fullwidth(m: re.Match[str]) -> str:
    return _FULLWIDTH[m.group(0)]


def _nfkc(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group(0))


# Text in which no rule below changes anything: no whitespace, nothing the character table maps,
# no radical, garbled or control character, no "<" (tags), "(" / "[" (cid, bookmark) or "，".
# Most table cells ("", "1,234.56", "合计") are like this and are returned as they are.
_INERT = re.compile(
    "[^\\s<(\\[，&"
    + "".join(re.escape(k) for k in _FULLWIDTH)
    + f"\u2e80-\u2fdf\x00-\x08\x0b-\x1f{_ZERO_WIDTH_CHARS}\ufffd\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]*"
)
_WRAPPED_CELL = re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}])\s*\n\s*(?=[{_CJK}{_CJK_PUNCT}(（])")
_SPACES = re.compile(r"[ \t]{2,}")


def _unescaped(m: re.Match[str]) -> str:
    """The character a reference stands for; a space for any space or line break ("&#9;" opens no cell)."""
    ch = html.unescape(m.group(0))
    return " " if ch.isspace() else ch


def _decoded(text: str) -> str:
    """Character references ("&nbsp;", "&#8203;") as the characters they stand for."""
    return _ENTITY.sub(_unescaped, text) if "&" in text else text


_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")


def without_web_residue(text: str) -> str:
    """A whole text file as saved from a web page, before it is cut into lines and cells: its zero-width characters
    taken out and its character references decoded ("\t\u200b1", "\t&nbsp;1" are a cell holding "1")."""
    return _ZERO_WIDTH.sub("", _decoded(text))


def normalize_chars(text: str) -> str:
    """Character-level clean-up that never moves text around.

    Each step runs only when the text holds what it acts on (tested on the text as the steps
    before left it), so skipping one never changes the result."""
    text = _decoded(text)
    if _TRANS_CHARS.search(text):
        text = _TRANS_CHARS.sub(_fullwidth, text)  # = text.translate(_TRANS)
    if _RADICAL.search(text):
        text = _RADICAL.sub(_nfkc, text)
    if "(cid:" in text or "[bookmark: " in text:
        text = _CID.sub("", text)
    text = _GARBLED_OR_CONTROL.sub("", text)
    if "<" in text:
        text = _STRAY_TAG.sub("", text)
    if "，" in text:
        text = _FW_COMMA_THOUSANDS.sub(",", text)
    return text


def normalize_paragraph(text: str) -> str:
    """A running-text line or paragraph: characters, OCR numbers, spaces inside Chinese text."""
    if _INERT.fullmatch(text):
        return text
    text = normalize_chars(text)
    if "\t" in text:
        text = text.replace("\t", " ")
    if " " in text:  # every rule below needs a space (tabs are spaces by now)
        if ", " in text:
            text = _OCR_THOUSANDS.sub(",", text)
        if ". " in text:
            text = _OCR_DECIMAL.sub(".", text)
        if " ." in text:
            text = _OCR_DECIMAL_BEFORE.sub(".", text)
        if " %" in text:
            text = _SPACE_PERCENT.sub("", text)
        text = _SPACE_CJK.sub("", text)
        text = _SPACE_CJK_AFTER.sub("", text)
        if "  " in text:
            text = _SPACES.sub(" ", text)
    return text.strip()


def normalize_cell(text: str | None) -> str:
    if not text:
        return ""
    if _INERT.fullmatch(text):
        return text
    text = normalize_chars(text)
    if "\n" in text:
        # A cell wrapped inside its box: "本年收入合\n计" is one label.
        text = _WRAPPED_CELL.sub("", text).replace("\n", " ")
    return normalize_paragraph(text)


_AMOUNT = re.compile(r"^[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-−]?\d+(?:\.\d+)?$")


@lru_cache(maxsize=1 << 16)  # Decimals are immutable; the same cells and figures recur
def parse_amount(text: str) -> Decimal | None:
    """'2,940.05' → Decimal('2940.05'); anything that is not plainly a number → None."""
    s = text.strip().replace(" ", "")
    if s.endswith("万元"):
        s = s[:-2]
    if not _AMOUNT.match(s):
        return None
    try:
        return Decimal(s.replace(",", "").replace("−", "-"))
    except InvalidOperation:
        return None


def decimals(value: Decimal) -> int:
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0
