"""`generator build`: reports → generated Markdown and data in content/ → static site in site/.

MkDocs builds into a temporary folder beside ``site_dir``; only a successful build is swapped in
(rename), so an interrupted or failed build leaves the previous site as it was. Bad reports are
not failures: they are listed on the ingest-problems page and the exit status stays 0. The exit
status is non-zero only when the site itself cannot be built.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

from generator.pipeline import LoadStats, discover, load_all, shard

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
        with _source_date(root):
            started = time.monotonic()
            mkdocs_build(config)
            print(f"MkDocs 构建 ({time.monotonic() - started:.1f}s)", file=sys.stderr)
        started = time.monotonic()
        build_search_index(tmp)
        print(f"搜索索引 Pagefind ({time.monotonic() - started:.1f}s)", file=sys.stderr)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        os.chdir(cwd)
    if site_dir.exists():
        site_dir.rename(old)
    tmp.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _commit_epoch(root: Path) -> str:
    """The time of the last commit (Unix seconds), "" outside a git checkout."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    return out if out.isdigit() else ""


def build_date(root: Path) -> str:
    """This build's date (YYYY-MM-DD, UTC): SOURCE_DATE_EPOCH, else the last commit's, else today;
    the same checkout gives the same date, as it gives the same sitemap."""
    import datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip() or _commit_epoch(root)
    when = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch.isdigit()
        else datetime.datetime.now(datetime.UTC)
    )
    return when.date().isoformat()


@contextlib.contextmanager
def _source_date(root: Path) -> Iterator[None]:
    """The sitemap's build date from SOURCE_DATE_EPOCH (MkDocs honours it); unset, the time of the
    last commit, so the same checkout builds the same site (reproducible builds)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        yield
        return
    out = _commit_epoch(root)
    if not out:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = out
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


# Pagefind indexes the article of each page only (not the header, navigation or footer);
# within it, what the templates mark data-search-exclude (statutory tables, quotes, downloads, and
# the rule's formula repeated under each of its findings: the methodology page holds it once)
# and the permalink marks are left out: people search for agencies, figures' names and findings.
PAGEFIND_ROOT = "article.md-content__inner"
PAGEFIND_EXCLUDE = ["[data-search-exclude]", ".headerlink", "[data-pagefind-ignore]"]


def build_search_index(site: Path) -> None:
    """Pagefind's chunked search index into site/pagefind/: a query downloads the few index
    chunks its words fall in, not one index of the whole site (mkdocs' search_index.json is
    ~40 KB per report). Chinese is segmented by Pagefind's extended build (html lang="zh")."""
    from pagefind.service import _must_get_executable

    exe = str(_must_get_executable())
    cmd = [exe, "--site", str(site), "--root-selector", PAGEFIND_ROOT, "--quiet"]
    for selector in PAGEFIND_EXCLUDE:
        cmd += ["--exclude-selectors", selector]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"pagefind failed ({proc.returncode}): {(proc.stderr or proc.stdout)[-2000:]}")


def add_cross_findings(reports: list, problems: list | None = None) -> None:  # type: ignore[type-arg]
    """Findings that need several reports (cross_year.*, cross_agency.*), merged into each report's list. With
    ``problems`` a list, a rule that raises is listed there against the report it was checking, and the rest run."""
    try:
        from generator.checks import SEVERITY_ORDER, RuleFailure
        from generator.checks.cross import run_cross_checks
    except ImportError:
        return
    failed: list[tuple[str, RuleFailure]] | None = None if problems is None else []
    found = run_cross_checks(reports, failed)
    if problems is not None and failed:
        from generator.pipeline import rules_failed

        paths = {r.id: r.source["path"] for r in reports}
        for rid in dict.fromkeys(rid for rid, _ in failed):
            problems.append(rules_failed(paths[rid], [msg for r, msg in failed if r == rid]))
            print(f"注意 {problems[-1].path}: {problems[-1].reason}", file=sys.stderr)
    for r in reports:
        extra = found.get(r.id) or []
        if extra:
            merged = {f.id: f for f in r.findings}
            for f in extra:
                merged.setdefault(f.id, f)
            r.findings = sorted(merged.values(), key=lambda f: (SEVERITY_ORDER[f.severity], f.rule, f.id))


FINGERPRINT = ".build-fingerprint"


def input_fingerprint(
    root: Path,
    reports_dir: Path,
    paths: list[Path],
    content_dir: Path | None,
    url: str | None,
    previous_dir: Path | None = None,
    date: str | None = None,
) -> str:
    """Everything a build reads: the reports and their metadata (by content), the generator's own
    code, templates and assets, the hand-written pages, mkdocs.yml, the agency registry, the URL,
    the previous build's findings (``--previous``) and the build date they are retired on.
    A warm rebuild with the same fingerprint as the site on disk has nothing to do."""
    import hashlib

    from generator import __version__

    h = hashlib.sha256(f"{__version__}|{url or ''}".encode())

    def add(path: Path, label: str) -> None:
        h.update(f"\0{label}\0".encode())
        h.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-")

    package = Path(__file__).resolve().parent
    for f in sorted(package.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts:
            add(f, "gen/" + f.relative_to(package).as_posix())
    for name in ("mkdocs.yml", "data/agencies.yaml"):
        add(root / name, name)
    hand_written = content_dir or root / "content"
    for f in sorted(hand_written.glob("_text/**/*")) + [hand_written / "about.md"]:
        add(f, "content/" + f.relative_to(hand_written).as_posix())
    for p in paths:
        add(p, "report/" + p.relative_to(reports_dir).as_posix())
        meta = p.with_name(p.name.rsplit(".", 1)[0] + ".meta.yaml")
        if meta.exists():
            add(meta, "meta/" + meta.relative_to(reports_dir).as_posix())
    if previous_dir is not None:
        from generator.history import FINDINGS_FILE, RETIRED_FILE

        h.update(f"\0previous\0{date or build_date(root)}".encode())
        for name in (FINDINGS_FILE, RETIRED_FILE):
            add(previous_dir / name, "previous/" + name)
    return h.hexdigest()


def _built_from(site_dir: Path) -> str | None:
    try:
        return (site_dir / FINGERPRINT).read_text(encoding="utf-8").strip()
    except OSError:
        return None


def build(
    reports_dir: Path,
    site_dir: Path,
    cache: Path | None = Path(".cache/extract"),
    jobs: int | None = None,
    run_mkdocs: bool = True,
    content_dir: Path | None = None,
    url: str | None = None,
    shard_spec: str | None = None,
    force: bool = False,
    previous_dir: Path | None = None,
) -> int:
    """The whole build. ``content_dir`` (default: content/ beside mkdocs.yml) and ``url`` (instead
    of mkdocs.yml's site_url, e.g. a local test server's address) are for tests.

    ``previous_dir``: the data folder of the site as last published (its ``findings.json`` and
    ``retired.json``): every finding id it holds that this build no longer gives keeps an anchor
    on its report's page (generator.history). Missing, it is a warning (nothing published yet); present
    but unreadable, an error (exit 2) before any report is read: building on without it would forget the
    ids it carried, and the published site stays as it is.

    ``shard_spec`` "K/N": extract only the K-th of N slices of the reports into the cache and stop
    (no pages): CI jobs fill the cache in parallel, and one job merges the caches and builds."""
    from generator.extract.identity import resolve_duplicates
    from generator.render import render_content

    start = time.monotonic()
    root = project_root()
    if not reports_dir.is_dir():
        print(f"错误 {reports_dir}: 报告目录不存在 (reports folder not found)", file=sys.stderr)
        return 2
    paths = discover(reports_dir)
    if shard_spec:
        try:
            paths = shard(paths, shard_spec)
        except ValueError as exc:
            print(f"错误 --shard: {exc}", file=sys.stderr)
            return 2
    date = build_date(root) if previous_dir is not None else ""  # the day retired ids are dated
    fingerprint = input_fingerprint(root, reports_dir, paths, content_dir, url, previous_dir, date)
    site_abs = site_dir if site_dir.is_absolute() else Path.cwd() / site_dir
    if run_mkdocs and not shard_spec and not force and _built_from(site_abs) == fingerprint:
        print(
            f"输入未变，网站已是最新 (nothing changed since the last build of {site_dir}; --force rebuilds)",
            file=sys.stderr,
        )
        return 0
    previous = None
    if previous_dir is not None and not shard_spec:
        from generator.history import PreviousError, load_previous

        try:
            previous, warnings = load_previous(previous_dir)
        except PreviousError as exc:
            print(f"错误 {exc}", file=sys.stderr)
            return 2
        for w in warnings:
            print(f"注意 {w}", file=sys.stderr)
    stats = LoadStats()
    reports, problems = load_all(paths, cache, jobs, stats=stats) if paths else ([], [])
    reports = resolve_duplicates(reports, problems)
    print(f"{stats.line()} ({time.monotonic() - start:.1f}s)", file=sys.stderr)
    log.info("documents parsed %d, from cache %d, failed %d", stats.parsed, stats.cached, stats.failed)
    if shard_spec:
        print(
            f"分片 {shard_spec}：{len(paths)} 份报告已写入缓存，不生成页面 (shard: cache only)",
            file=sys.stderr,
        )
        return 0
    started = time.monotonic()
    add_cross_findings(reports, problems)
    try:
        content = content_dir or root / "content"
        written = render_content(reports, problems, content, url or site_url(root), previous, date)
    except Exception as exc:  # noqa: BLE001 - a rendering bug: the site cannot be built; the old site stays
        traceback.print_exc()
        print(f"错误 生成页面失败 (rendering failed: {type(exc).__name__}: {exc})", file=sys.stderr)
        return 1
    if previous is not None:
        print(
            f"读取此前发布的问题编号 {len(previous.findings)} 个、已撤下的编号 {len(previous.retired)} 个"
            f" (previous build: {previous.source})",
            file=sys.stderr,
        )
    print(
        f"已生成 {len(written)} 个文件：{len(reports)} 份报告，{len(problems)} 个读取问题"
        f" (render {time.monotonic() - started:.1f}s, total {time.monotonic() - start:.1f}s)",
        file=sys.stderr,
    )
    if not run_mkdocs:
        return 0
    try:
        run_mkdocs_build(root, site_abs, content_dir, url)
        (site_abs / FINGERPRINT).write_text(fingerprint + "\n", encoding="utf-8")
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - MkDocs aborts with SystemExit/Abort, plugins with anything
        print(f"错误 网站构建失败，保留原有 site/ (mkdocs build failed: {exc})", file=sys.stderr)
        return 1
    print(f"网站已构建到 {site_dir} ({time.monotonic() - start:.1f}s)", file=sys.stderr)
    return 0
