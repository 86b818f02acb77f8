/**
 * Excel number formats for the review: money and counts in 万/亿 (Chinese) or K/M/bn (English) chosen by the
 * size of the row's figures, rates as %, pp marked. `\.` is a literal point, so `0\.0,"万"` shows 19,800,000
 * as 1980.0万 in Excel and LibreOffice alike.
 */
import type { Unit } from "../metrics/catalog";
import type { Lang } from "../../i18n/issues";

export const PERCENT = "0.0%";
export const SIGNED_PERCENT = '+0.0%;-0.0%;0.0%';
export const PP = '+0.0"pp";-0.0"pp";0.0"pp"';
export const RATIO = "0.00";
export const INTEGER = "#,##0";
export const DECIMAL = "#,##0.00";

function both(positive: string): string {
  return `${positive};-${positive}`;
}

/** The format for amounts of about `magnitude` in `lang`. */
export function amountFormat(magnitude: number, lang: Lang, integerUnit: boolean): string {
  const abs = Math.abs(magnitude);
  if (lang === "zh") {
    if (abs >= 1e8) return both('0\\.00,,"亿"');
    if (abs >= 1e5) return both('0\\.0,"万"');
    return integerUnit ? INTEGER : DECIMAL;
  }
  if (abs >= 1e9) return '#,##0.00,,,"bn"';
  if (abs >= 1e6) return '#,##0.0,,"M"';
  return integerUnit ? INTEGER : DECIMAL;
}

/** The format of a metric's values. */
export function unitFormat(unit: Unit, magnitude: number, lang: Lang): string {
  switch (unit) {
    case "%":
      return PERCENT;
    case "ratio":
      return RATIO;
    case "count":
      return amountFormat(magnitude, lang, true);
    case "元":
      return amountFormat(magnitude, lang, Math.abs(magnitude) >= 1000);
    case "number":
      return amountFormat(magnitude, lang, false);
  }
}
