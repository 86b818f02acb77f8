/**
 * Lays the review model out as sheets, in the order a manager reads: the review (title, scorecard, highlights,
 * GMV drivers), the monthly trend, the channel mix, the customer tiers and list, the next period's targets.
 * Attainment, variances, YoY, pp, status, shares and totals are native formulas over the cells beside them,
 * each carrying the engine's number it must evaluate to.
 */
import { formatMonth, monthYear } from "../read/month";
import { formatPeriod, type MetricResult } from "../kpi/scorecard";
import { statusLabel, t, unitLabel, type StringKey } from "../../i18n/strings";
import type { Lang } from "../../i18n/issues";
import { generateInsights } from "./insights";
import { isFullYear, type ReviewModel } from "./reviewModel";
import { a1, rangeA1, SheetBuilder } from "./sheetBuilder";
import { GENERATOR, type ChartSpec, type SheetSpec, type WorkbookSpec } from "./workbookSpec";
import { amountFormat, INTEGER, PERCENT, PP, SIGNED_PERCENT, unitFormat } from "./numberFormats";
import { class8Name, SEGMENTS, TIERS } from "../customers/segmentNames";
import type { GroupSummary } from "../customers/segmentation";

const NA = "n.a.";
const COLOURS = { ac: "1F4E79", py: "A6A6A6", pl: "C00000", up: "2E7D32", down: "C62828", total: "1F4E79" };

function label(lang: Lang) {
  return (key: StringKey) => t(key, lang);
}

function name(m: MetricResult, lang: Lang): string {
  return lang === "zh" ? m.nameZh : m.nameEn;
}

/** Native formula for (current − previous)/|previous|, "n.a." where previous is 0, blank or of the other sign (domain.md). */
function growthFormula(current: string, previous: string): string {
  return `IF(AND(ISNUMBER(${current}),ISNUMBER(${previous})),IF(OR(${previous}=0,${current}*${previous}<0),"${NA}",(${current}-${previous})/ABS(${previous})),"${NA}")`;
}

/** Native formula for the change of a rate in percentage points (the cell shows +5.0pp for 0.33 → 0.38). */
function ppFormula(current: string, previous: string): string {
  return `IF(AND(ISNUMBER(${current}),ISNUMBER(${previous})),(${current}-${previous})*100,"${NA}")`;
}

/** A number, or "n.a." for the engine's null. */
function valueOrNa(v: number | null): number | string {
  return v === null ? NA : v;
}

function reviewTitle(model: ReviewModel): string {
  const L = label(model.lang);
  const { period, previousPeriod } = model.scorecard;
  const when = isFullYear(period) ? `${monthYear(period.from)}${L("yearSuffix")}` : formatPeriod(period);
  const against = isFullYear(previousPeriod) ? `${monthYear(previousPeriod.from)}` : formatPeriod(previousPeriod);
  const range = isFullYear(period) ? ` · ${formatPeriod(period)}` : "";
  return model.lang === "zh" ? `${when} ${L("reviewTitle")}${range} · ${L("comparedWith")} ${against}` : `${L("reviewTitle")} ${when}${range} · ${L("comparedWith")} ${against}`;
}

function generatedAtText(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

/** Rows where the status word sits, coloured by meaning: met green, close amber, missed red. */
function statusColours(b: SheetBuilder, range: string, lang: Lang) {
  b.conditional({ range, rule: { kind: "textEquals", text: statusLabel("green", lang) }, colour: "good" });
  b.conditional({ range, rule: { kind: "textEquals", text: statusLabel("amber", lang) }, colour: "warn" });
  b.conditional({ range, rule: { kind: "textEquals", text: statusLabel("red", lang) }, colour: "bad" });
}

/** Colours a change cell green when it moves the metric's good way, red otherwise. */
function changeColours(b: SheetBuilder, cell: string, direction: "higher" | "lower") {
  const up = `AND(ISNUMBER(${cell}),${cell}>0)`;
  const down = `AND(ISNUMBER(${cell}),${cell}<0)`;
  b.conditional({ range: cell, rule: { kind: "formula", formula: direction === "higher" ? up : down }, colour: "good" });
  b.conditional({ range: cell, rule: { kind: "formula", formula: direction === "higher" ? down : up }, colour: "bad" });
}

function reviewSheet(model: ReviewModel): SheetSpec {
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
  const percent = (v: number) => `${Math.round(v * 100)}%`;
  b.banner(lastMetricRow + 1, 0, 9, L("scorecardNote").replace("{green}", percent(green)).replace("{amber}", percent(amber)), "note");

  // 2. Highlights
  let row = lastMetricRow + 3;
  b.banner(row++, 0, 9, L("sectionInsights"), "section");
  for (const insight of generateInsights(model)) {
    const marker = insight.tone === "good" ? "✓ " : insight.tone === "bad" ? "! " : "• ";
    b.banner(row++, 0, 9, marker + insight.text, insight.tone === "good" ? "insightGood" : insight.tone === "bad" ? "insightBad" : "insightNeutral");
  }

  // 3. GMV drivers
  const { drivers } = scorecard;
  if (drivers.effects && drivers.previous !== null && drivers.actual !== null) {
    row += 1;
    b.banner(row++, 0, 9, L("sectionDrivers"), "section");
    // Item in A, amount in C, share of the change in D (B is the narrow unit column above).
    const AMOUNT = 2;
    const SHARE = 3;
    b.value(row, 0, L("item"), "header").value(row, 1, "", "header").value(row, AMOUNT, L("amount"), "header").value(row, SHARE, L("shareOfChange"), "header");
    row++;
    const first = row;
    const money = amountFormat(Math.max(drivers.previous, drivers.actual), lang, true);
    const items: Array<[StringKey, number]> = [
      ["gmvPrevious", drivers.previous],
      ["effectVisitors", drivers.effects.visitors],
      ["effectConversion", drivers.effects.conversion],
      ["effectAov", drivers.effects.aov],
      ["gmvActual", drivers.actual],
    ];
    const delta = drivers.actual - drivers.previous;
    const change = `(${a1(first + 4, AMOUNT)}-${a1(first, AMOUNT)})`;
    items.forEach(([key, amount], i) => {
      b.value(row, 0, L(key), "label");
      b.value(row, AMOUNT, amount, "value", money);
      if (i >= 1 && i <= 3) {
        b.formula(row, SHARE, `IF(${change}=0,"${NA}",${a1(row, AMOUNT)}/${change})`, delta === 0 ? NA : amount / delta, SIGNED_PERCENT);
        changeColours(b, a1(row, AMOUNT), "higher");
      }
      row++;
    });
    b.value(row, 0, L("check"), "note");
    b.formula(row, AMOUNT, `${a1(first, AMOUNT)}+SUM(${rangeA1(first + 1, AMOUNT, first + 3, AMOUNT)})`, drivers.previous + drivers.effects.visitors + drivers.effects.conversion + drivers.effects.aov, money);
    row++;
    b.banner(row++, 0, 9, L("driversNote"), "note");

    // Bridge chart: a stacked column whose invisible base lifts each effect to where the previous one ended.
    const dataRow = first - 1;
    b.value(dataRow - 1, 11, L("chartData"), "note");
    b.headers(dataRow, 11, [L("item"), L("bridgeBase"), L("bridgeUp"), L("bridgeDown"), L("bridgeTotal")]);
    const steps = [drivers.effects.visitors, drivers.effects.conversion, drivers.effects.aov];
    let level = drivers.previous;
    const bars: Array<[string, number, number, number, number]> = [[L("gmvPrevious"), 0, 0, 0, drivers.previous]];
    ["effectVisitors", "effectConversion", "effectAov"].forEach((key, k) => {
      const step = steps[k];
      const next = level + step;
      bars.push([L(key as StringKey), Math.min(level, next), Math.max(step, 0), Math.max(-step, 0), 0]);
      level = next;
    });
    bars.push([L("gmvActual"), 0, 0, 0, drivers.actual]);
    bars.forEach((bar, i) => {
      b.value(first + i, 11, bar[0], "label");
      for (let k = 1; k <= 4; k++) b.value(first + i, 11 + k, bar[k], "value", money);
    });
    const series = (col: number, colour: string, key: StringKey): ChartSpec["series"][number] => ({
      name: { ref: a1(dataRow, col) },
      values: rangeA1(first, col, first + 4, col),
      cache: bars.map((bar) => bar[col - 11] as number),
      colour,
      labels: key === "bridgeBase" ? undefined : money,
    });
    b.chart({
      kind: "stackedColumn",
      title: L("bridgeTitle"),
      categories: rangeA1(first, 11, first + 4, 11),
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

function trendSheet(model: ReviewModel): SheetSpec | null {
  const trend = model.trend;
  if (!trend) return null;
  const { lang } = model;
  const L = label(lang);
  const b = new SheetBuilder(L("sheetTrend"));
  const m = trend.metric;
  const money = unitFormat(m.unit, Math.max(...trend.rows.map((r) => Math.abs(r.actual ?? 0))), lang);
  b.widths([10, 13, 13, 16, 9, 9, 16, 16, 22, 14]);
  b.banner(0, 0, 9, `${L("trendTitle")} · ${name(m, lang)} · ${formatPeriod(model.scorecard.period)}`, "title");
  b.headers(2, 0, [L("month"), L("actual"), L("target"), L("previous"), L("mom"), L("growth"), L("cumulativeActual"), L("cumulativePlan"), L("cumulativeAttainment"), L("timeProgress")]);
  const first = 3;
  const last = first + trend.rows.length - 1;
  const totalRow = last + 1;
  const planTotal = trend.plan ? trend.plan.reduce((s, v) => s + v, 0) : null;
  let cumulative = 0;
  let cumulativePlan = 0;
  trend.rows.forEach((t, i) => {
    const r = first + i;
    const [B, C, D] = [a1(r, 1), a1(r, 2), a1(r, 3)];
    b.value(r, 0, formatMonth(t.month), "label");
    b.value(r, 1, valueOrNa(t.actual), "value", money);
    b.value(r, 2, trend.plan ? trend.plan[i] : null, "value", money);
    b.value(r, 3, valueOrNa(t.previous), "value", money);
    if (i === 0) b.value(r, 4, valueOrNa(t.mom), "value", SIGNED_PERCENT);
    else {
      const P = a1(r - 1, 1);
      b.formula(r, 4, growthFormula(B, P), valueOrNa(t.mom), SIGNED_PERCENT);
    }
    b.formula(r, 5, growthFormula(B, D), valueOrNa(t.yoy), SIGNED_PERCENT);
    changeColours(b, a1(r, 4), m.direction);
    changeColours(b, a1(r, 5), m.direction);
    cumulative += t.actual ?? 0;
    b.formula(r, 6, `SUM(${a1(first, 1, true)}:${B})`, cumulative, money);
    if (trend.plan) {
      cumulativePlan += trend.plan[i];
      b.formula(r, 7, `SUM(${a1(first, 2, true)}:${C})`, cumulativePlan, money);
      b.formula(r, 8, `${a1(r, 6)}/${a1(totalRow, 2, true)}`, cumulative / planTotal!, PERCENT);
    }
    b.value(r, 9, trend.progress[i] / 12, "value", PERCENT);
  });
  b.value(totalRow, 0, L("total"), "total");
  const sum = (col: number) => `SUM(${rangeA1(first, col, last, col)})`;
  const actualTotal = trend.rows.reduce((s, r) => s + (r.actual ?? 0), 0);
  const previousTotal = trend.rows.every((r) => r.previous !== null) ? trend.rows.reduce((s, r) => s + r.previous!, 0) : null;
  b.formula(totalRow, 1, sum(1), actualTotal, money, "total");
  if (planTotal !== null) b.formula(totalRow, 2, sum(2), planTotal, money, "total");
  if (previousTotal !== null) {
    b.formula(totalRow, 3, sum(3), previousTotal, money, "total");
    b.formula(totalRow, 5, `IF(${a1(totalRow, 3)}=0,"${NA}",(${a1(totalRow, 1)}-${a1(totalRow, 3)})/ABS(${a1(totalRow, 3)}))`, previousTotal === 0 ? NA : (actualTotal - previousTotal) / Math.abs(previousTotal), SIGNED_PERCENT, "total");
  }
  const note = trend.planSource === "monthly" ? "planMonthly" : trend.planSource === "split" ? "planSplit" : trend.planSource === "even" ? "planEven" : null;
  if (note) b.banner(totalRow + 1, 0, 9, L(note), "note");
  const months = trend.rows.map((r) => formatMonth(r.month));
  const series: ChartSpec["series"] = [
    { name: { ref: a1(2, 1) }, values: rangeA1(first, 1, last, 1), cache: trend.rows.map((r) => r.actual ?? 0), as: "column", colour: COLOURS.ac },
    { name: { ref: a1(2, 3) }, values: rangeA1(first, 3, last, 3), cache: trend.rows.map((r) => r.previous ?? 0), as: "column", colour: COLOURS.py },
  ];
  if (trend.plan) series.push({ name: { ref: a1(2, 2) }, values: rangeA1(first, 2, last, 2), cache: trend.plan, as: "line", colour: COLOURS.pl });
  b.chart({ kind: "columnLine", title: `${name(m, lang)}: ${L("actual")} / ${L("previous")} / ${L("target")}`, categories: rangeA1(first, 0, last, 0), categoryCache: months, series, anchor: { row: totalRow + 3, col: 0, rows: 18, cols: 10 }, valueFormat: money });
  b.sheet.freeze = { rows: 3, cols: 1 };
  b.sheet.print = { landscape: true, fitToWidth: true, repeatRows: { from: 2, to: 2 } };
  return b.sheet;
}

function channelSheet(model: ReviewModel): SheetSpec | null {
  const { shares, roi, monthlyTraffic } = model.channels;
  if (shares.length === 0 && roi.length === 0) return null;
  const { lang } = model;
  const L = label(lang);
  const b = new SheetBuilder(L("sheetChannels"));
  b.widths([24, 12, 16, 12, 12, 12, 12, 12]);
  b.banner(0, 0, 7, `${L("channelsTitle")} · ${formatPeriod(model.scorecard.period)} · ${L("comparedWith")} ${formatPeriod(model.scorecard.previousPeriod)}`, "title");
  b.headers(2, 0, [L("channelIndicator"), L("actual"), L("previous"), L("change")]);
  let row = 3;
  const shareRows: number[] = [];
  for (const m of [...shares, ...roi]) {
    const [B, C] = [a1(row, 1), a1(row, 2)];
    const isShare = m.unit === "%";
    b.value(row, 0, name(m, lang), "label");
    b.value(row, 1, valueOrNa(m.actual), "value", isShare ? PERCENT : "0.00");
    b.value(row, 2, valueOrNa(m.previous), "value", isShare ? PERCENT : "0.00");
    if (isShare) {
      b.formula(row, 3, ppFormula(B, C), m.ppChange === null ? NA : m.ppChange * 100, PP);
      shareRows.push(row);
    } else {
      b.formula(row, 3, growthFormula(B, C), valueOrNa(m.growth), SIGNED_PERCENT);
      changeColours(b, a1(row, 3), m.direction);
    }
    row++;
  }
  if (shareRows.length > 0) {
    const firstShare = shareRows[0];
    const lastShare = shareRows[shareRows.length - 1];
    const shareMetrics = shares;
    b.chart({
      kind: "bar",
      title: L("sharesChartTitle"),
      categories: rangeA1(firstShare, 0, lastShare, 0),
      categoryCache: shareMetrics.map((m) => name(m, lang)),
      series: [
        { name: { ref: a1(2, 1) }, values: rangeA1(firstShare, 1, lastShare, 1), cache: shareMetrics.map((m) => m.actual ?? 0), colour: COLOURS.ac, labels: PERCENT },
        { name: { ref: a1(2, 2) }, values: rangeA1(firstShare, 2, lastShare, 2), cache: shareMetrics.map((m) => m.previous ?? 0), colour: COLOURS.py, labels: PERCENT },
      ],
      anchor: { row: 2, col: 5, rows: Math.max(12, shareRows.length * 2 + 4), cols: 7 },
      valueFormat: PERCENT,
    });
  }
  if (monthlyTraffic) {
    row = Math.max(row + 1, 3 + Math.max(12, shareRows.length * 2 + 4) + 1);
    b.banner(row++, 0, 7, L("monthlyTrafficTitle"), "section");
    b.headers(row, 0, [L("month"), ...monthlyTraffic.channels]);
    const header = row++;
    const first = row;
    monthlyTraffic.months.forEach((month, i) => {
      b.value(row, 0, formatMonth(month), "label");
      monthlyTraffic.shares[i].forEach((v, c) => b.value(row, 1 + c, valueOrNa(v), "value", PERCENT));
      row++;
    });
    b.chart({
      kind: "stackedColumn",
      title: L("monthlyTrafficTitle"),
      categories: rangeA1(first, 0, row - 1, 0),
      categoryCache: monthlyTraffic.months.map(formatMonth),
      series: monthlyTraffic.channels.map((_, c) => ({
        name: { ref: a1(header, 1 + c) },
        values: rangeA1(first, 1 + c, row - 1, 1 + c),
        cache: monthlyTraffic.shares.map((s) => s[c] ?? 0),
        labels: PERCENT,
      })),
      anchor: { row: header, col: 5, rows: 16, cols: 7 },
      valueFormat: PERCENT,
    });
  }
  b.sheet.print = { landscape: true, fitToWidth: true };
  return b.sheet;
}

function groupBlock(b: SheetBuilder, startRow: number, title: string, groups: GroupSummary[], lang: Lang): { first: number; last: number } {
  const L = label(lang);
  b.banner(startRow, 0, 6, title, "section");
  b.headers(startRow + 1, 0, [title, L("customersCol"), L("shareCol"), L("revenueCol"), L("revenueShareCol"), L("averageSpendCol"), L("repeatShareCol")]);
  const first = startRow + 2;
  const last = first + groups.length - 1;
  const money = amountFormat(Math.max(...groups.map((g) => g.revenue)), lang, false);
  groups.forEach((g, i) => {
    const r = first + i;
    const [B, D] = [a1(r, 1), a1(r, 3)];
    b.value(r, 0, lang === "zh" ? g.nameZh : g.name, "label");
    b.value(r, 1, g.customers, "value", INTEGER);
    b.formula(r, 2, `${B}/SUM(${a1(first, 1, true)}:${a1(last, 1, true)})`, g.share, PERCENT);
    b.value(r, 3, g.revenue, "value", money);
    b.formula(r, 4, `${D}/SUM(${a1(first, 3, true)}:${a1(last, 3, true)})`, g.revenueShare, PERCENT);
    b.formula(r, 5, `IF(${B}=0,"${NA}",${D}/${B})`, g.averageSpend === null ? NA : g.averageSpend, "#,##0.00");
    b.value(r, 6, g.repeatShare === null ? NA : g.repeatShare, "value", PERCENT);
  });
  b.value(last + 1, 0, L("total"), "total");
  b.formula(last + 1, 1, `SUM(${rangeA1(first, 1, last, 1)})`, groups.reduce((s, g) => s + g.customers, 0), INTEGER, "total");
  b.formula(last + 1, 3, `SUM(${rangeA1(first, 3, last, 3)})`, groups.reduce((s, g) => s + g.revenue, 0), money, "total");
  return { first, last };
}

function customerSheets(model: ReviewModel): SheetSpec[] {
  const customers = model.customers;
  if (!customers) return [];
  const { lang } = model;
  const L = label(lang);
  const b = new SheetBuilder(L("sheetCustomers"));
  b.widths([24, 11, 9, 11, 14, 12, 13, 3, 12, 12, 12, 12, 12, 12]);
  const { scores } = customers;
  const asOf = new Date(scores.asOf * 86400000).toISOString().slice(0, 10);
  b.banner(0, 0, 6, `${L("customersTitle")} · ${L("asOf")} ${asOf} · ${L("customersCol")} ${scores.count.toLocaleString("en-US")} · ${L("ordersCol")} ${scores.orders.toLocaleString("en-US")}`, "title");
  const tiers = groupBlock(b, 2, L("tierCol"), customers.tiers, lang);
  const classes = groupBlock(b, tiers.last + 3, L("class8Col"), customers.class8, lang);
  const segments = groupBlock(b, classes.last + 3, L("segmentCol"), customers.segments, lang);
  b.chart({
    kind: "doughnut",
    title: L("tierChartTitle"),
    categories: rangeA1(tiers.first, 0, tiers.last, 0),
    categoryCache: customers.tiers.map((g) => (lang === "zh" ? g.nameZh : g.name)),
    series: [{ name: { ref: a1(tiers.first - 1, 1) }, values: rangeA1(tiers.first, 1, tiers.last, 1), cache: customers.tiers.map((g) => g.customers), labels: INTEGER }],
    anchor: { row: 2, col: 8, rows: 16, cols: 6 },
  });
  b.chart({
    kind: "bar",
    title: L("segmentChartTitle"),
    categories: rangeA1(segments.first, 0, segments.last, 0),
    categoryCache: customers.segments.map((g) => (lang === "zh" ? g.nameZh : g.name)),
    series: [{ name: { ref: a1(segments.first - 1, 1) }, values: rangeA1(segments.first, 1, segments.last, 1), cache: customers.segments.map((g) => g.customers), colour: COLOURS.ac, labels: INTEGER }],
    anchor: { row: 19, col: 8, rows: 24, cols: 6 },
  });
  b.sheet.print = { landscape: true, fitToWidth: true };

  const list = new SheetBuilder(L("sheetCustomerList"));
  list.widths([14, 13, 10, 13, 5, 5, 5, 20, 16, 10]);
  list.table({
    name: lang === "zh" ? "客户明细表" : "CustomerList",
    row: 0,
    col: 0,
    header: [L("customerId"), L("recency"), L("frequency"), L("monetary"), "R", "F", "M", L("segmentCol"), L("class8Col"), L("tierCol")],
    rows: Array.from({ length: scores.count }, (_, k) => [
      customers.orders.customerIds[scores.source[k]],
      scores.recency[k],
      scores.frequency[k],
      scores.monetary[k],
      scores.r[k],
      scores.f[k],
      scores.m[k],
      lang === "zh" ? SEGMENTS[scores.segment[k]].nameZh : SEGMENTS[scores.segment[k]].name,
      lang === "zh" ? class8Name(scores.class8[k]).nameZh : class8Name(scores.class8[k]).name,
      lang === "zh" ? TIERS[scores.tier[k]].nameZh : TIERS[scores.tier[k]].name,
    ]),
    formats: [undefined, INTEGER, INTEGER, "#,##0.00", "0", "0", "0"],
  });
  list.sheet.freeze = { rows: 1, cols: 1 };
  list.sheet.print = { landscape: true, fitToWidth: true, repeatRows: { from: 0, to: 0 } };
  return [b.sheet, list.sheet];
}

function targetSplitSheet(model: ReviewModel): SheetSpec | null {
  const split = model.targetSplit;
  if (!split) return null;
  const { lang } = model;
  const L = label(lang);
  const b = new SheetBuilder(L("sheetNextTargets"));
  const m = split.metric;
  const money = unitFormat(m.unit, Math.max(...split.values), lang);
  b.widths([10, 16, 10, 16]);
  b.banner(0, 0, 5, `${L("nextTargetsTitle")} · ${name(m, lang)} · ${formatPeriod({ from: split.months[0], to: split.months[split.months.length - 1] })}`, "title");
  b.headers(2, 0, [L("month"), L("basis"), L("seasonShare"), L("nextTarget")]);
  const first = 3;
  const last = first + split.months.length - 1;
  const weightTotal = split.weights.reduce((s, w) => s + w, 0);
  split.months.forEach((month, i) => {
    const r = first + i;
    b.value(r, 0, formatMonth(month), "label");
    b.value(r, 1, split.weights[i], "value", money);
    b.formula(r, 2, `${a1(r, 1)}/SUM(${a1(first, 1, true)}:${a1(last, 1, true)})`, split.weights[i] / weightTotal, PERCENT);
    b.value(r, 3, split.values[i], "value", money);
  });
  b.value(last + 1, 0, L("total"), "total");
  b.formula(last + 1, 1, `SUM(${rangeA1(first, 1, last, 1)})`, weightTotal, money, "total");
  b.formula(last + 1, 3, `SUM(${rangeA1(first, 3, last, 3)})`, split.target, money, "total");
  b.banner(last + 2, 0, 5, L("nextTargetNote"), "note");
  b.chart({
    kind: "column",
    title: L("nextTargetsTitle"),
    categories: rangeA1(first, 0, last, 0),
    categoryCache: split.months.map(formatMonth),
    series: [{ name: { ref: a1(2, 3) }, values: rangeA1(first, 3, last, 3), cache: split.values, colour: COLOURS.ac }],
    anchor: { row: 2, col: 5, rows: 16, cols: 8 },
    valueFormat: money,
  });
  b.sheet.print = { landscape: true, fitToWidth: true };
  return b.sheet;
}

/** The review as a workbook description, in the order a manager reads. */
export function reviewWorkbook(model: ReviewModel): WorkbookSpec {
  const sheets = [reviewSheet(model), trendSheet(model), channelSheet(model), ...customerSheets(model), targetSplitSheet(model)].filter((s): s is SheetSpec => s !== null);
  return { generator: GENERATOR, sheets };
}
