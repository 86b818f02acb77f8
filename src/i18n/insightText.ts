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
  customers: {
    zh: (p: P) => `${p.tier}客户 ${p.customers} 人，占客户 ${p.share}，贡献金额 ${p.revenueShare}；流失客户占 ${p.lostShare}。`,
    en: (p: P) => `${p.tier} customers: ${p.customers}, ${p.share} of customers and ${p.revenueShare} of revenue; lost customers are ${p.lostShare}.`,
  },
  driverVisitors: { zh: () => "流量", en: () => "traffic" },
  driverConversion: { zh: () => "转化率", en: () => "conversion" },
  driverAov: { zh: () => "客单价", en: () => "basket size" },
} satisfies Record<string, Record<Lang, (p: P) => string>>;

export type InsightKey = keyof typeof TEXT;

export function insightText(key: InsightKey, lang: Lang, params: P = {}): string {
  return TEXT[key][lang](params);
}
