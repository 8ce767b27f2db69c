"""`generator build`: reports → generated Markdown and data in content/ → static site in site/.

MkDocs builds into a temporary folder beside ``site_dir``; only a successful build is swapped in
(rename), so an interrupted or failed build leaves the previous site as it was. Bad reports are
not failures: they are listed on the ingest-problems page and the exit status stays 0. The exit
status is non-zero only when the site itself cannot be built.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
import traceback
from pathlib import Path

from generator.pipeline import discover, load_all

log = logging.getLogger("generator.build")


def project_root() -> Path:
    """The folder holding mkdocs.yml: the working directory if it has one, else the repository."""
    cwd = Path.cwd()
    if (cwd / "mkdocs.yml").exists():
        return cwd
    return Path(__file__).resolve().parent.parent


def site_url(root: Path) -> str:
    import yaml

    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        # mkdocs.yml may carry !!python/name tags for extensions; only the plain key is needed here.
        for line in text.splitlines():
            if line.startswith("site_url:"):
                return str(yaml.safe_load(line.split(":", 1)[1]) or "")
    except OSError:
        pass
    return ""


def _mkdocs_logging() -> None:
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h, logging.StreamHandler) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False


def run_mkdocs_build(root: Path, site_dir: Path, content: Path | None = None, url: str | None = None) -> None:
    """MkDocs into a temporary sibling of site_dir, then swap it in."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    _mkdocs_logging()
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    for stale in site_dir.parent.glob(f".{site_dir.name}.tmp-*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by an interrupted build
    tmp = site_dir.parent / f".{site_dir.name}.tmp-{os.getpid()}"
    old = site_dir.parent / f".{site_dir.name}.old-{os.getpid()}"
    cwd = Path.cwd()
    try:
        os.chdir(root)  # mkdocs.yml's relative paths (jieba user dictionary) are from the root
        overrides = {"site_dir": str(tmp)}
        if content is not None:
            overrides["docs_dir"] = str(content.resolve())
        if url:
            overrides["site_url"] = url
        config = load_config(str(root / "mkdocs.yml"), **overrides)
        mkdocs_build(config)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        os.chdir(cwd)
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def add_cross_findings(reports: list) -> None:  # type: ignore[type-arg]
    """Findings that need several reports (cross_year.*, cross_agency.*), merged into each report's list."""
    try:
        from generator.checks import SEVERITY_ORDER
        from generator.checks.cross import run_cross_checks
    except ImportError:
        return
    found = run_cross_checks(reports)
    for r in reports:
        extra = found.get(r.id) or []
        if extra:
            merged = {f.id: f for f in r.findings}
            for f in extra:
                merged.setdefault(f.id, f)
            r.findings = sorted(merged.values(), key=lambda f: (SEVERITY_ORDER[f.severity], f.rule, f.id))


def build(
    reports_dir: Path,
    site_dir: Path,
    cache: Path | None = Path(".cache/extract"),
    jobs: int | None = None,
    run_mkdocs: bool = True,
    content_dir: Path | None = None,
    url: str | None = None,
) -> int:
    """The whole build. ``content_dir`` (default: content/ beside mkdocs.yml) and ``url`` (instead
    of mkdocs.yml's site_url, e.g. a local test server's address) are for tests."""
    from generator.render import render_content

    start = time.monotonic()
    root = project_root()
    if not reports_dir.is_dir():
        print(f"错误 {reports_dir}: 报告目录不存在 (reports folder not found)", file=sys.stderr)
        return 2
    paths = discover(reports_dir)
    reports, problems = load_all(paths, cache, jobs) if paths else ([], [])
    add_cross_findings(reports)
    try:
        content = content_dir or root / "content"
        written = render_content(reports, problems, content, url or site_url(root))
    except Exception as exc:  # noqa: BLE001 - a rendering bug: the site cannot be built; the old site stays
        traceback.print_exc()
        print(f"错误 生成页面失败 (rendering failed: {type(exc).__name__}: {exc})", file=sys.stderr)
        return 1
    print(
        f"已生成 {len(written)} 个文件：{len(reports)} 份报告，{len(problems)} 个读取问题"
        f" ({time.monotonic() - start:.1f}s)",
        file=sys.stderr,
    )
    if not run_mkdocs:
        return 0
    try:
        run_mkdocs_build(
            root, site_dir if site_dir.is_absolute() else Path.cwd() / site_dir, content_dir, url
        )
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - MkDocs aborts with SystemExit/Abort, plugins with anything
        print(f"错误 网站构建失败，保留原有 site/ (mkdocs build failed: {exc})", file=sys.stderr)
        return 1
    print(f"网站已构建到 {site_dir} ({time.monotonic() - start:.1f}s)", file=sys.stderr)
    return 0
