/** Next period's monthly targets by this period's seasonality, adding up exactly. */
import { formatMonth } from "../read/month";
import { formatPeriod } from "../kpi/scorecard";
import { type ReviewModel } from "./reviewModel";
import { a1, rangeA1, SheetBuilder } from "./sheetBuilder";
import { type SheetSpec } from "./workbookSpec";
import { PERCENT, unitFormat } from "./numberFormats";
import { COLOURS, label, name } from "./sheetParts";

export function targetSplitSheet(model: ReviewModel): SheetSpec | null {
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
