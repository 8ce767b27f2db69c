"""The PDFium reader (generator/ingest/pdfium_page.py, issue #6) against the pdfplumber reader.

Both engines run the same layout code (pdfplumber's table finder, ``Table.extract`` and
``extract_words``, then ``group_lines``) on the objects of a page; they differ only in who parses
the content streams. So for every PDF in the repository the reader's output must be the same:
the same items (line texts, table rows and cells, page and table numbers) in the same order.

Where the two engines' objects legitimately differ, and why the items still agree:

- character ``top``/``bottom``: both are pdfminer's box (the font's descent below the baseline,
  up by the font size), but the descent comes from each library's font tables. They agree for
  the embedded fonts of these reports (asserted below to 0.01 pt); for the unembedded standard-14
  fonts pdfminer's AFM metrics and PDFium's built-in ones differ by ~0.2 pt (Helvetica),
  too little to move a character to another line or cell (tolerances are 3 pt).
- character order: PDFium's text page orders a few text objects differently from the content
  stream (e.g. "科目编码" comes out as "编码科目" before sorting). pdfplumber sorts characters by
  position into lines and words, so only the raw ``page.chars`` order differs, not the words.
- whitespace-only text objects: PDFium leaves them out of its text page; the reader puts one
  space back at each such object's origin (its width, 0.25 em, is a guess, which is harmless:
  a space only ends a word). pdfminer has one character per space.
- coordinates are float32 in PDFium and float64 in pdfminer: differences of ~1e-5 pt. In one
  report a few glyphs (金, 款) come out 0.12 pt wider in PDFium (x1 only; the advance PDFium
  takes from the font differs from pdfminer's), far below the 3 pt word gap.

The bad-input PDFs are refused by both engines with the same reason.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from pdfwrite import write_pdf

from generator.errors import IngestError
from generator.ingest import ocr
from generator.ingest import pdf as reader

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
PDFS = sorted(
    [
        *(ROOT / "data" / "reports").glob("*.pdf"),
        *FIXTURES.glob("*.pdf"),
        *(FIXTURES / "budgets").glob("*.pdf"),
        FIXTURES / "bad" / "budget.pdf",
    ]
)
REAL = sorted((ROOT / "data" / "reports").glob("*.pdf"))


def key(item: reader.Item) -> tuple[object, ...]:
    return (item.page, item.text, item.cells, item.table, item.ocr)


@pytest.fixture(autouse=True)
def no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """OCR output is the same for both engines (it reads rendered pixels); keep it out."""
    monkeypatch.setattr(ocr, "available", lambda: False)


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_same_items_as_pdfplumber(path: Path) -> None:
    ref_items, ref_pages = reader.read_pdf(path, engine="pdfplumber")
    items, pages = reader.read_pdf(path, engine="pdfium")
    assert pages == ref_pages
    assert [key(i) for i in items] == [key(i) for i in ref_items]
    # positions: pdfminer's character boxes, reproduced (see the module docstring)
    assert max((abs(a.top - b.top) for a, b in zip(items, ref_items)), default=0.0) < 0.01
    assert sum(bool(i.cells) for i in items) > 0  # these PDFs all have ruled tables


def same_objects(ours: list[dict], theirs: list[dict], group: str, tolerance: float = 0.01) -> bool:
    """The same multiset of objects, pairing each of ours with the nearest of theirs in the same
    group (text or orientation): float32 against float64 rules out exact comparison."""
    if len(ours) != len(theirs):
        return False
    pool: dict[object, list[dict]] = {}
    for t in theirs:
        pool.setdefault(t[group], []).append(t)
    for o in ours:
        candidates = pool.get(o[group]) or []
        if not candidates:
            return False

        distances = [max(abs(o[k] - t[k]) for k in ("x0", "top", "x1", "bottom")) for t in candidates]
        nearest = min(range(len(candidates)), key=distances.__getitem__)
        if distances[nearest] > tolerance:
            return False
        del candidates[nearest]
    return True


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_same_page_objects_as_pdfplumber(path: Path) -> None:
    """Below the items: the ruling edges and the characters (besides whitespace, see the module
    docstring) are the same, with the same boxes, page by page; so are the scan verdicts."""
    import pdfplumber
    import pypdfium2 as pdfium

    from generator.ingest.pdfium_page import PdfiumPage

    doc = pdfium.PdfDocument(str(path))
    with pdfplumber.open(path) as pdf:
        for number, ref in enumerate(pdf.pages, start=1):
            page = PdfiumPage(doc[number - 1])
            try:
                assert same_objects(page.edges, ref.edges, "orientation"), number
                ours = [c for c in page.chars if not c["text"].isspace()]
                theirs = [c for c in ref.chars if not c["text"].isspace()]
                assert same_objects(ours, theirs, "text", tolerance=0.2), number
                assert all(c["upright"] for c in ours) and all(c["upright"] for c in theirs)
                assert len(page.images) == len(ref.images)
                assert reader.text_layer(page) == reader.text_layer(ref)
            finally:
                page.close()
            ref.flush_cache()
    doc.close()


# --------------------------------------------------------------------------- synthetic pages


def make_pdf(path: Path, content: bytes, form: bytes = b"", rotate: int = 0, image: bool = False) -> Path:
    """One page with a Helvetica font, a Form XObject /Fm1 and, optionally, an image /Im1."""
    pixels = zlib.compress(bytes(range(256)) * 16)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate %d /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R /Im1 7 0 R >> >> >>" % rotate,
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 300 300] /Matrix [1 0 0 1 0 0]"
        b" /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 7 0 R >> >> /Length %d >>\nstream\n"
        % len(form)
        + form
        + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(pixels)
        + pixels
        + b"\nendstream",
    ]
    return write_pdf(path, objects)


SHAPES = b"""
BT /F1 12 Tf 72 700 Td (Total 12.5) Tj ET
0.5 w 50 600 m 300 600 l S
50 500 100 50 re S
50 400 m 150 400 l 150 450 l 50 450 l h S
50 300 m 150 300 l 150 350 l 50 350 l 50 300 l h f
200 300 m 250 300 l 250 350 l h S
300 300 m 320 320 340 320 360 300 c 400 300 l S
q 1 0 0 1 10 20 cm 400 100 50 50 re f Q
q 2 0 0 2 0 0 cm 100 50 m 150 50 l S Q
q 1 0 0 1 200 100 cm /Fm1 Do Q
"""
FORM = b"0 0 m 80 0 l S 0 0 60 30 re S BT /F1 8 Tf 5 5 Td (In form) Tj ET"


def test_paths_rects_curves_and_forms_give_pdfplumbers_edges(tmp_path: Path) -> None:
    """Lines, ``re`` and hand-drawn rectangles (closed with ``h`` or an explicit line back),
    a triangle, a Bézier curve, transformed paths and a Form XObject: the same edges."""
    import pdfplumber
    import pypdfium2 as pdfium

    from generator.ingest.pdfium_page import PdfiumPage

    path = make_pdf(tmp_path / "shapes.pdf", SHAPES, FORM)

    def edge(e: dict) -> tuple[object, ...]:
        return (
            e["object_type"],
            str(e["orientation"]),
            *(round(e[k], 3) for k in ("x0", "top", "x1", "bottom")),
        )

    doc = pdfium.PdfDocument(str(path))
    page = PdfiumPage(doc[0])
    with pdfplumber.open(path) as pdf:
        ref = pdf.pages[0]
        assert sorted(map(edge, page.edges)) == sorted(map(edge, ref.edges))
        kinds = sorted(e["object_type"] for e in page.edges)
        # 3 lines; 5 rectangles (2 ``re``, 2 drawn and closed, 1 in the form); triangle + curve
        assert kinds == ["curve_edge"] * 5 + ["line"] * 3 + ["rect_edge"] * 20
        texts = [c["text"] for c in page.chars]
        assert texts == [c["text"] for c in ref.chars]  # the form's text too
        for ours, theirs in zip(page.chars, ref.chars):
            assert ours["x0"] == pytest.approx(theirs["x0"], abs=0.01)
            assert ours["x1"] == pytest.approx(theirs["x1"], abs=0.01)
            assert ours["bottom"] == pytest.approx(theirs["bottom"], abs=0.5)  # standard-14 metrics
    page.close()
    doc.close()


def test_images_and_scan_detection(tmp_path: Path) -> None:
    """An image drawn over most of the page, directly and inside a form: a scan for both."""
    import pdfplumber
    import pypdfium2 as pdfium

    from generator.ingest.pdfium_page import PdfiumPage

    path = make_pdf(
        tmp_path / "scan.pdf", b"q 500 0 0 700 40 60 cm /Im1 Do Q /Fm1 Do", b"q 50 0 0 50 10 10 cm /Im1 Do Q"
    )
    doc = pdfium.PdfDocument(str(path))
    page = PdfiumPage(doc[0])
    with pdfplumber.open(path) as pdf:
        ref = pdf.pages[0]

        def box(i: dict) -> tuple[float, ...]:
            return tuple(round(i[k], 2) for k in ("x0", "top", "x1", "bottom"))

        assert sorted(map(box, page.images)) == sorted(map(box, ref.images))
        assert reader.text_layer(page) == reader.text_layer(ref) == "image"
    page.close()
    doc.close()


def test_lone_space_objects_still_end_words(tmp_path: Path) -> None:
    """A space drawn as a text object of its own, 2.8 pt wide (less than pdfplumber's 3 pt word
    gap): PDFium's text page leaves it out; the reader puts it back, so "1." and "Total" stay
    two words as with pdfplumber."""
    content = (
        b"BT /F1 10 Tf 1 0 0 1 100 650 Tm (1.) Tj ET BT /F1 10 Tf 1 0 0 1 107.78 650 Tm ( ) Tj ET"
        b" BT /F1 10 Tf 1 0 0 1 110.56 650 Tm (Total) Tj ET"
    )
    path = make_pdf(tmp_path / "space.pdf", content)
    ours, _ = reader.read_pdf(path, engine="pdfium")
    ref, _ = reader.read_pdf(path, engine="pdfplumber")
    assert [i.text for i in ours] == [i.text for i in ref] == ["1. Total"]


def test_rotated_page_goes_through_pdfplumber(tmp_path: Path) -> None:
    """A page whose text is drawn turned (a landscape table printed sideways, its /Rotate turning it upright) is read
    through pdfplumber, whose coordinates for turned pages the PDFium reader does not reproduce."""
    turned = b"q 0 1 -1 0 500 100 cm " + SHAPES + b" Q"
    path = make_pdf(tmp_path / "rotated.pdf", turned, FORM, rotate=90)
    ours, _ = reader.read_pdf(path, engine="pdfium")
    ref, _ = reader.read_pdf(path, engine="pdfplumber")
    assert [key(i) for i in ours] == [key(i) for i in ref] and ours


def test_a_page_turned_by_its_rotate_alone_is_read_as_written(tmp_path: Path) -> None:
    """A page whose /Rotate alone turns it, its text upright as written (a viewer's "rotate page", saved), is read
    unturned: pdfplumber, turning it, read its lines column by column (the served-PDF probe, thirty-fourth session)."""
    ours, _ = reader.read_pdf(make_pdf(tmp_path / "turned.pdf", SHAPES, FORM, rotate=90), engine="pdfium")
    plain, _ = reader.read_pdf(make_pdf(tmp_path / "plain.pdf", SHAPES, FORM), engine="pdfium")
    assert [key(i) for i in ours] == [key(i) for i in plain] and ours


def test_engine_switch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "a.pdf", SHAPES, FORM)
    assert reader.engine_name() == "pdfium"
    monkeypatch.setenv(reader.ENGINE_ENV, "pdfplumber")
    assert reader.engine_name() == "pdfplumber"
    calls = []
    monkeypatch.setattr(reader, "_read_pdfplumber", lambda p: calls.append(p) or ([], 0))
    reader.read_pdf(path)
    assert calls == [path]
    with pytest.raises(ValueError):
        reader.engine_name("mupdf")


@pytest.mark.parametrize(
    "name, reason",
    [
        ("encrypted.pdf", "PDF已加密"),
        ("truncated.pdf", "PDF文件损坏或不完整"),
        ("binary.pdf", "不是有效的PDF文件"),
        ("huge_pages.pdf", "页数过多"),
    ],
)
def test_bad_files_refused_alike(name: str, reason: str) -> None:
    path = FIXTURES / "bad" / name
    reasons = []
    for engine in reader.ENGINES:
        with pytest.raises(IngestError) as info:
            reader.read_pdf(path, engine=engine)
        assert reason in info.value.reason and "\n" not in info.value.reason
        reasons.append(info.value.reason.split(" (")[0])
    assert reasons[0] == reasons[1]


def test_image_only_pages_are_recognised_as_scans() -> None:
    """tests/fixtures/bad/image_only.pdf: both engines send both pages to OCR (here: missing)."""
    path = FIXTURES / "bad" / "image_only.pdf"
    for engine in reader.ENGINES:
        with pytest.raises(IngestError) as info:
            reader.read_pdf(path, engine=engine)
        assert "没有可读取的文字" in info.value.reason
