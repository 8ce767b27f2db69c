"""Findings of each real seed report vs. its synthetic copies (issue 6: a realistic corpus).

make_corpus.py perturbs the seeds' figures; a faithful perturbation keeps each report's own
arithmetic, so a synthetic copy has the same findings (rule ids, severities) as its seed. This
script makes N synthetic reports in OUT (default /tmp/corpus_try/N), runs read_meta +
read_document + extract + run_checks on the seeds and the copies, and prints per seed:
the seed's findings by rule, then for each copy its findings count, the rules whose count
differs from the seed's, and how many of the seed's metrics the copy states differently
(a perturbed copy, not a byte copy of the figures). A Word copy is compared with the seed
written as Word with its own figures (factor 1): the Word reader finds other things in the
same text than the text reader (tables, headings), and that is not the perturbation's doing.

Usage: python benchmarks/corpus_findings.py [N] [--out DIR] [--seed 1] [--pdf] [--verbose]
PDF copies are byte copies of the real PDFs (same figures, same findings) and slow to parse:
they are skipped unless --pdf.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import REAL, make, seed_of, synthetic_text, write_docx  # noqa: E402

from generator.checks import run_checks  # noqa: E402
from generator.extract import extract  # noqa: E402
from generator.ingest import read_document  # noqa: E402
from generator.model import Report  # noqa: E402
from generator.pipeline import read_meta  # noqa: E402


def load(path: Path) -> Report:
    report = extract(read_document(path), read_meta(path))
    report.findings = run_checks(report)
    return report


def by_rule(report: Report) -> Counter[str]:
    return Counter(f.rule for f in report.findings)


def by_severity(report: Report) -> Counter[str]:
    return Counter(f.severity for f in report.findings)


def changed_metrics(seed: Report, copy: Report) -> tuple[int, int]:
    """(metrics the seed states that the copy states with another amount, metrics both state)."""
    both = [k for k, v in seed.metrics.items() if v is not None and copy.metrics.get(k) is not None]
    differ = len([k for k in both if seed.metrics[k].amount != copy.metrics[k].amount])  # type: ignore[union-attr]
    return differ, len(both)


def fmt(c: Counter[str]) -> str:
    return ", ".join(f"{k}×{v}" for k, v in sorted(c.items())) or "–"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=80)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pdf", action="store_true", help="also the PDF byte copies (slow)")
    ap.add_argument("--verbose", action="store_true", help="per copy, not only per seed")
    args = ap.parse_args()
    out = args.out or Path("/tmp/corpus_try") / str(args.n)
    made = make(args.n, out, args.seed)

    groups: dict[Path, list[Path]] = {}
    for i, path in enumerate(made):
        if path.suffix == ".pdf" and not args.pdf:
            continue
        groups.setdefault(seed_of(i), []).append(path)

    all_counts: list[int] = []
    same_total = same_sev_total = 0
    copies_total = 0
    word_refs: dict[Path, Report] = {}
    for seed_path in sorted(groups):
        seed = load(seed_path)
        print(f"\n== {seed_path.name}: {len(seed.findings)} findings ({fmt(by_severity(seed))})")
        print(f"   rules: {fmt(by_rule(seed))}")
        counts = []
        same = same_sev = 0
        for path in groups[seed_path]:
            base = seed
            if path.suffix == ".docx":
                if seed_path not in word_refs:
                    ref = out.parent / f"{out.name}-word" / f"{seed_path.stem}.docx"
                    ref.parent.mkdir(parents=True, exist_ok=True)
                    write_docx(synthetic_text(int(path.stem[3:]), 1), ref)
                    word_refs[seed_path] = load(ref)
                    r = word_refs[seed_path]
                    print(f"   as Word, own figures: {len(r.findings)} findings; rules: {fmt(by_rule(r))}")
                base = word_refs[seed_path]
            want = by_rule(base)
            copy = load(path)
            got = by_rule(copy)
            counts.append(len(copy.findings))
            differ, both = changed_metrics(base, copy)
            diff = {
                r: (want.get(r, 0), got.get(r, 0))
                for r in set(want) | set(got)
                if want.get(r, 0) != got.get(r, 0)
            }
            same += not diff
            same_sev += Counter((f.rule, f.severity) for f in base.findings) == Counter(
                (f.rule, f.severity) for f in copy.findings
            )
            if args.verbose or diff:
                extra = ", ".join(f"{r} {a}→{b}" for r, (a, b) in sorted(diff.items())) or "same rules"
                print(
                    f"   {path.name}: {len(copy.findings)} findings ({fmt(by_severity(copy))}); "
                    f"metrics changed {differ}/{both}; {extra}"
                )
        all_counts += counts
        same_total += same
        copies_total += len(counts)
        print(
            f"   copies: {len(counts)}, findings median {statistics.median(counts):g}, "
            f"min {min(counts)}, max {max(counts)}; same rule counts as the seed: {same}/{len(counts)}, "
            f"and the same severities too: {same_sev}/{len(counts)}"
        )
        same_sev_total += same_sev
    if all_counts:
        print(
            f"\nall {copies_total} copies: findings median {statistics.median(all_counts):g}, "
            f"max {max(all_counts)}; same rule counts as their seed: {same_total}/{copies_total}, "
            f"and the same severities too: {same_sev_total}/{copies_total}"
        )
    print(f"(seeds from {REAL})")


if __name__ == "__main__":
    main()
