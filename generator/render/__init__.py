"""Render: Reports (+ ingest problems) → Markdown pages, chart JSON and data files under content/.

``render_content`` writes into a fresh staging folder and then swaps the generated sections of
content/ (``site.SECTIONS``) in one step each; hand-written pages in content/ are never touched.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from markupsafe import Markup

from generator.history import Previous
from generator.model import Report
from generator.pipeline import Problem
from generator.render.site import SECTIONS, write_site

ASSETS = Path(__file__).resolve().parent.parent / "assets"

__all__ = ["SECTIONS", "render_content"]


def hand_written(content: Path) -> dict[str, Markup]:
    """Trusted Markdown snippets the generated pages include (content/_text/*.md)."""
    out: dict[str, Markup] = {}
    for p in sorted((content / "_text").glob("*.md")):
        out[p.stem] = Markup(p.read_text(encoding="utf-8").strip() + "\n")
    return out


def render_content(
    reports: list[Report],
    problems: list[Problem],
    content: Path,
    site_url: str,
    previous: Previous | None = None,
    date: str = "",
) -> list[str]:
    content.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".generated-", dir=content.parent))
    try:
        written = write_site(
            reports, problems, staging, ASSETS, site_url, hand_written(content), previous, date
        )
        for name in SECTIONS:
            target = content / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            fresh = staging / name
            if fresh.exists():
                fresh.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written
