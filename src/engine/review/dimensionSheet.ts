/**
 * A dimension's breakdown as a block of rows: member, AC, PY, YoY, share, share PY, pp, contribution, with
 * native formulas for YoY, shares and pp over the cells beside them. The channel sheet places it for a
 * channel-type dimension (渠道, 平台); any other dimension (品类, 类目, 店铺, 地区) gets a sheet of its own.
 */
import { formatPeriod } from "../kpi/scorecard";
import type { ReviewModel } from "./reviewModel";
import type { DimensionSection } from "./dimensionSection";
import { a1, rangeA1, SheetBuilder } from "./sheetBuilder";
import type { SheetSpec } from "./workbookSpec";
import { PERCENT, PP, SIGNED_PERCENT, unitFormat } from "./numberFormats";
import { changeColours, COLOURS, growthFormula, label, NA, ppFormula, valueOrNa } from "./sheetParts";
import type { Lang } from "../../i18n/issues";

function dimensionTitle(section: DimensionSection, lang: Lang): string {
  return label(lang)("dimensionTitle").replace("{dimension}", section.dimension);
}

/** Lays the block out from `row`; returns the first free row below it. */
export function dimensionBlock(b: SheetBuilder, section: DimensionSection, lang: Lang, row: number, withChart = true): number {
  const L = label(lang);
  const metricName = lang === "zh" ? section.metric.nameZh : section.metric.nameEn;
  const magnitude = Math.max(Math.abs(section.total.actual ?? 0), Math.abs(section.total.previous ?? 0));
  const money = unitFormat(section.metric.unit, magnitude, lang);
  b.banner(row++, 0, 7, `${dimensionTitle(section, lang)} · ${metricName}`, "section");
  b.headers(row, 0, [L("member"), L("actual"), L("previous"), L("growth"), L("shareActual"), L("sharePrevious"), L("sharePp"), L("contribution")]);
  const header = row++;
  const first = row;
  const totalRow = first + section.rows.length;
  const [totalB, totalC] = [a1(totalRow, 1, true), a1(totalRow, 2, true)];
  for (const r of section.rows) {
    const [B, C, E, F] = [a1(row, 1), a1(row, 2), a1(row, 4), a1(row, 5)];
    b.value(row, 0, r.member, "label");
    b.value(row, 1, valueOrNa(r.actual), "value", money);
    b.value(row, 2, valueOrNa(r.previous), "value", money);
    b.formula(row, 3, growthFormula(B, C), valueOrNa(r.growth), SIGNED_PERCENT);
    changeColours(b, a1(row, 3), "higher");
    b.formula(row, 4, `IF(AND(ISNUMBER(${B}),ISNUMBER(${totalB}),${totalB}<>0),${B}/${totalB},"${NA}")`, valueOrNa(r.share), PERCENT);
    b.formula(row, 5, `IF(AND(ISNUMBER(${C}),ISNUMBER(${totalC}),${totalC}<>0),${C}/${totalC},"${NA}")`, valueOrNa(r.sharePrevious), PERCENT);
    b.formula(row, 6, ppFormula(E, F), r.ppChange === null ? NA : r.ppChange * 100, PP);
    changeColours(b, a1(row, 6), "higher");
    b.formula(row, 7, `IF(AND(ISNUMBER(${B}),ISNUMBER(${C})),${B}-${C},"${NA}")`, valueOrNa(r.contribution), money);
    changeColours(b, a1(row, 7), "higher");
    row++;
  }
  b.value(row, 0, L("total"), "header");
  b.value(row, 1, valueOrNa(section.total.actual), "value", money);
  b.value(row, 2, valueOrNa(section.total.previous), "value", money);
  const totalGrowth = section.total.actual !== null && section.total.previous !== null && section.total.previous !== 0 && section.total.actual * section.total.previous >= 0 ? (section.total.actual - section.total.previous) / Math.abs(section.total.previous) : null;
  b.formula(row, 3, growthFormula(a1(row, 1), a1(row, 2)), valueOrNa(totalGrowth), SIGNED_PERCENT);
  const delta = section.total.actual !== null && section.total.previous !== null ? section.total.actual - section.total.previous : null;
  b.formula(row, 7, `IF(AND(ISNUMBER(${a1(row, 1)}),ISNUMBER(${a1(row, 2)})),${a1(row, 1)}-${a1(row, 2)},"${NA}")`, valueOrNa(delta), money);
  row++;
  b.banner(row++, 0, 7, L("dimensionNote").replace("{dimension}", section.dimension), "note");
  if (withChart && section.rows.length > 0) {
    b.chart({
      kind: "bar",
      title: `${dimensionTitle(section, lang)}: ${L("shareActual")} vs ${L("sharePrevious")}`,
      categories: rangeA1(first, 0, totalRow - 1, 0),
      categoryCache: section.rows.map((r) => r.member),
      series: [
        { name: { ref: a1(header, 4) }, values: rangeA1(first, 4, totalRow - 1, 4), cache: section.rows.map((r) => r.share ?? 0), colour: COLOURS.ac, labels: PERCENT },
        { name: { ref: a1(header, 5) }, values: rangeA1(first, 5, totalRow - 1, 5), cache: section.rows.map((r) => r.sharePrevious ?? 0), colour: COLOURS.py, labels: PERCENT },
      ],
      anchor: { row: row + 1, col: 0, rows: Math.max(12, section.rows.length * 2 + 4), cols: 6 },
      valueFormat: PERCENT,
    });
    row += Math.max(12, section.rows.length * 2 + 4) + 2;
  }
  return row;
}

/** The sheet of a non-channel dimension (品类, 类目, 店铺, 地区); null when there is none. */
export function dimensionSheet(model: ReviewModel): SheetSpec | null {
  const section = model.dimension;
  if (!section || section.kind === "channel") return null;
  const { lang } = model;
  const L = label(lang);
  const title = dimensionTitle(section, lang);
  const b = new SheetBuilder(title.slice(0, 31));
  b.widths([24, 14, 14, 11, 11, 11, 13, 14]);
  b.banner(0, 0, 7, `${title} · ${formatPeriod(model.scorecard.period)} · ${L("comparedWith")} ${formatPeriod(model.scorecard.previousPeriod)}`, "title");
  dimensionBlock(b, section, lang, 2);
  b.sheet.print = { landscape: true, fitToWidth: true };
  return b.sheet;
}
