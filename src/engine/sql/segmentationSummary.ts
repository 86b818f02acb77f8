/**
 * The segmentation's results without the per-customer arrays: what the review and `--json` show, whether the
 * TypeScript engine or a SQL engine computed it. Per-customer rows of a SQL engine stay where they were computed
 * (written to a file with `--customers-out`).
 */
import type { Breaks } from "../customers/rfm";
import type { AbcItem, Cohort, GroupSummary, Segmentation } from "../customers/segmentation";

/** One month of figures derived from an order list (domain.md, "The review from an order list"). */
export interface OrderMonth {
  /** `2025-01`. */
  month: string;
  gmv: number;
  orders: number;
  buyers: number;
  repeatBuyers: number;
  newCustomers: number;
  newCustomerGmv: number;
  returningGmv: number;
  /** Refund rows' amounts, as a positive number. */
  refunds: number;
}

export interface SegmentationSummary {
  asOf: number;
  customers: number;
  orders: number;
  revenue: number;
  breaks: Breaks;
  means: { r: number; f: number; m: number };
  segments: GroupSummary[];
  class8: GroupSummary[];
  tiers: GroupSummary[];
  abc: AbcItem[] | null;
  cohorts: Cohort[];
  /** Monthly figures from the orders (SQL engines; null where not computed). */
  monthly: OrderMonth[] | null;
}

export function summaryOfSegmentation(result: Segmentation): SegmentationSummary {
  const { scores } = result;
  return {
    asOf: scores.asOf,
    customers: scores.count,
    orders: scores.orders,
    revenue: result.revenue,
    breaks: scores.breaks,
    means: scores.means,
    segments: result.segments,
    class8: result.class8,
    tiers: result.tiers,
    abc: result.abc,
    cohorts: result.cohorts,
    monthly: null,
  };
}
