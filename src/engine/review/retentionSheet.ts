/**
 * 新老客与留存 / Customers over time: new and returning buyers and GMV by month with each group's AOV, the
 * cohort retention matrix with a colour scale and its size-weighted average, and the LTV curve per cohort.
 */
import { formatMonth } from "../read/month";
import { formatPeriod } from "../kpi/scorecard";
import type { CohortRow } from "../orders/customersOverTime";
import { type ReviewModel } from "./reviewModel";
import { a1, rangeA1, SheetBuilder } from "./sheetBuilder";
import { type SheetSpec } from "./workbookSpec";
import { amountFormat, DECIMAL, INTEGER, PERCENT } from "./numberFormats";
import { COLOURS, label, NA } from "./sheetParts";

/** At most this many cohorts are drawn in the LTV chart: the quarters' first months among those shown. */
export const LTV_CHART_COHORTS = 8;

export function ltvChartCohorts(cohorts: readonly CohortRow[]): number[] {
  const quarterStarts = cohorts.map((c, i) => ({ c, i })).filter(({ c }) => (Number(c.cohort.slice(5, 7)) - 1) % 3 === 0);
  const pool = quarterStarts.length >= 2 ? quarterStarts.map(({ i }) => i) : cohorts.map((_, i) => i);
  return pool.slice(-LTV_CHART_COHORTS);
}

export function retentionSheet(model: ReviewModel): SheetSpec | null {
  const section = model.customersOverTime;
  if (!section) return null;
  const { lang } = model;
  const L = label(lang);
  const b = new SheetBuilder(L("sheetRetention"));
  b.widths([17, 12, 16, 10, 12, 14, 12, 12, 14, 14, 10, 10, 10, 10, 10]);
  b.banner(0, 0, 10, `${L("retentionTitle")} · ${formatPeriod(model.scorecard.period)}`, "title");

  // 1. New and returning by month.
  b.banner(2, 0, 10, L("sectionNewReturning"), "section");
  const header = 3;
  b.headers(header, 0, [L("month"), L("newBuyers"), L("returningBuyers"), L("buyersCol"), L("newGmv"), L("returningGmv"), "GMV", L("newAov"), L("returningAov"), L("newGmvShare")]);
  const first = header + 1;
  const rows = [...section.months.map((m) => ({ label: formatMonth(m.month), ...m })), { label: L("periodDistinct"), ...section.period }];
  const money = amountFormat(Math.max(...rows.map((r) => r.newGmv + r.returningGmv)), lang, true);
  const ratio = (part: string, whole: string) => `IF(${whole}=0,"${NA}",${part}/${whole})`;
  const div = (x: number, y: number) => (y === 0 ? NA : x / y);
  rows.forEach((m, i) => {
    const r = first + i;
    const style = i === rows.length - 1 ? "total" : "value";
    b.value(r, 0, m.label, i === rows.length - 1 ? "total" : "label");
    b.value(r, 1, m.newBuyers, style, INTEGER);
    b.value(r, 2, m.returningBuyers, style, INTEGER);
    b.formula(r, 3, `${a1(r, 1)}+${a1(r, 2)}`, m.newBuyers + m.returningBuyers, INTEGER, style === "total" ? "total" : "formula");
    b.value(r, 4, m.newGmv, style, money);
    b.value(r, 5, m.returningGmv, style, money);
    b.formula(r, 6, `${a1(r, 4)}+${a1(r, 5)}`, m.newGmv + m.returningGmv, money, style === "total" ? "total" : "formula");
    b.formula(r, 7, ratio(a1(r, 4), a1(r, 1)), div(m.newGmv, m.newBuyers), DECIMAL);
    b.formula(r, 8, ratio(a1(r, 5), a1(r, 2)), div(m.returningGmv, m.returningBuyers), DECIMAL);
    b.formula(r, 9, ratio(a1(r, 4), a1(r, 6)), div(m.newGmv, m.newGmv + m.returningGmv), PERCENT);
  });
  let row = first + rows.length;
  b.banner(row++, 0, 10, L("newReturningNote"), "note");
  if (section.historyMonths < 12) b.banner(row++, 0, 10, L("overCountNote").replace("{months}", String(Math.max(0, section.historyMonths))), "insightBad");
  const lastMonthRow = first + section.months.length - 1;
  b.chart({
    kind: "stackedColumn",
    title: L("newReturningChartTitle"),
    categories: rangeA1(first, 0, lastMonthRow, 0),
    categoryCache: section.months.map((m) => formatMonth(m.month)),
    series: [
      { name: { ref: a1(header, 4) }, values: rangeA1(first, 4, lastMonthRow, 4), cache: section.months.map((m) => m.newGmv), colour: "ED7D31" },
      { name: { ref: a1(header, 5) }, values: rangeA1(first, 5, lastMonthRow, 5), cache: section.months.map((m) => m.returningGmv), colour: COLOURS.ac },
    ],
    anchor: { row: header, col: 11, rows: Math.max(16, rows.length + 2), cols: 7 },
    valueFormat: money,
  });
  row = Math.max(row, header + Math.max(16, rows.length + 2)) + 1;

  // 2. Cohort retention matrix.
  const { cohorts, maxOffset } = section;
  if (cohorts.length > 0) {
    b.banner(row++, 0, 10, L("sectionCohorts"), "section");
    const matrixHeader = row++;
    const offsets = Array.from({ length: maxOffset + 1 }, (_, k) => k);
    b.headers(matrixHeader, 0, [L("cohortCol"), L("customersCol"), ...offsets.map((k) => `M${k}`)]);
    const top = row;
    cohorts.forEach((c) => {
      b.value(row, 0, c.cohort, "label");
      b.value(row, 1, c.customers, "value", INTEGER);
      c.retention.forEach((v, k) => b.value(row, 2 + k, v, "value", PERCENT));
      row++;
    });
    const bottom = row - 1;
    b.conditional({ range: rangeA1(top, 3, bottom, 2 + maxOffset), rule: { kind: "colorScale", low: "FFFFFF", high: "5B9BD5" } });
    b.value(row, 0, L("averageRetention"), "total");
    const sizes = rangeA1(top, 1, bottom, 1).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    section.averageRetention.forEach(({ offset, value }) => {
      const cells = rangeA1(top, 2 + offset, bottom, 2 + offset);
      const reached = `SUMPRODUCT(${sizes}*(${cells}<>""))`;
      b.formula(row, 2 + offset, `IF(${reached}=0,"${NA}",SUMPRODUCT(${sizes},${cells})/${reached})`, value === null ? NA : value, PERCENT, "total");
    });
    row += 2;

    // 3. LTV curve.
    b.banner(row++, 0, 10, L("sectionLtv"), "section");
    const ltvHeader = row++;
    b.headers(ltvHeader, 0, [L("cohortCol"), L("customersCol"), ...offsets.map((k) => `M${k}`)]);
    const ltvTop = row;
    const ltvMoney = amountFormat(Math.max(...cohorts.flatMap((c) => c.ltv)), lang, false);
    cohorts.forEach((c) => {
      b.value(row, 0, c.cohort, "label");
      b.value(row, 1, c.customers, "value", INTEGER);
      c.ltv.forEach((v, k) => b.value(row, 2 + k, v, "value", ltvMoney));
      row++;
    });
    const chosen = ltvChartCohorts(cohorts);
    b.chart({
      kind: "line",
      title: L("ltvChartTitle"),
      categories: rangeA1(ltvHeader, 2, ltvHeader, 2 + maxOffset),
      categoryCache: offsets.map((k) => `M${k}`),
      series: chosen.map((i) => ({
        name: { ref: a1(ltvTop + i, 0) },
        values: rangeA1(ltvTop + i, 2, ltvTop + i, 2 + maxOffset),
        cache: offsets.map((k) => cohorts[i].ltv[k] ?? 0),
      })),
      anchor: { row: row + 1, col: 0, rows: 18, cols: 11 },
      valueFormat: ltvMoney,
    });
  }
  b.sheet.print = { landscape: true, fitToWidth: true, repeatRows: { from: 0, to: 0 } };
  return b.sheet;
}
