"""Wiring of the stages for many reports: discovery, metadata, the ingest cache, a process pool.

Cache: one JSON file per document sha256 under ``.cache/extract/``, keyed also by the ingest
version, carrying a checksum of its own payload. A missing, stale or corrupt entry is rebuilt,
never trusted; writes are atomic (temp file + rename), so an interrupted build leaves the
previous entry intact.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import multiprocessing.connection as mp_connection
import os
import re
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import __version__
from generator.errors import IngestError, ReportError
from generator.model import Document, Report

if TYPE_CHECKING:
    from generator.checks import RuleFailure

# Bump the suffix whenever a reader or assemble() changes what a Document holds.
INGEST_VERSION = f"{__version__}+ingest31"
SUPPORTED = {".pdf", ".docx", ".doc", ".xlsx", ".xlsm", ".xls", ".txt", ".md", ".html", ".htm"}
DEFAULT_CACHE = Path(".cache/extract")


@dataclass
class Problem:
    path: str
    reason: str
    kind: str
    rules: tuple[str, ...] = ()  # kind "rules": the ids of the rules that raised (the report page names them)

    def as_json(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason, "kind": self.kind}


def discover(folder: Path) -> list[Path]:
    out = []
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.name.startswith(".") and not p.name.endswith(".meta.yaml"):
            if p.name.lower() in ("readme.md", "readme.txt"):
                continue
            out.append(p)
    return out


def meta_path(path: Path) -> Path:
    return path.with_name(path.name.rsplit(".", 1)[0] + ".meta.yaml")


def read_meta(path: Path) -> dict[str, Any]:
    """NAME.meta.yaml beside a report: source URL, publication date, overrides. Safe loader only."""
    import yaml

    mp = meta_path(path)
    if not mp.exists():
        return {}
    try:
        data = yaml.safe_load(mp.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise IngestError(str(mp), f"元数据文件无效 (invalid metadata YAML: {first})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise IngestError(str(mp), "元数据文件应为键值映射 (metadata must be a YAML mapping)")
    allowed = {
        "agency",
        "year",
        "scope",
        "source_url",
        "published",
        "parent",
        "agency_type",
        "region",
        "id",
        "title",
    }
    meta = {k: v for k, v in data.items() if k in allowed}
    problem = _invalid_meta(meta)
    if problem:
        raise IngestError(str(mp), f"元数据字段无效 (invalid metadata: {problem})")
    return meta


# A report id is its URL path and its output folder: "2024/some-slug", nothing that climbs out.
REPORT_ID = re.compile(r"^(?:\d{4}|unknown)/[a-z0-9]+(?:-[a-z0-9]+)*$")


def _invalid_meta(meta: dict[str, Any]) -> str | None:
    """Metadata fields that become ids, paths or page text must have the type extract expects."""
    if "id" in meta and not (isinstance(meta["id"], str) and REPORT_ID.match(meta["id"])):
        return "id must look like 2024/agency-slug"
    year = meta.get("year")
    if year is not None and not (isinstance(year, int) and not isinstance(year, bool) and 1949 < year < 2200):
        return "year must be a four-digit year"
    if meta.get("scope") is not None and meta["scope"] not in ("department", "unit"):
        return "scope must be department or unit"
    for key in ("agency", "parent", "source_url", "title", "agency_type"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            return f"{key} must be text"
    region = meta.get("region")
    if region is not None and not (
        isinstance(region, dict) and all(isinstance(v, str) or v is None for v in region.values())
    ):
        return "region must map province/prefecture/county to text"
    return None


def cache_version() -> str:
    """The ingest version, and whether OCR is installed: a document read without OCR (scanned
    pages left empty) must be read again once OCR is available."""
    import importlib.util

    ocr = importlib.util.find_spec("rapidocr_onnxruntime") is not None
    return INGEST_VERSION + ("+ocr" if ocr else "")


def _cache_file(cache: Path, sha: str) -> Path:
    return cache / sha[:2] / f"{sha}.json"


def _checksum(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def cached_document(path: Path, cache: Path | None) -> tuple[Document, bool]:
    """The Document for ``path``, from the cache when a valid entry exists. Returns (doc, hit)."""
    from generator.ingest import read_document, sha256_of
    from generator.serialize import document_from_json, document_json

    if cache is None:
        return read_document(path), False
    sha = sha256_of(path) if path.is_file() else ""
    entry = _cache_file(cache, sha) if sha else None
    if entry is not None and entry.exists():
        try:
            wrapper = json.loads(entry.read_text(encoding="utf-8"))
            payload = wrapper["document"]
            if wrapper.get("version") == cache_version() and wrapper.get("checksum") == _checksum(payload):
                doc = document_from_json(json.loads(payload))
                if doc.sha256 == sha:
                    doc.path = str(path)
                    return doc, True
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # corrupt entry: rebuilt below
    doc = read_document(path)
    payload = json.dumps(document_json(doc), ensure_ascii=False, sort_keys=True)
    write_atomic(_cache_file(cache, doc.sha256), json.dumps(
        {"version": cache_version(), "checksum": _checksum(payload), "document": payload}, ensure_ascii=False
    ))  # fmt: skip
    return doc, False


def write_atomic(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_report(
    path: Path, cache: Path | None = DEFAULT_CACHE, failed: list[RuleFailure] | None = None
) -> Report:
    """File → Report with its findings, or ReportError. The CLI and the build both call this. ``failed``: as in
    ``run_checks`` (a rule that raises is listed there instead of raising)."""
    return _load_report(path, cache, failed)[0]


def _load_report(
    path: Path, cache: Path | None, failed: list[RuleFailure] | None = None
) -> tuple[Report, bool]:
    """The Report and whether its Document came from the cache (``failed``: as in ``run_checks``)."""
    from generator.checks import run_checks
    from generator.extract import extract

    shown = display_path(path)
    meta = read_meta(path)
    doc, hit = cached_document(path, cache)
    doc.path = shown
    report = extract(doc, meta)
    report.findings = run_checks(report, failed)
    return report, hit


def rules_failed(path: str, failed: list[RuleFailure]) -> Problem:
    """A report checked but for rules that raised on it: its page is built without their notes, and this says so."""
    return Problem(
        path,
        f"部分核对规则出错，未能核对：{'；'.join(f'{rule} ({error})' for rule, error in failed)}。报告页面照常生成，"
        f"其余规则照常核对 (internal error in {len(failed)} rule{'s' if len(failed) > 1 else ''})",
        "rules",
        tuple(rule for rule, _ in failed),
    )


# (path, report or None, problem or None, whether the Document came from the cache)
Result = tuple[str, Report | None, Problem | None, bool]


def _load_one(args: tuple[str, str | None]) -> Result:
    path, cache = args
    failed: list[RuleFailure] = []
    try:
        report, hit = _load_report(Path(path), Path(cache) if cache else None, failed)
        return path, report, rules_failed(display_path(Path(path)), failed) if failed else None, hit
    except ReportError as exc:
        return path, None, Problem(display_path(Path(exc.path)), exc.reason, exc.kind), False
    except Exception as exc:  # a bug must not stop the other reports; it is listed like bad input
        reason = f"内部错误 (internal error: {type(exc).__name__}: {exc})"
        return path, None, Problem(display_path(Path(path)), reason, "internal"), False


@dataclass
class LoadStats:
    """What load_all did: documents parsed from their files, taken from the cache, or failed."""

    parsed: int = 0
    cached: int = 0
    failed: int = 0

    def line(self) -> str:
        return (
            f"读取文档：解析 {self.parsed} 份，取自缓存 {self.cached} 份，失败 {self.failed} 份"
            f" (parsed {self.parsed}, from cache {self.cached}, failed {self.failed})"
        )


def shard(paths: list[Path], spec: str) -> list[Path]:
    """The K-th of N slices of ``paths`` ("K/N", K from 1): every N-th file from the K-th, so each
    slice gets a similar mix of formats. Used to spread extraction over CI jobs (see benchmarks/README.md)."""
    m = re.fullmatch(r"(\d+)/(\d+)", spec.strip())
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        raise ValueError(f"shard must look like K/N with 1 <= K <= N, not {spec!r}")
    k, n = int(m.group(1)), int(m.group(2))
    return sorted(paths)[k - 1 :: n]


def load_all(
    paths: list[Path],
    cache: Path | None = DEFAULT_CACHE,
    jobs: int | None = None,
    timeout: float = 300.0,
    stats: LoadStats | None = None,
) -> tuple[list[Report], list[Problem]]:
    """All reports in parallel; each bad file becomes a Problem, and the others still load.
    ``stats``, when given, counts documents parsed vs taken from the cache.

    Each document is parsed in a worker process. One that runs past ``timeout`` seconds (a
    pathological PDF) or dies (a crash in a native library) is killed and replaced; the file
    becomes a Problem and the remaining files go to the other workers.
    """
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(paths) or 1))
    reports: list[Report] = []
    problems: list[Problem] = []
    progress = Progress(len(paths))
    pending = deque((str(p), str(cache) if cache else None) for p in paths)
    _preload()  # imported once here, so forked workers start warm
    workers = [_Worker() for _ in range(min(jobs, len(pending)))]
    try:
        for w in workers:
            w.start(pending.popleft())
        while any(w.task for w in workers):
            busy = [w for w in workers if w.task]
            now = time.monotonic()
            wait_for = max(0.0, min(w.started + timeout for w in busy) - now)
            mp_connection.wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=wait_for)
            for i, w in enumerate(workers):
                if not w.task:
                    continue
                result = w.poll(timeout)
                if result is None:
                    continue
                if not w.alive():  # killed (time limit) or crashed: a fresh worker takes over
                    workers[i] = w = _Worker()
                _collect(result, reports, problems, progress, stats)
                if pending:
                    w.start(pending.popleft())
    finally:
        for w in workers:
            w.stop()
    return _sorted(reports), sorted(problems, key=lambda p: p.path)


def _preload() -> None:
    import pypinyin  # noqa: F401  (agency slugs)

    import generator.checks  # noqa: F401
    import generator.extract  # noqa: F401
    from generator.checks import _load_rules
    from generator.extract.identity import _divisions
    from generator.ingest import docx, html, pdf, sheet, text  # noqa: F401

    _load_rules()
    _divisions("新疆维吾尔自治区昌吉回族自治州")  # loads cpca's division table once, before the fork


def _context() -> Any:
    # fork: workers inherit the imported modules (spawn would re-import pandas & co. per worker).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _worker_main(conn: Any) -> None:
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        conn.send(_load_one(task))


class _Worker:
    """One worker process fed documents one at a time over a pipe, so it can be killed mid-task."""

    def __init__(self) -> None:
        ctx = _context()
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child,), daemon=True)
        self.proc.start()
        child.close()
        self.task: tuple[str, str | None] | None = None
        self.started = 0.0

    def start(self, task: tuple[str, str | None]) -> None:
        self.task, self.started = task, time.monotonic()
        self.conn.send(task)

    def alive(self) -> bool:
        return self.proc.is_alive()

    def poll(self, timeout: float) -> Result | None:
        """The finished task's result, a Problem if the worker died or ran out of time, else None."""
        assert self.task is not None
        path = self.task[0]
        shown = display_path(Path(path))
        try:
            if self.conn.poll():
                result: Result = self.conn.recv()
                self.task = None
                return result
        except (EOFError, OSError):
            pass  # died while sending: handled as a crash below
        else:
            if self.proc.is_alive():
                if time.monotonic() - self.started < timeout:
                    return None
                self.kill()
                self.task = None
                reason = f"处理超时 (took longer than {timeout:g} s; stopped)"
                return path, None, Problem(shown, reason, "timeout"), False
        self.kill()
        self.task = None
        code = self.proc.exitcode
        reason = f"处理失败 (worker process exited with code {code})"
        return path, None, Problem(shown, reason, "internal"), False

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.terminate()
            self.proc.join(2)
            if self.proc.is_alive():
                self.proc.kill()
        self.proc.join(2)
        self.conn.close()

    def stop(self) -> None:
        if self.proc.is_alive() and self.task is None:
            with contextlib.suppress(OSError):
                self.conn.send(None)
            self.proc.join(2)
        self.kill()


def _sorted(reports: list[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: (r.id, r.source["path"]))


def _collect(
    result: Result,
    reports: list[Report],
    problems: list[Problem],
    progress: Progress,
    stats: LoadStats | None,
) -> None:
    _, report, problem, hit = result
    if report is not None:
        reports.append(report)
    if problem is not None:
        problems.append(problem)
    if stats is not None:
        if report is None:
            stats.failed += 1
        elif hit:
            stats.cached += 1
        else:
            stats.parsed += 1
    progress.step(problem, report is not None)


class Progress:
    """A bar on a terminal, plain lines in CI logs (stderr, so stdout stays data)."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.start = total, 0, time.monotonic()
        self.tty = sys.stderr.isatty()

    def step(self, problem: Problem | None, kept: bool = False) -> None:
        self.done += 1
        if problem is not None:
            self._clear()
            print(f"{'注意' if kept else '跳过'} {problem.path}: {problem.reason}", file=sys.stderr)
        if self.tty:
            width = 30
            filled = int(width * self.done / max(self.total, 1))
            print(
                f"\r解析报告 [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}",
                end="",
                file=sys.stderr,
            )
            if self.done == self.total:
                print(file=sys.stderr)
        elif self.done == self.total or self.done % max(1, self.total // 10) == 0:
            print(
                f"解析报告 {self.done}/{self.total} ({time.monotonic() - self.start:.1f}s)", file=sys.stderr
            )

    def _clear(self) -> None:
        if self.tty:
            print("\r" + " " * 60 + "\r", end="", file=sys.stderr)
