"""Finding ids the site published before keep an anchor (generator.history, `generator build --previous`).

A news article links to …/reports/<id>/#f-xxxxxx. Two real ways an id stops being given:
- a rule is mended and reads the subject differently: between 9d4646a and 4d285e3 extract cut 003's
  OCR run-on project names, and perf.target_met_scored_short's note on 《建国前老工人遗属遗孀生活困难补助经费》
  went from f-b657b4 to f-f2b9b7 (tests/fixtures/published-9d4646a/findings.json is that commit's
  publication, byte for byte);
- the report is replaced: an agency publishes a corrected version. The 测试问题版本 PDF (the published
  财政局 report with planted errors) read first and the published original after it is that case.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator.build import build, build_date, input_fingerprint, project_root
from generator.history import Previous, PreviousError, load_previous, retire
from generator.pipeline import load_report
from generator.render import SECTIONS
from generator.render.data import RETIRED_FIELDS, SCHEMAS, finding_rows

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "tests" / "fixtures" / "published-9d4646a"
TEST_COPY = ROOT / "tests" / "fixtures" / "24年普陀区财政局（测试问题版本）.pdf"
ORIGINAL = ROOT / "data" / "reports" / "上海市普陀区财政局2024年度部门决算.pdf"
R003 = "2024/wu-lu-mu-qi-shi-ren-li-zi-yuan-he-she-hui-bao-zhang-ju"
R001 = "2024/lan-xian-chuang-ye-jiu-ye-fu-wu-zhong-xin"
CAIZHENG = "2024/shang-hai-shi-pu-tuo-qu-cai-zheng-ju"
CHANGJI_HRSS = "2023/chang-ji-hui-zu-zi-zhi-zhou-ren-li-zi-yuan-he-she-hui-bao-zhang-ju"
HUAIHUA = "2023/huai-hua-shi-jiu-ye-fu-wu-zhong-xin"
GUIHUA = "2024/shang-hai-shi-pu-tuo-qu-gui-hua-he-zi-ran-zi-yuan-ju"
SHEGONG = "2024/zhong-gong-shang-hai-shi-pu-tuo-qu-wei-she-hui-gong-zuo-bu"


def _content(tmp: Path) -> Path:
    content = tmp / "content"
    shutil.copytree(
        ROOT / "content",
        content,
        ignore=lambda d, names: [n for n in names if Path(d) == ROOT / "content" and n in SECTIONS],
    )
    return content


def _build(tmp: Path, previous: Path | None, reports: Path = ROOT / "data" / "reports") -> tuple[int, Path]:
    content = _content(tmp)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        status = build(
            reports, tmp / "site", cache=ROOT / ".cache" / "extract", run_mkdocs=False,
            content_dir=content, previous_dir=previous,
        )  # fmt: skip
    finally:
        os.chdir(cwd)
    return status, content


@pytest.fixture(scope="module")
def after_9d4646a(tmp_path_factory: pytest.TempPathFactory) -> Path:
    status, content = _build(tmp_path_factory.mktemp("history"), PUBLISHED)
    assert status == 0
    return content


def test_the_ids_gone_since_9d4646a_are_retired(after_9d4646a: Path) -> None:
    published = json.loads((PUBLISHED / "findings.json").read_text(encoding="utf-8"))
    live = json.loads((after_9d4646a / "data" / "findings.json").read_text(encoding="utf-8"))
    gone = {(r["report_id"], r["finding_id"]) for r in published} - {
        (r["report_id"], r["finding_id"]) for r in live
    }
    # every other of the 187 published notes is still given under its id. f-b657b4 has a new id; in the twenty-second
    # session f-48a3aa (001's "336.79 应为336.789") was withdrawn (336.344 + 0.445 at the cent is 336.79) and f-ce798b
    # (001's 总分 88 "应为100") became f-8801b2 (88 against the table's own 90). In the thirty-fifth session fourteen
    # ids that held their quote's page took ids that do not (the same note, the same words: each is its successor)
    paged = {
        (CHANGJI_HRSS, "f-c3bf8d", "f-af9d80"),
        (HUAIHUA, "f-08c52f", "f-94a1d1"),
        (HUAIHUA, "f-ac0024", "f-66df88"),
        (HUAIHUA, "f-b03050", "f-186586"),
        (HUAIHUA, "f-e765de", "f-28a45f"),
        (R001, "f-001ea1", "f-6f8d63"),
        (R001, "f-363cb8", "f-017746"),
        (R001, "f-8504a3", "f-9bf160"),
        (R001, "f-bc467e", "f-9c20f6"),
        (GUIHUA, "f-503ff3", "f-e3a291"),
        (GUIHUA, "f-9ff3ed", "f-c6c0ed"),
        (GUIHUA, "f-c4a5fe", "f-2354b9"),
        (SHEGONG, "f-23eac3", "f-342bba"),
        (SHEGONG, "f-a91886", "f-21f6c9"),
    }
    assert gone == {(R003, "f-b657b4"), (R001, "f-48a3aa"), (R001, "f-ce798b")} | {
        (r, old) for r, old, _ in paged
    }
    retired = json.loads((after_9d4646a / "data" / "retired.json").read_text(encoding="utf-8"))
    assert sorted((r["report_id"], r["finding_id"], r["successor"]) for r in retired) == sorted(
        [(R001, "f-48a3aa", None), (R001, "f-ce798b", "f-8801b2"), (R003, "f-b657b4", "f-f2b9b7"), *paged]
    )
    withdrawn = next(r for r in retired if r["finding_id"] == "f-48a3aa")
    assert withdrawn["rule"] == "perf.balance" and withdrawn["expected"] == "336.789"
    page = (after_9d4646a / "reports" / R001 / "index.md").read_text(encoding="utf-8")
    assert "### 已撤下的问题 {#retired}" in page and 'id="f-48a3aa"' in page
    row = next(r for r in retired if r["finding_id"] == "f-b657b4")
    assert row["rule"] == "perf.target_met_scored_short" and row["severity"] == "warning"
    assert row["claimed"] == "=4人（6.67分）" and row["expected"] == "10分"
    assert row["retired_on"] == build_date(project_root())
    assert set(row) == {f["name"] for f in RETIRED_FIELDS}


def test_the_old_anchor_stands_on_the_successor_and_names_it(after_9d4646a: Path) -> None:
    page = (after_9d4646a / "reports" / R003 / "index.md").read_text(encoding="utf-8")
    alias = '<div class="finding-alias" id="f-b657b4"></div>'
    assert page.count(alias) == 1
    # right above the successor's heading: a link to #f-b657b4 lands on the note that replaced it
    after = page[page.index(alias) :]
    heading_line = next(line for line in after.splitlines() if line.startswith("### "))
    assert heading_line.endswith("{#f-f2b9b7}")
    assert "<dt>原编号</dt><dd><code>f-b657b4</code>（" in page and "撤下，由本条取代）" in page
    assert 'id="retired"' not in page and "已撤下的问题" not in page  # nothing withdrawn: no stub section


def test_the_retired_table_is_a_download_declared_in_the_datapackage(after_9d4646a: Path) -> None:
    data = after_9d4646a / "data"
    header = (data / "retired.csv").read_text(encoding="utf-8").splitlines()
    assert header[0] == ",".join(f["name"] for f in RETIRED_FIELDS) and len(header) == 18
    # 9d4646a's publication recorded no report files: why the note went cannot be told (reason empty)
    (row,) = [line for line in header[1:] if line.startswith(f"{R003},")]
    assert ",f-b657b4," in row and row.endswith(",f-f2b9b7,,")
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} >= {"retired.csv", "retired.json"}
    assert "retired" in SCHEMAS
    assert "retired.csv" in (data / "index.md").read_text(encoding="utf-8")


def test_notes_alike_in_values_are_told_apart_by_the_text_they_quote(tmp_path: Path) -> None:
    """b4b9393 published 003's 收入总计 and 支出总计 notes with the same values (32,312.49 vs 32,312.50),
    and its two 财政拨款 notes likewise (32,288.11 vs 32,288.10); all four have new ids now. Each old id
    must point at the note on its own sentence, not at its twin in values."""
    status, content = _build(tmp_path, ROOT / "tests" / "fixtures" / "published-b4b9393-003")
    assert status == 0
    retired = json.loads((content / "data" / "retired.json").read_text(encoding="utf-8"))
    assert {r["finding_id"]: (r["rule"], r["successor"]) for r in retired} == {
        "f-56621c": ("sum.narrative_total", "f-d2a9f9"),  # 收入总计32,312.49万元,其中:本年收入合计…
        "f-ef9f63": ("sum.narrative_total", "f-8f9a80"),  # 支出总计32,312.49万元,其中:本年支出合计…
        "f-66f959": ("sum.narrative_total", "f-4640e1"),  # 财政拨款收入总计32,288.11万元…
        "f-75e0de": ("sum.narrative_total", "f-c81d38"),  # 财政拨款支出总计32,288.11万元…
        "f-b657b4": ("perf.target_met_scored_short", "f-f2b9b7"),
        # withdrawn: the 180-point 指标 totals were the reader's, not the report's (since fixed)
        "f-35eb1b": ("perf.points_total", None),
        "f-520dc0": ("perf.points_total", None),
        "f-91ba1e": ("perf.points_total", None),
    }
    live = {
        r["finding_id"]: r
        for r in json.loads((content / "data" / "findings.json").read_text(encoding="utf-8"))
    }
    for r in retired:
        if r["successor"]:
            assert live[r["successor"]]["quote"] == r["quote"]
            assert (live[r["successor"]]["claimed"], live[r["successor"]]["expected"]) == (
                r["claimed"],
                r["expected"],
            )
    page = (content / "reports" / R003 / "index.md").read_text(encoding="utf-8")
    assert page.count('class="retired-finding"') == 3 and page.count('class="finding-alias"') == 5


def test_a_retired_id_is_carried_forward_by_the_next_build(after_9d4646a: Path, tmp_path: Path) -> None:
    """The next build reads this one's data folder: f-b657b4 is no longer in findings.json, only in
    retired.json, and must stay retired, with its first date, through any number of builds."""
    first = json.loads((after_9d4646a / "data" / "retired.json").read_text(encoding="utf-8"))
    previous = tmp_path / "published"
    previous.mkdir()
    for name in ("findings.json", "retired.json"):
        shutil.copy(after_9d4646a / "data" / name, previous / name)
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = "1893456000"  # 2030-01-01: a later build
    try:
        status, content = _build(tmp_path / "next", previous)
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH")
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old
    assert status == 0
    again = json.loads((content / "data" / "retired.json").read_text(encoding="utf-8"))
    assert again == first  # same row, same retired_on, not re-dated 2030-01-01
    page = (content / "reports" / R003 / "index.md").read_text(encoding="utf-8")
    assert page.count('<div class="finding-alias" id="f-b657b4"></div>') == 1


def _rows(path: Path) -> list[dict[str, object]]:
    return finding_rows([load_report(path, cache=None)])


@pytest.fixture(scope="module")
def replaced() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The 财政局 report as first published with errors (the test copy), then corrected (the original)."""
    before, after = _rows(TEST_COPY), _rows(ORIGINAL)
    assert {r["report_id"] for r in before} == {r["report_id"] for r in after} == {CAIZHENG}
    return before, after


def test_a_corrected_report_retires_the_notes_on_what_it_corrected(replaced) -> None:  # type: ignore[no-untyped-def]
    before, after = replaced
    retired = retire(Previous(findings=before), after, "2026-12-05")
    gone = {r["finding_id"] for r in before} - {r["finding_id"] for r in after}
    assert {r["finding_id"] for r in retired} == gone and len(gone) == 10
    # the planted errors the corrected report no longer has: years, budget words, XX局, the missing 03表, the doubled
    # full stop of the 名词解释 …
    assert sorted(r["rule"] for r in retired) == [
        "budget.word", "budget.word", "budget.word", "completeness.doubled_stop", "completeness.missing_table",
        "completeness.template_residue", "completeness.year", "completeness.year",
        "text_table.metric", "text_table.sangong",
    ]  # fmt: skip
    # none has a successor: the original's new text_table.metric note (财政拨款收入支出总计 0.3万元 vs
    # 2,961.68) is another figure than the test copy's (收入支出总计 0万元 vs 2,995.39), though the two
    # messages read alike; no other of the original's notes states a retired note's values
    assert all(r["successor"] is None for r in retired)
    assert all(r["retired_on"] == "2026-12-05" for r in retired)


def test_a_withdrawn_note_keeps_its_anchor_and_says_so(replaced, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from generator.render import ASSETS
    from generator.render.site import write_site

    before, _ = replaced
    write_site(
        [load_report(ORIGINAL, cache=None)], [], tmp_path, ASSETS, "https://example.org/",
        {}, Previous(findings=before), "2026-12-05",
    )  # fmt: skip
    page = (tmp_path / "reports" / CAIZHENG / "index.md").read_text(encoding="utf-8")
    assert "### 已撤下的问题 {#retired}" in page
    gone = sorted({str(r["finding_id"]) for r in before} - {str(r["finding_id"]) for r in _rows(ORIGINAL)})
    for fid in gone:
        assert page.count(f'<div class="retired-finding" id="{fid}">') == 1, fid
    assert "原为错误 · 标题、截至日期或正文中的年度与报告年度不符 · 2026-12-05 撤下" in page
    # the old message, escaped as report text is everywhere (it quotes the report)
    assert "原说明：本报告为2024年度部门决算，截至日期却写“截至2023年12月31日”（2023年）。" in page
    # the retired section comes after the live notes and before the statutory tables
    assert page.index("{#findings}") < page.index("{#retired}") < page.index("{#tables")


def test_an_id_given_again_is_live_again(replaced) -> None:  # type: ignore[no-untyped-def]
    """Retired by the corrected report, then the erroneous version is back (an agency re-uploads it):
    its notes are live under their old ids and leave the retired list."""
    before, after = replaced
    retired = retire(Previous(findings=before), after, "2026-12-05")
    back = retire(Previous(findings=after, retired=retired), before, "2026-12-06")
    assert {r["finding_id"] for r in back} == {r["finding_id"] for r in after} - {
        r["finding_id"] for r in before
    }
    assert all(r["retired_on"] == "2026-12-06" for r in back)


def test_a_chain_of_replacements_points_at_the_live_note() -> None:
    """f-b657b4 was replaced by f-f2b9b7; were f-f2b9b7 replaced in its turn, f-b657b4 points at the
    newest (synthetic third id: no real build has replaced f-f2b9b7)."""
    published = json.loads((PUBLISHED / "findings.json").read_text(encoding="utf-8"))
    old = next(r for r in published if r["finding_id"] == "f-b657b4")
    step1 = retire(Previous(findings=[old]), [old | {"finding_id": "f-f2b9b7"}], "2026-12-05")
    assert [(r["finding_id"], r["successor"]) for r in step1] == [("f-b657b4", "f-f2b9b7")]
    step2 = retire(
        Previous(findings=[old | {"finding_id": "f-f2b9b7"}], retired=step1),
        [old | {"finding_id": "f-0a0b0c"}],
        "2026-12-06",
    )
    assert [(r["finding_id"], r["successor"], r["retired_on"]) for r in step2] == [
        ("f-b657b4", "f-0a0b0c", "2026-12-05"),
        ("f-f2b9b7", "f-0a0b0c", "2026-12-06"),
    ]
    # and a successor withdrawn without a successor: the old id points at its stub, which still stands
    step3 = retire(
        Previous(findings=[], retired=step1 + [step1[0] | {"finding_id": "f-f2b9b7", "successor": None}]),
        [],
        "x",
    )
    assert [(r["finding_id"], r["successor"]) for r in step3] == [
        ("f-b657b4", "f-f2b9b7"),
        ("f-f2b9b7", None),
    ]


def test_notes_without_values_never_get_a_successor() -> None:
    """A note stating neither claimed nor expected (completeness.no_tables: three reports of 9d4646a's
    publication) is not identified by its values: equal emptiness names no successor; its quote does."""
    published = json.loads((PUBLISHED / "findings.json").read_text(encoding="utf-8"))
    empty = [r for r in published if not r.get("claimed") and not r.get("expected")]
    assert {r["rule"] for r in empty} == {"completeness.no_tables"} and len(empty) == 3
    r = empty[0]
    # another note of the rule, on another sentence: no values, no quote in common
    out = retire(Previous(findings=[r]), [r | {"finding_id": "f-abcdef", "quote": "另一处"}], "2026-12-05")
    assert [(o["finding_id"], o["successor"]) for o in out] == [(r["finding_id"], None)]
    # the same note under a new id, quoting the same words: its successor
    out = retire(Previous(findings=[r]), [r | {"finding_id": "f-abcdef"}], "2026-12-05")
    assert [(o["finding_id"], o["successor"]) for o in out] == [(r["finding_id"], "f-abcdef")]


def test_an_untrusted_previous_file_cannot_reach_the_page(tmp_path: Path) -> None:
    """The previous files come from the live site (fetched in CI): a row whose ids are not of our shape is
    dropped with a warning, a value of another type is taken as absent, and text is escaped like report text."""
    published = json.loads((PUBLISHED / "findings.json").read_text(encoding="utf-8"))
    row = next(r for r in published if r["report_id"] == CAIZHENG)
    rows = [
        row | {"finding_id": "f-1a2b3c", "claimed": "<b>0</b>", "quote": "<img src=x onerror=alert(4)>",
               "message": "<script>alert(1)</script>[x](javascript:alert(2))", "severity": ["error"]},
        row | {"finding_id": 'f-1a2b3c" onmouseover="alert(3)'},
        row | {"finding_id": "f-4d5e6f", "report_id": "../../etc"},
        row | {"finding_id": "f-4d5e6f", "report_id": "2024/" + "x" * 300},  # no file name that long
        "not a row",
    ]  # fmt: skip
    (tmp_path / "findings.json").write_text(json.dumps(rows), encoding="utf-8")
    previous, warnings = load_previous(tmp_path)
    assert [r["finding_id"] for r in previous.findings] == ["f-1a2b3c"] and previous.retired == []
    assert previous.findings[0]["severity"] is None
    assert len(warnings) == 1 and "4 行缺少合法的编号" in warnings[0]
    from generator.render import ASSETS
    from generator.render.site import write_site

    out = tmp_path / "out"
    write_site(
        [load_report(ORIGINAL, cache=None)],
        [],
        out,
        ASSETS,
        "https://example.org/",
        {},
        previous,
        "2026-12-05",
    )
    page = (out / "reports" / CAIZHENG / "index.md").read_text(encoding="utf-8")
    assert '<div class="retired-finding" id="f-1a2b3c">' in page
    assert "<script>" not in page and "onmouseover" not in page and "<img" not in page
    assert "原说明：&#60;script&#62;alert&#40;1&#41;&#60;/script&#62;" in page
    assert "](javascript:" not in page


def test_a_previous_file_that_cannot_be_read_stops_the_build(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Building on without it would forget every id it carried (retired.json holds them only there), and the
    published site stays as it is: an error, one line, before any report is read."""
    for name, body in (("findings.json", b"\xff\xfe not utf-8"), ("retired.json", b"{not json"), ("retired.json", b"[NaN]"),
                       ("findings.json", b'{"a": 1}')):  # fmt: skip
        folder = tmp_path / f"{name}-{len(body)}"
        folder.mkdir()
        (folder / "findings.json").write_text("[]", encoding="utf-8")
        (folder / name).write_bytes(body)
        with pytest.raises(PreviousError, match=name):
            load_previous(folder)
        status, _ = _build(tmp_path / f"b-{name}-{len(body)}", folder)
        err = capsys.readouterr().err
        assert status == 2 and "错误 " in err and name in err and "Traceback" not in err, err


def test_build_goes_on_when_the_previous_folder_is_missing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    status, content = _build(tmp_path / "a", tmp_path / "nowhere")
    assert status == 0 and (content / "data" / "retired.json").read_text(encoding="utf-8") == "[]\n"
    err = capsys.readouterr().err
    assert "注意 " in err and "nowhere: 目录不存在" in err and "Traceback" not in err


def test_the_previous_files_are_part_of_the_build_fingerprint(tmp_path: Path) -> None:
    """A warm rebuild is skipped when nothing it reads changed: the previous files are read."""
    reports = ROOT / "data" / "reports"
    paths = sorted(p for p in reports.iterdir() if p.is_file())
    a = tmp_path / "a"
    a.mkdir()
    shutil.copy(PUBLISHED / "findings.json", a / "findings.json")
    fp = input_fingerprint(ROOT, reports, paths, None, None, a)
    assert fp != input_fingerprint(ROOT, reports, paths, None, None, None)
    (a / "retired.json").write_text("[]\n", encoding="utf-8")
    assert fp != input_fingerprint(ROOT, reports, paths, None, None, a)


def test_cli_takes_the_previous_folder() -> None:
    from generator.cli import parser

    args = parser().parse_args(["build", "--previous", str(PUBLISHED), "--no-mkdocs"])
    assert args.previous == str(PUBLISHED)


def test_the_findings_page_counts_the_retired_ids(after_9d4646a: Path) -> None:
    page = (after_9d4646a / "findings" / "index.md").read_text(encoding="utf-8")
    assert "本站此前发布的问题中，有 17 个已由新编号取代或已撤下" in page
    assert "(../data/index.md#retired)" in page


def test_a_removed_report_keeps_a_page_with_its_anchors(tmp_path: Path) -> None:
    """001's file taken out of data/reports/: its address gets a page saying so, holding an anchor for
    every note 9d4646a published on it (all of them withdrawn: no report, no successor)."""
    reports = tmp_path / "reports"
    reports.mkdir()
    for p in (ROOT / "data" / "reports").iterdir():
        if p.is_file() and not p.name.startswith("001_"):
            shutil.copy(p, reports / p.name)
    status, content = _build(tmp_path / "b", PUBLISHED, reports)
    assert status == 0
    published = json.loads((PUBLISHED / "findings.json").read_text(encoding="utf-8"))
    lanxian = "2024/lan-xian-chuang-ye-jiu-ye-fu-wu-zhong-xin"
    ids = sorted(r["finding_id"] for r in published if r["report_id"] == lanxian)
    assert len(ids) == 29
    retired = json.loads((content / "data" / "retired.json").read_text(encoding="utf-8"))
    assert sorted(r["finding_id"] for r in retired if r["report_id"] == lanxian) == ids
    assert all(r["successor"] is None for r in retired if r["report_id"] == lanxian)
    page = (content / "reports" / lanxian / "index.md").read_text(encoding="utf-8")
    assert page.startswith('---\ntitle: "岚县创业就业服务中心 2024年度决算（已不在本站）"')
    assert "本站已不再发布这份报告" in page and page.count("这份报告已不在本站。") == len(ids)
    assert [i for i in ids if f'<div class="retired-finding" id="{i}">' in page] == ids
    # not listed among the reports
    assert lanxian not in (content / "reports" / "index.md").read_text(encoding="utf-8")


def test_a_carried_row_keeps_only_what_has_the_shape_of_ours(tmp_path: Path) -> None:
    """retired.json comes from the live site too: a date that is not a date, or a successor that is not
    an id, is not carried (the build's date, no successor)."""
    published = json.loads((PUBLISHED / "findings.json").read_text(encoding="utf-8"))
    old = next(r for r in published if r["finding_id"] == "f-b657b4")
    rows = [old | {"retired_on": "<b>1999</b>", "successor": "javascript:alert(1)"}]
    (tmp_path / "findings.json").write_text("[]", encoding="utf-8")
    (tmp_path / "retired.json").write_text(json.dumps(rows), encoding="utf-8")
    previous, warnings = load_previous(tmp_path)
    assert warnings == []
    (row,) = retire(previous, [], "2026-12-05")
    assert (row["finding_id"], row["retired_on"], row["successor"]) == ("f-b657b4", "2026-12-05", None)


LANXIAN = "2024/lan-xian-chuang-ye-jiu-ye-fu-wu-zhong-xin"


def test_two_notes_on_one_row_are_paired_one_to_one() -> None:
    """001's 20801 row (129.68 本年支出, 112.17 基本支出) carries two sum.subtotal notes quoting the same row. Were
    both renamed and only the 129.68 one given again, the 112.17 one must not point at it: it states other
    values (the pair found by the twentieth session's review of this feature)."""
    published = json.loads((PUBLISHED / "findings.json").read_text(encoding="utf-8"))
    a, b = (next(r for r in published if r["finding_id"] == i) for i in ("f-5aaba4", "f-b25e48"))
    assert a["quote"] == b["quote"] and (a["claimed"], b["claimed"]) == ("129.68", "112.17")
    out = retire(Previous(findings=[a, b]), [a | {"finding_id": "f-0c0c0c"}], "2026-12-05")
    assert [(r["finding_id"], r["successor"]) for r in out] == [("f-5aaba4", "f-0c0c0c"), ("f-b25e48", None)]
    # both given again under new ids: each to its own, by quote and values
    out = retire(
        Previous(findings=[a, b]), [a | {"finding_id": "f-0c0c0c"}, b | {"finding_id": "f-0d0d0d"}], "x"
    )
    assert [(r["finding_id"], r["successor"]) for r in out] == [
        ("f-5aaba4", "f-0c0c0c"),
        ("f-b25e48", "f-0d0d0d"),
    ]
    # a note whose row now has two notes, neither stating its values, is not paired on values found elsewhere
    other = a | {"finding_id": "f-0e0e0e", "quote": "另一行", "claimed": "112.17", "expected": "112.16"}
    twins = [a | {"finding_id": "f-0c0c0c"}, a | {"finding_id": "f-0c0c0d", "expected": "129.66"}]
    out = retire(Previous(findings=[b]), [*twins, other], "x")
    assert [(r["finding_id"], r["successor"]) for r in out] == [("f-b25e48", None)]


def test_why_a_note_went_is_told_by_the_report_file(replaced) -> None:  # type: ignore[no-untyped-def]
    from generator.history import OnSite

    before, after = replaced
    # the 财政局 test copy then the published original: another file for the same report
    assert {
        r["reason"]
        for r in retire(
            Previous(findings=before), after, "x", {CAIZHENG: OnSite("0" * 64, "上海市普陀区财政局", 2024)}
        )
    } == {"report_updated"}
    # the same file, read again by other rules: one of the original's notes renamed
    sha = str(after[0]["source_sha256"])
    renamed = [after[0] | {"finding_id": "f-0f0f0f", "quote": "别处", "claimed": "另一个数"}]
    (row,) = retire(
        Previous(findings=after[:1]), renamed, "x", {CAIZHENG: OnSite(sha, "上海市普陀区财政局", 2024)}
    )
    assert (row["reason"], row["successor"]) == ("rules_revised", None)
    # the report gone from the site
    (row,) = retire(Previous(findings=after[:1]), [], "x", {})
    assert row["reason"] == "report_removed"
    # a publication that recorded no files (9d4646a's): cannot be told
    published = json.loads((PUBLISHED / "findings.json").read_text(encoding="utf-8"))
    assert all("source_sha256" not in r for r in published)
    old = next(r for r in published if r["finding_id"] == "f-b657b4")
    (row,) = retire(Previous(findings=[old]), [], "x", {R003: OnSite(sha, None, None)})
    assert row["reason"] == ""


def test_a_chain_that_goes_round_or_nowhere_points_nowhere() -> None:
    published = json.loads((PUBLISHED / "findings.json").read_text(encoding="utf-8"))
    old = next(r for r in published if r["finding_id"] == "f-b657b4")
    a, b = old | {"successor": "f-bbbbbb"}, old | {"finding_id": "f-bbbbbb", "successor": "f-b657b4"}
    dangling = old | {"finding_id": "f-cccccc", "successor": "f-dddddd"}  # f-dddddd: on no page
    out = retire(Previous(retired=[a, b, dangling]), [], "x")
    assert [(r["finding_id"], r["successor"]) for r in out] == [
        ("f-b657b4", None),
        ("f-bbbbbb", None),
        ("f-cccccc", None),
    ]


def test_a_report_whose_address_changed_says_where_it_is_now(tmp_path: Path) -> None:
    """003 published under another id (as if its agency had been read as "乌鲁木齐市人社局" first): the old address
    says where the report is now, and each note still given there links to the same note at the new address."""
    published = json.loads((PUBLISHED / "findings.json").read_text(encoding="utf-8"))
    old_id = "2024/wu-lu-mu-qi-shi-ren-she-ju"
    rows = [r | {"report_id": old_id} for r in published if r["report_id"] == R003]
    folder = tmp_path / "published"
    folder.mkdir()
    (folder / "findings.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    status, content = _build(tmp_path / "b", folder)
    assert status == 0
    page = (content / "reports" / old_id / "index.md").read_text(encoding="utf-8")
    assert page.startswith('---\ntitle: "乌鲁木齐市人力资源和社会保障局 2024年度决算（已改网址）"')
    assert (
        '<a href="../wu-lu-mu-qi-shi-ren-li-zi-yuan-he-she-hui-bao-zhang-ju/">乌鲁木齐市人力资源和社会保障局 2024年度决算</a>'
        in page
    )
    live = {
        r["finding_id"] for r in json.loads((content / "data" / "findings.json").read_text(encoding="utf-8"))
    }
    kept = [r["finding_id"] for r in rows if r["finding_id"] in live]
    assert len(kept) == len(rows) - 1  # all but f-b657b4, renamed since
    for fid in kept:
        assert f'后续见 <a href="../wu-lu-mu-qi-shi-ren-li-zi-yuan-he-she-hui-bao-zhang-ju/#{fid}">' in page
    assert page.count("这份报告换了网址，这个问题在新网址上仍然成立（编号不变）。") == len(kept)
    assert page.count("起移到新网址") == len(kept) and "这份报告已不在本站" not in page
    # f-b657b4, renamed since: its successor f-f2b9b7 stands at the new address
    assert '后续见 <a href="../wu-lu-mu-qi-shi-ren-li-zi-yuan-he-she-hui-bao-zhang-ju/#f-f2b9b7">' in page
    retired = {
        r["finding_id"]: r
        for r in json.loads((content / "data" / "retired.json").read_text(encoding="utf-8"))
    }
    assert {r["reason"] for i, r in retired.items() if i != "f-b657b4"} == {"report_moved"}
    assert retired["f-b657b4"]["successor"] == "f-f2b9b7" and retired["f-b657b4"]["moved_to"] == R003
    # none of them counts as replaced or withdrawn but the renamed one
    assert "有 1 个已由新编号取代或已撤下" in (content / "findings" / "index.md").read_text(encoding="utf-8")


def test_a_removed_unit_report_is_not_said_to_have_moved_to_its_department(replaced) -> None:  # type: ignore[no-untyped-def]
    """A 单位决算 beside its 部门决算 has the id "<id>-unit"; removed, it must not be announced as moved to the
    部门决算, another document that had its own address before (found by the second review of this feature)."""
    from generator.history import OnSite

    before, after = replaced
    unit = [r | {"report_id": CAIZHENG + "-unit"} for r in before]  # the test copy's rows, another file
    sites = {CAIZHENG: OnSite(str(after[0]["source_sha256"]), "上海市普陀区财政局", 2024)}
    rows = retire(Previous(findings=[*unit, *after]), after, "x", sites)
    assert {r["reason"] for r in rows} == {"report_removed"} and not any(r["moved_to"] for r in rows)
    # the same file under a new id is a move, whatever its name: 财政局's rows published as "-unit", its file live
    moved = [r | {"report_id": CAIZHENG + "-unit"} for r in after]
    rows = retire(Previous(findings=moved), after, "x", sites)
    assert {(r["reason"], r["moved_to"]) for r in rows} == {("report_moved", CAIZHENG)}


def test_every_front_matter_parses_even_with_control_characters(tmp_path: Path) -> None:
    """A character YAML cannot hold (a C1 control, "\\x90") in an agency's name made the front matter fail to parse,
    and MkDocs then rendered it as Markdown, a javascript: link included (found by the review of this feature).
    yaml_str drops such characters; every generated page's front matter must parse."""
    import yaml

    published = json.loads((PUBLISHED / "findings.json").read_text(encoding="utf-8"))
    row = next(r for r in published if r["report_id"] == R003) | {
        "report_id": "2024/zz-gone",
        "agency": "某局\x90 [点击查看原文](javascript:alert(document.domain))",
    }
    folder = tmp_path / "published"
    folder.mkdir()
    (folder / "findings.json").write_text(json.dumps([row]), encoding="utf-8")
    status, content = _build(tmp_path / "b", folder)
    assert status == 0
    for md in content.rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            meta = yaml.safe_load(text.split("---\n", 2)[1])
            assert isinstance(meta, dict) and "title" in meta, md
    meta = yaml.safe_load(
        (content / "reports" / "2024" / "zz-gone" / "index.md").read_text().split("---\n", 2)[1]
    )
    assert "\x90" not in meta["title"] and meta["title"].startswith("某局 [点击查看原文]")
