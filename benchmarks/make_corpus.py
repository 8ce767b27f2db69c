"""Make a synthetic corpus of N reports from the real ones in data/reports/ (for benchmarks only).

Shapes and formats are the real ones:
- text dumps (.txt/.md): agency renamed, every amount times one integer factor (2–9) per report
  (figures perturbed, the report's own arithmetic kept exactly, so a copy has its seed's
  findings: see perturb() and benchmarks/corpus_findings.py);
- Word (.docx): the same perturbed text written as paragraphs and tables with python-docx;
- PDF: the published PDFs, byte-unique (a comment after %%EOF) and renamed through
  NAME.meta.yaml (agency override) — their figures are not perturbed: rewriting a PDF's
  content stream is beyond a benchmark's needs, and extraction cost is what is measured.

Usage: python benchmarks/make_corpus.py N OUT_DIR [--seed 1]
"""

from __future__ import annotations

import argparse
import io
import random
import re
import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "reports"

# The agency name as each seed states it, and a template for synthetic names that keeps the
# place (so region detection still has something to find). 000's is the name without its
# organisation type, so that its 自评表's misnamed 实施单位 ("…公共就业服务局") is renamed with it.
SEED_NAMES = {
    "000_41e5c2151686b1a5.txt": ("昌吉回族自治州公共就业服务", "昌吉回族自治州第{n}公共就业服务"),
    "001_7c4dfcc9575acdfa.txt": ("岚县创业就业服务中心", "岚县第{n}创业就业服务中心"),
    "002_e0b9e12b257efafd.txt": (
        "昌吉回族自治州人力资源和社会保障局",
        "昌吉回族自治州第{n}人力资源和社会保障局",
    ),
    "003_237caace6a9bba17.txt": ("乌鲁木齐市人力资源和社会保障局", "乌鲁木齐市第{n}人力资源和社会保障局"),
    "004_64caca8ce772cd7b.txt": ("市就业服务中心", "市第{n}就业服务中心"),
}
# A number as the seeds print it, OCR spacing included ("25, 169. 42", "93. 79"): integer part,
# decimal point (with its spaces), decimals. Not a part of a dotted date ("2024.6.16").
NUMBER = re.compile(
    r"(?<![\d.,])(?P<int>\d{1,3}(?:[ \t]*,[ \t]*\d{3})+(?!\d)|\d+)"
    r"(?:(?P<dot>[ \t]*\.[ \t]*)(?P<frac>\d+))?(?![\d]|[ \t]*\.[ \t]*\d)"
)
# What follows a number (after spaces): 万元 (an amount, unless a threshold: "100万元以上"), a
# percentage, another unit (万人, 平方米, 分, 元 …) — or nothing of the kind: a bare number.
WAN_YUAN = re.compile(r"[ \t]*万[ \t]*元(?![ \t]*(?:（含）|\(含\))?以[上下])")
WAN = re.compile(r"[ \t]*万(?=[ \t]*(?:$|[，,；;。、)）]))")  # "年初预算17.5万，": 万元 without 元
PERCENT = re.compile(r"[ \t]*[%％]")
BARE = re.compile(r"[ \t]*(?:$|[\t ,，;；。、:：)）\]】/|—–-])")
# A performance indicator row states a target ("≥95%", "=28 人"): its bare two-decimal numbers
# are scores (得分), not amounts.
TARGET = re.compile(r"(?:[≥≤＜＞]|[<>]=?|＝|=)[ \t]*\d")
# A 自评表's funding block: its header names 执行数 and 执行率; its rows (资金来源) state 年初预算数,
# 全年预算数, 全年执行数 (and sometimes 目标申报数, 结余) with whatever decimals, then 分值, 执行率,
# 得分; it ends at the first row of targets or indicators.
FUNDING_HEADER = re.compile(r"执行数.*执行率|执行率.*执行数", re.S)
FUNDING_END = re.compile(r"目标(?!申报)|指标")
SCORE_ROW = re.compile(r"总分|得分")  # 总分 100 98.50: scores; a header naming 得分 has no figures
SCORE_UNIT = re.compile(r"[ \t]*分(?![配类])")
TAG = re.compile(r"<[^<>\n]{0,200}>")  # stray HTML tags in OCR text ("<b>F财政拨款</b>"): not targets


_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 25 → 二十五, 1000 → 一千: agency names carry no Arabic digits."""
    if n < 10:
        return _DIGITS[n]
    out = ""
    for value, unit in ((10000, "万"), (1000, "千"), (100, "百"), (10, "十")):
        q, n = divmod(n, value)
        if q:
            out += _DIGITS[q] + unit
        elif out and n:
            out += "" if out.endswith("零") else "零"
    if n:
        out += _DIGITS[n]
    return out[1:] if out.startswith("一十") else out


def rows(lines: list[str]) -> list[list[int]]:
    """Line numbers grouped into table rows as the text reader groups them: one cell per line
    (a leading tab) until a blank line, else one line a row (tab-separated cells or prose)."""
    out: list[list[int]] = []
    group: list[int] = []
    for i, line in enumerate(lines):
        cell = line.startswith("\t") and "\t" not in line[1:]
        if group and (cell or line.strip()):
            group.append(i)
            continue
        if group:
            out.append(group)
            group = []
        if cell:
            group = [i]
        else:
            out.append([i])
    if group:
        out.append(group)
    return out


def scale_number(m: re.Match[str], factor: int) -> str:
    """The number times ``factor``, printed as the seed prints it (decimals, thousands
    separators and OCR spacing kept)."""
    sep = re.search(r"[ \t]*,[ \t]*", m.group("int"))
    digits = re.sub(r"\D", "", m.group("int")) + (m.group("frac") or "")
    places = len(m.group("frac") or "")
    value = int(digits) * factor
    whole, frac = divmod(value, 10**places)
    text = f"{whole:,}".replace(",", sep.group(0)) if sep else str(whole)
    return text + (m.group("dot") + f"{frac:0{places}d}" if places else "")


def _value(m: re.Match[str]) -> Decimal:
    return Decimal(re.sub(r"\D", "", m.group("int")) + "." + (m.group("frac") or "0"))


def funding_amounts(row: str, numbers: list[re.Match[str]]) -> set[int]:
    """Which numbers of a funding row are amounts: those before the 执行率 ("95.54%") or a score
    ("10.00分") but the 分值 just before it; with neither, all but the last two
    (执行率 100, 得分 10) when there are five or more, else all ("本级资金 527.50 568.33 568.33 - - -")."""
    figures = [n for n, m in enumerate(numbers) if not WAN_YUAN.match(row[m.end() :])]
    stop = next(
        (
            k
            for k, n in enumerate(figures)
            if PERCENT.match(row[numbers[n].end() :]) or SCORE_UNIT.match(row[numbers[n].end() :])
        ),
        None,
    )
    if stop is not None:
        before = figures[:stop]
        if len(before) >= 3 and not numbers[before[-1]].group("frac"):
            # an integer just before the 执行率: the 分值, or the 执行数 of a row without one
            # ("其中：当年财政拨款 5 5 5 100%")? Whichever reading gives the stated 执行率; on a tie,
            # the 分值 when there are four figures or more.
            rate = _value(numbers[figures[stop]])
            v = [_value(numbers[n]) for n in before]

            def off(budget: Decimal, spent: Decimal) -> Decimal:
                return abs(spent / budget * 100 - rate) if budget else Decimal(10**9)

            dropped, kept = off(v[-3], v[-2]), off(v[-2], v[-1])
            if dropped < kept or (dropped == kept and len(before) >= 4):
                before = before[:-1]
        return set(before)
    return set(figures[:-2] if len(figures) >= 5 else figures)


def perturb(text: str, factor: int) -> str:
    """Every amount of the report times one integer ``factor``, nothing else.

    One integer factor keeps every identity the checks test exactly: sums and subtotals (in
    hundredths of 万元, k·a + k·b = k·(a + b), no rounding), shares, year-on-year changes,
    budget and execution rates (ratios of two amounts: unchanged, so the stated percentages
    stay right) and the same figure stated twice. Amounts are the numbers followed by 万元, and
    the bare two-decimal numbers (table cells, "支出27.09，"). Not amounts: percentages, other
    units (万人, 平方米, 分, 元 — the 元 figures of these reports are unit costs and indicator
    targets), integers without 万元 (years, dates, 类款项 codes, row numbers, staff counts,
    weights), thresholds ("100万元以上"), and the scores of performance rows — a bare number
    right after a percentage (执行率 then 得分) or in a row that states a target ("=28 人").
    """
    lines = text.split("\n")
    funding = 0  # rows left in a funding block
    for group in rows(lines):
        row = "\n".join(lines[group[0] : group[-1] + 1])
        flat = re.sub(r"\s", "", TAG.sub("", row))
        numbers = list(NUMBER.finditer(row))
        amounts: set[int] | None = None  # which numbers are amounts, when the row says so
        if FUNDING_HEADER.search(flat):
            funding, amounts = 8, set()
        elif funding and (FUNDING_END.search(flat) or TARGET.search(flat)):
            funding, amounts = 0, set()
        elif funding and numbers:
            funding -= 1
            amounts = funding_amounts(row, numbers)
        target = TARGET.search(TAG.sub(" ", row)) is not None or SCORE_ROW.search(flat) is not None
        parts: list[str] = []
        last = 0
        percent_end = -1  # where the last percentage ends
        for n, m in enumerate(numbers):
            rest = row[m.end() :]
            if PERCENT.match(rest):
                percent_end = m.end() + PERCENT.match(rest).end()  # type: ignore[union-attr]
                continue
            if WAN_YUAN.match(rest):
                amount = True
            elif WAN.match(rest):
                amount = not target
            elif amounts is not None:
                amount = n in amounts
            elif BARE.match(rest):
                score = target or (percent_end >= 0 and not row[percent_end : m.start()].strip())
                amount = len(m.group("frac") or "") == 2 and not score
            else:
                amount = False
            if amount:
                parts += [row[last : m.start()], scale_number(m, factor)]
                last = m.end()
        lines[group[0] : group[-1] + 1] = ("".join(parts) + row[last:]).split("\n")
    return "\n".join(lines)


def write_docx(text: str, target: Path) -> None:
    import docx

    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            # row by row: table.cell(i, j) walks the whole grid each time (quadratic in cells)
            for row, values in zip(table.rows, rows):
                for cell, c in zip(row.cells, values):
                    cell.text = c
            rows.clear()

    for line in text.splitlines():
        if "\t" in line.strip("\t"):
            rows.append(line.split("\t"))
            continue
        flush()
        if line.strip():
            document.add_paragraph(line.strip())
    flush()
    import datetime

    stamp = datetime.datetime(2025, 1, 1)  # fixed, so the corpus is the same on every run
    document.core_properties.created = stamp
    document.core_properties.modified = stamp
    raw = io.BytesIO()
    document.save(raw)
    # python-docx stamps each zip entry with the current time: fixed too, for byte-equal files
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(zipfile.ZipInfo(item.filename, date_time=(2025, 1, 1, 0, 0, 0)), src.read(item))


def seed_of(i: int) -> Path:
    """The real report synthetic report number ``i`` is made from."""
    if i % 8 < 6:
        return REAL / sorted(SEED_NAMES)[i % len(SEED_NAMES)]
    return sorted(REAL.glob("*.pdf"))[i % 3]


def synthetic_text(i: int, factor: int) -> str:
    """The text of synthetic report ``i`` (a text or Word one): its seed, the agency renamed,
    every amount times ``factor`` (1: the seed's figures, as corpus_findings.py compares)."""
    original, template = SEED_NAMES[seed_of(i).name]
    text = seed_of(i).read_text(encoding="utf-8")
    return perturb(text.replace(original, template.format(n=chinese_number(i + 1))), factor)


def make(n: int, out: Path, seed: int = 1, start: int = 0) -> list[Path]:
    """Reports number ``start`` … ``start + n - 1`` (so a later call can add new, different ones)."""
    rng = random.Random(seed + start)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    pdfs = sorted(REAL.glob("*.pdf"))
    made: list[Path] = []
    for i in range(start, start + n):
        kind = i % 8  # 5 text seeds, 1 docx, 2 PDFs in every 8: roughly the real mix
        if kind < 5 or kind == 5:
            text = synthetic_text(i, rng.randint(2, 9))
            if kind == 5:
                target = out / f"syn{i:05d}.docx"
                write_docx(text, target)
            else:
                target = out / f"syn{i:05d}{seed_of(i).suffix}"
                target.write_text(text, encoding="utf-8")
        else:
            src = pdfs[i % len(pdfs)]
            target = out / f"syn{i:05d}.pdf"
            target.write_bytes(src.read_bytes() + f"\n% synthetic copy {i}\n".encode())
            name = re.sub(r"\s*2024\s*年度部门决算$|2024年度部门决算$", "", src.stem)
            agency = (
                name.replace("上海市普陀区", f"上海市普陀区第{chinese_number(i + 1)}")
                if "普陀区" in name
                else f"第{chinese_number(i + 1)}{name}"
            )
            target.with_name(target.stem + ".meta.yaml").write_text(f"agency: {agency}\n", encoding="utf-8")
        made.append(target)
    return made


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    made = make(args.n, args.out, args.seed)
    print(f"{len(made)} reports in {args.out}")


if __name__ == "__main__":
    main()
