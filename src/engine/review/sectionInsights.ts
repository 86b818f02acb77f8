/**
 * Highlights citing the benchmarks and the order-list sections: the top items' share of GMV, the price band that moved most,
 * the categories that drove the change in GMV up and down, the latest cohort's month-1 retention against the
 * average, and the new customers' share of GMV.
 */
import { formatAmount, formatPercent, formatPp, formatSignedPercent, formatValue } from "../format";
import { growth } from "../kpi/compare";
import { insightText } from "../../i18n/insightText";
import type { ReviewModel } from "./reviewModel";
import type { Insight } from "./insights";
import { bandLabel } from "./productSheet";

export function sectionInsights(model: ReviewModel): Insight[] {
  const { lang } = model;
  const out: Insight[] = [];
  // Benchmarks: the two metrics furthest from the industry average, good or bad by the metric's direction.
  const benchmarked = model.scorecard.metrics.filter((m) => m.benchmark !== null && m.benchmark !== 0 && m.actual !== null);
  for (const m of benchmarked.sort((x, y) => Math.abs(y.actual! / y.benchmark! - 1) - Math.abs(x.actual! / x.benchmark! - 1)).slice(0, 2)) {
    const above = m.actual! > m.benchmark!;
    const good = m.direction === "lower" ? !above : above;
    const gap = m.unit === "%" ? formatPp(m.actual! - m.benchmark!) : formatSignedPercent(m.actual! / m.benchmark! - 1);
    out.push({ tone: m.actual === m.benchmark ? "neutral" : good ? "good" : "bad", text: insightText("benchmark", lang, { metric: lang === "zh" ? m.nameZh : m.nameEn, actual: formatValue(m.actual, m.unit, lang), benchmark: formatValue(m.benchmark, m.unit, lang), gap, above: above ? "1" : "" }) });
  }
  const products = model.products;
  if (products && products.gmv > 0) {
    const topGmv = products.top.reduce((s, p) => s + p.gmv, 0);
    const a = products.abc[0];
    out.push({ tone: "neutral", text: insightText("topProducts", lang, { n: String(products.top.length), share: formatPercent(topGmv / products.gmv), aItems: a.items.toLocaleString("en-US"), aShare: formatPercent(a.gmv / products.gmv), items: products.items.toLocaleString("en-US") }) });
    const total = products.bands.reduce((s, b) => s + b.gmv, 0);
    const previousTotal = products.bands.reduce((s, b) => s + b.previousGmv, 0);
    if (total > 0 && previousTotal > 0) {
      const moves = products.bands.map((b) => ({ b, share: b.gmv / total, previous: b.previousGmv / previousTotal }));
      const top = [...moves].sort((x, y) => Math.abs(y.share - y.previous) - Math.abs(x.share - x.previous))[0];
      out.push({ tone: "neutral", text: insightText("priceBand", lang, { band: bandLabel(top.b, lang), share: formatPercent(top.share), pp: formatPp(top.share - top.previous), previous: formatPercent(top.previous) }) });
    }
  }
  // Categories from the order list, or the monthly sheet's category breakdown of GMV.
  const dimension = model.dimension;
  const rows =
    model.categories?.rows ??
    (dimension && dimension.kind === "category" && dimension.metric.key === "gmv" && dimension.rows.every((r) => r.actual !== null && r.previous !== null)
      ? dimension.rows.map((r) => ({ category: r.member, gmv: r.actual!, previous: r.previous! }))
      : null);
  if (rows && rows.length > 1) {
    const delta = rows.reduce((s, r) => s + r.gmv - r.previous, 0);
    const byChange = [...rows].sort((x, y) => y.gmv - y.previous - (x.gmv - x.previous));
    const up = byChange[0];
    const down = byChange[byChange.length - 1];
    if (up.gmv - up.previous > 0 && delta > 0) {
      out.push({ tone: "good", text: insightText("categoryUp", lang, { category: up.category, share: formatPercent((up.gmv - up.previous) / delta, 0), amount: formatAmount(up.gmv - up.previous, lang) }) });
    }
    if (down.gmv - down.previous < 0) {
      const g = growth(down.gmv, down.previous);
      out.push({ tone: "bad", text: insightText("categoryDown", lang, { category: down.category, amount: formatAmount(down.previous - down.gmv, lang), growth: g === null ? "n.a." : formatSignedPercent(g) }) });
    }
  }
  const overTime = model.customersOverTime;
  if (overTime) {
    const m1 = overTime.averageRetention.find((r) => r.offset === 1)?.value ?? null;
    const latest = [...overTime.cohorts].reverse().find((c) => c.retention.length > 1);
    if (latest && m1 !== null) {
      const m3 = overTime.averageRetention.find((r) => r.offset === 3)?.value ?? null;
      const m6 = overTime.averageRetention.find((r) => r.offset === 6)?.value ?? null;
      out.push({
        tone: latest.retention[1] >= m1 ? "good" : "bad",
        text: insightText("retention", lang, { cohort: latest.cohort, value: formatPercent(latest.retention[1]), m1: formatPercent(m1), m3: m3 === null ? "n.a." : formatPercent(m3), m6: m6 === null ? "n.a." : formatPercent(m6) }),
      });
    }
    const p = overTime.period;
    const gmv = p.newGmv + p.returningGmv;
    if (gmv > 0 && p.newBuyers > 0 && p.returningBuyers > 0) {
      out.push({ tone: "neutral", text: insightText("newCustomersShare", lang, { share: formatPercent(p.newGmv / gmv), buyers: p.newBuyers.toLocaleString("en-US"), newAov: formatAmount(p.newGmv / p.newBuyers, lang), returningAov: formatAmount(p.returningGmv / p.returningBuyers, lang) }) });
    }
  }
  return out;
}
