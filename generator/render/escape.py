"""Escaping of report text on its way into Markdown and HTML, and the Jinja environment that applies it.

Every value a template prints passes through ``md_text`` unless it is already ``Markup`` (which
only this package creates, for values it has escaped itself). The characters that Markdown,
attr_list or HTML give a meaning to become numeric character references: Python-Markdown leaves
references alone in paragraphs, tables, headings and raw HTML blocks alike, and the browser shows
the original character, so hostile text (``<script>``, ``[x](javascript:…)``, ``{: .x}``) is
shown as text. Line breaks collapse to spaces, so a value never starts a Markdown block.
"""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Markdown inline and block syntax, attr_list braces, table pipes, HTML and entity starts.
_ALWAYS = set("\\`*_{}[]()<>&|~^=!#\"'$")
_REFS = {ord(c): f"&#{ord(c)};" for c in _ALWAYS}  # str.translate table: one pass in C
_LINE_START = re.compile(r"^(\d+)([.)])|^([-+])")


# a line break between two Chinese characters (or their punctuation): a narrow cell's wrap, not a word break
_CJK_WRAP = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t]*\n\s*(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)


def md_text(value: object) -> str:
    """Report text → a Markdown-inert, HTML-safe string that displays as the same text. Chinese wrapped over
    lines ("无相应" / "的费用" / "支出。") reads as one run; any other line break or run of spaces as one space."""
    text = " ".join(_CJK_WRAP.sub("", str(value)).split())
    out = text.translate(_REFS)
    m = _LINE_START.match(out)
    if m:  # "1. " or "- " at the start would open a list if the template puts it at a line start
        if m.group(2):
            out = f"{m.group(1)}&#{ord(m.group(2))};{out[m.end() :]}"
        else:
            out = f"&#{ord(m.group(3))};{out[1:]}"
    return out


def attr_json(value: Any) -> Markup:
    """JSON for a single-quoted HTML attribute inside a raw HTML block (compact, sorted keys)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;"))


# what YAML cannot hold even quoted (C0 and C1 controls but tab, newline and NEL; surrogates; U+FFFE, U+FFFF): a front
# matter holding one does not parse, and MkDocs then renders it as the page's Markdown, links and all
_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def yaml_str(value: object) -> Markup:
    """A front-matter scalar: HTML-escaped (MkDocs themes print page.meta unescaped), JSON-quoted, without the
    characters YAML cannot hold."""
    text = " ".join(_NOT_YAML.sub("", str(value)).split())
    return Markup(json.dumps(html.escape(text, quote=True), ensure_ascii=False))


_SAFE_URL = re.compile(r"(?:https?://)?[A-Za-z0-9._~/#%?=&+:@-]*")


def url(value: object) -> Markup:
    """A link the generator built (relative path, anchor) or an http(s) address; anything else → "#"."""
    text = str(value)
    allowed_scheme = text.startswith(("http://", "https://")) or not re.match(
        r"^[A-Za-z][A-Za-z0-9+.-]*:", text
    )
    if allowed_scheme and _SAFE_URL.fullmatch(text) and "\\" not in text:
        return Markup(text.replace("&", "&amp;"))
    return Markup("#")


def anchor(value: object) -> str:
    """An id for attr_list/HTML: lower-case ASCII letters, digits and hyphens only."""
    return re.sub(r"[^a-z0-9-]+", "-", str(value).lower()).strip("-") or "x"


def money(value: object, places: int = 2) -> str:
    if value is None or value == "":
        return "—"
    try:
        d = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    return f"{d:,.{places}f}"


def count(value: object) -> str:
    if value is None:
        return "—"
    return f"{int(Decimal(str(value))):,}"


def _finalize(value: object) -> object:
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    return Markup(md_text(value))


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES / "pages")),
        autoescape=True,  # macros then return Markup; _finalize does the Markdown-aware escaping first
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        comment_start_string="{##",  # "{#id}" is attr_list syntax in the Markdown we write
        comment_end_string="##}",
    )
    env.filters.update(
        attr_json=attr_json, yaml_str=yaml_str, money=money, count=count, url=url, anchor=anchor
    )
    return env
