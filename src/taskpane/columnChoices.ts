/**
 * What the column dropdowns of step ② offer, and how a choice maps to a reader override. The engine decides
 * what a column means (recogniseColumn, the catalog); this module only turns its meanings into options and
 * labels, so that new kinds of meaning from the engine become new options here and nowhere else.
 */
import { CATALOG, catalogKeyForName, type CatalogKey, type Unit } from "../engine/metrics/catalog";
import { parseHeader, recogniseColumn, type ColumnMeaning } from "../engine/metrics/headers";
import type { ColumnOverride } from "../engine/read/columnRules";
import { ruleFromName } from "../engine/metrics/nameRules";
import type { Lang } from "../i18n/issues";
import { paneSay, type PaneTextKey } from "../i18n/paneText";

export type ColumnChoice = ColumnMeaning | "ignore";

/** What the analyst said about a column, in the reader's override form: left out, or a meaning and/or a rule. */
export type PaneOverride = "ignore" | ColumnOverride;

/** A saved override in either form the reader takes (a bare meaning from older workbooks) as the pane keeps it. */
export function asPaneOverride(saved: ColumnMeaning | "ignore" | ColumnOverride): PaneOverride {
  return saved === "ignore" ? "ignore" : "kind" in saved ? { meaning: saved } : saved;
}

/** The meaning a column is read as under an override. */
export function choiceOf(override: PaneOverride | undefined, detected: ColumnMeaning): ColumnChoice {
  return override === "ignore" ? "ignore" : override?.meaning ?? detected;
}

/** An override with nothing left to say is no override (null). */
function tidy(override: ColumnOverride, detected: ColumnMeaning): ColumnOverride | null {
  const next: ColumnOverride = { ...override };
  if (next.meaning && JSON.stringify(next.meaning) === JSON.stringify(detected)) delete next.meaning;
  for (const key of Object.keys(next) as Array<keyof ColumnOverride>) if (next[key] === undefined) delete next[key];
  return Object.keys(next).length === 0 ? null : next;
}

/** A new meaning from the dropdown: the rule starts again from the new meaning's. */
export function withChoice(choice: ColumnChoice, detected: ColumnMeaning): PaneOverride | null {
  return choice === "ignore" ? "ignore" : tidy({ meaning: choice }, detected);
}

/** A changed unit, rule or direction, keeping the meaning. */
export function withRule(override: PaneOverride | undefined, patch: Pick<ColumnOverride, "aggregation" | "direction" | "unit">, detected: ColumnMeaning): PaneOverride | null {
  const base = override === "ignore" || override === undefined ? {} : override;
  return tidy({ ...base, ...patch }, detected);
}

export interface ColumnOption {
  value: string;
  label: string;
}

/** What the reader makes of a header when nobody overrides it. */
export function detectedMeaning(header: string): ColumnMeaning {
  return recogniseColumn(parseHeader(header));
}

/** The dropdown value of a meaning: `metric:gmv`, `channel:gmv:搜索`, `custom`, `ignore`. */
export function choiceValue(choice: ColumnChoice): string {
  if (choice === "ignore") return "ignore";
  switch (choice.kind) {
    case "metric":
      return `metric:${choice.key}`;
    case "channel":
      return `channel:${choice.measure}:${choice.channel}`;
    case "segment":
      return `segment:${choice.segment}:${choice.of}`;
    case "comparison":
      return `comparison:${choice.role}:${choice.of}`;
    case "custom":
      return "custom";
  }
}

const CHANNEL_LABEL = { gmv: "channelGmv", traffic: "channelTraffic", adSpend: "channelAdSpend", adGmv: "channelAdGmv" } as const satisfies Record<string, PaneTextKey>;

/** A meaning in the analyst's words: a metric's name (never its key), a channel measure, or "custom metric". */
export function meaningLabel(choice: ColumnChoice, lang: Lang): string {
  if (choice === "ignore") return paneSay(lang, "ignore");
  switch (choice.kind) {
    case "metric": {
      const def = CATALOG.find((d) => d.key === choice.key);
      return def ? (lang === "zh" ? def.nameZh : def.nameEn) : choice.key;
    }
    case "channel":
      return paneSay(lang, CHANNEL_LABEL[choice.measure], { channel: choice.channel });
    case "segment":
      return paneSay(lang, "segmentOf", { segment: choice.segment, of: choice.of });
    case "comparison":
      return paneSay(lang, COMPARISON_LABEL[choice.role], { of: choice.of });
    case "custom":
      return paneSay(lang, "customMetric");
  }
}

const COMPARISON_LABEL = { target: "comparisonTarget", previous: "comparisonPrevious", yoy: "comparisonYoy", mom: "comparisonMom", attainment: "comparisonAttainment" } as const satisfies Record<string, PaneTextKey>;

/**
 * The ways a column can be read: not at all, as a custom metric of its own, as what the reader recognised
 * (a channel measure keeps its channel), or as any catalog metric.
 */
export function columnOptions(header: string, detected: ColumnMeaning, lang: Lang): ColumnOption[] {
  const name = parseHeader(header).name;
  const options: ColumnOption[] = [{ value: "ignore", label: paneSay(lang, "ignore") }, { value: "custom", label: paneSay(lang, "customMetric") }];
  // What the reader recognised (a channel measure, a customer-type split, a comparison) stays one choice away.
  if (detected.kind === "channel" || detected.kind === "segment" || detected.kind === "comparison") options.push({ value: choiceValue(detected), label: meaningLabel(detected, lang) });
  // Any column can be a channel's GMV or traffic: a customer-type split of GMV (老客GMV) as channel 老客, others
  // named by the header.
  if (detected.kind !== "channel") {
    const gmvSplit = detected.kind === "segment" && catalogKeyForName(parseHeader(detected.of).name) === "gmv";
    const channelName = detected.kind === "segment" && gmvSplit ? detected.segment : name;
    for (const measure of gmvSplit ? (["gmv"] as const) : (["gmv", "traffic"] as const)) {
      const channel: ColumnMeaning = { kind: "channel", channel: channelName, measure };
      options.push({ value: choiceValue(channel), label: meaningLabel(channel, lang) });
    }
  }
  for (const def of CATALOG) options.push({ value: `metric:${def.key}`, label: lang === "zh" ? def.nameZh : def.nameEn });
  return options;
}

/** The override a dropdown value stands for; a custom metric keeps the unit and rule it had or was read with. */
export function choiceFromValue(value: string, header: string, detected: ColumnMeaning): ColumnChoice {
  if (value === "ignore") return "ignore";
  if (value === "custom") {
    if (detected.kind === "custom") return detected;
    // The rule of a custom metric comes from its name, as the reader's rules for unknown columns say.
    const parsed = parseHeader(header);
    const rule = ruleFromName(parsed.name, parsed.unitText);
    return { kind: "custom", name: parsed.name, unit: parsed.unitText === "%" ? "%" : rule.unit, aggregation: rule.aggregation, direction: rule.direction };
  }
  if (value.startsWith("metric:")) return { kind: "metric", key: value.slice("metric:".length) as CatalogKey };
  const channel = /^channel:(gmv|traffic|adSpend|adGmv):(.*)$/.exec(value);
  if (channel && (detected.kind !== "channel" || choiceValue(detected) !== value)) return { kind: "channel", measure: channel[1] as "gmv" | "traffic", channel: channel[2] };
  return detected;
}

export const RULE_UNITS: ReadonlyArray<{ unit: Unit; label: PaneTextKey }> = [
  { unit: "元", label: "unitMoney" },
  { unit: "count", label: "unitCount" },
  { unit: "%", label: "unitPercent" },
  { unit: "number", label: "unitNumber" },
  { unit: "ratio", label: "unitRatio" },
];

export const RULE_DIRECTIONS: ReadonlyArray<{ direction: "higher" | "lower"; label: PaneTextKey }> = [
  { direction: "higher", label: "higher" },
  { direction: "lower", label: "lower" },
];

export const RULE_AGGREGATIONS: ReadonlyArray<{ rule: "sum" | "mean" | "last"; label: PaneTextKey }> = [
  { rule: "sum", label: "ruleSum" },
  { rule: "mean", label: "ruleMean" },
  { rule: "last", label: "ruleLast" },
];

