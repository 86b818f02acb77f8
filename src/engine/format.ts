/**
 * Numbers as analysts read them: money in 万/亿 (Chinese) or K/M/bn (English), rates as %, pp marked.
 * Used for text (the CLI scorecard, generated sentences); sheets keep raw values with number formats.
 */
import type { Unit } from "./metrics/catalog";
import type { Lang } from "../i18n/issues";

export const NA = "n.a.";

function fixed(value: number, digits: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** 2,860,000,000 → 28.6亿 (zh) / 2.86bn (en); 19,800,000 → 1980万 / 19.8M. */
export function formatAmount(value: number, lang: Lang): string {
  const abs = Math.abs(value);
  if (lang === "zh") {
    if (abs >= 1e8) return `${fixed(value / 1e8, 2).replace(/\.?0+$/, "")}亿`;
    if (abs >= 1e4) return `${fixed(value / 1e4, abs >= 1e6 ? 0 : 1).replace(/\.0$/, "")}万`;
    return fixed(value, abs >= 100 ? 0 : 2);
  }
  if (abs >= 1e9) return `${fixed(value / 1e9, 2)}bn`;
  if (abs >= 1e6) return `${fixed(value / 1e6, 1)}M`;
  if (abs >= 1e4) return `${fixed(value / 1e3, 1)}K`;
  return fixed(value, abs >= 100 ? 0 : 2);
}

export function formatPercent(value: number, digits = 1): string {
  return `${fixed(value * 100, digits)}%`;
}

/** +5.0pp */
export function formatPp(value: number): string {
  return `${value >= 0 ? "+" : ""}${fixed(value * 100, 1)}pp`;
}

/** +35.0% */
export function formatSignedPercent(value: number): string {
  return `${value >= 0 ? "+" : ""}${formatPercent(value)}`;
}

export function formatValue(value: number | null, unit: Unit, lang: Lang): string {
  if (value === null) return NA;
  switch (unit) {
    case "%":
      return formatPercent(value);
    case "ratio":
      return fixed(value, 2);
    case "count":
      // A count is a whole number (90 orders, not 90.00); only a pro-rated target or a mean carries decimals.
      return Number.isInteger(value) && Math.abs(value) < 1e4 ? fixed(value, 0) : formatAmount(value, lang);
    case "元":
      return formatAmount(value, lang);
    case "number":
      return Math.abs(value) >= 1e4 ? formatAmount(value, lang) : fixed(value, 2).replace(/\.?0+$/, "");
  }
}
