/**
 * How each column of a monthly table combines over time and members, which way is better, its unit, and who
 * decided: the catalog (domain.md's metrics and column patterns), a rule read from the name (unknown columns),
 * or the analyst (an override from the pane or the targets table's 方向/汇总 columns). `describeColumns` is the
 * plain structure every door shows (the CLI's notes, the pane's column step, the review's footnote).
 */
import { catalogEntry, isDerived, normaliseName, type Aggregation, type Direction, type Unit } from "../metrics/catalog";
import { parseHeader, recogniseColumn, type ColumnMeaning } from "../metrics/headers";
import { isBoundedRateName, type ColumnAggregation } from "../metrics/nameRules";
import type { MonthlyTable } from "./monthlyTable";

export type RuleSource = "catalog" | "name rule" | "override";

export interface ColumnRule {
  /** How the column's own values combine: days into a month, months into a period, members into a total. */
  aggregation: ColumnAggregation;
  direction: Direction;
  unit: Unit;
  decidedBy: RuleSource;
}

/** What the analyst may change about a column (the pane's column step; the targets table's 方向/汇总). */
export interface ColumnOverride {
  meaning?: ColumnMeaning;
  aggregation?: ColumnAggregation;
  direction?: Direction;
  unit?: Unit;
  /** Multiplier for plain numbers, replacing the header's unit (10000 for 万). */
  scale?: number;
}

/** A meaning named by its `of` (`GMV` in `目标GMV`, `新客GMV`). */
export function meaningOfName(name: string): ColumnMeaning {
  return recogniseColumn(parseHeader(name));
}

export function meaningLabel(meaning: ColumnMeaning): string {
  switch (meaning.kind) {
    case "metric":
      return meaning.key;
    case "channel":
      return `${meaning.channel}:${meaning.measure}`;
    case "segment":
      return `segment:${meaning.segment}:${meaningLabel(meaningOfName(meaning.of))}`;
    case "comparison":
      return `${meaning.role}:${meaningLabel(meaningOfName(meaning.of))}`;
    case "custom":
      return `custom:${meaning.name}`;
  }
}

/** The rule the catalog or the name gives a column, before any override. */
export function baseRule(meaning: ColumnMeaning): ColumnRule {
  switch (meaning.kind) {
    case "metric": {
      const def = catalogEntry(meaning.key);
      return { aggregation: isDerived(def) ? "mean" : def.aggregation, direction: def.direction, unit: def.unit, decidedBy: "catalog" };
    }
    case "channel":
      return {
        aggregation: "sum",
        direction: meaning.measure === "adSpend" ? "lower" : "higher",
        unit: meaning.measure === "traffic" ? "count" : "元",
        decidedBy: "catalog",
      };
    case "segment":
      return baseRule(meaningOfName(meaning.of));
    case "comparison":
      if (meaning.role === "target" || meaning.role === "previous") return baseRule(meaningOfName(meaning.of));
      return { aggregation: "mean", direction: "higher", unit: "%", decidedBy: "catalog" };
    case "custom":
      return { aggregation: meaning.aggregation, direction: meaning.direction ?? "higher", unit: meaning.unit, decidedBy: "name rule" };
  }
}

/** The rule with the analyst's changes; "override" only where something changed. */
export function applyOverride(rule: ColumnRule, override: ColumnOverride | undefined): ColumnRule {
  if (!override) return rule;
  const next: ColumnRule = {
    aggregation: override.aggregation ?? rule.aggregation,
    direction: override.direction ?? rule.direction,
    unit: override.unit ?? rule.unit,
    decidedBy: rule.decidedBy,
  };
  const changed = next.aggregation !== rule.aggregation || next.direction !== rule.direction || next.unit !== rule.unit || override.meaning !== undefined;
  return changed ? { ...next, decidedBy: "override" } : rule;
}

/** A rate that cannot exceed 100%: plain numbers in (1, 100] in such a column are percent numbers. */
export function isBoundedRate(meaning: ColumnMeaning): boolean {
  switch (meaning.kind) {
    case "metric": {
      const def = catalogEntry(meaning.key);
      return def.bounded === true;
    }
    case "segment":
      return isBoundedRate(meaningOfName(meaning.of));
    case "comparison":
      return (meaning.role === "target" || meaning.role === "previous") && isBoundedRate(meaningOfName(meaning.of));
    case "custom":
      return meaning.unit === "%" && isBoundedRateName(meaning.name);
    default:
      return false;
  }
}

/** One column as every door shows it, and as the analyst may change it (see ReadMonthlyOptions.overrides). */
export interface ColumnDescription {
  header: string;
  address: string;
  meaning: ColumnMeaning;
  /** How its months combine into a period: "ratio" where a rate's parts are in the data. */
  aggregation: Aggregation;
  direction: Direction;
  unit: Unit;
  /** Multiplier applied to plain numbers (10000 for 万, 0.01 for percent numbers). */
  scale: number;
  decidedBy: RuleSource;
  percentNumbers: boolean;
}

/** `搜索GMV占比` beside `搜索GMV`: a share whose part is a channel or customer-type column of the data. */
function shareWithParts(table: MonthlyTable, name: string): boolean {
  const stem = /^(.+?)\s*(?:占比|比例|share)$/i.exec(name);
  if (!stem) return false;
  const wanted = normaliseName(stem[1]);
  return table.columns.some((c) => (c.meaning.kind === "channel" || c.meaning.kind === "segment") && normaliseName(parseHeader(c.header).name) === wanted);
}

function hasParts(table: MonthlyTable, meaning: ColumnMeaning): boolean {
  if (meaning.kind === "custom") return shareWithParts(table, meaning.name);
  if (meaning.kind !== "metric") return false;
  const def = catalogEntry(meaning.key);
  if (!isDerived(def)) return false;
  const has = (key: string) => table.columns.some((c) => c.meaning.kind === "metric" && c.meaning.key === key);
  return has(def.numerator) && has(def.denominator);
}

/** Every column of a read table with its meaning, rule, direction, unit, scale and who decided. */
export function describeColumns(table: MonthlyTable): ColumnDescription[] {
  return [...table.columns, ...(table.comparisons ?? [])].map((column) => {
    const rule = column.rule ?? baseRule(column.meaning);
    return {
      header: column.header,
      address: column.headerAddress,
      meaning: column.meaning,
      aggregation: hasParts(table, column.meaning) ? "ratio" : rule.aggregation,
      direction: rule.direction,
      unit: rule.unit,
      scale: column.scale,
      decidedBy: rule.decidedBy,
      percentNumbers: column.percentNumbers === true,
    };
  });
}
