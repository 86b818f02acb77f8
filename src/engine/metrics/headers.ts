/**
 * What a column header or a target's metric name means: a catalog metric, a channel measure
 * (`搜索GMV`, `站外流量`, `腾讯广告花费`), or a custom metric, with the unit written in the header
 * (`GMV(万元)` means every plain number in the column ×10,000).
 */
import { catalogKeyForName, normaliseName, type CatalogKey, type Direction, type Unit } from "./catalog";
import { ruleFromName, type ColumnAggregation } from "./nameRules";

export type ChannelMeasure = "gmv" | "traffic" | "adSpend" | "adGmv";

/** PL and PY by month of another column; YoY, MoM and attainment that the engine computes itself (cross-checked). */
export type ComparisonRole = "target" | "previous" | "yoy" | "mom" | "attainment";

export type ColumnMeaning =
  | { kind: "metric"; key: CatalogKey }
  | { kind: "channel"; channel: string; measure: ChannelMeasure }
  /** `新客GMV`: a customer type's part of metric `of` (its name as written, e.g. `GMV`). */
  | { kind: "segment"; segment: string; of: string }
  /** `目标GMV`, `去年GMV`, `GMV同比`: a comparison of metric `of` (its name as written). */
  | { kind: "comparison"; role: ComparisonRole; of: string }
  | { kind: "custom"; name: string; unit: Unit; aggregation: ColumnAggregation; direction?: Direction };

export interface ParsedHeader {
  /** The header without its unit part: `GMV(万元)` → `GMV`. */
  name: string;
  /** Multiplier for plain numbers in the column. */
  scale: number;
  /** The unit as written, e.g. `万元`, or "" when none. */
  unitText: string;
}

/** A count or money word after an optional magnitude: `万元`, `千人`, `百万`, `亿元`, `件`. */
const UNIT_WORD = "(?:元|人|个|次|单|笔|件|rmb|cny|yuan)?";
const UNIT_SCALES: ReadonlyArray<[RegExp, number]> = [
  [/^(?:rmb|cny|¥|￥|yuan)$/i, 1],
  [new RegExp(`^千万${UNIT_WORD}$`, "i"), 1e7],
  [new RegExp(`^百万${UNIT_WORD}$`, "i"), 1e6],
  [new RegExp(`^千${UNIT_WORD}$`, "i"), 1e3],
  [new RegExp(`^万${UNIT_WORD}$`, "i"), 1e4],
  [new RegExp(`^亿${UNIT_WORD}$`, "i"), 1e8],
  [/^%$/, 0.01],
  [new RegExp(`^${UNIT_WORD}$`, "i"), 1],
];

/** A column giving each row's unit (`万元`, `亿元`, `%`) in a wide sheet or a targets table. */
export const UNIT_COLUMN_HEADER = /^(?:单位|计量单位|数据单位|unit|units)$/i;

/** `GMV` with the unit cell `万元` → `GMV(万元)`, where the cell names a unit parseHeader knows; else the label as it is. */
export function withUnitCell(label: string, unit: string): string {
  if (label === "" || unit === "" || parseHeader(label).unitText !== "") return label;
  const combined = `${label}(${unit})`;
  return parseHeader(combined).unitText !== "" ? combined : label;
}

/** Splits `GMV(万元)` / `GMV（万元）` / `GMV [万元]` into name and scale. */
export function parseHeader(label: string): ParsedHeader {
  const match = /^(.*?)\s*[([（【]\s*([^)\]）】]*)\s*[)\]）】]\s*$/.exec(label);
  if (match) {
    const unitText = match[2].trim();
    const known = UNIT_SCALES.find(([re]) => re.test(unitText));
    if (known) return { name: match[1].trim(), scale: known[1], unitText };
  }
  return { name: label.trim(), scale: 1, unitText: "" };
}

const CHANNEL_PATTERNS: ReadonlyArray<[RegExp, ChannelMeasure]> = [
  [/^(.+?)\s*(?:广告gmv|ad gmv)$/i, "adGmv"],
  [/^(.+?)\s*(?:广告花费|推广费|ad spend)$/i, "adSpend"],
  [/^(.+?)\s*gmv$/i, "gmv"],
  [/^(.+?)\s*(?:流量|traffic)$/i, "traffic"],
];

const COMPARISON_PREFIXES: ReadonlyArray<[RegExp, ComparisonRole]> = [
  [/^(?:目标|预算|计划)\s*(.+)$|^(?:target|budget|plan)\s+(.+)$/i, "target"],
  [/^(?:去年同期|去年|上年|同期)\s*(.+)$|^(?:last year|ly)\s+(.+)$/i, "previous"],
];
const COMPARISON_SUFFIXES: ReadonlyArray<[RegExp, ComparisonRole]> = [
  [/^(.+?)\s*(?:目标|预算|计划)$|^(.+?)\s+(?:target|budget|plan)$/i, "target"],
  [/^(.+?)\s*(?:去年|上年|去年同期|同期)$|^(.+?)\s+(?:last year|previous year)$/i, "previous"],
  [/^(.+?)\s*(?:同比|同比增长|同比增速)$|^(.+?)\s+(?:yoy)$/i, "yoy"],
  [/^(.+?)\s*(?:环比|环比增长|环比增速)$|^(.+?)\s+(?:mom)$/i, "mom"],
  [/^(.+?)\s*(?:达成率|完成率|达成)$|^(.+?)\s+(?:attainment)$/i, "attainment"],
];
const SEGMENT_PREFIX = /^(新客|老客|会员|非会员|new customers?|returning customers?|members?|non-members?)\s*(.+)$/i;

/** `目标GMV` → target of GMV; `GMV同比` → GMV's YoY; null for any other name. */
export function comparisonOf(name: string): { role: ComparisonRole; of: string } | null {
  for (const [pattern, role] of [...COMPARISON_PREFIXES, ...COMPARISON_SUFFIXES]) {
    const match = pattern.exec(name);
    const of = match ? (match[1] ?? match[2] ?? "").trim() : "";
    if (of !== "") return { role, of };
  }
  return null;
}

/** Recognises a column by its header name (without unit), in domain.md's order. */
export function recogniseColumn(header: ParsedHeader): ColumnMeaning {
  const key = catalogKeyForName(header.name);
  if (key) return { kind: "metric", key };
  const comparison = comparisonOf(header.name);
  if (comparison) return { kind: "comparison", ...comparison };
  const segment = SEGMENT_PREFIX.exec(header.name);
  if (segment && !/^(?:占比|比例|share)/i.test(segment[2])) return { kind: "segment", segment: segment[1], of: segment[2].trim() };
  for (const [pattern, measure] of CHANNEL_PATTERNS) {
    const match = pattern.exec(header.name);
    if (match && match[1].trim() !== "") return { kind: "channel", channel: match[1].trim(), measure };
  }
  const rule = ruleFromName(header.name, header.unitText);
  return { kind: "custom", name: header.name, unit: header.unitText === "%" ? "%" : rule.unit, aggregation: rule.aggregation, direction: rule.direction };
}

/**
 * The scorecard key for a metric named in a targets table: a catalog key, `channel:<X>:gmvShare`,
 * `channel:<X>:trafficShare`, `channel:<X>:roi`, or `custom:<name>`.
 */
export function scorecardKeyForName(name: string): string {
  const clean = parseHeader(name).name;
  const key = catalogKeyForName(clean);
  if (key) return key;
  let match: RegExpExecArray | null;
  if ((match = SEGMENT_PREFIX.exec(clean))) {
    const share = /^(.+?)\s*(?:占比|share)$/i.exec(match[2]);
    const of = (share ? share[1] : match[2]).trim();
    return segmentKey(match[1], scorecardKeyForName(of), share !== null);
  }
  if ((match = /^(.+?)\s*(?:广告花费|推广费|ad spend)$/i.exec(clean))) return channelKey(match[1], "adSpend");
  if ((match = /^(.+?)\s*(?:gmv\s*占比|gmv share)$/i.exec(clean))) return channelKey(match[1], "gmvShare");
  if ((match = /^(.+?)\s*(?:流量\s*占比|traffic share)$/i.exec(clean))) return channelKey(match[1], "trafficShare");
  if ((match = /^(.+?)\s*(?:广告\s*roi|ad roi|roi)$/i.exec(clean))) return channelKey(match[1], "roi");
  return `custom:${clean}`;
}

export type ChannelIndicator = "gmvShare" | "trafficShare" | "roi" | "adSpend" | "gmv";

/** `segment:新客:gmv` (the split's value) or `segment:新客:gmv:share` (its share of the total). */
export function segmentKey(segment: string, of: string, share: boolean): string {
  return `segment:${segment.trim()}:${of}${share ? ":share" : ""}`;
}

export function channelKey(channel: string, indicator: ChannelIndicator): string {
  return `channel:${channel.trim()}:${indicator}`;
}

export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}
