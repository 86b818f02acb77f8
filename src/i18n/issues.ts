/**
 * Every problem the engine reports, in Chinese and English. The engine only creates `Issue` values
 * (a code, the cell address and parameters); wording lives here so that both languages come from
 * one place and tests can assert on codes and addresses rather than sentences.
 */
export type Lang = "zh" | "en";

type Params = Record<string, string | number>;
type Text = (p: Params) => string;

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
  noHeader: {
    zh: (p) => `${p.address}: 找不到表头：应有一列月份（月份/日期/month）和至少一列指标，或一行月份作为列标题`,
    en: (p) => `${p.address}: no header found; expected a month column (月份/date/month) and at least one metric, or a row of months as column headers`,
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
    en: (p) => `${p.metric}: no value for ${p.months}; its ${p.period} value is n.a.`,
  },
  rateMean: {
    zh: (p) => `${p.metric}: 缺少分子分母列，期间值为各月简单平均`,
    en: (p) => `${p.metric}: its parts are not in the data; the period value is the simple mean of the months`,
  },
  noPreviousYear: {
    zh: (p) => `数据中没有 ${p.period}（同期）的月份，同比为 n.a.`,
    en: (p) => `the data has no months of ${p.period} (previous year); YoY is n.a.`,
  },
  lmdiNotPossible: {
    zh: (p) => `GMV 归因无法计算：${p.reason === "missing" ? "访客数、支付买家数或 GMV 缺失" : "存在零或负值，无法取对数"}`,
    en: (p) => `GMV drivers cannot be decomposed: ${p.reason === "missing" ? "visitors, buyers or GMV is missing" : "a value is zero or negative, so its logarithm is undefined"}`,
  },
  targetUnknownMetric: {
    zh: (p) => `${p.address}: 目标指标 "${p.name}" 在月度数据中找不到`,
    en: (p) => `${p.address}: target metric "${p.name}" is not in the monthly data`,
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
    zh: (p) => `${p.address}: 找不到${p.field === "customer" ? "客户ID" : p.field === "date" ? "下单时间" : "金额"}列（可用 --${p.field === "customer" ? "id" : p.field} 指定列名）`,
    en: (p) => `${p.address}: no ${p.field === "customer" ? "customer id" : p.field === "date" ? "order date" : "amount"} column found (name it with --${p.field === "customer" ? "id" : p.field})`,
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
    zh: (p) => `${p.address}: 无法识别日期 "${p.text}"，应为 1997-01-01、1997/1/1、19970101 或 Excel 日期；该行未计入`,
    en: (p) => `${p.address}: cannot read "${p.text}" as a date; expected 1997-01-01, 1997/1/1, 19970101 or an Excel date; row left out`,
  },
  badAmount: {
    zh: (p) => `${p.address}: 无法识别金额 "${p.text}"；该行未计入`,
    en: (p) => `${p.address}: cannot read "${p.text}" as an amount; row left out`,
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
  blankOrderIds: {
    zh: (p) => `${p.address}: ${p.rows} 行的订单号（"${p.column}"）为空，每行各算一笔订单`,
    en: (p) => `${p.address}: ${p.rows} rows have a blank order id ("${p.column}"); each counts as one order`,
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
    zh: (p) => `${p.address}: 写入失败（${p.reason}），原文件未改动`,
    en: (p) => `${p.address}: writing failed (${p.reason}); any existing file was left as it was`,
  },
  periodOutsideData: {
    zh: (p) => `所选期间 ${p.period} 不在数据范围 ${p.range} 内`,
    en: (p) => `the period ${p.period} is outside the data, ${p.range}`,
  },
  undecodableText: {
    zh: (p) => `${p.address}: 文件编码无法识别（按 ${p.encoding} 解码在第 ${p.offset} 字节处失败）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后重试`,
    en: (p) => `${p.address}: cannot decode the file (as ${p.encoding} it fails at byte ${p.offset}); save it from Excel as "CSV UTF-8 (Comma delimited)" or as .xlsx and try again`,
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
    return this.issues.map((i) => formatIssue(i, lang)).join("\n");
  }
}
