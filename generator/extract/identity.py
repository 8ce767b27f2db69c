"""Who and when: document kind, agency, year, scope, region, and the report's stable id."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache

from generator.errors import NotAReportError
from generator.model import Document

_PLACEHOLDER = re.compile(r"[XＸ]\s?[XＸ]|××|某某|\*\*局")
_TITLE = re.compile(r"(?P<year>20\d{2})\s*年度?\s*(?P<kind>部门|单位)?\s*(?P<doc>决算|预算)")


_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "O": "0"}
_CN_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=\s*年)")


# a table's own title and the year under it ("单位整体支出绩效自评表" / "（2024年度）"): a workbook's first sheet may hold them
# (not the title of the tables' part, "中共上海市普陀区委社会工作部2024年度部门决算表": it names the agency)
_TABLE_TITLE = re.compile(r"^(?!.*年度)[^。，；：:]{2,40}表$|^[（(]\s*20\d{2}\s*年度?\s*[)）]$")


def title_text(doc: Document, n: int = 6) -> str:
    """The title's blocks as one text, a year written in Chinese numerals ("二〇二四年度") in digits: the first ``n``
    blocks of running text (a 目录 laid out as a table before the title is no part of it, nor a table's own title)."""
    running = (b.text for b in doc.blocks if b.table is None and not _TABLE_TITLE.match(b.text.strip()))
    texts = [t for t in itertools.islice(running, n) if not re.match(r"^(?:附件\s*\d*[:：]?|目\s*录)$", t)]
    return _CN_YEAR.sub(lambda m: "".join(_CN_DIGITS[c] for c in m.group()), "".join(texts))


def check_kind(doc: Document) -> None:
    """Refuse budgets, templates and unrelated documents with the reason in one line."""
    text = doc.text
    head = title_text(doc, 8)
    finals, budgets = text.count("决算"), text.count("预算")
    if "预算" in head and "决算" not in head and finals < 5:
        raise NotAReportError(
            doc.path, "这是预算报告，不是决算报告 (not a final-accounts report: a budget, 预算)"
        )
    if finals < 5 or not re.search(r"收入支出决算|决算情况说明|决算表|决算公开", text):
        raise NotAReportError(
            doc.path, "未发现决算报告的内容 (not a final-accounts report: no 决算 tables or 情况说明 found)"
        )
    if budgets > 3 * finals and "决算" not in head:
        raise NotAReportError(
            doc.path, "这是预算报告，不是决算报告 (not a final-accounts report: a budget, 预算)"
        )
    if len(several := reports_in(doc)) > 1:
        raise NotAReportError(
            doc.path,
            f"文件包含多份决算报告（{'、'.join(several)}），请拆分为每份一个文件 "
            f"(several reports in one file: {len(several)})",
        )
    if len(_PLACEHOLDER.findall(text)) >= 8 or _PLACEHOLDER.search(head):
        raise NotAReportError(
            doc.path,
            "这是决算公开模板（含占位符），不是已发布的报告 (not a final-accounts report: a template with placeholders)",
        )


# a report's own cover title, as a second report in the same file opens ("上海市普陀区财政局 / 2024年度部门决算 / 目录")
_COVER = re.compile(
    r"(?P<name>[^\s：:，。、\d（()）]{3,40}?)\s*(?P<scope>[（(](?:汇总|本级)[)）])?\s*20\d{2}\s*年度?\s*(?:部门|单位)决算"
)
# …or with its year first ("2023年度" / "市就业服务中心部门决算" / "目录")
_COVER_YEAR_FIRST = re.compile(
    r"20\d{2}\s*年度?\s*(?P<name>[^\s：:，。、\d（()）]{3,40}?)\s*(?P<scope>[（(](?:汇总|本级)[)）])?\s*(?:部门|单位)决算"
)
_PART_ONE = re.compile(r"^第一部分\s*(?P<name>[^\s，。、：:\d]{3,40}?)\s*概况")
_NO_NAME = {"部门", "单位", "本部门", "本单位", "部门单位", "单位部门"}


def _title_line(line: str) -> bool:
    """A line a cover's title may be made of: short, no list or sentence punctuation, no table's name."""
    return len(line) <= 40 and not re.search(r"[《》、。，；：:]|表$", line) and not _PLACEHOLDER.search(line)


def _cover_name(title: list[str]) -> str | None:
    m = _COVER.search("".join(title)) or _COVER_YEAR_FIRST.search("".join(title))
    if m is None:
        return None
    # "X局（汇总）" and "X局（本级）": the department's two reports, one file each
    return m.group("name") + (m.group("scope") or "").replace("(", "（").replace(")", "）")


def reports_in(doc: Document) -> list[str]:
    """The agencies whose reports the file holds, as their covers name them: the file's first lines, and the lines
    before each 目录 or 第一部分 heading (a report with no 目录: "昌吉回族自治州公共就业服务中心2024年度部门决算" / "公开说明" /
    "第一部分 单位概况"; a title wrapped over lines, "上海市普陀区规划和自然" / "资源局" / "2024年度部门决算"; not a list's last
    line before them, "九、《财政拨款“三公”经费支出决算表》"). Names one within another ("财政局", "上海市普陀区财政局")
    are one. (A 第一部分 heading may name the agency shorter, "第一部分 规划资源局概况": no second report.)"""
    running = [b.text.strip() for b in doc.blocks if b.table is None]
    found: list[str] = []
    head = []
    for line in running[:4]:
        if not _title_line(line) or re.fullmatch(r"目\s*录", line):
            break
        head.append(line)
    names = [_cover_name(head)]
    for i, text in enumerate(running):
        if i and (re.fullmatch(r"目\s*录", text) or text.startswith("第一部分")):
            title: list[str] = []
            for line in reversed(running[max(0, i - 4) : i]):
                if not _title_line(line):
                    break
                title.insert(0, line)
            names.append(_cover_name(title))
    for name in names:
        if not name or name in _NO_NAME:
            continue
        name = re.sub(r"^(?:附件\s*\d*[:：]?)", "", name)
        if not any(_same_agency(name, f) for f in found):
            found.append(name)
    return found


def _part_one_name(doc: Document) -> str | None:
    """The agency the first "第一部分……概况" heading names (a report without its cover)."""
    for b in doc.blocks:
        if b.table is None and (m := _PART_ONE.match(b.text.strip())) and m.group("name") not in _NO_NAME:
            return m.group("name")
    return None


def _same_agency(a: str, b: str) -> bool:
    """One name within the other ("财政局", "上海市普陀区财政局"), or written shorter, the scopes (汇总, 本级) alike
    where both say one."""
    scopes = [m.group(0) for x in (a, b) if (m := re.search(r"（(?:汇总|本级)）$", x))]
    if len(scopes) == 2 and scopes[0] != scopes[1]:
        return False
    a, b = (re.sub(r"（(?:汇总|本级)）$", "", x) for x in (a, b))
    if a in b or b in a:
        return True
    # a name written shorter ("上海市普陀区规划资源局" for "……规划和自然资源局", "人社局" for "人力资源和社会保障局"): the
    # shorter's characters in the longer's order, the same last one
    short, long_ = sorted((a, b), key=len)
    rest = iter(long_)
    return short[-1:] == long_[-1:] and all(ch in rest for ch in short)


def find_year(doc: Document) -> int | None:
    m = _TITLE.search(title_text(doc, 10))
    if m:
        return int(m.group("year"))
    years = Counter(int(y) for y in re.findall(r"(20\d{2})\s*年度", doc.text))
    return years.most_common(1)[0][0] if years else None


# what a statutory table's title names, never an agency ("收入支出决算总表" read as "收入支出"), and the unit its head
# line names ("部门名称：岚县创业就业服务中心", "编制单位：……")
_TABLE_WORDS = re.compile(r"收入|支出|决算表|总表|三公")
_TABLE_HEAD_NAME = re.compile(
    r"(?:部门名称|单位名称|编制单位)\s*[：:]\s*(?P<name>[^\s：:，。、\d]{3,40}?)(?=\s|\d|金额|单位[：:]|$)",
    re.M,
)
# a title naming the unit by its level alone ("市就业服务中心", "县……", "地区……", "盟……")
_LEVEL_ONLY = re.compile(r"^(?:地区|[市县区州盟旗])")
_SUFFIX = re.compile(r"[(（](汇总|本级|单位|部门)[)）]")


def find_agency(doc: Document, year: int | None) -> tuple[str, bool]:
    """The agency as the title names it, and whether the title marks it as consolidated (汇总)."""
    head = title_text(doc, 6)
    m = re.search(r"(?P<name>[^\s：:，。]{2,60}?)\s*(?:20\d{2}\s*年度?)?\s*(?:部门|单位)?决算", head)
    name = m.group("name") if m else ""
    name = re.sub(r"^(?:20\d{2}\s*年度?)|年度$", "", name)
    if not name or len(name) < 3:
        # Titles like "2024年度 / 上海市普陀区财政局部门决算" or names on a line of their own.
        m2 = re.search(r"(?:20\d{2}\s*年度?)?(?P<name>[^\s\d]{3,40}?)(?:部门|单位)决算", head)
        name = m2.group("name") if m2 else ""
    name = re.sub(r"^(?:附件\s*\d*[:：]?)|^年度|^第[一二三四五六七八九十]+部分(?=.{3})", "", name).strip()
    if re.search(r"第[一二三四五六七八九十]+部分|概况|目\s*录|、", name) and (named := _part_one_name(doc)):
        # no cover: the first blocks are the 目录 or the 第一部分's ("第一部分上海市普陀区财政局概况一、主要职能二、……决算"),
        # whose heading names the agency
        name = named
    if (not name or _TABLE_WORDS.search(name)) and (head_line := _TABLE_HEAD_NAME.search(doc.text)):
        # no cover before the tables (a workbook whose first sheet holds them): "部门名称：岚县创业就业服务中心"
        name = head_line.group("name")
    consolidated = bool(re.search(r"[(（]汇总[)）]", name))
    name = _SUFFIX.sub("", name).strip()
    if (level := _LEVEL_ONLY.match(name)) and len(name) > level.end() + 1:
        # "市就业服务中心": the place is named in the body ("怀化市就业服务中心贯彻落实…"), at the same level
        word, rest = level.group(), name[level.end() :]
        for m3 in re.finditer(rf"([\u4e00-\u9fff]{{1,12}}?{word}){re.escape(rest)}", doc.text):
            place = m3.group(1)
            # "第一部分县" is no place ("县" alone is in no division's name); "怀化市", "湘西土家族苗族自治州" are
            for cut in range(len(place) - len(word)):
                own = place[cut : len(place) - len(word)]
                if any(isinstance(d, str) and d.startswith(own) for d in _divisions(place[cut:])):
                    name = place[cut:] + rest
                    break
            else:
                continue
            break
    return name, consolidated


def find_scope(doc: Document, consolidated: bool) -> str:
    text = doc.text
    head = text[:20000]
    # "单位构成包括：就业服务中心单位本级。": one name, its own office (not "包括：A、B、X局机关本级。", a list that ends with it)
    only_own = re.search(r"构成包括[：:][^。；、，,]{0,30}本级[。；]", head) and "下属" not in head
    says_consolidated = consolidated or re.search(
        r"部门决算包括|决算单位构成|纳入.{0,10}部门决算编制范围|汇总", head
    )
    if says_consolidated and not only_own and not re.search(r"无下属(预算)?单位|没有下属(预算)?单位", head):
        return "department"
    return "unit"


@lru_cache(maxsize=1)
def _cpca():  # type: ignore[no-untyped-def]
    import cpca  # 0.5.5 matches with ahocorasick; it no longer uses jieba

    return cpca


def _divisions(text: str) -> tuple[str | None, str | None, str | None]:
    """(省, 市, 区) as ``cpca.transform([text])`` gives them, without the one-row DataFrame it
    builds around them (~2 ms a call, and pandas to import in each worker)."""
    cpca = _cpca()
    one = getattr(cpca, "_get_one_addr", None)
    if one is None:  # pragma: no cover - another cpca: its public API
        df = cpca.transform([text])
        return tuple(df.iloc[0][c] for c in ("省", "市", "区"))  # type: ignore[return-value]
    record = one(text, False, {})
    return record["省"], record["市"], record["区"]


def find_region(agency: str, doc: Document) -> dict[str, str | None]:
    """Province / prefecture / county from the agency name, else from the report's first pages.

    The reference is cpca's table of administrative divisions (national standard codes).
    """
    candidates = [agency] + [b.text for b in doc.blocks[:80] if b.table is None][:80]
    for text in candidates:
        province, city, county = _divisions(text[:200])
        clean = [None if not isinstance(v, str) or not v else v for v in (province, city, county)]
        if clean[0]:
            if clean[1] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                clean[1] = None
            return {"province": clean[0], "prefecture": clean[1], "county": clean[2]}
    return {"province": None, "prefecture": None, "county": None}


def slug(agency: str) -> str:
    from pypinyin import lazy_pinyin

    parts = lazy_pinyin(agency, errors=lambda chars: list(chars))  # type: ignore[arg-type,return-value]
    text = "-".join(p for p in parts if p)
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return re.sub(r"-{2,}", "-", text)[:80].strip("-") or "report"


def report_id(agency: str, year: int | None) -> str:
    return f"{year or 'unknown'}/{slug(agency)}"


def _title_kind(report) -> str | None:  # type: ignore[no-untyped-def]
    if report.document is None:
        return None
    m = re.search(r"(部门|单位)决算", title_text(report.document, 8))
    return m.group(1) if m else None


def _titled_own(report) -> bool:  # type: ignore[no-untyped-def]
    """Whether the report's title marks it as the office's own: "X局（本级）2024年度部门决算"."""
    return (
        report.document is not None
        and re.search(r"[（(]本级[）)]", title_text(report.document, 8)) is not None
    )


def resolve_duplicates(reports: list, problems: list) -> list:  # type: ignore[type-arg]
    """Two files that give the same id (same agency and year) cannot both own its URL.

    A consolidated 部门决算 and the agency's own 单位决算 are two reports: the unit one gets the
    suffix ``-unit``. Two files of the same report (a PDF and its Word copy, a scan of a text PDF)
    keep the one that states the most figures (text before OCR, then path order); the other is
    listed as an ingest problem naming the file it duplicates.
    """
    from generator.pipeline import Problem

    def richness(r) -> tuple:  # type: ignore[no-untyped-def,type-arg]
        stated = sum(1 for v in r.metrics.values() if v is not None)
        ocr = bool(r.document and r.document.ocr_pages)
        return (ocr, -stated, r.source["path"])

    by_id: dict[str, list] = {}  # type: ignore[type-arg]
    for r in reports:
        by_id.setdefault(r.id, []).append(r)
    kept = []
    for rid, group in sorted(by_id.items()):
        # Titled "部门决算" and "单位决算": two documents; so are a consolidated report and the office's own titled
        # "X局（本级）…部门决算" (as Xinjiang titles every report). Anything else: copies of one report (a scan of a
        # report may read its scope otherwise).
        scopes = {r.scope for r in group}
        kinds: dict[str, list] = {}  # type: ignore[type-arg]
        for r in group:
            own = len(scopes) > 1 and r.scope == "unit" and _titled_own(r)
            kinds.setdefault("单位" if own else _title_kind(r) or "部门", []).append(r)
        for kind, same in sorted(kinds.items()):
            same.sort(key=richness)
            winner = same[0]
            if kind == "单位" and len(kinds) > 1:
                winner.id = f"{rid}-unit"
            kept.append(winner)
            for other in same[1:]:
                problems.append(
                    Problem(
                        other.source["path"],
                        f"与 {winner.source['path']} 是同一份报告（同一单位和年度），已跳过 (duplicate report)",
                        "duplicate",
                    )
                )
    return sorted(kept, key=lambda r: (r.id, r.source["path"]))
