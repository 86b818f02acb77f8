/**
 * What the column dropdowns of step ② offer, and how a choice maps to a reader override. The engine decides
 * what a column means (recogniseColumn, the catalog); this module only turns its meanings into options and
 * labels, so that new kinds of meaning from the engine become new options here and nowhere else.
 */
import { CATALOG, type CatalogKey, type Unit } from "../engine/metrics/catalog";
import { parseHeader, recogniseColumn, type ColumnMeaning } from "../engine/metrics/headers";
import type { Lang } from "../i18n/issues";
import { paneSay, type PaneTextKey } from "../i18n/paneText";

export type ColumnChoice = ColumnMeaning | "ignore";

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
export function columnOptions(detected: ColumnMeaning, lang: Lang): ColumnOption[] {
  const options: ColumnOption[] = [{ value: "ignore", label: paneSay(lang, "ignore") }, { value: "custom", label: paneSay(lang, "customMetric") }];
  // What the reader recognised (a channel measure, a customer-type split, a comparison) stays one choice away.
  if (detected.kind === "channel" || detected.kind === "segment" || detected.kind === "comparison") options.push({ value: choiceValue(detected), label: meaningLabel(detected, lang) });
  for (const def of CATALOG) options.push({ value: `metric:${def.key}`, label: lang === "zh" ? def.nameZh : def.nameEn });
  return options;
}

/** The override a dropdown value stands for; a custom metric keeps the unit and rule it had or was read with. */
export function choiceFromValue(value: string, header: string, detected: ColumnMeaning, current: ColumnChoice): ColumnChoice {
  if (value === "ignore") return "ignore";
  if (value === "custom") {
    if (current !== "ignore" && current.kind === "custom") return current;
    if (detected.kind === "custom") return detected;
    return { kind: "custom", name: parseHeader(header).name, unit: "number", aggregation: "sum" };
  }
  if (value.startsWith("metric:")) return { kind: "metric", key: value.slice("metric:".length) as CatalogKey };
  return detected;
}

export const CUSTOM_UNITS: ReadonlyArray<{ unit: Unit; label: PaneTextKey }> = [
  { unit: "元", label: "unitMoney" },
  { unit: "count", label: "unitCount" },
  { unit: "%", label: "unitPercent" },
  { unit: "number", label: "unitNumber" },
];

export const CUSTOM_RULES: ReadonlyArray<{ rule: "sum" | "mean" | "last"; label: PaneTextKey }> = [
  { rule: "sum", label: "ruleSum" },
  { rule: "mean", label: "ruleMean" },
  { rule: "last", label: "ruleLast" },
];

/** The same meaning? (Two columns with one meaning is the reader's duplicate-column conflict.) */
export function sameChoice(a: ColumnChoice, b: ColumnChoice): boolean {
  return choiceValue(a) === choiceValue(b) && (a === "ignore" || a.kind !== "custom" || (b !== "ignore" && b.kind === "custom" && a.name === b.name));
}
