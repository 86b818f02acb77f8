/**
 * What a column header or a target's metric name means: a catalog metric, a channel measure
 * (`搜索GMV`, `站外流量`, `腾讯广告花费`), or a custom metric, with the unit written in the header
 * (`GMV(万元)` means every plain number in the column ×10,000).
 */
import { catalogKeyForName, normaliseName, type CatalogKey, type Unit } from "./catalog";

export type ChannelMeasure = "gmv" | "traffic" | "adSpend" | "adGmv";

export type ColumnMeaning =
  | { kind: "metric"; key: CatalogKey }
  | { kind: "channel"; channel: string; measure: ChannelMeasure }
  | { kind: "custom"; name: string; unit: Unit; aggregation: "sum" | "mean" };

export interface ParsedHeader {
  /** The header without its unit part: `GMV(万元)` → `GMV`. */
  name: string;
  /** Multiplier for plain numbers in the column. */
  scale: number;
  /** The unit as written, e.g. `万元`, or "" when none. */
  unitText: string;
}

const UNIT_SCALES: ReadonlyArray<[RegExp, number]> = [
  [/^(?:元|rmb|cny|¥|￥|yuan)$/i, 1],
  [/^(?:千元|千)$/, 1e3],
  [/^(?:万元|万|万人|万次|万单)$/, 1e4],
  [/^(?:百万元|百万)$/, 1e6],
  [/^(?:千万元|千万)$/, 1e7],
  [/^(?:亿元|亿)$/, 1e8],
  [/^%$/, 0.01],
  [/^(?:人|个|次|单|笔|件)$/, 1],
];

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

const RATE_LIKE = /(?:率|占比|比例|share|rate|ratio|%)$/i;

/** Recognises a column by its header name (without unit). */
export function recogniseColumn(header: ParsedHeader): ColumnMeaning {
  const key = catalogKeyForName(header.name);
  if (key) return { kind: "metric", key };
  for (const [pattern, measure] of CHANNEL_PATTERNS) {
    const match = pattern.exec(header.name);
    if (match && match[1].trim() !== "") return { kind: "channel", channel: match[1].trim(), measure };
  }
  const isRate = RATE_LIKE.test(header.name) || header.unitText === "%";
  const isMoney = header.unitText !== "" && header.scale !== 0.01 && /元|rmb|cny|¥|yuan/i.test(header.unitText);
  return {
    kind: "custom",
    name: header.name,
    unit: isRate ? "%" : isMoney ? "元" : "number",
    aggregation: isRate ? "mean" : "sum",
  };
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
  if ((match = /^(.+?)\s*(?:gmv\s*占比|gmv share)$/i.exec(clean))) return channelKey(match[1], "gmvShare");
  if ((match = /^(.+?)\s*(?:流量\s*占比|traffic share)$/i.exec(clean))) return channelKey(match[1], "trafficShare");
  if ((match = /^(.+?)\s*(?:广告\s*roi|ad roi|roi)$/i.exec(clean))) return channelKey(match[1], "roi");
  return `custom:${clean}`;
}

export type ChannelIndicator = "gmvShare" | "trafficShare" | "roi";

export function channelKey(channel: string, indicator: ChannelIndicator): string {
  return `channel:${channel.trim()}:${indicator}`;
}

export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}
