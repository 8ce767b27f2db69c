"""How finding ids moved over the project's own history, and what generator.history makes of it.

Builds data/reports/ with the generator of each given commit (a git worktree each, `generator build
--no-mkdocs --no-cache`, its content/data/findings.json kept under benchmarks/work/history/), then, for
each pair of consecutive commits, runs ``retire`` with the older publication as the previous one: how
many published ids the newer build no longer gives, how many of them get a successor, and, for each
retired id, the new notes of the same rule in the same report (to judge the successor by hand).
Also times ``retire`` on the publication scaled up (the rows repeated under other report ids).

Usage: python benchmarks/finding_history.py [--every N] [--count K] [--head COMMIT]   (default: every 25th
commit of the first-parent history of HEAD, the newest 22; --head fixes the sample, as HEAD moves on)
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from generator.history import Previous, retire

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work" / "history"


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def findings_at(commit: str) -> list[dict[str, object]] | None:
    out = WORK / f"{commit}.json"
    if out.exists():
        return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    tree = WORK / "tree"
    shutil.rmtree(tree, ignore_errors=True)
    git("worktree", "add", "-f", "-q", str(tree), commit)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "generator", "build", "--no-mkdocs", "--no-cache"],
            cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
            capture_output=True, text=True, timeout=900, check=False,
        )  # fmt: skip
        data = tree / "content" / "data" / "findings.json"
        if proc.returncode != 0 or not data.exists():
            print(
                f"{commit}: build failed ({proc.returncode}): {proc.stderr.strip()[-200:]}", file=sys.stderr
            )
            return None
        shutil.copy(data, out)
    finally:
        git("worktree", "remove", "-f", str(tree))
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--every", type=int, default=25)
    ap.add_argument("--count", type=int, default=22)
    ap.add_argument("--head", default="HEAD")
    args = ap.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    commits = git("log", "--format=%h", "--first-parent", args.head).split()[:: args.every][: args.count]
    built = [(c, f) for c in reversed(commits) if (f := findings_at(c)) is not None]
    total = with_successor = 0
    for (a, old), (b, new) in zip(built, built[1:], strict=False):
        rows = retire(Previous(findings=old), new, "-")  # type: ignore[arg-type]
        total += len(rows)
        with_successor += sum(1 for r in rows if r["successor"])
        print(f"{a} → {b}: published {len(old)}, now {len(new)}, retired {len(rows)}, with successor "
              f"{sum(1 for r in rows if r['successor'])}")  # fmt: skip
        published = {(r["report_id"], r["finding_id"]) for r in old}
        for r in rows:
            print(f"  {r['finding_id']} {r['rule']} → {r['successor']} | {str(r['quote'] or '')[:50]!r}")
            for c in new:
                if (c["report_id"], c["rule"]) == (r["report_id"], r["rule"]) and (
                    c["report_id"],
                    c["finding_id"],
                ) not in published:
                    print(f"      new {c['finding_id']} | {str(c.get('quote') or '')[:50]!r}")
    print(f"commits built {len(built)}; retired {total}, with a successor {with_successor}")
    if built:
        a, b = built[0][1], built[-1][1]
        for k in (1, 100, 1000):
            old = [r | {"report_id": f"{r['report_id']}-{i}"} for i in range(k) for r in a]
            new = [r | {"report_id": f"{r['report_id']}-{i}"} for i in range(k) for r in b]
            times = []
            for _ in range(3):
                t = time.perf_counter()
                retire(Previous(findings=old), new, "-")  # type: ignore[arg-type]
                times.append(time.perf_counter() - t)
            print(f"retire over {len(old)} published rows: median {statistics.median(times) * 1000:.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
