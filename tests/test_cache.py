"""The extraction cache (.cache/extract/): a corrupt, truncated, tampered or stale entry is
detected and rebuilt, never trusted; writes are atomic; the key includes the ingest version."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.pipeline import _cache_file, cache_version, cached_document, write_atomic

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "reports" / "000_41e5c2151686b1a5.txt"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    shutil.copyfile(SEED, path)
    return path


def entry_of(cache: Path) -> Path:
    (entry,) = [p for p in cache.rglob("*.json")]
    return entry


def test_second_read_is_a_hit_with_the_same_document(report: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, hit1 = cached_document(report, cache)
    second, hit2 = cached_document(report, cache)
    assert (hit1, hit2) == (False, True)
    assert second.blocks == first.blocks and second.tables == first.tables
    assert entry_of(cache) == _cache_file(cache, first.sha256)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: text[: len(text) // 2], id="truncated"),
        pytest.param(lambda text: "", id="empty"),
        pytest.param(lambda text: "\x00" * 100, id="binary"),
        pytest.param(lambda text: "[1, 2, 3]", id="not-an-object"),
        pytest.param(
            lambda text: json.dumps({"version": cache_version(), "checksum": "x", "document": 5}),
            id="bad-types",
        ),
    ],
)
def test_corrupt_entry_is_rebuilt(report: Path, tmp_path: Path, damage) -> None:
    cache = tmp_path / "cache"
    original, _ = cached_document(report, cache)
    entry = entry_of(cache)
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    doc, hit = cached_document(report, cache)
    assert not hit
    assert doc.blocks == original.blocks
    # the rebuilt entry is valid again
    assert cached_document(report, cache)[1]


def test_tampered_payload_is_not_trusted(report: Path, tmp_path: Path) -> None:
    """Valid JSON whose payload was edited (a figure changed) fails the checksum."""
    cache = tmp_path / "cache"
    cached_document(report, cache)
    entry = entry_of(cache)
    wrapper = json.loads(entry.read_text(encoding="utf-8"))
    assert "869.05" in wrapper["document"]
    wrapper["document"] = wrapper["document"].replace("869.05", "999.99")
    entry.write_text(json.dumps(wrapper, ensure_ascii=False), encoding="utf-8")
    doc, hit = cached_document(report, cache)
    assert not hit
    assert "869.05" in doc.text and "999.99" not in doc.text


def test_entry_of_another_document_is_not_trusted(report: Path, tmp_path: Path) -> None:
    """An entry copied under another document's sha256 (checksum intact) is not used for it."""
    cache = tmp_path / "cache"
    other = tmp_path / "other.txt"
    shutil.copyfile(ROOT / "data" / "reports" / "001_7c4dfcc9575acdfa.txt", other)
    doc_other, _ = cached_document(other, cache)
    doc_report, _ = cached_document(report, cache)
    shutil.copyfile(_cache_file(cache, doc_other.sha256), _cache_file(cache, doc_report.sha256))
    doc, hit = cached_document(report, cache)
    assert not hit and doc.blocks == doc_report.blocks


def test_key_includes_the_ingest_version(report: Path, tmp_path: Path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    cached_document(report, cache)
    wrapper = json.loads(entry_of(cache).read_text(encoding="utf-8"))
    assert wrapper["version"] == cache_version()
    assert cache_version().startswith(pipeline.INGEST_VERSION)
    assert "ingest" in pipeline.INGEST_VERSION
    monkeypatch.setattr(pipeline, "INGEST_VERSION", pipeline.INGEST_VERSION + "-next")
    _, hit = cached_document(report, cache)
    assert not hit
    assert json.loads(entry_of(cache).read_text(encoding="utf-8"))["version"] == cache_version()


def test_interrupted_write_keeps_the_previous_entry(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "ab" / "entry.json"
    write_atomic(target, '{"old": true}')

    def fail(src: str, dst: str) -> None:
        raise KeyboardInterrupt  # the build is interrupted between write and rename

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, '{"new": true}')
    assert target.read_text() == '{"old": true}'
    assert [p.name for p in target.parent.iterdir()] == ["entry.json"]  # no temp file left behind


def test_errors_are_not_cached(tmp_path: Path) -> None:
    from generator.errors import ReportError

    cache = tmp_path / "cache"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    with pytest.raises(ReportError):
        cached_document(bad, cache)
    assert not cache.exists() or not list(cache.rglob("*.json"))
