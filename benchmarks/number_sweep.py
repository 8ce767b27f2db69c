"""Which stated numbers the checks read: change each percentage, each amount in 万元 and each count (人, 个, 辆 …) of a
text report on its own,
read the file end to end, check it, and count the changes a new finding names.

A percentage moves by 7 units (3.17 at two decimals, 3.1 at one), an amount by 3 (1.37 at two decimals, 1.3 at one),
downwards when it is large, so that no change is lost in rounding. A change no rule notices is a statement where a real
error would go unseen (or one that no identity constrains: a target, a figure stated once). With --list, prints each
unnoticed change with its context.

A PDF (or any file the readers take) is read once; the figures of its running text (not its tables) are changed in
the Document, which is then extracted and checked: the same question for the statements a PDF's narrative makes.

Usage: python benchmarks/number_sweep.py [--list] [FILE ...]   (default: the text seeds in data/reports/; --pdf: the
PDFs in data/reports/)
JOBS=2 by default (one process per CPU of the CI machine).
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
import tempfile
from decimal import Decimal
from multiprocessing import Pool
from pathlib import Path

from generator.checks import run_checks
from generator.extract import extract
from generator.ingest import read_document
from generator.model import Document
from generator.pipeline import load_report

ROOT = Path(__file__).resolve().parent.parent
PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?=\s*[%％])")
AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+)(?=\s*万)")
# a whole count of people or things ("在职人员25人", "车辆2辆", "下设5个科室", "举办招聘会12场"): not a 万 amount, a year or a date
COUNT = re.compile(
    r"(?<![\d.,年月-])(\d+)(?=\s*(?:人次|人|个|辆|次|件|家|户|项|场|名|所|篇|份|批|套|台|条)(?![\u4e00-\u9fff]?月))"
)
KINDS = (("percentages", PERCENT), ("amounts", AMOUNT), ("counts", COUNT))


def _messages(path: Path) -> set[str]:
    return {f.message for f in run_checks(load_report(path, cache=None))}


def _changed(token: str, percent: bool) -> str:
    value = Decimal(token.replace(",", ""))
    places = max(0, -int(value.as_tuple().exponent))
    if places == 0:
        step = Decimal(7 if percent else 3)
    else:
        step = Decimal("3.17" if percent else "1.37").quantize(Decimal(1).scaleb(-min(places, 2)))
    return str(value - step if value > (50 if percent else 5) else value + step)


def _noticed(job: tuple[Path, str, int, int, str, frozenset[str]]) -> bool:
    path, text, start, end, new, before = job
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / path.name
        target.write_text(text[:start] + new + text[end:], encoding="utf-8")
        forms = {new, f"{Decimal(new):,f}"}  # messages print amounts of 1,000 and more with separators
        return any(form in m for m in _messages(target) - before for form in forms)


_DOCS: dict[Path, Document] = {}


def _document(path: Path) -> Document:
    if path not in _DOCS:
        _DOCS[path] = read_document(path)
    return _DOCS[path]


def _noticed_in_document(job: tuple[Path, int, int, int, str, frozenset[str]]) -> bool:
    path, block, start, end, new, before = job
    doc = _document(path)
    blocks = list(doc.blocks)
    text = blocks[block].text
    blocks[block] = dataclasses.replace(blocks[block], text=text[:start] + new + text[end:])
    forms = {new, f"{Decimal(new):,f}"}
    found = {f.message for f in run_checks(extract(dataclasses.replace(doc, blocks=blocks)))}
    return any(form in m for m in found - before for form in forms)


def sweep_document(pool, path: Path, listing: bool) -> None:
    doc = _document(path)
    before = frozenset(f.message for f in run_checks(extract(doc)))
    line = [path.name]
    for kind, pattern in KINDS:
        sites = [
            (i, m.start(1), m.end(1), m.group(1))
            for i, b in enumerate(doc.blocks)
            if b.table is None
            for m in pattern.finditer(b.text)
        ]
        work = [(path, i, s, e, _changed(tok, kind == "percentages"), before) for i, s, e, tok in sites]
        noticed = pool.map(_noticed_in_document, work, chunksize=4)
        line.append(f"{kind} {sum(noticed)}/{len(sites)}")
        if listing:
            for (i, s, e, tok), (*_, new, _b), seen in zip(sites, work, noticed, strict=True):
                if not seen:
                    text = doc.blocks[i].text
                    print(f"  {kind[:3]} {tok} -> {new}: {text[max(0, s - 40) : e + 15]}")
    print("  ".join(line), flush=True)


def main(argv: list[str]) -> None:
    listing = "--list" in argv
    reports = ROOT / "data" / "reports"
    named = [Path(a) for a in argv if not a.startswith("--")]
    files = named or sorted(reports.glob("*.pdf" if "--pdf" in argv else "*.txt"))
    jobs = int(os.environ.get("JOBS", "2"))
    with Pool(jobs) as pool:
        for path in files:
            if path.suffix != ".txt":
                sweep_document(pool, path, listing)
                continue
            text = path.read_text(encoding="utf-8")
            before = frozenset(_messages(path))
            line = [path.name]
            for kind, pattern in KINDS:
                sites = [(m.start(1), m.end(1), m.group(1)) for m in pattern.finditer(text)]
                work = [
                    (path, text, s, e, _changed(tok, kind == "percentages"), before) for s, e, tok in sites
                ]
                noticed = pool.map(_noticed, work, chunksize=4)
                line.append(f"{kind} {sum(noticed)}/{len(sites)}")
                if listing:
                    for (s, e, tok), (*_, new, _b), seen in zip(sites, work, noticed, strict=True):
                        if not seen:
                            context = text[max(0, s - 40) : e + 15].replace("\n", "⏎")
                            print(f"  {kind[:3]} {tok} -> {new}: {context}")
            print("  ".join(line), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
