/**
 * The whole segmentation as one SQL script for the analyst's own warehouse (`kpi-review sql segment`): the
 * statements the engines run, each with a comment saying what it gives, ending with the per-customer table.
 */
import { CLASS8_ORDER, class8Name, SEGMENTS, TIERS } from "../customers/segmentNames";
import { customerTableSql } from "./customerTableSql";
import type { Dialect } from "./dialects";
import { segmentationStatements, type OrderSource, type SegmentationSqlSettings } from "./segmentationSql";

export function segmentationScript(d: Dialect, source: OrderSource, settings: SegmentationSqlSettings): string {
  const s = segmentationStatements(d, source, settings);
  const segments = SEGMENTS.map((x, i) => `${i} ${x.name} ${x.nameZh}`).join(", ");
  const class8 = CLASS8_ORDER.map((bits) => `${bits} ${class8Name(bits).nameZh}`).join(", ");
  const tiers = TIERS.map((x, i) => `${i} ${x.nameZh} ${x.name}`).join(", ");
  const parts: Array<[string, string | null]> = [
    [`kpi_base: per customer, orders before as-of: recency (days), frequency (distinct order ids), monetary, spend in the 365 days before as-of`, s.setup[0]],
    [`kpi_breaks: as-of (days since 1970-01-01) and the 20/40/60/80th percentiles of R, F, M as Excel's PERCENTILE.INC`, s.setup[1]],
    [`kpi_customers: scores (a value equal to a breakpoint lands on the lower score), segment, 8-class bits, tier`, s.setup[2]],
    [`Overview: as-of, customers, orders, revenue, score sums (means = sum / customers), breakpoints`, s.overview],
    [`Groups: customers, revenue and repeat customers (more than one order).\n-- segment: ${segments}\n-- class8 bits (R high 4, F high 2, M high 1): ${class8}\n-- tier: ${tiers}`, s.groups],
    [`Revenue per product, largest first: A while the cumulative share before the item is < ${settings.abc.a}, B while < ${settings.abc.b}, else C`, s.products],
    [`kpi_months: orders, revenue and refunds per customer and month (year * 12 + month - 1) before as-of, with the customer's first month`, s.setup[3]],
    [`Cohorts: customers of first-order month "cohort" with an order k months later`, s.cohorts],
    [`Monthly figures: GMV, orders, buyers, repeat buyers (2+ orders in the month), new customers (first order in the data) and their GMV`, s.monthly],
    [`The per-customer table`, customerTableSql(d, undefined, false)],
  ];
  const header = `-- kpi-review segment · ${d.name} · RFM quintiles, 11 segments, the 8-class model, value tiers, ABC, cohorts.\n-- Generated; statements end with ";". The kpi_* tables live for the session.`;
  return [header, ...parts.filter(([, sql]) => sql !== null).map(([comment, sql]) => `-- ${comment}\n${sql};`)].join("\n\n") + "\n";
}
