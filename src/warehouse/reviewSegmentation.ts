/**
 * A SQL engine's segmentation in the shape the review model takes (engine/customers/segmentation.ts): the
 * summaries as computed, and per-customer arrays holding only the capped list of the largest customers (the
 * 客户明细 sheet says so and where the full table is).
 */
import type { OrderTable } from "../engine/customers/orderTable";
import type { CustomerScores } from "../engine/customers/rfm";
import type { Segmentation } from "../engine/customers/segmentation";
import type { SegmentationSummary } from "../engine/sql/segmentationSummary";
import { toNumber, type SqlRow } from "../engine/sql/sqlSession";

export function segmentationForReview(summary: SegmentationSummary, list: SqlRow[]): { segmentation: Segmentation; table: OrderTable } {
  const n = list.length;
  const ints = (key: string) => Int32Array.from(list, (row) => toNumber(row[key]));
  const bytes = (key: string) => Uint8Array.from(list, (row) => toNumber(row[key]));
  const scores: CustomerScores = {
    asOf: summary.asOf,
    count: n,
    orders: summary.orders,
    source: Int32Array.from({ length: n }, (_, k) => k),
    recency: ints("recency"),
    frequency: ints("frequency"),
    monetary: Float64Array.from(list, (row) => toNumber(row.monetary_text)),
    spend365: new Float64Array(n),
    firstDay: new Int32Array(n),
    r: bytes("r"),
    f: bytes("f"),
    m: bytes("m"),
    segment: Int8Array.from(list, (row) => toNumber(row.segment)),
    class8: bytes("class8"),
    tier: bytes("tier"),
    breaks: summary.breaks,
    means: summary.means,
  };
  const table: OrderTable = {
    rows: 0,
    customer: new Int32Array(0),
    customerIds: list.map((row) => String(row.customer_id)),
    day: new Int32Array(0),
    amount: new Float64Array(0),
    order: null,
    orderIds: null,
    product: null,
    productIds: null,
  };
  const segmentation: Segmentation = {
    scores,
    segments: summary.segments,
    class8: summary.class8,
    tiers: summary.tiers,
    abc: summary.abc,
    cohorts: summary.cohorts,
    revenue: summary.revenue,
  };
  return { segmentation, table };
}
