/**
 * The review's look by style name, independent of any renderer: the xlsx writer and the Office.js writer
 * both translate this table. Colours are RRGGBB.
 */
import type { StatusColour, StyleName } from "./workbookSpec";

export interface Look {
  bold?: boolean;
  italic?: boolean;
  size: number;
  colour?: string;
  fill?: string;
  align?: "left" | "center" | "right";
  borderTop?: string;
  borderBottom?: string;
}

export const FONT_NAME = "Microsoft YaHei";

export const LOOKS: Record<StyleName, Look> = {
  title: { bold: true, size: 16, colour: "1F4E79" },
  subtitle: { size: 11, colour: "404040" },
  meta: { italic: true, size: 9, colour: "7F7F7F" },
  section: { bold: true, size: 12, colour: "FFFFFF", fill: "1F4E79" },
  header: { bold: true, size: 10, colour: "1F4E79", fill: "DDEBF7", align: "center", borderBottom: "1F4E79" },
  label: { size: 10, borderBottom: "E7E6E6" },
  value: { size: 10, align: "right", borderBottom: "E7E6E6" },
  formula: { size: 10, align: "right", borderBottom: "E7E6E6" },
  total: { bold: true, size: 10, align: "right", borderTop: "1F4E79" },
  text: { size: 10, align: "center", borderBottom: "E7E6E6" },
  note: { italic: true, size: 9, colour: "7F7F7F" },
  insightGood: { size: 10, colour: "1E6B24" },
  insightBad: { size: 10, colour: "B71C1C" },
  insightNeutral: { size: 10, colour: "262626" },
};

/** Excel's own "good / neutral / bad" cell styles. */
export const STATUS_COLOURS: Record<StatusColour, { fill: string; font: string }> = {
  good: { fill: "C6EFCE", font: "006100" },
  warn: { fill: "FFEB9C", font: "9C5700" },
  bad: { fill: "FFC7CE", font: "9C0006" },
};

/** Column width in characters → points, as Excel measures the default font. */
export function widthInPoints(characters: number): number {
  return Math.round(characters * 5.6 + 5);
}
