/** The segmentation as the documented JSON of `kpi-review segment --json`. */
import { dayToIso } from "./orderValues";
import type { OrderTable } from "./orderTableBuilder";
import { class8Name, SEGMENTS, TIERS } from "./segmentNames";
import type { GroupSummary, Segmentation } from "./segmentation";
import { orderColumnsJson } from "./describeOrderColumns";
import type { OrderField } from "./orderColumns";
import type { DateFormat } from "./orderValues";

function group(summary: GroupSummary, name: string) {
  const { nameZh, customers, share, revenue, revenueShare, averageSpend, repeatShare } = summary;
  return { name, nameZh, customers, share, revenue, revenueShare, averageSpend, repeatShare };
}

/** What the reader used and inferred, reported beside the results. */
export interface OrderSourceInfo {
  headers: Partial<Record<OrderField, string>>;
  encoding: string | null;
  dateFormat: DateFormat | null;
  /** The reader's notes, already worded. */
  warnings: string[];
}

/** One customer of the list, as JSON and as the rows of `--customers-out`. */
export function customerRecord(result: Segmentation, orders: OrderTable, k: number) {
  const { scores } = result;
  return {
    id: orders.customerIds[scores.source[k]],
    recency: scores.recency[k],
    frequency: scores.frequency[k],
    monetary: scores.monetary[k],
    R: scores.r[k],
    F: scores.f[k],
    M: scores.m[k],
    segment: SEGMENTS[scores.segment[k]].name,
    class8: class8Name(scores.class8[k]).nameZh,
    tier: TIERS[scores.tier[k]].nameZh,
  };
}

/**
 * The customer list as JSON text, written directly (a million customers would otherwise be a million objects
 * first); the same text JSON.stringify gives for the customerRecord objects.
 */
export function customerListJson(result: Segmentation, orders: OrderTable): string {
  const { scores } = result;
  const segment = SEGMENTS.map((s) => JSON.stringify(s.name));
  const class8 = Array.from({ length: 8 }, (_, bits) => JSON.stringify(class8Name(bits).nameZh));
  const tier = TIERS.map((s) => JSON.stringify(s.nameZh));
  const parts: string[] = [];
  let block = "";
  for (let k = 0; k < scores.count; k++) {
    block += `${k === 0 ? "" : ","}{"id":${JSON.stringify(orders.customerIds[scores.source[k]])},"recency":${scores.recency[k]},"frequency":${scores.frequency[k]},"monetary":${JSON.stringify(scores.monetary[k])},"R":${scores.r[k]},"F":${scores.f[k]},"M":${scores.m[k]},"segment":${segment[scores.segment[k]]},"class8":${class8[scores.class8[k]]},"tier":${tier[scores.tier[k]]}}`;
    if (block.length > 1 << 16) {
      parts.push(block);
      block = "";
    }
  }
  parts.push(block);
  return `[${parts.join("")}]`;
}

/** The whole JSON text of `segment --json`; `withList: false` leaves the per-customer list out. */
export function segmentationJsonText(result: Segmentation, orders: OrderTable, rejectedRows: number, source: OrderSourceInfo | undefined, withList: boolean): string {
  const { customerList: _, ...summary } = segmentationToJson(result, orders, rejectedRows, source, false);
  const head = JSON.stringify(summary);
  return withList ? `${head.slice(0, -1)},"customerList":${customerListJson(result, orders)}}` : head;
}

export function segmentationToJson(result: Segmentation, orders: OrderTable, rejectedRows: number, source?: OrderSourceInfo, withList = true) {
  const { scores } = result;
  return {
    asOf: dayToIso(scores.asOf),
    customers: scores.count,
    orders: scores.orders,
    rejectedRows,
    columns: source ? orderColumnsJson(source.headers) : undefined,
    encoding: source?.encoding ?? null,
    dateFormat: source?.dateFormat ?? null,
    amountDecimals: Math.round(Math.log10(orders.amountScale)),
    warnings: source?.warnings ?? [],
    breaks: scores.breaks,
    segments: result.segments.map((s) => group(s, s.name)),
    class8: result.class8.map((s) => group(s, s.nameZh)),
    tiers: result.tiers.map((s) => group(s, s.name)),
    abc: result.abc ?? [],
    cohorts: result.cohorts,
    customerList: withList ? Array.from({ length: scores.count }, (_, k) => customerRecord(result, orders, k)) : [],
  };
}
