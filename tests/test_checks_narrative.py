"""Rules of the ratio.*, yoy.*, budget.*, perf.* families on the real reports.

Every error and warning these families raise on data/reports/ is pinned here with the reason it is
a real problem (the hand-read inconsistencies in tests/expected/metrics/*.json); a new error or
warning fails test_no_unpinned_errors_or_warnings until someone has looked at it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import reread as _reread
from conftest import seed_changed

from generator.checks import run_checks
from generator.extract import extract
from generator.ingest import read_document

FAMILIES = ("ratio", "yoy", "budget", "perf", "repeat")
TEST_COPY = Path(__file__).parent / "fixtures" / "24年普陀区财政局（测试问题版本）.pdf"

R000 = "000_41e5c2151686b1a5.txt"
R001 = "001_7c4dfcc9575acdfa.txt"
R002 = "002_e0b9e12b257efafd.txt"
R003 = "003_237caace6a9bba17.txt"
R004 = "004_64caca8ce772cd7b.txt"
GUIHUA = "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"
CAIZHENG = "上海市普陀区财政局2024年度部门决算.pdf"
SHEGONG = "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"


@pytest.fixture(scope="module")
def findings(reports) -> dict[str, list]:
    return {
        name: [f for f in run_checks(r) if f.rule.split(".")[0] in FAMILIES] for name, r in reports.items()
    }


@pytest.fixture(scope="module")
def test_copy() -> tuple:
    r = extract(read_document(TEST_COPY))
    return r, [f for f in run_checks(r) if f.rule.split(".")[0] in FAMILIES]


def find(fs: list, rule: str, claimed: str | None = None, expected: str | None = None):
    hits = [f for f in fs if f.rule == rule and (claimed is None or f.claimed == claimed)]
    hits = [f for f in hits if expected is None or f.expected == expected]
    assert hits, (rule, claimed, expected, [(f.rule, f.claimed, f.expected) for f in fs])
    return hits[0]


# (report, rule, severity, claimed, expected, why it is real)
PINNED = [
    # 财政局: 2106.66/2940.05 = 71.65%, and the four shares add up to 100.07%.
    (CAIZHENG, "ratio.share", "error", "71.73%", "71.65%"),
    (CAIZHENG, "ratio.sum_100", "error", "100.07%", "100%"),
    # 财政局: "财政拨款收入支出总计持平。主要原因：……减少支付" — the reason explains a decrease.
    (CAIZHENG, "yoy.flat_with_reason", "warning", "持平", "有增减变动"),
    # 004: 公务接待费 1.16 is the whole of 三公 1.16, so 100%, not 82.86% (that is 1.16/1.40).
    (R004, "ratio.share", "warning", "82.86%", "100.00%"),
    # 004: 年初预算0、决算20, yet "决算数小于年初预算数".
    (R004, "budget.word", "error", "小于", "大于"),
    # 004 自评表: 全年预算 = 全年执行, yet 执行率 97.82% / 98.8% / 93.23% / 32% (computed on 年初预算, as the report
    # does throughout): right arithmetic on the wrong budget, warnings since the seventeenth session's third audit.
    (R004, "perf.execution_rate", "warning", "97.82%", "100.00%"),
    (R004, "perf.execution_rate", "warning", "98.8%", "100.0%"),
    (R004, "perf.execution_rate", "warning", "93.23%", "100.00%"),
    (R004, "perf.execution_rate", "warning", "32%", "100%"),
    # 000: 总预算执行率 99.55% but 830.26/869.05 = 95.54%; the table's 95.54% sits in the 上级资金 row (41.98/41.98).
    (R000, "budget.execution", "error", "99.55%", "95.54%"),
    # 001: "下降29.23%。下降100%。"
    (R001, "yoy.percent_twice", "error", "29.23%；100%", "29.23%"),
    # 001: 住房保障 "导致2024年度住房保障支出决算数4.91万元，2023年住房保障支出决算数为0，出现了较上年增加11.27万元的情况":
    # 4.91 − 0 = 4.91, not 11.27 (the 4.91 is the 卫生健康 paragraph's, copied; the 住房保障 决算 is 11.27, as the same
    # paragraph opens "支出决算11.27万元", and 11.27 − 0 = 11.27): the odd figure is the 4.91, named since the seventeenth
    # session's audit (before, the message blamed the 11.27).
    (R001, "yoy.last_year_stated", "error", "本年4.91万元", "本年11.27万元"),
    # 004 整体自评表: under "产出指标（50分)" 15+10+10+10+10 = 55, under "效益指标（30分）" 15+10+5+5 = 35
    # (rows the export broke into short rows); the 110 total is these two overruns, so not reported again.
    (R004, "perf.points_total", "error", "55", "≤50"),
    (R004, "perf.points_total", "error", "35", "≤30"),
    # 001 《公益性岗位人员的社保补贴》: points 85 + 10 = 95 at most, scores 85 + 9.99 = 94.99, 总分 99.99.
    (R001, "perf.score_total", "error", "99.99", "94.99"),
    # 001 购置档案 档案柜 ≤11节, actual 50节, full 10 points; 003 保健 <=200人, actual =244人, full 10 points.
    (R001, "perf.target_missed", "warning", "50节（10分）", "≤11节"),
    # 001《就业招聘会工作经费》: "设备租赁费成本支出 ≤1万元 1.4万元 5 5" — over its ceiling, full marks.
    (R001, "perf.target_missed", "warning", "1.4万元（5分）", "≤1万元"),
    # 001《就业招聘会工作经费》: every indicator has full marks (90) and 资金执行 10 (5.66 of 5.66, 100%),
    # yet 总分 "90 88"; 88 matches neither 90 (the indicators alone, as its 分值 90 counts them) nor 100. Expected is
    # the table's own count, 90 (a fresh audit: "100 vs 88" made the gap six times what the table itself shows).
    (R001, "perf.score_total", "error", "88", "90"),
    # 001: the 自评表 headed "购置档案经费项目支出绩效自评表" is the 零工市场运营经费 project's table.
    (R001, "perf.title_name", "warning", "购置档案经费", "零工市场运营经费"),
    # 004: "完成职业技能培训2.66万人" is 131.12% of the year's task in three places and 149.18% in a fourth.
    (R004, "repeat.task_rate", "warning", "131.12%；149.18%", "同一个完成率"),
    # 004's own 绩效目标 (its 预算绩效目标情况) sets "完成职业技能培训1.78万人次": 2.66 of it is 149.44% (the 149.18% of the
    # other statement is inside 2.655–2.665 ÷ 1.775–1.785), so the 131.12% (the 重点类职业培训 line's rate) is the wrong one.
    (R004, "ratio.task_target", "error", "131.12%", "149.44%"),
    # 002: 整体自评 "全年预算数为3127.86万元，全年执行数为3008.6万元" (3127.86 is 本年收入合计), but section 十一
    # "全年预算总额3,205.90万元，实际执行总额3,008.60万元", as the 整体自评表's 合计 row. 3,205.90 − 3,127.86 = 78.04,
    # the 年初结转和结余: one 全年预算 with last year's carry-over, one without, under one word — a warning that says so
    # since the seventeenth session's audit (an error before, which said one of them was wrong).
    (R002, "repeat.budget_for_spending", "warning", "3127.86；3205.90", "同一个全年预算数"),
    # 002 部门整体自评: text "全州城镇新增就业2.27万人", table 城镇新增就业 实际完成值 2.24万人次.
    (R002, "repeat.perf_indicator_text", "warning", "2.27万人", "2.24万人次"),
    # 002 社保基金监督检查审计经费: text "完成检查报告2份", table 完成检查报告数量 实际完成值 =1个.
    (R002, "repeat.perf_indicator_text", "warning", "2份", "1个"),
    # 002 克州资金: "完成……赴昌吉务工人员劳动者基本素质培训100人" (a result, and the target was 不少于100人), while
    # the table reads ">=100人 =97认" and explains "3人参加不了培训": 97 were trained, not 100.
    (R002, "repeat.perf_indicator_text", "warning", "100人", "97人"),
    # 002: the 整体 自评表 has 案件办理时限（工作日） "<=60日 … 60日" (and the text "全年案件办理时限均在60日内完成"),
    # while 《劳动保障监察工作经费》's same indicator reads "=75日 =75日": 75 days is past the limit said to be met.
    (R002, "repeat.perf_bound_tables", "warning", "75日", "不超过60日"),
    # 004: "人力资源和社会保障管理事务（款）其他行政事业单位养老支出（项）", two lines after "行政事业单位养老支出（款）
    # 机关事业单位基本养老保险缴费支出（项）": 2080599 其他行政事业单位养老支出 belongs to 20805, not to 20801.
    (
        R004,
        "repeat.class_parent",
        "warning",
        "人力资源和社会保障管理事务（款）",
        "行政事业单位养老支出（款）",
    ),
    (R003, "perf.target_missed", "warning", "=244人（10分）", "<=200人"),
    # 001 单位运转经费: text 9 / 8.93 / 8.93, table 0.9 / 0.893 / 0.893 (ten times).
    (
        R001,
        "repeat.perf_funding",
        "error",
        "年初预算数9万元，全年预算数8.93万元，全年执行数8.93万元",
        "年初预算数0.9万元，全年预算数0.893万元，全年执行数0.893万元",
    ),
    # 001 就业补助资金: text "全年支出898.047万元,预算执行率100%", table 427.616 spent, 47.62%.
    (
        R001,
        "repeat.perf_funding",
        "error",
        "全年执行数898.047万元，执行率100%",
        "全年执行数427.616万元，执行率47.62%",
    ),
    # 001 社保补贴: 中央资金 text 244 at 99.87% (the whole project's rate), table 中央 row 244.4 at 99.82%. The 244 is
    # 244.4 printed coarser, said so in the message: the claim is the rate alone (since the seventeenth session's audit).
    (R001, "repeat.perf_funding", "error", "执行率99.87%", "执行率99.82%"),
    # 004 企业用工: 绩效报告 "全年使用数28.27万，资金使用率94.23%", 自评表 27.97 and 93.23%. 28.27 = 27.97 + the 0.30
    # its 基础数据表 gives "企业用工保障服务经费": two funds under one name, a warning that says so since the seventeenth
    # session's third audit (an error before).
    (
        R004,
        "repeat.perf_funding",
        "warning",
        "全年执行数28.27万元，执行率94.23%",
        "全年执行数27.97万元，执行率93.23%",
    ),
    # 000 《昌吉州第十三届创业创新大赛》: 实际完成情况 "已完成主体赛项目43个，专项赛项目34个，创新创业大赛奖项33个，
    # 创业创新大赛评委专家26个", but the indicator rows of the same 自评表 give 主体赛项目 =33个, 专项赛项目 =26个,
    # 评委专家 =43个, 奖项 =34个: the four counts are shuffled between the text and the table.
    (R000, "perf.completion_text", "error", "43个", "33个"),
    (R000, "perf.completion_text", "error", "34个", "26个"),
    (R000, "perf.completion_text", "error", "26个", "43个"),
    (R000, "perf.completion_text", "error", "33个", "34个"),
    # 社工部: 年初预算 0, so "完成年初预算的95.89%" cannot be; 95.89% = 307.82/321.02, the 全年预算 the same sentence
    # states: the figure is right, the word 年初 wrong — a warning since the seventeenth session's audit (an error before).
    (SHEGONG, "budget.rate", "warning", "95.89%", "无法计算（预算为0）"),
    # 002: the overall reasons say "本年增加……就业信息化建设补助资金、就业工作经费……等项目", while 其他就业补助支出
    # fell because "本年单位减少就业信息化建设补助资金、就业工作经费、促进就业工作以奖代补资金".
    (R002, "yoy.reason_conflict", "warning", "就业信息化建设补助资金增加", "就业信息化建设补助资金减少"),
    # 002 item 22: 其他统战事务支出(项) fell 2.16 to 0, "主要原因是:功能科目调整，寺管人员的津贴补贴上年在其他统战
    # 事务支出科目列支，本年在此科目列支" — item 2 (宗教事务, +1.20)'s reason, copied: the money left this 科目.
    # (a fall: the reason should say the money moved out, "本年改在其他科目列支"; the expected value said "来自其他科目"
    # until the seventeenth session's third audit)
    (R002, "yoy.reason_transfer", "warning", "上年在其他统战事务支出科目列支", "本年改在其他科目列支"),
    # 002: five 项目自评表 score 预算执行率 as (rate − 60%) ÷ 40% × 10 (74.01% → 3.50, 93.10% → 8.27, 98.55% → 9.64),
    # but 91.35%, 94.93% and 97.58% get the full 10.00: a lower rate cannot score more than 98.55%'s 9.64.
    # 003: targets written as ceilings, met, yet scored actual ÷ target × points as if a quantity to reach:
    # 老工人遗属遗孀 <=6人 =4人 6.67/10; 老工人活动经费 <=41人 =38人 9.27/10. (Its cost ceilings scored the same way,
    # 空置房物业费及暖气费 <=19万元 =6.87万元 1.81/5 and 档案扫描 <=6万元 =5.55万元 4.63/5, are notes since the
    # seventeenth session's third audit: spent ÷ ceiling may be the agency's own way of scoring money.)
    (R003, "perf.target_met_scored_short", "warning", "=4人（6.67分）", "10分"),
    (R003, "perf.target_met_scored_short", "warning", "=38人（9.27分）", "10分"),
    # 002 《行政复议案件应诉及工作经费》: 制作人社法规政策宣传费用 "<=1万元 =0.86万元1 1.00", and that row's own 偏差原因
    # (twenty paragraphs of a narrow cell) ends "科室未制作政策宣传品，无相应的费用支出。": 0.86万元 spent and no
    # spending. The 0.86 is counted in the project's 全年执行数 (6.5 + 4 + 0.86 + 2.1 + 0.14 = 13.60). Hand-read since
    # the first commit (tests/expected/metrics), found unreported in the sixteenth session's third reading.
    (R002, "perf.reason_no_cost", "warning", "=0.86万元", "无支出"),
    (R002, "perf.execution_score", "warning", "10.00分（执行率91.35%）", "不高于9.64分"),
    (R002, "perf.execution_score", "warning", "10.00分（执行率94.93%）", "不高于9.64分"),
    (R002, "perf.execution_score", "warning", "10.00分（执行率97.58%）", "不高于9.64分"),
    # 003 2024年新疆西藏等地区教育特殊补助资金(第二批): 61.15万元 for 4 schools at 150元/生/学期 (its own 涉及学校个数
    # =4所 and cost rows 18.08+10.5+15.94+16.63), yet the 实际完成情况 says 5 schools, 450元 and 380.55: the
    # completion text of 2024年自治区教育项目经费住宿费和教材费 (年度资金总额 380.55), pasted.
    (R003, "perf.goal_copied", "warning", "380.55万元", "61.15万元"),
    # 000 昌吉州就业服务网软件开发与维护项目: the two cost ceilings <=24万元 and <=12.24万元 add up to the 全年预算数
    # 36.24 (in every other 000/003 table, ceilings = budget go with actuals = 执行数 to the cent), but the actuals
    # =22.8万元 and =11万元 ("实际成交的价格较年初预算减少") add up to 33.80, while 全年执行数 is 36.24 (100%).
    (R000, "perf.cost_sum", "warning", "36.24万元", "33.8万元"),
    # 000 单位整体支出绩效自评表: 上级资金 41.98 + 本级资金 568.33 = 610.31 in both 全年预算 and 执行, the report's
    # 一般公共预算财政拨款支出 to the cent, so these rows are the 财政拨款; their 年初预算 41.98 + 527.50 = 569.48, yet
    # the text says "年初预算数575.63万元" (twice). The 6.15 gap is the 尾款项目's 年初 6.15 (财政拨款 in its own
    # table), which the 整体 table books under 其他资金 (266.15 = 260.00 of the 其他资金 projects + 6.15). Since the
    # seventeenth session's audit the message says so, and the figure claimed wrong is the table's 569.48 (labelled
    # 报告所述 / 另一处所述, which fits either way round).
    (R000, "budget.perf_initial", "warning", "569.48万元", "575.63万元"),
    # 002: the reasons for the 财政拨款 increase and for the 预决算差异 list 援疆经费, whose own 自评表 reads
    # "年度资金总额220.00 399.18 347.25 … 0.00 0.00 0.00 — — —其他资金220.00 399.18 347.25": no 财政拨款 at all.
    (
        R002,
        "budget.reason_nonfiscal",
        "warning",
        "援疆经费（财政拨款项目）",
        "其他资金399.18万元，财政拨款0.00万元",
    ),
    # 004: "绩效目标完成率为100%，实际完成率100%" (twice), yet its 整体自评表 gives 生态效益 and 可持续影响 "100%"
    # targets an actual "99%" and takes a point off each (4 of 5); the table's 总分 is 98, not 100.
    (R004, "perf.all_targets_met", "warning", "绩效目标完成率为100%", "2项指标未完成"),
    # 004 国有资产出租收入: "年度资金总额 0.5 0.16 0.16 10 32% 8". Every other 004 table scores the rate at most
    # rate × 10 (98.8% → 9, 93.23% → 9, 100% → 10 six times); 32% would give 3.2, and read as 0.16 ÷ 0.16 = 100% it
    # would give 10 as in the six 100% tables. 8 fits neither.
    (R004, "perf.execution_score_high", "warning", "8分（执行率32%）", "不超过3.20分"),
]

# Rounding-level (one unit of the last printed place) findings the ground truth lists: info, never error.
PINNED_INFO = [
    # 004: 项目支出 139.69 (支出决算说明, 738.08+139.69 = 877.77) and 139.68 (整体绩效自评报告, 0.16 + 139.52): two
    # statements of one figure 0.01 apart, each its own rounding — a note, not an error (issue 3's tolerance).
    (R004, "repeat.narrative", "139.68；139.69", "同一个数"),
    (GUIHUA, "ratio.share", "99.86%", "99.87%"),  # 9746.50/9759.38 = 99.868%
    (GUIHUA, "budget.rate", "95.45%", "95.46%"),  # 9746.50/10210.34 = 95.457%
    (SHEGONG, "ratio.share", "9.55%", "9.56%"),  # 29.42/307.82 = 9.557%
    # 规划局: "一般公共预算财政拨款支出增加1193.20万元，增长13.95。" — the percentage lost its % sign; the amount before it
    # says what it is (a warning, "看不出是金额还是幅度", until the seventeenth session's audit).
    (GUIHUA, "yoy.missing_unit", "增长13.95", "增长13.95%"),
    # 002 《“为民办实事”工作经费（区级）》: cost cap <=20万元, spent =19.9938万元 (the 偏差原因: "剩余62元"), scored 9.99
    # of 10 = 19.9938 ÷ 20 × 10 = 9.9969 cut to two decimals: saving 62元 cost 0.01 point, while 《档案信息化建设
    # 工作经费》's =68.9996万元 under <=69万元 scores the full 10.00. One point at the score's last digit: a note since
    # the seventeenth session's audit (a warning before).
    (R002, "perf.target_met_scored_short", "=19.9938万元（9.99分）", "10分"),
    # 000: "在职人员25人，增加0人", yet 其他行政事业单位医疗支出 fell because "本年在职人员减少"; the report also says
    # "本年在职人员调入，退休": fewer during the year is possible with as many at its end — a note since the seventeenth
    # session's audit (a warning before).
    (R000, "yoy.reason_staff", "在职人员减少", "在职人员与上年持平"),
    # 001 《购置档案经费》: nine indicator scores 90 + 资金执行 10, yet 总分 "90 90": its 分值 and 得分 both the
    # indicators' alone, the 资金执行 score left out (the report's other tables count it in: 数据专网 82 + 10 = 92). A
    # layout, consistent in itself: an error, then a warning in the seventeenth session's first audit, a note after its
    # second (not comparable with the report's other tables, no sum gone wrong).
    (R001, "perf.score_total", "90", "100"),
    # 001 《零工市场运营经费》 (the table headed 购置档案经费): 分值 3+2+2+2+2+11+8+10+30+20 = 90 plus 资金执行 10 = 100;
    # 图版制作数量 (≤30块, 28块, 3分) has no 得分, the rest score 87 and 资金执行 10; its "总分 90 90" counts the
    # indicators alone (87 to 90), as 《购置档案经费》's: a note.
    (R001, "perf.score_total", "90", "97–100"),
    # 002 社保基金监督检查审计经费: its own 实际完成情况 says "收审单位满意度达90%" (收 for 受), the same
    # table's 受审单位满意度 row "=100%": one table, two results for one rate — a note since the seventeenth session's
    # third audit: 90% is the target, which 100% met; understated, not false.
    (R002, "repeat.perf_indicator_text", "90%", "100%"),
    (R003, "perf.target_met_scored_short", "=6.87万元（1.81分）", "5分"),
    (R003, "perf.target_met_scored_short", "=5.55万元（4.63分）", "5分"),
    # 001: total fell 577.03 but the three classes changed by −107.03+4.91+11.27 = −90.85. The 486.18 between them can
    # only be a class spent on in 2023 and not in 2024 (its 稳岗补贴 moved to the 主管单位, the reason says), which a list
    # of this year's classes leaves out: an error, then a warning, a note after the seventeenth session's third audit; a
    # total that fell less than its parts is still an error.
    (R001, "yoy.parts", "-577.03", "-90.85"),
    # 003 《全市事业单位网络培训》 was read twice by the OCR (each row twice, 分值 once 90 + 10 = its 总分 100); the
    # two readings of 报名培训率 (>=95%, 10 points) are =99.34% (its reason: "报名培训率99.34%") and =100%.
    (R003, "perf.indicator_twice", "=100%", "=99.34%"),
    # 规划局: 公开09表 因公出国 and 公务用车 budgets are 0.00, the text says "完成预算的0.00%" (0/0).
    (GUIHUA, "budget.sangong_rate", "0.00%", "无法计算（预算为0）"),
    # 财政局: the same "完成预算的0%" for 因公出国 and 公务用车, whose 09表 预算数 cells are blank; 合计 0.95 is all
    # 公务接待费 0.95, so the blank ones are 0 and the rate is 0/0.
    (CAIZHENG, "budget.sangong_rate", "0%", "无法计算（预算为0）"),
    # 004's list of project funds: "⑨公益性岗位人员工资及社保补贴年初预算0万，全年使用数12.44万，资金使用率100%", while its
    # other items divide by the 年初预算 (⑤ 19.76÷20 = 98.80%, ⑪ 0.16÷0.5 = 32%): 12.44÷0 has no value.
    (R004, "budget.execution", "100%", "无法计算（预算为0）"),
    # 社工部 (founded 2024): increases from a zero base stated as "增长100.00%".
    (SHEGONG, "yoy.zero_base", "100.00%", "无法计算（上年为0）"),
    # 002 农村劳动力外出务工工作经费 (a row over four paragraphs): ">=13万人次" / "=14.3238万" / "人次" / "20 18.00",
    # met and 2 points off with no 偏差原因 (the next indicator's name follows): a note.
    (R002, "perf.target_met_scored_short", "=14.3238万人次（18.00分）", "20分"),
    # 002: 劳动能力鉴定 ">=1000件 =2009年" (the narrative: 鉴定结论书送达2009份) and 克州 ">=100人 =97认".
    (R002, "perf.unit_mismatch", "=2009年", "单位为件"),
    (R002, "perf.unit_mismatch", "=97认", "单位为人"),
    # 003's 整体 table (its actual values printed without "="): 发布岗位需求信息 ">=20000 条" done "24484 个" — entries
    # against positions (the nineteenth session's reading; the rule had read only actuals written "=…").
    (R003, "perf.unit_mismatch", "24484个", "单位为条"),
    # 004 农民工就业工作经费: "春节前后返乡农民工返岗就业人数 95% 100%" (the row was cut in two by a blank line in the dump
    # until the nineteenth session): a count named, a rate given.
    (R004, "perf.name_unit", "100%", "人数（人、个、次等）"),
    # 002: 行政运行 fell as "本年单位物业管理费、差旅费较上年减少", 机关运行经费 rose as "本年度办公费、差旅费等较上年增加".
    (R002, "yoy.reason_conflict", "差旅费减少", "差旅费增加"),
    # 002: the 整体 self-evaluation says "全州农村劳动力外出务工14.31万人次", the project's says "截至12月底全年实现
    # 农村劳动力外出务工14.3238万人次以上": one year-end count, which at two decimals is 14.32.
    (R002, "repeat.figure_precision", "14.31万人次", "14.32万人次"),
    # 003 王家梁档案库区加固改造: "砖砌体拆除面积 =75.6立方米 =75.6立方米", an area counted in cubic metres; the
    # table's own 年度总体目标 says "75.6平方米". One of name and unit is wrong; the figure stands.
    (R003, "perf.name_unit", "立方米", "面积单位（平方米等）"),
    # 000 昌吉州就业服务网软件开发与维护项目: "截止12月31日，正在进行……等级保护1次，国密算法测评1次……", yet its
    # 工作完成时限 row reads "=2024年11月1日前 2024年8月16日 100%". Possibly "已进行" miswritten: a note.
    (R000, "perf.in_progress", "2024年12月31日仍在进行", "2024年8月16日完成"),
    # 001 单位运转经费: 时效指标 下水管道维修时间, deadline "4年6月30日" (the cell clipped "202"), scored 5 of 5
    # as "达成预期指标", while the table's own 产出情况 says "下水管道维修时间2024年8月". A note, for the clipped year.
    (R001, "perf.deadline_missed", "2024年8月", "4年6月30日"),
    # 002 州人社局劳动保障大厦维修项目资金: "项目资金支付率 >=95% =100%", yet "年度资金总额22.92 22.92 11.44 … 49.91%"
    # and its cost note says "工程余款没有支付". A note: 支付率 may count only what fell due.
    (R002, "perf.payment_rate", "100%", "49.91%"),
]


@pytest.mark.parametrize("file,rule,severity,claimed,expected", PINNED)
def test_ground_truth_inconsistency_is_reported(findings, file, rule, severity, claimed, expected) -> None:
    f = find(findings[file], rule, claimed, expected)
    assert f.severity == severity
    head = claimed.split("；")[0].split("，")[0].split("（")[0].rstrip("%").lstrip("-=")
    assert (
        head.removeprefix("年初预算数").removeprefix("全年执行数").removeprefix("全年预算数") in f.message
        or rule == "yoy.parts"
    )


@pytest.mark.parametrize("file,rule,claimed,expected", PINNED_INFO)
def test_rounding_level_differences_are_info(findings, file, rule, claimed, expected) -> None:
    assert find(findings[file], rule, claimed, expected).severity == "info"


def test_no_unpinned_errors_or_warnings(findings) -> None:
    pinned = {(f, r, s, c, e) for f, r, s, c, e in PINNED}
    for file, fs in findings.items():
        for f in fs:
            if f.severity in ("error", "warning"):
                assert (file, f.rule, f.severity, f.claimed, f.expected) in pinned, (file, f.rule, f.message)


@pytest.mark.parametrize(
    "old,new",
    [
        # 规划局 p.21: "一般公共预算财政拨款支出9746.50万元，占本年支出合计的99.86%。" and "完成年初预算的95.45%"
        ("占本年支出合计的99.86%", "占本年支出合计的99.86"),
        ("完成年初预算的95.45%", "完成年初预算的95.45"),
    ],
)
def test_a_share_or_rate_without_its_percent_sign(reports, old, new) -> None:
    """ "占76.23" (another checker's real miss): with the % gone the share is no claim any rule reads, so its own check
    (ratio.share 99.86 vs 99.87, budget.rate 95.45 vs 95.46) falls silent too; ratio.missing_percent says what is
    missing. None of the twenty-one documents (nine reports, twelve budgets) writes one."""
    from generator.checks.ratios import missing_percent

    for name, r in reports.items():
        assert list(missing_percent(r)) == [], name
    assert (
        list(missing_percent(_reread(reports[GUIHUA], old, old.split("的")[0] + "的0"))) == []
    )  # a zero needs none
    (f,) = missing_percent(_reread(reports[GUIHUA], old, new))
    assert (f.severity, f.claimed, f.expected) == ("info", new, old)
    assert f.evidence[0].quote.endswith(new) and f.evidence[0].page == 21


def test_a_budget_rate_written_as_the_finals_share_of_the_budget() -> None:
    """ "决算数为全年预算数的Y%" is "完成全年预算的Y%" in other words (a reviewer's edit of 000's 三公 sentence went
    unchecked): read and checked alike."""
    old = "财政拨款“三公”经费支出全年预算数4.95万元，决算数4.73万元，预决算差异率-4.44%"
    for said, found in (("95.56%", []), ("93.56%", [("error", "93.56%", "95.56%")])):
        r = seed_changed(
            R000, old, f"财政拨款“三公”经费支出全年预算数4.95万元，决算数4.73万元，决算数为全年预算数的{said}"
        )
        assert [
            (f.severity, f.claimed, f.expected) for f in run_checks(r) if f.rule == "budget.rate"
        ] == found


def test_planted_budget_words_are_found(test_copy) -> None:
    _, fs = test_copy
    words = {(f.claimed, f.expected, f.subject) for f in fs if f.rule == "budget.word"}
    # planted_errors.json: 1511.89 < 1560.05 "大于"; 80.38 < 80.81 "大于"; 60.99 < 62.29 "等于"
    assert ("大于", "小于", "年初预算1560.05/决算1511.89") in words
    assert ("大于", "小于", "年初预算80.81/决算80.38") in words
    assert ("等于", "小于", "年初预算62.29/决算60.99") in words
    assert all(f.severity == "error" for f in fs if f.rule == "budget.word")


def test_planted_zero_total_is_the_odd_figure_not_the_percentage(test_copy) -> None:
    # planted: "收入支出总计 0 万元 … 减少56.95万元，下降1.87%". From 0 the fall would be 100%, but 1.87% is right for
    # 公开01表's 2,995.39 (56.95 ÷ 3,052.34): the 0 is wrong, and text_table.metric says so. Until the seventeenth
    # session's audit yoy.percent also blamed the 1.87% (expected 100%), a third finding of one planted change.
    report, fs = test_copy
    assert not [f for f in fs if f.rule == "yoy.percent" and f.claimed == "1.87%"]
    (f,) = [
        f
        for f in run_checks(report)
        if f.rule == "text_table.metric" and f.claimed == "0" and "收入支出总计" in f.message
    ]
    assert (f.severity, f.expected) == ("error", "2,995.39")


def test_corrected_fiscal_total_is_not_flagged(test_copy) -> None:
    # planted_errors.json: the test copy's 2961.68 / 减少63.14 / 下降2.09% is consistent.
    _, fs = test_copy
    assert not [f for f in fs if f.rule == "yoy.percent" and f.claimed == "2.09%"]


def test_evidence_quotes_are_exact_substrings(reports, findings, test_copy) -> None:
    cases = [(reports[n], fs) for n, fs in findings.items()] + [test_copy]
    for report, fs in cases:
        text = report.document.text
        for f in fs:
            assert f.evidence, f
            for q in f.evidence:
                assert q.quote in text, (f.rule, q.quote)
                assert q.page is not None


def test_evidence_quotes_name_their_section_or_table(reports, test_copy) -> None:
    """The contract's evidence carries page and section. Rules quote from where they read and most gave no section
    (261 of 331 quotes of running text on the eight documents before the nineteenth session); run_checks now finds
    each such quote's heading. Left without either: a 目录 line or a part's heading quoted as itself (a table the
    目录 lists and the body lacks; "第四部分部门决算报表（见附表）"; the test copy's heading with the wrong year)."""
    every = {name: run_checks(r) for name, r in reports.items()}  # all families, not only this module's
    cases = [*every.values(), run_checks(test_copy[0])]
    bare = {(f.rule, q.quote) for fs in cases for f in fs for q in f.evidence if not (q.section or q.table)}
    headings = {
        "completeness.missing_table",
        "completeness.no_tables",
        "completeness.year",
    }  # "第三部分……2023年度……"
    assert {rule for rule, _ in bare} <= headings, bare
    # a note on a statutory table's page is placed under that table, not under the last heading before the tables
    (note,) = [
        q
        for f in every[SHEGONG]
        if f.rule == "completeness.template_residue"
        for q in f.evidence
        if q.quote.startswith("无政府性基金")
    ]
    assert (
        note.section == "《政府性基金预算财政拨款收入支出决算表》"
    )  # named by title: 07–09 are numbered differently
    # a quote of a second-level heading is placed under the first-level one; running text under both, and a numbered
    # sentence ("一、全力抓好企业用工保障服务。", 004's list inside (二)) is no heading
    (residue,) = [
        f
        for f in every[R004]
        if f.rule == "completeness.template_residue" and f.claimed == "反映自评得分及评价等级"
    ]
    assert residue.evidence[0].section == "六、部门整体支出绩效情况"
    (loans,) = [
        f for f in every[R004] if f.rule == "completeness.partial_year" and "3.13亿元" in (f.claimed or "")
    ]
    assert (
        [q.section for q in loans.evidence]
        == [
            "十四、关于2023年度预算绩效情况的说明 / (二）部门（单位）整体支出绩效情况",  # its first bracket as printed
            "一、部门、单位基本情况 / （四）绩效目标设定情况",
        ]
    )


def test_finding_ids_are_stable(reports) -> None:
    r = reports[CAIZHENG]
    first = [f.id for f in run_checks(r) if f.rule.split(".")[0] in FAMILIES]
    again = [f.id for f in run_checks(r) if f.rule.split(".")[0] in FAMILIES]
    assert first == again and len(set(first)) == len(first)
    assert find(run_checks(r), "ratio.share", "71.73%").id == "f-10d621"


def test_last_year_stated_in_the_sentence(reports) -> None:
    """001's 卫生健康 sentence states all three: "导致2024年度卫生健康支出决算数4.91万元，2023年卫生健康支出决算数为0，
    出现了较上年增加4.91万元的情况" (4.91 − 0 = 4.91). This year's amount changed to 5.91 leaves a positive last year
    (5.91 − 4.91 = 1.00) that yoy.zero_base cannot see; the stated 0 says otherwise."""
    r = reports[R001]
    assert not [f for f in run_checks(r) if f.rule == "yoy.last_year_stated" and "卫生健康" in f.subject]
    (f,) = [
        f
        for f in run_checks(
            extract(_mutated(r, "卫生健康支出决算数4.91万元", "卫生健康支出决算数5.91万元").document)
        )
        if f.rule == "yoy.last_year_stated" and "卫生健康" in f.subject
    ]
    # the paragraph opens "卫生健康支出……支出决算4.91万元", which the change fits: the 5.91 is named as the odd one
    assert (f.severity, f.claimed, f.expected) == ("error", "本年5.91万元", "本年4.91万元")


def test_rules_are_documented() -> None:
    from generator.checks import CATALOGUE, _load_rules

    _load_rules()
    mine = [r for r in CATALOGUE.values() if r.family in FAMILIES]
    assert {r.id for r in mine} >= {
        "ratio.share", "ratio.sum_100", "yoy.percent", "yoy.zero_base", "yoy.direction",
        "yoy.percent_twice", "yoy.flat_with_reason", "yoy.parts", "budget.rate", "budget.diff_rate",
        "budget.word", "budget.execution", "perf.execution_rate", "perf.points_total",
        "perf.score_total", "perf.target_missed", "repeat.perf_funding", "repeat.narrative",
    }  # fmt: skip
    for r in mine:
        assert r.title and r.explanation and r.formula and r.tolerance and r.example


def test_a_table_read_twice_counts_each_row_once(reports, findings) -> None:
    # 003: the OCR read three 自评表 twice over, each row right after itself ("=62. 5 课时" then "=62.5 课时"):
    # 180 + 10 = 190 points counted as printed, 90 + 10 = the printed 总分 100 counted once. Until the seventeenth
    # session's audit of every finding these were three errors ("超过满分100分"): false alarms.
    assert not [f for f in findings[R003] if f.rule == "perf.points_total"]
    twice = {t["name"] for t in reports[R003].perf_tables if t["indicators"][0].get("second_reading")}
    assert twice == {"全市事业单位网络培训", "职称评审费", "设备升级改"}
    for t in reports[R003].perf_tables:
        if t["name"] in twice:
            assert len(t["indicators"]) == 7 and sum(i["points"] for i in t["indicators"]) == 90
    # a table whose rows differ is not one read twice (every other 自评表 of the nine documents)
    assert not [
        t
        for name, r in reports.items()
        for t in r.perf_tables
        if name != R003 and t["indicators"] and t["indicators"][0].get("second_reading")
    ]


def test_level_overruns_are_not_reported_again_as_a_total(findings) -> None:
    # 004 整体自评表 totals 110 only because of the 55/50 and 35/30 overruns: one problem, two level findings.
    assert not [f for f in findings[R004] if f.rule == "perf.points_total" and f.claimed == "110"]


def test_execution_rate_contradiction_is_reported_once(findings) -> None:
    # 000: 99.55% vs 830.26÷869.05 is budget.execution's; the 整体 table's 上级资金 row is one source of
    # money, not the whole, so repeat.perf_funding does not compare the sentence with it.
    assert not [f for f in findings[R000] if f.rule.startswith("repeat.")]


def test_a_rate_merged_down_the_funding_rows_is_the_whole_tables(findings) -> None:
    # 000's 整体支出 table prints "上级资金 41.98 41.98 41.98 10 95.54% 9.55" and "- - -" in 分值/执行率/得分 of every
    # other row, 合计 835.63 869.05 830.26 too: one cell merged down the rows, printed on the first, and
    # 830.26 ÷ 869.05 = 95.54%. Read as 上级资金's own rate (41.98 ÷ 41.98 = 100%) it was an error until the
    # seventeenth session's audit of every finding showed it a false alarm.
    assert not [f for f in findings[R000] if f.rule == "perf.execution_rate"]
    changed = seed_changed(R000, "\t95.54%\n\t9.55\n", "\t93.54%\n\t9.35\n")
    (f,) = [f for f in run_checks(changed) if f.rule == "perf.execution_rate"]
    assert (f.severity, f.claimed, f.expected) == ("error", "93.54%", "95.54%")
    assert "合计（执行率一栏纵向合并，印在上级资金行）" in f.message and "830.26÷869.05" in f.message


def test_two_items_each_true_to_its_own_change_are_no_conflict(reports, findings) -> None:
    # 002: 财政事务 信息化建设 "比上年决算增加7.14万元……本年单位增加四级联动视频会议及日常网络维护工作经费", and 人社管理事务
    # 信息化建设 "比上年决算增加0.00万元……四级联动的视频会议系统使用及日常网络维护费与上年一致": each reason is its own 科目's
    # change; both hold. An info note until the seventeenth session's audit of every finding.
    assert not [f for f in findings[R002] if f.rule == "yoy.reason_conflict" and "四级联动" in f.message]
    # … but a reason against its own 科目's change is read as before
    changed = _reread(reports[R002], "比上年决算增加7.14万元", "比上年决算减少7.14万元")
    assert [f for f in run_checks(changed) if f.rule == "yoy.reason_conflict" and "四级联动" in f.message]


def test_one_figure_at_two_precisions_beyond_the_cent_is_no_note(findings) -> None:
    # 001 零工市场补助资金: text "29.553203万元", table "29.553": both 29.55 at the 0.01 the reports print. An info note
    # until the seventeenth session's audit of every finding; 244 against 244.4 (0.4万元 apart) is still one, said so.
    assert not [f for f in findings[R001] if f.rule == "repeat.perf_funding" and "29.553" in f.message]
    (f,) = [f for f in findings[R001] if f.rule == "repeat.perf_funding" and "244.4" in f.message]
    assert "全年预算数244万元与表中的数只是印出的精度不同" in f.message
    # 336.344 ÷ 336.79, the row "项目资金预算安排及执行进度(万元) 资金总额: …" (the block's header its first cell)
    assert "文字的99.87%是“资金总额”一行的执行率" in f.message


def test_template_directions_after_a_stated_amount_are_one_finding(reports, findings) -> None:
    # 规划局: "比2023年度减少0.15万元，下降（增长）27.78%": the amount says 减少, the residue is completeness.template_residue's
    # (pinned in test_checks_tables.py). yoy.direction said the direction could not be told, a second finding of one
    # slip and a wrong one, until the seventeenth session's audit.
    assert not [f for f in findings[GUIHUA] if f.rule == "yoy.direction"]
    bare = _reread(
        reports[GUIHUA], "比2023年度减少0.15万元，下降（增长）27.78%", "比2023年度下降（增长）27.78%"
    )
    (f,) = [f for f in run_checks(bare) if f.rule == "yoy.direction"]
    assert (f.severity, f.claimed) == ("warning", "下降（增长）27.78%")


def test_a_garbled_project_name_is_not_printed_as_a_name(findings) -> None:
    # 003's OCR read a 项目名称 as "2024平/支保健": messages said 《2024平/支保健》 as if it were the project's name
    # (the seventeenth session's audit); a slash or a lone Latin letter marks a name unreadable, "PPP 咨询机构服务费" is not.
    (f,) = [f for f in findings[R003] if f.rule == "perf.target_missed"]
    assert f.message.startswith(
        "一张自评表（项目名称识别为“2024平/支保健”，多半有误）中，“一级保健对象享受保健服务人数”"
    )
    assert not [
        g for fs in findings.values() for g in fs if "《2024平" in g.message or "《R工程" in g.message
    ]


def test_a_midyear_addition_against_a_column_that_never_differs(findings) -> None:
    # 002: "年中追加……就业工作经费……等项目" while 《就业工作经费》 prints "年度资金总额55.00 55.00 42.75": 年初 = 全年.
    # Every one of the report's 20 自评表 paid from 财政拨款 prints 年初 = 全年, though its own 年初 budget 2,049.89 is
    # short of the 2,638.26 of the year: the column holds the adjusted budget, most likely (the seventeenth session's two
    # audits) — a matter of the column, not of this project: a note that says so (a warning before, which said "按表格，
    # 这个项目年内没有追加预算").
    (f,) = [f for f in findings[R002] if f.rule == "budget.midyear_added"]
    assert (f.claimed, f.expected) == (
        "就业工作经费（年中追加）",
        "年初预算数55.00万元 = 全年预算数55.00万元",
    )
    assert (
        f.severity == "info" and "本报告20张用财政拨款的项目自评表，年初预算数都等于全年预算数" in f.message
    )
    assert "这个项目年内没有追加预算" not in f.message


def test_staff_said_fewer_against_as_many_is_a_warning_unless_some_came_and_went(reports) -> None:
    # 000 says "本年在职人员调入，退休" (twice): a note. Without that, "增加0人" against "本年在职人员减少" is a warning.
    r = _reread(reports[R000], "本年在职人员调入，退休，", "本年")
    (f,) = [f for f in run_checks(r) if f.rule == "yoy.reason_staff"]
    assert (f.severity, f.claimed) == ("warning", "在职人员减少")


def test_parts_that_fell_further_than_their_total_are_an_error(reports) -> None:
    # 001's total changed to fall by 57.03: the classes listed fell by 90.85 on their own, which no class left out of
    # this year's list (a fall too) can make up
    r = _reread(
        reports[R001], "一般公共预算财政拨款支出减少577.03万元", "一般公共预算财政拨款支出减少57.03万元"
    )
    (f,) = [f for f in run_checks(r) if f.rule == "yoy.parts"]
    assert (f.severity, f.claimed, f.expected) == ("error", "-57.03", "-90.85")


def test_a_project_booked_in_the_wrong_row_is_named(findings) -> None:
    (f,) = [f for f in findings[R000] if f.rule == "budget.perf_initial"]
    assert (
        "相差的6.15万元正是《2024年昌吉州公共就业服务中心尾款项目》（全部是财政拨款）的年初预算数"
        in f.message
    )
    assert (
        "“其他资金”一行的年初预算数266.15万元，正是用其他资金的项目合计260.00万元加上这6.15万元" in f.message
    )


def test_a_task_rate_names_the_reports_own_fitting_rate_and_whose_rate_it_is(findings) -> None:
    # 004: "完成职业技能培训2.66万人，达到年度任务的131.12%" against the 1.78万人次 task (149.44%). The report itself says
    # "1-11月全市完成职业技能培训2.66万人，达到年度任务的149.18%" (inside the rounding of 2.66 ÷ 1.78), and 131.12% is its
    # "吸纳和稳定就业重点类职业培训12063人": the seventeenth session's audit asked the message to say both.
    (f,) = [f for f in findings[R004] if f.rule == "ratio.task_target" and f.claimed == "131.12%"]
    assert "报告另一处写同一完成数“达到年度任务的149.18%”，与此相符" in f.message
    assert "131.12%是“完成吸纳和稳定就业重点类职业培训12063人”的完成率" in f.message


def test_two_budgets_a_carry_over_apart_are_two_scopes(reports, findings) -> None:
    (f,) = [f for f in findings[R002] if f.rule == "repeat.budget_for_spending"]
    assert "两者相差78.04万元，正是年初结转和结余" in f.message
    # any other gap is an error, as before
    r = _reread(reports[R002], "全年预算总额3,205.90万元", "全年预算总额3,215.90万元")
    (g,) = [g for g in run_checks(r) if g.rule == "repeat.budget_for_spending"]
    assert (g.severity, g.claimed) == ("error", "3127.86；3215.90")


def test_a_wrong_share_says_what_it_is_the_share_of(findings) -> None:
    # 004: "公务接待费支出决算1.16万元，占82.86%" of a 三公 total of 1.16: 82.86% is 1.16 ÷ 1.40, the 三公 budget stated in
    # the sentence the total comes from (the seventeenth session's audit asked the message to say so)
    # — a right ratio (the 完成率 of the budget) under the wrong word "占": a warning, as budget.rate's wrong words
    (f,) = [f for f in findings[R004] if f.rule == "ratio.share" and f.claimed == "82.86%"]
    assert f.severity == "warning"
    assert f.message.endswith("82.86%正是1.16÷1.40，1.40万元是同一处写的“支出预算为1.40万元”。")


def test_two_funds_under_one_name_are_named(reports, findings) -> None:
    (f,) = [f for f in findings[R004] if f.rule == "repeat.perf_funding" and "28.27" in f.message]
    assert "相差的0.30万元正是“企业用工保障服务经费”的金额" in f.message
    assert f.evidence[-1].quote.startswith("企业用工保障服务经费")
    # any other gap is an error, as before
    r = _reread(reports[R004], "全年使用数28.27万", "全年使用数28.37万")
    (g,) = [g for g in run_checks(r) if g.rule == "repeat.perf_funding" and "28.37" in g.message]
    assert g.severity == "error"


def test_consistent_vehicle_counts_give_nothing(findings) -> None:
    # 000 "公务用车保有量2辆。国有资产占用情况中固定资产车辆2辆，…一致无差异" and "车辆2辆，价值48.73万元，其中：…
    # 其他用车2辆"; 002 the same with 3; 003 保有量44 vs 固定资产车辆49 with a stated reason (执法执勤4+特种1+其他44=49).
    for name in (R000, "002_e0b9e12b257efafd.txt", R003, R001, R004, GUIHUA, CAIZHENG, SHEGONG):
        assert not [f for f in findings[name] if f.rule == "repeat.vehicles"], name


def _mutated(report, old: str, new: str):
    import dataclasses

    blocks = [dataclasses.replace(b, text=b.text.replace(old, new)) for b in report.document.blocks]
    return dataclasses.replace(report, document=dataclasses.replace(report.document, blocks=blocks))


def test_vehicle_counts_are_checked(reports) -> None:
    from generator.checks import CATALOGUE

    rule = CATALOGUE["repeat.vehicles"].fn
    # 保有量 changed while the text still says 固定资产车辆 and 保有量 are 一致无差异
    (f,) = rule(_mutated(reports[R000], "保有量2辆", "保有量3辆"))
    assert (f.severity, f.claimed, f.expected) == ("error", "3辆", "2辆")
    # the asset section's count against the 三公 section's 固定资产车辆 and against its own 其中 list
    fs = {
        (f.subject, f.claimed, f.expected)
        for f in rule(_mutated(reports[R003], "车辆49辆,价值", "车辆48辆,价值"))
    }
    assert fs == {("固定资产车辆", "49辆", "48辆"), ("车辆分类合计", "48辆", "49辆")}
    # the list cut where a paragraph ends ("……机要通信用车0辆、应" / "急保障用车 0 辆、执法执勤用车 4 辆……", as a
    # hard wrap may leave it) is not a list adding up to 0
    import dataclasses

    r = reports[R003]
    at = next(i for i, b in enumerate(r.document.blocks) if "机要通信用车0辆、应" in b.text)
    text = r.document.blocks[at].text
    cut = text.index("机要通信用车0辆、应") + len("机要通信用车0辆、应")
    blocks = list(r.document.blocks)
    blocks[at : at + 1] = [
        dataclasses.replace(blocks[at], text=text[:cut]),
        dataclasses.replace(blocks[at], text=text[cut:]),
    ]
    assert list(rule(dataclasses.replace(r, document=dataclasses.replace(r.document, blocks=blocks)))) == []


def test_a_sangong_part_stated_twice_is_compared(reports, findings) -> None:
    from generator.checks import CATALOGUE

    rule = CATALOGUE["repeat.narrative"].fn
    # 001 states each 三公 part in the 总体情况 ("因公出国（境）费支出0万元，与上年相同") and again in the 具体情况
    # ("1、因公出国（境）费支出0万元，出国（境）团组共0个"); 004 "公务接待费支出决算1.16万元" / "…决算为1.16万元"
    (f,) = rule(_mutated(reports[R001], "1、因公出国（境）费支出0万元", "1、因公出国（境）费支出2万元"))
    assert (f.severity, f.subject, f.claimed) == ("error", "因公出国（境）费", "0；2")
    fs = rule(_mutated(reports[R004], "公务接待费支出决算为1.16万元", "公务接待费支出决算为1.61万元"))
    (f,) = [f for f in fs if f.subject == "公务接待费"]  # besides 004's own 项目支出 139.68 / 139.69
    assert [q.quote for q in f.evidence] == ["公务接待费支出决算1.16万元", "公务接待费支出决算为1.61万元"]
    # written without 支出 too: 000 "公务接待费0.27万元，开支内容包括……" against "公务接待费支出0.27万元"
    fs = rule(_mutated(reports[R000], "公务接待费0.27万元，开", "公务接待费0.37万元，开"))
    assert [(f.severity, f.claimed) for f in fs if f.subject == "公务接待费"] == [("error", "0.27；0.37")]
    # the budget is another figure: "公务接待费支出预算为1.40万元" is not a second statement of 1.16
    for name in (R000, R001, R004, GUIHUA, CAIZHENG, SHEGONG):
        assert not [f for f in findings[name] if f.rule == "repeat.narrative" and "费" in f.subject], name


def test_the_staff_control_rate_is_checked(reports, findings) -> None:
    from generator.checks import CATALOGUE

    rule = CATALOGUE["ratio.staff_control"].fn
    # 004's 基础数据表: 编制数 54, 2023年实际在职人数 46, 控制率 85% (46 ÷ 54 = 85.19%); the text: 编制人数54人
    assert not [f for f in findings[R004] if f.rule == "ratio.staff_control"]
    (f,) = rule(_mutated(reports[R004], "54 46 85%", "54 52 85%"))
    assert (f.severity, f.claimed, f.expected) == ("error", "85%", "96%")
    (f,) = rule(_mutated(reports[R004], "54 46 85%", "54 46 86%"))  # 85.19% printed 86%: one unit off
    assert f.severity == "info"
    from generator.extract import extract

    (f,) = rule(extract(_mutated(reports[R004], "编制人数54人", "编制人数28人").document))
    assert (f.severity, f.claimed, f.expected) == ("error", "28人", "54人")


def test_a_share_opening_its_own_paragraph_takes_the_amount_before(reports) -> None:
    from generator.checks.ratios import share
    from generator.extract import extract

    # 003: "本年支出32,221.61万元,其中:基本支出13,717.58万元," / "占42.57%; 项目支出18,504.03万元, 占57.43%;"
    r = reports[R003]
    (c,) = [c for c in r.share_claims if c["label"] == "基本支出"]
    assert (c["amount"], c["percent"], c["parent"]) == (
        Decimal("13717.58"),
        Decimal("42.57"),
        Decimal("32221.61"),
    )
    assert c["quote"].quote == "基本支出13,717.58万元,\n占42.57%" and c["quote"].quote in r.document.text
    changed = extract(_mutated(r, "占42.57%; 项目支出", "占45.57%; 项目支出").document)
    assert [(f.severity, f.expected) for f in share(changed) if f.claimed == "45.57%"] == [
        ("error", "42.57%")
    ]


def test_a_parts_change_listed_after_qizhong_is_read(reports) -> None:
    from generator.checks.yoy import percent
    from generator.extract import extract

    # 规划局: "“三公”经费财政拨款支出决算数比2023年度减少0.15万元，…，其中：因公出国（境）费支出与上一年度持平；…；
    # 公务接待费支出决算减少0.15万元，下降27.78%": the part has no 比上年 of its own; this year's 公务接待费 is
    # 0.39, so last year's was 0.54 and 0.15 ÷ 0.54 = 27.78% (it agrees)
    r = reports[GUIHUA]
    (c,) = [c for c in r.yoy_claims if c["metric"] == "sangong_reception"]
    assert (c["change"], c["percent"], c["quote"].quote) == (
        Decimal("0.15"),
        Decimal("27.78"),
        "公务接待费支出决算减少0.15万元，下降27.78%",
    )
    changed = extract(_mutated(r, "减少0.15万元，下降27.78%。", "减少0.15万元，下降29.78%。").document)
    assert [(f.severity, f.expected) for f in percent(changed) if f.claimed == "29.78%"] == [
        ("warning", "27.78%")
    ]
    # and after a change with its 比上年 in the same sentence: 001 "与上年相比，收入总计减少584.82万元，下降29.48%，支出总计
    # 减少584.82万元，下降29.48%" — the second is 支出总计's (1,399.08 this year: 584.82 ÷ 1,983.90 = 29.48%)
    (c,) = [c for c in reports[R001].yoy_claims if c["quote"].quote == "支出总计减少584.82万元，下降29.48%"]
    assert c["metric"] == "expenditure_total"
    changed = extract(
        _mutated(
            reports[R001], "支出总计减少584.82万元，下降29.48%", "支出总计减少584.82万元，下降39.48%"
        ).document
    )
    assert [(f.severity, f.expected) for f in percent(changed) if f.claimed == "39.48%"] == [
        ("warning", "29.48%")
    ]


def test_the_evaluated_projects_add_up(reports, findings) -> None:
    from generator.checks.perf import projects_total
    from generator.extract import extract

    # 000: "预算绩效评价项目8个，全年预算数263.97万元，全年执行数247.81万元" = the 8 项目自评表 (tables); 002: "…23个，
    # 全年预算数1,949.31万元，全年执行数1,560.49万元" = its 23 (text rows); 003 says 58 but its OCR yields 56: no check
    for name in (R000, R002, R003):
        assert not [f for f in findings[name] if f.rule == "perf.projects_total"], name
    r = extract(_mutated(reports[R000], "全年预算数263.97万元", "全年预算数253.97万元").document)
    (f,) = projects_total(r)
    assert (f.severity, f.claimed, f.expected) == ("error", "253.97", "263.97") and len(f.evidence) == 9
    r = extract(_mutated(reports[R002], "全年执行数1,560.49万元", "全年执行数1,560.48万元").document)
    (f,) = projects_total(r)
    # the sentence and the 23 rows, two of which read alike ("年度资金总额10.00 10.00 10.00 10 100.00% 10.00", 劳动人事
    # 争议调解仲裁 and 规划纲要中期评估, on the text's one page): one quote
    assert (f.severity, f.claimed, f.expected) == ("info", "1,560.48", "1,560.49") and len(f.evidence) == 23


def test_the_whole_self_evaluation_totals_are_its_table(reports, findings) -> None:
    from generator.checks.perf import whole_total
    from generator.extract import extract

    # 000 "整体支出绩效自评表1个，全年预算总额869.05万元，实际执行总额830.26万元" = its 合计 row (835.63 869.05
    # 830.26); 003 32,312.49 / 32,221.61 = its 年度总资金 row. 002's 整体 table lost its grid; its two sentences
    # (3,205.90 and "我单位全年预算数为3127.86万元") are repeat.budget_for_spending's error, not said twice.
    for name in (R000, R002, R003):
        assert not [f for f in findings[name] if f.rule == "perf.whole_total"], name
    assert [f for f in findings[R002] if f.rule == "repeat.budget_for_spending"]
    (f,) = whole_total(
        extract(_mutated(reports[R000], "全年预算总额869.05万元", "全年预算总额879.05万元").document)
    )
    assert (f.severity, f.claimed, f.expected) == ("error", "879.05", "869.05")
    assert [q.quote for q in f.evidence][1] == "合计 835.63 869.05 830.26 - - -"
    (f,) = whole_total(
        extract(_mutated(reports[R003], "实际执行总额32,221.61", "实际执行总额32,221.62").document)
    )
    assert (f.severity, f.claimed, f.expected) == ("info", "32,221.62", "32,221.61")


def test_a_rate_opening_the_next_paragraph_is_read(reports) -> None:
    from generator.checks.budget import rate
    from generator.extract import extract

    # 规划局 p.22: "…年初预算为0.88万元，支出决算为0.88万元。" / "完成年初预算的100.00%。决算数同预算数持平。"
    r = reports[GUIHUA]
    (c,) = [c for c in r.budget_claims if c["final"] == Decimal("0.88")]
    assert (c["rate"], c["rate_kind"], c["word"]) == (Decimal("100.00"), "年初预算", "同预算数持平")
    assert c["quote"].quote == "年初预算为0.88万元，支出决算为0.88万元。\n完成年初预算的100.00%"
    assert c["quote"].quote in r.document.text
    import dataclasses

    lone = (
        "完成年初预算的100.00%。决算数同预算数持平。"  # the paragraph itself, not the sentences ending others
    )
    blocks = [
        dataclasses.replace(b, text="完成年初预算的90.00%。决算数同预算数持平。") if b.text == lone else b
        for b in r.document.blocks
    ]
    changed = extract(dataclasses.replace(r.document, blocks=blocks))
    assert [(f.severity, f.expected) for f in rate(changed) if f.claimed == "90.00%"] == [
        ("error", "100.00%")
    ]


def test_the_sangong_comparison_after_its_parts_is_read(reports) -> None:

    from generator.checks.budget import word

    # 规划局 p.25: "“三公”经费财政拨款支出年初预算为2.85万元，支出决算为0.39万元，完成预算的13.68%，其中：……公务接待费
    # 支出决算为0.39万元，完成预算的13.68%。2024年度“三公”经费支出决算数小于预算数的主要原因：……" — the word three
    # clauses after the amounts, in its own sentence naming the same 三公 (财政局 and the planted copy the same).
    r = reports[GUIHUA]
    (c,) = [c for c in r.budget_claims if c["budget"] == Decimal("2.85")]
    assert c["word"] == "小于" and c["word_quote"].quote == "2024年度“三公”经费支出决算数小于"
    assert c["word_quote"].quote in r.document.text and not list(word(r))
    (f,) = word(_reread(r, "经费支出决算数小于预算数", "经费支出决算数大于预算数"))
    assert (f.severity, f.claimed, f.expected) == ("error", "大于", "小于")
    # a later comparison that names something else is not the amounts' ("……。机关运行经费决算数大于预算数……")
    changed = _reread(r, "2024年度“三公”经费支出决算数小于", "机关运行经费决算数大于")
    assert [c["word"] for c in changed.budget_claims if c["budget"] == Decimal("2.85")] == [None]


@pytest.mark.parametrize(
    "old,new,claimed,expected,quote",
    [
        # the year a change is measured from is the year before the report's
        ("与2023年度相比，收入支出总计减少56.95万元", "与2022年度相比，收入支出总计减少56.95万元", "2022", "2023",
         "与2022年度相比，收入支出总计减少"),
        # the unit's own year in the running text
        ("上海市普陀区财政局2024年度无政府性基金预算", "上海市普陀区财政局2023年度无政府性基金预算", "2023", "2024",
         "上海市普陀区财政局2023年度"),
        # named twice in one phrase ("纳入上海市普陀区财政局2023年度部门决算编制范围"): one finding
        ("纳入上海市普陀区财政局2024年度部门决算", "纳入上海市普陀区财政局2023年度部门决算", "2023", "2024",
         "2023年度部门决算"),
        # this year's 收入支出总计 2,995.39 (公开01表) labelled 2023 (and by the unit's name: still one finding)
        ("上海市普陀区财政局2024年度收入支出总计2995.39万元", "上海市普陀区财政局2023年度收入支出总计2995.39万元",
         "2023", "2024", None),
        ("2024年度本部门面向中小企业预留", "2023年度本部门面向中小企业预留", None, None, None),
        # the unit's work of a year before the report's is a stale copy; of a later year, a plan
        ("上海市普陀区财政局2024年度预算绩效管理", "上海市普陀区财政局2023年度预算绩效管理", "2023", "2024",
         "上海市普陀区财政局2023年度"),
        ("上海市普陀区财政局2024年度预算绩效管理", "上海市普陀区财政局2025年度预算绩效管理", None, None, None),
    ],
)  # fmt: skip
def test_years_in_the_running_text(reports, old, new, claimed, expected, quote) -> None:

    from generator.checks.completeness import year

    r = reports[CAIZHENG]
    assert list(year(r)) == []
    assert sum(old in b.text for b in r.document.blocks if b.table is None) == 1
    found = list(year(_reread(r, old, new)))
    if claimed is None:
        # "2023年度本部门面向中小企业预留政府采购项目预算金额246.47万元": a year before the unit's name, and a figure no
        # table holds: nothing proves it is this year's; "××局2025年度预算绩效管理……" may be the next year's plan
        assert found == []
        return
    (f,) = found
    assert (f.severity, f.claimed, f.expected) == ("error", claimed, expected)
    assert quote is None or quote in f.evidence[0].quote
    assert f.evidence[0].quote in new


def test_an_amount_in_yuan_that_the_tables_give_in_wan(reports) -> None:

    from generator.checks.repeat import unit

    # 财政局 p.22 行政运行: "年初预算为1560.05万元，支出决算为1511.89万元" — with the 万 dropped, the sentence is no longer read
    # as a budget comparison, and 公开05表's row "201 06 01 行政运行 1,511.90 1,511.89 0.01" shows what it was.
    r = reports[CAIZHENG]
    assert list(unit(r)) == []
    changed = _reread(r, "支出决算为1511.89万元", "支出决算为1511.89元")
    (f,) = unit(changed)
    assert (f.severity, f.claimed, f.expected) == ("warning", "1511.89元", "1511.89万元")
    assert f.evidence[0].quote == "支出决算为1511.89元" and f.evidence[1].table.startswith("公开")
    assert all(q.quote in changed.document.text for q in f.evidence)
    # small sums in 元 are not compared: 002's "剩余62元", "<=3960元 =3960元" (no 万元 figure has those digits)
    assert [f for f in unit(reports[R002])] == []


def test_one_part_listed_twice_in_a_sentence(reports) -> None:

    from generator.checks.repeat import list_part

    # 财政局 p.21 "本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占20.51%" with the
    # second name copied from the first: the narrative's 项目支出 is then never stated, and nothing else notices
    r = reports[CAIZHENG]
    assert list(list_part(r)) == []
    changed = _reread(r, "占79.49%；项目支出603.14万元", "占79.49%；基本支出603.14万元")
    (f,) = list_part(changed)
    assert (f.severity, f.claimed) == ("error", "2336.91万元、603.14万元")
    assert [q.quote for q in f.evidence] == ["其中：基本支出2336.91万元", "基本支出603.14万元"]
    assert all(q.quote in changed.document.text for q in f.evidence)
    # 000 (a text report): "其中：财政拨款收入610.31万元，占70.87%；……其他收入250.88万元" with 其他 written as 财政拨款
    changed = seed_changed(R000, "；其他收入250.88万元", "；财政拨款收入250.88万元")
    (f,) = list_part(changed)
    assert f.claimed == "610.31万元、250.88万元"
    # 004's economic classes, one of them written two ways: "其中：工资福利支出656.52万元，商品服务支出194.46万元……"
    # with the first turned into "商品和服务支出"
    changed = seed_changed(R004, "其中：工资福利支出656.52万元", "其中：商品和服务支出656.52万元")
    (f,) = list_part(changed)
    assert f.claimed == "656.52万元、194.46万元" and "商品和服务支出" in f.message
    # the same part twice with one amount is a repetition, not a contradiction
    same = seed_changed(R000, "；其他收入250.88万元", "；财政拨款收入610.31万元")
    assert list(list_part(same)) == []


def test_the_years_income_stated_twice(reports) -> None:

    from generator.checks.repeat import narrative_twice

    # 财政局 p.21 states 本年收入合计2946.25万元 and then "本年支出合计2940.05万元，其中：……": with the second label turned
    # into the first, the narrative reads the first statement only; the two statements of one total disagree
    r = reports[CAIZHENG]
    assert not [f for f in narrative_twice(r) if f.subject in ("本年收入合计", "本年支出合计")]
    (f,) = [
        f
        for f in narrative_twice(_reread(r, "本年支出合计2940.05万元，其中", "本年收入合计2940.05万元，其中"))
        if f.subject == "本年收入合计"
    ]
    assert (f.severity, f.claimed) == ("error", "2940.05；2946.25")
    # 000 lists 本年收入合计 after 收入总计's 其中 and states 本年收入 again at the head of its sources: with the two
    # amounts of "本年收入合计861.19万元，使用非财政拨款结余（含专用结余）0.00万元" swapped, every sum still holds

    swapped = seed_changed(
        R000,
        "本年收入合计861.19万元，使用非财政拨款结余（含专用结余）0.00万元",
        "本年收入合计0.00万元，使用非财政拨款结余（含专用结余）861.19万元",
    )
    (f,) = [f for f in narrative_twice(swapped) if f.subject == "本年收入合计"]
    assert f.claimed == "0.00；861.19"
    # 003's "国有资本经营预算财政拨款收入总计19.28万元，其中：……本年收入19.28万元" is that fund's, not the unit's
    assert not [f for f in narrative_twice(reports[R003]) if f.subject.startswith("本年")]


def test_a_missed_cap_scored_in_full_in_a_text_export() -> None:

    from generator.checks.perf import target_missed

    # 002 lost its 自评表 grids in the text export; its rows are read from the text ("<=72.80 万元 =66.5 万元 10 10.00":
    # 分值 10, 得分 10.00). With target and actual swapped, the cost cap is exceeded and still scored in full.
    changed = seed_changed(
        R002,
        "<=72.80 万元 =66.5 万元 10 10.00",
        "<=66.5 万元 =72.80 万元 10 10.00",
    )
    (f,) = target_missed(changed)
    assert (f.severity, f.claimed, f.expected) == ("warning", "=72.80万元（10.00分）", "<=66.5万元")
    assert "《事业单位新聘人员岗前公共科目培训工作经费》" in f.message


@pytest.mark.parametrize(
    "old,new,named",
    [
        # the template's sentence about the unit's own year, with another unit's name: copied and not changed
        ("上海市普陀区财政局2024年度收入支出总计", "上海市普陀区审计局2024年度收入支出总计", "上海市普陀区审计局"),
        ("纳入上海市普陀区财政局2024年度部门决算编制范围", "纳入上海市普陀区审计局2024年度部门决算编制范围",
         "上海市普陀区审计局"),
        # one character off the unit's own name is completeness.agency_name_variant's, not a second report here
        ("上海市普陀区财政局2024年度收入支出总计", "上海市普陀区财攻局2024年度收入支出总计", None),
    ],
)  # fmt: skip
def test_another_units_name_in_a_template_sentence(reports, old, new, named) -> None:

    from generator.checks.completeness import agency_name

    r = reports[CAIZHENG]
    assert list(agency_name(r)) == []
    found = list(agency_name(_reread(r, old, new)))
    if named is None:
        assert found == []
        return
    (f,) = found
    assert (f.severity, f.claimed, f.expected) == ("warning", named, "上海市普陀区财政局")
    assert f.evidence[0].quote.startswith(named) and f.evidence[0].quote in new


@pytest.mark.parametrize(
    "name,old,new,claimed,quote",
    [
        # 002's text export: an indicator row "<=72.80 万元 =66.5 万元 10 10.00" (分值 10) scored 12.00
        (R002, "<=72.80 万元 =66.5 万元 10 10.00", "<=72.80 万元 =66.5 万元 10 12.00", "12.00分",
         "<=72.80万元 =66.5万元10 12.00"),
        # … and its funding line "年度资金总额 72.80 72.80 66.50 10 91.35% 10.00" scored 11.00
        (R002, "年度资金总额 72.80 72.80 66.50 10 91.35% 10.00", "年度资金总额 72.80 72.80 66.50 10 91.35% 11.00",
         "11.00分", "年度资金总额72.80 72.80 66.50 10 91.35% 11.00"),
        # 000's 整体 table (one cell a line): "上级资金 41.98 41.98 41.98 10 95.54% 9.55" scored 10.55
        (R000, "\t95.54%\n\t9.55\n", "\t95.54%\n\t10.55\n", "10.55分", "上级资金 41.98 41.98 41.98 10 95.54% 10.55"),
    ],
)  # fmt: skip
def test_a_score_above_its_points(reports, name, old, new, claimed, quote) -> None:

    from generator.checks.perf import score_over_points

    # none of the 921 scored rows of the five seeds (nor a funding row) scores above its points
    assert list(score_over_points(reports[name])) == []
    (f,) = score_over_points(seed_changed(name, old, new))
    assert (f.severity, f.claimed) == ("error", claimed)
    assert f.evidence[0].quote == quote


def test_a_target_met_as_written_and_scored_short(reports) -> None:

    from generator.checks.perf import target_met_scored_short

    # 004 "重点监测企业覆盖率 100% 100% 15 15" scored 14: the actual is the target as written, met whichever way the
    # target points; no 偏差原因 explains the point off. Before, only targets with ≥/≤ were read: 70 of 90 score
    # edits of 004's tables went unnoticed (6 now). None of the 208 rows of the seeds whose actual repeats the target
    # is scored short.
    assert not [f for f in target_met_scored_short(reports[R004]) if "重点监测" in f.message]
    changed = seed_changed(
        R004,
        "重点监测企业覆盖率\n\t\u3000100%\n\t\u3000100%\n\t\u300015\n\t\u300015\n",
        "重点监测企业覆盖率\n\t\u3000100%\n\t\u3000100%\n\t\u300015\n\t\u300014\n",
    )
    (f,) = [f for f in target_met_scored_short(changed) if "100%" in f.message and "14" in f.claimed]
    assert (f.severity, f.claimed, f.expected) == ("info", "100%（14分）", "15分")
    assert "重点监测企业覆盖率" in f.evidence[0].quote


def test_a_case_closing_rate_is_its_counts(reports, findings) -> None:
    from generator.checks.ratios import case_rate

    # 002: "受理各类争议案件234件，办结229件，其中调解结案120件，结案率97.86%" (229 ÷ 234 = 97.86%), "…线索6542件，
    # 办结6542件，线索办结率100%"; "受理投诉举报案件412件，已办结412件，法定时效内结案率为100%" is about timeliness
    assert not [f for f in findings[R002] if f.rule == "ratio.case_rate"]
    (f,) = case_rate(_mutated(reports[R002], "结案率97.86%", "结案率98.86%"))
    assert (f.severity, f.claimed, f.expected) == ("error", "98.86%", "97.86%")
    assert f.evidence[0].quote == "受理各类争议案件234件，办结229件，其中调解结案120件，结案率98.86%"
    assert list(case_rate(_mutated(reports[R002], "已办结412件", "已办结402件"))) == []
    # "……其中调解结案120件，结案率97.86%，调解率52.4%": 120 ÷ 229 (办结) = 52.40%; 120 ÷ 234 (受理) would be 51.28%
    (f,) = case_rate(_mutated(reports[R002], "调解率52.4%", "调解率62.4%"))
    assert (f.severity, f.claimed, f.expected) == ("error", "62.4%", "52.4%")
    assert f.evidence[0].quote.endswith("结案率97.86%，调解率62.4%")
    assert list(case_rate(_mutated(reports[R002], "调解率52.4%", "调解率51.3%"))) == []  # of the 受理


def test_yoy_change_takes_the_total_stated_before(reports) -> None:
    # 003: "国有资本经营预算财政拨款收入总计19.28万元, …支出总计19.28万元。" then, next paragraph,
    # "国有资本经营预算财政拨款收入支出与上年相比,减少2.26万元,下降10.49%": the change is of those totals
    # (every 总计 stated for it is 19.28), so 2.26 ÷ (19.28 + 2.26) = 10.49% is checked — and consistent.
    (c,) = [c for c in reports[R003].yoy_claims if c["subject"] == "国有资本经营预算财政拨款收入支出"]
    assert c["current"] == Decimal("19.28") and c["current_quote"].quote.endswith("支出总计19.28万元")
    doc = reports[R003].document
    old = "与上年相比,减少2.26万元,下降10.49%"
    fs = run_checks(extract(_doc_replace(doc, old, old.replace("10.49", "12.49"))))
    f = find(fs, "yoy.percent", "12.49%", "10.49%")
    assert f.severity == "error"


def test_change_is_not_taken_for_this_years_amount(reports) -> None:
    # 001: "…支出总计减少584.82万元，下降29.48%。主要原因是…收入和支出总计较上年减少584.82万元": the amount
    # before the second change is itself a change, not this year's 支出总计.
    (c,) = [c for c in reports[R001].yoy_claims if c["subject"] == "收入和支出总计"]
    assert c["current"] is None


def _doc_replace(doc, old: str, new: str):
    import dataclasses

    assert old in doc.text
    blocks = [dataclasses.replace(b, text=b.text.replace(old, new)) for b in doc.blocks]
    return dataclasses.replace(doc, blocks=blocks)


def test_yoy_change_stated_twice(reports) -> None:
    # 001 states the fall of 收入总计 584.82 and later "收入和支出总计较上年减少584.82万元": consistent, nothing;
    # a different second figure is the same change written two ways.
    assert not [
        f for fs in (run_checks(r) for r in reports.values()) for f in fs if f.rule == "repeat.yoy_change"
    ]
    doc = reports[R001].document
    fs = run_checks(extract(_doc_replace(doc, "总计较上年减少584.82万元", "总计较上年减少548.82万元")))
    f = find(fs, "repeat.yoy_change", "收入和支出总计减少548.82万元", "收入总计减少584.82万元")
    assert f.severity == "error"


def test_an_item_list_of_usage_rates_is_checked() -> None:
    # 004's shape: "年初预算20万，全年使用数19.76万，资金使用率98.80%" (万 for 万元); synthetic rates around it
    from conftest import report_of

    from generator.checks.budget import execution

    def found(rate: str, budget: str = "20") -> list[tuple[str, str | None, str | None]]:
        text = f"⑤高校毕业生招聘工作经费年初预算{budget}万，全年使用数19.76万，资金使用率{rate}；"
        return [(f.severity, f.claimed, f.expected) for f in execution(report_of(text))]

    assert found("98.80%") == []
    # "20" is printed to the unit (19.5 to 20.5): 96.80% is still 19.76 ÷ 20.41, so only a rate outside that is wrong
    assert found("96.80%") == []
    assert found("90.80%") == [("error", "90.80%", "98.80%")]
    assert found("100%", "0") == [("info", "100%", "无法计算（预算为0）")]


def test_a_passage_copied_with_one_figure_changed(reports) -> None:
    """004 writes "1-11月，全市累计发放稳岗返还1337.88万元，惠及用人单位1306家，帮助稳定就业岗位4.46万个；发放一次性扩岗
    补助94.95万元……" in four places. No passage of the nine documents (nor of the budget PDFs) is copied with one
    figure changed; a copy changed in one place is reported, once. Template sentences that only share their
    wording (每个科目 "年初预算为X万元，支出决算为Y万元……") differ in two or more figures and are not."""
    from generator.checks.repeat import copied_passage

    for name, r in reports.items():
        assert list(copied_passage(r)) == [], name
    import dataclasses

    r = reports[R004]
    first = next(i for i, b in enumerate(r.document.blocks) if "稳岗返还1337.88万元" in b.text)
    blocks = list(r.document.blocks)
    blocks[first] = dataclasses.replace(blocks[first], text=blocks[first].text.replace("1337.88", "1739.24"))
    (f,) = copied_passage(dataclasses.replace(r, document=dataclasses.replace(r.document, blocks=blocks)))
    assert f.severity == "error" and {f.claimed, f.expected} == {"1337.88", "1739.24"}
    assert all(q.quote.startswith("1-11月，全市累计发放稳岗返还") for q in f.evidence)
    # one copy written with a thousands separator, another with a trailing zero: the same figures, not reported
    for written in ("1,337.88", "1337.880"):
        blocks[first] = dataclasses.replace(
            blocks[first], text=r.document.blocks[first].text.replace("1337.88", written)
        )
        assert (
            list(
                copied_passage(
                    dataclasses.replace(r, document=dataclasses.replace(r.document, blocks=blocks))
                )
            )
            == []
        )
    # a year is not such a figure: the same words said of two years (synthetic, said so)
    from conftest import report_of

    said = "截至{}年底，本中心共有车辆2辆，价值48.73万元，其中公务用车2辆；单价100万元以上设备0台。"
    assert list(copied_passage(report_of(said.format(2023), said.format(2024)))) == []
    copied = (said.format(2024), said.format(2024).replace("48.73", "58.73"))
    assert len(list(copied_passage(report_of(*copied)))) == 1
    # side by side under a heading or sentence that only names the goals (the fixes' probe, thirty-fifth session): still
    # a copy; only under a 自评表's own "预期目标 实际完成情况" head are two such paragraphs its goal and result cells
    for head in (
        "（二）绩效目标实际完成情况",
        "三、2023年度总体目标完成情况",
        "逐项核对了各项目的实际完成情况，现说明如下。",
    ):
        assert len(list(copied_passage(report_of(head, *copied)))) == 1, head
    assert list(copied_passage(report_of("年度总体目标 预期目标 实际完成情况", *copied))) == []


def test_an_amount_of_a_fund_the_report_says_it_has_none_of(reports) -> None:

    from generator.checks.tables import fund_absent

    # None of the nine documents states an amount of a fund it says it has none of.
    for r in reports.values():
        assert not list(fund_absent(r))
    # 000 says "本单位本年度无国有资本经营预算财政拨款收入、支出及结转和结余": its 一般公共预算 spending written as
    # 国有资本经营预算 money contradicts it (nothing else would tell: 000 has no tables, the share still holds)
    changed = seed_changed(
        R000,
        "2024年度一般公共预算财政拨款支出610.31万元",
        "2024年度国有资本经营预算财政拨款支出610.31万元",
    )
    (f,) = fund_absent(changed)
    assert (f.severity, f.claimed, f.expected) == ("error", "610.31万元", "0")
    assert [q.quote for q in f.evidence] == [
        "国有资本经营预算财政拨款支出610.31万元",
        "无国有资本经营预算财政拨款收入、支出",
    ]
    # 001 says it under the fund's own section ("七、政府性基金预算财政拨款收支决算情况说明" / "本年度无此项收支。");
    # "决算支出" in that order is read too
    changed = seed_changed(
        R001,
        "2024年一般公共预算财政拨款决算支出1,397.29万元",
        "2024年政府性基金预算财政拨款决算支出1,397.29万元",
    )
    (f,) = fund_absent(changed)
    assert f.claimed == "1,397.29万元"
    assert "报告在“七、政府性基金预算财政拨款收支决算情况说明”下称“本年度无此项收支”" in f.message
    # without that sentence, its 公开07表 printed without a figure says the same
    (f,) = fund_absent(_reread(changed, "本年度无此项收支。", ""))
    # (named by title alone: templates number the 政府性基金 table seventh or eighth)
    assert "《政府性基金预算财政拨款收入支出决算表》没有填任何数字" in f.message
    # 规划局: a rise on last year means this year's amount is at least the rise; the 决算 after the budget is read
    r = reports[GUIHUA]
    (f,) = fund_absent(_reread(r, "与2023年度相比，一般公共预算", "与2023年度相比，政府性基金预算"))
    assert f.claimed == "1193.20万元" and "比上年增加，本年就不会是0" in f.message
    (f,) = fund_absent(
        _reread(r, "一般公共预算财政拨款支出年初预算为", "政府性基金预算财政拨款支出年初预算为")
    )
    assert f.claimed == "9746.50万元"
    # not reported: a fall on last year (财政局 may have had such money in 2023), a budget (004's 收入预算总额's
    # parts), and the template's instruction "无政府性基金预算财政拨款收入支出的，仍保留该表格式" (社工部) is no
    # statement of the unit's (its own "本年度没有……收入和支出" is)
    assert not list(fund_absent(_reread(reports[CAIZHENG], "相比，一般公共预算", "相比，政府性基金预算")))
    budget = seed_changed(R004, "其中:一般公共预算经费", "其中:政府性基金预算经费")
    assert not list(fund_absent(budget))
    from generator.checks.tables import _fund_none

    said = {k: how for k, (_, how) in _fund_none(reports[SHEGONG]).items()}
    assert (
        said[("政府性基金", "收入")]
        == said[("政府性基金", "支出")]
        == "报告称没有政府性基金预算财政拨款收入和支出"
    )


def test_one_funds_spending_stated_twice(reports) -> None:
    from generator.checks.repeat import narrative_twice

    # 003 states its 一般公共预算 spending (32,186.91) and, in section 八, its 国有资本经营预算 spending (19.28): with the
    # second one's fund written 一般公共预算, one fund has two spendings of the year
    r = reports[R003]
    assert not list(narrative_twice(r))
    changed = _reread(r, "国有资本经营预算财政拨款支出19.28万元。", "一般公共预算财政拨款支出19.28万元。")
    (f,) = narrative_twice(changed)
    assert (f.severity, f.subject, f.claimed) == ("error", "一般公共预算财政拨款支出", "19.28；32186.91")
    # and the other way round
    changed = _reread(
        r, "2024年度一般公共预算财政拨款支出32,186.91", "2024年度国有资本经营预算财政拨款支出32,186.91"
    )
    (f,) = narrative_twice(changed)
    assert (f.subject, f.claimed) == ("国有资本经营预算财政拨款支出", "19.28；32186.91")


def test_a_kuan_written_under_another_class(reports) -> None:

    from generator.checks.names import kuan_class

    for r in reports.values():
        assert not list(kuan_class(r))
    # 财政局's 具体情况 item 5 with its 类 changed: 公开05表 puts 20805 under 208 社会保障和就业支出
    (f,) = kuan_class(_reread(reports[CAIZHENG], "5、社会保障和就业支出（类）", "5、卫生健康支出（类）"))
    assert (f.severity, f.claimed, f.expected) == ("warning", "卫生健康支出", "社会保障和就业支出")
    assert "20805 行政事业单位养老支出属于208 社会保障和就业支出类" in f.message
    # 000 has no tables: items 4, 5 and 6 put 行政事业单位养老支出 under 社会保障和就业支出; item 4 changed
    changed = seed_changed(
        R000,
        "4.社会保障和就业支出(类)行政事业单位养老支出(款)",
        "4.卫生健康支出(类)行政事业单位养老支出(款)",
    )
    (f,) = kuan_class(changed)
    assert (f.claimed, f.expected) == ("卫生健康支出", "社会保障和就业支出")
    assert "（1处）" in f.message and "（2处）" in f.message
    # 004 names its 其他社会保障和就业支出 款 once: its name says whose it is, and the report names that class
    changed = seed_changed(
        R004,
        "6、社会保障和就业支出（类）其他社会保障和就业支出（款）",
        "6、卫生健康支出（类）其他社会保障和就业支出（款）",
    )
    (f,) = kuan_class(changed)
    assert (f.claimed, f.expected) == ("卫生健康支出", "社会保障和就业支出")
    assert all(q.quote in changed.document.text for q in f.evidence)


@pytest.mark.parametrize(
    "old,new,subject,claimed",
    [
        # 000's 财政拨款 section with its 财政拨款 dropped: a second 收入总计 (the overview says 869.05)
        ("2024年度财政拨款收入总计610.31万元", "2024年度收入总计610.31万元", "收入总计", "610.31；869.05"),
        # the unit's 本年收入合计 listed as 财政拨款's (stated as 610.31 in 收入决算 and the 财政拨款 section)
        ("其中：本年收入合计861.19", "其中：财政拨款本年收入合计861.19", "财政拨款收入", "610.31；861.19"),
        # the 收入总计 sentence's 年初 written 年末 (its sentence names 非财政拨款结余, which is still the unit's line)
        (
            "0.00万元，年初结转和结余7.86万元",
            "0.00万元，年末结转和结余7.86万元",
            "年末结转和结余",
            "7.86；38.79",
        ),
        # section 六's "其中：人员经费478.63万元，包括：……" written 公用经费, beside "公用经费38.09万元" two lines on
        (
            "其中：人员经费478.63",
            "其中：公用经费478.63",
            "公用经费/六、一般公共预算财政拨款基本支出决算情况说明",
            "38.09；478.63",
        ),
    ],
)
def test_a_total_stated_twice_with_another_scope(old: str, new: str, subject: str, claimed: str) -> None:

    from generator.checks.repeat import narrative_twice

    (f,) = narrative_twice(seed_changed(R000, old, new))
    assert (f.severity, f.subject, f.claimed) == ("error", subject, claimed)


def test_totals_of_another_scope_are_not_the_units(reports) -> None:
    from generator.checks.repeat import narrative_twice

    # 001: "2024年度财政拨款收入总计1,397.29万元，支出总计1,397.29万元" — the second 总计 is the 财政拨款's too (the
    # unit's is 1,399.08); 003: "国有资本经营预算财政拨款收入总计19.28万元，其中：年初结转和结余0.00万元" is one fund's
    # (the unit's 年初结转和结余 is 172.97)
    for name in (R001, R003):
        assert not [f for f in narrative_twice(reports[name]) if "总计" in f.subject or "结转" in f.subject]
    # 人员经费 and 公用经费 only within one section: 004's section 六 has the 一般公共预算 ones (641.21, 59.87), its 绩效
    # report the unit's (650.14, 日常公用经费87.94); 003's section 十 the 事业单位's 公用经费 (148.91)
    for name in (R003, R004):
        assert not [f for f in narrative_twice(reports[name]) if "经费" in f.subject]


def test_the_units_basic_spending_stated_twice() -> None:

    from generator.checks.repeat import narrative_twice

    # 004's 绩效 report: "2023年中心基本支出738.08万元，其中：……" and "2023年中心项目支出139.68万元，其中：……" with the
    # second one's label turned
    changed = seed_changed(R004, "2023年中心项目支出139.68万元", "2023年中心基本支出139.68万元")
    (f,) = [f for f in narrative_twice(changed) if f.subject == "基本支出"]
    assert (f.severity, f.claimed) == ("error", "139.68；738.08")


def test_the_class_list_and_the_items_name_the_same_classes(reports) -> None:

    from generator.checks.sums import detail_classes

    for r in reports.values():
        assert not list(detail_classes(r))
    # 003 lists four classes (3,842.53 + 16.99 + 27,666.64 + 660.75 = 32,186.91, the total) and 31 items adding up to
    # the total too: with the list's 卫生健康支出 renamed, its two items (312.76 + 347.99) belong to no listed class
    changed = seed_changed(
        R003,
        "4. 卫生健康支出(类)660.75万元",
        "4. 国有资本经营预算支出(类)660.75万元",
    )
    (f,) = detail_classes(changed)
    assert (f.severity, f.claimed, f.expected) == ("warning", "卫生健康支出", "国有资本经营预算支出")
    assert "具体情况把2项共660.75万元" in f.message
    assert all(q.quote in changed.document.text for q in f.evidence)
    assert f.evidence[0].quote.startswith(
        "卫生健康支出(类)行政事业单位医疗(款)行政单位医疗(项):支出决算数为312.76万元"
    )


@pytest.mark.parametrize(
    "name,old,new",
    [
        # 000's 整体 table: "单位整体支出绩效自评表" with "（2024年度）" in the row below
        (R000, "（2024年度）", "（2023年度）"),
        # its first 项目支出绩效自评表, the year on its own row too
        (R000, "(2024年度)", "(2023年度)"),
        # 003 (OCR): "部门整体支出绩效自评表 (2024年度)" in one line
        (R003, "自评表 (2024年度)", "自评表 (2023年度)"),
    ],
)
def test_a_self_evaluation_table_of_another_year(name: str, old: str, new: str, reports) -> None:
    from conftest import ROOT

    from generator.checks.completeness import year

    # the nine documents' 自评表 titles (000: 9, 001: 11, 002: 24, 003: 1) all give the report's year
    assert not [f for r in reports.values() for f in year(r) if "自评表" in f.message]
    text = (ROOT / "data" / "reports" / name).read_text(encoding="utf-8")
    changed = seed_changed(name, old, new, count=text.count(old))
    # 000's eight 项目支出 titles all changed give one finding (one snippet, one id)
    (f,) = {f.id: f for f in year(changed) if "绩效自评表的标题" in f.message}.values()
    assert (f.severity, f.claimed, f.expected) == ("error", "2023", "2024")
    assert f.evidence[0].quote == new.removeprefix("自评表 ") and f.evidence[0].quote in changed.document.text


def test_a_sangong_item_said_to_be_none_with_spending(reports) -> None:

    from generator.checks.tables import sangong_absent

    # every "本单位无……费" of the nine documents is about an item of 0.00 (000, 001, 002, 003 write them)
    for r in reports.values():
        assert not list(sangong_absent(r))
    # 000: the 公务用车购置费 line's reason copied to the item with spending (运行维护费 4.46)
    changed = seed_changed(
        R000,
        "主要原因是：本单位无公务用车购置费",
        "主要原因是：本单位无公务用车运行维护费",
    )
    (f,) = sangong_absent(changed)
    assert (f.severity, f.claimed, f.expected) == ("error", "无公务用车运行维护费", "4.46万元")
    assert all(q.quote in changed.document.text for q in f.evidence)
    # 003 (OCR'd, half-width colon): "本部门无公务接待费" written of 公务用车运行维护费 (81.97)
    changed = seed_changed(
        R003,
        "主要原因是:本部门无公务接待费",
        "主要原因是:本部门无公务用车运行维护费",
    )
    (f,) = sangong_absent(changed)
    assert f.expected == "81.97万元"


def test_task_rates_of_loans_and_jobs_are_compared(reports, findings) -> None:
    from generator.checks import CATALOGUE

    rule = CATALOGUE["repeat.task_rate"].fn
    # 004 states "发放创业担保贷款3.13亿元，达到年度任务的156.28%" and "带动就业6734人，达到年度任务的177.21%" five
    # times each, always alike: the published report gives only the 职业技能培训 pair (131.12%/149.18%)
    assert [f.subject for f in findings[R004] if f.rule == "repeat.task_rate"] == ["完成职业技能培训2.66万人"]
    # one copy written otherwise is a second rate for the same count
    old = "2023年度发放创业担保贷款3.13亿元，达到年度任务的156.28%，带动就业6734人，达到年度任务的177.21%"
    new = "2023年度发放创业担保贷款3.13亿元，达到年度任务的153.11%，带动就业6734人，达到年度任务的174.04%"
    assert any(old in b.text for b in reports[R004].document.blocks)
    fs = {(f.subject, f.claimed) for f in rule(_mutated(reports[R004], old, new))}
    assert fs == {
        ("完成职业技能培训2.66万人", "131.12%；149.18%"),
        ("发放创业担保贷款3.13亿元", "153.11%；156.28%"),
        ("带动就业6734人", "174.04%；177.21%"),
    }
    # a copy in a table cell (the 整体自评表's 实际完成情况, "1-11月，全市累计发放创业担保贷款3.13亿元……") counts as well
    import dataclasses

    r = reports[R004]
    old = "全市累计发放创业担保贷款3.13亿元，达到年度任务的156.28%"
    (cell,) = [n for n, b in enumerate(r.document.blocks) if old in b.text and b.table is not None]
    blocks = list(r.document.blocks)
    blocks[cell] = dataclasses.replace(
        blocks[cell], text=blocks[cell].text.replace(old, old.replace("156.28", "156.82"))
    )
    fs = {
        (f.subject, f.claimed)
        for f in rule(dataclasses.replace(r, document=dataclasses.replace(r.document, blocks=blocks)))
    }
    assert ("发放创业担保贷款3.13亿元", "156.28%；156.82%") in fs


def test_a_clause_copied_three_times_with_one_figure_changed(reports) -> None:
    """004 writes "截止到目前，脱贫人口就业总规模为31.5万人，转移就业率为87.85%，超过目标任务1.31个百分点" in three paragraphs
    whose other sentences differ, so no two consecutive sentences are copied whole. One copy written otherwise, against
    two alike, is reported; two copies alone are not compared clause by clause (a goal and its result are often worded
    alike), and the published documents have no such clause (test above)."""
    import dataclasses

    from generator.checks.repeat import copied_passage

    r = reports[R004]
    clause = "截止到目前，脱贫人口就业总规模为31.5万人，转移就业率为87.85%，超过目标任务1.31个百分点"
    holding = [n for n, b in enumerate(r.document.blocks) if clause in b.text and b.table is None]
    assert len(holding) == 3

    def changed(*at: int):  # type: ignore[no-untyped-def]
        blocks = list(r.document.blocks)
        for n in at:
            blocks[n] = dataclasses.replace(
                blocks[n], text=blocks[n].text.replace("总规模为31.5万人", "总规模为35.1万人")
            )
        return dataclasses.replace(r, document=dataclasses.replace(r.document, blocks=blocks))

    # two of the paragraphs also share the sentence around it: a change there is that pair's (the rule's first way,
    # "写了2处"); the third copy's only match is the clause (every copy counted, "31.5（2处）、35.1（1处）")
    counted = []
    for n in holding:
        (f,) = copied_passage(changed(n))
        assert f.severity == "error" and {f.claimed, f.expected} == {"31.5", "35.1"}
        assert all(clause.replace("31.5", v) in q.quote for q, v in zip(f.evidence, (f.claimed, f.expected)))
        counted.append(f.message.split("处")[0][-1])
    assert sorted(counted) == ["2", "2", "3"]
    # two copies changed alike against one: still one copy alone, the other way round
    (f,) = copied_passage(changed(*holding[:2]))
    assert "35.1（2处）" in f.message and "31.5（1处）" in f.message


def _hand_read() -> list[tuple[str, str, str, str]]:
    from golden import load

    return [
        (g["file"], inc["reported_by"]["rule"], inc["reported_by"]["message_has"], inc["what"])
        for g in load()
        for inc in g.get("inconsistencies", [])
    ]


@pytest.mark.parametrize(
    "file,rule,has,what", _hand_read(), ids=lambda v: v[:24] if isinstance(v, str) else v
)
def test_every_hand_read_inconsistency_is_reported(reports, file, rule, has, what) -> None:
    """Each inconsistency read by hand in tests/expected/metrics/*.json names the rule that reports it. One of them
    (002's "无相应的费用支出" beside 0.86万元 spent) was listed there from the first commit and reported by nothing
    until the sixteenth session; this keeps the list and the checker together."""
    fs = [f for f in run_checks(reports[file]) if f.rule == rule]
    assert any(has in f.message for f in fs), (what, [f.message for f in fs])


def test_a_text_exports_overall_table_budget_a_cent_apart_is_a_note(findings) -> None:
    # 002's 整体 table lost its grid: "地（州、市）\n安排\n2049.89 2638.26 2638.26 - - -" is its one fiscal row with money
    # (中央、自治区、县 0.00), its 全年执行 the 一般公共预算财政拨款支出 2,638.26; the text twice writes "年初预算数2,049.90万元".
    # One budget printed twice a cent apart: a note (the 合计 2779.89 = 2049.89 + 730.00 keeps the table's).
    (f,) = [f for f in findings[R002] if f.rule == "budget.perf_initial"]
    assert (f.severity, f.claimed, f.expected) == ("info", "2049.90万元", "2049.89万元")
    assert [q.quote for q in f.evidence] == [
        "年初预算数2,049.90万元，决算数",
        "2049.89 2638.26 2638.26 - - -",
    ]
    # the row misread by 9万 is beyond any rounding: a warning
    r = seed_changed(R002, "2049.89 2638.26", "2040.89 2638.26")
    (g,) = [g for g in run_checks(r) if g.rule == "budget.perf_initial"]
    assert (g.severity, g.claimed, g.expected) == ("warning", "2049.90万元", "2040.89万元")


def test_a_midyear_addition_against_a_column_holding_more_than_the_years_budget(findings) -> None:
    # 003: "主要原因是：年中追加就业创业综合服务平台设备、就业补助项目、退休人员取暖费项目支出等经费" (the list ends in 等经费,
    # not 等项目) while 《就业创业综合服务平台设备(乌财社(2024)134号)》 prints 年初 12.86 = 全年 12.86. Here the column does
    # differ in 26 of the tables read, but their 财政拨款 年初 add up to 31,324.51 against the 年初预算数 25,091.42 the
    # text gives: it holds money given during the year too, so the table cannot say the project was not added: a note.
    (f,) = [f for f in findings[R003] if f.rule == "budget.midyear_added"]
    assert (f.severity, f.claimed, f.expected) == (
        "info",
        "就业创业综合服务平台设备（年中追加）",
        "年初预算数12.86万元 = 全年预算数12.86万元",
    )
    assert "财政拨款的年初预算数合计31324.51万元，超过文中的年初预算数25091.42万元" in f.message
    assert f.evidence[0].quote == "就业创业综合服务平台设备"


def test_an_ocr_run_on_project_name_is_cut_before_the_department(reports) -> None:
    # 003's OCR ran nine 项目名称 cells on into the 主管部门 row, its label lost: "就业创业综合服务平台设备(乌财社(2024)
    # 134号) 乌鲁木齐市人力资源和社会保障局 实施单位 乌鲁木齐市人力资源和社会保障局"; the name ends where the department's
    # begins, a stray character standing for a lost first character of it ("…补差资金3鲁木齐市…", "…经费「人力资源…")
    names = [t["name"] for t in reports[R003].perf_tables if t.get("name")]
    assert not [n for n in names if "实施单位" in n or "保障局" in n]
    for name in (
        "就业创业综合服务平台设备(乌财社(2024)134号)",
        "2024年市级财政就业补助资金局本级(乌财社(2024) 67号)",
        "1995年以前退休人员生活补贴",
        "拨付2024年4月至2025年3月区属企业办医院退休人员待遇补差资金",
        "行政单位医疗",
        "建国前老工人遗属遗孀生活困难补助经费",
        "2024年自治区直达学生资助补助经费—助学金",
    ):
        assert name in names
    from generator.extract.perf import _own_name

    agency = "乌鲁木齐市人力资源和社会保障局"
    assert (
        _own_name("人才服务中心实施单位某中心", agency) == "人才服务中心实施单位某中心"
    )  # no department: left


def test_a_rate_given_in_days_amounts_or_dates(findings) -> None:
    # found by the seventh reading: 002's 劳动人事争议调解仲裁 table names two indicators "……及时率" and fills them with
    # days ("<=60日 =60日", "<=45日 =40日"; the same report's 业务处理及时性（小时） is named right); 004's project tables
    # name their cost rows "（项目）成本控制率" and fill them with amounts ("≤10万 10万", seven tables) and their time rows
    # "完成及时率" with dates (ten tables): one note a name, the tables counted
    notes = {
        f.subject: f
        for fs in findings.values()
        for f in fs
        if f.rule == "perf.name_unit" and f.expected == "百分比"
    }
    assert sorted(notes) == [
        "劳动人事争议案件办案时限及时率/天数",
        "复杂案件办理时限及时率/天数",
        "完成及时率/日期",
        "成本控制率/金额",
        "项目成本控制率/金额",
    ]
    assert all(f.severity == "info" for f in notes.values())
    late = notes["劳动人事争议案件办案时限及时率/天数"]
    assert late in findings["002_e0b9e12b257efafd.txt"] and late.claimed == "<=45日 / 40日"
    assert [q.quote for q in late.evidence] == ["<=45日 =40日"]
    dates = notes["完成及时率/日期"]
    assert dates in findings["004_64caca8ce772cd7b.txt"] and "等10张表的指标“完成及时率”" in dates.message
    assert "等4张表" in notes["项目成本控制率/金额"].message and "等3张表" in notes["成本控制率/金额"].message


def test_shares_over_100_name_the_share_that_is_not_its_amounts(findings) -> None:
    # 财政局 p.21: 2106.66 (71.73%) + 326.72 (11.11%) + 60.99 (2.07%) + 445.69 (15.16%) = 2940.06 against the sentence's
    # 2940.05 (a cent of rounding), the shares 100.07%. A fresh audit of every finding: the note said the amounts were
    # "等于" the total, and left the reader to find that 71.73% alone is off (2106.66 ÷ 2940.05 = 71.65%; with it the
    # four make 99.99%)
    (f,) = [f for f in findings[CAIZHENG] if f.rule == "ratio.sum_100"]
    assert f.message.startswith("各项金额之和2940.06万元与同句所述合计2940.05万元只有尾数差异")
    assert f.message.endswith("不等于100%：其中“71.73%”按其金额应为71.65%（2106.66÷2940.05）。")


def test_a_cost_scored_by_proportion_beside_one_given_full_marks(findings) -> None:
    # 002 《“为民办实事”工作经费（区级）》: <=20万元, =19.9938万元, 9.99 of 10 (19.9938 ÷ 20 × 10 cut). A fresh audit: the
    # note guessed "若本单位一贯这样计分", while the same report gives full marks to cost rows under their ceilings
    # (岗前公共科目培训 <=72.80万元 =66.5万元 10.00, and more): the note now names one, its row quoted
    (f,) = [
        f
        for f in findings[R002]
        if f.rule == "perf.target_met_scored_short" and f.claimed == "=19.9938万元（9.99分）"
    ]
    assert "若本单位一贯" not in f.message
    assert (
        "而《事业单位新聘人员岗前公共科目培训工作经费》指标值<=72.80万元、实际=66.5万元，同样未超上限，得了满分10.00分"
        in f.message
    )
    assert len(f.evidence) == 2 and "66.5" in f.evidence[1].quote


def test_a_quote_written_in_several_places_is_shown_where_it_was_read(reports) -> None:
    findings = {name: run_checks(reports[name]) for name in (R002, R004)}
    # 002 writes "援疆经费" in five places; the rule read it in the 财政拨款 reasons (section 四), while a quote placed by
    # its first occurrence showed section 一 (all funds, where listing it is right): a fresh audit's point. A quote now
    # carries its block, and the section shown is that block's.
    (f,) = [f for f in findings[R002] if f.rule == "budget.reason_nonfiscal"]
    assert (
        f.evidence[0].quote == "援疆经费" and f.evidence[0].section == "四、财政拨款收入支出决算总体情况说明"
    )
    (g,) = [f for f in findings[R002] if f.rule == "budget.midyear_added"]
    assert g.evidence[0].section == "四、财政拨款收入支出决算总体情况说明"
    # 004's self-evaluation tables, set as paragraphs after the report's last heading, are labelled by their own title
    # and project (the 自评表's "今年……560余场" was shown under "五、…（二）存在的问题")
    (h,) = [f for f in findings[R004] if f.rule == "completeness.partial_year" and "560余场" in f.message]
    assert h.evidence[1].section == "项目支出绩效自评表《市级企业用工保障服务专项经费》"
    # 002's: under 十一、预算绩效的情况说明 the tables keep their titles too
    (k,) = [f for f in findings[R002] if f.rule == "completeness.pasted_text"]
    assert k.evidence[0].section == "项目支出绩效自评表《档案信息化建设工作经费》"
    # the block is the rule's knowledge, not part of the published quote
    assert set(f.evidence[0].as_json()) == {"quote", "page", "section", "table"}


def test_a_table_title_set_as_a_paragraph_labels_the_blocks_after_it() -> None:
    """Synthetic: a 自评表 whose grid a text export lost, its title a paragraph of its own after a 附件 number, its cells
    paragraphs; the next section heading ends it, and a heading that is itself a table's name is no table title."""
    from conftest import report_of

    from generator.checks import _appendix_titles

    r = report_of(
        "十一、预算绩效的情况说明",
        "本年开展绩效自评。",
        "附件2-1",
        "项目支出绩效自评表",
        "项目名称 甲项目 主管部门 测试局",
        "完成培训100人",
        "十二、其他需要说明的情况",
        "（一）部门整体支出绩效自评表",
        "无。",
    )
    assert _appendix_titles(r) == [
        None,
        None,
        None,
        "附件2-1 项目支出绩效自评表",
        "附件2-1 项目支出绩效自评表《甲项目》",
        "附件2-1 项目支出绩效自评表《甲项目》",
        None,
        None,
        None,
    ]


def test_a_change_after_a_funds_final_amount_is_that_funds() -> None:
    """001: "2024年一般公共预算财政拨款决算支出1,397.29万元，占本年支出合计的100.00%。较上年减少577.03万元……" (a change that
    names nothing, as other offices write it) is the 一般公共预算财政拨款支出's. The subject was cut at the 预算 of the
    fund's name ("一般公共", as if "X年初预算…，决算…" named X), so the change had no metric: its message named
    "一般公共", and neither yoy.parts nor the several-report rules compared it."""
    from generator.checks.yoy import parts, percent

    old = "与上年相比，一般公共预算财政拨款支出减少577.03万元，下降29.23%。"
    changed = seed_changed(R001, old, "较上年减少577.03万元，下降29.23%。")
    (claim,) = [c for c in changed.yoy_claims if c["quote"].quote.startswith("较上年减少577.03万元")]
    assert (claim["subject"], claim["metric"], claim["current"]) == (
        "一般公共预算财政拨款支出",
        "gpb_expenditure",
        Decimal("1397.29"),
    )
    # the same notes as the report's own wording gives
    (own,) = parts(seed_changed(R001, old, old))
    assert [f.message for f in parts(changed)] == [own.message]
    (f,) = percent(seed_changed(R001, old, "较上年减少577.03万元，下降39.23%。"))
    assert f.message.startswith("文中称一般公共预算财政拨款支出比上年减少577.03万元、下降39.23%")


def test_a_bare_project_change_in_the_reasons_is_the_units(reports) -> None:
    """规划局: "主要原因：项目支出较上年增加1133.95万元，增长43.91%" (the report writes "主要原因：项目支出增加，较上一度增加
    1133.95万元"). The subject was "主要原因：项目支出", no figure's name, so the rate went unchecked. Outside the
    财政拨款 sections a bare 项目支出 is the unit's, of every fund (公开03表's 4381.74): 1133.95 ÷ 3247.79 = 34.91%."""
    from generator.checks.yoy import percent

    r = reports[GUIHUA]
    old = "主要原因：项目支出增加，较上一度增加1133.95万元"
    (f,) = percent(_reread(r, old, "主要原因：项目支出较上年增加1133.95万元，增长43.91%"))
    assert (f.severity, f.claimed, f.expected) == ("warning", "43.91%", "34.91%")
    assert "按本年4381.74万元推算，上年为3247.79万元" in f.message
    assert f.evidence[0].section == "一、收入支出决算总体情况说明"
    # the right rate is no note; nor are the copies in the 财政拨款 sections (四, 五) read against the unit's figure
    assert list(percent(_reread(r, old, "主要原因：项目支出较上年增加1133.95万元，增长34.91%"))) == []


def test_a_reasons_change_after_a_change_from_last_year(reports) -> None:
    """规划局: "与2023年度相比，收入支出总计增加1062.85万元，增长12.08%。主要原因：项目支出增加1133.95万元，增长43.91%" (the
    report writes "项目支出增加，较上一度增加1133.95万元"). A change with no 比上年 of its own may be anything, but one
    in the reason sentence right after a change from last year is from last year too: 1133.95 ÷ (4381.74 − 1133.95)
    = 34.91%. Not after a gap to the budget."""
    from generator.checks.yoy import percent

    r = reports[GUIHUA]
    old = "主要原因：项目支出增加，较上一度增加1133.95万元"
    for new in (
        "主要原因：项目支出增加1133.95万元，增长43.91%",
        "主要原因是项目支出增加1133.95万元，增长43.91%",
        # (the fixes' probe, thirty-third session)
        "原因是项目支出增加1133.95万元，增长43.91%",
        "其原因是项目支出增加1133.95万元，增长43.91%",
        "主要原因：一是项目支出增加1133.95万元，增长43.91%",
    ):
        (f,) = percent(_reread(r, old, new))
        assert (f.severity, f.claimed, f.expected) == ("warning", "43.91%", "34.91%")
        assert f.evidence[0].quote.endswith("项目支出增加1133.95万元，增长43.91%")
    # the rate first (adversarial_regress25c.md's R17)
    (f,) = percent(_reread(r, old, "主要原因：项目支出增长43.91%，增加1133.95万元"))
    assert (f.claimed, f.expected) == ("43.91%", "34.91%")
    assert list(percent(_reread(r, old, "主要原因：项目支出增加1133.95万元，增长34.91%"))) == []
    # after "较2023年度预算增加……" the reason's change is a gap to the budget
    budget = _reread(
        _reread(
            r, "与2023年度相比，收入支出总计增加1062.85万元", "收入支出总计较2023年度预算增加1062.85万元"
        ),
        old,
        "主要原因：项目支出增加1133.95万元，增长43.91%",
    )
    assert [f for f in percent(budget) if "43.91" in f.message] == []


def test_a_rate_s_verb_against_its_figures(reports) -> None:
    """The word-flip probe (thirty-third session, G20: 75 flips, none caught): "超额完成年初预算的63.76%" (001: 1,397.29
    of 2,191.56) says the budget was exceeded, "未达到年度任务的130%" (004) that the task was not met. Worse, the verb
    made the rate unread, so 社工部's budget.rate warning (95.89% of a 年初预算 of 0) went with it."""
    from generator.checks.budget import rate, rate_verb

    old = "完成年初预算的63.76%"
    (f,) = rate_verb(seed_changed(R001, old, "超额" + old))
    assert (f.severity, f.claimed, f.expected) == ("error", "超额完成", "完成")
    assert (
        "年初预算为2191.56万元、决算为1397.29万元，决算数小于预算数，完成率不足100%，谈不上超额完成"
        in f.message
    )
    assert list(rate_verb(seed_changed(R001, old, old))) == []
    found = rate_verb(seed_changed(R004, "达到年度任务的130%", "未达到年度任务的130%", count=6))
    (f,) = found
    assert (
        f.message == "文中写“未达到年度任务的130%”，但完成率超过100%，并非未达到。" and len(f.evidence) == 6
    )
    # the rate is still read after the verb: 社工部's 95.89% of a 年初预算 of 0 (the 全年预算's rate) is still a warning
    r = reports[SHEGONG]
    flipped = _reread(r, "完成年初预算的95.89%", "超额完成年初预算的95.89%")
    assert [f.claimed for f in rate(flipped) if f.severity == "warning"] == ["95.89%"]
    # a rate alone refutes no 超额完成: "超额完成……的6.02%" may mean exceeded by 6.02% (the fixes' probe, thirty-third
    # session); nor is "未完成" under 100% a note
    assert list(rate_verb(flipped)) == []
    assert list(rate_verb(_reread(r, "完成年初预算的95.89%", "未完成年初预算的95.89%"))) == []
    assert list(rate_verb(seed_changed(R004, "达到年度任务的130%", "超额完成年度任务的30%", count=6))) == []
    # other wordings (the fixes' probe): "超额完成了", "未达年度计划的"
    (f,) = rate_verb(seed_changed(R001, old, "超额完成了年初预算的63.76%"))
    assert f.claimed == "超额完成"
    (f,) = rate_verb(seed_changed(R004, "达到年度任务的130%", "未达年度计划的130%", count=6))
    assert f.message == "文中写“未达年度计划的130%”，但完成率超过100%，并非未达。"


def test_a_detail_item_said_flat_counts_as_no_change() -> None:
    """000's 具体情况 item "信息化建设(项):支出决算数为0.00万元，比上年决算减少3.20万元，下降100.00%" written "比上年决算持平"
    (the word-flip probe, thirty-third session, G3): an item with no change amount made the whole list unread. 持平 is a
    change of 0: the 13 items' changes then come to −6.85 against the total's −10.04."""
    from generator.checks.yoy import detail_items_change

    old = "0.00万元，比上年决算减少3.20万元，下降100.00%"
    (f,) = detail_items_change(seed_changed(R000, old, "0.00万元，比上年决算持平"))
    assert "其变动额合计却为-6.85万元，相差3.19万元" in f.message
    (f,) = detail_items_change(seed_changed(R000, old, old))
    assert "其变动额合计为-10.05万元，相差0.01万元" in f.message


def test_the_two_sides_of_one_total_change_alike() -> None:
    """001: "与上年相比，收入总计减少584.82万元，下降29.48%，支出总计减少584.82万元" with its first half "收入总计持平" (the
    word-flip probe, thirty-third session, G4). 收入总计 and 支出总计 are the two sides of one 收支总表, equal in both
    years, so they change alike; and 持平 is a change of 0."""
    from generator.checks.repeat import yoy_change_twice

    old = "收入总计减少584.82万元，下降29.48%，支出总计"
    found = yoy_change_twice(seed_changed(R001, old, "收入总计持平，支出总计"))
    assert {f.message for f in found} == {
        "同一段中先写收入总计持平，又写支出总计减少584.82万元，同一个变动两种写法。",
        "同一段中先写收入总计持平，又写收入和支出总计减少584.82万元，同一个变动两种写法。",
    }
    assert list(yoy_change_twice(seed_changed(R001, old, old))) == []


def test_flat_then_the_reason_for_a_fall() -> None:
    """004: "与上年相比减少0.26万元，减少18.3%,减少的主要原因是从严从紧控制……" written "与上年相比持平,减少的主要原因是……" (the
    word-flip probe, thirty-third session, G6): the reason's own words name the change it explains, a fall."""
    from generator.checks.yoy import flat_with_reason

    old = "与上年相比减少0.26万元，减少18.3%,减少的主要原因是从严"
    changed = seed_changed(R004, old, "与上年相比持平,减少的主要原因是从严")
    (f,) = flat_with_reason(changed)
    assert (
        f.message
        == "文中称“三公”经费财政拨款支出与上年持平，随后却写“减少的主要原因是”，说明实际有增减变动。"
    )
    assert changed.document is not None and f.evidence[0].quote in changed.document.text
    assert list(flat_with_reason(seed_changed(R004, old, old))) == []
    # "基本持平" admits a small change, which the reason may explain (the fixes' probe, thirty-third session)
    for label in ("其减少的主要原因是", "减少原因主要是"):  # (the fixes' probe)
        (f,) = flat_with_reason(seed_changed(R004, old, f"与上年相比持平,{label}从严"))
        assert f"随后却写“{label}”" in f.message
    for near in ("基本持平", "大致持平"):
        assert list(flat_with_reason(seed_changed(R004, old, f"与上年相比{near},减少的主要原因是从严"))) == []


def test_a_side_with_no_rate_of_its_own_is_read(reports) -> None:
    """The two sides of one 收支总表 written in one sentence, the second with no percentage of its own (the fixes' probe,
    thirty-fourth session, item 1): 001's "收入总计减少584.82万元，下降29.48%，支出总计持平", 财政局's "财政拨款收入总计持平，
    财政拨款支出总计减少0.3万元" and "收入总计减少56.95万元，支出总计增加56.95万元". A bare 持平 is 0 exactly, not a figure
    printed without decimals that 0.3 would round to."""
    from generator.checks.repeat import yoy_change_twice

    old = "收入总计减少584.82万元，下降29.48%，支出总计减少584.82万元，下降29.48%"
    found = yoy_change_twice(seed_changed(R001, old, "收入总计减少584.82万元，下降29.48%，支出总计持平"))
    assert {f.message for f in found} == {
        "同一段中先写收入总计减少584.82万元，又写支出总计持平，同一个变动两种写法。",
        "同一段中先写收入和支出总计减少584.82万元，又写支出总计持平，同一个变动两种写法。",
    }
    found = yoy_change_twice(seed_changed(R001, old, f"{old}，收入支出总计持平"))
    assert "同一段中先写收入总计减少584.82万元，又写收入支出总计持平，同一个变动两种写法。" in {
        f.message for f in found
    }
    assert list(yoy_change_twice(seed_changed(R001, old, old))) == []
    # "，支出总计减少584.82万元" with no rate, as the first side says: one change, nothing to report
    assert list(yoy_change_twice(seed_changed(R001, old, old.rsplit("，", 1)[0]))) == []
    flat = "与2023年度相比，财政拨款收入支出总计持平。"
    (f,) = yoy_change_twice(
        _reread(
            reports[CAIZHENG], flat, "与2023年度相比，财政拨款收入总计持平，财政拨款支出总计减少0.3万元。"
        )
    )
    assert (
        f.message == "同一段中先写财政拨款收入总计持平，又写财政拨款支出总计减少0.3万元，同一个变动两种写法。"
    )
    assert (
        list(
            yoy_change_twice(
                _reread(
                    reports[CAIZHENG], flat, "与2023年度相比，财政拨款收入总计持平，财政拨款支出总计持平。"
                )
            )
        )
        == []
    )
    whole = "与2023年度相比，收入支出总计减少56.95万元，下降1.87%。"
    (f,) = yoy_change_twice(
        _reread(reports[CAIZHENG], whole, "与2023年度相比，收入总计减少56.95万元，支出总计增加56.95万元。")
    )
    assert f.message == "同一段中先写收入总计减少56.95万元，又写支出总计增加56.95万元，同一个变动两种写法。"
    # a gap to the budget in the sentence is no change from last year
    changed = _reread(
        reports[CAIZHENG], whole, "与2023年度相比，收入支出总计减少56.95万元，下降1.87%，决算数与预算数持平。"
    )
    assert not [c for c in changed.yoy_claims if "预算数" in c["subject"]]
    assert len(changed.yoy_claims) == len(reports[CAIZHENG].yoy_claims)


def test_a_listed_idle_item_said_flat_is_named_in_the_note() -> None:
    """000's 具体情况 item "信息化建设(项):支出决算数为0.00万元，比上年决算减少3.20万元，下降100.00%" written "比上年决算持平"
    (the fixes' probe, thirty-third session, item 5): the items' changes come to −6.85 against the total's −10.04. Where
    the total falls more, the gap may be an item spent last year with no budget this year, in no list (the fixes' probe,
    thirty-fourth session: a warning blaming the listed item was not justified): a note, which names the listed 0.00
    item said flat as the other reading."""
    from generator.checks.yoy import detail_items_change

    old = "0.00万元，比上年决算减少3.20万元，下降100.00%"
    (f,) = detail_items_change(seed_changed(R000, old, "0.00万元，比上年决算持平"))
    assert f.severity == "info"
    assert f.message.endswith(
        "相差3.19万元；相差的3.19万元可能是上年有支出、本年没有预算因而未列出的项，文中没有说明；也可能是列出的"
        "“信息化建设”（本年决算数0.00万元，写与上年持平）上年有支出、应写减少，或总数的变动额写错了。"
    )
    # the item said to fall by less: no idle item said flat
    (f,) = detail_items_change(seed_changed(R000, old, "0.00万元，比上年决算减少0.01万元，下降100.00%"))
    assert f.severity == "info" and "只可能是上年有支出、本年没有支出因而未列出的项" in f.message


def test_causes_summed_up_against_the_change(reports) -> None:
    """规划局's 机关运行经费 fell by 13.52万元; its reason written "严格落实中央八项规定，勤俭节约等原因增加支出" (the fixes'
    probe, thirty-third session, item 8). The next sentence "较上一年度减少了培训费支出等" names money that fell, which
    used to excuse the whole: but "……等原因增加支出" sums the causes up and says the item's whole spending rose."""
    from generator.checks.reasons import reason_direction

    old = "主要原因是严格落实中央八项规定，控制机关运行成本相关规定，勤俭节约，合理支出。"
    (f,) = reason_direction(
        _reread(reports[GUIHUA], old, "主要原因是严格落实中央八项规定，勤俭节约等原因增加支出。")
    )
    assert "紧接着的原因却是“勤俭节约等原因增加支出”，说的是增加" in f.message
    assert list(reason_direction(_reread(reports[GUIHUA], old, old))) == []
    # a named part the other way beside money the change's way is still not reported
    assert list(reason_direction(_reread(reports[GUIHUA], old, "主要原因是办公设备购置支出增加。"))) == []


def test_word_flips_the_change_rules_now_read(reports) -> None:
    """Three flips of the word-flip probe (thirty-third session) that no rule read:
    - G1: 规划局's "主要原因：项目支出增加，较上一度增加1133.95万元" (the report's own typo 上一度) with 持平 for the second
      增加: the change was not read at all; now it is 项目支出's (the subject's own verb before the amount is not part of
      its name);
    - G2: 001's "…，支出总计减少584.82万元，下降29.48%" with 持平 for 减少: a change continuing a sentence was read only
      with 增加/减少;
    - G12: 003's "本年度减少2023年非直达—技工院校学生资助补助……项目支出" after a fall, with 增加: the year in the fund's
      name was taken for the year the clause tells of."""
    from generator.checks.reasons import reason_direction
    from generator.checks.repeat import yoy_change_twice
    from generator.checks.yoy import direction

    g1 = "较上一度增加1133.95万元"
    (claim,) = {c["quote"].quote: c for c in reports[GUIHUA].yoy_claims if g1 in c["quote"].quote}.values()
    assert (claim["subject"], claim["direction"], claim["change"]) == ("项目支出", "增加", Decimal("1133.95"))
    found = list(direction(_reread(reports[GUIHUA], g1, "较上一度持平1133.95万元")))
    assert {f.message for f in found} == {"文中称项目支出与上年持平，同时给出变动额1133.95万元。"}
    g2 = "支出总计减少584.82万元，下降29.48%。"
    changed = seed_changed(R001, g2, "支出总计持平584.82万元，下降29.48%。")
    assert [f.message for f in direction(changed)] == ["文中称支出总计与上年持平，同时给出变动额584.82万元。"]
    assert (
        list(yoy_change_twice(changed)) == []
    )  # one slip: the sentence's own words disagree, yoy.direction's
    assert list(direction(seed_changed(R001, g2, g2))) == []
    g12 = "本年度减少2023年非直达"
    (f,) = reason_direction(seed_changed(R003, g12, "本年度增加2023年非直达"))
    assert "紧接着的原因却是“本年度增加2023年非直达—技工院校学生资助补助—免住宿费教材费" in f.message
    assert list(reason_direction(seed_changed(R003, g12, g12))) == []


def test_a_change_restated_with_the_class_name_s_stem() -> None:
    """001's 卫生健康支出 paragraph states its change twice: "较上年决算增加4.91万元，主要原因是……导致2024年度卫生健康支出
    决算数4.91万元，2023年卫生健康支出决算数为0，出现了较上年增加4.91万元的情况". The word-flip probe (thirty-third session,
    G5) wrote the first "减少": the second's subject is read as 卫生健康, and the two were not compared."""
    from generator.checks.repeat import yoy_change_twice

    old = "较上年决算增加4.91万元，主要原因"
    (f,) = yoy_change_twice(seed_changed(R001, old, "较上年决算减少4.91万元，主要原因"))
    assert f.message == "同一段中先写卫生健康支出减少4.91万元，又写卫生健康增加4.91万元，同一个变动两种写法。"
    assert list(yoy_change_twice(seed_changed(R001, old, old))) == []


def test_a_sangong_part_said_to_move_with_no_amount(reports) -> None:
    """规划局: "“三公”经费……比2023年度减少0.15万元，……其中：因公出国（境）费支出与上一年度持平；公务用车购置及运行维护费支出与
    上一年度持平；公务接待费支出决算减少0.15万元"; 财政局: "……决算数与2023年度持平。其中：因公出国（境）费支出决算持平；……"
    (the word-flip probe, thirty-third session, G8: 20 flips). A part said to go up or down with no amount was not read, so
    the parts were not compared; the total less the other parts is what it moved, here nothing."""
    from generator.checks.yoy import sangong_parts

    old = "因公出国（境）费支出与上一年度持平"
    (f,) = sangong_parts(_reread(reports[GUIHUA], old, "因公出国（境）费支出与上一年度减少"))
    assert f.severity == "warning"
    assert f.message == (
        "文中称“三公”经费比上年减少0.15万元，其余两项的变动为公务用车购置及运行维护费持平、公务接待费-0.15万元；"
        "“三公”经费只由三项组成，因公出国（境）费应为持平，文中却写因公出国（境）费减少。"
    )
    assert list(sangong_parts(reports[GUIHUA])) == []
    # 财政局's parts open a sentence of their own ("。其中："): they are the total's parts
    old = "因公出国（境）费支出决算持平"
    assert [c["subject"] for c in reports[CAIZHENG].yoy_claims if c["subject"].endswith("费")] == [
        "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费",
    ]  # fmt: skip
    (f,) = sangong_parts(_reread(reports[CAIZHENG], old, "因公出国（境）费支出决算增加"))
    assert f.message.startswith(
        "文中称“三公”经费与上年持平，其余两项的变动为公务用车购置及运行维护费持平、公务接待费持平"
    )
    assert list(sangong_parts(reports[CAIZHENG])) == []


def test_the_reason_after_the_word_compares_again(reports) -> None:
    """社工部: "全年预算为52.00万元，支出决算为51.32万元，……决算数小于全年预算数的主要原因：人员变动引起实际支出低于预算"
    (the word-flip probe, thirty-third session, G16: "高于" for 低于 was read by no rule). The reason compares the whole's
    spending with the budget again; a part's ("人员经费支出数小于预算") is not the whole's."""
    from generator.checks.budget import word

    old = "人员变动引起实际支出低于预算"
    found = [
        f for f in word(_reread(reports[SHEGONG], old, "人员变动引起实际支出高于预算")) if f.claimed == "高于"
    ]
    (f,) = found
    assert f.severity == "error"
    assert f.message == (
        "文中说明原因时写“人员变动引起实际支出高于预算”，但全年预算为52.00万元、决算为51.32万元，决算数小于预算数"
        "：原因里的比较与数字相反。"
    )
    assert list(word(reports[SHEGONG])) == []
    claims = [c for c in reports[SHEGONG].budget_claims if c.get("reason_word")]
    assert [(c["reason_word"], c["reason_quote"].quote) for c in claims] == [("低于", old)]


def test_the_catalogue_says_which_side_of_an_interval_is_a_note(reports) -> None:
    """规划局's "占本年支出合计的99.86%" (9746.50 ÷ 9759.38 = 99.868%) is a truncation, an info. The tolerance review (thirty-
    fourth session, D1) wrote 99.88%: an error, as the code has long meant (a percentage above its interval is no
    rounding of it), while eleven rules' texts said any one-unit miss was a note. The texts now say which side is."""
    from generator.checks import CATALOGUE, _load_rules
    from generator.checks.ratios import share

    _load_rules()
    old = "合计的99.86%"
    (f,) = [f for f in share(_reread(reports[GUIHUA], old, "合计的99.88%")) if f.claimed == "99.88%"]
    assert f.severity == "error"
    (f,) = [f for f in share(reports[GUIHUA]) if f.claimed == "99.86%"]
    assert f.severity == "info"
    for rule_id in ("ratio.share", "budget.rate", "budget.diff_rate", "budget.execution", "budget.sangong_rate",
                    "yoy.percent", "yoy.rate_from_last", "perf.execution_rate", "perf.indicator_rate",
                    "ratio.task_target", "perf.control_rate"):  # fmt: skip
        rule = CATALOGUE[rule_id]
        assert (
            "高于" in rule.tolerance + rule.explanation and "十分之一" in rule.tolerance + rule.explanation
        ), rule_id


def test_the_fixes_probe_s_false_notes_on_this_session_s_rules(reports) -> None:
    """The fixes' probe (thirty-fourth session) on this session's rules:
    - budget.word's reason: "……实际支出低于全年预算" beside a 年初 budget is another budget than the sentence's (FA-5a);
      "部分项目实际支出高于预算" is a part's spending, not the whole's (FA-5b);
    - repeat.yoy_change: "财政拨款收入支出" (both sides) and "财政拨款收入" are two figures (FA-5c);
    - yoy.reason_direction: "……；同时因……等原因增加支出，两者相抵后总体减少" sets causes against each other (FA-6a)."""
    from generator.checks.budget import word
    from generator.checks.reasons import reason_direction
    from generator.checks.repeat import yoy_change_twice

    old = "决算数大于年初预算数的主要原因是：年初未包含该项预算，为在职人员发放的工资、津贴补贴等。"
    new = "决算数大于年初预算数的主要原因是：年中追加预算，因人员调出实际支出低于全年预算。"
    assert not [f for f in word(seed_changed(R004, old, new)) if "原因里的比较" in f.message]
    part = "人员变动引起实际支出低于预算"
    assert list(word(_reread(reports[SHEGONG], part, "部分项目实际支出高于预算"))) == []
    flat = "财政拨款收入支出总体与上年相比，减少10.04万元，下降1.62%，主要原因是：本年在职人员调入，退休，职级不同，基数不同，导致人员经费减少；减少人力资源市场运行项目资金。"
    split = "财政拨款收入支出与上年相比减少10.04万元，下降1.62%，主要原因是：本年财政拨款收入减少8.00万元，年初财政拨款结转和结余减少2.04万元。"
    assert list(yoy_change_twice(seed_changed(R000, flat, split))) == []
    mixed = "财政拨款收入支出总体与上年相比，减少10.04万元，下降1.62%，主要原因是：减少人力资源市场运行项目资金；同时因在职人员工资调标等原因增加支出，两者相抵后总体减少。"
    assert list(reason_direction(seed_changed(R000, flat, mixed))) == []


def test_reasons_in_a_sentence_of_their_own_and_causes_called_factors(reports) -> None:
    """The fixes' probe (thirty-fourth session) left two misses:
    - budget.word: the reason opening the next sentence ("决算数小于预算数。主要原因：……导致实际支出高于预算。") compares
      again, as "决算数小于预算数的主要原因：……" does;
    - yoy.reason_direction: "……等因素增加了支出" sums the causes up as "……等原因增加支出" does."""
    from generator.checks.budget import word
    from generator.checks.reasons import reason_direction

    old = "决算数小于预算数的主要原因：医疗保险基数变更，医疗保险单位部分降低，导致支出减少。"
    own = "决算数小于预算数。主要原因：医疗保险基数变更，导致实际支出高于预算。"
    (f,) = [f for f in word(_reread(reports[GUIHUA], old, own)) if f.claimed == "高于"]
    assert f.severity == "error" and "原因里的比较与数字相反" in f.message
    assert "“医疗保险基数变更，导致实际支出高于预算”" in f.message
    agreeing = "决算数小于预算数。主要原因：医疗保险基数变更，导致实际支出低于预算。"
    assert list(word(_reread(reports[GUIHUA], old, agreeing))) == []
    # a reason about last year, a part ("……大于预算的部分"), or the budget as adjusted in the year (the fixes' probe,
    # R7c–R7h): no comparison of this year's whole spending with its budget
    for other in (
        "决算数小于预算数。原因是去年同期实际支出大于预算，今年压减了开支。",
        "决算数小于预算数。主要原因：上年结转资金较多，实际支出大于预算的部分由结转资金安排。",
        "决算数小于预算数。主要原因：年中调减预算，实际支出高于预算。",
    ):
        assert not [f for f in word(_reread(reports[GUIHUA], old, other)) if "原因里的比较" in f.message], (
            other
        )

    flat = "财政拨款收入支出总体与上年相比，减少10.04万元，下降1.62%，主要原因是：本年在职人员调入，退休，职级不同，基数不同，导致人员经费减少；减少人力资源市场运行项目资金。"
    factors = "财政拨款收入支出总体与上年相比，减少10.04万元，下降1.62%，主要原因是：本年人员调资、物价上涨等因素增加了支出。"
    (f,) = reason_direction(seed_changed(R000, flat, factors))
    assert "紧接着的原因却是“本年人员调资、物价上涨等因素增加了支出”，说的是增加" in f.message
    agreeing = (
        "财政拨款收入支出总体与上年相比，减少10.04万元，下降1.62%，主要原因是：本年人员调出等因素减少了支出。"
    )
    assert list(reason_direction(seed_changed(R000, flat, agreeing))) == []
    # causes set against others, and "增加的支出" (an attribute, not what moved): no note (the fixes' probe, Y2–Y7)
    head = "财政拨款收入支出总体与上年相比，减少10.04万元，下降1.62%，主要原因是："
    for mixed in (
        "本年人力资源市场运行项目完结，但物价上涨等因素增加了支出。",
        "本年人力资源市场运行项目完结，另外物价上涨等因素增加了支出。",
        "一是人力资源市场运行项目完结；二是受物价上涨等因素增加了支出。",
        "本年人力资源市场运行项目完结，部分抵消了物价上涨等因素增加的支出。",
    ):
        assert list(reason_direction(seed_changed(R000, flat, head + mixed))) == [], mixed
