/**
 * Every problem the engine reports, in Chinese and English. The engine only creates `Issue` values
 * (a code, the cell address and parameters); wording lives here so that both languages come from
 * one place and tests can assert on codes and addresses rather than sentences.
 */
export type Lang = "zh" | "en";

type Params = Record<string, string | number>;
type Text = (p: Params) => string;

/** Why a write failed, by the system's error code (outputWriteFailed's `reason`); other codes are shown as they are. */
const WRITE_FAILURE: Record<string, { zh: string; en: string } | undefined> = {
  ENOSPC: { zh: "磁盘已满", en: "disk full" },
  EDQUOT: { zh: "超出磁盘配额", en: "disk quota exceeded" },
  EFBIG: { zh: "文件超出大小限制", en: "file too large" },
  EROFS: { zh: "只读文件系统", en: "read-only file system" },
  EIO: { zh: "磁盘读写错误", en: "input/output error" },
};

/** Why a CSV goes to the TypeScript reader rather than DuckDB (warehouse/delimitedLayout.ts): `p.reason`, `p.value`. */
const TS_READER_REASONS: Record<string, Record<Lang, (value: string) => string>> = {
  utf16: { zh: () => "文件编码为 UTF-16", en: () => "the file is encoded as UTF-16" },
  notUtf8: { zh: () => "文件编码不是 UTF-8（如 GB18030/GBK）", en: () => "the file is not UTF-8 (GB18030/GBK, say)" },
  spaceSeparated: { zh: () => "列以空格分隔", en: () => "its columns are separated by spaces" },
  dates: { zh: (v) => `日期列有如 “${v}” 的写法`, en: (v) => `its date column holds dates written as "${v}"` },
  amounts: { zh: (v) => `金额列有如 “${v}” 的写法`, en: (v) => `its amount column holds amounts written as "${v}"` },
  amountUnit: { zh: (v) => `金额列名 “${v}” 带单位（SQL 引擎不按单位换算）`, en: (v) => `the amount column "${v}" names a unit (the SQL engines do not scale by it)` },
  ids: { zh: (v) => `ID 列有前后带其他空白或 ="…" 的值（如 “${v}”）`, en: (v) => `its id columns hold values with other whitespace at an end or an ="…" guard (such as "${v}")` },
};

function tsReaderReason(p: Params, lang: Lang): string {
  return TS_READER_REASONS[String(p.reason)][lang](String(p.value ?? ""));
}

const ISSUE_TEXT = {
  badNumber: {
    zh: (p) => `${p.address}: 无法识别数值 "${p.text}"，应为数字（可带 万/亿、%、¥、千分位或括号负数）`,
    en: (p) => `${p.address}: cannot read "${p.text}" as a number; expected a number (万/亿, %, ¥, thousands separators or (negative) allowed)`,
  },
  badMonth: {
    zh: (p) => `${p.address}: 无法识别月份 "${p.text}"，应为 2025-01、2025/1、2025年1月、Jan 2025 或日期`,
    en: (p) => `${p.address}: cannot read "${p.text}" as a month; expected 2025-01, 2025/1, 2025年1月, Jan 2025 or a date`,
  },
  yearlessMonth: {
    zh: (p) => `${p.address}: 月份 "${p.text}" 缺少年份，应写成 2025-01 或 2025年1月`,
    en: (p) => `${p.address}: month "${p.text}" has no year; write it as 2025-01 or 2025年1月`,
  },
  duplicateMonth: {
    zh: (p) => `${p.address}: 月份 ${p.month} 重复（已在 ${p.first} 出现）`,
    en: (p) => `${p.address}: month ${p.month} appears twice (first at ${p.first})`,
  },
  missingMonth: {
    zh: (p) => `${p.address}: 此前缺少月份 ${p.month}（这些月份的期间值为 n.a.）`,
    en: (p) => `${p.address}: months before this row are missing: ${p.month} (period values over them are n.a.)`,
  },
  duplicateMonthsHint: {
    zh: (p) => `${p.address}: 共 ${p.count} 个月份重复：若每行是一天，请用完整日期（如 2025-01-15）；若每行是渠道/品类等，请加一列 渠道、品类、类目、店铺、平台 或 地区 标明`,
    en: (p) => `${p.address}: ${p.count} months repeat: if each row is a day, give full dates (2025-01-15); if rows are channels or categories, add a column 渠道, 品类, 类目, 店铺, 平台 or 地区 naming them`,
  },
  moreLikeThis: {
    zh: (p) => `……另有 ${p.count} 处同类问题（直到 ${p.last}）；请先按上面几处的说明修改整列`,
    en: (p) => `… and ${p.count} more like this (up to ${p.last}); fix the whole column as the lines above say`,
  },
  quarterlyData: {
    zh: (p) => `${p.address}: "${p.text}" 是季度；复盘需要按月的数据（每月一行或一列），请提供月度数据`,
    en: (p) => `${p.address}: "${p.text}" is a quarter; the review needs monthly data (a row or column per month): provide monthly figures`,
  },
  missingMember: {
    zh: (p) => `${p.address}: 该行有数据但 ${p.dimension} 为空；请填写所属的 ${p.dimension}`,
    en: (p) => `${p.address}: this row has figures but no ${p.dimension}; fill in its ${p.dimension}`,
  },
  formulaWithoutValue: {
    zh: (p) => `${p.address}: 公式没有计算结果（文件保存时未计算）；请在 Excel 中打开、重新计算并保存后重试`,
    en: (p) => `${p.address}: a formula without a calculated value (the file was saved without one); open it in Excel, recalculate, save and try again`,
  },
  rateAbove100: {
    zh: (p) => `${p.address}: "${p.text}" 超过 100%，不可能是 ${p.header}；请写成 5.2% 或 0.052`,
    en: (p) => `${p.address}: "${p.text}" is above 100%, which ${p.header} cannot be; write it as 5.2% or 0.052`,
  },
  comparisonPercentNumbers: {
    zh: (p) => `${p.address}: 列 "${p.header}" 的数值是不带 % 的百分数（如 12.5 即 12.5%），已按百分数核对；带 % 的单元格按原样读取`,
    en: (p) => `${p.address}: the values of "${p.header}" are percent numbers without % (12.5 is 12.5%) and are checked as such; cells typed with % are read as they are`,
  },
  percentNumbers: {
    zh: (p) => `${p.address}: 列 "${p.header}" 的数值都在 1 到 100 之间，按百分数读取（5.2 即 5.2%）`,
    en: (p) => `${p.address}: the values of "${p.header}" all lie between 1 and 100; read as percent numbers (5.2 is 5.2%)`,
  },
  dailyRows: {
    zh: (p) => `${p.address}: 数据为按日明细（${p.days} 天），已按各指标规则汇总为 ${p.months} 个月（求和；存量取月末；均值取日平均）`,
    en: (p) => `${p.address}: the data is daily (${p.days} days), combined into ${p.months} months by each metric's rule (sum; a stock's last day; a mean of days)`,
  },
  incompleteDays: {
    zh: (p) => `${p.address}: 以下月份的日数据不全：${p.months}（这些月的合计偏小）`,
    en: (p) => `${p.address}: these months miss days: ${p.months} (their totals are short)`,
  },
  periodIncompleteDays: {
    zh: (p) => `日数据不全的月份在对比期间内：${p.months}（这些月的合计偏小，实际、同比与达成率随之偏低或偏高）；请补齐这些天的数据，或用 --from/--to 只选完整的月份`,
    en: (p) => `months with missing days fall in the compared periods: ${p.months} (their totals are short, and so actual, YoY and attainment are off); add the missing days, or choose complete months with --from/--to`,
  },
  dimensionRows: {
    zh: (p) => `${p.address}: 按 ${p.dimension} 分行（${p.members}），各月合计按各指标规则汇总，分项保留`,
    en: (p) => `${p.address}: rows by ${p.dimension} (${p.members}); monthly totals by each metric's rule, the breakdown kept`,
  },
  inferredRule: {
    zh: (p) => `${p.address}: "${p.header}" 不在指标目录中，按名称推断：${p.rule === "sum" ? "求和" : p.rule === "last" ? "取期末" : p.rule === "ratio" ? "分子分母之比" : "各月平均"}，${p.direction === "lower" ? "越低越好" : "越高越好"}（可在目标表的 方向/汇总 列中更改）`,
    en: (p) => `${p.address}: "${p.header}" is not in the catalog; inferred from its name: ${p.rule === "sum" ? "sum" : p.rule === "last" ? "last month" : p.rule === "ratio" ? "ratio of sums" : "mean of months"}, ${p.direction === "lower" ? "lower" : "higher"} is better (change it with the targets table's direction/aggregation columns)`,
  },
  previousFromColumn: {
    zh: (p) => `${p.address}: 数据中没有 ${p.months} 的月份，同期值取自 "${p.header}" 列`,
    en: (p) => `${p.address}: the data lacks ${p.months}; last year's values are taken from the column "${p.header}"`,
  },
  previousDiffers: {
    zh: (p) => `${p.address}: "${p.header}" 的 ${p.month} 为 ${p.column}，与数据中该月的 ${p.data} 不一致；以数据为准`,
    en: (p) => `${p.address}: "${p.header}" gives ${p.column} for ${p.month}, the data ${p.data}; the data is used`,
  },
  comparisonWithoutMetric: {
    zh: (p) => `${p.address}: "${p.header}" 是 ${p.metric} 的对比列，但数据中没有 ${p.metric}；未使用`,
    en: (p) => `${p.address}: "${p.header}" compares ${p.metric}, which is not in the data; not used`,
  },
  comparisonMismatch: {
    zh: (p) => `${p.address}: "${p.header}" 为 ${p.given}，按数据计算为 ${p.computed}，相差超过 0.5pp`,
    en: (p) => `${p.address}: "${p.header}" says ${p.given}; the data gives ${p.computed} (more than 0.5pp apart)`,
  },
  targetFromColumn: {
    zh: (p) => `${p.address}: "${p.header}" 作为 ${p.metric} 的月度目标`,
    en: (p) => `${p.address}: "${p.header}" is read as the monthly target of ${p.metric}`,
  },
  targetColumnOverridden: {
    zh: (p) => `${p.address}: 目标表已给出 ${p.metric} 的目标，月度数据中的 "${p.header}" 列未使用`,
    en: (p) => `${p.address}: the targets table gives ${p.metric}'s target; the column "${p.header}" of the monthly data is not used`,
  },
  directionContradicts: {
    zh: (p) => `${p.address}: ${p.name} 的方向设为 ${p.direction === "lower" ? "越低越好" : "越高越好"}，与指标目录（${p.catalog === "lower" ? "越低越好" : "越高越好"}）相反；按目标表执行`,
    en: (p) => `${p.address}: ${p.name} is set to ${p.direction} is better, against the catalog (${p.catalog}); the targets table's direction applies`,
  },
  targetPercentNumber: {
    zh: (p) => `${p.address}: ${p.name} 的目标 ${p.text} 按百分数读取（${p.text}%）`,
    en: (p) => `${p.address}: ${p.name}'s target ${p.text} is read as a percent number (${p.text}%)`,
  },
  badAggregation: {
    zh: (p) => `${p.address}: 无法识别汇总方式 "${p.text}"，应为 求和 / 平均 / 期末 / sum / mean / last`,
    en: (p) => `${p.address}: cannot read aggregation "${p.text}"; expected 求和 / 平均 / 期末 / sum / mean / last`,
  },
  fileEncoding: {
    zh: (p) => `${p.file}: 文件编码为 ${p.encoding}，已按此读取`,
    en: (p) => `${p.file}: the file is encoded as ${p.encoding} and was read as such`,
  },
  noHeader: {
    zh: (p) => `${p.address}: 找不到表头：应有一列月份（月份/日期/month）和至少一列指标，或一行月份作为列标题`,
    en: (p) => `${p.address}: no header found; expected a month column (月份/date/month) and at least one metric, or a row of months as column headers`,
  },
  emptySheet: {
    zh: (p) => `${p.address}: 文件或工作表是空的；请选择含月度数据的文件或工作表（xlsx 可用 --sheet 指定）`,
    en: (p) => `${p.address}: the file or sheet is empty; choose one that holds the monthly figures (for xlsx, --sheet names the sheet)`,
  },
  noData: {
    zh: (p) => `${p.address}: 表头下没有任何月份数据`,
    en: (p) => `${p.address}: no monthly rows below the header`,
  },
  duplicateColumn: {
    zh: (p) => `${p.address}: "${p.header}" 与 ${p.first} 是同一个指标（${p.metric}），只能保留一列`,
    en: (p) => `${p.address}: "${p.header}" is the same metric (${p.metric}) as ${p.first}; keep only one`,
  },
  textColumnIgnored: {
    zh: (p) => `${p.address}: 列 "${p.header}" 只有文字，不作为指标读取`,
    en: (p) => `${p.address}: column "${p.header}" holds only text and is not read as a metric`,
  },
  totalMismatch: {
    zh: (p) => `${p.address}: 合计 ${p.total} 与各月之和 ${p.sum} 不一致`,
    en: (p) => `${p.address}: the total ${p.total} does not equal the sum of the months, ${p.sum}`,
  },
  missingValues: {
    zh: (p) => `${p.metric}: ${p.months} 无数据，${p.period} 的值记为 n.a.`,
    en: (p) => `${p.metricEn ?? p.metric}: no value for ${p.months}; its ${p.period} value is n.a.`,
  },
  rateMean: {
    zh: (p) => `${p.metric}: 缺少分子分母列，期间值为各月简单平均`,
    en: (p) => `${p.metricEn ?? p.metric}: its parts are not in the data; the period value is the simple mean of the months`,
  },
  noPreviousYear: {
    zh: (p) => `数据中没有 ${p.period}（同期）的月份，同比为 n.a.`,
    en: (p) => `the data has no months of ${p.period} (previous year); YoY is n.a.`,
  },
  newCustomersOverCounted: {
    zh: (p) => `订单数据在期间前只有 ${p.months} 个月（不足 12 个月），新客数按“数据中首单”计，会偏高`,
    en: (p) => `the order list has only ${p.months} months before the period (less than 12): new customers count first orders in the data and are over-counted`,
  },
  lmdiNotPossible: {
    zh: (p) => `GMV 归因无法计算：${p.reason === "missing" ? "访客数、支付买家数或 GMV 缺失" : "存在零或负值，无法取对数"}`,
    en: (p) => `GMV drivers cannot be decomposed: ${p.reason === "missing" ? "visitors, buyers or GMV is missing" : "a value is zero or negative, so its logarithm is undefined"}`,
  },
  targetUnknownMetric: {
    zh: (p) => `${p.address}: 目标指标 "${p.name}" 在月度数据中找不到`,
    en: (p) => `${p.address}: target metric "${p.name}" is not in the monthly data`,
  },
  targetPeriodMismatch: {
    zh: (p) => `${p.address ? p.address + ": " : ""}${p.metric} 的目标属于 ${p.target}，不包含所选期间 ${p.period}，不计算达成率`,
    en: (p) => `${p.address ? p.address + ": " : ""}the target of ${p.metricEn} is for ${p.target}, which does not contain the period ${p.period}; no attainment`,
  },
  targetSeasonal: {
    zh: (p) => `${p.metrics}: 目标为 ${p.target} 的全年目标，按去年同期各月占比折算为 ${p.period} 的目标至今（季节性：目标 × 去年 ${p.months} 个月 / 去年全年）`,
    en: (p) => `${p.metricsEn}: the targets are for ${p.target}; compared with the target to date for ${p.period}, pro-rated by last year's months (seasonal: target × last year's ${p.months} months / last year's total)`,
  },
  targetLinear: {
    zh: (p) => `${p.metrics}: 目标为 ${p.target} 的全年目标；去年同期数据不完整，按月数线性折算为 ${p.period} 的目标至今（× ${p.months}/${p.of}）`,
    en: (p) => `${p.metricsEn}: the targets are for ${p.target}; last year's months are incomplete, so the target to date for ${p.period} is pro-rated by months (× ${p.months}/${p.of}, linear)`,
  },
  targetStock: {
    zh: (p) => `${p.metrics}: 存量指标，以最新值与 ${p.target} 期末目标直接比较（不折算），并显示自年初以来的完成进度`,
    en: (p) => `${p.metricsEn}: a stock; its latest value is compared with the target for the end of ${p.target} as it is (not pro-rated), with the progress since the start of the year`,
  },
  targetRateAsGiven: {
    zh: (p) => `${p.metrics}: 比率或均值指标，${p.target} 的目标原样适用于 ${p.period}`,
    en: (p) => `${p.metricsEn}: rates and averages; the target for ${p.target} applies to ${p.period} as given`,
  },
  targetForReviewedMonths: {
    zh: (p) => `${p.metrics}: 目标列 "${p.header}" 未写年份或"全年"，已作为所选 ${p.months} 个月（${p.period}）的目标直接比较；若这是全年目标，请把列名改为 "${p.year}目标" 或 "全年目标"，将按目标至今（去年同期占比）比较`,
    en: (p) => `${p.metricsEn}: the target column "${p.header}" names no year and no 全年, so it is taken as the target of the ${p.months} months reviewed (${p.period}); if it is an annual target, name the column "${p.year}目标" or "全年目标" (or "FY${p.year} target") and it is compared as a target to date (by last year's share)`,
  },
  nextMetricUnknown: {
    zh: (p) => `--next-metric ${p.metric}: 月度数据中没有这个指标；可用的指标：${p.available}`,
    en: (p) => `--next-metric ${p.metric}: the monthly data has no such metric; available: ${p.availableEn}`,
  },
  badDirection: {
    zh: (p) => `${p.address}: 无法识别方向 "${p.text}"，应为 越高越好 / 越低越好 / higher / lower`,
    en: (p) => `${p.address}: cannot read direction "${p.text}"; expected 越高越好 / 越低越好 / higher / lower`,
  },
  noTargetColumns: {
    zh: (p) => `${p.address}: 目标表应有 指标 和 目标 两列`,
    en: (p) => `${p.address}: the targets table needs a metric column and a target column`,
  },
  duplicateTarget: {
    zh: (p) => `${p.address}: 指标 "${p.name}" 的目标重复（已在 ${p.first}）`,
    en: (p) => `${p.address}: a second target for "${p.name}" (first at ${p.first})`,
  },
  orderColumnMissing: {
    zh: (p) => `${p.address}: 找不到${p.field === "customer" ? "客户ID" : p.field === "date" ? "下单时间" : "金额"}列（可用 --${p.field === "customer" ? "id" : p.field} 指定列名${p.field === "amount" ? "；没有金额列时可写 --amount \"单价×数量\"，以两列相乘" : ""}）`,
    en: (p) => `${p.address}: no ${p.field === "customer" ? "customer id" : p.field === "date" ? "order date" : "amount"} column found (name it with --${p.field === "customer" ? "id" : p.field}${p.field === "amount" ? `; without one, --amount "Price×Quantity" multiplies two columns` : ""})`,
  },
  orderHeaderIsData: {
    zh: (p) => `${p.address}: 第一行 "${p.row}" 像是一笔订单而不是表头；请在最上面加一行列名（如 客户ID、下单时间、实付金额）后重试`,
    en: (p) => `${p.address}: the first row "${p.row}" looks like an order, not a header; add a row of column names at the top (such as customer_id, date, amount) and try again`,
  },
  orderColumnNotFound: {
    zh: (p) => `${p.address}: 表头中没有列 "${p.column}"`,
    en: (p) => `${p.address}: the header has no column "${p.column}"`,
  },
  badCustomer: {
    zh: (p) => `${p.address}: 客户ID 为空，该行未计入`,
    en: (p) => `${p.address}: the customer id is blank; row left out`,
  },
  badDate: {
    zh: (p) => (p.text === "" ? `${p.address}: 日期为空，该行未计入` : `${p.address}: 无法识别日期 "${p.text}"，应为 1997-01-01、1997/1/1、19970101 或 Excel 日期；该行未计入`),
    en: (p) => (p.text === "" ? `${p.address}: the date is blank; row left out` : `${p.address}: cannot read "${p.text}" as a date; expected 1997-01-01, 1997/1/1, 19970101 or an Excel date; row left out`),
  },
  badAmount: {
    zh: (p) => (p.text === "" ? `${p.address}: 金额为空，该行未计入` : `${p.address}: 无法识别金额 "${p.text}"；该行未计入`),
    en: (p) => (p.text === "" ? `${p.address}: the amount is blank; row left out` : `${p.address}: cannot read "${p.text}" as an amount; row left out`),
  },
  ordersEmpty: {
    zh: (p) => `${p.address}: 订单表是空的：应有一行表头（客户ID、下单时间、实付金额…）和其下的订单行`,
    en: (p) => `${p.address}: the order list is empty; expected a header row (customer id, order date, amount …) and order rows below it`,
  },
  ordersNoRows: {
    zh: (p) => `${p.address}: 表头下没有订单行`,
    en: (p) => `${p.address}: there are no order rows below the header`,
  },
  ordersNoUsableRows: {
    zh: (p) => `${p.address}: ${p.rows} 行订单中没有一行可用（客户ID、日期或金额无法识别，见下）`,
    en: (p) => `${p.address}: none of the ${p.rows} order rows can be used (unreadable customer id, date or amount; see below)`,
  },
  noOrdersBeforeAsOf: {
    zh: (p) => `截至日 ${p.asOf} 之前没有订单（最早的订单在 ${p.first}）；请选择更晚的 --as-of`,
    en: (p) => `there are no orders before the as-of date ${p.asOf} (the first is on ${p.first}); choose a later --as-of`,
  },
  dateOrderAmbiguous: {
    zh: (p) => `${p.address}: 日期列 "${p.column}" 的斜杠日期（如 4/1/2025）既可按 日/月/年 也可按 月/日/年 读取，数据中没有大于 12 的日或月可以判断；请用 --date-format dmy（日/月/年）或 mdy（月/日/年）指定`,
    en: (p) => `${p.address}: the slash dates in column "${p.column}" (such as 4/1/2025) read either day-first or month-first, and no value has a part above 12 to settle it; choose with --date-format dmy (day/month/year) or mdy (month/day/year)`,
  },
  dateOrderMixed: {
    zh: (p) => `${p.address}: 日期列 "${p.column}" 中既有只能按 日/月/年 读的日期（${p.dmy}），也有只能按 月/日/年 读的日期（${p.mdy}）；请统一格式或用 --date-format 指定`,
    en: (p) => `${p.address}: column "${p.column}" holds dates that only read day-first (${p.dmy}) and dates that only read month-first (${p.mdy}); make them consistent or choose with --date-format`,
  },
  dateOrderDayFirst: {
    zh: (p) => `${p.address}: 日期列 "${p.column}" 的斜杠日期按 日/月/年 读取（依据 "${p.text}"）`,
    en: (p) => `${p.address}: the slash dates in column "${p.column}" are read day/month/year (settled by "${p.text}")`,
  },
  dateOrderMonthFirst: {
    zh: (p) => `${p.address}: 日期列 "${p.column}" 的斜杠日期按 月/日/年 读取（依据 "${p.text}"）`,
    en: (p) => `${p.address}: the slash dates in column "${p.column}" are read month/day/year (settled by "${p.text}")`,
  },
  optionDateFormat: {
    zh: (p) => `${p.address}: 应为 dmy（日/月/年，如 27/7/2024）或 mdy（月/日/年，如 7/27/2024）`,
    en: (p) => `${p.address}: expected dmy (day/month/year, 27/7/2024) or mdy (month/day/year, 7/27/2024)`,
  },
  optionAsOf: {
    zh: (p) => `${p.address}: 应为日期，如 1998-07-01`,
    en: (p) => `${p.address}: expected a date such as 1998-07-01`,
  },
  optionTiers: {
    zh: (p) => `${p.address}: 应为 高净值消费,潜力消费,沉默天数,流失天数，如 5000,1000,90,180（潜力不高于高净值，沉默天数不多于流失天数）`,
    en: (p) => `${p.address}: expected high,potential,dormantDays,lostDays such as 5000,1000,90,180 (potential at most high, dormant days at most lost days)`,
  },
  orderAmountUnit: {
    zh: (p) => `${p.address}: 金额列 "${p.column}" 的表头带单位，每个金额按 ×${p.scale} 计`,
    en: (p) => `${p.address}: the amount column "${p.column}" names a unit in its header; every amount is taken ×${p.scale}`,
  },
  blankOrderIds: {
    zh: (p) => `${p.address}: ${p.rows} 行的订单号（"${p.column}"）为空，每行各算一笔订单`,
    en: (p) => `${p.address}: ${p.rows} rows have a blank order id ("${p.column}"); each counts as one order`,
  },
  amountsRounded: {
    zh: (p) => `${p.address} 等 ${p.rows} 行的金额小数超过 ${p.digits} 位，已四舍五入到 ${p.digits} 位后再求和`,
    en: (p) => `${p.address} and ${p.rows} rows in all: amounts with more than ${p.digits} decimals were rounded to ${p.digits} decimals before summing`,
  },
  outputExtension: {
    zh: (p) => `${p.address}: 输出文件应以 ${p.ext} 结尾`,
    en: (p) => `${p.address}: the output file must end in ${p.ext}`,
  },
  outputIsInput: {
    zh: (p) => `${p.address}: 这是输入文件之一，不能覆盖；请换一个输出文件名`,
    en: (p) => `${p.address}: this is one of the input files and is never overwritten; choose another output name`,
  },
  outputForeign: {
    zh: (p) => `${p.address}: 文件已存在且不是本工具生成的，未覆盖；确认要替换请加 --force，或换一个文件名`,
    en: (p) => `${p.address}: the file exists and was not written by this tool, so it was left alone; add --force to replace it, or choose another name`,
  },
  outputFolderMissing: {
    zh: (p) => `${p.address}: 文件夹 ${p.folder} 不存在；请先创建它或换一个位置`,
    en: (p) => `${p.address}: the folder ${p.folder} does not exist; create it first or write elsewhere`,
  },
  outputNotFolder: {
    zh: (p) => `${p.address}: ${p.folder} 不是文件夹`,
    en: (p) => `${p.address}: ${p.folder} is not a folder`,
  },
  outputIsFolder: {
    zh: (p) => `${p.address}: 这是一个文件夹；请给出文件名，如 ${p.example}`,
    en: (p) => `${p.address}: this is a folder; give a file name such as ${p.example}`,
  },
  outputPermission: {
    zh: (p) => `${p.address}: 没有写入权限（${p.folder}）`,
    en: (p) => `${p.address}: no permission to write here (${p.folder})`,
  },
  outputWriteFailed: {
    zh: (p) => `${p.address}: 写入失败（${WRITE_FAILURE[p.reason]?.zh ?? p.reason}），原文件未改动`,
    en: (p) => `${p.address}: writing failed (${WRITE_FAILURE[p.reason]?.en ?? p.reason}); any existing file was left as it was`,
  },
  sqlEngineNeedsUrl: {
    zh: (p) => `--engine ${p.engine} 需要 --url（${p.example}）`,
    en: (p) => `--engine ${p.engine} needs --url (${p.example})`,
  },
  sqlEngineNeedsFile: {
    zh: (p) => `${p.address}: TypeScript 引擎（--engine ts）只读 CSV/TXT/xlsx；Parquet、文件夹和 .gz 请用 --engine duckdb（默认）`,
    en: (p) => `${p.address}: the TypeScript engine (--engine ts) reads CSV/TXT/xlsx only; for Parquet, a folder or .gz use --engine duckdb (the default)`,
  },
  chdbMissing: {
    zh: (p) => `未安装 chDB（进程内 ClickHouse，约 550 MB）：运行 npm install --prefix <目录> chdb 并设置 KPI_REVIEW_CHDB=<目录>，或用 --url 连接 ClickHouse 服务器（已尝试：${p.path}）`,
    en: (p) => `chDB (in-process ClickHouse, about 550 MB) is not installed: run npm install --prefix <dir> chdb and set KPI_REVIEW_CHDB=<dir>, or reach a ClickHouse server with --url (tried: ${p.path})`,
  },
  sqlEngineFailed: {
    zh: (p) => `${p.engine} 执行失败：${p.message}`,
    en: (p) => `${p.engine} failed: ${p.message}`,
  },
  sqlAmountUnit: {
    zh: (p) => `${p.address}: 金额列 “${p.column}” 带单位，SQL 引擎不按单位换算；请用以元为单位的列（或乘以单位的视图），或导出文件后用 --engine ts`,
    en: (p) => `${p.address}: the amount column "${p.column}" names a unit, which the SQL engines do not scale by; use a column in whole currency (or a view that multiplies), or export a file and use --engine ts`,
  },
  readByTsEngine: {
    zh: (p) => `${p.address}: ${tsReaderReason(p, "zh")}，DuckDB 不按本工具的规则读取；已改用 TypeScript 引擎（--engine ts）`,
    en: (p) => `${p.address}: ${tsReaderReason(p, "en")}, which DuckDB does not read by this tool's rules; segmented with the TypeScript engine (--engine ts) instead`,
  },
  gzNeedsTsEngine: {
    zh: (p) => `${p.address}: ${tsReaderReason(p, "zh")}，DuckDB 不按本工具的规则读取；请先解压（gunzip），再用 --engine ts 读取解压后的文件`,
    en: (p) => `${p.address}: ${tsReaderReason(p, "en")}, which DuckDB does not read by this tool's rules; decompress it (gunzip) and run on the .csv with --engine ts`,
  },
  customersFileNeedsUtf8: {
    zh: (p) => `${p.address}: ${tsReaderReason(p, "zh")}，DuckDB 不按本工具的规则读取；客户级输入只由 SQL 引擎读取：请另存为 CSV UTF-8（逗号分隔）或 Parquet 后重试`,
    en: (p) => `${p.address}: ${tsReaderReason(p, "en")}, which DuckDB does not read by this tool's rules; customer-level input is read by the SQL engines only: save it as CSV UTF-8 (comma delimited) or Parquet and try again`,
  },
  sqlRowsLeftOut: {
    zh: (p) => `${p.address}: ${p.rows} 行未计入（客户ID 为空、日期或金额无法识别）`,
    en: (p) => `${p.address}: ${p.rows} rows left out (blank customer id, unreadable date or amount)`,
  },
  customersOutFormat: {
    zh: (p) => `${p.address}: --customers-out 应为 .parquet 或 .csv 文件`,
    en: (p) => `${p.address}: --customers-out must be a .parquet or .csv file`,
  },
  outputNotWritable: {
    zh: (p) => `${p.address}: 无法写入（${p.reason}）`,
    en: (p) => `${p.address}: cannot write it (${p.reason})`,
  },
  customerColumnMissing: {
    zh: (p) => `${p.address}: 找不到${p.fieldZh}列（可用 ${p.flag} 指定列名）`,
    en: (p) => `${p.address}: no ${p.fieldEn} column found (name it with ${p.flag})`,
  },
  noCustomerRows: {
    zh: (p) => `${p.address}: 没有可用的行（客户ID、日期和金额都可识别的行）`,
    en: (p) => `${p.address}: no usable row (one with a customer id, a readable date and an amount)`,
  },
  periodOutsideData: {
    zh: (p) => `所选期间 ${p.period} 不在数据范围 ${p.range} 内`,
    en: (p) => `the period ${p.period} is outside the data, ${p.range}`,
  },
  undecodableText: {
    zh: (p) => `${p.address}: 文件编码无法识别（按 ${p.encoding} 解码在第 ${p.offset} 字节处失败）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后重试`,
    en: (p) => `${p.address}: cannot decode the file (as ${p.encoding} it fails at byte ${p.offset}); save it from Excel as "CSV UTF-8 (Comma delimited)" or as .xlsx and try again`,
  },
  parquetInvalid: {
    zh: (p) => `${p.address}: 不是可读取的 Parquet 文件（${p.reason}）；请确认文件完整，或导出为 CSV 后重试`,
    en: (p) => `${p.address}: not a readable Parquet file (${p.reason}); check that the file is complete, or export it as CSV and try again`,
  },
  parquetCodec: {
    zh: (p) => `${p.address}: 列 "${p.column}" 使用 ${p.codec} 压缩，任务窗格只能读取 Snappy 压缩或未压缩的 Parquet；请以 Snappy 压缩重新导出（如 DuckDB 的 COMPRESSION snappy），或用命令行 kpi-review segment 读取`,
    en: (p) => `${p.address}: column "${p.column}" is compressed with ${p.codec}; the pane reads Parquet compressed with Snappy or uncompressed; export it again with Snappy (DuckDB: COMPRESSION snappy) or read it with the command line, kpi-review segment`,
  },
  orderFileWorkbook: {
    zh: (p) => `${p.address}: 这是 Excel 工作簿，不是 CSV 或 Parquet 文件；请在 Excel 中打开它并在 ⑤ 中选择订单区域，或另存为“CSV UTF-8（逗号分隔）”后再选择`,
    en: (p) => `${p.address}: an Excel workbook, not a CSV or Parquet file; open it in Excel and choose the order range in step 5, or save it as "CSV UTF-8 (Comma delimited)" and pick that`,
  },
  orderFileAgain: {
    zh: (p) => `${p.address}: 上次的复盘从这个文件读取订单，文件不会保存在工作簿中：请在任务窗格 ⑤ 中重新选择它后再生成（或清除 ⑤ 以不含订单生成）`,
    en: (p) => `${p.address}: the last review read its orders from this file, which is not kept in the workbook: pick it again in step 5 of the pane, then generate (or clear step 5 to generate without orders)`,
  },
  fileNotFound: {
    zh: (p) => `${p.address}: 找不到文件；请检查路径和文件名`,
    en: (p) => `${p.address}: file not found; check the path and the file name`,
  },
  inputIsFolder: {
    zh: (p) => `${p.address}: 这是文件夹，不是文件；请给出订单表文件（.csv、.txt 或 .xlsx）的路径`,
    en: (p) => `${p.address}: this is a folder, not a file; give the path of the order list (.csv, .txt or .xlsx)`,
  },
  fileUnreadable: {
    zh: (p) => `${p.address}: 无法读取文件（${p.reason}）；请检查文件权限，或确认它没有被其他程序占用`,
    en: (p) => `${p.address}: cannot read the file (${p.reason}); check its permissions, or whether another program holds it`,
  },
  legacyXls: {
    zh: (p) => `${p.address}: 这是旧版 Excel .xls 文件；请在 Excel 中打开并另存为 .xlsx（或“CSV UTF-8（逗号分隔）”）后重试`,
    en: (p) => `${p.address}: a legacy Excel .xls file; open it in Excel and save it as .xlsx (or CSV UTF-8), then try again`,
  },
  notXlsx: {
    zh: (p) => `${p.address}: 扩展名是 ${p.ext}，但内容不是 Excel 工作簿；若它是 CSV/文本，请把扩展名改为 .csv；否则请在 Excel 中打开并另存为 .xlsx`,
    en: (p) => `${p.address}: named ${p.ext} but not an Excel workbook; if it is CSV or text, rename it to .csv; otherwise open it in Excel and save it as .xlsx`,
  },
  damagedXlsx: {
    zh: (p) => `${p.address}: 无法作为 xlsx 打开（文件已损坏或不完整）；请在 Excel 中打开并重新保存后重试`,
    en: (p) => `${p.address}: cannot be opened as xlsx (the file is damaged or incomplete); open it in Excel, save it again and try again`,
  },
  firstSheetOnly: {
    zh: (p) => `${p.address}: 只读取了第一个工作表 "${p.sheet}"，未读取 ${p.sheets}（用 --sheet 或 --orders-sheet 选择）`,
    en: (p) => `${p.address}: only the first sheet "${p.sheet}" was read, not ${p.sheets} (choose with --sheet or --orders-sheet)`,
  },
  noSuchSheet: {
    zh: (p) => `${p.address}: 没有名为 "${p.sheet}" 的工作表（现有：${p.sheets}）；请用 --sheet 指定其中之一`,
    en: (p) => `${p.address}: no sheet named "${p.sheet}" (sheets: ${p.sheets}); name one of them with --sheet`,
  },
  utf16WithoutBom: {
    zh: (p) => `${p.address}: 文件含 NUL 字节，像是没有字节序标记(BOM)的 UTF-16；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或“Unicode 文本”后重试`,
    en: (p) => `${p.address}: the file holds NUL bytes, like UTF-16 without a byte-order mark; save it from Excel as "CSV UTF-8 (Comma delimited)" or "Unicode Text" and try again`,
  },
} satisfies Record<string, Record<Lang, Text>>;

export type IssueCode = keyof typeof ISSUE_TEXT;

export interface Issue {
  code: IssueCode;
  /** The cell (`月度数据!C14`) or range the issue is about, when there is one. */
  address?: string;
  params: Params;
}

export function issue(code: IssueCode, address: string | undefined, params: Params = {}): Issue {
  return { code, address, params };
}

export function formatIssue(item: Issue, lang: Lang): string {
  return ISSUE_TEXT[item.code][lang]({ address: item.address ?? "", ...item.params });
}

/** Raised when input cannot be used at all; carries every cell-addressed problem found. */
export class InputError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => formatIssue(i, "en")).join("\n"));
    this.name = "InputError";
  }
  format(lang: Lang): string {
    return formatIssueList(this.issues, lang).join("\n");
  }
}

/** Lines shown per kind of problem before the rest are summed up in one line. */
export const ISSUES_SHOWN_PER_CODE = 5;

/**
 * The lines of a list of problems: at most ISSUES_SHOWN_PER_CODE of one kind, then one line counting the rest
 * (a column of 600 unreadable dates is one problem, not 600 lines), in the order the problems were found.
 */
export function formatIssueList(issues: Issue[], lang: Lang): string[] {
  const byCode = new Map<IssueCode, Issue[]>();
  for (const item of issues) byCode.set(item.code, [...(byCode.get(item.code) ?? []), item]);
  const lines: string[] = [];
  const summarised = new Set<IssueCode>();
  for (const item of issues) {
    const same = byCode.get(item.code)!;
    const index = same.indexOf(item);
    if (index < ISSUES_SHOWN_PER_CODE || same.length === ISSUES_SHOWN_PER_CODE + 1) lines.push(formatIssue(item, lang));
    else if (!summarised.has(item.code)) {
      summarised.add(item.code);
      const last = same[same.length - 1];
      lines.push(formatIssue(issue("moreLikeThis", undefined, { count: same.length - ISSUES_SHOWN_PER_CODE, last: last.address ?? "" }), lang));
    }
  }
  return lines;
}
