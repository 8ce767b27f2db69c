"""Ingest + extract give the same output before and after a change (a speed-up, a refactor).

    python benchmarks/extract_equivalence.py dump DIR      # before the change
    python benchmarks/extract_equivalence.py compare DIR   # after it: lists every difference
    python benchmarks/extract_equivalence.py verify COMMIT DIR PATH...   # baseline, then compare
    (COMMIT may be @FOLDER: the "before" of each PATH is FOLDER/PATH)

``verify`` is for a shared working tree where others edit other files at the same time: it
dumps generator/ as committed at HEAD with PATH... as they are in COMMIT (your "before", in
DIR.tree), then compares it with HEAD plus PATH... as they are in the working tree (DIR.current).
Both sides hold the same version of everyone else's code, committed, not half-edited.
(``baseline`` does the first half only.)

For each file (the seeds in data/reports/, the readable fixtures in tests/fixtures/, the .docx,
.html, .xlsx and .xls copies tests/test_formats.py writes, and up to 32 synthetic reports from
benchmarks/work/100 when present) DIR/<n>.json holds the Document (serialize.document_json), the
Report (serialize.report_json plus the fields it leaves out: narrative, statements, share, budget
claims, perf tables, sections; Decimals kept as strings, so 1.10 ≠ 1.1) and the findings of
checks.run_checks, or the error a file is refused with.

PDFs are read only by ``dump`` (pass --pdf to re-read them on compare): their ingest is not
what a text change touches, and compare then extracts from the stored Document, so a change to
the PDF reader elsewhere does not show up as a difference here. The checks' source is hashed at
dump time (with extract/perf.py): a difference with a changed hash may come from there.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# baseline mode runs dump with the generator of a shadow tree (EQUIV_CODE); data stays in ROOT
CODE = Path(os.environ.get("EQUIV_CODE", ROOT))
sys.path[:0] = [str(CODE), str(ROOT / "tests")]

from generator.checks import run_checks  # noqa: E402
from generator.extract import extract  # noqa: E402
from generator.ingest import read_document  # noqa: E402
from generator.pipeline import read_meta  # noqa: E402
from generator.serialize import document_from_json, document_json, report_json  # noqa: E402

FORMATS_DIR = Path("/tmp/textspeed/formats")  # written once: a docx's zip timestamps change its sha256
SKIP_FIXTURES = {"huge_pages.pdf", "image_only.pdf"}  # slow; the first is refused before reading pages


def files() -> list[Path]:
    out = [p for p in sorted((ROOT / "data" / "reports").iterdir()) if not p.name.endswith(".yaml")]
    for p in sorted((ROOT / "tests" / "fixtures").rglob("*")):
        if (
            p.is_file()
            and p.suffix in (".pdf", ".txt", ".docx", ".md", ".html")
            and p.name not in SKIP_FIXTURES
        ):
            out.append(p)
    FORMATS_DIR.mkdir(parents=True, exist_ok=True)
    import test_formats

    for ext in ("docx", "html", "xlsx", "xls"):
        target = FORMATS_DIR / f"岚县创业就业服务中心2024年度单位决算.{ext}"
        if not target.exists():
            getattr(test_formats, f"write_{ext}")(target)
        out.append(target)
    synthetic = ROOT / "benchmarks" / "work" / "100" / "data" / "reports"
    if synthetic.is_dir():
        docx = sorted(synthetic.glob("*.docx"))[:12]
        txt = sorted(synthetic.glob("*.txt"))[:20]
        out += sorted(docx + txt)
    return out


def deep(x: Any) -> Any:
    if isinstance(x, Decimal):
        return f"D:{x}"
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: deep(getattr(x, f.name)) for f in dataclasses.fields(x) if f.name != "document"}
    if isinstance(x, dict):
        return {str(k): deep(v) for k, v in x.items()}
    if isinstance(x, (list, tuple, set)):
        return [deep(v) for v in (sorted(x) if isinstance(x, set) else x)]
    return x


def name_of(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def report_dump(doc: Any, path: Path) -> dict[str, Any]:
    try:
        meta = read_meta(path)
        report = extract(doc, meta)
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}
    findings = run_checks(report)
    report.findings = findings
    data = report_json(report)
    data["findings"] = None
    extra = {
        k: deep(getattr(report, k))
        for k in (
            "metrics",
            "narrative",
            "statements",
            "share_claims",
            "budget_claims",
            "perf_tables",
            "sections",
            "functional_classes",
            "yoy_claims",
            "tables",
        )
    }
    return {"json": data, "exact": extra, "findings": [f.as_json() for f in findings]}


def record(path: Path, stored_doc: dict[str, Any] | None = None) -> dict[str, Any]:
    t0 = time.perf_counter()
    if stored_doc is not None and "error" not in stored_doc:
        doc = document_from_json(stored_doc)
        doc_data = stored_doc
    else:
        try:
            doc = read_document(path)
        except Exception as exc:
            return {"doc": {"error": f"{type(exc).__name__}: {exc}"}, "report": None}
        doc.path = name_of(path)
        doc_data = document_json(doc)
    t1 = time.perf_counter()
    rep = report_dump(doc, path)
    return {
        "doc": doc_data,
        "report": rep,
        "seconds": [round(t1 - t0, 3), round(time.perf_counter() - t1, 3)],
    }


def checks_hash() -> str:
    h = hashlib.sha256()
    for p in sorted((CODE / "generator" / "checks").glob("*.py")) + [
        CODE / "generator" / "extract" / "perf.py"
    ]:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def first_difference(a: Any, b: Any, where: str = "") -> str | None:
    if type(a) is not type(b):
        return f"{where}: {str(a)[:120]!r} != {str(b)[:120]!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{where}.{k}: only {'after' if k in b else 'before'}"
            d = first_difference(a[k], b[k], f"{where}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{where}[{i}]")
            if d:
                return d
        return f"{where}: length {len(a)} != {len(b)}" if len(a) != len(b) else None
    return None if a == b else f"{where}: {str(a)[:120]!r} != {str(b)[:120]!r}"


def _git_show(commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "show", f"{commit}:{path}"], cwd=ROOT, check=True, capture_output=True
    ).stdout


def _tree(tree: Path, files: dict[str, bytes]) -> Path:
    """generator/ as committed at HEAD, with ``files`` (path → bytes) in place of HEAD's."""
    shutil.rmtree(tree, ignore_errors=True)
    tree.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "HEAD", "generator"], cwd=ROOT, check=True, capture_output=True
    )
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    for path, data in files.items():
        (tree / path).write_bytes(data)
    return tree


def main() -> None:
    if sys.argv[1] in ("verify", "baseline"):
        commit, out, own = sys.argv[2], Path(sys.argv[3]), sys.argv[4:]
        if commit.startswith("@"):  # a folder holding the "before" of each PATH
            before = {p: (Path(commit[1:]) / p).read_bytes() for p in own}
        else:
            before = {p: _git_show(commit, p) for p in own}
        base = _tree(out.with_name(out.name + ".tree"), before)
        env = {**os.environ, "EQUIV_CODE": str(base)}
        code = subprocess.run([sys.executable, __file__, "dump", str(out)], env=env, capture_output=True)
        if code.returncode or sys.argv[1] == "baseline":
            sys.exit(code.stderr.decode() or 0)
        current = _tree(out.with_name(out.name + ".current"), {p: (ROOT / p).read_bytes() for p in own})
        env = {**os.environ, "EQUIV_CODE": str(current)}
        sys.exit(subprocess.run([sys.executable, __file__, "compare", str(out)], env=env).returncode)
    mode, out = sys.argv[1], Path(sys.argv[2])
    print(f"generator from {CODE}", flush=True)
    reread_pdf = "--pdf" in sys.argv
    out.mkdir(parents=True, exist_ok=True)
    paths = files()
    if mode == "dump":
        index = {"checks": checks_hash(), "files": []}
        for n, path in enumerate(paths):
            rec = record(path)
            rec["file"] = name_of(path)
            (out / f"{n:03d}.json").write_text(
                json.dumps(rec, ensure_ascii=False, indent=0), encoding="utf-8"
            )
            index["files"].append(name_of(path))
            print(f"{n:03d} {name_of(path)} {rec.get('seconds')}", flush=True)
        (out / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1), encoding="utf-8")
        return
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    if index["checks"] != checks_hash():
        print(
            "note: generator/checks or extract/perf.py changed since the dump; differences may come from there"
        )
    by_name = {name_of(p): p for p in paths}
    bad = 0
    for n, name in enumerate(index["files"]):
        before = json.loads((out / f"{n:03d}.json").read_text(encoding="utf-8"))
        path = by_name.get(name, ROOT / name)
        stored = before["doc"] if path.suffix == ".pdf" and not reread_pdf else None
        after = record(path, stored)
        diffs = [
            f"{part}{d}" for part in ("doc", "report") if (d := first_difference(before[part], after[part]))
        ]
        status = "same" if not diffs else "DIFFERENT " + "; ".join(diffs)
        bad += bool(diffs)
        print(f"{n:03d} {name} {after.get('seconds')} {status}", flush=True)
    print(f"{len(index['files']) - bad} of {len(index['files'])} identical")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
