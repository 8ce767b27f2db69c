"""Issue 7's bar: `generator build` over data/reports/ plus every bad input finishes, lists each
bad file with its reason on the ingest-problems page, and builds every good report."""

from __future__ import annotations

import html
import os
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.render import SECTIONS

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "fixtures" / "bad"
GOOD = ROOT / "data" / "reports"
NOT_INPUTS = {"README.md", "make_bad.py", "bench_ocr.py"}

# What each bad file must be refused for (a word of the reason), or None when it is a report.
EXPECTED = {
    "empty.pdf": "文件为空",
    "empty.txt": "文件为空",
    "truncated.pdf": "损坏",
    "encrypted.pdf": "加密",
    "bomb.docx": "解压后过大",
    "huge_pages.pdf": "页数过多",
    "budget.pdf": "预算",
    "random.txt": "不是文本",
    "binary.pdf": "不是有效的PDF",
    "unrelated.docx": "未发现决算报告",
    "badmeta.meta.yaml": "元数据文件无效",
    "injected.txt": None,
    # a scan of a report already in data/reports/: read by OCR, then recognised as the same report
    "image_only.pdf": "同一份报告",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("badbuild")
    reports = tmp / "reports"
    shutil.copytree(GOOD, reports)
    for f in BAD.iterdir():
        if f.name not in NOT_INPUTS:
            shutil.copy(f, reports / f.name)
    content = tmp / "content"
    shutil.copytree(
        ROOT / "content",
        content,
        ignore=lambda d, n: [x for x in n if Path(d) == ROOT / "content" and x in SECTIONS],
    )
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        status = build(reports, tmp / "site", cache=None, jobs=2, run_mkdocs=False, content_dir=content)
    finally:
        os.chdir(cwd)
    assert status == 0
    return content


def test_every_bad_input_is_covered() -> None:
    names = {f.name for f in BAD.iterdir() if f.name not in NOT_INPUTS}
    assert names - {"badmeta.txt"} == set(EXPECTED)


def test_bad_inputs_are_listed_with_their_reason(built: Path) -> None:
    page = (built / "problems" / "index.md").read_text(encoding="utf-8")
    for name, reason in EXPECTED.items():
        if reason is None:
            assert name not in page
            continue
        line = next((html.unescape(ln) for ln in page.splitlines() if name in html.unescape(ln)), "")
        assert line, f"{name} not on the problems page"
        assert reason in line, (name, line)


def test_every_good_report_is_built(built: Path) -> None:
    pages = sorted(
        p.parent.relative_to(built / "reports").as_posix() for p in (built / "reports").glob("*/*/index.md")
    )
    assert len(pages) == len(list(GOOD.iterdir())) + 1  # + injected.txt
    assert "2024/shang-hai-shi-pu-tuo-qu-cai-zheng-ju" in pages
