"""Wiring of the stages for many reports: discovery, metadata, the ingest cache, a process pool.

Cache: one JSON file per document sha256 under ``.cache/extract/``, keyed also by the ingest
version, carrying a checksum of its own payload. A missing, stale or corrupt entry is rebuilt,
never trusted; writes are atomic (temp file + rename), so an interrupted build leaves the
previous entry intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import __version__
from generator.errors import IngestError, ReportError
from generator.model import Document, Report

INGEST_VERSION = f"{__version__}+ingest3"
SUPPORTED = {".pdf", ".docx", ".doc", ".xlsx", ".xlsm", ".xls", ".txt", ".md", ".html", ".htm"}
DEFAULT_CACHE = Path(".cache/extract")


@dataclass
class Problem:
    path: str
    reason: str
    kind: str

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
    return {k: v for k, v in data.items() if k in allowed}


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
            if wrapper.get("version") == INGEST_VERSION and wrapper.get("checksum") == _checksum(payload):
                doc = document_from_json(json.loads(payload))
                doc.path = str(path)
                return doc, True
        except (OSError, ValueError, KeyError, TypeError):
            pass  # corrupt entry: rebuilt below
    doc = read_document(path)
    payload = json.dumps(document_json(doc), ensure_ascii=False, sort_keys=True)
    write_atomic(_cache_file(cache, doc.sha256), json.dumps(
        {"version": INGEST_VERSION, "checksum": _checksum(payload), "document": payload}, ensure_ascii=False
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


def load_report(path: Path, cache: Path | None = DEFAULT_CACHE) -> Report:
    """File → Report with its findings, or ReportError. The CLI and the build both call this."""
    from generator.checks import run_checks
    from generator.extract import extract

    shown = display_path(path)
    meta = read_meta(path)
    doc, _ = cached_document(path, cache)
    doc.path = shown
    report = extract(doc, meta)
    report.findings = run_checks(report)
    return report


def _load_one(args: tuple[str, str | None]) -> tuple[str, Report | None, Problem | None]:
    path, cache = args
    try:
        report = load_report(Path(path), Path(cache) if cache else None)
        report.document = report.document  # the checks' evidence needs it; it pickles as plain data
        return path, report, None
    except ReportError as exc:
        return path, None, Problem(display_path(Path(exc.path)), exc.reason, exc.kind)
    except Exception as exc:  # a bug must not stop the other reports; it is listed like bad input
        return (
            path,
            None,
            Problem(
                display_path(Path(path)),
                f"内部错误 (internal error: {type(exc).__name__}: {exc})",
                "internal",
            ),
        )


def load_all(
    paths: list[Path], cache: Path | None = DEFAULT_CACHE, jobs: int | None = None, timeout: float = 300.0
) -> tuple[list[Report], list[Problem]]:
    """All reports in parallel; each bad file becomes a Problem, and the others still load."""
    jobs = jobs or min(len(paths), os.cpu_count() or 1) or 1
    reports: list[Report] = []
    problems: list[Problem] = []
    progress = Progress(len(paths))
    args = [(str(p), str(cache) if cache else None) for p in paths]
    if jobs <= 1 or len(paths) <= 1:
        for a in args:
            _collect(_load_one(a), reports, problems, progress)
        return _sorted(reports), problems
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures: list[tuple[str, Future[Any]]] = [(a[0], pool.submit(_load_one, a)) for a in args]
        for path, fut in futures:
            try:
                result = fut.result(timeout=timeout)
            except TimeoutError:
                result = (
                    path,
                    None,
                    Problem(
                        display_path(Path(path)), f"处理超时 (took longer than {timeout:.0f} s)", "timeout"
                    ),
                )
            except Exception as exc:
                result = (
                    path,
                    None,
                    Problem(display_path(Path(path)), f"处理失败 ({type(exc).__name__})", "internal"),
                )
            _collect(result, reports, problems, progress)
    return _sorted(reports), problems


def _sorted(reports: list[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: (r.id, r.source["path"]))


def _collect(
    result: tuple[str, Report | None, Problem | None],
    reports: list[Report],
    problems: list[Problem],
    progress: "Progress",
) -> None:
    _, report, problem = result
    if report is not None:
        reports.append(report)
    if problem is not None:
        problems.append(problem)
    progress.step(problem)


class Progress:
    """A bar on a terminal, plain lines in CI logs (stderr, so stdout stays data)."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.start = total, 0, time.monotonic()
        self.tty = sys.stderr.isatty()

    def step(self, problem: Problem | None) -> None:
        self.done += 1
        if problem is not None:
            self._clear()
            print(f"跳过 {problem.path}: {problem.reason}", file=sys.stderr)
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
