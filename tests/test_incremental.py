"""Incremental and reproducible builds (issue 6).

* A build over a folder parses every document once; a rebuild takes them all from the cache; one
  more file is the one cache miss; a changed or corrupt entry is parsed again. The build says how
  many documents it parsed and how many came from the cache.
* ``--shard K/N`` slices fill the cache between them, so the merging build parses nothing.
* Two builds of the same inputs write byte-identical Markdown and data (downloads included), the
  first with an empty cache and the second from it; the built sites are identical too (the
  sitemap's date comes from SOURCE_DATE_EPOCH or the last commit, not the clock).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.ingest import sha256_of
from generator.pipeline import LoadStats, _cache_file, discover, load_all, shard

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "data" / "reports"
TEXTS = sorted(REPORTS.glob("*.txt"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "reports"
    out.mkdir()
    for p in TEXTS[:3]:
        shutil.copyfile(p, out / p.name)
    return out


def counts(stderr: str) -> tuple[int, int, int]:
    m = re.search(r"parsed (\d+), from cache (\d+), failed (\d+)", stderr)
    assert m, stderr
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def run_build(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], **kw: object
) -> tuple[int, int, int]:
    status = build(
        folder, tmp_path / "site", cache=tmp_path / "cache", jobs=2, run_mkdocs=False,
        content_dir=tmp_path / "content", **kw,  # type: ignore[arg-type]
    )  # fmt: skip
    assert status == 0
    return counts(capsys.readouterr().err)


def test_one_new_file_is_the_only_cache_miss(folder: Path, tmp_path: Path, capsys) -> None:
    assert run_build(folder, tmp_path, capsys) == (3, 0, 0)
    assert run_build(folder, tmp_path, capsys) == (0, 3, 0)
    shutil.copyfile(TEXTS[3], folder / TEXTS[3].name)
    assert run_build(folder, tmp_path, capsys) == (1, 3, 0)


def test_changed_file_and_corrupt_entry_are_parsed_again(folder: Path, tmp_path: Path, capsys) -> None:
    run_build(folder, tmp_path, capsys)
    changed = sorted(folder.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n附注。\n", encoding="utf-8")
    assert run_build(folder, tmp_path, capsys) == (1, 2, 0)
    entry = _cache_file(tmp_path / "cache", sha256_of(changed))
    entry.write_text(entry.read_text(encoding="utf-8")[:100], encoding="utf-8")  # truncated
    assert run_build(folder, tmp_path, capsys) == (1, 2, 0)
    assert run_build(folder, tmp_path, capsys) == (0, 3, 0)  # and the rebuilt entry is valid


def test_load_all_counts(folder: Path, tmp_path: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    stats = LoadStats()
    reports, problems = load_all(discover(folder), tmp_path / "cache", jobs=2, stats=stats)
    assert (stats.parsed, stats.cached, stats.failed) == (3, 0, 1)
    assert len(reports) == 3 and len(problems) == 1
    assert "解析 3 份" in stats.line() and "取自缓存 0 份" in stats.line()


def test_shards_fill_the_cache_for_the_merging_build(folder: Path, tmp_path: Path, capsys) -> None:
    shutil.copyfile(TEXTS[3], folder / TEXTS[3].name)
    paths = discover(folder)
    slices = [shard(paths, f"{k}/3") for k in (1, 2, 3)]
    assert sorted(p for s in slices for p in s) == sorted(paths)  # a partition: no file twice or lost
    assert [len(s) for s in slices] == [2, 1, 1]
    for k in (1, 2, 3):
        parsed, cached, _ = run_build(folder, tmp_path, capsys, shard_spec=f"{k}/3")
        assert parsed == len(slices[k - 1]) and cached == 0
    assert not (tmp_path / "content" / "reports").exists(), "a shard writes the cache only"
    assert run_build(folder, tmp_path, capsys) == (0, 4, 0)
    with pytest.raises(ValueError):
        shard(paths, "4/3")


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_write_identical_content(tmp_path: Path) -> None:
    """All the real reports (PDFs included): first from an empty cache, then from the cache."""
    cache = tmp_path / "cache"
    trees = []
    for run in ("cold", "warm"):
        content = tmp_path / run / "content"
        status = build(REPORTS, tmp_path / run / "site", cache=cache, run_mkdocs=False, content_dir=content)
        assert status == 0
        trees.append(tree(content))
    first, second = trees
    assert any(name.endswith(".csv") for name in first) and any(name.endswith(".json") for name in first)
    assert any(name.startswith("files/") for name in first), "original downloads are part of the tree"
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert different == []


@pytest.mark.slow
def test_two_site_builds_are_identical(tmp_path: Path, monkeypatch) -> None:
    """The whole site, sitemap and search index included, given the same SOURCE_DATE_EPOCH."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    reports = tmp_path / "reports"
    reports.mkdir()
    for p in TEXTS[:2]:
        shutil.copyfile(p, reports / p.name)
    sites = []
    for run in ("a", "b"):
        content = tmp_path / run / "content"
        shutil.copytree(ROOT / "content" / "_text", content / "_text")
        for name in ("about.md",):
            if (ROOT / "content" / name).exists():
                shutil.copyfile(ROOT / "content" / name, content / name)
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            status = build(reports, tmp_path / run / "site", cache=tmp_path / "cache", content_dir=content)
        finally:
            os.chdir(cwd)
        assert status == 0
        sites.append(tree(tmp_path / run / "site"))
    a, b = sites
    assert "sitemap.xml" in a and b"<lastmod>2025-01-01</lastmod>" in a["sitemap.xml"]
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []


def test_progress_is_plain_lines_off_a_terminal(capsys) -> None:
    """In CI logs (stderr not a terminal) progress is a line every tenth of the reports, no bar."""
    from generator.pipeline import Progress

    progress = Progress(20)
    for _ in range(20):
        progress.step(None)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 10 and lines[-1].startswith("解析报告 20/20")
    assert not any("\r" in line or "#" in line for line in lines)


@pytest.mark.slow
def test_unchanged_inputs_skip_the_build_and_a_change_rebuilds(tmp_path: Path, capsys) -> None:
    """A warm rebuild with nothing changed does nothing; a changed report rebuilds the site."""
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copyfile(TEXTS[0], reports / TEXTS[0].name)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "_text", content / "_text")
    site = tmp_path / "site"

    def run(**kw: object) -> str:
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            assert build(reports, site, cache=tmp_path / "cache", content_dir=content, **kw) == 0  # type: ignore[arg-type]
        finally:
            os.chdir(cwd)
        return capsys.readouterr().err

    assert "网站已构建到" in run()
    first = (site / "index.html").stat().st_mtime_ns
    assert "输入未变" in run()
    assert (site / "index.html").stat().st_mtime_ns == first  # the site was not touched
    (reports / TEXTS[0].name).write_text(
        TEXTS[0].read_text(encoding="utf-8").replace("869.05", "869.15"), encoding="utf-8"
    )
    assert "网站已构建到" in run()
    assert "输入未变" not in run(force=True)
