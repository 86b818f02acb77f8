/**
 * Next period's monthly targets by the kind of metric: a sum split by this period's months (adding up
 * exactly), a stock's path to its year-end level, a rate's or an average's target each month. Money in the
 * review's 万/亿 (K/M/bn) units, the change on this period beside each month.
 */
import { formatMonth } from "../read/month";
import { formatPeriod } from "../kpi/scorecard";
import { formatAmount, formatValue } from "../format";
import type { StringKey } from "../../i18n/strings";
import type { Lang } from "../../i18n/issues";
import { type ReviewModel, type TargetSplitSection } from "./reviewModel";
import { a1, rangeA1, SheetBuilder } from "./sheetBuilder";
import { type SheetSpec } from "./workbookSpec";
import { PERCENT, PP, SIGNED_PERCENT, unitFormat } from "./numberFormats";
import { changeColours, COLOURS, growthFormula, label, NA, name, ppFormula, valueOrNa } from "./sheetParts";

const METHOD_NOTE: Record<TargetSplitSection["method"], StringKey> = {
  seasonal: "nextTargetNote",
  even: "nextTargetEvenNote",
  path: "nextTargetPathNote",
  evenPath: "nextTargetEvenPathNote",
  flat: "nextTargetFlatNote",
};

/** The rounding unit as analysts say it: 1万, 100万, 1 (元). */
function unitText(unit: number, lang: Lang): string {
  return unit >= 1e4 ? formatAmount(unit, lang) : unit.toLocaleString("en-US");
}

function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => params[key] ?? "");
}

export function targetSplitSheet(model: ReviewModel): SheetSpec | null {
  const split = model.targetSplit;
  if (!split) return null;
  const { lang } = model;
  const L = label(lang);
  const b = new SheetBuilder(L("sheetNextTargets"));
  const m = split.metric;
  // The same 万/亿 (K/M/bn) as the trend sheet: chosen by the size of this period's months.
  const biggest = (values: readonly (number | null)[]) => Math.max(0, ...values.map((v) => Math.abs(v ?? 0)));
  const money = unitFormat(m.unit, biggest(split.weights) || biggest(split.values), lang);
  const additive = split.kind === "additive";
  const points = m.unit === "%";
  // Columns: month, this period, [share], next target, change on this period.
  const [BASIS, SHARE, NEXT, CHANGE] = additive ? [1, 2, 3, 4] : [1, -1, 2, 3];
  const lastCol = CHANGE;
  b.widths(additive ? [10, 16, 10, 16, 12] : [10, 16, 16, 18]);
  const chart = { row: 2, col: lastCol + 2, rows: 16, cols: 8 };
  const noteEnd = chart.col + chart.cols - 1;
  b.banner(0, 0, noteEnd, `${L("nextTargetsTitle")} · ${name(m, lang)} · ${formatPeriod({ from: split.months[0], to: split.months[split.months.length - 1] })}`, "title");
  const basisLabel = split.kind === "stock" ? L("basisLevel") : L("basis");
  const nextLabel = split.kind === "stock" ? L("nextTargetLevel") : L("nextTarget");
  b.headers(2, 0, [L("month"), basisLabel, ...(additive ? [L("seasonShare")] : []), nextLabel, points ? L("changePp") : L("changeOnBasis")]);
  const first = 3;
  const last = first + split.months.length - 1;
  const known = split.weights.map((w) => w ?? 0);
  const weightTotal = known.reduce((s, w) => s + w, 0);
  split.months.forEach((month, i) => {
    const r = first + i;
    const [B, D] = [a1(r, BASIS), a1(r, NEXT)];
    b.value(r, 0, formatMonth(month), "label");
    b.value(r, BASIS, valueOrNa(split.weights[i]), "value", money);
    const sum = `SUM(${a1(first, BASIS, true)}:${a1(last, BASIS, true)})`;
    const share = split.weights[i] === null || weightTotal === 0 ? NA : split.weights[i]! / weightTotal;
    if (additive) b.formula(r, SHARE, `IF(AND(ISNUMBER(${B}),${sum}<>0),${B}/${sum},"${NA}")`, share, PERCENT);
    b.value(r, NEXT, split.values[i], "value", money);
    const w = split.weights[i];
    if (points) b.formula(r, CHANGE, ppFormula(D, B), w === null ? NA : (split.values[i] - w) * 100, PP);
    else b.formula(r, CHANGE, growthFormula(D, B), w === null || w === 0 || split.values[i] * w < 0 ? NA : (split.values[i] - w) / Math.abs(w), SIGNED_PERCENT);
    changeColours(b, a1(r, CHANGE), m.direction);
  });
  let row = last + 1;
  if (additive) {
    b.value(row, 0, L("total"), "total");
    b.formula(row, BASIS, `SUM(${rangeA1(first, BASIS, last, BASIS)})`, weightTotal, money, "total");
    b.formula(row, NEXT, `SUM(${rangeA1(first, NEXT, last, NEXT)})`, split.values.reduce((s, v) => s + v, 0), money, "total");
    b.formula(row, CHANGE, growthFormula(a1(row, NEXT), a1(row, BASIS)), weightTotal === 0 ? NA : (split.target - weightTotal) / Math.abs(weightTotal), SIGNED_PERCENT, "total");
    changeColours(b, a1(row, CHANGE), m.direction);
    row++;
  }
  const params = {
    metric: name(m, lang),
    target: formatValue(split.target, m.unit, lang),
    latest: formatValue(split.weights[split.weights.length - 1], m.unit, lang),
    unit: unitText(split.unit, lang),
    remainder: formatValue(split.remainder, m.unit, lang),
    month: split.remainderIndex >= 0 ? formatMonth(split.months[split.remainderIndex]) : "",
  };
  // The notes run below the chart, as wide as table and chart together, so that they are not cut off.
  row = Math.max(row + 1, chart.row + chart.rows + 1);
  const notes = [L(METHOD_NOTE[split.method]), ...(split.remainder !== 0 ? [L("nextTargetRemainderNote")] : [])];
  for (const line of notes.flatMap((n) => fill(n, params).split("\n"))) b.banner(row++, 0, noteEnd, line, "note");
  b.chart({
    kind: "column",
    title: `${L("nextTargetsTitle")} · ${name(m, lang)}`,
    categories: rangeA1(first, 0, last, 0),
    categoryCache: split.months.map(formatMonth),
    series: [
      { name: { ref: a1(2, BASIS) }, values: rangeA1(first, BASIS, last, BASIS), cache: known, colour: COLOURS.py },
      { name: { ref: a1(2, NEXT) }, values: rangeA1(first, NEXT, last, NEXT), cache: split.values, colour: COLOURS.ac },
    ],
    anchor: chart,
    valueFormat: money,
  });
  b.sheet.print = { landscape: true, fitToWidth: true };
  return b.sheet;
}
