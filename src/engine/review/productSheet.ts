/**
 * 商品 / Products: ABC classes of the period's GMV, the top N items with share, cumulative share, last year's
 * GMV, YoY and rank, an "others" row and the total, a Pareto chart (GMV columns, cumulative share line on a
 * secondary axis), and price bands with their share of GMV and of lines against last year in pp.
 */
import { formatPeriod } from "../kpi/scorecard";
import type { Lang } from "../../i18n/issues";
import type { PriceBand, ProductSection } from "../orders/productMix";
import { type ReviewModel } from "./reviewModel";
import { a1, rangeA1, SheetBuilder } from "./sheetBuilder";
import { type SheetSpec } from "./workbookSpec";
import { amountFormat, INTEGER, PERCENT, PP, SIGNED_PERCENT } from "./numberFormats";
import { changeColours, COLOURS, growthFormula, label, NA, ppFormula, valueOrNa } from "./sheetParts";
import { growth } from "../kpi/compare";

/** `50元以下`, `50–100元`, `200元及以上` (zh); `< 50`, `50–100`, `≥ 200` (en). */
export function bandLabel(band: Pick<PriceBand, "from" | "to">, lang: Lang): string {
  const L = label(lang);
  const fmt = (v: number) => String(v);
  if (band.from === null) return L("bandBelow").replace("{to}", fmt(band.to!));
  if (band.to === null) return L("bandAbove").replace("{from}", fmt(band.from));
  return L("bandBetween").replace("{from}", fmt(band.from)).replace("{to}", fmt(band.to));
}

const share = (part: number, whole: number): number | string => (whole === 0 ? NA : part / whole);
const ratioFormula = (part: string, whole: string) => `IF(${whole}=0,"${NA}",${part}/${whole})`;

export function productSheet(model: ReviewModel): SheetSpec | null {
  const section = model.products;
  if (!section) return null;
  const { lang } = model;
  const L = label(lang);
  const b = new SheetBuilder(L("sheetProducts"));
  b.widths([16, 20, 13, 14, 16, 14, 10, 15, 14, 12, 11]);
  b.banner(0, 0, 10, `${L("productsTitle")} · ${formatPeriod(model.scorecard.period)} · ${L("comparedWith")} ${formatPeriod(model.scorecard.previousPeriod)}`, "title");
  b.banner(1, 0, 10, L("productsMeta").replace("{items}", section.items.toLocaleString("en-US")), "meta");
  const money = amountFormat(Math.max(section.gmv, section.previousGmv), lang, true);
  const abcEnd = abcBlock(b, 3, section, model, money);
  const topEnd = topBlock(b, abcEnd + 2, section, model, money);
  bandBlock(b, topEnd + 2, section, lang);
  b.sheet.print = { landscape: true, fitToWidth: true, repeatRows: { from: 0, to: 0 } };
  return b.sheet;
}

function abcBlock(b: SheetBuilder, row: number, section: ProductSection, model: ReviewModel, money: string): number {
  const L = label(model.lang);
  const cutoffs = section.abcCutoffs;
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  b.banner(row, 0, 10, L("sectionAbc").replace("{a}", pct(cutoffs.a)).replace("{b}", pct(cutoffs.b)), "section");
  b.headers(row + 1, 0, [L("abcClass"), L("itemsCol"), L("itemsShare"), "GMV", L("gmvShare")]);
  const first = row + 2;
  const last = first + section.abc.length - 1;
  const total = last + 1;
  section.abc.forEach((c, i) => {
    const r = first + i;
    b.value(r, 0, c.abcClass, "label");
    b.value(r, 1, c.items, "value", INTEGER);
    b.formula(r, 2, ratioFormula(a1(r, 1), a1(total, 1, true)), share(c.items, section.items), PERCENT);
    b.value(r, 3, c.gmv, "value", money);
    b.formula(r, 4, ratioFormula(a1(r, 3), a1(total, 3, true)), share(c.gmv, section.gmv), PERCENT);
  });
  b.value(total, 0, L("total"), "total");
  b.formula(total, 1, `SUM(${rangeA1(first, 1, last, 1)})`, section.items, INTEGER, "total");
  b.formula(total, 3, `SUM(${rangeA1(first, 3, last, 3)})`, section.abc.reduce((s, c) => s + c.gmv, 0), money, "total");
  return total;
}

function topBlock(b: SheetBuilder, row: number, section: ProductSection, model: ReviewModel, money: string): number {
  const { lang } = model;
  const L = label(lang);
  b.banner(row, 0, 10, L("sectionTop").replace("{n}", String(section.top.length)), "section");
  const header = row + 1;
  const named = section.top.some((p) => p.name);
  b.headers(header, 0, [L("rank"), L("productCol"), "GMV", L("gmvShare"), L("cumulativeShare"), L("previousGmv"), L("growth"), L("previousRank"), ...(named ? [L("productId")] : [])]);
  const first = header + 1;
  const last = first + section.top.length - 1;
  const others = last + 1;
  const total = others + 1;
  const T = a1(total, 2, true);
  let cumulative = 0;
  section.top.forEach((p, i) => {
    const r = first + i;
    cumulative += p.gmv;
    b.value(r, 0, i + 1, "text");
    b.value(r, 1, p.name ?? p.product, "label");
    if (named) b.value(r, 8, p.product, "text");
    b.value(r, 2, p.gmv, "value", money);
    b.formula(r, 3, ratioFormula(a1(r, 2), T), share(p.gmv, section.gmv), PERCENT);
    b.formula(r, 4, ratioFormula(`SUM(${a1(first, 2, true)}:${a1(r, 2)})`, T), share(cumulative, section.gmv), PERCENT);
    b.value(r, 5, p.previous, "value", money);
    b.formula(r, 6, growthFormula(a1(r, 2), a1(r, 5)), growthValue(p.gmv, p.previous), SIGNED_PERCENT);
    changeColours(b, a1(r, 6), "higher");
    b.value(r, 7, p.previousRank ?? L("notSoldBefore"), "text");
  });
  b.value(others, 1, L("othersRow").replace("{n}", section.others.items.toLocaleString("en-US")), "label");
  b.value(others, 2, section.others.gmv, "value", money);
  b.formula(others, 3, ratioFormula(a1(others, 2), T), share(section.others.gmv, section.gmv), PERCENT);
  b.value(others, 5, section.others.previous, "value", money);
  b.formula(others, 6, growthFormula(a1(others, 2), a1(others, 5)), growthValue(section.others.gmv, section.others.previous), SIGNED_PERCENT);
  b.value(total, 1, L("total"), "total");
  b.formula(total, 2, `SUM(${rangeA1(first, 2, others, 2)})`, section.gmv, money, "total");
  b.formula(total, 5, `SUM(${rangeA1(first, 5, others, 5)})`, section.previousGmv, money, "total");
  b.formula(total, 6, growthFormula(a1(total, 2), a1(total, 5)), growthValue(section.gmv, section.previousGmv), SIGNED_PERCENT, "total");

  let running = 0;
  b.chart({
    kind: "columnLine",
    title: L("paretoTitle"),
    categories: rangeA1(first, 1, last, 1),
    categoryCache: section.top.map((p) => p.name ?? p.product),
    series: [
      { name: { ref: a1(header, 2) }, values: rangeA1(first, 2, last, 2), cache: section.top.map((p) => p.gmv), as: "column", colour: COLOURS.ac },
      { name: { ref: a1(header, 4) }, values: rangeA1(first, 4, last, 4), cache: section.top.map((p) => (running += p.gmv) / section.gmv), as: "line", colour: COLOURS.pl, axis: "secondary" },
    ],
    anchor: { row: header, col: named ? 10 : 9, rows: Math.max(16, total - header + 1), cols: 8 },
    valueFormat: money,
    secondaryFormat: "0%",
  });
  return total;
}

function bandBlock(b: SheetBuilder, row: number, section: ProductSection, lang: Lang): number {
  const L = label(lang);
  b.banner(row, 0, 10, L("sectionPriceBands").replace("{how}", L(section.byQuantity ? "priceByQuantity" : "priceByLine")), "section");
  b.headers(row + 1, 0, [L("priceBand"), "GMV", `${L("previousShort")} GMV`, L("gmvShare"), L("previousShare"), L("ppChange"), L("linesCol"), `${L("previousShort")} ${L("linesCol")}`, L("linesShare"), L("previousShare"), L("ppChange")]);
  const first = row + 2;
  const last = first + section.bands.length - 1;
  const total = last + 1;
  const sum = (key: "gmv" | "previousGmv" | "lines" | "previousLines") => section.bands.reduce((s, band) => s + band[key], 0);
  const totals = { gmv: sum("gmv"), previousGmv: sum("previousGmv"), lines: sum("lines"), previousLines: sum("previousLines") };
  const money = amountFormat(Math.max(totals.gmv, totals.previousGmv), lang, true);
  section.bands.forEach((band, i) => {
    const r = first + i;
    b.value(r, 0, bandLabel(band, lang), "label");
    b.value(r, 1, band.gmv, "value", money);
    b.value(r, 2, band.previousGmv, "value", money);
    b.formula(r, 3, ratioFormula(a1(r, 1), a1(total, 1, true)), share(band.gmv, totals.gmv), PERCENT);
    b.formula(r, 4, ratioFormula(a1(r, 2), a1(total, 2, true)), share(band.previousGmv, totals.previousGmv), PERCENT);
    b.formula(r, 5, ppFormula(a1(r, 3), a1(r, 4)), ppValue(share(band.gmv, totals.gmv), share(band.previousGmv, totals.previousGmv)), PP);
    b.value(r, 6, band.lines, "value", INTEGER);
    b.value(r, 7, band.previousLines, "value", INTEGER);
    b.formula(r, 8, ratioFormula(a1(r, 6), a1(total, 6, true)), share(band.lines, totals.lines), PERCENT);
    b.formula(r, 9, ratioFormula(a1(r, 7), a1(total, 7, true)), share(band.previousLines, totals.previousLines), PERCENT);
    b.formula(r, 10, ppFormula(a1(r, 8), a1(r, 9)), ppValue(share(band.lines, totals.lines), share(band.previousLines, totals.previousLines)), PP);
  });
  b.value(total, 0, L("total"), "total");
  for (const [col, key, format] of [[1, "gmv", money], [2, "previousGmv", money], [6, "lines", INTEGER], [7, "previousLines", INTEGER]] as const) {
    b.formula(total, col, `SUM(${rangeA1(first, col, last, col)})`, totals[key], format, "total");
  }
  b.banner(total + 1, 0, 10, L("priceBandNote"), "note");
  return total + 1;
}

function growthValue(current: number, previous: number): number | string {
  return valueOrNa(growth(current, previous));
}

function ppValue(current: number | string, previous: number | string): number | string {
  return typeof current === "number" && typeof previous === "number" ? (current - previous) * 100 : NA;
}
