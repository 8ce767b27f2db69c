"""Helpers for the site tests: build a site into a temporary folder, serve it, drive Chromium.

The site is built from the real reports with the real mkdocs.yml, but into a temporary content/
and site/ (hand-written pages copied in), so tests never touch the working tree's generated files.
Chromium is Debian's /usr/bin/chromium driven by the Playwright Python package. Without it the
browser tests are skipped locally, and fail in CI (CI=true), where .ci/run installs it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def build_site(
    tmp: Path,
    reports: Path,
    cache: Path | None = ROOT / ".cache" / "extract",
    url: str | None = None,
    previous: Path | None = None,
) -> Path:
    """generator build into tmp/content and tmp/site; returns the site folder.

    ``url`` replaces site_url: mkdocs-material's instant navigation only intercepts links whose
    address, port and path included, matches the sitemap, so a test server's address goes here.
    ``previous``: the data folder of an earlier publication (``generator build --previous``)."""
    from generator.build import build
    from generator.render import SECTIONS

    content = tmp / "content"
    shutil.copytree(
        ROOT / "content",
        content,
        ignore=lambda d, names: [n for n in names if Path(d) == ROOT / "content" and n in SECTIONS],
    )
    site = tmp / "site"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        status = build(
            reports, site, cache=cache, jobs=None, run_mkdocs=True, content_dir=content, url=url,
            previous_dir=previous,
        )  # fmt: skip
    finally:
        os.chdir(cwd)
    assert status == 0, "generator build failed"
    return site


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A local static server on 127.0.0.1 in a thread; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    path = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("chromium is missing in CI: .ci/run should have installed it")
        pytest.skip("chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    return path


@contextmanager
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("the playwright package is missing in CI")
        pytest.skip("playwright is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


class Console:
    """Console errors and uncaught page errors of one page."""

    def __init__(self, page: object) -> None:
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
        page.on("pageerror", lambda e: self.errors.append(str(e)))  # type: ignore[attr-defined]


def screenshot(page: object, name: str, full_page: bool = True) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)  # type: ignore[attr-defined]
    return path
