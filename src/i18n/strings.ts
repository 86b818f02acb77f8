/**
 * User-facing labels in Chinese and English: the CLI, the review sheets and the task pane all take
 * their words from here. Keys are English identifiers; both languages must define every key.
 */
import type { Lang } from "./issues";

const STRINGS = {
  metric: { zh: "指标", en: "Metric" },
  unit: { zh: "单位", en: "Unit" },
  actual: { zh: "实际(AC)", en: "Actual (AC)" },
  target: { zh: "目标(PL)", en: "Target (PL)" },
  targetToDate: { zh: "目标至今(PL)", en: "Target to date (PL)" },
  targetFullYear: { zh: "全年目标", en: "Full-year target" },
  targetBasis: { zh: "目标口径", en: "Target basis" },
  basisSeasonal: { zh: "季节折算", en: "seasonal" },
  basisLinear: { zh: "线性折算", en: "linear" },
  basisAsGiven: { zh: "原值", en: "as given" },
  yearCompletion: { zh: "全年完成", en: "Of full year" },
  toDateNote: {
    zh: "目标至今：全年目标折算到本期后的目标，达成率与状态据此计算。全年完成 = 实际 / 全年目标（存量指标为自年初以来的进度），对照时间进度。\n全年预测 = 实际 × 全年目标 / 目标至今；剩余月均需 = (全年目标 − 实际) / 剩余月数。",
    en: "Target to date: the full-year target brought to this period; attainment and status are against it. Of full year = actual / full-year target (a stock: progress since the start of the year), against time progress.\nFY forecast = actual × full-year target / target to date; needed per month = (full-year target − actual) / months left.",
  },
  fullYearForecast: { zh: "全年预测", en: "FY forecast" },
  requiredRunRate: { zh: "剩余月均需", en: "Needed / month" },
  attainment: { zh: "达成率", en: "Attainment" },
  deltaTarget: { zh: "ΔPL", en: "ΔPL" },
  previous: { zh: "同期(PY)", en: "Prev. year (PY)" },
  growth: { zh: "同比", en: "YoY" },
  ppChange: { zh: "同比(pp)", en: "YoY (pp)" },
  status: { zh: "状态", en: "Status" },
  rule: { zh: "汇总规则", en: "Rule" },
  ruleSum: { zh: "求和", en: "sum" },
  ruleLast: { zh: "期末", en: "last month" },
  ruleMean: { zh: "各月平均", en: "mean of months" },
  ruleRatio: { zh: "分子分母之比", en: "ratio of sums" },
  ruleByName: { zh: "按名称推断", en: "inferred from the name" },
  ruleByOverride: { zh: "按目标表/用户设定", en: "as set by the analyst" },
  ruleMeanOfRates: { zh: "缺少分子分母列", en: "its parts are not in the data" },
  ruleNotesTitle: { zh: "注：汇总规则", en: "Note: how figures combine" },
  statusGreen: { zh: "达成", en: "Met" },
  statusAmber: { zh: "接近", en: "Close" },
  statusRed: { zh: "未达成", en: "Missed" },
  higherBetter: { zh: "越高越好", en: "higher is better" },
  lowerBetter: { zh: "越低越好", en: "lower is better" },
  period: { zh: "期间", en: "Period" },
  previousPeriod: { zh: "对比期间", en: "Compared with" },
  driversTitle: { zh: "GMV 变化归因 (LMDI)", en: "Why GMV moved (LMDI)" },
  driverVisitors: { zh: "流量(访客数)", en: "Traffic (visitors)" },
  driverConversion: { zh: "转化率", en: "Conversion" },
  driverAov: { zh: "客单价", en: "Average order value" },
  warnings: { zh: "提示", en: "Notes" },
  unitYuan: { zh: "元", en: "CNY" },
  unitCount: { zh: "个", en: "count" },
  unitPercent: { zh: "%", en: "%" },
  unitRatio: { zh: "倍", en: "ratio" },
  unitNumber: { zh: "", en: "" },
  scorecardTitle: { zh: "核心指标达成", en: "Scorecard" },
  segmentTitle: { zh: "用户分层", en: "Customer segments" },
  asOf: { zh: "截至", en: "as of" },
  customersCol: { zh: "客户数", en: "Customers" },
  ordersCol: { zh: "订单数", en: "Orders" },
  rejectedRows: { zh: "未计入行", en: "rows left out" },
  engineUsed: { zh: "计算引擎", en: "engine" },
  customersOutWritten: { zh: "客户明细已写入", en: "per-customer table written to" },
  customersOutHint: { zh: "客户明细请用 --customers-out 文件.parquet|.csv 导出", en: "write the per-customer table with --customers-out FILE.parquet|.csv" },
  orderMonthlyTitle: { zh: "订单推算的月度指标", en: "Monthly figures from the orders" },
  orderMonthlyGmv: { zh: "GMV", en: "GMV" },
  orderMonthlyBuyers: { zh: "支付买家数", en: "Buyers" },
  orderMonthlyRepeatBuyers: { zh: "复购买家数", en: "Repeat buyers" },
  orderMonthlyNewCustomers: { zh: "新客数", en: "New customers" },
  orderMonthlyNewGmv: { zh: "新客GMV", en: "New-customer GMV" },
  orderMonthlyReturningGmv: { zh: "老客GMV", en: "Returning GMV" },
  customerListShown: { zh: "按消费金额显示前", en: "the largest customers by spend:" },
  customerListFull: { zh: "完整名单：", en: "full list:" },
  customerFieldLastDate: { zh: "最近下单日期", en: "last order date" },
  customerFieldOrders: { zh: "订单数", en: "orders" },
  customerFieldSpend: { zh: "消费金额", en: "spend" },
  customerFieldSpend365: { zh: "近365天消费金额", en: "spend in the last 365 days" },
  customerFieldId: { zh: "客户ID", en: "customer id" },
  shareCol: { zh: "客户占比", en: "Share" },
  revenueCol: { zh: "消费金额", en: "Revenue" },
  revenueShareCol: { zh: "金额占比", en: "Revenue share" },
  averageSpendCol: { zh: "人均消费", en: "Avg. spend" },
  repeatShareCol: { zh: "复购客户占比", en: "Repeat share" },
  tierCol: { zh: "价值分层", en: "Value tier" },
  class8Col: { zh: "RFM 八类", en: "RFM 8-class" },
  segmentCol: { zh: "RFM 细分", en: "RFM segment" },
  abcCol: { zh: "ABC 分类", en: "ABC class" },
  itemsCol: { zh: "商品数", en: "Items" },
  cohortCol: { zh: "首购月", en: "Cohort" },
  incompleteSuffix: { zh: "(未完成)", en: "(incomplete)" },
  writeFailed: { zh: "写入复盘表失败，工作簿已恢复原样：", en: "Writing the review failed and the workbook was left as it was:" },
  editedSuffix: { zh: "(已编辑)", en: "(edited)" },
  writeCancelled: { zh: "已取消生成，工作簿保持原样。", en: "Generation was cancelled; the workbook was left as it was." },
  incompleteKept: { zh: "未完成的工作表保留为“{sheet}”，可删除。", en: "The unfinished sheet is kept as \"{sheet}\"; you can delete it." },
  sheetReview: { zh: "经营复盘", en: "Review" },
  sheetTrend: { zh: "月度趋势", en: "Monthly trend" },
  sheetChannels: { zh: "渠道结构", en: "Channels" },
  sheetCustomers: { zh: "用户分层", en: "Customers" },
  sheetCustomerList: { zh: "客户明细", en: "Customer list" },
  sheetNextTargets: { zh: "目标分解", en: "Next targets" },
  reviewTitle: { zh: "经营复盘", en: "Operations review" },
  yearSuffix: { zh: "年", en: "" },
  comparedWith: { zh: "对比", en: "vs" },
  dataSource: { zh: "数据来源", en: "Data" },
  ordersSource: { zh: "订单", en: "Orders" },
  generatedAt: { zh: "生成时间", en: "Generated" },
  sectionScorecard: { zh: "一、核心指标达成", en: "1. Targets" },
  sectionInsights: { zh: "二、亮点与问题", en: "2. Highlights and issues" },
  sectionDrivers: { zh: "三、GMV 变化归因（LMDI）", en: "3. Why GMV moved (LMDI)" },
  scorecardNote: {
    zh: "↓ 越低越好。达成率 = 1 + s·(AC − PL)/|PL|，越低越好时 s = −1；状态：达成率 ≥ {green} 为达成，≥ {amber} 为接近。达成率、差额、同比与状态均为公式。",
    en: "↓ lower is better. Attainment = 1 + s·(AC − PL)/|PL|, s = −1 where lower is better; status: met at ≥ {green}, close at ≥ {amber}. Attainment, variances, YoY and status are formulas.",
  },
  item: { zh: "项目", en: "Item" },
  amount: { zh: "金额", en: "Amount" },
  shareOfChange: { zh: "占变化", en: "% of change" },
  gmvPrevious: { zh: "同期 GMV", en: "GMV last year" },
  gmvActual: { zh: "本期 GMV", en: "GMV this period" },
  effectVisitors: { zh: "流量效应", en: "Traffic effect" },
  effectConversion: { zh: "转化率效应", en: "Conversion effect" },
  effectAov: { zh: "客单价效应", en: "Basket effect" },
  check: { zh: "校验：同期 + 三项效应", en: "Check: last year + the three effects" },
  driversNote: {
    zh: "GMV = 访客数 × 转化率 × 客单价；LMDI 加法分解，三项效应之和等于 GMV 变化，与顺序无关。",
    en: "GMV = visitors × conversion × basket; additive LMDI: the three effects add up to the change in GMV, in any order.",
  },
  chartData: { zh: "图表数据", en: "Chart data" },
  bridgeBase: { zh: "基底", en: "Base" },
  bridgeUp: { zh: "增加", en: "Increase" },
  bridgeDown: { zh: "减少", en: "Decrease" },
  bridgeTotal: { zh: "合计", en: "Total" },
  bridgeTitle: { zh: "GMV 变化归因", en: "GMV bridge" },
  month: { zh: "月份", en: "Month" },
  mom: { zh: "环比", en: "MoM" },
  cumulativeActual: { zh: "累计实际", en: "Cumulative AC" },
  cumulativePlan: { zh: "累计目标", en: "Cumulative PL" },
  cumulativeAttainment: { zh: "累计达成率", en: "Cumulative attainment" },
  timeProgress: { zh: "时间进度", en: "Time progress" },
  total: { zh: "合计", en: "Total" },
  trendTitle: { zh: "月度趋势", en: "Monthly trend" },
  planSplit: { zh: "月度目标按去年同期各月占比分解（最大余数法取整）。累计达成率 = 累计实际 / 期间目标，对照时间进度。", en: "Monthly targets split from the period target by last year's months (largest remainder). Cumulative attainment = cumulative AC / the period target, against time progress." },
  planMonthly: { zh: "月度目标来自目标表。累计达成率 = 累计实际 / 期间目标，对照时间进度。", en: "Monthly targets from the targets table. Cumulative attainment = cumulative AC / the period target, against time progress." },
  planEven: { zh: "没有去年同期数据，月度目标平均分解。", en: "No previous-year months: the target is split evenly." },
  planYearSplit: { zh: "月度目标 = 全年目标按去年 12 个月占比分解（最大余数法取整），此处显示本期各月。累计达成率 = 累计实际 / 全年目标，对照时间进度。", en: "Monthly targets: the full-year target split over last year's twelve months (largest remainder); the months reviewed are shown. Cumulative attainment = cumulative AC / the full-year target, against time progress." },
  planYearEven: { zh: "去年同期 12 个月数据不全，全年目标平均分解到 12 个月，此处显示本期各月。累计达成率 = 累计实际 / 全年目标，对照时间进度。", en: "Last year's twelve months are incomplete: the full-year target is split evenly over the twelve months; the months reviewed are shown. Cumulative attainment = cumulative AC / the full-year target, against time progress." },
  channelsTitle: { zh: "渠道结构", en: "Channel mix" },
  customerMixTitle: { zh: "新老客结构", en: "Customer mix" },
  customerMixIndicator: { zh: "客户类型指标", en: "Customer type" },
  dimensionTitle: { zh: "{dimension}结构", en: "Breakdown by {dimension}" },
  member: { zh: "分项", en: "Member" },
  contribution: { zh: "贡献(ΔPY)", en: "ΔPY" },
  sharePp: { zh: "占比变化(pp)", en: "Share Δ (pp)" },
  shareActual: { zh: "本期占比", en: "Share" },
  sharePrevious: { zh: "同期占比", en: "Share PY" },
  dimensionNote: { zh: "各分项按月度数据的 {dimension} 列汇总；占比 = 分项 / 合计，pp 为占比变化。", en: "Members from the monthly data's {dimension} column; share = member / total, pp is the change of share." },
  channelIndicator: { zh: "渠道指标", en: "Channel indicator" },
  change: { zh: "变化", en: "Change" },
  monthlyTrafficTitle: { zh: "各渠道流量占比（按月）", en: "Traffic share by channel and month" },
  sharesChartTitle: { zh: "渠道占比：本期 vs 同期", en: "Channel shares: this period vs last year" },
  customersTitle: { zh: "用户分层", en: "Customer tiers" },
  tierChartTitle: { zh: "价值分层客户数", en: "Customers by value tier" },
  segmentChartTitle: { zh: "RFM 细分客户数", en: "Customers by RFM segment" },
  customerId: { zh: "客户ID", en: "Customer" },
  recency: { zh: "最近消费(天)", en: "Recency (days)" },
  frequency: { zh: "消费次数", en: "Frequency" },
  monetary: { zh: "消费金额", en: "Monetary" },
  nextTargetsTitle: { zh: "下期目标分解", en: "Next period's targets" },
  basis: { zh: "本期实际", en: "This period" },
  seasonShare: { zh: "占比", en: "Share" },
  nextTarget: { zh: "下期目标", en: "Target" },
  nextTargetNote: { zh: "{metric} 下期目标 {target} 按本期各月占比分解，以 {unit} 为单位按最大余数法取整，各月之和恰等于目标。", en: "{metric}: the target of {target} is split by this period's months, rounded to whole units of {unit} by largest remainder so the months add up to the target exactly." },
  nextTargetEvenNote: { zh: "本期各月数据不全或不能作为权重，{metric} 下期目标 {target} 平均分解到各月，\n以 {unit} 为单位取整，各月之和恰等于目标。", en: "This period's months are incomplete or cannot serve as weights, so {metric}'s target of {target} is split evenly,\nin whole units of {unit}, adding up to the target exactly." },
  nextTargetPathNote: { zh: "{metric} 是存量指标：{target} 是期末水平，不做分解。\n各月目标是从本期末 {latest} 出发的路径：逐月增量按本期各月净增占比分配（以 {unit} 为单位取整），最后一个月恰为 {target}。", en: "{metric} is a stock: {target} is the level at the end of the period, not split.\nThe months are a path from this period's latest {latest}, each month's increase in proportion to this period's monthly net adds (whole units of {unit}), reaching {target} in the last month." },
  nextTargetEvenPathNote: { zh: "{metric} 是存量指标：{target} 是期末水平，不做分解。\n各月目标是从本期末 {latest} 出发、逐月等额变化的路径（以 {unit} 为单位取整），最后一个月恰为 {target}。", en: "{metric} is a stock: {target} is the level at the end of the period, not split.\nThe months are a path from this period's latest {latest} in equal steps (whole units of {unit}), reaching {target} in the last month." },
  nextTargetFlatNote: { zh: "{metric} 是比率或均值指标：目标不分解，每月目标均为 {target}。", en: "{metric} is a rate or an average: its target is not split; every month's target is {target}." },
  nextTargetRemainderNote: { zh: "目标 {target} 不是 {unit} 的整数倍：\n各月按 {unit} 取整，余下的 {remainder} 计入 {month}（本期占比最大的月份），合计仍恰等于目标。", en: "The target of {target} is not a whole number of {unit}:\nthe months are whole units of {unit} and the remaining {remainder} goes to {month} (this period's largest month), so the total is still exactly the target." },
  basisLevel: { zh: "本期实际(月末)", en: "This period (month end)" },
  nextTargetLevel: { zh: "下期目标(月末)", en: "Target (month end)" },
  changeOnBasis: { zh: "较本期", en: "vs this period" },
  changePp: { zh: "较本期(pp)", en: "vs this period (pp)" },
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}

export function statusLabel(status: "green" | "amber" | "red" | null, lang: Lang): string {
  if (status === null) return "";
  return t(status === "green" ? "statusGreen" : status === "amber" ? "statusAmber" : "statusRed", lang);
}

export function basisLabel(basis: "seasonal" | "linear" | "as given", lang: Lang): string {
  return t(basis === "seasonal" ? "basisSeasonal" : basis === "linear" ? "basisLinear" : "basisAsGiven", lang);
}

/** The rule a period value follows, in words: 求和 / 期末 / 各月平均 / 分子分母之比. */
export function ruleLabel(rule: "sum" | "last" | "mean" | "ratio", lang: Lang): string {
  const key: Record<typeof rule, StringKey> = { sum: "ruleSum", last: "ruleLast", mean: "ruleMean", ratio: "ruleRatio" };
  return t(key[rule], lang);
}

export function unitLabel(unit: "元" | "count" | "%" | "ratio" | "number", lang: Lang): string {
  const key: Record<typeof unit, StringKey> = { 元: "unitYuan", count: "unitCount", "%": "unitPercent", ratio: "unitRatio", number: "unitNumber" };
  return t(key[unit], lang);
}

/** The language of an Office/BCP-47 locale tag: Chinese for zh-*, English otherwise. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && /^zh\b/i.test(locale) ? "zh" : "en";
}
