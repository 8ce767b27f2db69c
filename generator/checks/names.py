"""Names the narrative gives to things the statutory tables name too: the 科目 (类/款/项) of each
explained item, against the 公开05表 row that holds its amount."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from generator.checks import make_finding, rule, running_with
from generator.checks.sums import lines, table_name, total_column
from generator.extract.claims import class_stem
from generator.extract.subjects import LIST_MARK
from generator.model import Finding, Quote, Report

# "5、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位退休人员活动费支出（项）", read across the
# line and page breaks a PDF puts into a long heading.
_HEADING = re.compile(
    rf"(?:{LIST_MARK})?(?P<lei>[\u4e00-\u9fff]{{2,20}})[（(]类[）)]"
    r"(?P<kuan>[\u4e00-\u9fff]{2,24})[（(]款[）)]"
    r"(?P<xiang>[\u4e00-\u9fff]{2,30})[（(]项[）)]"
)
_LEVEL = {"kuan": ("款", 5), "xiang": ("项", 7)}
_ITEM_END = re.compile(r"[（(]项[）)]")
_NUMBERED = re.compile(r"\d+\s*[、.．]")


def heading_quotes(report: Report, amount: Quote) -> list[Quote]:
    """The "N、…（类）…（款）…（项）" heading the amount belongs to, as the text has it: the part in the
    amount's paragraph, and the part in the paragraph before when a PDF line break split it."""
    blocks = report.document.blocks if report.document else []
    first = amount.quote.split("\n", 1)[0]  # a quote may run on into the next paragraph
    for pos, b in enumerate(blocks):
        at = b.text.find(first)
        if at < 0 or b.table is not None:
            continue
        ends = list(_ITEM_END.finditer(b.text, 0, at))
        if not ends:
            return []
        end = ends[-1].end()
        starts = [m.start() for m in _NUMBERED.finditer(b.text, 0, end)]
        start = starts[-1] if starts else 0
        out = [Quote(b.text[start:end], b.page_at(start), amount.section, block=b)]
        prev = blocks[pos - 1] if pos > 0 else None
        if (
            not starts
            and prev is not None
            and prev.table is None
            and re.search(r"[（(][类款][）)]", prev.text)
        ):
            out.insert(0, Quote(prev.text, prev.page, amount.section))
        return out
    return []


@rule(
    "text_table.class_name",
    title="情况说明中的科目名称与报表不一致",
    explanation=(
        "情况说明逐项解释一般公共预算财政拨款支出时，写明“某某（类）某某（款）某某（项）”和该项的支出决算数。"
        "在公开05表同一类下找到决算数相同的唯一一个项级科目，它的项名称和所属款名称应与情况说明所写一致；"
        "名称不同，说明情况说明用了旧科目名、自拟名称或抄错了科目，读者无法据此在报表中找到这一项。"
    ),
    formula="情况说明所写款、项名称 = 公开05表 中决算数相同的项级科目及其所属款的名称",
    tolerance="名称逐字比较（忽略空格）；同一类下决算数相同的项不止一个、或决算数为0时不作判断",
    example="情况说明写“机关事业单位退休人员活动费支出（项）……支出决算为0.88万元”，"
    "公开05表中0.88万元的项是2080599 其他行政事业单位养老支出",
    expected_label="报表中的名称",
)
def class_name(report: Report) -> Iterable[Finding]:
    ls = lines(report, "公开05表")
    if not ls or report.document is None:
        return
    col = total_column(report.tables["公开05表"]["columns"])
    by_code = {ln.code: ln for ln in ls if ln.code}
    classes = {ln.name: ln for ln in ls if ln.code and len(ln.code) == 3}
    text = report.document.text
    seen: set[str] = set()
    for claim in report.budget_claims:
        quote, final = claim.get("quote"), claim.get("final")
        if not isinstance(quote, Quote) or not isinstance(final, Decimal) or final == 0:
            continue
        at = text.find(quote.quote)
        if at < 0:
            continue
        head = re.sub(r"\s+", "", text[max(0, at - 200) : at])
        headings = list(_HEADING.finditer(head))
        if not headings or headings[-1].end() < len(head) - 40:
            continue  # the amount is not the one of the last heading
        named = headings[-1]
        lei = classes.get(named.group("lei"))
        if lei is None or lei.code is None:
            continue
        rows = [
            ln
            for ln in ls
            if ln.code and len(ln.code) == 7 and ln.code.startswith(lei.code) and ln.get(col) == final
        ]
        if len(rows) != 1:
            continue
        row = rows[0]
        code = row.code or ""
        for level, (word, digits) in _LEVEL.items():
            table_row = by_code.get(code[:digits])
            said = named.group(level)
            if table_row is None or class_stem(table_row.name) == class_stem(said) or f"{code}{word}" in seen:
                continue  # "行政事业单位养老（款）" names 行政事业单位养老支出 too
            seen.add(f"{code}{word}")
            yield make_finding(
                "text_table.class_name",
                "warning",
                f"{code} {word}",
                f"情况说明写“{said}（{word}）”，支出决算{final}万元；而{table_name('公开05表')}中"
                f"{lei.name}类下决算数为{final}万元的项是{row.code} {row.name}"
                + (f"，所属款是{table_row.code} {table_row.name}" if word == "款" else "")
                + f"。{word}名称与报表不一致，应为“{table_row.name}”。",
                said,
                table_row.name,
                [*heading_quotes(report, quote), quote, table_row.quote if word == "款" else row.quote],
            )


# "人力资源和社会保障管理事务（款）其他行政事业单位养老支出（项）" — a 款 and the 项 right after it
_KUAN_XIANG = re.compile(
    r"(?P<kuan>[\u4e00-\u9fff]{2,24})[（(]款[）)]\s*其他(?P<rest>[\u4e00-\u9fff]{2,24}?)[（(]项[）)]"
)
_KUAN = re.compile(r"(?P<kuan>[\u4e00-\u9fff]{2,24})[（(]款[）)]")


@rule(
    "repeat.class_parent",
    title="“其他××”项写在了别的款下",
    explanation=(
        "支出功能分类中，名为“其他××支出”的项属于名为“××支出”的款（如2080599其他行政事业单位养老支出属于"
        "20805行政事业单位养老支出）。情况说明把这样的项写在另一个款之下，而同一报告在别处又把“××支出”"
        "作为款写出，同一科目的归属就有两种写法，其中写在别的款下的那一处错了。只在报告自己写出了这个款时判断。"
    ),
    formula="“A（款）其他B（项）”中，若报告另有“B（款）”，则A = B",
    tolerance="名称逐字比较，忽略末尾的“支出”",
    example="“人力资源和社会保障管理事务（款）其他行政事业单位养老支出（项）”，而两行之前写“行政事业单位养老支出（款）”。",
    expected_label="应属的款",
)
def class_parent(report: Report) -> Iterable[Finding]:
    blocks = [
        b for b in (report.document.blocks if report.document else []) if b.table is None and "款" in b.text
    ]
    kuan: dict[str, Quote] = {}
    for b in blocks:
        for m in _KUAN.finditer(b.text):
            kuan.setdefault(class_stem(m["kuan"]), Quote(m.group(0), b.page_at(m.start()), None, block=b))
    for b in blocks:
        for m in _KUAN_XIANG.finditer(b.text):
            parent, own = class_stem(m["kuan"]), class_stem(m["rest"])
            if own == parent or own not in kuan or parent.endswith(own) or own.endswith(parent):
                continue
            yield make_finding(
                "repeat.class_parent",
                "warning",
                f"其他{m['rest']}/{m['kuan']}",
                f"情况说明把“其他{m['rest']}（项）”写在“{m['kuan']}（款）”下；按科目名称它属于“{own}支出”款，"
                f"报告别处也把“{kuan[own].quote}”作为款写出。",
                f"{m['kuan']}（款）",
                f"{kuan[own].quote}",
                [Quote(m.group(0), b.page_at(m.start()), None, block=b), kuan[own]],
            )


# "社会保障和就业支出（类）行政事业单位养老支出（款）": the 类 a 款 is written under. The 款 after "（类）" is found
# first, the 类's name is the run of characters before it (a pattern opening with that run is tried at every position)
_KUAN_AFTER = re.compile(r"[（(]类[）)]\s*(?P<kuan>[\u4e00-\u9fff]{2,24})[（(]款[）)]")
# (a PDF's page number may stand inside the name, "卫生健38康支出": digits only between two characters, then dropped)
_LEI_BEFORE = re.compile(r"[\u4e00-\u9fff](?:[\u4e00-\u9fff]|\d{1,3}(?=[\u4e00-\u9fff])){1,19}$")


def _same_class(a: str, b: str) -> bool:
    """ "1、社会保障和就业支出" is read as "社会保障和就业支出" and "主要用于社会保障和就业支出" too; "卫生健康（类）" is the
    class 卫生健康支出 named without its 支出."""
    a, b = class_stem(a), class_stem(b)
    return a.endswith(b) or b.endswith(a)


@rule(
    "repeat.kuan_class",
    title="同一款写在两个类下",
    explanation=(
        "支出功能分类科目是三级的：每个款只属于一个类（如“行政事业单位养老支出”款属于“社会保障和就业支出”类，"
        "代码20805的前三位208）。情况说明逐项解释支出时写“某某（类）某某（款）某某（项）”；同一份报告里同一个款"
        "写在两个不同的类下，或写在与报表（公开05表、公开03表、公开02表，按科目代码）不同的类下，其中一处的类名错了。"
        "名为“其他支出”的款不比较。"
    ),
    formula="同一款名 → 同一个类（文中各处与报表的科目代码一致）",
    tolerance="名称逐字比较（忽略空格、类名前的序号和类名末尾的“支出”）",
    example="“8、卫生健康支出（类）行政事业单位养老支出（款）……”，而报表中20805 行政事业单位养老支出属于208 社会保障和就业支出",
    expected_label="应属的类",
)
def kuan_class(report: Report) -> Iterable[Finding]:
    said: dict[str, list[tuple[str, Quote]]] = {}
    for _, b in running_with(report, "款"):
        for m in _KUAN_AFTER.finditer(b.text):
            run = _LEI_BEFORE.search(b.text, max(0, m.start() - 20), m.start())
            if run is not None and m["kuan"] != "其他支出":
                quote = Quote(b.text[run.start() : m.end()], b.page_at(run.start()), None, block=b)
                # (a list's "二是" before the 类 is no part of its name)
                name = re.sub(r"\d", "", re.sub(rf"^{LIST_MARK}", "", run.group(0)))
                said.setdefault(m["kuan"], []).append((name, quote))
    if not said:
        return
    classes_said = [(name, q) for places in said.values() for name, q in places]
    table: dict[str, tuple[str, Quote, str]] = {}
    for key in ("公开05表", "公开03表", "公开02表"):
        ls = lines(report, key)
        classes = {ln.code: ln for ln in ls if ln.code and len(ln.code) == 3}
        for ln in ls:
            if ln.code and len(ln.code) == 5 and ln.code[:3] in classes and ln.name in said:
                where = (
                    f"{table_name(key)}中{ln.code} {ln.name}属于{ln.code[:3]} {classes[ln.code[:3]].name}类"
                )
                table.setdefault(ln.name, (classes[ln.code[:3]].name, ln.quote, where))
    for kuan, places in said.items():
        if kuan in table:
            lei, quote, where = table[kuan]
            odd = [(name, q) for name, q in places if not _same_class(name, lei)]
            if odd:
                name, q = odd[0]
                yield make_finding(
                    "repeat.kuan_class",
                    "warning",
                    kuan,
                    f"情况说明把“{kuan}（款）”写在“{name}（类）”下；而{where}。同一款只属于一个类。",
                    name,
                    lei,
                    [q, quote],
                )
            continue
        # "其他社会保障和就业支出（款）" is the 款 of 社会保障和就业支出 where the report names that class
        own = kuan.removeprefix("其他")
        named = next((q for n, q in classes_said if own != kuan and _same_class(n, own)), None)
        odd = [(name, q) for name, q in places if not _same_class(name, own)]
        if named is not None and odd:
            name, q = odd[0]
            yield make_finding(
                "repeat.kuan_class",
                "warning",
                kuan,
                f"情况说明把“{kuan}（款）”写在“{name}（类）”下；按科目名称它属于{own}类"
                f"（报告另写“{named.quote}”），同一款只属于一个类。",
                name,
                own,
                [q, named],
            )
            continue
        groups: list[tuple[str, list[Quote]]] = []
        for name, q in places:
            group = next((g for g in groups if _same_class(g[0], name)), None)
            if group is None:
                groups.append((name, [q]))
            else:
                group[1].append(q)
        if len(groups) < 2:
            continue
        groups.sort(key=lambda g: -len(g[1]))  # the class most places give first; the message names each
        (usual, usual_at), (name, name_at) = groups[0], groups[1]
        yield make_finding(
            "repeat.kuan_class",
            "warning",
            kuan,
            f"情况说明把“{kuan}（款）”写在“{name}（类）”下（{len(name_at)}处），又写在“{usual}（类）”下"
            f"（{len(usual_at)}处）。同一款只属于一个类，其中一处的类名错了。",
            name,
            usual,
            [name_at[0], usual_at[0]],
        )
