"""Command line: a thin layer over the stages. Each command's docstring is its --help text."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator import __version__


def cmd_extract(args: argparse.Namespace) -> int:
    """Parse reports and print one JSON object per report (a JSON array when several).

    Example: generator extract data/reports/000_41e5c2151686b1a5.txt
    """
    from generator.serialize import report_json

    out, status = [], 0
    for path in args.paths:
        report, complete = _load_or_say(path, args)
        if report is None:
            status = 2
            continue
        status = status if complete else 2
        out.append(report_json(report))
    if out:
        text = json.dumps(
            out[0] if len(args.paths) == 1 else out, ensure_ascii=False, indent=2, sort_keys=False
        )
        sys.stdout.write(text + "\n")
    return status


def _load_or_say(path: str, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The report, or None after one line on stderr; and whether every rule ran on it (a rule that raised is named
    on stderr, and its command exits 2 as for a file it could not read: the check is not complete)."""
    from generator.checks import RuleFailure
    from generator.errors import ReportError
    from generator.pipeline import display_path, load_report, rules_failed

    failed: list[RuleFailure] = []
    try:
        report = load_report(Path(path), None if args.no_cache else Path(args.cache), failed)
    except ReportError as exc:
        print(f"错误 {exc.line()}", file=sys.stderr)
        return None, False
    if failed:
        problem = rules_failed(display_path(Path(path)), failed)
        print(f"注意 {problem.path}: {problem.reason}", file=sys.stderr)
    return report, not failed


def cmd_check(args: argparse.Namespace) -> int:
    """Check reports and print their findings as a table; exit 1 when any finding is an error.

    Example: generator check --format markdown data/reports/*.pdf
    """
    from generator.report_text import findings_table

    status = 0
    for path in args.paths:
        report, complete = _load_or_say(path, args)
        if report is None or not complete:
            status = max(status, 2)
        if report is None:
            continue
        sys.stdout.write(findings_table(report, args.format) + "\n")
        if any(f.severity == "error" for f in report.findings):
            status = max(status, 1) if status != 2 else 2
    return status


def cmd_build(args: argparse.Namespace) -> int:
    """Parse every report under data/reports/, write the generated Markdown and data, build site/.

    Example: generator build --reports data/reports --site site
    """
    from generator.build import build

    return build(
        reports_dir=Path(args.reports),
        site_dir=Path(args.site),
        cache=None if args.no_cache else Path(args.cache),
        jobs=args.jobs,
        run_mkdocs=not args.no_mkdocs,
        shard_spec=getattr(args, "shard", None),
        force=getattr(args, "force", False),
        previous_dir=Path(args.previous) if getattr(args, "previous", None) else None,
    )


def cmd_serve(args: argparse.Namespace) -> int:
    """Build, then serve the site on localhost with live reload.

    Example: generator serve --port 8000
    """
    import subprocess

    status = cmd_build(argparse.Namespace(**{**vars(args), "no_mkdocs": True}))
    if status not in (0,):
        return status
    return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{args.port}"])


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="generator", description="决算透视: final-accounts reports → a checkable site"
    )
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    def add(name: str, fn, **kw):  # type: ignore[no-untyped-def]
        doc = (fn.__doc__ or "").strip()
        p = sub.add_parser(
            name,
            help=doc.splitlines()[0],
            description=doc,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.set_defaults(fn=fn)
        p.add_argument("--cache", default=".cache/extract", help="extraction cache folder")
        p.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
        return p

    p = add("extract", cmd_extract)
    p.add_argument("paths", nargs="+")
    p = add("check", cmd_check)
    p.add_argument("paths", nargs="+")
    p.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    for name, fn in (("build", cmd_build), ("serve", cmd_serve)):
        p = add(name, fn)
        p.add_argument("--reports", default="data/reports")
        p.add_argument("--site", default="site")
        p.add_argument("--jobs", type=int, default=None)
        p.add_argument("--no-mkdocs", action="store_true", help="write Markdown and data only")
        p.add_argument("--force", action="store_true", help="rebuild even when no input changed")
        p.add_argument(
            "--previous",
            metavar="DIR",
            help="the published site's data folder (findings.json, retired.json): its finding ids keep an anchor",
        )
        if name == "build":
            p.add_argument(
                "--shard", metavar="K/N", help="extract only the K-th of N slices into the cache (CI matrix)"
            )
        if name == "serve":
            p.add_argument("--port", type=int, default=8000)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.fn(args))
    except KeyboardInterrupt:
        print("已中断 (interrupted)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
