/** Sentence templates of the generated highlights (亮点与问题), in both languages. */
import type { Lang } from "./issues";

type P = Record<string, string>;

/** The target a highlight cites: as given, to date (with the full year and progress), or a stock's year-end level. */
function targetZh(p: P): string {
  if (p.basis === "toDate") return `目标至今 ${p.target}（全年目标 ${p.full}，已完成 ${p.completion}，时间进度 ${p.time}）`;
  if (p.basis === "yearEnd") return `年末目标 ${p.target}（自年初已完成 ${p.completion}，时间进度 ${p.time}）`;
  return `目标 ${p.target}`;
}

function targetEn(p: P): string {
  if (p.basis === "toDate") return `${p.target} to date (full year ${p.full}; ${p.completion} of it done with ${p.time} of the year gone)`;
  if (p.basis === "yearEnd") return `the year-end ${p.target} (${p.completion} of the way since the start of the year, ${p.time} of the year gone)`;
  return p.target;
}

const TEXT = {
  overTarget: {
    zh: (p: P) => `${p.metric}达成率 ${p.attainment}，超出${p.basis === "toDate" ? "目标进度" : "目标"}：实际 ${p.actual}，${targetZh(p)}${p.lower ? "（越低越好）" : ""}。`,
    en: (p: P) => `${p.metric} beat its target at ${p.attainment}: ${p.actual} against ${targetEn(p)}${p.lower ? " (lower is better)" : ""}.`,
  },
  underTarget: {
    zh: (p: P) => `${p.metric}未达${p.basis === "toDate" ? "目标进度" : "目标"}，达成率 ${p.attainment}：实际 ${p.actual}，${targetZh(p)}${p.lower ? "（越低越好）" : ""}。`,
    en: (p: P) => `${p.metric} missed its target at ${p.attainment}: ${p.actual} against ${targetEn(p)}${p.lower ? " (lower is better)" : ""}.`,
  },
  yoyMove: {
    zh: (p: P) => `${p.metric}同比${p.up ? "增长" : "下降"} ${p.growth}：${p.previous} → ${p.actual}${p.good ? "" : "，需关注"}。`,
    en: (p: P) => `${p.metric} ${p.up ? "rose" : "fell"} ${p.growth} on last year: ${p.previous} → ${p.actual}${p.good ? "" : "; worth a look"}.`,
  },
  ppMove: {
    zh: (p: P) => `${p.metric}${p.up ? "提升" : "下降"} ${p.pp}：${p.previous} → ${p.actual}。`,
    en: (p: P) => `${p.metric} ${p.up ? "rose" : "fell"} ${p.pp}: ${p.previous} → ${p.actual}.`,
  },
  drivers: {
    zh: (p: P) => `GMV ${p.up ? "增加" : "减少"} ${p.delta}（${p.previous} → ${p.actual}）：流量 ${p.visitors}，转化率 ${p.conversion}，客单价 ${p.aov}；${p.main}影响最大。`,
    en: (p: P) => `GMV ${p.up ? "grew" : "fell"} by ${p.delta} (${p.previous} → ${p.actual}): traffic ${p.visitors}, conversion ${p.conversion}, basket ${p.aov}; ${p.main} moved it most.`,
  },
  driversTwo: {
    zh: (p: P) => `GMV ${p.up ? "增加" : "减少"} ${p.delta}（${p.previous} → ${p.actual}）：买家数 ${p.buyers}，客单价 ${p.aov}；${p.main}影响最大。`,
    en: (p: P) => `GMV ${p.up ? "grew" : "fell"} by ${p.delta} (${p.previous} → ${p.actual}): buyers ${p.buyers}, basket ${p.aov}; ${p.main} moved it most.`,
  },
  benchmark: {
    zh: (p: P) => `${p.metric} ${p.actual}，${p.above ? "高于" : "低于"}行业均值 ${p.benchmark}（${p.gap}）。`,
    en: (p: P) => `${p.metric} ${p.actual} is ${p.above ? "above" : "below"} the industry average ${p.benchmark} (${p.gap}).`,
  },
  topProducts: {
    zh: (p: P) => `TOP${p.n} 商品贡献 ${p.share} GMV；A 类 ${p.aItems} 个商品（共 ${p.items} 个）占 ${p.aShare}。`,
    en: (p: P) => `The top ${p.n} items make ${p.share} of GMV; ${p.aItems} A items (of ${p.items}) make ${p.aShare}.`,
  },
  priceBand: {
    zh: (p: P) => `${p.band}商品 GMV 占比 ${p.share}，${p.pp}（去年 ${p.previous}）。`,
    en: (p: P) => `Items priced ${p.band} make ${p.share} of GMV, ${p.pp} (last year ${p.previous}).`,
  },
  categoryUp: {
    zh: (p: P) => `${p.category}品类贡献 GMV 增量的 ${p.share}（+${p.amount}）。`,
    en: (p: P) => `${p.category} made ${p.share} of the growth in GMV (+${p.amount}).`,
  },
  categoryDown: {
    zh: (p: P) => `${p.category}品类 GMV 减少 ${p.amount}（同比 ${p.growth}），拖累最大。`,
    en: (p: P) => `${p.category} lost ${p.amount} of GMV (${p.growth} on last year), the largest drag.`,
  },
  retention: {
    zh: (p: P) => `${p.cohort} 新客次月留存 ${p.value}（各月平均 ${p.m1}；第 3 月 ${p.m3}，第 6 月 ${p.m6}）。`,
    en: (p: P) => `The ${p.cohort} cohort's month-1 retention is ${p.value} (average ${p.m1}; month 3 ${p.m3}, month 6 ${p.m6}).`,
  },
  newCustomersShare: {
    zh: (p: P) => `新客 ${p.buyers} 人贡献 GMV 的 ${p.share}；新客客单价 ${p.newAov}，老客 ${p.returningAov}。`,
    en: (p: P) => `${p.buyers} new customers made ${p.share} of GMV; new AOV ${p.newAov}, returning ${p.returningAov}.`,
  },
  customers: {
    zh: (p: P) => `${p.tier}客户 ${p.customers} 人，占客户 ${p.share}，贡献金额 ${p.revenueShare}；流失客户占 ${p.lostShare}。`,
    en: (p: P) => `${p.tier} customers: ${p.customers}, ${p.share} of customers and ${p.revenueShare} of revenue; lost customers are ${p.lostShare}.`,
  },
  driverVisitors: { zh: () => "流量", en: () => "traffic" },
  driverConversion: { zh: () => "转化率", en: () => "conversion" },
  driverAov: { zh: () => "客单价", en: () => "basket size" },
  driverBuyers: { zh: () => "买家数", en: () => "the number of buyers" },
} satisfies Record<string, Record<Lang, (p: P) => string>>;

export type InsightKey = keyof typeof TEXT;

export function insightText(key: InsightKey, lang: Lang, params: P = {}): string {
  return TEXT[key][lang](params);
}
