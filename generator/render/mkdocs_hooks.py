"""MkDocs hooks (mkdocs.yml ``hooks:``): finished HTML from the templates skips Markdown.

The page templates emit most of a report page (findings, their evidence, the statutory tables,
charts) as HTML already. Python-Markdown would only pass such raw HTML blocks through unchanged,
but it finds them by running the whole page through ``html.parser`` twice (MkDocs' anchor scan
and the ``md_in_html`` block preprocessor): most of the build's time at 1,000 reports.

So a template wraps a block that is HTML and nothing else in marker lines::

    <!--raw-->
    <div>…</div>
    <!--/raw-->

``on_page_markdown`` swaps each such block for a placeholder comment (which Markdown passes
through as a raw block of its own), ``on_page_content`` puts the block back into the HTML
Markdown produced, at the same place and byte for byte as Markdown would have written it.
The ``id`` attributes in the blocks are added to the page's anchors, so MkDocs' link validation
sees the same anchors as before. Only templates write the markers: report text reaches the
Markdown escaped (``<`` as ``&#60;``), so it can neither open nor fake a block.

``on_post_page`` drops the theme's blank lines and indentation (mkdocs-material's templates
indent every nested tag; ~4 KB of a report page): each run of whitespace becomes one line
break, never nothing, so the page renders the same. ``pre``, ``code`` and ``kbd`` (white-space:
pre-wrap in the theme), ``textarea``, ``script`` and ``style`` elements are left as they are.
"""

from __future__ import annotations

import re
from typing import Any

_BLOCK = re.compile(r"^<!--raw-->\n(.*?)\n<!--/raw-->$", re.M | re.S)
_PLACEHOLDER = re.compile(r"<!--raw:(\d+)-->")
_ID = re.compile(r'<[a-z][a-z0-9]*\s[^>]*?\bid="([^"]+)"')

_VERBATIM = re.compile(r"(<(pre|textarea|script|style|code|kbd)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t\r\n]+")  # ASCII whitespace only: U+3000 and &nbsp; are text

_blocks: dict[str, list[str]] = {}  # page source path → its raw blocks, between the two hooks


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    blocks: list[str] = []

    def stash(m: re.Match[str]) -> str:
        blocks.append(m.group(1))
        return f"<!--raw:{len(blocks) - 1}-->"

    out = _BLOCK.sub(stash, markdown)
    if blocks:
        _blocks[page.file.src_uri] = blocks
    else:
        _blocks.pop(page.file.src_uri, None)
    return out


def on_page_content(html: str, page: Any, **_: Any) -> str:
    blocks = _blocks.pop(page.file.src_uri, None)
    if not blocks:
        return html
    if page.present_anchor_ids is not None:
        for block in blocks:
            page.present_anchor_ids.update(_ID.findall(block))
    return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)


def on_post_page(output: str, **_: Any) -> str:
    parts = _VERBATIM.split(output)  # text, element, its tag name, text, …
    for i in range(0, len(parts), 3):
        parts[i] = _INDENT.sub("\n", parts[i])
    return "".join(parts[i] for i in range(len(parts)) if i % 3 != 2)
