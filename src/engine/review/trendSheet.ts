/** The monthly trend: AC, PL, PY, MoM, YoY, cumulative attainment against time progress, and its chart. */
import { formatMonth } from "../read/month";
import { formatPeriod } from "../kpi/scorecard";
import type { StringKey } from "../../i18n/strings";
import { type ReviewModel, type TrendSection } from "./reviewModel";
import { a1, rangeA1, SheetBuilder } from "./sheetBuilder";
import { type ChartSpec, type SheetSpec } from "./workbookSpec";
import { PERCENT, SIGNED_PERCENT, unitFormat } from "./numberFormats";
import { changeColours, COLOURS, growthFormula, label, NA, name, valueOrNa } from "./sheetParts";

export function trendSheet(model: ReviewModel): SheetSpec | null {
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
  // Cumulative attainment divides by the whole target period's PL (the full year when Jan–Sep is reviewed
  // against an annual target), written below the total where it differs from the months shown.
  const fullRow = trend.plan && trend.planFull !== null && trend.planFull !== planTotal ? totalRow + 1 : null;
  const denominator = fullRow !== null ? a1(fullRow, 2, true) : a1(totalRow, 2, true);
  const planFull = fullRow !== null ? trend.planFull! : planTotal;
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
      b.formula(r, 8, `IF(${denominator}=0,"${NA}",${a1(r, 6)}/${denominator})`, planFull === 0 ? NA : cumulative / planFull!, PERCENT);
    }
    b.value(r, 9, trend.progress[i] / trend.progressMonths, "value", PERCENT);
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
  if (fullRow !== null) {
    b.value(fullRow, 0, L("targetFullYear"), "label");
    b.value(fullRow, 2, trend.planFull, "value", money);
  }
  const notes: Record<NonNullable<TrendSection["planSource"]>, StringKey> = { monthly: "planMonthly", split: "planSplit", even: "planEven", yearSplit: "planYearSplit", yearEven: "planYearEven" };
  const noteRow = (fullRow ?? totalRow) + 1;
  if (trend.planSource) b.banner(noteRow, 0, 9, L(notes[trend.planSource]), "note");
  const months = trend.rows.map((r) => formatMonth(r.month));
  const series: ChartSpec["series"] = [
    { name: { ref: a1(2, 1) }, values: rangeA1(first, 1, last, 1), cache: trend.rows.map((r) => r.actual ?? 0), as: "column", colour: COLOURS.ac },
    { name: { ref: a1(2, 3) }, values: rangeA1(first, 3, last, 3), cache: trend.rows.map((r) => r.previous ?? 0), as: "column", colour: COLOURS.py },
  ];
  if (trend.plan) series.push({ name: { ref: a1(2, 2) }, values: rangeA1(first, 2, last, 2), cache: trend.plan, as: "line", colour: COLOURS.pl });
  b.chart({ kind: "columnLine", title: `${name(m, lang)}: ${L("actual")} / ${L("previous")} / ${L("target")}`, categories: rangeA1(first, 0, last, 0), categoryCache: months, series, anchor: { row: noteRow + 2, col: 0, rows: 18, cols: 10 }, valueFormat: money });
  b.sheet.freeze = { rows: 3, cols: 1 };
  b.sheet.print = { landscape: true, fitToWidth: true, repeatRows: { from: 2, to: 2 } };
  return b.sheet;
}
