/** The first sheet a manager reads: title block, scorecard with native formulas, highlights, GMV drivers. */
import { monthYear } from "../read/month";
import { formatPeriod } from "../kpi/scorecard";
import type { DriverKey } from "../kpi/lmdi";
import { statusLabel, unitLabel, type StringKey } from "../../i18n/strings";
import { generateInsights } from "./insights";
import { isFullYear, type ReviewModel } from "./reviewModel";
import { a1, rangeA1, SheetBuilder } from "./sheetBuilder";
import { type ChartSpec, type SheetSpec } from "./workbookSpec";
import { amountFormat, PERCENT, PP, SIGNED_PERCENT, unitFormat } from "./numberFormats";
import { changeColours, COLOURS, growthFormula, label, NA, name, ppFormula, statusColours, valueOrNa } from "./sheetParts";

function reviewTitle(model: ReviewModel): string {
  const L = label(model.lang);
  const { period, previousPeriod } = model.scorecard;
  const when = isFullYear(period) ? `${monthYear(period.from)}${L("yearSuffix")}` : formatPeriod(period);
  const against = isFullYear(previousPeriod) ? `${monthYear(previousPeriod.from)}` : formatPeriod(previousPeriod);
  const range = isFullYear(period) ? ` · ${formatPeriod(period)}` : "";
  return model.lang === "zh" ? `${when} ${L("reviewTitle")}${range} · ${L("comparedWith")} ${against}` : `${L("reviewTitle")} ${when}${range} · ${L("comparedWith")} ${against}`;
}

const EFFECT_LABEL: Record<DriverKey, StringKey> = { visitors: "effectVisitors", conversion: "effectConversion", buyers: "effectBuyers", aov: "effectAov" };

/** BM, AC − BM (pp for rates) and AC / BM right of the scorecard, where the targets table gives benchmarks. */
function benchmarkColumns(b: SheetBuilder, model: ReviewModel): void {
  const { lang, scorecard } = model;
  if (!scorecard.metrics.some((m) => m.benchmark !== null)) return;
  const L = label(lang);
  b.sheet.columnWidths[10] = 13;
  b.sheet.columnWidths[11] = Math.max(b.sheet.columnWidths[11] ?? 0, 12);
  b.headers(4, 10, [L("benchmark"), L("deltaBenchmark"), L("vsBenchmark")]);
  scorecard.metrics.forEach((m, i) => {
    const r = 5 + i;
    const [D, K] = [a1(r, 3), a1(r, 10)];
    const points = m.unit === "%";
    const format = unitFormat(m.unit, Math.max(Math.abs(m.actual ?? 0), Math.abs(m.benchmark ?? 0)), lang);
    b.value(r, 10, m.benchmark, "value", format);
    const both = m.benchmark !== null && m.actual !== null;
    b.formula(r, 11, `IF(AND(ISNUMBER(${D}),ISNUMBER(${K})),(${D}-${K})${points ? "*100" : ""},"")`, both ? (m.actual! - m.benchmark!) * (points ? 100 : 1) : "", points ? PP : format);
    b.formula(r, 12, `IF(AND(ISNUMBER(${D}),ISNUMBER(${K})),IF(${K}=0,"${NA}",${D}/${K}),"")`, both ? (m.benchmark === 0 ? NA : m.actual! / m.benchmark!) : "", PERCENT);
    changeColours(b, a1(r, 11), m.direction);
  });
}

function generatedAtText(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

export function reviewSheet(model: ReviewModel): SheetSpec {
  const { lang, scorecard } = model;
  const L = label(lang);
  const b = new SheetBuilder(L("sheetReview"));
  b.sheet.tabColour = COLOURS.ac;
  b.widths([26, 8, 13, 13, 12, 13, 16, 10, 11, 9, 3, 19, 12, 12, 12, 12]);
  b.banner(0, 0, 9, reviewTitle(model), "title");
  const sources = [`${L("dataSource")}: ${model.source}`, model.ordersSource ? `${L("ordersSource")}: ${model.ordersSource}` : "", `${L("generatedAt")}: ${generatedAtText(model.generatedAt)}`];
  b.banner(1, 0, 9, sources.filter(Boolean).join(" · "), "meta");

  // 1. Scorecard
  b.banner(3, 0, 9, L("sectionScorecard"), "section");
  b.headers(4, 0, [L("metric"), L("unit"), L("target"), L("actual"), L("attainment"), L("deltaTarget"), L("previous"), L("growth"), L("ppChange"), L("status")]);
  const { green, amber } = model.thresholds;
  scorecard.metrics.forEach((m, i) => {
    const r = 5 + i;
    const [C, D, E, G, H] = [a1(r, 2), a1(r, 3), a1(r, 4), a1(r, 6), a1(r, 7)];
    const format = unitFormat(m.unit, Math.max(Math.abs(m.actual ?? 0), Math.abs(m.previous ?? 0)), lang);
    const sign = m.direction === "lower" ? "-" : "+";
    b.value(r, 0, name(m, lang), "label");
    b.value(r, 1, `${unitLabel(m.unit, lang)}${m.direction === "lower" ? " ↓" : ""}`, "text");
    b.value(r, 2, m.target, "value", format);
    b.value(r, 3, valueOrNa(m.actual), "value", format);
    b.value(r, 6, valueOrNa(m.previous), "value", format);
    b.formula(r, 4, `IF(ISNUMBER(${C}),IF(AND(ISNUMBER(${D}),${C}<>0),1${sign}(${D}-${C})/ABS(${C}),"${NA}"),"")`, m.target === null ? "" : valueOrNa(m.attainment), PERCENT);
    // ΔPL of a rate reads in percentage points (5.2% against 5.0% is +0.2pp), like its change on PY.
    const points = m.unit === "%";
    const deltaTarget = m.deltaTarget === null ? NA : points ? m.deltaTarget * 100 : m.deltaTarget;
    b.formula(r, 5, `IF(ISNUMBER(${C}),IF(ISNUMBER(${D}),(${D}-${C})${points ? "*100" : ""},"${NA}"),"")`, m.target === null ? "" : deltaTarget, points ? PP : format);
    b.formula(r, 7, growthFormula(D, G), valueOrNa(m.growth), SIGNED_PERCENT);
    if (m.unit === "%") b.formula(r, 8, ppFormula(D, G), m.ppChange === null ? NA : m.ppChange * 100, PP);
    b.formula(r, 9, `IF(ISNUMBER(${E}),IF(${E}>=${green},"${statusLabel("green", lang)}",IF(${E}>=${amber},"${statusLabel("amber", lang)}","${statusLabel("red", lang)}")),"")`, statusLabel(m.status, lang), undefined, "text");
    changeColours(b, H, m.direction);
    changeColours(b, a1(r, 8), m.direction);
  });
  const lastMetricRow = 4 + scorecard.metrics.length;
  statusColours(b, rangeA1(5, 9, lastMetricRow, 9), lang);
  benchmarkColumns(b, model);
  const percent = (v: number) => `${Math.round(v * 100)}%`;
  b.banner(lastMetricRow + 1, 0, 9, L("scorecardNote").replace("{green}", percent(green)).replace("{amber}", percent(amber)), "note");
  let row = lastMetricRow + 3;
  if (model.fromOrders) {
    b.banner(lastMetricRow + 2, 0, 9, L("fromOrdersNote"), "note");
    row++;
  }

  // 2. Highlights
  b.banner(row++, 0, 9, L("sectionInsights"), "section");
  for (const insight of generateInsights(model)) {
    const marker = insight.tone === "good" ? "✓ " : insight.tone === "bad" ? "! " : "• ";
    b.banner(row++, 0, 9, marker + insight.text, insight.tone === "good" ? "insightGood" : insight.tone === "bad" ? "insightBad" : "insightNeutral");
  }

  // 3. GMV drivers: visitors × conversion × aov, or buyers × aov without visitors.
  const { drivers } = scorecard;
  if (drivers.factors && drivers.previous !== null && drivers.actual !== null) {
    const factors = drivers.factors;
    const n = factors.length;
    row += 1;
    b.banner(row++, 0, 9, L("sectionDrivers"), "section");
    // Item in A, amount in C, share of the change in D (B is the narrow unit column above).
    const AMOUNT = 2;
    const SHARE = 3;
    b.value(row, 0, L("item"), "header").value(row, 1, "", "header").value(row, AMOUNT, L("amount"), "header").value(row, SHARE, L("shareOfChange"), "header");
    row++;
    const first = row;
    const money = amountFormat(Math.max(drivers.previous, drivers.actual), lang, true);
    const items: Array<[StringKey, number]> = [["gmvPrevious", drivers.previous], ...factors.map((f): [StringKey, number] => [EFFECT_LABEL[f.key], f.effect]), ["gmvActual", drivers.actual]];
    const delta = drivers.actual - drivers.previous;
    const change = `(${a1(first + n + 1, AMOUNT)}-${a1(first, AMOUNT)})`;
    items.forEach(([key, amount], i) => {
      b.value(row, 0, L(key), "label");
      b.value(row, AMOUNT, amount, "value", money);
      if (i >= 1 && i <= n) {
        b.formula(row, SHARE, `IF(${change}=0,"${NA}",${a1(row, AMOUNT)}/${change})`, delta === 0 ? NA : amount / delta, SIGNED_PERCENT);
        changeColours(b, a1(row, AMOUNT), "higher");
      }
      row++;
    });
    b.value(row, 0, L(n === 3 ? "check" : "checkTwo"), "note");
    b.formula(row, AMOUNT, `${a1(first, AMOUNT)}+SUM(${rangeA1(first + 1, AMOUNT, first + n, AMOUNT)})`, factors.reduce((s, f) => s + f.effect, drivers.previous), money);
    row++;
    b.banner(row++, 0, 9, L(n === 3 ? "driversNote" : "driversNoteTwo"), "note");

    // Bridge chart: a stacked column whose invisible base lifts each effect to where the previous one ended.
    const dataRow = first - 1;
    b.value(dataRow - 1, 11, L("chartData"), "note");
    b.headers(dataRow, 11, [L("item"), L("bridgeBase"), L("bridgeUp"), L("bridgeDown"), L("bridgeTotal")]);
    let level = drivers.previous;
    const bars: Array<[string, number, number, number, number]> = [[L("gmvPrevious"), 0, 0, 0, drivers.previous]];
    for (const f of factors) {
      const next = level + f.effect;
      bars.push([L(EFFECT_LABEL[f.key]), Math.min(level, next), Math.max(f.effect, 0), Math.max(-f.effect, 0), 0]);
      level = next;
    }
    bars.push([L("gmvActual"), 0, 0, 0, drivers.actual]);
    bars.forEach((bar, i) => {
      b.value(first + i, 11, bar[0], "label");
      for (let k = 1; k <= 4; k++) b.value(first + i, 11 + k, bar[k], "value", money);
    });
    const lastBar = first + bars.length - 1;
    const series = (col: number, colour: string, key: StringKey): ChartSpec["series"][number] => ({
      name: { ref: a1(dataRow, col) },
      values: rangeA1(first, col, lastBar, col),
      cache: bars.map((bar) => bar[col - 11] as number),
      colour,
      labels: key === "bridgeBase" ? undefined : money,
    });
    b.chart({
      kind: "stackedColumn",
      title: L("bridgeTitle"),
      categories: rangeA1(first, 11, lastBar, 11),
      categoryCache: bars.map((bar) => bar[0]),
      series: [series(12, "none", "bridgeBase"), series(13, COLOURS.up, "bridgeUp"), series(14, COLOURS.down, "bridgeDown"), series(15, COLOURS.total, "bridgeTotal")],
      anchor: { row: first - 2, col: 5, rows: 14, cols: 5 },
      valueFormat: money,
    });
    row = Math.max(row, first + 13);
  }
  b.sheet.print = { landscape: true, fitToWidth: true, repeatRows: { from: 0, to: 1 } };
  return b.sheet;
}
