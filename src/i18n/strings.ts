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
  attainment: { zh: "达成率", en: "Attainment" },
  deltaTarget: { zh: "ΔPL", en: "ΔPL" },
  previous: { zh: "同期(PY)", en: "Prev. year (PY)" },
  growth: { zh: "同比", en: "YoY" },
  ppChange: { zh: "同比(pp)", en: "YoY (pp)" },
  status: { zh: "状态", en: "Status" },
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
} satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}

export function statusLabel(status: "green" | "amber" | "red" | null, lang: Lang): string {
  if (status === null) return "";
  return t(status === "green" ? "statusGreen" : status === "amber" ? "statusAmber" : "statusRed", lang);
}

export function unitLabel(unit: "元" | "count" | "%" | "ratio" | "number", lang: Lang): string {
  const key: Record<typeof unit, StringKey> = { 元: "unitYuan", count: "unitCount", "%": "unitPercent", ratio: "unitRatio", number: "unitNumber" };
  return t(key[unit], lang);
}

/** The language of an Office/BCP-47 locale tag: Chinese for zh-*, English otherwise. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && /^zh\b/i.test(locale) ? "zh" : "en";
}
