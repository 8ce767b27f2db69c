"""Make a synthetic corpus of N reports from the real ones in data/reports/ (for benchmarks only).

Shapes and formats are the real ones:
- text dumps (.txt/.md): agency renamed, every amount scaled by a per-report factor (figures
  perturbed; rounding then differs as it does in real reports);
- Word (.docx): the same perturbed text written as paragraphs and tables with python-docx;
- PDF: the published PDFs, byte-unique (a comment after %%EOF) and renamed through
  NAME.meta.yaml (agency override) — their figures are not perturbed: rewriting a PDF's
  content stream is beyond a benchmark's needs, and extraction cost is what is measured.

Usage: python benchmarks/make_corpus.py N OUT_DIR [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "reports"

# The agency name as each seed states it, and a template for synthetic names that keeps the
# place (so region detection still has something to find).
SEED_NAMES = {
    "000_41e5c2151686b1a5.txt": ("昌吉回族自治州公共就业服务中心", "昌吉回族自治州第{n}公共就业服务中心"),
    "001_7c4dfcc9575acdfa.txt": ("岚县创业就业服务中心", "岚县第{n}创业就业服务中心"),
    "002_e0b9e12b257efafd.txt": (
        "昌吉回族自治州人力资源和社会保障局",
        "昌吉回族自治州第{n}人力资源和社会保障局",
    ),
    "003_237caace6a9bba17.txt": ("乌鲁木齐市人力资源和社会保障局", "乌鲁木齐市第{n}人力资源和社会保障局"),
    "004_64caca8ce772cd7b.txt": ("市就业服务中心", "市第{n}就业服务中心"),
}
AMOUNT = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?!\d)")


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


def perturb(text: str, factor: Decimal) -> str:
    def scale(m: re.Match[str]) -> str:
        value = Decimal(m.group(1).replace(",", "") + "." + m.group(2))
        out = (value * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return f"{out:,.2f}" if "," in m.group(1) else f"{out:.2f}"

    return AMOUNT.sub(scale, text)


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
    document.save(str(target))


def make(n: int, out: Path, seed: int = 1, start: int = 0) -> list[Path]:
    """Reports number ``start`` … ``start + n - 1`` (so a later call can add new, different ones)."""
    rng = random.Random(seed + start)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    seeds = sorted(SEED_NAMES)
    pdfs = sorted(REAL.glob("*.pdf"))
    made: list[Path] = []
    for i in range(start, start + n):
        kind = i % 8  # 5 text seeds, 1 docx, 2 PDFs in every 8: roughly the real mix
        if kind < 5 or kind == 5:
            seed_name = seeds[i % len(seeds)]
            original, template = SEED_NAMES[seed_name]
            text = (REAL / seed_name).read_text(encoding="utf-8")
            factor = Decimal(1000 + rng.randint(-150, 150)) / 1000
            text = perturb(text.replace(original, template.format(n=chinese_number(i + 1))), factor)
            if kind == 5:
                target = out / f"syn{i:05d}.docx"
                write_docx(text, target)
            else:
                target = out / f"syn{i:05d}{Path(seed_name).suffix}"
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
