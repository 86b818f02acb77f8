/** The first sheet a manager reads: title block, scorecard with native formulas, highlights, GMV drivers. */
import { monthYear } from "../read/month";
import { formatPeriod } from "../kpi/scorecard";
import { basisLabel, statusLabel, unitLabel, type StringKey } from "../../i18n/strings";
import { formatIssue, type IssueCode, type Lang } from "../../i18n/issues";
import type { MetricResult } from "../kpi/scorecard";
import type { DriverKey } from "../kpi/lmdi";
import { targetKind } from "../kpi/targetToDate";
import type { SheetBuilder as Builder } from "./sheetBuilder";
import { generateInsights } from "./insights";
import { ruleNotes } from "./ruleNotes";
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

const TO_DATE_NOTES = new Set<IssueCode>(["targetSeasonal", "targetLinear", "targetStock", "targetRateAsGiven"]);

type Columns = ReturnType<typeof scorecardColumns>;

/**
 * A metric's progress on its full-year target: share done (coloured against time progress), time progress,
 * forecast, the monthly run-rate still needed, the basis. Formulas where the figure follows from cells of
 * the row (the period starts with the target period, so AC is the year to date); values otherwise.
 */
function progressCells(b: Builder, r: number, m: MetricResult, col: Columns["col"], progress: Columns["progress"], format: string, fromStart: boolean, lang: Lang) {
  const p = m.targetProgress!;
  const [FULL, PL, AC] = [a1(r, col.full), a1(r, col.target), a1(r, col.actual)];
  const kind = targetKind(m.spec.rule);
  const [DONE, TIME] = [a1(r, progress.completion), a1(r, progress.time)];
  b.value(r, progress.time, p.timeProgress, "value", PERCENT);
  if (m.targetBasis) b.value(r, progress.basis, basisLabel(m.targetBasis, lang), "text");
  if (kind === "rate") return;
  if (p.completion !== null) {
    if (kind === "additive" && fromStart) b.formula(r, progress.completion, `IF(AND(ISNUMBER(${AC}),${FULL}<>0),${AC}/${FULL},"${NA}")`, p.completion, PERCENT);
    else b.value(r, progress.completion, p.completion, "value", PERCENT);
    // Ahead of time is good for what should grow, bad for a budget being used up.
    const ahead = `AND(ISNUMBER(${DONE}),${DONE}>=${TIME})`;
    const behind = `AND(ISNUMBER(${DONE}),${DONE}<${TIME})`;
    b.conditional({ range: DONE, rule: { kind: "formula", formula: m.direction === "higher" ? ahead : behind }, colour: "good" });
    b.conditional({ range: DONE, rule: { kind: "formula", formula: m.direction === "higher" ? behind : ahead }, colour: "bad" });
  }
  if (p.forecast !== null) {
    // Seasonal: YTD / (PY YTD / PY full year) = AC × full-year PL / PL to date; linear likewise (PL to date = PL × n/12).
    if (fromStart) b.formula(r, progress.forecast, `IF(AND(ISNUMBER(${AC}),${PL}<>0),${AC}*${FULL}/${PL},"${NA}")`, p.forecast, format);
    else b.value(r, progress.forecast, p.forecast, "value", format);
  }
  if (p.requiredRunRate !== null) {
    // A month's worth reads in its own size (a stock's monthly net adds are far smaller than the stock).
    const monthly = unitFormat(m.unit, Math.abs(p.requiredRunRate), lang);
    if (fromStart || kind === "stock") b.formula(r, progress.runRate, `IF(ISNUMBER(${AC}),(${FULL}-${AC})/${p.monthsLeft},"${NA}")`, p.requiredRunRate, monthly);
    else b.value(r, progress.runRate, p.requiredRunRate, "value", monthly);
  }
}

const EFFECT_LABEL: Record<DriverKey, StringKey> = { visitors: "effectVisitors", conversion: "effectConversion", buyers: "effectBuyers", aov: "effectAov" };

/** BM, AC − BM (pp for rates) and AC / BM right of the scorecard (from column `first`), where the targets give benchmarks. */
function benchmarkColumns(b: Builder, model: ReviewModel, first: number, actualCol: number): void {
  const { lang, scorecard } = model;
  if (!scorecard.metrics.some((m) => m.benchmark !== null)) return;
  const L = label(lang);
  for (let c = first; c < first + 3; c++) b.sheet.columnWidths[c] = Math.max(b.sheet.columnWidths[c] ?? 0, 13);
  b.headers(4, first, [L("benchmark"), L("deltaBenchmark"), L("vsBenchmark")]);
  scorecard.metrics.forEach((m, i) => {
    const r = 5 + i;
    const [AC, BM] = [a1(r, actualCol), a1(r, first)];
    const points = m.unit === "%";
    const format = unitFormat(m.unit, Math.max(Math.abs(m.actual ?? 0), Math.abs(m.benchmark ?? 0)), lang);
    b.value(r, first, m.benchmark, "value", format);
    const both = m.benchmark !== null && m.actual !== null;
    b.formula(r, first + 1, `IF(AND(ISNUMBER(${AC}),ISNUMBER(${BM})),(${AC}-${BM})${points ? "*100" : ""},"")`, both ? (m.actual! - m.benchmark!) * (points ? 100 : 1) : "", points ? PP : format);
    b.formula(r, first + 2, `IF(AND(ISNUMBER(${AC}),ISNUMBER(${BM})),IF(${BM}=0,"${NA}",${AC}/${BM}),"")`, both ? (m.benchmark === 0 ? NA : m.actual! / m.benchmark!) : "", PERCENT);
    changeColours(b, a1(r, first + 1), m.direction);
  });
}

function generatedAtText(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

/**
 * Scorecard columns. Where a target is for a longer period than the one reviewed (an annual target, Jan–Sep
 * reviewed) the full-year target stands beside the target to date, and time progress, the share of the
 * full-year target done, the full-year forecast, the monthly run-rate still needed and the basis follow the status.
 */
function scorecardColumns(toDate: boolean) {
  const shift = toDate ? 1 : 0;
  const col = { full: toDate ? 2 : -1, target: 2 + shift, actual: 3 + shift, attainment: 4 + shift, deltaTarget: 5 + shift, previous: 6 + shift, growth: 7 + shift, pp: 8 + shift, status: 9 + shift };
  const progress = { completion: 11, time: 12, forecast: 13, runRate: 14, basis: 15 };
  return { col, progress, last: toDate ? progress.basis : col.status, chartData: toDate ? 17 : 11 };
}

export function reviewSheet(model: ReviewModel): SheetSpec {
  const { lang, scorecard } = model;
  const L = label(lang);
  const b = new SheetBuilder(L("sheetReview"));
  const toDate = scorecard.metrics.some((m) => m.targetProgress !== null);
  const { col, progress, last, chartData } = scorecardColumns(toDate);
  b.sheet.tabColour = COLOURS.ac;
  b.widths(toDate ? [26, 8, 17, 20, 13, 11, 12, 15, 9, 10, 9, 14, 14, 13, 16, 13, 3, 19, 12, 12, 12, 12] : [26, 8, 13, 13, 12, 13, 16, 10, 11, 9, 3, 19, 12, 12, 12, 12]);
  b.banner(0, 0, last, reviewTitle(model), "title");
  const sources = [`${L("dataSource")}: ${model.source}`, model.ordersSource ? `${L("ordersSource")}: ${model.ordersSource}` : "", `${L("generatedAt")}: ${generatedAtText(model.generatedAt)}`];
  b.banner(1, 0, last, sources.filter(Boolean).join(" · "), "meta");

  // 1. Scorecard
  b.banner(3, 0, last, L("sectionScorecard"), "section");
  b.headers(4, 0, [L("metric"), L("unit"), ...(toDate ? [L("targetFullYear"), L("targetToDate")] : [L("target")]), L("actual"), L("attainment"), L("deltaTarget"), L("previous"), L("growth"), L("ppChange"), L("status")]);
  if (toDate) b.headers(4, progress.completion, [L("yearCompletion"), L("timeProgress"), L("fullYearForecast"), L("requiredRunRate"), L("targetBasis")]);
  const { green, amber } = model.thresholds;
  const periodStart = scorecard.period.from;
  scorecard.metrics.forEach((m, i) => {
    const r = 5 + i;
    const [C, D, E, G, H] = [a1(r, col.target), a1(r, col.actual), a1(r, col.attainment), a1(r, col.previous), a1(r, col.growth)];
    const format = unitFormat(m.unit, Math.max(Math.abs(m.actual ?? 0), Math.abs(m.previous ?? 0)), lang);
    const sign = m.direction === "lower" ? "-" : "+";
    b.value(r, 0, name(m, lang), "label");
    b.value(r, 1, `${unitLabel(m.unit, lang)}${m.direction === "lower" ? " ↓" : ""}`, "text");
    if (toDate) b.value(r, col.full, m.targetFullPeriod, "value", format);
    b.value(r, col.target, m.target, "value", format);
    b.value(r, col.actual, valueOrNa(m.actual), "value", format);
    b.value(r, col.previous, valueOrNa(m.previous), "value", format);
    b.formula(r, col.attainment, `IF(ISNUMBER(${C}),IF(AND(ISNUMBER(${D}),${C}<>0),1${sign}(${D}-${C})/ABS(${C}),"${NA}"),"")`, m.target === null ? "" : valueOrNa(m.attainment), PERCENT);
    // ΔPL of a rate reads in percentage points (5.2% against 5.0% is +0.2pp), like its change on PY.
    const points = m.unit === "%";
    const deltaTarget = m.deltaTarget === null ? NA : points ? m.deltaTarget * 100 : m.deltaTarget;
    b.formula(r, col.deltaTarget, `IF(ISNUMBER(${C}),IF(ISNUMBER(${D}),(${D}-${C})${points ? "*100" : ""},"${NA}"),"")`, m.target === null ? "" : deltaTarget, points ? PP : format);
    b.formula(r, col.growth, growthFormula(D, G), valueOrNa(m.growth), SIGNED_PERCENT);
    if (m.unit === "%") b.formula(r, col.pp, ppFormula(D, G), m.ppChange === null ? NA : m.ppChange * 100, PP);
    b.formula(r, col.status, `IF(ISNUMBER(${E}),IF(${E}>=${green},"${statusLabel("green", lang)}",IF(${E}>=${amber},"${statusLabel("amber", lang)}","${statusLabel("red", lang)}")),"")`, statusLabel(m.status, lang), undefined, "text");
    changeColours(b, H, m.direction);
    changeColours(b, a1(r, col.pp), m.direction);
    if (toDate && m.targetProgress) progressCells(b, r, m, col, progress, format, periodStart === m.targetProgress.targetMonths[0], lang);
  });
  const lastMetricRow = 4 + scorecard.metrics.length;
  statusColours(b, rangeA1(5, col.status, lastMetricRow, col.status), lang);
  benchmarkColumns(b, model, last + 1, col.actual);
  const percent = (v: number) => `${Math.round(v * 100)}%`;
  let noteRow = lastMetricRow + 1;
  b.banner(noteRow++, 0, last, L("scorecardNote").replace("{green}", percent(green)).replace("{amber}", percent(amber)), "note");
  if (toDate) {
    for (const line of L("toDateNote").split("\n")) b.banner(noteRow++, 0, last, line, "note");
    for (const w of scorecard.warnings.filter((x) => TO_DATE_NOTES.has(x.code))) b.banner(noteRow++, 0, last, formatIssue(w, lang), "note");
  }
  // A target column without a year used for part of a year (how it was taken, how to mark an annual one); short daily months.
  for (const w of scorecard.warnings.filter((x) => x.code === "targetForReviewedMonths" || x.code === "periodIncompleteDays")) b.banner(noteRow++, 0, last, formatIssue(w, lang), "note");
  // Footnote: rules inferred from names, set by the analyst, or means of rates (domain.md: always stated).
  for (const note of ruleNotes(scorecard, lang)) b.banner(noteRow++, 0, last, note, "note");
  if (model.fromOrders) b.banner(noteRow++, 0, last, L("fromOrdersNote"), "note");

  // 2. Highlights
  let row = noteRow + 1;
  b.banner(row++, 0, last, L("sectionInsights"), "section");
  for (const insight of generateInsights(model)) {
    const marker = insight.tone === "good" ? "✓ " : insight.tone === "bad" ? "! " : "• ";
    b.banner(row++, 0, last, marker + insight.text, insight.tone === "good" ? "insightGood" : insight.tone === "bad" ? "insightBad" : "insightNeutral");
  }

  // 3. GMV drivers: visitors × conversion × aov, or buyers × aov without visitors.
  const { drivers } = scorecard;
  if (drivers.factors && drivers.previous !== null && drivers.actual !== null) {
    const factors = drivers.factors;
    const n = factors.length;
    row += 1;
    b.banner(row++, 0, last, L("sectionDrivers"), "section");
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
    b.formula(row, AMOUNT, `${a1(first, AMOUNT)}+SUM(${rangeA1(first + 1, AMOUNT, first + n, AMOUNT)})`, factors.reduce((sum, f) => sum + f.effect, drivers.previous), money);
    row++;
    b.banner(row++, 0, last, L(n === 3 ? "driversNote" : "driversNoteTwo"), "note");

    // Bridge chart: a stacked column whose invisible base lifts each effect to where the previous one ended.
    const dataRow = first - 1;
    b.value(dataRow - 1, chartData, L("chartData"), "note");
    b.headers(dataRow, chartData, [L("item"), L("bridgeBase"), L("bridgeUp"), L("bridgeDown"), L("bridgeTotal")]);
    let level = drivers.previous;
    const bars: Array<[string, number, number, number, number]> = [[L("gmvPrevious"), 0, 0, 0, drivers.previous]];
    for (const f of factors) {
      const next = level + f.effect;
      bars.push([L(EFFECT_LABEL[f.key]), Math.min(level, next), Math.max(f.effect, 0), Math.max(-f.effect, 0), 0]);
      level = next;
    }
    bars.push([L("gmvActual"), 0, 0, 0, drivers.actual]);
    bars.forEach((bar, i) => {
      b.value(first + i, chartData, bar[0], "label");
      for (let k = 1; k <= 4; k++) b.value(first + i, chartData + k, bar[k], "value", money);
    });
    const lastBar = first + bars.length - 1;
    const series = (c: number, colour: string, key: StringKey): ChartSpec["series"][number] => ({
      name: { ref: a1(dataRow, c) },
      values: rangeA1(first, c, lastBar, c),
      cache: bars.map((bar) => bar[c - chartData] as number),
      colour,
      labels: key === "bridgeBase" ? undefined : money,
    });
    b.chart({
      kind: "stackedColumn",
      title: L("bridgeTitle"),
      categories: rangeA1(first, chartData, lastBar, chartData),
      categoryCache: bars.map((bar) => bar[0]),
      series: [series(chartData + 1, "none", "bridgeBase"), series(chartData + 2, COLOURS.up, "bridgeUp"), series(chartData + 3, COLOURS.down, "bridgeDown"), series(chartData + 4, COLOURS.total, "bridgeTotal")],
      anchor: { row: first - 2, col: 5, rows: 14, cols: 5 },
      valueFormat: money,
    });
    row = Math.max(row, first + 13);
  }
  b.sheet.print = { landscape: true, fitToWidth: true, repeatRows: { from: 0, to: 1 } };
  return b.sheet;
}
