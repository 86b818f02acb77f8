/**
 * 品类 / Categories: GMV this period and last year, share, pp change of share, YoY, the contribution to the
 * change in GMV (Δᵢ = ACᵢ − PYᵢ, adding up to ΔGMV exactly) and its share, with a contribution chart and the
 * monthly GMV mix (the largest categories, the rest as "others").
 */
import { formatMonth } from "../read/month";
import { formatPeriod } from "../kpi/scorecard";
import { growth } from "../kpi/compare";
import { type ReviewModel } from "./reviewModel";
import { a1, rangeA1, SheetBuilder } from "./sheetBuilder";
import { type SheetSpec } from "./workbookSpec";
import { amountFormat, PERCENT, PP, SIGNED_PERCENT } from "./numberFormats";
import { changeColours, COLOURS, growthFormula, label, NA, ppFormula, valueOrNa } from "./sheetParts";

/** Categories drawn one by one in the monthly mix; the rest are summed as "others". */
export const MIX_CATEGORIES = 7;

export function categorySheet(model: ReviewModel): SheetSpec | null {
  const section = model.categories;
  if (!section) return null;
  const { lang } = model;
  const L = label(lang);
  const b = new SheetBuilder(L("sheetCategories"));
  b.widths([16, 13, 15, 11, 11, 11, 10, 24, 12]);
  b.banner(0, 0, 8, `${L("categoriesTitle")} · ${formatPeriod(model.scorecard.period)} · ${L("comparedWith")} ${formatPeriod(model.scorecard.previousPeriod)}`, "title");
  const header = 2;
  b.headers(header, 0, [L("categoryCol"), "GMV", L("previousGmv"), L("gmvShare"), L("previousShare"), L("ppChange"), L("growth"), L("gmvContribution"), L("contributionShare")]);
  const rows = section.rows;
  const first = header + 1;
  const last = first + rows.length - 1;
  const total = last + 1;
  const totalGmv = rows.reduce((s, r) => s + r.gmv, 0);
  const totalPrevious = rows.reduce((s, r) => s + r.previous, 0);
  const delta = totalGmv - totalPrevious;
  const money = amountFormat(Math.max(totalGmv, totalPrevious), lang, true);
  const ratio = (part: string, whole: string) => `IF(${whole}=0,"${NA}",${part}/${whole})`;
  const share = (part: number, whole: number) => (whole === 0 ? NA : part / whole);
  rows.forEach((c, i) => {
    const r = first + i;
    b.value(r, 0, c.category, "label");
    b.value(r, 1, c.gmv, "value", money);
    b.value(r, 2, c.previous, "value", money);
    b.formula(r, 3, ratio(a1(r, 1), a1(total, 1, true)), share(c.gmv, totalGmv), PERCENT);
    b.formula(r, 4, ratio(a1(r, 2), a1(total, 2, true)), share(c.previous, totalPrevious), PERCENT);
    const ac = share(c.gmv, totalGmv);
    const py = share(c.previous, totalPrevious);
    b.formula(r, 5, ppFormula(a1(r, 3), a1(r, 4)), typeof ac === "number" && typeof py === "number" ? (ac - py) * 100 : NA, PP);
    b.formula(r, 6, growthFormula(a1(r, 1), a1(r, 2)), valueOrNa(growth(c.gmv, c.previous)), SIGNED_PERCENT);
    b.formula(r, 7, `${a1(r, 1)}-${a1(r, 2)}`, c.gmv - c.previous, money);
    b.formula(r, 8, ratio(a1(r, 7), a1(total, 7, true)), share(c.gmv - c.previous, delta), SIGNED_PERCENT);
    changeColours(b, a1(r, 6), "higher");
    changeColours(b, a1(r, 7), "higher");
  });
  b.value(total, 0, L("total"), "total");
  b.formula(total, 1, `SUM(${rangeA1(first, 1, last, 1)})`, totalGmv, money, "total");
  b.formula(total, 2, `SUM(${rangeA1(first, 2, last, 2)})`, totalPrevious, money, "total");
  b.formula(total, 6, growthFormula(a1(total, 1), a1(total, 2)), valueOrNa(growth(totalGmv, totalPrevious)), SIGNED_PERCENT, "total");
  b.formula(total, 7, `SUM(${rangeA1(first, 7, last, 7)})`, rows.reduce((s, r) => s + (r.gmv - r.previous), 0), money, "total");
  b.banner(total + 1, 0, 8, L("categoriesNote"), "note");
  b.chart({
    kind: "bar",
    title: L("contributionChartTitle"),
    categories: rangeA1(first, 0, last, 0),
    categoryCache: rows.map((r) => r.category),
    series: [{ name: { ref: a1(header, 7) }, values: rangeA1(first, 7, last, 7), cache: rows.map((r) => r.gmv - r.previous), colour: COLOURS.ac, labels: money }],
    anchor: { row: header, col: 10, rows: Math.max(14, rows.length + 4), cols: 7 },
    valueFormat: money,
  });

  // Monthly mix: the largest categories, the rest summed.
  let row = Math.max(total + 3, header + Math.max(14, rows.length + 4) + 2);
  b.banner(row++, 0, 8, L("monthlyMixTitle"), "section");
  const shown = rows.slice(0, MIX_CATEGORIES).map((r) => r.category);
  const hasOthers = rows.length > MIX_CATEGORIES;
  const columns = hasOthers ? [...shown, L("othersCategory")] : shown;
  const mixHeader = row++;
  b.headers(mixHeader, 0, [L("month"), ...columns, L("total")]);
  const mixFirst = row;
  const values = section.monthly.map((m) => (hasOthers ? [...m.slice(0, MIX_CATEGORIES), m.slice(MIX_CATEGORIES).reduce((s, v) => s + v, 0)] : m));
  const monthMoney = amountFormat(Math.max(...values.flat()), lang, true);
  section.months.forEach((month, i) => {
    b.value(row, 0, formatMonth(month), "label");
    values[i].forEach((v, c) => b.value(row, 1 + c, v, "value", monthMoney));
    b.formula(row, 1 + columns.length, `SUM(${rangeA1(row, 1, row, columns.length)})`, values[i].reduce((s, v) => s + v, 0), monthMoney, "total");
    row++;
  });
  const mixLast = row - 1;
  b.chart({
    kind: "stackedColumn",
    title: L("monthlyMixTitle"),
    categories: rangeA1(mixFirst, 0, mixLast, 0),
    categoryCache: section.months.map(formatMonth),
    series: columns.map((_, c) => ({ name: { ref: a1(mixHeader, 1 + c) }, values: rangeA1(mixFirst, 1 + c, mixLast, 1 + c), cache: values.map((v) => v[c]) })),
    anchor: { row: mixLast + 2, col: 0, rows: 18, cols: 9 },
    valueFormat: monthMoney,
  });
  b.sheet.print = { landscape: true, fitToWidth: true, repeatRows: { from: 0, to: 0 } };
  return b.sheet;
}
