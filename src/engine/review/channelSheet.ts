/** Channel shares this period against last year (pp), channel ROI, monthly traffic shares, and their charts. */
import { formatMonth } from "../read/month";
import { formatPeriod } from "../kpi/scorecard";
import { type ReviewModel } from "./reviewModel";
import { a1, rangeA1, SheetBuilder } from "./sheetBuilder";
import { type SheetSpec } from "./workbookSpec";
import { PERCENT, PP, SIGNED_PERCENT } from "./numberFormats";
import { changeColours, COLOURS, growthFormula, label, NA, name, ppFormula, valueOrNa } from "./sheetParts";
import { dimensionBlock } from "./dimensionSheet";
import type { MetricResult } from "../kpi/scorecard";
import type { Lang } from "../../i18n/issues";

/** One indicator row: AC, PY and the change (pp for shares, YoY for ratios). Returns whether it is a share. */
function indicatorRow(b: SheetBuilder, m: MetricResult, lang: Lang, row: number): boolean {
  const [B, C] = [a1(row, 1), a1(row, 2)];
  const isShare = m.unit === "%";
  const format = isShare ? PERCENT : m.unit === "元" ? "#,##0" : "0.00";
  b.value(row, 0, name(m, lang), "label");
  b.value(row, 1, valueOrNa(m.actual), "value", format);
  b.value(row, 2, valueOrNa(m.previous), "value", format);
  if (isShare) b.formula(row, 3, ppFormula(B, C), m.ppChange === null ? NA : m.ppChange * 100, PP);
  else {
    b.formula(row, 3, growthFormula(B, C), valueOrNa(m.growth), SIGNED_PERCENT);
    changeColours(b, a1(row, 3), m.direction);
  }
  return isShare;
}

export function channelSheet(model: ReviewModel): SheetSpec | null {
  const { shares, roi, segments, monthlyTraffic } = model.channels;
  const channelDimension = model.dimension?.kind === "channel" ? model.dimension : null;
  if (shares.length === 0 && roi.length === 0 && segments.length === 0 && !channelDimension) return null;
  const { lang } = model;
  const L = label(lang);
  const b = new SheetBuilder(L("sheetChannels"));
  b.widths([24, 12, 16, 12, 12, 12, 13, 14]);
  b.banner(0, 0, 7, `${L("channelsTitle")} · ${formatPeriod(model.scorecard.period)} · ${L("comparedWith")} ${formatPeriod(model.scorecard.previousPeriod)}`, "title");
  let row = 3;
  const shareRows: number[] = [];
  if (shares.length + roi.length > 0) {
    b.headers(2, 0, [L("channelIndicator"), L("actual"), L("previous"), L("change")]);
    for (const m of [...shares, ...roi]) {
      if (indicatorRow(b, m, lang, row)) shareRows.push(row);
      row++;
    }
  }
  if (segments.length > 0) {
    // 新老客结构: customer types under their own heading, never as channels.
    if (row > 3) row++;
    b.banner(row++, 0, 3, L("customerMixTitle"), "section");
    b.headers(row++, 0, [L("customerMixIndicator"), L("actual"), L("previous"), L("change")]);
    for (const m of segments) indicatorRow(b, m, lang, row++);
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
  if (channelDimension) {
    row = Math.max(row + 1, shareRows.length > 0 ? 3 + Math.max(12, shareRows.length * 2 + 4) + 1 : 0);
    dimensionBlock(b, channelDimension, lang, row);
  }
  b.sheet.print = { landscape: true, fitToWidth: true };
  return b.sheet;
}
