/** Customer tiers, the 8-class model and the 11 segments with charts, and the customer list as an Excel table. */
import type { Lang } from "../../i18n/issues";
import { type ReviewModel } from "./reviewModel";
import { a1, rangeA1, SheetBuilder } from "./sheetBuilder";
import { type SheetSpec } from "./workbookSpec";
import { amountFormat, INTEGER, PERCENT } from "./numberFormats";
import { class8Name, SEGMENTS, TIERS } from "../customers/segmentNames";
import type { GroupSummary } from "../customers/segmentation";
import type { CustomerScores } from "../customers/rfm";
import { COLOURS, label, NA } from "./sheetParts";

/** Customers listed in the 客户明细 sheet unless the review says otherwise. */
export const DEFAULT_CUSTOMER_LIST_CAP = 10_000;

/**
 * The customers (positions in the scores) listed: all of them in first-order order when they fit under the
 * cap, else the top `cap` by spend (exact, in minor units), ties by id.
 */
export function listedCustomers(scores: CustomerScores, customerIds: readonly string[], cap: number): Int32Array {
  const all = Int32Array.from({ length: scores.count }, (_, k) => k);
  if (scores.count <= cap) return all;
  const spend = scores.monetaryMinor;
  const id = (k: number) => customerIds[scores.source[k]];
  all.sort((x, y) => spend[y] - spend[x] || (id(x) < id(y) ? -1 : id(x) > id(y) ? 1 : 0));
  return all.subarray(0, cap);
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

export function customerSheets(model: ReviewModel): SheetSpec[] {
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
  // A workbook for managers lists the top customers by spend up to a cap (Excel slows down on hundreds of
  // thousands of table rows); the note says how many there are and how to get them all.
  const cap = customers.listCap ?? DEFAULT_CUSTOMER_LIST_CAP;
  const shown = listedCustomers(scores, customers.orders.customerIds, cap);
  const tableRow = shown.length < scores.count ? 2 : 0;
  if (tableRow > 0) {
    const note = L("customerListCapped").replace("{shown}", shown.length.toLocaleString("en-US")).replace("{total}", scores.count.toLocaleString("en-US"));
    list.value(0, 0, note, "note");
  }
  const segmentName = SEGMENTS.map((s) => (lang === "zh" ? s.nameZh : s.name));
  const tierName = TIERS.map((s) => (lang === "zh" ? s.nameZh : s.name));
  const rows: Array<Array<string | number>> = new Array(shown.length);
  for (let i = 0; i < shown.length; i++) {
    const k = shown[i];
    const c8 = class8Name(scores.class8[k]);
    rows[i] = [customers.orders.customerIds[scores.source[k]], scores.recency[k], scores.frequency[k], scores.monetary[k], scores.r[k], scores.f[k], scores.m[k], segmentName[scores.segment[k]], lang === "zh" ? c8.nameZh : c8.name, tierName[scores.tier[k]]];
  }
  list.table({
    name: lang === "zh" ? "客户明细表" : "CustomerList",
    row: tableRow,
    col: 0,
    header: [L("customerId"), L("recency"), L("frequency"), L("monetary"), "R", "F", "M", L("segmentCol"), L("class8Col"), L("tierCol")],
    rows,
    formats: [undefined, INTEGER, INTEGER, "#,##0.00", "0", "0", "0"],
  });
  list.sheet.freeze = { rows: tableRow + 1, cols: 1 };
  list.sheet.print = { landscape: true, fitToWidth: true, repeatRows: { from: tableRow, to: tableRow } };
  return [b.sheet, list.sheet];
}
