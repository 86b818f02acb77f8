/**
 * 亮点与问题: sentences generated from the review's numbers, each citing its figures: the largest over- and
 * under-attainment, the largest YoY and pp moves, the largest channel shift, the GMV drivers, the customer tiers.
 */
import { formatAmount, formatPercent, formatPp, formatSignedPercent, formatValue } from "../format";
import type { MetricResult } from "../kpi/scorecard";
import { targetKind } from "../kpi/targetToDate";
import { insightText } from "../../i18n/insightText";
import type { Lang } from "../../i18n/issues";
import type { ReviewModel } from "./reviewModel";
import { sectionInsights } from "./sectionInsights";

export interface Insight {
  tone: "good" | "bad" | "neutral";
  text: string;
}

function nameOf(m: MetricResult, lang: Lang): string {
  return lang === "zh" ? m.nameZh : m.nameEn;
}

function figures(m: MetricResult, lang: Lang) {
  const progress = m.targetProgress;
  const kind = targetKind(m.spec.rule);
  // Against part of a full-year target, say so: the target to date with the full year, or a stock's year-end level.
  const basis = progress && progress.completion !== null ? (kind === "additive" ? "toDate" : kind === "stock" ? "yearEnd" : "") : "";
  return {
    metric: nameOf(m, lang),
    actual: formatValue(m.actual, m.unit, lang),
    target: formatValue(m.target, m.unit, lang),
    previous: formatValue(m.previous, m.unit, lang),
    attainment: m.attainment === null ? "" : formatPercent(m.attainment),
    lower: m.direction === "lower" ? "1" : "",
    basis,
    full: formatValue(m.targetFullPeriod, m.unit, lang),
    completion: progress?.completion == null ? "" : formatPercent(progress.completion),
    time: progress ? formatPercent(progress.timeProgress) : "",
  };
}

/** Good when the move goes the metric's way. */
function isGood(m: MetricResult, change: number): boolean {
  return m.direction === "lower" ? change < 0 : change > 0;
}

export function generateInsights(model: ReviewModel): Insight[] {
  const { lang, scorecard } = model;
  const out: Insight[] = [];
  const targeted = scorecard.metrics.filter((m) => m.attainment !== null);
  const best = [...targeted].sort((a, b) => b.attainment! - a.attainment!)[0];
  if (best && best.attainment! >= 1) out.push({ tone: "good", text: insightText("overTarget", lang, figures(best, lang)) });
  for (const m of [...targeted].filter((x) => x.attainment! < 1).sort((a, b) => a.attainment! - b.attainment!).slice(0, 2)) {
    out.push({ tone: "bad", text: insightText("underTarget", lang, figures(m, lang)) });
  }

  const levels = scorecard.metrics.filter((m) => m.unit !== "%" && m.growth !== null && !m.key.startsWith("channel:"));
  for (const m of [...levels].sort((a, b) => Math.abs(b.growth!) - Math.abs(a.growth!)).slice(0, 2)) {
    const good = isGood(m, m.growth!);
    out.push({ tone: good ? "good" : "bad", text: insightText("yoyMove", lang, { ...figures(m, lang), growth: formatSignedPercent(m.growth!), up: m.growth! > 0 ? "1" : "", good: good ? "1" : "" }) });
  }

  const rates = scorecard.metrics.filter((m) => m.ppChange !== null && !m.key.startsWith("channel:"));
  const shifts = scorecard.metrics.filter((m) => m.ppChange !== null && m.key.startsWith("channel:"));
  for (const m of [[...rates].sort((a, b) => Math.abs(b.ppChange!) - Math.abs(a.ppChange!))[0], [...shifts].sort((a, b) => Math.abs(b.ppChange!) - Math.abs(a.ppChange!))[0]]) {
    if (!m) continue;
    const tone = m.key.startsWith("channel:") ? "neutral" : isGood(m, m.ppChange!) ? "good" : "bad";
    out.push({ tone, text: insightText("ppMove", lang, { ...figures(m, lang), pp: formatPp(m.ppChange!), up: m.ppChange! > 0 ? "1" : "" }) });
  }

  const { drivers } = scorecard;
  if (drivers.factors && drivers.previous !== null && drivers.actual !== null) {
    const signed = (v: number) => `${v >= 0 ? "+" : "−"}${formatAmount(Math.abs(v), lang)}`;
    const label = { visitors: "driverVisitors", conversion: "driverConversion", buyers: "driverBuyers", aov: "driverAov" } as const;
    const main = [...drivers.factors].sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))[0].key;
    const delta = drivers.actual - drivers.previous;
    const effect = (key: string) => drivers.factors!.find((f) => f.key === key)?.effect;
    out.push({
      tone: delta >= 0 ? "good" : "bad",
      text: insightText(drivers.factors.length === 3 ? "drivers" : "driversTwo", lang, {
        up: delta >= 0 ? "1" : "",
        delta: formatAmount(Math.abs(delta), lang),
        previous: formatAmount(drivers.previous, lang),
        actual: formatAmount(drivers.actual, lang),
        visitors: signed(effect("visitors") ?? 0),
        conversion: signed(effect("conversion") ?? 0),
        buyers: signed(effect("buyers") ?? 0),
        aov: signed(effect("aov") ?? 0),
        main: insightText(label[main], lang),
      }),
    });
  }

  out.push(...sectionInsights(model));

  if (model.customers) {
    const [high, , , , lost] = model.customers.tiers;
    out.push({
      tone: "neutral",
      text: insightText("customers", lang, {
        tier: lang === "zh" ? high.nameZh : high.name,
        customers: high.customers.toLocaleString("en-US"),
        share: formatPercent(high.share),
        revenueShare: formatPercent(high.revenueShare),
        lostShare: formatPercent(lost.share),
      }),
    });
  }
  return out;
}
