/** Messages the KPI custom functions attach to #VALUE!, #N/A and friends, in both languages. */
import type { Lang } from "./issues";

type Params = Record<string, string | number>;

const MESSAGES = {
  notANumber: {
    zh: (p: Params) => `${p.name}: "${p.text}" 不是数字`,
    en: (p: Params) => `${p.name}: "${p.text}" is not a number`,
  },
  missingArgument: {
    zh: (p: Params) => `${p.name} 为空`,
    en: (p: Params) => `${p.name} is blank`,
  },
  notAFlag: {
    zh: (p: Params) => `"${p.text}" 应为 TRUE 或 FALSE`,
    en: (p: Params) => `"${p.text}" should be TRUE or FALSE`,
  },
  zeroTarget: {
    zh: () => "目标为 0 或为空，达成率无意义",
    en: () => "the target is 0 or blank, so attainment is not defined",
  },
  growthUndefined: {
    zh: () => "同期为 0 或与本期符号相反，增长率无意义",
    en: () => "the previous value is 0 or of the opposite sign, so growth is not defined",
  },
  zeroTotal: {
    zh: () => "合计为 0，占比无意义",
    en: () => "the total is 0, so the share is not defined",
  },
  noMonths: {
    zh: () => "月份数必须大于 0",
    en: () => "the number of months must be greater than 0",
  },
  badThresholds: {
    zh: () => "阈值应满足 绿 ≥ 黄",
    en: () => "thresholds must satisfy green ≥ amber",
  },
  targetSplit: {
    zh: (p: Params) => `无法分解目标：${p.reason === "notWhole" ? "目标不是整数个单位" : p.reason === "badWeights" ? "同期各月应为非负数且合计大于 0" : "没有同期月份"}`,
    en: (p: Params) => `cannot split the target: ${p.reason === "notWhole" ? "it is not a whole number of units" : p.reason === "badWeights" ? "previous months must be non-negative with a positive total" : "there are no previous months"}`,
  },
  twoValues: {
    zh: (p: Params) => `${p.name} 应为两个值（基期、本期）`,
    en: (p: Params) => `${p.name} should hold two values (before, after)`,
  },
  threeValues: {
    zh: (p: Params) => `${p.name} 应为三个值（R、F、M 的平均分）`,
    en: (p: Params) => `${p.name} should hold three values (the mean R, F and M scores)`,
  },
  fourValues: {
    zh: (p: Params) => `${p.name} 应为四个值：高净值金额、潜力金额、沉默天数、流失天数`,
    en: (p: Params) => `${p.name} should hold four values: high-value spend, potential spend, dormant days, lost days`,
  },
  notAScore: {
    zh: (p: Params) => `${p.name} 应为 1 到 5 的整数`,
    en: (p: Params) => `${p.name} should be a whole number from 1 to 5`,
  },
  lmdiNonPositive: {
    zh: () => "访客数、买家数和 GMV 必须为正数才能分解",
    en: () => "visitors, buyers and GMV must be positive to decompose",
  },
} as const;

export type FunctionMessageKey = keyof typeof MESSAGES;

export function functionMessage(key: FunctionMessageKey, lang: Lang, params: Params = {}): string {
  return MESSAGES[key][lang](params);
}
