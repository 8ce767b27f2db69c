"""A pdfplumber-shaped page read with PDFium (pypdfium2): the fast path of the PDF reader.

pdfplumber spends ~85% of its time in pdfminer's pure-Python content-stream parser. PDFium parses
the same streams in C++; this module reads what the PDF reader needs from it—characters, ruling
lines and image boxes—as the same dicts pdfplumber builds (top-left origin, PDF points), so that
pdfplumber's own algorithms (``TableFinder``, ``Table.extract``, ``extract_words``) run on them
unchanged. Only the object model is replaced, never the layout logic.

How each pdfminer/pdfplumber object is reproduced:

- chars: PDFium's text page, in content order, without the spaces and line breaks PDFium
  generates itself (``FPDFText_IsGenerated``). The box is PDFium's *loose* box: the advance
  width, and the full font size tall from the font's descent, which is pdfminer's box whenever
  the font's ascent − descent is 1000 units (the usual case; otherwise ``top`` moves a little,
  never the x positions). A glyph without a Unicode mapping becomes ``(cid:N)`` like pdfminer's
  (PDFium reports the character code as its Unicode value and flags it).
- edges: path objects split into subpaths at each move-to, then classified as pdfminer's
  ``paint_path`` does: a line (``ml``/``mlh``), a rectangle (a closed axis-aligned four-point
  loop), otherwise a curve through the segments' end points; then pdfplumber's
  ``line_to_edge``/``rect_to_edges``/``curve_to_edges``. Form XObjects are walked with their
  matrices.
- images: the bounding boxes of image objects (also inside forms).

Coordinates follow pdfplumber's convention for an unrotated page: ``x`` as in PDF user space,
``top = H − y`` with ``H`` the MediaBox height. Rotated pages are not handled here; the reader
sends them through pdfplumber.
"""

from __future__ import annotations

import ctypes
from bisect import bisect_left
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pr
from pdfplumber import utils
from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables

_TEXT, _PATH, _IMAGE, _FORM = (
    pr.FPDF_PAGEOBJ_TEXT,
    pr.FPDF_PAGEOBJ_PATH,
    pr.FPDF_PAGEOBJ_IMAGE,
    pr.FPDF_PAGEOBJ_FORM,
)
_MOVETO, _BEZIER = pr.FPDF_SEGMENT_MOVETO, pr.FPDF_SEGMENT_BEZIERTO
_DEFAULT_TABLES = TableSettings.resolve(None)

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class PdfiumOpenError(Exception):
    """PDFium could not open the file; ``encrypted`` says whether a password is the reason."""

    def __init__(self, encrypted: bool, detail: str) -> None:
        super().__init__(detail)
        self.encrypted = encrypted


def open_document(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = pr.FPDF_GetLastError()
        encrypted = code in (pr.FPDF_ERR_PASSWORD, pr.FPDF_ERR_SECURITY)
        raise PdfiumOpenError(encrypted, str(exc)) from None


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n (row-vector convention, as PDF: p' = p·m·n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


class PdfiumPage:
    """The part of ``pdfplumber.Page`` that the PDF reader and pdfplumber's table finder use."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        self._page = page
        x0, y0, x1, y1 = page.get_mediabox()
        self.rotation = page.get_rotation() % 360
        self.mediabox_height = y1 - y0
        self.bbox = (x0, 0.0, x1, y1 - y0)
        self.width = x1 - x0
        self.height = y1 - y0
        self._loaded: tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]] | None = None
        self._forward = self._counted = 0  # characters read left to right upright, of all read

    # ------------------------------------------------------------------ objects

    @property
    def chars(self) -> list[dict[str, Any]]:
        return (self._loaded or self._load())[0]

    @property
    def edges(self) -> list[dict[str, Any]]:
        return (self._loaded or self._load())[1]

    @property
    def images(self) -> list[dict[str, Any]]:
        return (self._loaded or self._load())[2]

    def upright_text(self) -> bool:
        """Whether most of the page's characters read left to right, upright, on the unturned page (not upside down:
        pdfminer's "upright" takes a glyph turned 180° for one)."""
        if self._loaded is None:
            self._load()
        return self._forward * 2 >= max(self._counted, 1) and self._counted > 0

    def flush_cache(self) -> None:
        self._loaded = None

    def close(self) -> None:
        self.flush_cache()
        self._page.close()

    # ------------------------------------------------------------------ pdfplumber API

    def extract_words(self, **kwargs: Any) -> list[dict[str, Any]]:
        return utils.extract_words(self.chars, **kwargs)

    def find_tables(self) -> list[Table]:
        """``pdfplumber.Page.find_tables()`` with the default settings ("lines" strategies)."""
        if not self.edges:
            return []  # no ruling lines: the finder can find no cell
        tables = _find_tables(self)
        if not tables:
            return []
        # Table.extract filters page.chars once per row; hand each table only the characters
        # whose centre is inside it (a superset of every row's), in page order: same result.
        chars = self.chars
        out: list[Table] = []
        for cells in tables:
            x0, top = min(c[0] for c in cells), min(c[1] for c in cells)
            x1, bottom = max(c[2] for c in cells), max(c[3] for c in cells)
            inside = [
                c
                for c in chars
                if x0 <= (c["x0"] + c["x1"]) / 2 < x1 and top <= (c["top"] + c["bottom"]) / 2 < bottom
            ]
            out.append(_Table(_Chars(inside), cells))  # type: ignore[arg-type]
        return out

    # ------------------------------------------------------------------ reading

    def _load(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
        """Read chars, edges and images in one pass over the page (one text page)."""
        textpage = pr.FPDFText_LoadPage(self._page.raw)
        if not textpage:
            raise pdfium.PdfiumError("Failed to load text page")
        try:
            chars, seen = self._chars_of(textpage)
            edges, images = self._graphics_of(seen, chars)
        finally:
            pr.FPDFText_ClosePage(textpage)
        self._loaded = (chars, edges, images)
        return self._loaded

    def _chars_of(self, tp: Any) -> tuple[list[dict[str, Any]], dict[int, tuple[bool, float, float]]]:
        """The characters, and the text objects they come from (handle → (upright, descent,
        size) in page units)."""
        objects: dict[int, tuple[bool, float, float]] = {}
        n = pr.FPDFText_CountChars(tp)
        if n <= 0:
            return [], objects
        buf = ctypes.create_string_buffer((n + 1) * 2)
        got = pr.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
        text = buf.raw[: max(got - 1, 0) * 2].decode("utf-16-le", errors="replace")
        if len(text) != n:  # characters outside the BMP: one code point per index instead
            text = "".join(chr(pr.FPDFText_GetUnicode(tp, i)) for i in range(n))
        fn = _fast()
        page = ctypes.c_void_p(ctypes.cast(tp, ctypes.c_void_p).value)
        h = self.mediabox_height
        rect = pr.FS_RECTF()
        rect_p = ctypes.byref(rect)
        ox, oy = ctypes.c_double(), ctypes.c_double()
        ox_p, oy_p = ctypes.byref(ox), ctypes.byref(oy)
        text_object, loose, origin = fn.text_object, fn.loose_box, fn.origin
        generated, map_error = fn.generated, fn.map_error
        fonts: dict[int, float] = {}  # font handle → descent per unit of font size
        matrix = pr.FS_MATRIX()
        matrix_p = ctypes.byref(matrix)
        overlay: dict[int, str] = {}  # text object → "angled", "light" or "" (see _overlay)
        forward: dict[int, int] = {}  # text object → 1 when it reads left to right, upright
        self._forward = self._counted = 0
        kinds: list[str] = []  # each character's object's
        out: list[dict[str, Any]] = []
        append = out.append
        for i, ch in enumerate(text):
            if ch.isspace() or ch in "\x00\ufffe":
                if ch in "\r\n\x00\ufffe" or generated(page, i) == 1:
                    continue
            elif map_error(page, i) == 1:
                ch = f"(cid:{ord(ch)})"
            obj = text_object(page, i)
            font = objects.get(obj)
            if font is None:
                # once an object: its metrics, whether it is laid over, its turn
                fn.char_matrix(page, i, matrix_p)
                a, b, d = matrix.a, matrix.b, matrix.d
                font = objects[obj] = _font_metrics(fn, page, i, obj, fonts, (a, b, matrix.c, d))
                overlay[obj] = _overlay(fn, obj, a, b)
                forward[obj] = int(a > 0 and d > 0 and abs(b) <= 0.02 * a)
            kinds.append(overlay[obj])
            self._forward += forward[obj]
            self._counted += 1
            upright, descent, size = font
            loose(page, i, rect_p)
            if upright:
                # pdfminer's box: from the font's descent below the baseline up by the font size
                # (PDFium's loose box runs from the descent to the ascent, or is the glyph's box).
                origin(page, i, ox_p, oy_p)
                bottom = h - (oy.value + descent)
            else:
                bottom = h - rect.bottom
            top = bottom - size
            append(
                {
                    "text": ch,
                    "x0": rect.left,
                    "x1": rect.right,
                    "top": top,
                    "bottom": bottom,
                    "doctop": top,
                    "upright": upright,
                }
            )
        scanned = "hidden" in kinds and self._image_share() >= 0.3
        return self._inside_crop(_without_overlay(out, kinds, scanned)), objects

    def _image_share(self) -> float:
        """How much of the page its images cover (a scan's page image: most of it), an image drawn in a form by the
        form's bounds."""
        fn = _fast()
        page = ctypes.cast(self._page.raw, ctypes.c_void_p).value
        area = 0.0
        for i in range(fn.count_objects(page)):
            obj = fn.page_object(page, i)
            if fn.object_type(obj) != _IMAGE and not (fn.object_type(obj) == _FORM and _holds_image(fn, obj)):
                continue
            box = [ctypes.c_float() for _ in range(4)]
            pr.FPDFPageObj_GetBounds(ctypes.cast(obj, pr.FPDF_PAGEOBJECT), *(ctypes.byref(v) for v in box))
            left, bottom, right, top = (v.value for v in box)
            area += max(0.0, right - left) * max(0.0, top - bottom)
        return area / max(self.width * self.height, 1.0)

    def _inside_crop(self, chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The characters a viewer shows: inside the page's CropBox (a printer's slug outside it is not the report's),
        its corners in either order, within the MediaBox. A box that would leave nothing is no crop a viewer shows."""
        mx0, my0, mx1, my1 = self._page.get_mediabox()
        cx0, cy0, cx1, cy1 = self._page.get_cropbox()
        cx0, cx1, cy0, cy1 = min(cx0, cx1), max(cx0, cx1), min(cy0, cy1), max(cy0, cy1)
        cx0, cy0 = max(cx0, min(mx0, mx1)), max(cy0, min(my0, my1))
        cx1, cy1 = min(cx1, max(mx0, mx1)), min(cy1, max(my0, my1))
        if (cx0, cy0, cx1, cy1) == (min(mx0, mx1), min(my0, my1), max(mx0, mx1), max(my0, my1)):
            return chars
        h = self.mediabox_height
        inside = [
            c
            for c in chars
            if cx0 - 1 <= (c["x0"] + c["x1"]) / 2 <= cx1 + 1
            and cy0 - 1 <= h - (c["top"] + c["bottom"]) / 2 <= cy1 + 1
        ]
        return inside if inside or not chars else chars

    def _graphics_of(
        self, seen: dict[int, Any], chars: list[dict[str, Any]]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        lines: list[dict[str, Any]] = []
        rects: list[dict[str, Any]] = []
        curves: list[dict[str, Any]] = []
        images: list[dict[str, Any]] = []
        fn = _fast()
        page = ctypes.cast(self._page.raw, ctypes.c_void_p).value
        objs = [fn.page_object(page, i) for i in range(fn.count_objects(page))]
        self._walk(seen, objs, _IDENTITY, lines, rects, curves, images, chars)
        edges = (
            [utils.line_to_edge(x) for x in lines]
            + list(chain.from_iterable(utils.rect_to_edges(x) for x in rects))
            + list(chain.from_iterable(utils.curve_to_edges(x) for x in curves))
        )
        return edges, images

    def _walk(
        self,
        seen: dict[int, Any],
        objs: list[Any],
        outer: Matrix,
        lines: list[dict[str, Any]],
        rects: list[dict[str, Any]],
        curves: list[dict[str, Any]],
        images: list[dict[str, Any]],
        chars: list[dict[str, Any]],
    ) -> None:
        fn = _fast()
        matrix = pr.FS_MATRIX()
        matrix_p = ctypes.byref(matrix)
        for obj in objs:
            kind = fn.object_type(obj)
            if kind == _TEXT:
                # PDFium leaves text objects of only spaces out of its text page; pdfminer has
                # their characters, which end words.
                if obj not in seen:
                    space = self._lone_space(obj, outer)
                    if space is not None:
                        chars.append(space)
            elif kind == _PATH:
                fn.object_matrix(obj, matrix_p)
                m = _mul((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
                for sub in _subpaths(fn, obj, m):
                    self._classify(sub, lines, rects, curves)
            elif kind == _IMAGE:
                images.append(self._image_box(obj, outer))
            elif kind == _FORM:
                fn.object_matrix(obj, matrix_p)
                m = _mul((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
                children = [fn.form_object(obj, i) for i in range(fn.form_count(obj))]
                self._walk(seen, children, m, lines, rects, curves, images, chars)

    def _lone_space(self, obj: Any, outer: Matrix) -> dict[str, Any] | None:
        """A space for a text object PDFium's text page left out (see ``_walk``): one character
        at the object's origin, 0.25 em wide (only its position matters: it ends a word)."""
        obj = ctypes.cast(obj, pr.FPDF_PAGEOBJECT)
        font = pr.FPDFTextObj_GetFont(obj)
        size = ctypes.c_float(0.0)
        if not font or not pr.FPDFTextObj_GetFontSize(obj, ctypes.byref(size)) or size.value <= 0:
            return None
        matrix = pr.FS_MATRIX()
        pr.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix))
        a, b, c, d, e, f = _mul((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        if not (a * d > 0 and b * c <= 0):
            return None
        descent = ctypes.c_float(0.0)
        pr.FPDFFont_GetDescent(font, size, ctypes.byref(descent))
        bottom = self.mediabox_height - (f + descent.value * d)
        top = bottom - size.value * d
        return {
            "text": " ",
            "x0": e,
            "x1": e + 0.25 * size.value * a,
            "top": top,
            "bottom": bottom,
            "doctop": top,
            "upright": True,
        }

    def _image_box(self, obj: Any, outer: Matrix) -> dict[str, Any]:
        obj = ctypes.cast(obj, pr.FPDF_PAGEOBJECT)
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        pr.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top)))
        a, b, c, d, e, f = outer
        xs, ys = [], []
        for x, y in (
            (left.value, bottom.value),
            (right.value, top.value),
            (left.value, top.value),
            (right.value, bottom.value),
        ):
            xs.append(a * x + c * y + e)
            ys.append(b * x + d * y + f)
        h = self.mediabox_height
        return {
            "object_type": "image",
            "x0": min(xs),
            "x1": max(xs),
            "top": h - max(ys),
            "bottom": h - min(ys),
        }

    def _classify(
        self,
        sub: tuple[str, list[tuple[float, float]]],
        lines: list[dict[str, Any]],
        rects: list[dict[str, Any]],
        curves: list[dict[str, Any]],
    ) -> None:
        """pdfminer's ``PDFLayoutAnalyzer.paint_path`` for one subpath (points in PDF space)."""
        shape, pts = sub
        if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
            shape = shape[:-2] + "h"
            pts = pts[:-1]
        h = self.mediabox_height
        if shape in ("mlh", "ml"):
            (x0, y0), (x1, y1) = pts[0], pts[1]
            lines.append(_box("line", min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), h))
            return
        if shape in ("mlllh", "mllll"):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            closed = pts[0] == pts[4]
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
            )
            if closed and square:
                rects.append(_box("rect", min(x0, x2), min(y0, y2), max(x0, x2), max(y0, y2), h))
                return
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        curve = _box("curve", min(xs), min(ys), max(xs), max(ys), h)
        curve["pts"] = [(x, h - y) for x, y in pts]
        curves.append(curve)


def _box(kind: str, x0: float, y0: float, x1: float, y1: float, h: float) -> dict[str, Any]:
    return {
        "object_type": kind,
        "x0": x0,
        "x1": x1,
        "y0": y0,
        "y1": y1,
        "top": h - y1,
        "bottom": h - y0,
        "doctop": h - y1,
        "width": x1 - x0,
        "height": y1 - y0,
    }


def _subpaths(fn: _Fast, obj: int, m: Matrix) -> list[tuple[str, list[tuple[float, float]]]]:
    """The subpaths of a path object as (pdfminer shape string, end points in page space).

    PDFium stores ``h`` as a close flag on the last point (adding a line back to the start when
    the path is not already there), ``re`` as move + four lines, closed; a Bézier curve as three
    points, of which pdfminer keeps the end point.
    """
    n = fn.count_segments(obj)
    a, b, c, d, e, f = m
    x, y = ctypes.c_float(), ctypes.c_float()
    xp, yp = ctypes.byref(x), ctypes.byref(y)
    segment, segment_type, segment_point, segment_close = (
        fn.segment,
        fn.segment_type,
        fn.segment_point,
        fn.segment_close,
    )
    out: list[tuple[str, list[tuple[float, float]]]] = []
    shape: list[str] = []
    pts: list[tuple[float, float]] = []
    bezier = 0
    for i in range(n):
        seg = segment(obj, i)
        kind = segment_type(seg)
        segment_point(seg, xp, yp)
        px, py = x.value, y.value
        point = (a * px + c * py + e, b * px + d * py + f)
        if kind == _MOVETO:
            if shape:
                out.append(("".join(shape), pts))
            shape, pts, bezier = ["m"], [point], 0
            continue
        if not shape:  # a path not starting with m: pdfminer ignores it
            continue
        if kind == _BEZIER:
            bezier += 1
            if bezier % 3:
                continue  # control points
            shape.append("c")
        else:
            shape.append("l")
        pts.append(point)
        if segment_close(seg):
            # PDFium closes a subpath on a point equal to its start (adding a line back to it
            # when needed): pdfminer's "…h", which is how it reads "…l(start) h" too.
            if shape[-1] == "l":
                shape[-1] = "h"
            else:
                shape.append("h")
                pts.append(pts[0])
    if shape:
        out.append(("".join(shape), pts))
    return out


def _holds_image(fn: _Fast, form: Any, depth: int = 0) -> bool:
    """Whether a form XObject draws an image, in it or in a form it holds."""
    for i in range(fn.form_count(form)):
        child = fn.form_object(form, i)
        kind = fn.object_type(child)
        if kind == _IMAGE or (kind == _FORM and depth < 4 and _holds_image(fn, child, depth + 1)):
            return True
    return False


# a baseline turned more than this is laid over the page (a diagonal watermark at 10°–60°, a seal's ring); an OCR
# layer's lines follow the scan's skew, a degree or two
_ANGLED = 0.087  # tan 5°


_RGBA = [ctypes.c_uint() for _ in range(4)]
_RGBA_P = [ctypes.byref(v) for v in _RGBA]


def _overlay(fn: _Fast, obj: int | None, a: float, b: float) -> str:
    """Whether a character's text object is laid over the page rather than part of it:
    - "hidden": drawn invisible (a hidden line; or a scan's recognised text, whatever its skew);
    - "angled" / "angled red": a baseline turned more than 5° and less than 85° (a diagonal watermark "仅供公开查阅",
      a seal's ring of characters, red);
    - "watermark": marked a watermark artifact;
    - "light": filled grey (not white: a heading on a dark band) or translucent (a watermark if large: see
      ``_without_overlay``);
    - "red": upright and seal red (a seal's middle characters, dropped only inside a seal's ring);
    - "" otherwise."""
    if obj and fn.render_mode(obj) == pr.FPDF_TEXTRENDERMODE_INVISIBLE:
        return "hidden"
    a, b = abs(a), abs(b)  # the baseline's direction (a shear, as of an oblique font, moves c)
    angled = a > _ANGLED * b and b > _ANGLED * a
    if not obj:
        return "angled" if angled else ""
    red = light = False
    if fn.fill_color(obj, *_RGBA_P):
        r, g, bl, alpha = (v.value for v in _RGBA)
        low, high = min(r, g, bl), max(r, g, bl)
        red = r >= 160 and g <= 90 and bl <= 90
        light = (low >= 150 and high <= 235 and high - low < 30) or alpha < 200
    if angled:
        return "angled red" if red else "angled"
    if not fn.count_marks(obj):
        return "light" if light else "red" if red else ""
    handle = ctypes.cast(obj, pr.FPDF_PAGEOBJECT)
    for m in range(pr.FPDFPageObj_CountMarks(handle)):
        if _mark_name(pr.FPDFPageObj_GetMark(handle, m)) == "Artifact" and "Watermark" in _mark_subtype(
            pr.FPDFPageObj_GetMark(handle, m)
        ):
            return "watermark"
    return "light" if light else "red" if red else ""


def _mark_name(mark: Any) -> str:
    size = ctypes.c_ulong()
    if not mark or not pr.FPDFPageObjMark_GetName(mark, None, 0, ctypes.byref(size)) or size.value <= 2:
        return ""
    buf = ctypes.create_string_buffer(size.value)
    pr.FPDFPageObjMark_GetName(
        mark, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), size.value, ctypes.byref(size)
    )
    return buf.raw[: size.value - 2].decode("utf-16-le", errors="replace")


def _mark_subtype(mark: Any) -> str:
    size = ctypes.c_ulong()
    if (
        not pr.FPDFPageObjMark_GetParamStringValue(mark, b"Subtype", None, 0, ctypes.byref(size))
        or size.value <= 2
    ):
        return ""
    buf = ctypes.create_string_buffer(size.value)
    pr.FPDFPageObjMark_GetParamStringValue(
        mark, b"Subtype", ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), size.value, ctypes.byref(size)
    )
    return buf.raw[: size.value - 2].decode("utf-16-le", errors="replace")


def _without_overlay(
    chars: list[dict[str, Any]], kinds: list[str], scanned: bool = False
) -> list[dict[str, Any]]:
    """The page's characters without those laid over it (``_overlay``), when the page has text of its own to read:
    angled ones beside any upright character, watermark artifacts, light ones set a quarter larger than the page's text or on
    a page of a few words (a watermark's size or a cover's, not a grey figure in a table), and red ones inside a seal's ring. Invisible ones are read only
    over a page image, drawn on the page or in a form (a scan's recognised text, a page number stamped on it)."""
    if not any(kinds):
        return chars
    if "hidden" in kinds and not scanned:
        kept = [(c, k) for c, k in zip(chars, kinds, strict=True) if k != "hidden"]
        chars, kinds = [c for c, _ in kept], [k for _, k in kept]
    plain = [c for c, k in zip(chars, kinds, strict=True) if k in ("", "hidden", "red")]
    if not plain:
        return chars
    upright = any(c["upright"] for c in plain)
    sizes = sorted(c["bottom"] - c["top"] for c in plain)
    usual = sizes[len(sizes) // 2]
    ring = [c for c, k in zip(chars, kinds, strict=True) if k == "angled red"]
    if ring:  # the seal's ring, widened by a fifth: its middle characters are inside
        x0, x1 = min(c["x0"] for c in ring), max(c["x1"] for c in ring)
        top, bottom = min(c["top"] for c in ring), max(c["bottom"] for c in ring)
        dx, dy = (x1 - x0) / 5, (bottom - top) / 5
        x0, x1, top, bottom = x0 - dx, x1 + dx, top - dy, bottom + dy

    def keep(c: dict[str, Any], k: str) -> bool:
        if k in ("", "hidden"):
            return True
        if k == "red":
            return not ring or not (
                x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom
            )
        if k.startswith("angled"):
            return not upright
        if k == "light":
            # set larger than the page's text; on a page of a few words (a cover, its title large) any light text
            return len(plain) >= 60 and c["bottom"] - c["top"] < 1.25 * usual
        return False  # a watermark artifact

    return [c for c, k in zip(chars, kinds, strict=True) if keep(c, k)]


def _font_metrics(
    fn: _Fast,
    tp: ctypes.c_void_p,
    index: int,
    obj: int | None,
    fonts: dict[int, float],
    abcd: tuple[float, float, float, float],
) -> tuple[bool, float, float]:
    """(upright, descent below the baseline, font size), in page units, for a character's text
    object (its matrix's ``abcd``): pdfminer's ``LTChar`` box is ``descent … descent + size`` in text space."""
    a, b, c, d = abcd
    upright = a * d > 0 and b * c <= 0
    font_size = fn.font_size(tp, index)
    font = fn.text_font(obj) if obj else None
    if font not in fonts:
        descent = ctypes.c_float(0.0)
        if font:
            fn.font_descent(font, ctypes.c_float(1000.0), ctypes.byref(descent))
        fonts[font or 0] = descent.value / 1000.0
    scale = d if upright else (a * a + b * b) ** 0.5
    return upright, fonts[font or 0] * font_size * scale, font_size * scale


class _Fast:
    """Own prototypes of the per-character calls, on a separate handle of the PDFium library:
    pointers as ``c_void_p``, integer results, no per-call argument conversion (about half
    the cost of pypdfium2's generated bindings, which matters at ~10 calls per character)."""

    def __init__(self) -> None:
        lib = ctypes.CDLL(_library_path())
        V, Int = ctypes.c_void_p, ctypes.c_int
        self.text_object = self._proto(lib, "FPDFText_GetTextObject", V)
        self.loose_box = self._proto(lib, "FPDFText_GetLooseCharBox", Int)
        self.origin = self._proto(lib, "FPDFText_GetCharOrigin", Int)
        self.generated = self._proto(lib, "FPDFText_IsGenerated", Int)
        self.map_error = self._proto(lib, "FPDFText_HasUnicodeMapError", Int)
        self.char_matrix = self._proto(lib, "FPDFText_GetMatrix", Int)
        self.font_size = self._proto(lib, "FPDFText_GetFontSize", ctypes.c_double)
        self.text_font = self._proto(lib, "FPDFTextObj_GetFont", V, V)
        self.font_descent = self._proto(lib, "FPDFFont_GetDescent", Int, V, ctypes.c_float, V)
        # a text object's render mode, fill colour and marks (_overlay, once an object)
        self.render_mode = self._proto(lib, "FPDFTextObj_GetTextRenderMode", Int, V)
        self.fill_color = self._proto(lib, "FPDFPageObj_GetFillColor", Int, V, V, V, V, V)
        self.count_marks = self._proto(lib, "FPDFPageObj_CountMarks", Int, V)
        # Page objects and path segments as plain integer handles.
        self.count_objects = self._proto(lib, "FPDFPage_CountObjects", Int, V)
        self.page_object = self._proto(lib, "FPDFPage_GetObject", V, V, Int)
        self.form_count = self._proto(lib, "FPDFFormObj_CountObjects", Int, V)
        self.form_object = self._proto(lib, "FPDFFormObj_GetObject", V, V, ctypes.c_ulong)
        self.object_type = self._proto(lib, "FPDFPageObj_GetType", Int, V)
        self.object_matrix = self._proto(lib, "FPDFPageObj_GetMatrix", Int, V, V)
        self.count_segments = self._proto(lib, "FPDFPath_CountSegments", Int, V)
        self.segment = self._proto(lib, "FPDFPath_GetPathSegment", V, V, Int)
        self.segment_type = self._proto(lib, "FPDFPathSegment_GetType", Int, V)
        self.segment_point = self._proto(lib, "FPDFPathSegment_GetPoint", Int, V, V, V)
        self.segment_close = self._proto(lib, "FPDFPathSegment_GetClose", Int, V)

    @staticmethod
    def _proto(lib: ctypes.CDLL, name: str, restype: Any, *argtypes: Any) -> Any:
        fn = getattr(lib, name)
        fn.restype = restype
        # No argtypes: the per-character calls pass (c_void_p, int, byref(...)) only.
        fn.argtypes = argtypes or None
        return fn


_FAST: _Fast | None = None


def _library_path() -> str:
    """The PDFium shared library pypdfium2 loaded (dlopen gives the same, initialised handle)."""
    import pypdfium2_raw
    import pypdfium2_raw.bindings as bindings

    loaded = getattr(bindings, "_libs", {}).get("pdfium")
    if loaded is not None and getattr(loaded, "_name", None):
        return str(loaded._name)
    folder = Path(pypdfium2_raw.__file__).parent
    return str(
        next(
            p
            for p in sorted(folder.iterdir())
            if "pdfium" in p.name and p.suffix in (".so", ".dylib", ".dll")
        )
    )


def _fast() -> _Fast:
    global _FAST
    if _FAST is None:
        _FAST = _Fast()
    return _FAST


def _find_tables(page: PdfiumPage) -> list[list[tuple[float, float, float, float]]]:
    """``TableFinder(page).tables`` (default settings) as lists of cells, with two of its steps
    rewritten to run in less than quadratic Python time; same inputs, same tests, same order:

    - ``edges_to_intersections``: pdfplumber re-sorts the horizontal edges for every vertical
      one; here they are sorted once.
    - ``intersections_to_cells``: pdfplumber rebuilds the sets of edge boxes at both points for
      every pair it tests and scans all later points for those below and right of each point;
      here the sets are built once per point and the points grouped by x and by y.
    """
    settings = _DEFAULT_TABLES
    finder = TableFinder.__new__(TableFinder)
    finder.page = page  # type: ignore[assignment]
    finder.settings = settings
    edges = finder.get_edges()
    intersections = _edges_to_intersections(
        edges, settings.intersection_x_tolerance, settings.intersection_y_tolerance
    )
    return cells_to_tables(_intersections_to_cells(intersections))


def _edges_to_intersections(
    edges: list[dict[str, Any]], x_tolerance: float, y_tolerance: float
) -> dict[Any, Any]:
    intersections: dict[tuple[float, float], dict[str, list[dict[str, Any]]]] = {}
    v_edges = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    h_edges = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    for v in v_edges:
        v_x, v_top, v_bottom = v["x0"], v["top"], v["bottom"]
        for h in h_edges:
            h_top = h["top"]
            if (
                (v_top <= (h_top + y_tolerance))
                and (v_bottom >= (h_top - y_tolerance))
                and (v_x >= (h["x0"] - x_tolerance))
                and (v_x <= (h["x1"] + x_tolerance))
            ):
                vertex = (v_x, h_top)
                if vertex not in intersections:
                    intersections[vertex] = {"v": [], "h": []}
                intersections[vertex]["v"].append(v)
                intersections[vertex]["h"].append(h)
    return intersections


def _intersections_to_cells(intersections: dict[Any, Any]) -> list[tuple[float, float, float, float]]:
    bbox = itemgetter("x0", "top", "x1", "bottom")
    v_sets = {p: {bbox(e) for e in d["v"]} for p, d in intersections.items()}
    h_sets = {p: {bbox(e) for e in d["h"]} for p, d in intersections.items()}

    def edge_connects(p1: tuple[float, float], p2: tuple[float, float]) -> bool:
        if p1[0] == p2[0] and not v_sets[p1].isdisjoint(v_sets[p2]):
            return True
        return p1[1] == p2[1] and not h_sets[p1].isdisjoint(h_sets[p2])

    points = sorted(intersections)
    by_x: dict[float, list[tuple[float, float]]] = {}
    by_y: dict[float, list[tuple[float, float]]] = {}
    for pt in points:  # in sorted order: by_x lists go down, by_y lists go right
        by_x.setdefault(pt[0], []).append(pt)
        by_y.setdefault(pt[1], []).append(pt)
    position = {pt: (by_x[pt[0]].index(pt), by_y[pt[1]].index(pt)) for pt in points}
    cells = []
    for i, pt in enumerate(points):
        if i == len(points) - 1:
            break
        at_x, at_y = position[pt]
        below = by_x[pt[0]][at_x + 1 :]
        right = by_y[pt[1]][at_y + 1 :]
        found = None
        for below_pt in below:
            if not edge_connects(pt, below_pt):
                continue
            for right_pt in right:
                if not edge_connects(pt, right_pt):
                    continue
                bottom_right = (right_pt[0], below_pt[1])
                if (
                    (bottom_right in intersections)
                    and edge_connects(bottom_right, right_pt)
                    and edge_connects(bottom_right, below_pt)
                ):
                    found = (pt[0], pt[1], bottom_right[0], bottom_right[1])
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


class _Table(Table):
    """``pdfplumber.table.Table`` whose ``extract()`` finds each row's characters by bisection
    on their vertical centres instead of testing every character of the page for every row.
    The tests are pdfplumber's own (centre in ``[x0, x1) × [top, bottom)``, cells in page
    order), so the result is the same."""

    def extract(self, **kwargs: Any) -> list[list[str | None]]:
        chars = self.page.chars
        hmid = [(c["x0"] + c["x1"]) / 2 for c in chars]
        vmid = [(c["top"] + c["bottom"]) / 2 for c in chars]
        order = sorted(range(len(chars)), key=vmid.__getitem__)
        keys = [vmid[i] for i in order]
        table: list[list[str | None]] = []
        for row in self.rows:
            x0, top, x1, bottom = row.bbox
            found = sorted(
                i for i in order[bisect_left(keys, top) : bisect_left(keys, bottom)] if x0 <= hmid[i] < x1
            )
            cells: list[str | None] = []
            for cell in row.cells:
                if cell is None:
                    cells.append(None)
                    continue
                cx0, ctop, cx1, cbottom = cell
                inside = [chars[i] for i in found if cx0 <= hmid[i] < cx1 and ctop <= vmid[i] < cbottom]
                cells.append(utils.extract_text(inside, **kwargs) if inside else "")
            table.append(cells)
        return table


class _Chars:
    """A stand-in page for ``pdfplumber.table.Table``: it only reads ``page.chars``."""

    def __init__(self, chars: list[dict[str, Any]]) -> None:
        self.chars = chars
