"""Whose figure it is: the unit's own name and its short forms, and the words before a figure's name that make it
another body's, a part's or another year's (used by the narrative's metrics, the claims and the repeat checks)."""

from __future__ import annotations

import re

# the words that open a figure's parts: what follows them is a part of the figure before ("其中：基本支出……")
PARTS_OPEN = r"其中|主要包括|包括|主要为|主要是"
# a list item's mark that is no number: "一是", "十二是", "①"
LIST_MARK = r"(?:[一二三四五六七八九十]{1,3}是|[\u2460-\u2473])"
# what may stand before a figure's name in its clause when the figure is the unit's own: the year (and its months), the
# unit named as itself, an item's number ("1、", "（一）"), words that only say it was spent ("实际", "累计", "共发生"),
# the offices and their subordinate units together ("局机关和下属单位合计", "局机关及所属事业单位"); not 本级 (a 部门's own
# offices)
_SELF = re.compile(
    r"(?:(?<![\u4e00-\u9fff])局|本局|部门|本部门)?机关(?:和|及|与|、)(?:其)?(?:下属|所属)(?:各)?(?:事业)?单位|"
    r"\d{4}\s*年度?|\d{1,2}\s*[-—~～至]\s*\d{1,2}\s*月|本年度?|全年|当年|报告期内|"
    r"本部门|全部门|本单位|我单位|单位|本局|我局|我部|全局系统|全局|本中心|我中心|中心|汇总|经汇总|部门|整体|全口径|合并|"
    r"实际|累计|共计|合计|总计|共发生|发生|共有|共|决算数?|我|收支相抵后|"
    r"\d+\s*[、.．]|[一二三四五六七八九十]+\s*[、.．)）]|[\s（）()]"
)
# a figure's name at the end of the words before its amount ("国库收付中心基本支出" → 国库收付中心)
_FIGURE_NAME_AT_END = re.compile(
    r"(?:基本支出|项目支出|人员经费|公用经费|本年(?:收入|支出)(?:合计)?|(?:收入支出|收[、]?支|收入|支出)(?:总计|合计)|"
    r"(?:财政拨款)?(?:收入|支出)|其他收入|年[初末]结转和结余)(?:决算数?)?(?:为|是|共计|合计|达到?)?\s*$"
)
_BODY = re.compile(r"中心|局|部|单位|所|站|队|处|办公室|委员会|院|馆|本级|机关")
# the unit naming itself ("本部门2024年度一般公共预算财政拨款基本支出……，由人员经费和公用经费构成"): no other body
_SELF_NAMED = re.compile(r"本部门|全部门|本单位|我单位|本局|我局|我部|本中心|我中心")
_UNIT = r"(?:万元|元|%|人|个)"
_AMOUNT = re.compile(rf"\d[\d,]*(?:\.\d+)?\s*{_UNIT}")  # a figure's amount (not a year)
_AFTER_FIGURE = re.compile(
    rf"\d(?:[\d,.]*\d)?\s*{_UNIT}?\s*[、和及与]"
)  # a figure and the connective after it
# the two funds beside the unit's main money (not 一般公共预算财政拨款, whose 基本支出's "其中：人员经费" is the unit's)
_FUND = re.compile(r"政府性基金|国有资本经营")
_SELF_AT_END = re.compile(rf"(?:{_SELF.pattern})$")
_NOTE = re.compile(r"[（(](?:含|包括|汇总)[^（）()]*[）)]")  # "本部门（含下属单位）"
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:自治区|自治州|省|市|州|盟|区|县|旗)")


def _places(name: str) -> list[str]:
    """The places at the head of a unit's name, highest first ("中共上海市普陀区委社会工作部" → 上海市, 普陀区)."""
    out, at = [], 2 if name.startswith("中共") else 0
    while m := _PLACE.match(name, at):
        out.append(m.group())
        at = m.end()
    return out


def own_name(named: str, own: str) -> bool:
    """``named`` is the reporting unit's own name or its short form: without the city or the party ("普陀区财政局",
    "区委社会工作部"), or shortened ("区规划资源局", "区委社会部": its characters in order, the same last one); not a
    body of a higher level ("上海市规划和自然资源局" for 上海市普陀区规划和自然资源局: the city named, the district not)."""
    if named == own:
        return True
    # either may be the short one: a cover may print "普陀区财政局" and the headings the full name
    short, full = sorted((named, own), key=len)
    places = _places(full)
    if len(places) > 1 and any(p in short for p in places[:-1]) and places[-1] not in short:
        return False
    if places and short[0] in "省市区县州旗盟" and not places[-1].endswith(short[0]):
        return False  # "市财政局": the city's, for 上海市普陀区财政局
    rest = iter(full)
    return short[-1] == full[-1] and all(c in rest for c in short)


def _without_own_name(tail: str, own: str) -> str:
    """``tail`` without the unit's name (or a short form of it) at its end, also before words of _SELF ("区规划资源局全年")."""
    while tail:
        cut = next((k for k in range(len(tail) - 1) if own_name(tail[k:], own)), None)
        if cut is not None:
            return tail[:cut]
        end = _SELF_AT_END.search(tail)
        if end is None or end.start() == len(tail):
            return tail
        tail = tail[: end.start()]
    return tail


# the template's subject with the report's year: "上海市普陀区财政局2024年度收入支出总计……" (see qualified's ``template``)
_TEMPLATE_SUBJECT = re.compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,30}?(?:局|部|委员会|中心|办公室|厅|院|所|站|队|处))\s*(?P<y>\d{4})\s*年度?$"
)


# last year's figures follow ("上年基本支出……", "上年：……"; not "上年结转", "上年末")
_LAST_YEAR_OPENS = re.compile(r"\s*(?:上一?年度?|去年)(?!结转|结余|末|底)(?:决算数?)?")


# an ASCII comma that ends a clause, not a thousands separator ("1,300.00万元")
_COMMA = r",(?!\d{3}(?!\d))|(?<!\d),"
_CLAUSE_END = re.compile(rf"[，；;]|{_COMMA}")
_YEAR_OPENS = re.compile(r"\s*\d{4}\s*年度?(?!初|末|底)")


def subject_words(text: str, at: int) -> str:
    """The words that may qualify the figure at ``at`` (for ``qualified``): its sentence's (or clause's after "；");
    for a part with no words of its own listed after "；" in a "其中" list, the list's head, which names whose parts
    they are ("本局所属国库收付中心本年支出合计300.00万元，其中：基本支出250.00万元，占83.33%；项目支出50.00万元"), not
    the parts before it, which name only themselves ("……；附属单位上缴收入0.00万元，占0.00%；其他收入")."""
    begin = max(text.rfind(c, 0, at) for c in "。；;") + 1
    if begin == 0 or text[begin - 1] not in "；;" or re.sub(rf"^\s*{LIST_MARK}", "", text[begin:at]).strip():
        return text[begin:at]
    full = text.rfind("。", 0, at) + 1
    # "上一年度基本支出2350.00万元；项目支出653.19万元", "2023年度基本支出……；项目支出……": the list's year
    dated = _LAST_YEAR_OPENS.match(text, full, begin) or _YEAR_OPENS.match(text, full, begin)
    stop = _CLAUSE_END.search(text, full, begin)
    first = stop.start() if stop else begin
    if dated and _AMOUNT.search(text, dated.end(), first) and "本年" not in text[full:begin]:
        return text[full : dated.end()]  # (the year of the list's first figure, not of a clause before it)
    # (a whole with its amount before 其中, not a list of words: "人员经费主要包括：基本工资……；公用经费184.65万元")
    opens = re.search(r"其中", text[full:begin])
    if opens is None or not _AMOUNT.search(text, full, full + opens.start()):
        return text[begin:at]
    return text[full : full + opens.end()]


def qualified(before: str, agency: str | None, year: int | None = None, template: bool = False) -> bool:
    """Words before a figure's name, in its clause, that make it another figure: a part or a kind ("涉及项目支出",
    "追加财政拨款收入", "在职人员经费", "（事业单位）公用经费", "本级项目支出"), another body's ("局属……事务中心本年支出合计",
    the city's bureau), or other years' ("2022-2024年累计", and with ``year`` "2023年度"); not the unit's own name, in
    full or short ("市就业服务中心"). The clause starts after the figure before it ("基本支出2336.91万元、项目支出").
    With ``template`` (the unit's two 总计s, which open the template's 情况说明), a body of the unit's kind named with the
    report's year is the template's subject, whatever the name ("区规土局2024年度收入支出总计": a wrong name is
    completeness.agency_name's); a body of another kind is another ("……事务中心2024年度收入支出总计" in a 局's report).
    A figure with no words of its own before it in its clause ("……，基本支出800.12万元、项目支出") has the subject of the
    nearest figure before it that has one ("国库收付中心基本支出300.00万元和项目支出", "……土地发展中心本年支出合计1520.36万元，
    基本支出……、项目支出": the 中心's)."""
    clauses = re.split(rf"[，：:（(]|{_COMMA}", _NOTE.sub("", before))  # (not at "本年支出6,759.25万元")
    clauses[-1] = re.sub(
        rf"^\s*{LIST_MARK}", "", clauses[-1]
    )  # "一是因公出国（境）费": the list's mark, no words
    if len(clauses) == 1 and (opens := re.match(rf"\s*(?:{PARTS_OPEN})", clauses[0])):
        # "其中公务接待费" as "其中：公务接待费": the parts' opening word is no words of the figure's own
        clauses = [clauses[0][: opens.end()], clauses[0][opens.end() :]]
    pieces = _AFTER_FIGURE.split(clauses[-1])
    tail = pieces[-1]
    if len(clauses) > 1 or len(pieces) > 1:
        # the parts of the sentence's own whole ("本年支出合计……，其中基本支出", "包括基本支出……、项目支出"); a sentence
        # opening with 其中 lists the parts of the sentence before, which may be another figure's
        tail = re.sub(rf"^\s*(?:{PARTS_OPEN})", "", tail)
    own = re.sub(r"[（(][^）)]*[）)]", "", agency or "")
    if tail.strip():
        return _qualifies(tail, own, year, template)
    # no words of its own: the subject of the figures before it, nearest first (the clause's first figure's, then the
    # earlier clauses' first figures'; a clause without a figure, "与2023年度相比", has none)
    heads = [
        *(pieces[:1] if len(pieces) > 1 else []),
        # (not a closed aside: "本年支出合计2940.05万元（上年3003.19万元），其中：")
        *(
            c
            for c in reversed(clauses[:-1])
            if (_AMOUNT.search(c) or _LAST_YEAR_OPENS.fullmatch(c)) and not re.search(r"[）)]\s*$", c)
        ),
    ]
    for head in heads:
        subject = _FIGURE_NAME_AT_END.sub("", _AMOUNT.split(head, maxsplit=1)[0])
        subject = re.sub(rf"^\s*(?:{PARTS_OPEN})", "", subject)
        if subject.strip():
            # a body's or another year's subject carries over ("国库收付中心……和项目支出"); a kind's does not: a list's
            # earlier part names only itself ("使用非财政拨款结余0.00万元，年初结转和结余", "一般公共预算财政拨款基本支出
            # ……，其中：人员经费")
            carried = (
                _BODY.search(_SELF_NAMED.sub("", subject))
                # a fund's: "2024年度政府性基金预算财政拨款年初结转和结余……，本年收入……，年末结转和结余"
                or _FUND.search(subject)
                or (year is not None and any(int(y) != year for y in re.findall(r"(\d{4})\s*年", subject)))
                # "上年基本支出2289.00万元，项目支出", "（上年：基本支出……，项目支出"
                or _LAST_YEAR_OPENS.match(subject)
            )
            return bool(carried) and _qualifies(subject, own, year, template)
    return False


def _qualifies(tail: str, own: str, year: int | None, template: bool) -> bool:
    """``qualified`` for the words of one figure's own subject."""
    if year is not None and any(int(y) != year for y in re.findall(r"(\d{4})\s*年", tail)):
        return True
    if (dated := _YEAR_OPENS.fullmatch(tail)) and year is not None and str(year) in dated.group(0):
        return False  # "2024年度": the report's own year, no other figure
    whole = re.search(r"(?:本级)?(?:及|和|与)(?:其)?(?:所属|下属)", tail)
    named = re.sub(r"^\s*\d{4}\s*年度?", "", tail[: whole.start()]).strip() if whole else ""
    if whole and own and (own_name(named, own) or _SELF_NAMED.fullmatch(named)):
        return False  # "上海市普陀区财政局本级及所属财政所、国库收付中心2024年度": the unit and its units, the whole
    t = _TEMPLATE_SUBJECT.match(tail.strip()) if template and own else None
    if t and int(t["y"]) == year and t["name"][-1] == own[-1]:
        return False
    if not re.search(r"[\u4e00-\u9fff\-—~～至]", _SELF.sub("", tail)):
        return False
    if own:
        tail = _without_own_name(tail.replace(own, "").rstrip(), own)
    return bool(re.search(r"[\u4e00-\u9fff\-—~～至]", _SELF.sub("", tail)))
