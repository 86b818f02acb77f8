/**
 * Pieces every review sheet uses: labels in the review's language, native formulas for YoY and pp,
 * n.a. for the engine's null, the palette and the good/bad colouring of changes and statuses.
 */
import { statusLabel, t, type StringKey } from "../../i18n/strings";
import type { Lang } from "../../i18n/issues";
import type { MetricResult } from "../kpi/scorecard";
import type { SheetBuilder } from "./sheetBuilder";

export const NA = "n.a.";
export const COLOURS = { ac: "1F4E79", py: "A6A6A6", pl: "C00000", up: "2E7D32", down: "C62828", total: "1F4E79" };

export function label(lang: Lang) {
  return (key: StringKey) => t(key, lang);
}

export function name(m: MetricResult, lang: Lang): string {
  return lang === "zh" ? m.nameZh : m.nameEn;
}

/** Native formula for (current − previous)/|previous|, "n.a." where previous is 0, blank or of the other sign (domain.md). */
export function growthFormula(current: string, previous: string): string {
  return `IF(AND(ISNUMBER(${current}),ISNUMBER(${previous})),IF(OR(${previous}=0,${current}*${previous}<0),"${NA}",(${current}-${previous})/ABS(${previous})),"${NA}")`;
}

/** Native formula for the change of a rate in percentage points (the cell shows +5.0pp for 0.33 → 0.38). */
export function ppFormula(current: string, previous: string): string {
  return `IF(AND(ISNUMBER(${current}),ISNUMBER(${previous})),(${current}-${previous})*100,"${NA}")`;
}

/** A number, or "n.a." for the engine's null. */
export function valueOrNa(v: number | null): number | string {
  return v === null ? NA : v;
}

/** Rows where the status word sits, coloured by meaning: met green, close amber, missed red. */
export function statusColours(b: SheetBuilder, range: string, lang: Lang) {
  b.conditional({ range, rule: { kind: "textEquals", text: statusLabel("green", lang) }, colour: "good" });
  b.conditional({ range, rule: { kind: "textEquals", text: statusLabel("amber", lang) }, colour: "warn" });
  b.conditional({ range, rule: { kind: "textEquals", text: statusLabel("red", lang) }, colour: "bad" });
}

/** Colours a change cell green when it moves the metric's good way, red otherwise. */
export function changeColours(b: SheetBuilder, cell: string, direction: "higher" | "lower") {
  const up = `AND(ISNUMBER(${cell}),${cell}>0)`;
  const down = `AND(ISNUMBER(${cell}),${cell}<0)`;
  b.conditional({ range: cell, rule: { kind: "formula", formula: direction === "higher" ? up : down }, colour: "good" });
  b.conditional({ range: cell, rule: { kind: "formula", formula: direction === "higher" ? down : up }, colour: "bad" });
}

