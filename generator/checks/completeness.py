"""completeness.*: statutory tables listed but missing, empty tables without the required statement,
template residue, sentences left unfinished (a share without its figure, a bracket never closed, a
half-year period in an annual report), years in headings or 截至 dates that contradict the report's
year, and names written two ways (the unit's own, another organisation's, a quoted phrase)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import chain, islice
from typing import NamedTuple

from generator.checks import (
    A_YEAR,
    block_at,
    block_starts,
    make_finding,
    page_ref,
    per_report,
    place,
    rule,
    running_text,
    running_with,
)
from generator.checks.sums import statutory, table_name
from generator.extract.claims import CHANGE_BEFORE, metric_named
from generator.extract.narrative import IS, NUM, WAN, in_aside
from generator.extract.subjects import own_name
from generator.extract.tables import STATUTORY, StatutoryTable, identify
from generator.model import Block, Document, Finding, Quote, Report, Severity
from generator.normalize import parse_amount


def _quote(report: Report, block: Block, start: int = 0, end: int | None = None) -> Quote:
    text = block.text[start:end] if end is not None else block.text[start:]
    return Quote(text, block.page_at(start), None, block=block)


def _hits(
    report: Report, pattern: re.Pattern[str], needs: str | re.Pattern[str]
) -> Iterator[tuple[Block, re.Match[str]]]:
    """Every match of ``pattern`` in the report's paragraphs, read only where ``needs`` (a literal, or a
    cheap pattern the match cannot do without) occurs."""
    for b in report.document.blocks if report.document else []:
        if needs in b.text if isinstance(needs, str) else needs.search(b.text):
            for m in pattern.finditer(b.text):
                yield b, m


def _toc(report: Report) -> list[Block]:
    """The 目录 lines: from the heading "目录" to the first heading repeated after it."""
    blocks = report.document.blocks if report.document else []
    for pos, b in enumerate(blocks[:150]):
        if re.fullmatch(r"目\s*录", b.text.strip()):
            out: list[Block] = []
            for nb in blocks[pos + 1 : pos + 70]:
                if nb.table is not None or len(nb.text) > 60 or "。" in nb.text:
                    break
                if out and nb.text == out[0].text:
                    break  # the body starts with the first heading again
                out.append(nb)
            return out
    return []


_TOC_TABLE = re.compile(r"^(?:[一二三四五六七八九十]+、|\d{1,2}\s*[、.．](?!\d))\s*《?(.+?表)》?\s*\d*$")


@rule(
    "completeness.missing_table",
    title="目录所列报表在正文中缺失",
    explanation=(
        "部门决算应公开九张法定报表。目录中列出某张报表，正文中却找不到这张表，说明公开内容不完整。"
        "目录还列出地方模板的其他报表（如“部门决算公开相关信息统计表”）时，正文中应有这张表的表名。"
        "只对正文中含有法定报表的文档检查；正文只写“见附表”、报表另行发布的文档不作判断。"
        "报告没有目录时，正文已有其中五张以上，缺少的每一张也报告。"
    ),
    formula="目录所列的每张法定报表 ∈ 正文中的报表；目录所列的其他报表的表名出现在正文中",
    tolerance="按完整表名匹配（“一般公共预算财政拨款支出决算表”不算“支出决算表”）",
    example="目录列有“三、支出决算表”，正文收入决算表之后直接是财政拨款收入支出决算总表",
    expected_label="应为",
)
def missing_table(report: Report) -> Iterable[Finding]:
    found = statutory(report)
    if not found or report.document is None:
        return
    toc = _toc(report)
    if not toc:
        yield from _missing_without_toc(found)
        return
    body: str | None = None  # the text outside the 目录, joined once if a local table needs it
    for b in toc:
        m = _TOC_TABLE.match(b.text.strip())
        if not m:
            continue
        key = identify(m.group(1))
        if key is None:
            # a table of the local template ("十、部门决算公开相关信息统计表"): its title must occur in the body
            if body is None:
                in_toc = {id(x) for x in toc}
                body = "".join(x.text for x in report.document.blocks if id(x) not in in_toc)
            if re.sub(r"\s", "", m.group(1)) not in body:
                yield make_finding(
                    "completeness.missing_table",
                    "warning",
                    m.group(1),
                    f"目录列有“{b.text.strip()}”，但正文中没有这张表（全文再无“{m.group(1)}”）。",
                    "缺失",
                    "应公开",
                    [_quote(report, b)],
                )
            continue
        if key in found:
            continue
        yield make_finding(
            "completeness.missing_table",
            "warning",
            key,
            f"目录列有“{b.text.strip()}”，但正文中没有{table_name(key)}；部门决算应公开的九张报表缺少这一张。",
            "缺失",
            "应公开",
            [_quote(report, b)],
        )


@rule(
    "completeness.no_tables",
    title="文档未包含法定报表",
    explanation="有的部门决算文档只写“部门决算报表（见附表）”，报表另行发布。此时无法在本文档内做表间和文表核对，只作提示。",
    formula="正文中法定报表数 = 0",
    tolerance="仅提示",
    example="第四部分部门决算报表（见附表）",
)
def no_tables(report: Report) -> Iterable[Finding]:
    if statutory(report) or report.document is None:
        return
    for b in report.document.blocks:
        m = re.search(r"[^，。]{0,20}[（(]见附表[）)]", b.text) if "见附表" in b.text else None
        if m:
            yield make_finding(
                "completeness.no_tables",
                "info",
                "见附表",
                "本文档未包含法定公开报表（文中称“见附表”），表间核对与文表核对无法进行。",
                None,
                None,
                [_quote(report, b, m.start(), m.end())],
            )
            return


@rule(
    "completeness.page_repeated",
    title="文件中有一页重复",
    explanation=(
        "PDF等文件里有一页与前面某一页的文字和表格完全相同（页码除外），多半是排版或扫描时重复了一页。"
        "重复的一页只读一次：否则其中的表格行会被算两次，各项合计都会对不上，错在文件而不在报告的数字。"
    ),
    formula="第N页的文字与表格 = 第M页的文字与表格（M < N）",
    tolerance="逐行完全相同（页码除外，页首页尾两行中的数字不计）；只有一行或不足20个字的页不比较",
    example="第12页与第11页内容相同",
)
def page_repeated(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    for page, same in doc.repeated_pages:
        # the first words on the page kept: a block's opening, or the part of a paragraph the page break leaves on it
        kept, at = next(
            (
                (b, start)
                for b in doc.blocks
                for start in ([0] if b.page == same else [])
                + [s for s, later in b.page_breaks if later == same]
                if b.text[start:].strip()
            ),
            (None, 0),
        )
        if kept is None:
            continue  # nothing of the page is read (only lines dropped as noise): no note to quote, none to give
        yield make_finding(
            "completeness.page_repeated",
            "info",
            f"第{page}页",
            f"文件第{page}页与第{same}页的内容完全相同，是重复的一页；本站只读了一次，核对时不重复计算。",
            None,
            None,
            [_quote(report, kept, at, min(len(kept.text), at + 60))],
        )


def _missing_without_toc(found: dict[str, StatutoryTable]) -> Iterator[Finding]:
    """No 目录 to read the list from: when most of the nine tables are there (five or more), each missing one, quoting
    the first row of the table it should follow."""
    if len(found) < 5:
        return
    order = list(STATUTORY)
    for n, key in enumerate(order):
        if key in found:
            continue
        before = next((found[k] for k in reversed(order[:n]) if k in found), None) or next(
            iter(found.values())
        )
        if not before.rows:
            continue
        yield make_finding(
            "completeness.missing_table",
            "warning",
            key,
            f"报告没有目录，正文有{len(found)}张法定报表，却没有{table_name(key)}；部门决算应公开的九张报表缺少这一张。",
            "缺失",
            "应公开",
            [Quote(before.rows[0].text, before.rows[0].page, table=before.label)],
        )


# What a report must say when a table has no data: "本表无数据", "为空表", "没有/无…收入支出".
_EMPTY_SUBJECT = {
    "公开07表": "政府性基金",
    "公开08表": "国有资本经营",
    "公开09表": "三公",
}


_NEXT_HEADING = re.compile(r"\n\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])")


def _states_empty(report: Report, key: str, after: list[Block]) -> bool:
    if any(re.search(r"本表无数据|为空表|无数据|空表", b.text) for b in after):
        return True
    subject = _EMPTY_SUBJECT.get(key)
    if subject is None or report.document is None:
        return False
    # "无/没有/未发生/不涉及/未使用/未安排/不存在……政府性基金", "……政府性基金……空表/无数据/收支为零/收入、支出均为0/
    # 收入0万元/均未发生/无收支/情况：无"
    said = (
        rf"(?:无|没有|未发生|不涉及|未使用|未安排|不存在|未产生)[^。；]{{0,12}}{subject}"
        rf"|{subject}[^。；]{{0,30}}(?:空表|无数据|(?<![\d.])(?:零|0(?:\.0+)?)(?:万元)?(?![\d.])"
        rf"|未(?:发生|产生)(?![变增减])|不存在|无(?:收支|收入|支出)|情况[:：]\s*无(?=[。；]|$))"
    )
    if any(
        re.search(said, b.text) and "仍保留该表格式" not in b.text
        for b in report.document.blocks
        if b.table is None
    ):
        return True
    # the 情况说明 section on this table: "七、政府性基金……情况说明 本年度无此项收支。" / "支出决算0万元"
    text = report.document.text
    for m in re.finditer(rf"(?m)^[一二三四五六七八九十]+[、.．][^\n]*{subject}[^\n]*$", text):
        body = text[m.end() : m.end() + 200]
        body = _NEXT_HEADING.split(body)[0]  # its own section
        if re.search(
            r"无此项|没有|空表|无数据|无[^。；]{0,20}(?:收入|支出|收支)|支出决算(?:为)?0(?:\.00)?万元"
            r"|不涉及|未(?:发生|产生|安排)(?![变增减])|不存在|无发生额|为零|均为0(?![\d.])"
            r"|无此类(?:资金|收支|收入|支出|款项|[。；;]|$)|(?:^|\n|本年度?|年度)\s*无\s*(?:[。；;.]|\n|$)|(?<!不)为空(?!的)",
            # "本部门2024年度无此类资金。", "无。", "本年度无。", "……决算表为空。" (not "无此类问题", "为空白")
            body,
        ):
            return True
    return False


@rule(
    "completeness.empty_table",
    title="报表无数据且未作说明",
    explanation=(
        "某张法定报表没有数据时，应保留表格并说明原因（如“本单位无政府性基金预算财政拨款收入支出，故本表无数据”）。"
        "表中没有任何数字、表下和情况说明中也没有这样的说明时，读者无法判断是没有发生还是漏填。"
    ),
    formula="报表无数据 ⇒ 文中有“本表无数据/为空表/无…收入支出”的说明",
    tolerance="不涉及金额",
    example="财政拨款“三公”经费支出决算表数据行全部为空，表下无说明",
)
def empty_table(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    for key, st in sorted(statutory(report).items()):
        if st.has_data():
            continue
        last = st.rows[-1] if st.rows else None
        pos = next((i for i, b in enumerate(doc.blocks) if b is last), None)
        after = [b for b in doc.blocks[pos + 1 : pos + 4] if b.table is None] if pos is not None else []
        if _states_empty(report, key, after):
            continue
        evidence = [Quote(st.rows[0].text, st.rows[0].page, table=st.label)] if st.rows else []
        if not evidence:
            continue
        yield make_finding(
            "completeness.empty_table",
            "warning",
            key,
            f"{table_name(key)}中没有任何数据，表下及情况说明中也未说明“本表无数据”或没有相关收支。",
            "无数据且无说明",
            "应说明无数据的原因",
            evidence,
        )


_RESIDUE = [
    (re.compile(r"[^，,。\s]{0,12}(?:XX|ＸＸ|××|xx)[^，,。\s]{0,12}"), "占位符"),
    (
        re.compile(
            r"[^，,。]{0,12}(?:下降[（(]增长[）)]|增长[（(]下降[）)]|增加[（(]减少[）)]|减少[（(]增加[）)]|上升[（(]下降[）)])"
            r"[^，,。]{0,8}"
        ),
        "二选一的模板措辞未删除",
    ),
    (
        # … and the 绩效自评报告 template's closing line "报告应包括以下附件：" before the attachments it names (004)
        re.compile(
            r"无[^，,。]{0,20}的[，,]仍保留该表格式[，,]并在本表下方作下述说明[：:]|报告应包括以下附件[：:]"
        ),
        "模板填写说明未删除",
    ),
    (re.compile(r"^(?:部门|单位)名称[：:]\s*(?=$|金额单位|单位[：:])"), "部门名称未填写"),
    # the 部门整体支出绩效自评报告 template's instructions to whoever fills it in, left in the text
    (
        re.compile(
            r"反映自评得分及评价等级|(?:主要)?反映各种预算支出执行偏离绩效目标的情况[，,]并分析其原因"
            r"|可以从[^。；]{4,80}等方面归纳存在的问题|总结归纳本部门[^。；]{0,12}的绩效目标完成情况"
        ),
        "自评报告模板的填写说明未删除",
    ),
]
# What each pattern cannot match without: a substring test is far cheaper than the patterns' leading
# [^，。]{0,12}, which is tried at every position of every block.
_RESIDUE_NEEDS = {
    "占位符": ("XX", "ＸＸ", "××", "xx"),
    "二选一的模板措辞未删除": ("）", ")"),
    "模板填写说明未删除": ("仍保留该表格式", "应包括以下附件"),
    "部门名称未填写": ("名称",),
    "自评报告模板的填写说明未删除": (
        "反映自评得分",
        "偏离绩效目标的情况",
        "等方面归纳",
        "总结归纳本部门",
    ),
}


@rule(
    "completeness.template_residue",
    title="模板残留",
    explanation=(
        "部门决算按统一模板编写。正文中留有占位符（如“XX局”“××”）、二选一的措辞（如“下降（增长）”）、"
        "模板的填写说明（包括绩效自评报告模板写给填报人的“反映自评得分及评价等级”“可以从……等方面归纳存在的问题”），"
        "或“部门名称：”后为空，说明文档未按实际情况填写完整。空表下方“仍保留该表格式，并在本表下方作下述说明：”、"
        "自评报告末尾“报告应包括以下附件：”这类写给填报人的话后面跟着应有的说明或附件，只是没删；“减少0.15万元，下降（增长）27.78%”前面的金额已说明了方向："
        "这两种只作提示。"
    ),
    formula="正文不含占位符、二选一措辞和模板说明",
    tolerance="不涉及金额",
    example="第二部分 上海市普陀区XX局2024年度部门决算表",
)
def template_residue(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    for b in doc.blocks:
        for pattern, what in _RESIDUE:
            if not any(t in b.text for t in _RESIDUE_NEEDS[what]):
                continue
            for m in pattern.finditer(b.text):
                snippet = m.group(0) or b.text
                if what == "占位符" and not re.search(
                    r"[\u4e00-\u9fff]", snippet.replace("XX", "").replace("××", "")
                ):
                    continue
                # left-in wording, not a gap: a table note's instruction with the statement it asks for right after it
                # (社工部: "……仍保留该表格式，并在本表下方作下述说明：本年度没有……"), or a choice the sentence has
                # already made ("减少0.15万元，下降（增长）27.78%", 规划局); a placeholder or an open choice is a gap
                made = what == "二选一的模板措辞未删除" and CHANGE_BEFORE.search(b.text[: m.start()])
                yield make_finding(
                    "completeness.template_residue",
                    "info" if what == "模板填写说明未删除" or made else "warning",
                    f"{what} {snippet}{place(report, b, m.start(), m.group(0))}",
                    f"{page_ref(report, b.page_at(m.start()))}“{snippet}”：{what}，"
                    + (
                        "这句写给填报人的话应删去（它要求的说明或附件应在其后写出）。"
                        if what == "模板填写说明未删除"
                        else "应按实际情况填写。"
                    ),
                    snippet,
                    None,
                    [_quote(report, b, m.start(), m.end()) if m.group(0) else _quote(report, b)],
                )
                if what == "自评报告模板的填写说明未删除":
                    break  # one instruction paragraph, one finding


# "全年支出数415.811万元,占总预算支出的根据设定的项目绩效目标,……": a share of a total with its figure
# left out, the sentence running on into the next one. Words that state a share without a number
# (比重较大, 一半, 大部分, 首位) and a figure anywhere in the clause mean the share is there.
_SHARE_OF_TOTAL = re.compile(
    r"(?:[^，,。；;：:]{1,30}[，,])?(?P<said>(?<![挤侵抢霸强独])占(?![用有据地领压])[\u4e00-\u9fff]{0,12}?"
    r"(?:支出|收入|预算|总额|资金|经费|合计|总计|总数)的)"
    r"(?P<rest>[^，,。；;：:]{0,30})"
)
_SHARE_STATED = re.compile(
    r"[\d０-９%％]|比重|比例|份额|一半|[二三四五六七八九十]分之|百分之|成[以左]|[一二三四五六七八九十两]成|半数|过半|大半|"
    r"多半|近半|大部分|多数|主要|首位|大头|绝大"
)


@rule(
    "completeness.missing_share",
    title="占比句缺少比例数字",
    explanation=(
        "说明中写“占……支出（收入、预算）的”，接着应写出占比（“的99.87%”）。若“的”之后直到本分句结束都没有数字，"
        "也没有“比重、一半、四成、大部分”这类表示份额的词，句子缺了占比，读者无法知道占多少，多半是数字在编辑时被删去、"
        "后半句与下一句粘连。“占用”“挤占”的“占”不是占比。"
    ),
    formula="“占……的”之后的分句内有百分比或份额词",
    tolerance="不涉及金额",
    example="全年支出数415.811万元,占总预算支出的根据设定的项目绩效目标,……",
)
def missing_share(report: Report) -> Iterable[Finding]:
    for b, m in _hits(report, _SHARE_OF_TOTAL, "占"):
        if _SHARE_STATED.search(m["rest"]):
            continue
        said = m["said"]
        yield make_finding(
            "completeness.missing_share",
            "warning",
            f"{said}{place(report, b, m.start(), m.group(0))}",
            f"{page_ref(report, b.page_at(m.start()))}写“{said}”，其后却没有写出占比（“{m.group(0)}”）：这句话缺了比例数字。",
            said,
            None,
            [_quote(report, b, m.start(), m.end())],
        )


@rule(
    "completeness.unclosed_bracket",
    title="括号未闭合",
    explanation=(
        "说明文字中的左括号“（”应有对应的右括号“）”。若一段文字中左括号之后，本段余下部分和下一段都没有与它成对的右括号"
        "（括号里的括号先各自成对），括号里的说明没有写完或被删去了一半，读者不知道括注到哪里结束。"
        "只看四十字以上的段落：表格单元格拆成的短段不在此列。"
    ),
    formula="段落中每个“（”在本段或下一段有与它成对的“）”（内层括号先成对）",
    tolerance="不涉及金额",
    example="平均得分99.33分（其中，绩效评级为“优”的项目39个；……绩效自评中共发现问题0个。（此后再无右括号）",
)
def unclosed_bracket(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    blocks = doc.blocks
    for n, b in enumerate(blocks):
        if b.table is not None or len(b.text) < 40 or not any(c in b.text for c in "（("):
            continue
        following = blocks[n + 1].text if n + 1 < len(blocks) and blocks[n + 1].table is None else ""
        for m in re.finditer(r"[（(]", b.text):
            depth = 1  # brackets inside brackets (“（主要包括行政运行（项）等）”, “（怀人社发（2023）11号）”) pair first
            for c in re.finditer(r"[（()）]", b.text[m.end() :] + following):
                depth += 1 if c.group() in "（(" else -1
                if depth == 0:
                    break
            if depth == 0:
                continue
            # to the end of the bracket's first clause ("（其中，绩效评级为“优”的项目39个；"), or 30 characters
            stop = re.search(r"[；;。]", b.text[m.end() : m.end() + 40])
            end = m.end() + stop.end() if stop else min(len(b.text), m.end() + 30)
            yield make_finding(
                "completeness.unclosed_bracket",
                "info",
                f"{b.text[max(0, m.start() - 10) : end]}{place(report, b, m.start(), b.text[m.start() : end])}",
                f"{page_ref(report, b.page_at(m.start()))}“{b.text[max(0, m.start() - 10) : end]}……”：左括号之后，本段和下一段都没有右括号，"
                "括注没有写完。",
                b.text[m.start() : end],
                None,
                [_quote(report, b, max(0, m.start() - 10), end)],
            )


# the sentence naming the month the thing began: "2023年7月设立……", "于2024年6月投入运行", "平台自2023年7月上线"
_STARTED_MIDYEAR = re.compile(
    r"(?:\d{4}年)?(?:[5-9]|1[0-2])月(?:份)?(?:起|以来|开始|设立|成立|上线|投入|运行|启用|组建|开通|建成)|"
    r"(?:\d{4}年)?(?:[5-9]|1[0-2])月[^，。；]{0,8}(?:设立|成立|上线|投入运行|启用|组建|开通|建成)"
)
# "半年以来，共负责维护、调试和举办会议100余次" — the period of a half-year report, at the start of a clause
_HALF_YEAR = re.compile(r"(?:^|(?<=[，,。；;：:]))(?:近|今年上)?半年(?:以)?来[，,]?[^，,。；;]{0,40}")


@rule(
    "completeness.half_year",
    title="年度报告中写“半年以来”",
    explanation=(
        "部门决算和绩效自评说的是整个年度。某处以“半年以来”起句，交代的却是半年的工作量，多半是从半年报告或年中总结"
        "沿用的文字未按全年改写：这里的数字可能只是半年的，与全年的指标值不能直接对照。“上半年……下半年……”的对比不在此列；"
        "同一句写明事情是年中某月（5月以后）才开始的（“2023年7月设立……，半年来……”），半年就是它的全年，也不在此列。"
    ),
    formula="以“半年以来”起句的完成情况 → 年度报告中的半年口径",
    tolerance="不涉及金额",
    example="“半年以来，共负责维护、调试和举办会议100余次”，下一句又写“今年以来，维护计算机……230余次”",
)
def half_year(report: Report) -> Iterable[Finding]:
    for b, m in _hits(report, _HALF_YEAR, "半年"):
        sentence = b.text[max(b.text.rfind(c, 0, m.start()) for c in "。；;\n") + 1 : m.start()]
        if _STARTED_MIDYEAR.search(sentence):
            continue  # "2023年7月设立……，半年来累计接待……": a thing the year's second half began, its half year is its year
        yield make_finding(
            "completeness.half_year",
            "info",
            f"{m.group(0)}{place(report, b, m.start(), m.group(0))}",
            f"{page_ref(report, b.page_at(m.start()))}写“{m.group(0)}”：本报告是{report.year or '本'}年度的决算，"
            "这里说的却是半年的情况，多半沿用了半年报告的文字，其中的数字可能只是半年的。",
            m.group(0),
            None,
            [_quote(report, b, m.start(), m.end())],
        )


# "1-11月，全市累计发放创业担保贷款3.13亿元": a figure for the months before the year ended (1 to N月, N < 12), its
# object's last four characters before it; and a sentence that gives a figure as the year's ("2023年度发放……",
# "本年度完成……", "全年累计……"), not "达到年度任务的……"
_PART_YEAR = re.compile(r"1(?<![\d.]1)\s*[-—–~至]\s*(?P<n>\d{1,2})\s*月")  # a literal first: found fast
_COUNTED_FIGURE = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{4})(?P<fig>\d+(?:\.\d+)?\s*余?\s*(?:亿元|万元|万人次|万人|人次|人|万个|个|户|家|场|件))"
)
# "今年" for the year, not a time in it ("今年6月", "今年1-11月", "今年以来" are the months so far)
_WHOLE_YEAR = re.compile(
    r"本年度|全年(?!任务)|\d{4}\s*年度|本年(?!任务)|今年(?![\d一二三四五六七八九十]+月|上半年|下半年|以来|春节)"
)


_STOP = re.compile(r"[。；;]")


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (up to and with its 。；) that holds text[start:end]."""
    begin = max(text.rfind(c, 0, start) for c in "。；;") + 1
    stop = _STOP.search(text, end)
    return begin, stop.end() if stop else len(text)


@rule(
    "completeness.partial_year",
    title="全年数与1—11月的数相同",
    explanation=(
        "部门决算和绩效自评说的是整个年度。文中一处写“1-11月，全市累计发放创业担保贷款3.13亿元”，另一处把同一件事的"
        "同一个数当作全年的完成数（“2023年度发放创业担保贷款3.13亿元”“本年度完成……”“全年累计……”“今年全市累计……”，"
        "也看自评表的单元格；“今年6月”“今年以来”说的是年内某时，不算）。两处都对，"
        "只有12月（1—N月时为其后各月）一点没有增加；多半是年底前写的总结沿用到了决算里，全年数未按全年更新。同一件事按数前四个字"
        "（“担保贷款”）和数连同单位相同来认。两处说的都是引号中同一项活动（“1-2月，“就业援助月”期间……”与"
        "“本年度“就业援助月”……”）时，那几个月就是这项活动的全年，不报告。"
    ),
    formula="“1—N月（N < 12）……X” 与 “全年（本年度）……X” 为同一个数 → 全年数可能只是前N个月的",
    tolerance="不涉及金额比较：数和单位按印出的字相同",
    example="“1-11月，全市累计发放创业担保贷款3.13亿元”；“2023年度发放创业担保贷款3.13亿元，达到年度任务的156.28%”",
)
def partial_year(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    running, joined, starts = running_text(report)
    # (object, figure) → where it is given for the months before the year ended
    partial: dict[tuple[str, str], tuple[Block, int, int, str]] = {}
    for pm in _PART_YEAR.finditer(joined):
        if not 1 <= int(pm["n"]) < 12:
            continue
        n = bisect.bisect_right(starts, pm.start()) - 1
        b, at = running[n][1], starts[n]
        _, end = _sentence_around(b.text, pm.start() - at, pm.end() - at)
        for m in _COUNTED_FIGURE.finditer(b.text, pm.end() - at, end):
            partial.setdefault((m["name"], m["fig"]), (b, pm.start() - at, m.end(), f"1-{pm['n']}月"))
    if not partial:
        return
    # one finding a pair of sentences: "……3.13亿元，……带动就业6734人" given for 1-11月 and again for 2023年度
    pairs: dict[tuple[int, int, int, int], list[re.Match[str]]] = {}
    whole_at: dict[tuple[int, int, int, int], tuple[Block, int, Block, int, str]] = {}
    # the year's figure may stand in a table's cell too (004's 自评表: "据统计今年全市累计举办各类招聘会560余场")
    everywhere, cells = doc.text, block_starts(doc)
    for (name, fig), (pb, ps, pe, months) in partial.items():
        said = name + fig
        at = everywhere.find(said)
        while at >= 0:
            b, offset = block_at(doc, cells, at)
            _, end = _sentence_around(b.text, offset, offset + len(said))
            # the year the sentence is about, said before it or before an earlier clause of it ("本年度完成职业技能
            # 培训2.66万人……；完成创业培训1.07万人"), and no months said in between
            begin = b.text.rfind("。", 0, offset) + 1
            whole = next(reversed(list(_WHOLE_YEAR.finditer(b.text, begin, offset))), None)  # the nearest
            if (
                whole
                and not _PART_YEAR.search(b.text, begin, end)
                and not _same_campaign(b.text[whole.start() : offset], pb.text[ps:pe])
            ):
                hit = _COUNTED_FIGURE.match(b.text, offset)
                if hit is not None:
                    pair = (id(pb), ps, id(b), whole.start())
                    pairs.setdefault(pair, []).append(hit)
                    whole_at[pair] = (pb, ps, b, whole.start(), months)
                    break
            at = everywhere.find(said, at + 1)
    for pair, ms in pairs.items():
        pb, ps, b, ws, months = whole_at[pair]
        ms.sort(key=lambda m: m.start())
        pe = max(partial[(m["name"], m["fig"])][2] for m in ms)
        said = "、".join(m["fig"] for m in ms)
        yield make_finding(
            "completeness.partial_year",
            "info",
            "/".join(f"{m['name']}{m['fig']}" for m in ms),
            f"{page_ref(report, pb.page_at(ps))}写“{pb.text[ps:pe]}”，是{months}的数；"
            f"{page_ref(report, b.page_at(ws))}又写“{b.text[ws : ms[-1].end()]}”，把同样的数（{said}）当作全年的。"
            f"两处都对只有{_rest_of_year(months)}没有增加，全年数多半未按全年更新。",
            said,
            None,
            [_quote(report, pb, ps, pe), _quote(report, b, ws, ms[-1].end())],
        )


# a campaign named in quotes ("“就业援助月”期间", "“春风行动”中"): a figure said for it is the campaign's, whose months
# are the year's campaign ("今年1-2月，“就业援助月”期间走访困难人员1200人" and "本年度“就业援助月”走访困难人员1200人")
_CAMPAIGN = re.compile(r"“(?P<name>[^“”]{2,12})”")


def _rest_of_year(months: str) -> str:
    """The months after "1-N月": "12月", "3-12月"."""
    n = int(months[2:-1])
    return "12月" if n == 11 else f"{n + 1}-12月"


def _same_campaign(whole: str, part: str) -> bool:
    """The year's figure and the months' are both said of one campaign named in quotes."""
    return any(m["name"] in part for m in _CAMPAIGN.finditer(whole))


# "全年执行数2.43.9.5万元" — an amount with more than one decimal point (the 自评表 has 243.955); a dotted
# date ("2024.6.16") carries no unit
_MALFORMED = re.compile(r"(?<![\d.])\d+(?:(?:\.\d+){2,}|\.{2,}\d+|\.\d+\.)\s*(?:万元|亿元|元|%|万)")
_TWO_DOTS = re.compile(r"\.\d+\.|\.\.\d")  # what it cannot match without; starts with a literal, so fast


@rule(
    "completeness.malformed_number",
    title="金额或百分比的写法不成数",
    explanation=(
        "一个金额或百分比只能有一个小数点。文中出现“2.43.9.5万元”这样有两个以上小数点的数，读者无法知道它是多少，"
        "多半是录入时打错（如把243.955打成2.43.9.5）。带点的日期（2024.6.16）后面没有金额单位，不在此列。"
    ),
    formula="带金额单位或百分号的数至多一个小数点",
    tolerance="不涉及金额比较",
    example="中央资金全年预算为244万元,全年执行数2.43.9.5万元,预算执行率为99.87%",
)
def malformed_number(report: Report) -> Iterable[Finding]:
    for b, m in _hits(report, _MALFORMED, _TWO_DOTS):
        # from the start of its clause ("全年执行数2.43.9.5万元"), at most 20 characters back
        head = b.text[max(0, m.start() - 20) : m.start()]
        cut = max(head.rfind(c) for c in "，,。；;：:")
        start = m.start() - len(head) + cut + 1
        yield make_finding(
            "completeness.malformed_number",
            "warning",
            f"{m.group(0)}{place(report, b, m.start(), m.group(0))}",
            f"{page_ref(report, b.page_at(m.start()))}写“{b.text[start : m.end()]}”：“{m.group(0)}”有{m.group(0).count('.')}个小数点，"
            "不是一个数，这个数字写错了。",
            m.group(0),
            None,
            [_quote(report, b, start, m.end())],
        )


# (not a table's column head, "2022年决算数", as a copy one cell a line gives it)
_HEADING_YEAR = re.compile(r"^(?:第[一二三四五]部分)?\s*.{0,40}?(\d{4})\s*年度?\s*(?:部门|单位)?决算(?!数)")
# a plan's words in a cut-off date's sentence ("预计截至2025年底", "截至2025年底，……预计可全部完成"); not 将 or 确保
# ("现将截至……情况说明如下", "为确保……，截至")
_PLANNED = re.compile(r"预计|力争|计划|争取|拟于|拟在|预期|下一步")
_CUTOFF = re.compile(  # (or written "截至2023-12-31", "截至2023.12.31")
    r"截[至止]\s*(\d{4})\s*(?:年\s*(?:12\s*月\s*31\s*日|底|末)|[-－./．]\s*12\s*[-－./．]\s*31(?!\d))"
)
# "纳入上海市普陀区财政局2024年度部门决算编制范围的单位包括" — the report itself, named in the running text
_OWN_ACCOUNTS = re.compile(r"(?<![与比较\d])(\d{4})\s*年度?\s*(?:部门|单位)决算(?!公开|相比|比较)")
# what names last year's accounts as published in their sentence: "已按要求在门户网站公开2023年度部门决算", "……部门决算已于
# 2024年9月在区政府门户网站公开", "在公开2023年度部门决算的基础上" (not this report's "现公开2023年度部门决算情况说明如下")
_PUBLISHED = re.compile(
    r"已[^。；;]{0,30}(?:公开|公布|发布)|(?<![现特将予])(?:公开|公布|发布)(?=\s*(?:本部门|本单位)?\s*\d{4}\s*年)"
)
# "与2023年度相比，收入支出总计减少56.95万元": the year a change is measured from (not "2023年与2024年均未安排")
_COMPARED = re.compile(
    r"(?<![\d年])(?:与|比|较)\s*(\d{4})\s*年度?(?!度|初|全年|年初|调整|(?:部门)?预算)(?:部门)?(?:决算数?)?(?:相比|比较)?[，,]?"
    r"[^。；;\d]{0,30}?(?:增加|减少|增长|下降|持平)"
)  # not a comparison with this year's budget ("比2024年度年初预算减少463.84万元")
# "2024年度收入总计869.05万元" — a figure of this year's, labelled with a year
_DATED_FIGURE = re.compile(
    rf"(?<![\d与比较])(\d{{4}})\s*年度?(?P<label>[^，,。；;：:\d年]{{2,40}}?){IS}\s*{NUM}\s*{WAN}"
)


@rule(
    "completeness.year",
    title="标题、截至日期或正文中的年度与报告年度不符",
    explanation=(
        "部门决算的各部分标题应写本报告年度（如“第三部分 ××2024年度部门决算情况说明”），资产等统计时点应为"
        "报告年度末（“截至2024年12月31日”），正文说本单位的本年情况（“纳入××2024年度部门决算编制范围”"
        "“××局2024年度无政府性基金预算财政拨款收入和支出”“本部门2024年度预算绩效管理……”）也是本年度；"
        "与上年比较的句子（“与2023年度相比，……减少”）比的是上一年度（同一句已与上一年度比较、又与更早年度比较的，"
        "或同一句已写本年末、括号里再写上年末数的，是有意的比较，不算）；写明年度的本年数"
        "（“2024年度收入总计869.05万元”，金额与本报告的收入总计相同）应写本年度；以后年度的决算数（“2025年度收入总计"
        "……”）还不可能有。说本单位车辆、资产的句子以年份开头（“2024年末，……公务用车保有量为0辆”）的，也应是本年度。"
        "绩效自评表的标题（“项目支出绩效自评表（2024年度）”）评的也是本年度。"
        "写成别的年度，多半是套用上年文本未改。说本单位以后年度的工作（“本部门2025年度预算绩效管理将……”“预计截至2025年底"
        "完成……”）是计划，不比较；提到上年的决算或工作（“已按要求公开2023年度部门决算”“针对本部门2023年度预算绩效管理中"
        "发现的问题”）也不比较。"
    ),
    formula="标题（含绩效自评表标题）、本单位的本年情况、金额等于本年数的年度 = 报告年度；截至日期 = 报告年度12月31日；"
    "比较年度 = 报告年度 − 1",
    tolerance="不涉及金额；写明以前年度的金额须与本报告表中（或别处文字）的本年数完全相同才比较年度",
    example="2024年度报告中写“截至2023年12月31日，……共有车辆0辆”",
)
def year(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None or report.year is None:
        return
    toc = {id(b) for b in _toc(report)}
    # "上海市普陀区财政局2024年度无政府性基金预算财政拨款收入和支出", "本部门2024年度预算绩效管理……": the unit's own year
    names = "|".join(
        [
            "本部门",
            "本单位",
            "我单位",
            "我局",
            "我中心",
            *([re.escape(report.agency)] if report.agency else []),
        ]
    )
    # only the template's statements of the year itself: of what the unit had ("无……", "，实有人数") in any year but
    # its own, and of its work ("预算绩效管理", "政府采购", "三公") before it ("本部门2025年度预算绩效管理将……" is a plan)
    own = re.compile(
        rf"(?<![与比较对])(?<!根据)(?<!按照)(?<!关于)(?:{names})(?:[(（][^()（）]{{0,12}}[)）])?\s*(\d{{4}})\s*年度?"
        r"(?=\s*(?P<had>无|[，,]?\s*实有人数)|\s*(?:预算绩效管理|政府采购|财政拨款[“\"]?三公|[“\"]三公))"
    )
    # …with the year first: "2024年度本部门无政府性基金预算财政拨款收入和支出"
    own_first = re.compile(rf"(?<![与比较\d])(\d{{4}})\s*年度?\s*(?:{names})(?=\s*(?P<had>无))")
    for _, b in running_with(report, _A_YEAR_OR_DATE):
        if id(b) in toc:
            continue
        text = b.text.strip()
        heading = len(text) <= 60 and "，" not in text and "。" not in text and not text.startswith("纳入")
        m = _HEADING_YEAR.match(text) if heading else None
        if m and int(m.group(1)) != report.year:
            start = b.text.find(m.group(0))
            yield _year_finding(report, b, start, start + len(m.group(0)), int(m.group(1)), "标题")
        for c in _CUTOFF.finditer(b.text):
            if int(c.group(1)) > report.year and _PLANNED.search(_sentence_of(b.text, c.start())):
                continue  # "预计截至2025年底完成全部结转项目": a plan
            if int(c.group(1)) < report.year and _cutoff_compared(b.text, c, report.year):
                continue  # "截至2024年12月31日，……共有车辆0辆（截至2023年12月31日共有车辆1辆）": a comparison
            if int(c.group(1)) != report.year:
                yield _year_finding(report, b, c.start(), c.end(), int(c.group(1)), "截至日期")
        if heading:
            continue
        seen: set[int] = set()  # one finding per written year
        for c in chain(_OWN_ACCOUNTS.finditer(b.text), own.finditer(b.text), own_first.finditer(b.text)):
            stated = int(c.group(1))
            if c.re is _OWN_ACCOUNTS and _PUBLISHED.search(_sentence_of(b.text, c.start())):
                continue
            if c.re is own_first and re.search(
                rf"{report.year}年度?(?:亦|也|同样|仍|均)无", _sentence_of(b.text, c.start())
            ):
                continue  # "2023年度本部门无……，2024年度亦无": last year's, beside this year's
            later_work = c.re is own and c["had"] is None and stated > report.year
            if stated != report.year and not later_work and c.start(1) not in seen:
                seen.add(c.start(1))
                yield _year_finding(
                    report, b, c.start(), c.end(), int(c.group(1)), "正文说本单位的本年情况时"
                )
        for c in _ASSETS_YEAR.finditer(b.text):
            if int(c.group(1)) != report.year and _holding_of_another_year(
                _sentence_of(b.text, c.start()), report.year
            ):
                # "2023年末，……所属各预算单位开支财政拨款的公务用车保有量为0辆" in a 2024 report
                yield _year_finding(
                    report, b, c.start(1), c.end(), int(c.group(1)), "正文说本单位的本年情况时"
                )
        for c in _COMPARED.finditer(b.text):
            stated = int(c.group(1))
            if stated < report.year - 1 and _second_comparison(b.text, c, report.year - 1):
                continue  # "比2023年度增加2.55万元，……，比2022年度增加14.65万元": a second comparison, further back
            if _earlier_years_change(b.text, c, report.year):
                continue
            if stated != report.year - 1:
                yield _year_finding(
                    report, b, c.start(), c.end(), int(c.group(1)), "与上年比较时", report.year - 1
                )
        for c in _DATED_FIGURE.finditer(b.text):
            # a later year's figure cannot be a final account yet (but "2025年度……预算为" is next year's budget)
            budget = "预算" in c.group("label").replace("一般公共预算", "")
            later = (
                int(c.group(1)) > report.year and metric_named(c.group("label")) is not None and not budget
            )
            if later and _PLANNED.search(_sentence_of(b.text, c.start())):
                continue  # "预计2025年度收入总计……": a plan
            if (
                int(c.group(1)) != report.year
                and c.start(1) not in seen
                and (later or _this_years(report, c))
            ):
                yield _year_finding(report, b, c.start(), c.end(), int(c.group(1)), "本年数")
    # the 自评表's own title: "项目支出绩效自评表（2024年度）", in one cell or with the year on the row below it
    prev = ""
    for b in doc.blocks:
        if "年度" in b.text:
            m = _PERF_TITLE_YEAR.search(b.text) or (
                _YEAR_ALONE.search(b.text) if prev.rstrip().endswith("自评表") else None
            )
            if m and int(m["y"]) != report.year:
                yield _year_finding(
                    report, b, m.start("title"), m.end("title"), int(m["y"]), "绩效自评表的标题"
                )
        if b.text.strip():
            prev = b.text


# a sentence that opens with a year about the unit's cars or assets: "2024年，……公务用车保有量为0辆", "2024年末，……"
_ASSETS_YEAR = re.compile(r"(?:^|(?<=[。；;]))\s*(\d{4})\s*年(?:末|底|度)?[，,]")
_ASSETS = re.compile(r"车辆|保有量|国有资产|固定资产|房屋")
# …a sentence stating what the unit holds ("共有车辆0辆", "保有量为0辆", "房屋3,777.12平方米", "原值……万元"), not a task done
# ("截至……已完成固定资产清查", "2023年，本局将车辆全部移交……") nor others' buildings ("全区……房屋面积")
_HOLDS = re.compile(
    r"共有|实有|有车辆|车辆总数|保有量|原值|净值|账面|折旧|车辆\s*[\d,]+\s*辆"
    r"|(?<!屋)房屋(?:建筑物?)?(?:面积)?(?:为|共)?\s*[\d,.]+\s*(?:平方米|㎡)"
)
# (a task's date, a plan, others' or rented holdings; "现将……说明如下" is no plan)
_NOT_HOLDING = re.compile(
    r"完成|清查工作|排查|核查|移交|划转|(?<!现)将(?!继续)|全区|全市|区本级|市本级|公物仓|租用|租赁"
)
# …and a sentence of another year's holding that tells a change or compares (history, not a year left over)
_HISTORY = re.compile(r"本年|当年|今年|报废|处置|调出|调拨|变化|减少|增加")
# "，截至2023年12月31日亦为0辆": last year's holding beside this year's, a comparison
_SAME_AS = re.compile(r"[^，,。；;]{0,30}?(?:亦|也|同样|同|仍|均)(?:为|是|有)")


_HOLDING_NOUN = re.compile(r"车辆|房屋|设备|资产")


def _same_holding(text: str, start: int, end: int) -> bool:
    """Whether the cut-off at ``start:end`` states the same holding as this year's before it in the sentence ("截至2024年
    12月31日，……共有车辆0辆，截至2023年12月31日共有车辆3辆": a comparison; "……，房屋……；截至2023年12月31日，车辆2辆": not)."""
    sentence_start = text.rfind("。", 0, start) + 1
    clause_end = min((i for i in (text.find(c, end) for c in "，,；;。") if i >= 0), default=len(text))
    before = set(_HOLDING_NOUN.findall(text, sentence_start, start))
    return bool(before & set(_HOLDING_NOUN.findall(text, end, clause_end)))


def _cutoff_compared(text: str, c: re.Match[str], year: int) -> bool:
    """Whether an earlier cut-off beside this year's in the sentence is a comparison: in brackets, after 比/较/与/上年,
    "亦为……", or stating the same holding ("……共有车辆0辆，截至2023年12月31日共有车辆3辆")."""
    return _also_of(_CUTOFF, year, text, c.start()) and bool(
        in_aside(text[: c.start()])
        or re.search(r"(?:比|较|与|上年)\s*$", text[: c.start()])
        or _SAME_AS.match(text, c.end())
        or _same_holding(text, c.start(), c.end())
    )


def _holding_of_another_year(said: str, year: int) -> bool:
    """Whether a sentence opening with another year states the unit's holding as the year's: not a plan, not beside this
    year's ("2023年末车辆2辆，2024年已处置"), not a comparison or a history ("……亦为0辆", "本年报废2辆")."""
    return (
        _holding(said)
        and not _PLANNED.search(said)
        and f"{year}年" not in said
        and not _SAME_AS.search(said)
        and not _HISTORY.search(said)
    )


def _holding(sentence: str) -> bool:
    """Whether a sentence states what the unit holds: its cars, buildings, assets."""
    return bool(_ASSETS.search(sentence) and _HOLDS.search(sentence) and not _NOT_HOLDING.search(sentence))


def _sentence_of(text: str, at: int) -> str:
    """The sentence holding offset ``at`` (from the 。 before it to the 。 after it)."""
    end = text.find("。", at)
    return text[text.rfind("。", 0, at) + 1 : len(text) if end < 0 else end]


_A_YEAR_OR_DATE = re.compile(rf"{A_YEAR.pattern}|截[至止]\s*\d{{4}}\s*[-－./．]")  # ("截至2023-12-31" too)
# a comparison with last year not named by its number: "较上年增长1.40%", "与上年相比", "同比"
_LAST_YEAR_CHANGE = (
    re.compile(  # …with its own change ("较上年增加2.55万元，较2022年……"; not "与上年相比，比2022年增加")
        r"(?:(?:比|较|与)上一?年度?|同比)[^。；;]{0,12}?(?:增加|减少|增长|下降|持平)[^。；;]{0,4}?\d"
    )
)


def _second_comparison(text: str, c: re.Match[str], last_year: int) -> bool:
    """Whether a comparison with an earlier year is a second one, beside one with last year: by its year in the
    paragraph ("……增长1.40%。较2022年度增加14.65万元"), or by 上年/同比 with its own change in the sentence ("较上年增长
    1.40%，较2022年增长15.00%", "较2022年度增加14.65万元，同比增加2.55万元"; not "与上年相比，比2022年增加1.55万元")."""
    if any(int(o.group(1)) == last_year for o in _COMPARED.finditer(text)):
        return True
    end = text.find("。", c.start())
    sentence = range(text.rfind("。", 0, c.start()) + 1, len(text) if end < 0 else end)
    return any(
        o.end() <= c.start() or o.start() >= c.end()
        for o in _LAST_YEAR_CHANGE.finditer(text, sentence.start, sentence.stop)
    )


def _earlier_years_change(text: str, c: re.Match[str], year: int) -> bool:
    """ "与上年相比，减少153.60万元……。2022年度与2021年度相比减少60.00万元": an earlier year's change from the year
    before it (the sentence names that earlier year before the comparison), beside the paragraph's own change from last
    year: history, not a comparison of this year's."""
    begin = text.rfind("。", 0, c.start()) + 1
    # the sentence's own year, before the comparison ("2021年度收支总计……，与2020年度相比")
    years = re.findall(r"(\d{4})\s*年", text[begin : c.start()])
    if not years or int(years[0]) != int(c.group(1)) + 1 or int(years[0]) >= year or len(set(years)) > 1:
        return False
    # the amount of this year's own change, copied under the wrong years, is no history
    amount = re.match(r"\s*了?\s*(\d[\d,]*(?:\.\d+)?)", text[c.end() :])
    if amount and amount.group(1) in text[:begin] + text[c.end() + amount.end() :]:
        return False
    return any(int(o.group(1)) == year - 1 for o in _COMPARED.finditer(text)) or any(
        o.end() <= c.start() or o.start() >= c.end() for o in _LAST_YEAR_CHANGE.finditer(text)
    )


def _also_of(pattern: re.Pattern[str], year: int, text: str, at: int) -> bool:
    """Whether the sentence holding offset ``at`` also has a match of ``pattern`` whose year is ``year``."""
    return any(int(m.group(1)) == year for m in pattern.finditer(_sentence_of(text, at)))


_PERF_TITLE_YEAR = re.compile(r"自评表\s*(?P<title>[（(]\s*(?P<y>\d{4})\s*年度\s*[）)])")
_YEAR_ALONE = re.compile(r"^\s*(?P<title>[（(]\s*(?P<y>\d{4})\s*年度\s*[）)])\s*$")


def _this_years(report: Report, figure: re.Match[str]) -> bool:
    """ "2023年度收入总计869.05万元" where the report's 收入总计 (in a table or another sentence) is 869.05."""
    key = metric_named(figure.group("label"))
    value = report.metrics.get(key) if key else None
    amount = parse_amount(figure.group("n"))
    # (a 0 may well be last year's too: "2023年度“三公”经费财政拨款支出为0.00万元" beside this year's 0, 持平)
    return value is not None and value.amount == amount != 0 and value.quote.quote not in figure.group(0)


def _year_finding(
    report: Report, b: Block, start: int, end: int, stated: int, where: str, expected: int | None = None
) -> Finding:
    snippet = b.text[start:end]
    expected = report.year if expected is None else expected
    should = "" if expected == report.year else f"，应为上一年度{expected}年"
    return make_finding(
        "completeness.year",
        "error",
        f"{where} {snippet}",
        f"本报告为{report.year}年度部门决算，{where}却写“{snippet}”（{stated}年）{should}。",
        str(stated),
        str(expected),
        [_quote(report, b, start, end)],
    )


_CUTOFF_DAY = re.compile(r"截[至止]\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")


@rule(
    "completeness.cutoff_day",
    title="国有资产的统计时点不是年末",
    explanation=(
        "情况说明中的国有资产占有使用情况（车辆、房屋、固定资产等）按部门决算的口径统计到报告年度末，写"
        "“截至2024年12月31日”。写成年中的日期（“截至2024年11月30日”“截至2023年6月30日”），与决算报表的口径不一致，"
        "多半是套用了其他报表或半年报的文字。年份不对的年末日期由“标题、截至日期或正文中的年度与报告年度不符”报告。"
    ),
    formula="资产、车辆句中的截至日期 = 报告年度12月31日",
    tolerance="不涉及金额；只看说本单位持有多少车辆、房屋、资产的那一句（共有、实有、保有量、原值、房屋……平方米），"
    "不看某项工作完成的日期（“截至……已完成固定资产清查”）、其他单位或租用的房屋、计划",
    example="“截至2024年11月30日,房屋3,777.12平方米……”",
    expected_label="应为",
)
def cutoff_day(report: Report) -> Iterable[Finding]:
    if report.year is None:
        return
    for _, b in running_with(report, "截"):
        for c in _CUTOFF_DAY.finditer(b.text):
            if (int(c["m"]), int(c["d"])) == (12, 31) or not _holding(_sentence_of(b.text, c.start())):
                continue
            if _PLANNED.search(_sentence_of(b.text, c.start())):
                continue  # "预计截至2025年6月30日完成……": a plan
            yield make_finding(
                "completeness.cutoff_day",
                "warning",
                c.group(0),
                f"本报告为{report.year}年度部门决算，国有资产占有使用情况应统计到{report.year}年12月31日，"
                f"文中却写“{c.group(0)}”。",
                c.group(0),
                f"截至{report.year}年12月31日",
                [_quote(report, b, c.start(), c.end())],
            )


_HEADING_AGENCY = re.compile(
    r"^(?:第[一二三四五]部分)?\s*(.{2,40}?)\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年度?\s*部门决算"
)


@rule(
    "completeness.agency_name",
    title="标题或正文中的单位名称与报告单位不符",
    explanation=(
        "部门决算各部分标题写明编报单位（如“第二部分 上海市普陀区财政局2024年度部门决算表”）。标题中的单位名称"
        "与封面、目录所写的本单位名称不同，多半是套用其他单位的文本未改。情况说明里以本单位为主语的模板句"
        "（“××局2024年度收入支出总计……”“纳入××局2024年度部门决算编制范围”“××局2024年度无政府性基金……”）也是如此。"
        "本单位名称略去市名或“中共”（“普陀区财政局”）、写作通行简称（“区规划资源局”“区委社会部”：字都出自全称、"
        "次序不变、末字相同）的不算；写了上级地名而略去本级地名的（“上海市规划和自然资源局”）是上级单位，照报。报告编制范围表中列出的所属单位（汇总报告会以它为主语）不算。"
    ),
    formula="标题、以本单位为主语的模板句中的单位名称 = 报告单位名称",
    tolerance="忽略括注（如“（汇总）”）；含占位符的标题由“模板残留”规则报告",
    example="第二部分表头写“上海市规划和自然资源局2024年度部门决算表”，而本单位是上海市普陀区规划和自然资源局",
    expected_label="本单位名称",
)
def agency_name(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None or not report.agency:
        return
    own = re.sub(r"[（(][^）)]*[）)]", "", report.agency)
    for b in doc.blocks:
        text = b.text.strip()
        if b.table is not None or len(text) > 60 or "，" in text or "。" in text or "：" in text:
            continue
        m = _HEADING_AGENCY.match(text)
        if not m:
            continue
        named = re.sub(r"[（(][^）)]*[）)]", "", m.group(1)).strip()
        if not named or own_name(named, own) or named.startswith("纳入") or re.search(r"XX|××", named):
            continue
        if not re.search(r"[局部委办厅院会中心所站队处室]$", named):
            continue
        start = b.text.find(m.group(1))
        yield make_finding(
            "completeness.agency_name",
            "warning",
            f"{named}",
            f"标题写“{m.group(1)}”，而本报告的单位是“{report.agency}”，单位名称不一致。",
            named,
            report.agency,
            [_quote(report, b, start, start + len(m.group(1)))],
        )
    covered: str | None = None  # the 编制范围's units, read once when a subject is not the unit's own
    for b, m, g in _template_subjects(report):
        named = re.sub(r"[（(][^）)]*[）)]", "", m[g]).strip()
        if (
            own_name(named, own)
            or re.search(r"XX|××", named)
            or _one_off(named, own)
            or _connective_slip(named, own) is not None
        ):
            continue  # a one-character slip in the unit's own name is completeness.agency_name_variant's
        if re.match(r"[（(]\s*(?:上级)?(?:主管)?(?:部门|单位)|上级(?:主管)?(?:部门|单位)", named):
            continue  # "（上级主管部门昌吉州人社局2024年度收入支出总计另行公开。）": another body, named as one on purpose
        covered = _covered_units(doc) if covered is None else covered
        if named in covered or re.sub(r"^(?:局属|下属|所属|直属)", "", named) in covered:
            continue  # one of the units the report covers (its 编制范围 lists it; "下属……"): a 汇总 report speaks of it
        yield make_finding(
            "completeness.agency_name",
            "warning",
            f"{named}",
            f"情况说明写“{m.group(0)}”，而本报告的单位是“{report.agency}”：这句说的是本单位的本年情况，"
            "单位名称却是别的单位，多半是套用其他单位的文本未改。",
            named,
            report.agency,
            [_quote(report, b, m.start(g), m.end())],
        )


def _covered_units(doc: Document) -> str:
    """What names the units a 部门 report covers: the sentence "纳入……编制范围的单位包括：……" and the table right after
    it (not the 自评表's 主管部门 or 实施单位 cells: a parent body or a project's partner is no unit of the report)."""
    out: list[str] = []
    for i, b in enumerate(doc.blocks):
        if b.table is not None or "编制范围" not in b.text:
            continue
        out.append(
            b.text[b.text.find("编制范围") :]
        )  # the units listed after it, not the department named before
        after = next((x for x in doc.blocks[i + 1 : i + 4] if x.table is not None), None)
        if after is not None:
            out.extend(x.text for x in doc.blocks if x.table == after.table)
    return "\n".join(out)


# "上海市普陀区财政局2024年度收入支出总计2995.39万元", "纳入××2024年度部门决算编制范围", "××局2024年度无政府性基金……":
# the template's sentences whose subject is the reporting unit itself
# the unit named with the year in the template's sentences, at a sentence's start or after "根据预算绩效管理要求，"
_TEMPLATE_SUBJECT = re.compile(
    r"(?:^|(?<=[。；;])|(?<=纳入)|(?<=要求[，,]))\s*(?!纳入)(?P<name>[\u4e00-\u9fff（）()]{4,30}?(?:局|部|委员会|中心|办公室|厅|院|所|站|队|处))"
    r"(?:[(（][^()（）]{0,12}[)）])?\s*\d{4}\s*年度?"
    r"(?=收入支出总计|财政拨款收入支出总计|无政府性基金|无国有资本|预算绩效管理|政府采购|部门决算编制范围|[，,]\s*实有人数)"
    # …and with the year first: "2023年度昌吉回族自治州人力资源和社会保障局（行政单位和参照公务员法管理事业单位）机关运行经费支出"
    r"|(?:^|(?<=[。；;]))\s*\d{4}\s*年度?(?P<after>[\u4e00-\u9fff]{4,30}?(?:局|部|委员会|中心|办公室|厅|院|所|站|队|处))"
    r"\s*(?:[(（][^()（）]{0,30}[)）])?\s*(?=机关运行经费)"
)


# the places a unit's name opens with: "上海市", "普陀区" (of 上海市普陀区财政局), "昌吉州"
def _one_off(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


_CONNECTIVES = "和与及"


def _connective_slip(named: str, own: str) -> tuple[int, str] | None:
    """Where a short form of the unit's own name has 与 for 和 (or 和/与/及 swapped: "昌吉州人力资源与社会保障局" for
    昌吉回族自治州人力资源和社会保障局), with the right character. Only these: one other character may well name
    another body ("社会保险局", "昌吉市……局")."""
    if named == own or own_name(named, own):
        return None
    for i, c in enumerate(named):
        if c in _CONNECTIVES:
            for right in _CONNECTIVES.replace(c, ""):
                if right in own and own_name(named[:i] + right + named[i + 1 :], own):
                    return i, right
    return None


def _template_subjects(report: Report) -> Iterator[tuple[Block, re.Match[str], str]]:
    """The template sentences about the unit itself: (block, match, the name's group: "name" or "after")."""
    for _, b in running_with(report, "年度"):
        for m in _TEMPLATE_SUBJECT.finditer(b.text):
            yield b, m, "name" if m["name"] else "after"


# "住房公积金（项）。主要用于：事业单位医疗保险支出" — a 项's stated use copied from another 项
_ITEM_USE = re.compile(
    r"(?P<item>[\u4e00-\u9fff]{2,24})[（(]项[）)][。.，,：:]?\s*主要用于[：:]?\s*(?P<use>[^。；;]{2,60})"
)
_USE_GROUPS = {
    "住房公积金": ("公积金",),
    "医疗": ("医疗",),
    "购房补贴": ("购房",),
    "养老与退休": ("养老", "退休", "离休", "年金"),
}


def _groups(text: str) -> set[str]:
    return {g for g, words in _USE_GROUPS.items() if any(w in text for w in words)}


@rule(
    "completeness.item_purpose",
    title="科目用途说明与科目不符",
    explanation=(
        "情况说明逐项写“××（项）。主要用于：……”。住房公积金、医疗、购房补贴、养老与退休这几类科目的用途"
        "一看便知；用途说明写的是另一类（如“住房公积金（项）。主要用于：事业单位医疗保险支出”），"
        "多半是从上一项复制后未改。只在科目名称属于其中一类、说明写了另一类且没有提到本类时报告。"
    ),
    formula="科目所属类别 ∈ 用途说明提到的类别",
    tolerance="不涉及金额",
    example="住房公积金（项）。主要用于：事业单位医疗保险支出",
    expected_label="这段说明所属的项",
)
def item_purpose(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    for b in doc.blocks:
        if b.table is not None or "主要用于" not in b.text:
            continue
        for m in _ITEM_USE.finditer(b.text):
            item = re.split(r"[（(][类款][）)]", m.group("item"))[-1]
            own, said = _groups(item), _groups(m.group("use"))
            if len(own) != 1 or not said or own & said:
                continue
            use = m.group("use")
            yield make_finding(
                "completeness.item_purpose",
                "warning",
                f"{item} {use}",
                f"{page_ref(report, b.page_at(m.start()))}“{item}（项）”的用途写作“{use}”，说的是{'、'.join(sorted(said))}"
                f"而不是{next(iter(own))}，像是从别的科目复制来的说明。",
                use,
                next(iter(own)),
                [_quote(report, b, m.start(), m.end())],
            )


@rule(
    "completeness.agency_name_variant",
    title="正文中单位名称写法不一",
    explanation=(
        "报告正文多处写本单位全称。某处全称与封面的单位名称字数相同、只差一个字（如把“规划和自然资源局”"
        "写成“规划与自然资源局”），是笔误：单位的法定名称只有一个。只比较以单位名称开头几个字起始、"
        "以相同的字结尾、恰好一个字不同的写法，同一写法只报一次。以本单位为主语的模板句里，本单位简称把“和”写成“与”"
        "（或“和”“与”“及”互换）的，也按笔误提示（换成其他字的可能是另一个单位，由“单位名称与报告单位不符”报告）。"
    ),
    formula="正文中的单位全称 = 报告单位名称",
    tolerance="不涉及金额；只差一个字才报告，只作提示（写成另一个单位的名称由“报告单位名称与封面不符”报告）",
    example="上海市普陀区规划和自然资源局的报告第七至九部分写“上海市普陀区规划与自然资源局”",
    expected_label="本单位名称",
)
def agency_name_variant(report: Report) -> Iterable[Finding]:
    doc = report.document
    own = re.sub(r"[（(][^）)]*[）)]", "", report.agency or "")
    if doc is None or len(own) < 6 or not re.fullmatch(r"[\u4e00-\u9fff]+", own):
        return
    head, n = own[:4], len(own)
    seen: dict[str, tuple[Block, int, int]] = {}
    for b in doc.blocks:
        start = b.text.find(head)
        while start >= 0:
            cand = b.text[start : start + n]
            if len(cand) == n and cand != own and cand[-1] == own[-1]:
                diff = [i for i in range(n) if cand[i] != own[i]]
                if len(diff) == 1 and re.fullmatch(r"[\u4e00-\u9fff]", cand[diff[0]]):
                    seen.setdefault(cand, (b, start, diff[0]))
            start = b.text.find(head, start + 1)
    for cand, (b, start, i) in seen.items():
        yield make_finding(
            "completeness.agency_name_variant",
            "info",  # a one-character slip, no figure at stake (org_name_variant, phrase_variant alike)
            cand,
            f"{page_ref(report, b.page_at(start))}写“{cand}”，本单位名称是“{own}”，第{i + 1}个字“{cand[i]}”应为“{own[i]}”。",
            cand,
            own,
            [_quote(report, b, start, start + n)],
        )
    # the unit's short form with the same slip, as the subject of a template sentence ("昌吉州人力资源与社会保障局2023年度")
    for b, m, g in _template_subjects(report):
        named = re.sub(r"[（(][^）)]*[）)]", "", m[g]).strip()
        slip = _connective_slip(named, own)
        if slip is None or named in seen:
            continue
        i, right = slip
        seen[named] = (b, m.start(g), i)
        yield make_finding(
            "completeness.agency_name_variant",
            "info",
            named,
            f"{page_ref(report, b.page_at(m.start(g)))}写“{named}”（本单位名称“{own}”的简称），"
            f"第{i + 1}个字“{named[i]}”应为“{right}”。",
            named,
            own,
            [_quote(report, b, m.start(g), m.start(g) + len(m[g]))],
        )


_ORG_TYPE = r"(?:中心|局|厅|委员会|办公室|站|所|处|院|馆|队|部)"
_OWN_STEM = re.compile(rf"^(?P<stem>[\u4e00-\u9fff]{{6,}}?)(?P<type>{_ORG_TYPE})$")
# "主管部门 昌吉回族自治州公共就业服务中心 实施单位 昌吉回族自治州公共就业服务局" (a 自评表's header rows)
_FIELD_ORG = re.compile(
    rf"(?P<field>实施单位|主管部门)\s*[:：]?\s*(?P<name>[\u4e00-\u9fff]{{2,30}}?(?P<type>{_ORG_TYPE}))(?![\u4e00-\u9fff])"
)


@rule(
    "completeness.agency_type_variant",
    title="自评表中本单位名称的机构类别写错",
    explanation=(
        "绩效自评表的主管部门、实施单位栏写出单位全称。若某栏的名称与本单位名称前面完全相同、只有末尾的机构类别不同"
        "（本单位是“……服务中心”，栏中写“……服务局”），而报告别处从未提到这个“局”，它就不是另一个机构，而是本单位名称写错了："
        "单位的法定名称只有一个。同一写法只报一次。"
    ),
    formula="自评表主管部门、实施单位栏中以本单位名称主干开头的名称 = 本单位名称",
    tolerance="不涉及金额；名称主干（去掉机构类别）至少六个字且完全相同才比较",
    example="昌吉回族自治州公共就业服务中心（自述无下属预算单位）的8张项目自评表实施单位都写“昌吉回族自治州公共就业服务局”",
    expected_label="本单位名称",
)
def agency_type_variant(report: Report) -> Iterable[Finding]:
    doc = report.document
    own = _OWN_STEM.match(re.sub(r"[（(][^）)]*[）)]", "", report.agency or ""))
    if doc is None or own is None:
        return
    found: dict[str, list[tuple[Block, str, int, int]]] = {}
    blocks = doc.blocks
    for n, b in enumerate(blocks):
        if "实施单位" not in b.text and "主管部门" not in b.text:
            continue
        # the value may be the next row's cell (000: "实施单位" / "昌吉回族自治州公共就业服务局")
        text = b.text + ("\n" + blocks[n + 1].text if n + 1 < len(blocks) else "")
        for m in _FIELD_ORG.finditer(text):
            if m.start() >= len(b.text):
                break
            if m["name"] == own["stem"] + m["type"] and m["type"] != own["type"]:
                start = m.start("name")
                at, start = (b, start) if start < len(b.text) else (blocks[n + 1], start - len(b.text) - 1)
                found.setdefault(m["name"], []).append((at, m["field"], start, start + len(m["name"])))
    text = doc.text
    for name, places in found.items():
        if text.count(name) > len(places):
            continue  # the report names that organisation elsewhere too: it may be another one
        b, field, start, end = places[0]
        kind = name[len(own["stem"]) :]
        # the report speaking of its own leadership by that type ("局主要领导……召开局长办公会", 000): a name the unit
        # also goes by, not another body's
        alias = re.search(rf"{kind}(?:主要|分管)?领导|{kind}长办公会|分管{kind}领导", text)
        yield make_finding(
            "completeness.agency_type_variant",
            "info" if alias else "warning",
            name,
            f"{len(places)}处自评表的{field}写“{name}”，本单位是“{own.group(0)}”：两者名称主干相同，"
            f"机构类别一个是“{kind}”、一个是“{own['type']}”，报告别处没有提到“{name}”，"
            + (
                f"但报告称本单位领导为“{alias.group(0)}”，“{kind}”可能是本单位的另一个名称；自评表仍应写法定名称。"
                if alias
                else "应为本单位名称。"
            ),
            name,
            own.group(0),
            [_quote(report, b, start, end)],
        )


_ORG = re.compile(r"(?:省|市|区|州|县|自治区|国家|中共)[\u4e00-\u9fff]{4,14}?(?:厅|局|部|委员会)")


@rule(
    "completeness.org_name_variant",
    title="同一机构名称写法不一",
    explanation=(
        "报告引用上级或其他机关的文件时写出机关全称。同一份报告里一个机关全称（八个字以上，以厅、局、部或委员会结尾）"
        "出现两种写法，字数相同、只差中间一个字（如“省人力资源和社会保障厅”与“省人力资源和社会保险厅”），"
        "其中一种是笔误：机关的名称只有一个。只差一个表示行政层级的字（州/市、省/市、区/县）的是两个机关（中共昌吉州委组织部与"
        "中共昌吉市委组织部），不报告。本单位自己的名称由“正文中单位名称写法不一”核对，这里不再报告。"
    ),
    formula="同一机构的全称在全文中只有一种写法",
    tolerance="不涉及金额；只差一个字、且不在开头两个字才报告，只作提示（本单位自己的名称写错另由警告报告）",
    example="同一段先写“省人力资源和社会保障厅《关于开展……的通知》”，又写“根据省人力资源和社会保险厅《关于举办……的通知》”",
    expected_label="另一处的写法",
)
def org_name_variant(report: Report) -> Iterable[Finding]:
    own = re.sub(r"[（(][^）)]*[）)]", "", report.agency or "")
    for odd, usual, at, quotes, count in _variants(report, _ORG, 8, lambda k, n: k >= 2):
        if own and (odd in own or usual in own):
            continue
        if any(odd[at] in slot and usual[at] in slot for slot in _SAME_SLOT):
            continue  # 昌吉州委 / 昌吉市委, 州税务局 / 市税务局: two bodies of one place's two levels
        yield make_finding(
            "completeness.org_name_variant",
            "info",  # a slip in another body's name, like completeness.phrase_variant's; the unit's own is a warning
            odd,
            f"报告写“{odd}”（{count[odd]}处），又写“{usual}”（{count[usual]}处）：同一机构的名称只差第"
            f"{at + 1}个字（“{odd[at]}”与“{usual[at]}”），其中一种写法有误。",
            odd,
            usual,
            quotes,
        )


def _variants(
    report: Report, pattern: re.Pattern[str], shortest: int, where: Callable[[int, int], bool]
) -> Iterator[tuple[str, str, int, list[Quote], dict[str, int]]]:
    """Pairs of spellings that ``pattern`` (group 1, or the whole match) finds in the text: same length,
    at least ``shortest`` characters, one character apart at a position ``where(position, length)``
    allows. (the rarer, the other, the position, a quote of each, how often each occurs)."""
    doc = report.document
    first: dict[str, tuple[Block, int]] = {}
    count: dict[str, int] = {}
    for b in doc.blocks if doc else []:
        for m in pattern.finditer(b.text):
            g = 1 if pattern.groups else 0
            first.setdefault(m.group(g), (b, m.start(g)))
            count[m.group(g)] = count.get(m.group(g), 0) + 1
    names = sorted(first)
    order = {id(b): i for i, b in enumerate(doc.blocks)} if doc else {}
    for i, a in enumerate(names):
        for other in names[i + 1 :]:
            if len(a) != len(other) or len(a) < shortest:
                continue
            diff = [k for k in range(len(a)) if a[k] != other[k]]
            if len(diff) != 1 or not where(diff[0], len(a)):
                continue
            # the spelling whose changed character the phrase itself uses again last ("……国际陆港城争做国际陆港人": 陆港
            # twice, not "……国际路港人", though that one is printed more often); else the rarer first, on a tie the one
            # the text has first (which one is right, the report does not say: the message names both)
            k = diff[0]
            odd, usual = sorted(
                (a, other), key=lambda n: (bool(_echoed(n, k)), count[n], order[id(first[n][0])])
            )
            (b, start), (ub, ustart) = first[odd], first[usual]
            quotes = [
                _quote(report, b, start, start + len(odd)),
                _quote(report, ub, ustart, ustart + len(usual)),
            ]
            yield odd, usual, diff[0], quotes, count


def _echoed(text: str, k: int) -> str:
    """A two-character word holding ``text[k]`` that occurs again in ``text``, away from position ``k`` ("" if none)."""
    for w in (text[k : k + 2], text[max(0, k - 1) : k + 1]):
        if len(w) == 2 and any(text.startswith(w, i) and not i <= k < i + 2 for i in range(len(text) - 1)):
            return w
    return ""


# a phrase the report quotes: a slogan, a campaign, a document's title
_QUOTED = re.compile(r"“([^”“]{12,40})”")


@rule(
    "completeness.phrase_variant",
    title="同一引语写法不一",
    explanation=(
        "报告在引号里写出的口号、活动名称或文件标题是固定的说法。同一份报告里一句十二个字以上的引语出现两种写法，"
        "字数相同、只在中间差一个字（如“建设国际陆港城 争做国际陆港人”与“建设国际陆港城 争做国际路港人”），"
        "其中一种是笔误。相差的字在最后两个字里的不报告：那往往是两个不同的活动（“就业服务周”与“就业服务月”）。"
    ),
    formula="同一引语在全文中只有一种写法",
    tolerance="不涉及金额；只差一个字、不在最后两个字才报告，只作提示",
    example="“建设国际陆港城 争做国际陆港人”四季主题招聘（2处）与“建设国际陆港城 争做国际路港人”（3处）",
    expected_label="另一处的写法",
)
def phrase_variant(report: Report) -> Iterable[Finding]:
    for odd, usual, at, quotes, count in _variants(report, _QUOTED, 12, lambda k, n: k < n - 2):
        word = _echoed(usual, at)
        which = (
            f"“{word}”在这句里另有一处，“{odd[at]}”多半是笔误。"
            if word and not _echoed(odd, at)
            else "其中一种写法有误。"
        )
        yield make_finding(
            "completeness.phrase_variant",
            "info",
            odd,
            f"报告写“{odd}”（{count[odd]}处），又写“{usual}”（{count[usual]}处）：同一句只差第{at + 1}个字"
            f"（“{odd[at]}”与“{usual[at]}”），{which}",
            odd,
            usual,
            quotes,
        )


# a clause: a run of eight or more Chinese characters between punctuation, digits or spaces
# characters that take each other's place in one slot, each right where it stands: pronouns and determiners (本区/我区,
# 本单位/我单位), numerals (二楼/三楼, 一村/二村), levels of government (区属/镇属, 区级/街级), directions
_SAME_SLOT = (
    "本我该此其全各每贵",
    "一二三四五六七八九十零〇两百千万",
    "国省市州县区乡镇村街",
    "东南西北上下左右前后中内外",
)
# a fixed phrase: a run of six or more Chinese characters, a table cell or a clause between stops (eight or more: a
# clause, as homophone_variant reads them)
_PHRASE = re.compile(r"[\u4e00-\u9fff]{6,}")


@per_report("document")
def _phrases(report: Report) -> Counter[str]:
    """Every phrase of the report and how often it is written (blocks are joined by newlines: no phrase spans two)."""
    return Counter(_PHRASE.findall(report.document.text)) if report.document else Counter()


@per_report("document")
def _one_apart(report: Report) -> dict[str, set[str]]:
    """Each phrase → the phrases of its length written twice or more that differ from it in one character only
    (homophone_variant, phrase_slip). A one-character difference leaves either half whole: the phrases written twice
    are looked up by their halves."""
    count = _phrases(report)
    halves: dict[tuple[int, int, str], list[str]] = {}
    for phrase, n in count.items():
        if n >= 2:
            h = len(phrase) // 2
            halves.setdefault((len(phrase), 0, phrase[:h]), []).append(phrase)
            halves.setdefault((len(phrase), 1, phrase[h:]), []).append(phrase)
    out: dict[str, set[str]] = {}
    for phrase in count if halves else ():
        h = len(phrase) // 2
        near = {
            known
            for known in chain(
                halves.get((len(phrase), 0, phrase[:h]), ()), halves.get((len(phrase), 1, phrase[h:]), ())
            )
            if known != phrase and sum(p != q for p, q in zip(known, phrase)) == 1
        }
        if near:
            out[phrase] = near
    return out


# pairs that are each right in their own place (以完成/已完成, 的/地/得, 其他/其它, 制定/制订, 必须/必需)
_FUNCTION_CHARS = ("以已", "在再", "的地得", "他它她", "作做", "定订", "即既", "须需")


@cache
def _readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    return frozenset(pinyin(char, heteronym=True, style=Style.NORMAL)[0])


def _simplified(char: str) -> bool:
    """In GB 2312, the simplified set a typed report uses; OCR slips into 財, 単, 減 fall outside it."""
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@rule(
    "completeness.homophone_variant",
    title="同一句话出现同音错字",
    explanation=(
        "报告里反复出现的一句话（八个字以上、全文至少出现三次），有的地方写法不同：字数相同，只差一个字，"
        "而这两个字读音相同（如“沟通不及时导致经济效益指标完成率较低”与“勾通不及时……”）。"
        "这是用拼音输入法打字时选错同音字留下的笔误，同一句话只能有一种写法。"
        "“以/已”“的/地/得”“他/它”“制定/制订”这类两种写法各有用处的字不比较；"
        "有一个字不在简体常用字集（GB 2312）中的不比较，那多半是扫描识别的错字。"
    ),
    formula="同一句话在全文中只有一种写法",
    tolerance="不涉及金额；只差一个同音字、两种写法合计出现三次以上才报告，只作提示",
    example="“勾通不及时导致经济效益指标完成率较低”（2处）与“沟通不及时导致经济效益指标完成率较低”（2处）",
    expected_label="另一处的写法",
)
def homophone_variant(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None:
        return
    count = _phrases(report)
    # pairs of clauses (eight characters or more) that agree but for one position, one of them written at least
    # twice (the pair must occur three times)
    pairs = {
        (min(known, clause), max(known, clause))
        for clause, near in _one_apart(report).items()
        if len(clause) >= 8
        for known in near
    }
    by_position: dict[tuple[int, str], list[tuple[str, str]]] = {}
    for a, other in pairs:
        at = next(k for k in range(len(a)) if a[k] != other[k])
        by_position.setdefault((at, a[:at] + a[at + 1 :]), []).append((a, other))
    if not by_position:
        return
    # a quoted phrase written two ways is completeness.phrase_variant's
    quoted = [v for pair in _variants(report, _QUOTED, 12, lambda k, n: k < n - 2) for v in pair[:2]]
    for (at, _), found in sorted(by_position.items()):
        if len(found) != 1:
            continue  # three or more spellings: a template sentence filled in different ways
        a, other = found[0]
        x, y = a[at], other[at]
        if count[a] + count[other] < 3 or not (_simplified(x) and _simplified(y)):
            continue
        if any(x in group and y in group for group in _FUNCTION_CHARS):
            continue
        if not _readings(x) & _readings(y):
            continue
        if any(a in q or other in q for q in quoted):
            continue
        first = {n: next((b, b.text.index(n)) for b in doc.blocks if n in b.text) for n in (a, other)}
        order = {n: doc.blocks.index(first[n][0]) for n in (a, other)}
        odd, usual = sorted((a, other), key=lambda n: (count[n], order[n]))
        (b, start), (ub, ustart) = first[odd], first[usual]
        yield make_finding(
            "completeness.homophone_variant",
            "info",
            odd,
            f"报告写“{odd}”（{count[odd]}处），又写“{usual}”（{count[usual]}处）：同一句话只差第{at + 1}个字，"
            f"“{odd[at]}”与“{usual[at]}”同音，其中一种是同音错字。",
            odd,
            usual,
            [_quote(report, b, start, start + len(odd)), _quote(report, ub, ustart, ustart + len(usual))],
        )


# characters alike in shape, each group's confused with each other by 五笔 typing, copying by hand and recognisers
# ("集体士地" for 集体土地, "昌古" for 昌吉, "由干" for 由于, "收人" for 收入): each pair differs by a stroke or two
_SHAPE_GROUPS = (
    "土士", "己已巳", "未末", "日曰", "干千于", "大太犬", "天夭", "戊戌戍", "贝见", "人入八", "刀力", "王玉主",
    "木本术", "田由甲申", "古吉", "今令", "折拆析", "侯候", "辩辨辫", "衷哀", "祟崇", "拔拨", "券卷", "冶治",
    "免兔", "鸟乌", "准淮", "徒徙", "竞竟", "斤斥", "即既", "仑仓", "午牛", "风凤", "历厉", "使便", "侍待",
    "记纪", "坚竖", "状壮", "往住", "间问", "史吏", "币市", "申中", "要耍", "季李", "凡几", "综宗", "佳住",
    "原源", "洁结",
)  # fmt: skip
# each character → the characters alike to it (住 is alike to 往 and to 佳)
_ALIKE = {
    c: frozenset("".join(g for g in _SHAPE_GROUPS if c in g)) - {c} for c in set("".join(_SHAPE_GROUPS))
}
_ALIKE_CHAR = re.compile("[" + "".join(sorted(_ALIKE)) + "]")


def _cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


class _Words:
    """Words of one length, sorted, in one string: ``word in words`` by binary search. jieba's 330,000 words of two
    to four characters take 3 MB so, against 50 MB as a set of strings (in each process of the build's pool)."""

    def __init__(self, words: Iterable[str], size: int):
        self.size = size
        self.blob = "".join(sorted(words))

    def __len__(self) -> int:
        return len(self.blob) // self.size

    def __getitem__(self, i: int) -> str:
        return self.blob[i * self.size : (i + 1) * self.size]

    def __contains__(self, word: object) -> bool:
        i = bisect.bisect_left(self, word)  # type: ignore[call-overload]
        return i < len(self) and self[i] == word


# slips common enough that jieba's dictionary took them in from its source texts (自已 263 times against 自己's
# 90,933): known 错别字, slips all the same. Any other dictionary word is a word, however rare ("太大", "本币", "以使":
# right where they stand)
_ATTESTED_SLIPS = frozenset(
    (
        "自已",
        "收人",
        "输人",
        "时侯",
        "气侯",
        "问侯",
        "诸候",
        "选拨",
        "提拨",
        "千部",
        "若于",
        "历害",
        "粉未",
        "记要",
        "辩认",
    )
)
# words official texts write that jieba's dictionary lacks: never slips ("人社部门", "一人一档", a table's "本年收入小计")
_MISSING_WORDS = ("人社", "一人", "小计")


# a word of one character written twice that jieba's source texts used this often is a word in use (大大 3,455, 常常
# 5,147); one used less is a rarity the dictionary took in (接接 3, 估估 2)
_REDUPLICATED = 100


class _Lexicon(NamedTuple):
    words: dict[int, _Words]  # by length, two to four characters
    slips: dict[str, tuple[tuple[str, int], ...]]  # a pair that is no word → (the word, the changed position)
    long_slips: frozenset[str]  # a string one look-alike away from a word of three or four characters
    alone: dict[str, int]  # how often a character was counted as a word on its own
    doubled: frozenset[
        str
    ]  # words of one character written twice that are words in use (大大, 常常; not 接接)
    names: frozenset[
        str
    ]  # words of two to four characters tagged as names: people, places, bodies (李娜, 娜娜, 昌吉州)


@cache
def _lexicon() -> _Lexicon:
    """jieba's dictionary (a word list of modern Chinese; only the list is read, nothing is segmented), read once a
    process (0.6 s):
    - its words of two to four characters;
    - every pair one shape-alike character away from a two-character word that is no word itself (not in the
      dictionary, or a known 错别字 it took in: _ATTESTED_SLIPS), with (the word, the position of the changed
      character): 16,700 pairs;
    - every string one shape-alike character away from a word of three or four characters that is no word itself
      ("服务申心" from 服务中心), where the look-alike is inside the word or the rest of the word is no word of its own:
      a look-alike at the edge of a word made of a word and one more character reads as that word and a word of one
      character as written ("季度|未安排" is no slip for 季度末, "工作|大" none for 工作犬; so "操作|问的改造" for 操作间
      cannot be told either). Numerals (三十八: "三十人") and people's names (王凤清: "王风清", 田自然: "由自然资源局")
      are left out by jieba's tags: 38,700 strings;
    - how often its source texts used each character alone (住 29,609, 贷 783, 仲 274, 绩 140; 11,580 characters);
    - its words of one character written twice that its source texts used at least _REDUPLICATED times (大大 3,455,
      常常 5,147; not 接接, 3: a rarity it took in)."""
    from pathlib import Path

    import jieba

    by_size: dict[int, list[str]] = {2: list(_MISSING_WORDS), 3: [], 4: []}
    plain: list[str] = []  # words of three or four characters that are neither numerals nor names
    alone: dict[str, int] = {}
    doubled: set[str] = set()
    names: set[str] = set()
    with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as f:
        for line in f:
            w, count, tag = line.split()
            if len(w) == 1:
                alone[w] = int(count)
            elif len(w) <= 4:
                by_size[len(w)].append(w)
                if len(w) == 2 and w[0] == w[1] and int(count) >= _REDUPLICATED:
                    doubled.add(w)
                if tag.startswith(("nr", "ns", "nt")):
                    names.add(w)
                if len(w) >= 3 and tag != "m" and not tag.startswith("nr"):
                    plain.append(w)
    two = set(by_size[2])
    slips: dict[str, list[tuple[str, int]]] = {}
    for w in two - _ATTESTED_SLIPS:
        for k in (0, 1):
            for c in _ALIKE.get(w[k], ()):
                slip = w[:k] + c + w[k + 1 :]
                if slip not in two or slip in _ATTESTED_SLIPS:
                    slips.setdefault(slip, []).append((w, k))
    words = {size: _Words(found, size) for size, found in by_size.items()}
    long_slips: set[str] = set()
    for w in plain:
        for m in _ALIKE_CHAR.finditer(w):
            k, shorter = m.start(), words[len(w) - 1]
            if (k == 0 and w[1:] in shorter) or (k == len(w) - 1 and w[:-1] in shorter):
                continue
            long_slips.update(
                slip for c in _ALIKE[m.group()] if (slip := w[:k] + c + w[k + 1 :]) not in words[len(w)]
            )
    return _Lexicon(
        words,
        {slip: tuple(sorted(found)) for slip, found in slips.items()},
        frozenset(long_slips),
        alone,
        frozenset(doubled),
        frozenset(names),
    )


@cache
def _two() -> frozenset[str]:
    """The dictionary's words of two characters as a set (114,000; 8 MB): a pair looked up at every place of a text."""
    blob = _lexicon().words[2].blob
    return frozenset(blob[i : i + 2] for i in range(0, len(blob), 2))


@cache
def _outside_gb2312() -> re.Pattern[str]:
    """A Chinese character outside GB 2312 (the simplified set a typed report uses)."""
    chars = "".join(chr(c) for c in range(0x4E00, 0xA000) if not _simplified(chr(c)))
    return re.compile("[" + chars + "]")


def _recognised(doc: Document) -> bool:
    """A text export a recogniser read before it reached us: Chinese characters outside GB 2312, the forms
    recognisers give (財, 単, 減: 52 in 003). Its slips are the recogniser's. (Pages our own OCR read are known by
    page: Document.ocr_pages.)"""
    return len(_outside_gb2312().findall(doc.text)) >= 3


@per_report("document")
def _typed(report: Report) -> Document | None:
    """The report's document when its text was typed, not read by a recogniser (the typo readings' input: a
    recogniser's slips are its own)."""
    doc = report.document
    return doc if doc is not None and not _recognised(doc) else None


def _typed_hits(
    report: Report, pattern: re.Pattern[str], needs: str | re.Pattern[str]
) -> Iterator[tuple[Block, re.Match[str]]]:
    """_hits in a typed report, outside the pages our OCR read (a recogniser's slips are its own)."""
    doc = _typed(report)
    if doc is None:
        return
    for b, m in _hits(report, pattern, needs):
        if b.page_at(m.start()) not in doc.ocr_pages:
            yield b, m


def _context(text: str, at: int, size: int) -> tuple[str, int]:
    """text[at:at+size] with up to three characters on each side, line breaks taken out (a word a PDF or an export
    wrapped, "铺设木地|板", is whole), and where it starts in that."""
    left = text[max(0, at - 8) : at].replace("\n", "")[-3:]
    right = text[at + size : at + size + 8].replace("\n", "")[:3]
    return left + text[at : at + size] + right, len(left)


def _joins_a_word(text: str, at: int, words: dict[int, _Words], inside: bool = True) -> bool:
    """Whether the pair text[at:at+2] belongs to words other than itself: its first character ends a word of the
    text before it ("本年|未安排", "部门|入驻"), its second opens one after it ("由于|部门", "为|公共"), a figure's
    年/月/日/号 ends before it ("2024年|未发生"), or (``inside``) a word of three or four characters holds it whole
    ("据为己有", "精明强干"). Line breaks are taken out of the text around it: a word a PDF or an export wrapped
    ("铺设木地|板") is whole."""
    s, i = _context(text, at, 2)
    if i and s[i - 1].isdigit() and s[i] in "年月日号":
        return True
    if inside and any(
        s[a:b] in words[b - a] for a in range(i + 1) for b in range(i + 2, len(s) + 1) if 3 <= b - a <= 4
    ):
        return True
    return any(i - k >= 0 and s[i - k : i + 1] in words[k + 1] for k in (1, 2, 3)) or any(
        i + 2 + k <= len(s) and s[i + 1 : i + 2 + k] in words[k + 1] for k in (1, 2, 3)
    )


class _Unwrapped:
    """A text without its line breaks (a word a PDF wrapped, a table cell split over two lines, is whole), and where
    each of its characters stands in the text."""

    def __init__(self, text: str):
        self.flat = text.replace("\n", "")
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.moved = [b - n for n, b in enumerate(self.breaks)]  # where each line break was in flat

    def at(self, i: int) -> int:
        """Where flat[i] stands in the text."""
        return i + bisect.bisect_right(self.moved, i)

    def flat_at(self, offset: int) -> int:
        """Where the text's character at ``offset`` (no line break) stands in flat."""
        return offset - bisect.bisect_left(self.breaks, offset)


@per_report("document")
def _unwrapped(report: Report) -> _Unwrapped:
    """The report's text without its line breaks (shape_variant, dropped_char)."""
    return _Unwrapped(report.document.text if report.document else "")


def _stands_alone(text: str, at: int, words: dict[int, _Words]) -> bool:
    """Whether text[at] is in no word of two to four characters with the characters around it (line breaks taken out:
    a wrapped word is whole)."""
    s, i = _context(text, at, 1)
    return not _in_a_word(s, i, words)


def _as_word(text: str, word: str, words: dict[int, _Words]) -> int:
    """How often ``word`` (two characters) stands in ``text`` as a word: not straddling two (入社 in "深入社区" is not
    one)."""
    return sum(1 for m in re.finditer(word, text) if not _joins_a_word(text, m.start(), words, inside=False))


def _around(text: str, at: int, end: int, span: int = 12, lines: bool = False) -> tuple[int, int]:
    """text[at:end] widened by up to ``span`` Chinese characters on each side (not past a figure or a stop; nor past a
    line break, unless ``lines``)."""

    def cjk(c: str) -> bool:
        return _cjk(c) or (lines and c == "\n")

    start = at
    while start > 0 and at - start < span and cjk(text[start - 1]):
        start -= 1
    stop = end
    while stop < len(text) and stop - end < span and cjk(text[stop]):
        stop += 1
    return start, stop


@rule(
    "completeness.shape_variant",
    title="形近字笔误",
    explanation=(
        "报告里两个相邻的字不是词（jieba 分词词典约35万词中没有，或是词典收进的常见错别字，如“自已”“收人”），"
        "把其中一个字换成字形相近的字（土/士、古/吉、干/于、人/入……）就成了报告自己多次使用的词"
        "（作为词至少三次，且是这两个字出现次数的三倍以上），如“征收集体士地房屋”与全文13处“土地”："
        "疑为打字或誊抄时的形近字笔误。两个字分属前后两个词的（“本年|未安排”“部门|入驻”“2024年|未发生”，"
        "换行处也按连着读）、在三四个字的词里的（“据为己有”）不比较；词典中有的词即使少见也不比较（“太大”“本币”）；"
        "经文字识别（OCR）读出的页面和文本不比较，那里的形近错字多半是识别造成的。"
        "报告别处没有用到的词，也看词典：一个字与前后的字都组不成词，换成字形相近的字就与前后的字组成词典中三四个字的词"
        "（“就业服务申心”：“服务中心”），只有一个形近字能组成词时才报告（“分辫率”可以是分辨率也可以是分辩率，不报告）；"
        "形近字在词的头尾、词的其余部分本身是词的不报告（“第三季度未完成”照写读得通，不能说是“季度末”之误；"
        "“会议操作问的改造”也因此分不清）；数词（“二十人”与“二十八”）和人名（“王风清”与“王凤清”）不比较。"
    ),
    formula="不是词的两字 → 换一个形近字 = 报告中常用的词；或不成词的字 → 换一个形近字 = 词典中三四个字的词",
    tolerance="不涉及金额；只作提示",
    example="“负责征收集体士地房屋补偿工作”：“士地”不是词，“土地”在报告中作为词出现13次",
    expected_label="应为",
)
def shape_variant(report: Report) -> Iterable[Finding]:
    doc = _typed(report)
    if doc is None:
        return
    words, slips = _lexicon().words, _lexicon().slips
    text = doc.text  # the blocks joined by newlines: no pair spans two
    # where each slip stands, found from the shape-alike characters (2,000 in 004's 37,000)
    where: dict[str, set[int]] = {}
    for m in _ALIKE_CHAR.finditer(text):
        for at in (m.start() - 1, m.start()):
            if at >= 0 and (pair := text[at : at + 2]) in slips:
                where.setdefault(pair, set()).add(at)
    starts: list[int] = []
    reported: set[int] = set()

    def ocr_read(at: int) -> bool:  # on a page our OCR read: a slip there is the recogniser's
        b, offset = block_at(doc, starts, at)
        return b.page_at(offset) in doc.ocr_pages

    for pair, found in sorted(where.items()):
        if len(found) > 2:
            continue
        usual = [
            (w, k, c) for w, k in slips[pair] if (c := _as_word(text, w, words)) >= 3 and c >= 3 * len(found)
        ]
        if len(usual) != 1:
            continue
        if not starts:
            starts = block_starts(doc)
        spots = sorted(at for at in found if not _joins_a_word(text, at, words) and not ocr_read(at))
        if not spots:
            continue
        # (the count said is every place the word is written, what a reader searching the report finds; the count read
        # above, where it stands as a word, only guards against words straddling two)
        w, k, _ = usual[0]
        # the word where the report writes it nearest the slip: "……土地征收……" in the same list of duties
        near = min((m.start() for m in re.finditer(w, text)), key=lambda x: (abs(x - spots[0]), x))
        quotes = []
        for at, size in ((spots[0], 2), (near, len(w))):
            blk, offset = block_at(doc, starts, at)
            quotes.append((blk, *_around(blk.text, offset, offset + size)))
        said = quotes[0][0].text[quotes[0][1] : quotes[0][2]]
        reported.update((spots[0], spots[0] + 1))
        yield make_finding(
            "completeness.shape_variant",
            "info",
            pair,
            f"报告写“{said}”，“{pair}”不是词（词典中没有，或是常见的错别字）；把“{pair[k]}”换成字形相近的"
            f"“{w[k]}”，就是报告中{text.count(w)}处使用的“{w}”：疑为笔误，是否应为“{said.replace(pair, w, 1)}”？",
            pair,
            w,
            [_quote(report, blk, start, end) for blk, start, end in quotes],
        )
    # a word the report does not use elsewhere: a character in no word with the characters around it whose look-alike
    # makes a dictionary word of three or four characters with them ("就业服务申心": 服务中心)
    long_slips = _lexicon().long_slips
    unwrapped = _unwrapped(report)
    flat = unwrapped.flat
    seen: dict[tuple[str, str], list[int]] = {}
    for m in _ALIKE_CHAR.finditer(flat):
        i, x = m.start(), m.group()
        at = unwrapped.at(i)
        if at in reported:
            continue
        fixes = {
            (slip, fixed, alike)
            for size in (3, 4)
            for p in range(max(0, i - size + 1), i + 1)
            if (slip := flat[p : p + size]) in long_slips
            for alike in _ALIKE[x]
            if (fixed := slip[: i - p] + alike + slip[i - p + 1 :]) in words[size]
        }
        if len({alike for _, _, alike in fixes}) != 1 or not _stands_alone(flat, i, words):
            continue  # no look-alike makes a word, or two do (which one was meant cannot be told)
        slip, fixed, _ = max(fixes, key=lambda f: (len(f[0]), f))
        seen.setdefault((slip, fixed), []).append(at)
    for (slip, fixed), spots in sorted(seen.items()):
        if not starts:
            starts = block_starts(doc)
        spots = [i for i in spots if not ocr_read(i)]
        if not spots:
            continue
        blk, offset = block_at(doc, starts, spots[0])
        start, end = _around(blk.text, offset, offset + 1, lines=True)
        said = blk.text[start:end].replace("\n", "")
        if slip not in said:
            continue  # the word runs over two blocks (a table's cells): no quote shows it whole
        k = next(j for j in range(len(slip)) if slip[j] != fixed[j])
        yield make_finding(
            "completeness.shape_variant",
            "info",
            slip,
            f"报告写“{said}”{f'（{len(spots)}处）' if len(spots) > 1 else ''}，“{slip[k]}”与前后的字都组不成词；"
            f"把它换成字形相近的“{fixed[k]}”，就是词典中的“{fixed}”：疑为笔误，是否应为"
            f"“{said.replace(slip, fixed, 1)}”？",
            slip,
            fixed,
            [_quote(report, blk, start, end)],
        )


@rule(
    "completeness.phrase_slip",
    title="固定说法中有一个字打错",
    explanation=(
        "报告里同一句话（六个字以上，如自评表中的指标名称“狠抓就业创业政”）至少出现两次，另有一处只差一个字，"
        "而差的这个字与前后的字都组不成词（jieba 分词词典中没有，如“贵抓”），原来的写法却只在一边成词（“狠抓”）："
        "疑为打错了字。两个字同音（completeness.homophone_variant）或形近（completeness.shape_variant）的由那两条规则报告；"
        "两种写法都成词的（“年初结转和结余”与“年末结转和结余”）是两句不同的话；可以互换的字（本/我、二/三、区/镇、上/下："
        "“本区”与“我区”、“二楼”与“三楼”）各在其位，不比较；经文字识别（OCR）读出的页面和文本不比较。"
    ),
    formula="同一句话在全文中只有一种写法",
    tolerance="不涉及金额；只差一个字、错的一处组不成词才报告，只作提示",
    example="自评表中“狠抓就业创业政”两处，另一张表写“贵抓就业创业政”：“贵抓”不是词",
    expected_label="另一处的写法",
)
def phrase_slip(report: Report) -> Iterable[Finding]:
    doc = _typed(report)
    if doc is None:
        return
    words = _lexicon().words[2]
    count = _phrases(report)
    for odd, near in sorted(_one_apart(report).items()):
        if count[odd] != 1 or len(near) != 1:
            continue
        (usual,) = near
        k = next(i for i in range(len(odd)) if odd[i] != usual[i])
        x, y = odd[k], usual[k]
        if _readings(x) & _readings(y) or y in _ALIKE.get(x, ()):
            continue  # a homophone or a look-alike: homophone_variant's and shape_variant's kind, with their own guards
        if any(x in slot and y in slot for slot in _SAME_SLOT):
            continue  # 本区/我区, 二楼/三楼, 区属/镇属: each right in its place, whatever the dictionary holds
        around = [(j, j + 2) for j in (k - 1, k) if j >= 0 and j + 2 <= len(odd)]
        if any(odd[a:b] in words for a, b in around):
            continue
        fits = [(a, b) for a, b in around if usual[a:b] in words]
        if len(fits) != 1:
            continue  # no word, or a word on each side ("制定本区": 定本 or 本区?): which one it is cannot be told
        start, end = fits[0]
        where = _phrase_quote(report, odd)
        if where.page in doc.ocr_pages:
            continue  # on a page our OCR read: the recogniser's slip
        yield make_finding(
            "completeness.phrase_slip",
            "info",
            odd,
            f"报告写“{odd}”（1处），又写“{usual}”（{count[usual]}处）：同一说法只差第{k + 1}个字，"
            f"“{odd[start:end]}”不是词，“{usual[start:end]}”是：疑为打错了字，是否应为“{usual}”？",
            odd,
            usual,
            [where, _phrase_quote(report, usual)],
        )


def _phrase_quote(report: Report, phrase: str) -> Quote:
    """Where the report first writes ``phrase`` as a phrase of its own (not inside a longer one: "狠抓就业创业政" is also
    the start of "狠抓就业创业政策落实")."""
    alone = re.compile(rf"(?<![\u4e00-\u9fff]){re.escape(phrase)}(?![\u4e00-\u9fff])")
    for blk in report.document.blocks if report.document else []:
        if phrase in blk.text and (m := alone.search(blk.text)):
            return _quote(report, blk, m.start(), m.end())
    raise ValueError(phrase)  # _phrases found it in this document


# a character jieba's source texts used alone fewer times than this is bound to its words (仲 274, of 仲裁; 绩 140, 培
# 260, 综 256); one used alone more often is a word a report shortens words to (贷 783 for 贷款, 残 1,391, 险 1,733, 岗
# 5,473, 住 29,609), and no slip when it stands alone
_BOUND = 500
# punctuation that closes a clause after a word, or opens one before it: a character dropped there leaves it whole
_CLOSING = frozenset("，。；、：,;:)）》”")
_OPENING = frozenset("，。；、：,;:(（《“")


def _in_a_word(flat: str, i: int, words: dict[int, _Words]) -> bool:
    """Whether ``flat[i]`` is part of a dictionary word of two to four characters with the characters around it."""
    return any(
        flat[a : a + size] in words[size]
        for size in (2, 3, 4)
        for a in range(max(0, i - size + 1), i + 1)
        if a + size <= len(flat)
    )


@rule(
    "completeness.dropped_char",
    title="漏字",
    explanation=(
        "某个不单用的字（jieba 分词词典统计的单用次数不足500，如“仲”274次）在报告中只出现在一个词里（“仲”字18处都在"
        "“仲裁”里），只有一处单独出现，与前后的字都组不成词，而补上那个词的另一个字，就是报告至少三处写过的说法"
        "（“调解仲裁”）：疑为漏了一个字，如“调解仲管理科”。能单用的字不比较，报告常把词缩成它们（“创业担保贷贴息”的贷、"
        "“见习岗”的岗、“残保金”的残、“工伤险”的险）；并列的简称不算漏字（“津补贴”即津贴、补贴）；缺字一侧的字"
        "不成词的，是换了字而不是漏了字（“贵抓”，由 completeness.phrase_slip 报告）；段落或单元格末尾的不比较"
        "（单元格被截断）；表格各栏挤在一行、那个字就在附近另起一栏的不比较；说法中有数字或符号的不比较；"
        "经文字识别（OCR）读出的页面和文本不比较。"
    ),
    formula="单独出现一次的字 + 补上的字 = 报告中至少三处的说法",
    tolerance="不涉及金额；只作提示",
    example="“劳动关系和工资福利科、调解仲管理科”：“仲”字另外18处都在“仲裁”里，“调解仲裁”出现6处",
    expected_label="应为",
)
def dropped_char(report: Report) -> Iterable[Finding]:
    doc = _typed(report)
    if doc is None:
        return
    words = _lexicon().words
    # a table cell split over two lines ("职业技能竞|赛个数") is whole
    unwrapped = _unwrapped(report)
    flat = unwrapped.flat
    chars = Counter(flat)
    # characters bound to their words (a character used as a word of its own is one a report shortens words to:
    # 担保贷, 见习岗, 工伤险)
    single = _lexicon().alone
    bound = "".join(x for x, n in chars.items() if n >= 4 and _cjk(x) and single.get(x, 0) < _BOUND)
    if not bound:
        return
    # each bound character with the one after it (k = 0) and before it (k = 1)
    beside: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    for m in re.finditer(f"[{bound}]", flat):
        beside[0][flat[m.start() : m.start() + 2]] += 1
        beside[1][flat[max(0, m.start() - 1) : m.start() + 1]] += 1
    # a word of a bound character the report writes at least three times, the character once more alone
    alone = [
        (w, uses, k)
        for k in (0, 1)
        for w, uses in beside[k].items()
        if uses >= 3 and len(w) == 2 and w[0] != w[1] and chars[w[k]] == uses + 1 and _cjk(w[1 - k])
    ]
    if not alone:
        return
    starts = block_starts(doc)
    opens = {unwrapped.flat_at(start) for start in starts}  # where a block starts in flat
    for w, uses, k in sorted(alone):
        x, c = w[k], w[1 - k]  # the character that stands alone once; the one dropped beside it
        if w not in words[2]:
            continue
        (i,) = (
            m.start() for m in re.finditer(x, flat) if flat[max(0, m.start() - k) : m.start() - k + 2] != w
        )
        # the phrase it stands in, with the dropped character back: two characters before it and the word
        # ("调解仲" + "裁"), or the word and two characters after it
        phrase = flat[max(0, i - 2) : i + 1] + c if k == 0 else c + flat[i : i + 3]
        if len(phrase) != 4 or not all(map(_cjk, phrase)) or flat.count(phrase) < 3:
            continue
        # a table whose cells run together on one line moves a character rather than drop it: 裁 opening the next
        # cell ("调解仲项目资金" | "裁院（万元）") stands alone near it
        if any(
            flat[max(0, p - (1 - k)) : p - (1 - k) + 2] != w
            for p in range(max(0, i - 10), i + 11)
            if flat[p : p + 1] == c
        ):
            continue
        if _in_a_word(flat, i, words) or (i + 1 if k == 0 else i) in opens:
            continue  # in a word; or at its block's end on the gap's side: a cell cut short ("狠抓就业创业政") is
            # not told from a character left out
        # a character dropped leaves its neighbour on that side in a word of its own ("调解仲|管理科"); a
        # neighbour in no word is rather a character put in its place (phrase_slip's "贵抓" for 狠抓)
        j = i + 1 if k == 0 else i - 1
        if flat[j : j + 1] not in (_CLOSING if k == 0 else _OPENING) and not any(
            flat[a : a + size] in words[size]
            for size in (2, 3, 4)
            for a in range(j - size + 1, j + 1)
            if (a > i if k == 0 else a + size <= i) and a >= 0
        ):
            continue
        # a shortened pair of words sharing their last or first character: "津补贴" is 津贴 and 补贴
        if k == 0 and flat[i + 1 : i + 3] in words[2] and flat[i + 2] == c:
            continue
        if k == 1 and flat[i - 2 : i] in words[2] and flat[i - 2] == c:
            continue
        blk, offset = block_at(doc, starts, unwrapped.at(i))
        if blk.page_at(offset) in doc.ocr_pages:
            continue  # on a page our OCR read: the recogniser's slip
        # where the report writes the phrase in one paragraph or cell (a table's cell may run on into the next block,
        # "劳动人事争议调解" | "仲裁工作经费": counted, not quoted), nearest the slip
        whole = [
            p for p in (m.start() for m in re.finditer(phrase, flat)) if opens.isdisjoint(range(p + 1, p + 4))
        ]
        if not whole:
            continue
        near = min(whole, key=lambda p: (abs(p - i), p))
        start, end = _around(blk.text, offset, offset + 1, lines=True)
        said = blk.text[start:end]
        fixed = (said[: offset - start] + (x + c if k == 0 else c + x) + said[offset - start + 1 :]).replace(
            "\n", ""
        )
        nblk, noffset = block_at(doc, starts, unwrapped.at(near))
        nstart, nend = _around(
            nblk.text, noffset, noffset + 4 + nblk.text.count("\n", noffset, noffset + 8), lines=True
        )
        said = said.replace("\n", "")
        yield make_finding(
            "completeness.dropped_char",
            "info",
            said,
            f"报告写“{said}”，“{x}”字在报告中另外{uses}处都在“{w}”一词里，只有这里单独出现，与前后的字都组不成词；"
            f"补上“{c}”，就是报告中{flat.count(phrase)}处写过的“{phrase}”：疑为漏了一个字，是否应为“{fixed}”？",
            said,
            fixed,
            [_quote(report, blk, start, end), _quote(report, nblk, nstart, nend)],
        )


@rule(
    "completeness.moved_char",
    title="字序错乱",
    explanation=(
        "报告里连着三个以上的字，每个字都与前后的字组不成词（jieba 分词词典中没有），把其中一个字挪到这几个字中的"
        "另一个位置，这几个字就全都成了报告自己多次使用的词（每个两字词在报告中至少出现三次），且只有一种挪法："
        "疑为打字时字序错乱，如“促进充分就业，护就维业局势稳定”（“维护”11处、“就业”142处）。"
        "只挪一个字、只在这几个组不成词的字之间挪；挪出的词报告中少见的不报告（“三高四新”“一单四制”这类提法，"
        "挪一挪也能凑成词典中的词，但不是报告用的词）；经文字识别（OCR）读出的页面和文本不比较。"
    ),
    formula="组不成词的一串字 → 挪动一个字 = 报告中常用的词",
    tolerance="不涉及金额；只作提示",
    example="“促进充分就业，护就维业局势稳定”：挪动“维”字成“维护就业”",
    expected_label="应为",
)
def moved_char(report: Report) -> Iterable[Finding]:
    doc = _typed(report)
    if doc is None:
        return
    words, two = _lexicon().words, _two()
    text = "\n" + doc.text + "\n"  # a run at either end has a pair that is no word beside it too
    # a pair that is a word, at each place of the text; three places running where none is a word (two characters
    # standing alone on each side) are where a run of characters in no word can be
    pair_words = "".join(map("01".__getitem__, map(two.__contains__, map(str.__add__, text, text[1:]))))
    uses: dict[str, int] = {}

    def usual(w: str) -> bool:  # a word of two characters the report writes at least three times as a word
        if w not in uses:
            found = (m.start() for m in re.finditer(w, text)) if w in two and text.count(w) >= 3 else iter(())
            # not straddling two words: 银政 inside 银政企 is none
            uses[w] = sum(
                1 for _ in islice((at for at in found if not _joins_a_word(text, at, words, False)), 3)
            )
        return uses[w] >= 3

    starts: list[int] = []
    seen: dict[tuple[str, str], list[int]] = {}
    for m in re.finditer("0{4,}", pair_words):
        # the characters between the first and last pair: in no word of two characters with their neighbours; the
        # Chinese stretches of three to six of them
        for r in re.finditer("[\u4e00-\u9fff]+", text[m.start() + 1 : m.end()]):
            if not 3 <= len(r.group()) <= 6:
                continue
            run, start = r.group(), m.start() + 1 + r.start()
            fixes = set()
            for a in range(len(run)):
                for b in range(len(run)):
                    if a == b:
                        continue
                    moved = list(run)
                    moved.insert(b, moved.pop(a))
                    fixed = "".join(moved)
                    # with a neighbour on each side (the text is padded): each character in a usual word
                    s = text[start - 1] + fixed + text[start + len(run)]
                    if all(usual(s[t - 1 : t + 1]) or usual(s[t : t + 2]) for t in range(1, 1 + len(run))):
                        fixes.add(fixed)
            # one way to put it right, and no word of three or four characters holding any of them as written
            if len(fixes) == 1 and all(_stands_alone(text, t, words) for t in range(start, start + len(run))):
                seen.setdefault((run, fixes.pop()), []).append(start)
    for (run, fixed), spots in sorted(seen.items()):
        if not starts:
            starts = block_starts(doc)
        blk, offset = block_at(doc, starts, spots[0] - 1)  # the padded text's offset
        if blk.page_at(offset) in doc.ocr_pages:
            continue  # on a page our OCR read: the recogniser's slip
        start, end = _around(blk.text, offset, offset + len(run))
        said = blk.text[start:end]
        yield make_finding(
            "completeness.moved_char",
            "info",
            run,
            f"报告写“{said}”{f'（{len(spots)}处）' if len(spots) > 1 else ''}，“{run}”几个字都与前后的字组不成词；"
            f"挪动一个字成“{fixed}”，就都是报告中多次使用的词：疑为字序错乱，是否应为“{said.replace(run, fixed, 1)}”？",
            run,
            fixed,
            [_quote(report, blk, start, end)],
        )


# an item of a list written twice running: "进行资格审核、审核、确定补助对象" (the second may repeat the end of the first)
# (not the figure of speech "落实、落实、再落实", "强调、强调、再强调": the third again with 再)
_REPEATED_ITEM = re.compile(r"([\u4e00-\u9fff]{2,8})、\1(?=[、，,。；;])(?!、再\1)")
_CLAUSE_STOPS = "，,。；;：:"


@rule(
    "completeness.repeated_item",
    title="列举中同一项写了两遍",
    explanation=(
        "用顿号列举的几项中，同一项接连写了两遍（后一项与前一项或前一项的末尾相同，如“进行资格审核、审核、确定补助对象”）："
        "疑为誊抄或编辑时重复。只看两个字以上、紧挨着的两项；经文字识别（OCR）读出的页面和文本不比较。"
    ),
    formula="“甲、甲、”",
    tolerance="不涉及金额；只作提示",
    example="“对符合条件的公益性补助人员进行资格审核、审核、确定补助对象”",
    expected_label="应为",
)
def repeated_item(report: Report) -> Iterable[Finding]:
    seen = set()
    for b, m in _typed_hits(report, _REPEATED_ITEM, "、"):
        start = max(b.text.rfind(c, 0, m.start()) for c in _CLAUSE_STOPS) + 1
        ends = [e for c in _CLAUSE_STOPS if (e := b.text.find(c, m.end())) >= 0]
        end = min(ends) if ends else len(b.text)
        start, end = max(start, m.start() - 30), min(end, m.end() + 30)
        said, item = b.text[start:end], m.group(1)
        if (said, item) in seen:
            continue
        seen.add((said, item))
        yield make_finding(
            "completeness.repeated_item",
            "info",
            said,
            f"报告写“{said}”：列举的各项中“{item}”接连写了两遍，疑为重复，是否应为"
            f"“{said.replace(m.group(), item, 1)}”？",
            m.group(),
            item,
            [_quote(report, b, start, end)],
        )


# two full-width stops running: "均已达成。。" (001), "……国有资本经营预算财政拨款。。" (the 测试问题版本); three or more
# are an ellipsis written with stops (the template's "4 。。。" rows), not a slip
_DOUBLED_STOP = re.compile(r"(?<![，。；、：])[，。；、：]{2}(?![，。；、：])")


@rule(
    "completeness.doubled_stop",
    title="标点重复",
    explanation=(
        "两个标点接连写在一起（“。。”“，，”“，。”）：多半是编辑时留下的，读者分不清那里是否漏了字。只看全角的逗号、"
        "句号、分号、顿号和冒号；三个以上相连（“。。。”）是用句号代替的省略号，不算；经文字识别（OCR）读出的页面不看"
        "（识别常把污点读成标点）。只作提示。"
    ),
    formula="全角标点“，。；、：”中任意两个相连",
    tolerance="不涉及金额；只作提示",
    example="“所设定的项目绩效目标均已达成。。预算执行情况：……”",
    expected_label="应为",
)
def doubled_stop(report: Report) -> Iterable[Finding]:
    for b, m in _typed_hits(report, _DOUBLED_STOP, _DOUBLED_STOP):
        start, end = max(0, m.start() - 20), min(len(b.text), m.end() + 10)
        said = b.text[start:end]
        yield make_finding(
            "completeness.doubled_stop", "info", f"{said}{place(report, b, start, said)}",
            f"{page_ref(report, b.page_at(m.start()))}写“{said}”：两个标点“{m.group()}”接连写在一起，"
            "疑为编辑时多留了一个标点（或其间漏了文字）。",
            m.group(), m.group()[0] if m.group()[0] == m.group()[1] else "一个标点",
            [_quote(report, b, start, end)],
        )  # fmt: skip


# a closing quotation mark written as an opening one: "纳入财政预算管理的“三公“经费" (004's 名词解释); the words between
# short and without a stop, and no closing mark after the second one before the next opening or the paragraph's end
_QUOTE_TWICE_OPENED = re.compile(r"“([^“”，。；：、\n]{1,12})“")


@rule(
    "completeness.quote_mark",
    title="引号方向写反",
    explanation=(
        "一对引号写成了两个前引号（“三公“经费）：后一个应为后引号。只看两个前引号之间不过十二个字、不含标点，"
        "且后一个前引号之后到下一个前引号或段末都没有后引号的，这时两个前引号只能是一对。只作提示。"
    ),
    formula="“甲“ 之后到下一个“或段末没有” ⇒ 应为“甲”",
    tolerance="不涉及金额；只作提示",
    example="纳入财政预算管理的“三公“经费",
    expected_label="应为",
)
def quote_mark(report: Report) -> Iterable[Finding]:
    for b, m in _typed_hits(report, _QUOTE_TWICE_OPENED, "“"):
        after = re.search(r"[“”]", b.text[m.end() :])
        if after and after.group() == "”":
            continue  # a closing mark follows: the second mark opens a quotation of its own
        start, end = max(0, m.start() - 12), min(len(b.text), m.end() + 6)
        said = b.text[start:end]
        yield make_finding(
            "completeness.quote_mark", "info", f"{said}{place(report, b, start, said)}",
            f"{page_ref(report, b.page_at(m.start()))}写“{said}”：“{m.group(1)}”两边写的都是前引号（“），后一个应为"
            "后引号（”）。",
            m.group(), f"“{m.group(1)}”",
            [_quote(report, b, start, end)],
        )  # fmt: skip


# a change on last year said against "上一度" (规划局 "项目支出增加，较上一度增加1133.95万元", three times): 一度 is "once",
# no period; the report's own "与上一年度持平" has the 年
_CLAUSE_REST = re.compile(r"[^，。；,;\n]{0,16}")
_PERIOD_SHORT = re.compile(r"(?:较|比|与|同)(?P<w>上一度|上度)(?=[增减相持下上基降])")


def _clause_end(text: str, at: int) -> int:
    rest = _CLAUSE_REST.match(text, at)
    return rest.end() if rest else at


@rule(
    "completeness.period_word",
    title="“上一年度”漏写“年”",
    explanation=(
        "与上年比较时写“较上一度增加”“比上度减少”：“一度”是“曾经”的意思，不是时期，“上一度”“上度”都不成话，"
        "应为“上一年度”（或“上年度”）。只看比较词（较、比、与、同）之后、紧接增减或“相比”“持平”的写法。同一写法"
        "多处出现的合成一条，列出各处。只作提示。"
    ),
    formula="“较/比/与/同 + 上一度/上度 + 增减、相比、持平” ⇒ 应为“上一年度”",
    tolerance="不涉及金额；只作提示",
    example="“主要原因：项目支出增加，较上一度增加1133.95万元”",
    expected_label="应为",
)
def period_word(report: Report) -> Iterable[Finding]:
    hits: dict[str, list[tuple[Block, re.Match[str]]]] = {}
    for b, m in _typed_hits(report, _PERIOD_SHORT, "度"):
        hits.setdefault(m["w"], []).append((b, m))
    for word, found in hits.items():
        # each up to the clause's end ("较上一度增加1133.95万元")
        ends = [_clause_end(b.text, m.end()) for b, m in found]
        quotes = [_quote(report, b, m.start(), end) for (b, m), end in zip(found, ends)]
        b, m = found[0]
        said = b.text[m.start() : ends[0]]
        where = f"{len(found)}处" if len(found) > 1 else page_ref(report, b.page_at(m.start()))
        yield make_finding(
            "completeness.period_word", "info", word,
            f"报告{where}写“{said}”：“{word}”不是时期（“一度”是“曾经”），与上年比较应为“上一年度”，漏写了“年”字。",
            word, "上一年度",
            quotes,
        )  # fmt: skip


# the characters names of bodies and places end in, that a word of the same character may follow: 人社局局长, 劳动保障所所长,
# 仲裁院院长, 吉木萨尔县县委, 昌吉州州直单位, 昌吉市市场监督管理局, 人才链链长
_UNIT_ENDINGS = frozenset("局所院厅处科部站队校组室办委社司馆会县市区州省盟旗镇乡村街链")
# a Chinese character written twice running
_DOUBLED = re.compile(r"([\u4e00-\u9fff])\1")


def _word_ending(flat: str, i: int, words: dict[int, _Words]) -> str | None:
    """A word of two to four characters that ends with flat[i] (or the date flat[i] closes: "2024年")."""
    if i and flat[i - 1].isdigit() and flat[i] in "年月日号":
        m = re.search(r"\d+$", flat[max(0, i - 4) : i])
        return (m.group() if m else "") + flat[i]
    return next(
        (
            flat[i - s + 1 : i + 1]
            for s in (2, 3, 4)
            if i - s + 1 >= 0 and flat[i - s + 1 : i + 1] in words[s]
        ),
        None,
    )


def _word_opening(flat: str, i: int, words: dict[int, _Words]) -> str | None:
    """A word of two to four characters that opens with flat[i]."""
    return next((flat[i : i + s] for s in (2, 3, 4) if flat[i : i + s] in words[s]), None)


def _with_year(text: str, at: int, end: int) -> tuple[int, int]:
    """_around across line breaks, with the figure before it when it opens on a date's 年 ("2024年年此项目")."""
    start, stop = _around(text, at, end, lines=True)
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    return start, stop


@rule(
    "completeness.doubled_char",
    title="一个字多写了一遍",
    explanation=(
        "同一个字接连写了两遍，其中一个与另一侧的字组成词（“依法公开接接受监督”的后一个“接”与“受”成“接受”），"
        "另一个与它这一侧的字组不成词（“开接”不是词），而报告别处也从没有这样把它与这一侧的字连用："
        "疑为多写了一个字，应为“依法公开接受监督”。本身是常用叠字词的不比较（“大大地提高”，jieba 分词词典统计的"
        "使用次数在100次以上）；两个字都成词或都不成词的不比较（“人社局局长”“专业业务”：各属一个词）；"
        "报告别处也这样连用的不比较（“人社局”“服务链”单独出现过，“人社服务链链长”是两个词）；"
        "两个字分属两个段落或单元格的不比较；经文字识别（OCR）读出的页面和文本不比较。也不比较：AABB 式的词"
        "（“扎扎实实”“方方面面”）；机构、地方名称的末字接着同字开头的词（“劳动保障所所长”“吉木萨尔县县委”“昌吉州州直单位”）；"
        "词典标为人名、地名、机构名的词（“李娜娜”）；公司名称（“吉商商贸有限公司”）。"
    ),
    formula="“甲甲” → “甲”：一个与另一侧成词，另一个与这一侧不成词、报告别处也不这样连用",
    tolerance="不涉及金额；只作提示",
    example="“依法公开接接受监督”；“2024年年此项目由我单位的主管单位支付”（报告别处写“2024年此项目”）",
    expected_label="应为",
)
def doubled_char(report: Report) -> Iterable[Finding]:
    doc = _typed(report)
    if doc is None:
        return
    lexicon = _lexicon()
    words = lexicon.words
    unwrapped = _unwrapped(report)
    flat = unwrapped.flat
    starts: list[int] = []
    seen = set()
    for m in _DOUBLED.finditer(flat):
        i, x = m.start(), m.group(1)
        if (
            flat[i - 1 : i] == x
            or flat[i + 2 : i + 3] == x
            or m.group() in lexicon.doubled
            or m.group() in lexicon.names
        ):
            continue  # three running; a word written doubled (大大地), or a name (娜娜)
        if flat[i - 2 : i - 1] == flat[i - 1 : i] or flat[i + 2 : i + 3] == flat[i + 3 : i + 4]:
            continue  # two pairs running: a word of the form AABB (扎扎实实, 方方面面)
        if x in _UNIT_ENDINGS:
            continue  # a body's or place's name ending where a word of the same character begins (人社局|局长, 吉木萨尔县|县委)
        if "公司" in flat[i + 2 : i + 10]:
            continue  # a firm's name (吉商|商贸有限公司)
        before, after = _word_ending(flat, i, words), _word_opening(flat, i + 1, words)
        if (before is None) == (after is None):
            continue  # each in a word of its own side (人社局|局长, 专业|业务), or neither: no telling which is extra
        if (before or after) in lexicon.names:
            continue  # the copy in a word is part of a name (李娜|娜)
        # the extra one, and its neighbour on the other side
        extra, other = (i, i - 1) if after else (i + 1, i + 2)
        if other < 0 or not _cjk(flat[other : other + 1]):
            continue
        pair = flat[min(extra, other) : max(extra, other) + 1]
        # the report writing that pair elsewhere, its character in no word on the other side, uses it as a unit: "人社局"
        # and "服务链" stand alone, so "人社服务链链长" is 服务链 and 链长
        if any(
            p != min(extra, other)
            and (_word_opening(flat, p + 1, words) is None if after else _word_ending(flat, p, words) is None)
            for p in (q.start() for q in re.finditer(pair, flat))
        ):
            continue
        if not starts:
            starts = block_starts(doc)
        blk, offset = block_at(doc, starts, unwrapped.at(i))
        if unwrapped.at(i + 1) != unwrapped.at(i) + 1 and blk.text[offset + 1 :].lstrip("\n")[:1] != x:
            continue  # the second opens the next paragraph or cell
        if blk.page_at(offset) in doc.ocr_pages:
            continue  # on a page our OCR read: the recogniser's slip
        start, end = _with_year(blk.text, offset, blk.text.index(x, offset + 1) + 1)
        said = blk.text[start:end].replace("\n", "")
        if said in seen:
            continue
        seen.add(said)
        fixed = said.replace(m.group(), x, 1)
        side, other_side = ("前", "后") if after else ("后", "前")
        quotes = [_quote(report, blk, start, end)]
        # the report writing the phrase right, elsewhere: two characters on each side of the one character
        right = flat[max(0, i - 2) : i + 1] + flat[i + 2 : i + 4]
        elsewhere = [p for p in (q.start() for q in re.finditer(re.escape(right), flat)) if abs(p - i) > 4]
        also = ""
        if elsewhere:
            rblk, roffset = block_at(doc, starts, unwrapped.at(elsewhere[0] + i - max(0, i - 2)))
            rstart, rend = _with_year(rblk.text, roffset, roffset + 1)
            quotes.append(_quote(report, rblk, rstart, rend))
            also = f"报告别处写“{quotes[-1].quote.replace(chr(10), '')}”；"
        yield make_finding(
            "completeness.doubled_char",
            "info",
            said,
            f"报告写“{said}”，“{x}”字接连写了两遍：{other_side}一个与{other_side}面的字成“{after or before}”，"
            f"{side}一个与{side}面的字组不成词；{also}疑为多写了一个字，是否应为“{fixed}”？",
            said,
            fixed,
            quotes,
        )


_ORDINALS = "一二三四五六七八九十"
_ORDINAL = re.compile(rf"(?:^|(?<=[。；;，,：:\s]))(?P<n>[{_ORDINALS}])是")
# a paragraph opening with its number: "3、职业技能培训是……", "3. 项目实施", "2、1-11月，……" (after 、 a figure may
# follow), not "1.5万元……" or a date
_NUMBERED = re.compile(
    r"^\s*(?P<n>\d{1,2})\s*(?:(?P<sep>[.．])\s*(?=[\u4e00-\u9fff“])|(?P<mark>、)\s*(?=[\u4e00-\u9fff“\d]))"
)
# a paragraph that opens another level of the outline ("（二）", "二、", "第三部分", "(1)", "附件"): a list of numbered
# paragraphs does not go on past it
_OUTLINE = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]|附件|附表)"
)


# a numbered paragraph this long or shorter is a heading ("1.资金管理"), a longer one an item
_HEADING_LEN = 50
_DIGIT_OR_SPACE = frozenset("0123456789 \t\u3000")  # what a numbered paragraph can open with


def _numbered_slips(report: Report) -> Iterator[tuple[Block, re.Match[str], Block, re.Match[str]]]:
    """(previous paragraph, its number, paragraph, its number) where a list of numbered paragraphs skips one: the two
    at most three paragraphs apart, with the same separator, both headings or both running text (a report numbering its
    sections "1、" as well ends a section's items "1、…2、…" on the next section's "4、"), and no heading of another
    level between them (004: "3、职业技能培训……" then "5、加大创业担保贷款力度……"; "1.资金管理" then "3. 项目实施").
    A number said twice is not read here: "1、全力抓好企业用工保障服务" then "1、完善招工机制……" opens a list inside
    the first."""
    doc = report.document
    if doc is None:
        return
    blocks = doc.blocks
    numbered = [
        (n, b, m)
        for n, b in enumerate(blocks)
        if b.text[:1] in _DIGIT_OR_SPACE and b.table is None and (m := _NUMBERED.match(b.text))
    ]
    for (pn, pb, pm), (n, b, m) in zip(numbered, numbered[1:], strict=False):
        if (
            n - pn <= 3
            and int(m["n"]) == int(pm["n"]) + 2
            and (pm["sep"] or pm["mark"]) == (m["sep"] or m["mark"])
            and (len(pb.text) > _HEADING_LEN) == (len(b.text) > _HEADING_LEN)
            and not any(x.table is None and _OUTLINE.match(x.text) for x in blocks[pn + 1 : n])
        ):
            yield pb, pm, b, m


@rule(
    "completeness.numbering",
    title="列举的序号重复或跳号",
    explanation=(
        "一段文字用“一是、二是、三是……”列举时，序号应逐个加一。同一段里某个序号紧接着又出现一次"
        "（“四是……四是……”），或跳过了一个（“三是……五是……”），是编辑时增删条目留下的笔误，"
        "读者无法确定列举的是几项。序号回到“一是”视为另起的一组列举，不报告。逐段编号的列举（“1、……”“2、……”）同样："
        "相邻两个编号段落（相隔不超过三段、分隔符相同、同为标题或同为正文、中间没有别的层级的标题）的编号跳过一个时报告；"
        "编号段落的序号重复不报告（“1、全力抓好……”之后的“1、完善……”是其下的一组列举）。"
    ),
    formula="同一段中相邻的两个序号：后一个 = 前一个 + 1（或重新从“一是”开始）；相邻编号段落：后一个 ≠ 前一个 + 2",
    tolerance="不涉及金额",
    example="“……四是加大创业担保贷款力度。……四是组织开展创业大赛。”；“3、职业技能培训是……”之后是“5、加大创业担保贷款力度……”",
    expected_label="应为",
)
def numbering(report: Report) -> Iterable[Finding]:
    seen: set[str] = set()
    for b in report.document.blocks if report.document else []:
        if b.table is not None or "是" not in b.text:
            continue
        marks = list(_ORDINAL.finditer(b.text))
        for prev, m in zip(marks, marks[1:], strict=False):
            before, now = _ORDINALS.index(prev["n"]), _ORDINALS.index(m["n"])
            if now == 0 or now == before + 1 or now not in (before, before + 2):
                continue
            snippet = b.text[m.start() : m.start() + 12].split("。")[0]
            if snippet in seen:
                continue  # the same paragraph printed twice (a summary repeated in the 自评报告)
            seen.add(snippet)
            right = _ORDINALS[before + 1]
            yield make_finding(
                "completeness.numbering",
                "info",
                snippet,
                f"{page_ref(report, b.page_at(m.start()))}列举的序号在“{prev['n']}是”之后写“{snippet}”，"
                f"{'重复了' if now == before else '跳过了'}一个序号，应为“{right}是”。",
                f"{m['n']}是",
                f"{right}是",
                [
                    _quote(report, b, prev.start(), prev.start() + 10),
                    _quote(report, b, m.start(), m.start() + len(snippet)),
                ],
            )
    for pb, pm, b, m2 in _numbered_slips(report):
        said, head = _head(b.text, m2), _head(pb.text, pm)
        if said in seen:
            continue
        seen.add(said)
        right = f"{int(pm['n']) + 1}{m2['sep'] or m2['mark']}"
        yield make_finding(
            "completeness.numbering",
            "info",
            said,
            f"{page_ref(report, b.page_at(m2.start()))}逐段编号的列举在“{head}”之后是“{said}”，跳过了一个序号，应为“{right}”。",
            f"{m2['n']}{m2['sep'] or m2['mark']}",
            right,
            [
                _quote(report, pb, pm.start("n"), pm.start("n") + len(head)),
                _quote(report, b, m2.start("n"), m2.start("n") + len(said)),
            ],
        )


def _head(text: str, m: re.Match[str]) -> str:
    """A numbered paragraph's number and its first words, as printed ("5、加大创业担保贷款力度")."""
    return re.split(r"[，,。；;：:]", text[m.start("n") : m.start("n") + 16])[0]


# Text whose voice is not the agency's: a regulation enacting itself, a contractor speaking of itself.
_PASTED: list[tuple[re.Pattern[str], Severity, str]] = [
    (
        re.compile(r"第一条\s*根据[^。]{2,60}?制定本规定。?"),
        "info",
        "这是机构职能配置规定（“三定”规定）的条文，不是本单位对职能的说明，是照抄规定原文留下的",
    ),
    (
        re.compile(r"[^，。；]{0,16}(?:我公司|本公司|我司(?!法))[^，。；]{0,16}"),
        "warning",
        "政府部门的报告里出现公司的自称（“我公司”“本公司”“我司”），这段文字是从承接项目的公司的材料中照抄的，读者无法分辨哪些是单位自己的评价",
    ),
]


@rule(
    "completeness.pasted_text",
    title="照抄其他文件的文字",
    explanation=(
        "决算说明和绩效自评应是本单位自己的陈述。正文里出现规定的制定条款（“第一条 根据……，制定本规定。”），"
        "或以“我公司”（“本公司”“我司”）自称，说明这段文字是从其他文件（三定规定、第三方公司的报告）原样照抄来的。"
        "照抄规定条文只作提示；照抄第三方公司的话，读者无法分辨哪些是单位自己的评价，记为警告。"
    ),
    formula="正文不含“制定本规定”的条款和“我公司”“本公司”“我司”的自称",
    tolerance="不涉及金额",
    example="项目实施期间我公司配合人员十余人……",
)
def pasted_text(report: Report) -> Iterable[Finding]:
    doc = report.document
    if doc is None or "公司" in report.agency:
        return  # a company's own report may say 我公司
    for b in doc.blocks:
        if not any(
            w in b.text for w in ("我公司", "本公司", "我司", "制定本规定")
        ):  # (a regex tells 我司法 apart)
            continue
        for pattern, severity, why in _PASTED:
            for m in pattern.finditer(b.text):
                snippet = m.group(0).strip()
                yield make_finding(
                    "completeness.pasted_text",
                    severity,
                    snippet,
                    f"{page_ref(report, b.page_at(m.start()))}“{snippet}”：{why}。",
                    snippet,
                    None,
                    [_quote(report, b, m.start(), m.end())],
                )
