"""repeat.class_parent: a "其他××" 项 under a 款 other than ××. The real case is pinned in
test_checks_narrative.py (004); these are one-paragraph documents (synthetic, said so)."""

from __future__ import annotations

from conftest import report_of


def test_class_parent_needs_the_report_to_name_the_right_kuan() -> None:
    from generator.checks.names import class_parent

    wrong = "社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他行政事业单位养老支出（项）支出决算为9.64万元。"
    right = "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）支出决算为35万元。"
    own = "社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他人力资源和社会保障管理事务支出（项）1万元。"
    (f,) = class_parent(report_of(right, wrong))
    assert f.expected == "行政事业单位养老支出（款）"
    assert list(class_parent(report_of(wrong))) == []  # the report never names that 款: not judged
    assert list(class_parent(report_of(right, own))) == []


def test_org_name_variant_is_one_character_in_a_long_name() -> None:
    from generator.checks.completeness import org_name_variant

    def found(*texts: str) -> list[tuple[str | None, str | None]]:
        return [(f.claimed, f.expected) for f in org_name_variant(report_of(*texts))]

    a = "根据省人力资源和社会保险厅《关于举办网络创业直播大赛的通知》，组织开展创业大赛。"
    b = "按照《省人力资源和社会保障厅关于开展创业培训机构认定工作的通知》，开展认定。"
    c = "按照省人力资源和社会保障厅的部署，开展专项行动。"
    assert found(a, b, c) == [("省人力资源和社会保险厅", "省人力资源和社会保障厅")]
    # two offices whose names differ in two characters are two offices
    assert found("自治区党委组织部、自治区党委宣传部联合发文。") == []
    # a slip in the report's own name is agency_name_variant's finding, not repeated here
    r = report_of("上海市普陀区规划和自然资源局2024年度部门决算", "上海市普陀区规划与自然资源局负责……")
    r.agency = "上海市普陀区规划和自然资源局"
    assert list(org_name_variant(r)) == []
    r.agency = "上海市普陀区财政局"
    # once each: no spelling is the usual one, so the one the text has first is named first
    assert [(f.claimed, f.expected) for f in org_name_variant(r)] == [
        ("市普陀区规划和自然资源局", "市普陀区规划与自然资源局")
    ]


def test_a_share_without_its_figure() -> None:
    """completeness.missing_share (the real case, 001, is pinned in test_checks_narrative.py)."""
    from generator.checks.completeness import missing_share

    def said(text: str) -> list[str | None]:
        return [f.claimed for f in missing_share(report_of(text))]

    assert said("全年支出数415.811万元,占总预算支出的根据设定的项目绩效目标,指标完成率较低。") == [
        "占总预算支出的"
    ]
    assert said("全年支出数415.811万元，占总预算支出的99.87%。") == []
    assert said("人员经费占本年支出的比重较大，公用经费次之。") == []
    assert said("基本支出占本年支出合计的一半以上。") == []
    assert said("项目支出占总支出的大部分。") == []
    assert said("该项目占地面积的测算已完成。") == []  # not a share of a total


def test_the_agency_named_with_another_organisation_type() -> None:
    """completeness.agency_type_variant (the real case, 000, is pinned in test_checks_tables.py)."""
    from dataclasses import replace

    from generator.checks.completeness import agency_type_variant

    def said(*texts: str) -> list[str | None]:
        r = replace(report_of(*texts), agency="昌吉回族自治州公共就业服务中心")
        return [f.claimed for f in agency_type_variant(r)]

    header = "主管部门", "昌吉回族自治州公共就业服务中心", "实施单位", "昌吉回族自治州公共就业服务局"
    assert said(*header, *header) == ["昌吉回族自治州公共就业服务局"]  # once for both tables
    assert said(
        "项目名称就业服务网 主管部门 昌吉回族自治州公共就业服务中心 实施单位 昌吉回族自治州公共就业服务局"
    ) == ["昌吉回族自治州公共就业服务局"]
    # the report names that bureau elsewhere: it may be another organisation
    assert said(*header, "经昌吉回族自治州公共就业服务局批准，……") == []
    # the unit's own name, and another organisation's name, are no variant
    assert said("实施单位", "昌吉回族自治州公共就业服务中心") == []
    assert said("实施单位", "昌吉回族自治州人力资源和社会保障局") == []


def test_an_unclosed_bracket() -> None:
    from generator.checks.completeness import unclosed_bracket

    def notes(*texts: str) -> int:
        return len(list(unclosed_bracket(report_of(*texts))))

    open_ = "本年度共开展绩效自评项目39个，平均得分99.33分（其中，绩效评级为“优”的项目39个；绩效自评中共发现问题0个。"
    assert notes(open_) == 1
    assert notes(open_, "已经完成整改的0个，正在整改的0个）。") == 0  # closed in the next paragraph
    assert notes(open_, "下一段另起（说明）。") == 1  # another bracket opens first
    assert notes("项目资金（万", "元）") == 0  # a table's cell fragments, not running text
    assert (
        notes("本年度共开展绩效自评项目39个（其中优39个），平均得分99.33分，绩效自评中共发现问题0个。") == 0
    )


def test_a_half_year_period() -> None:
    from generator.checks.completeness import half_year

    def said(text: str) -> list[str | None]:
        return [f.claimed for f in half_year(report_of(text))]

    assert said("做到高效传递信息。半年以来，共负责维护、调试和举办会议100余次。") == [
        "半年以来，共负责维护、调试和举办会议100余次"
    ]
    assert said("上半年完成60%，下半年完成40%。") == []
    assert said("本项目建设周期为半年，以来自各县市的需求为准。") == []


def test_a_number_with_two_decimal_points() -> None:
    from generator.checks.completeness import malformed_number

    def said(text: str) -> list[str | None]:
        return [f.claimed for f in malformed_number(report_of(text))]

    assert said("中央资金全年预算为244万元,全年执行数2.43.9.5万元,预算执行率为99.87%") == ["2.43.9.5万元"]
    assert said("项目于2024.6.16开工，全年执行数243.955万元。") == []  # a dotted date has no unit
    assert said("一般公共预算财政拨款收入3, 802. 53万元。") == []  # OCR spacing is one number
