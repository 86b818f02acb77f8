/**
 * Runs the generated segmentation SQL on a session and assembles the same summaries as the TypeScript engine
 * (engine/customers/segmentation.ts): group shares, average spend and repeat share from exact counts and exact
 * decimal revenue; ABC from revenue per product; the cohort matrix from its cells.
 */
import { monthOfDay } from "../customers/orderTable";
import type { AbcItem, Cohort, GroupSummary } from "../customers/segmentation";
import { CLASS8_ORDER, class8Name, SEGMENTS, TIERS, type GroupName } from "../customers/segmentNames";
import { profileOrders, type OrderProfile } from "./orderProfile";
import { customerStatements, segmentationStatements, type OrderSource, type SegmentationSqlSettings, type SegmentationStatements } from "./segmentationSql";
import type { CustomerSource } from "./customerTableSql";
import type { OrderMonth, SegmentationSummary } from "./segmentationSummary";
import { toNumber, type SqlRow, type SqlSession } from "./sqlSession";

interface GroupRow {
  customers: number;
  revenue: number;
  repeaters: number;
}

function groupSummaries(rows: Map<number, GroupRow>, order: readonly number[], names: (g: number) => GroupName, count: number, total: number): GroupSummary[] {
  return order.map((g) => {
    const row = rows.get(g) ?? { customers: 0, revenue: 0, repeaters: 0 };
    return {
      ...names(g),
      customers: row.customers,
      share: count === 0 ? 0 : row.customers / count,
      revenue: row.revenue,
      revenueShare: total === 0 ? 0 : row.revenue / total,
      averageSpend: row.customers === 0 ? null : row.revenue / row.customers,
      repeatShare: row.customers === 0 ? null : row.repeaters / row.customers,
    };
  });
}

export function abcFromProducts(rows: SqlRow[], cutoffs: { a: number; b: number }): AbcItem[] {
  const revenue = rows.map((r) => toNumber(r.revenue));
  const total = revenue.reduce((s, v) => s + v, 0);
  let before = 0;
  return rows.map((r, i) => {
    const share = total === 0 ? 0 : revenue[i] / total;
    const item: AbcItem = { product: String(r.product), revenue: revenue[i], share, cumulativeBefore: before, abcClass: before < cutoffs.a ? "A" : before < cutoffs.b ? "B" : "C" };
    before += share;
    return item;
  });
}

function monthLabel(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
}

/** Monthly figures from their rows, every month from the first to the last listed (empty months as zeros). */
export function monthlyFromRows(rows: SqlRow[]): OrderMonth[] {
  const byMonth = new Map(rows.map((row) => [toNumber(row.month), row]));
  if (byMonth.size === 0) return [];
  const first = Math.min(...byMonth.keys());
  const last = Math.max(...byMonth.keys());
  return Array.from({ length: last - first + 1 }, (_, k) => {
    const row = byMonth.get(first + k);
    const value = (key: string) => (row ? toNumber(row[key]) : 0);
    return {
      month: monthLabel(first + k),
      gmv: value("gmv"),
      orders: value("orders"),
      buyers: value("buyers"),
      repeatBuyers: value("repeat_buyers"),
      newCustomers: value("new_customers"),
      newCustomerGmv: value("new_customer_gmv"),
      returningGmv: value("gmv") - value("new_customer_gmv"),
      refunds: value("refunds"),
    };
  });
}

export function cohortsFromCells(rows: SqlRow[], asOf: number): Cohort[] {
  const lastMonth = monthOfDay(asOf - 1);
  const cells = new Map<number, Map<number, number>>();
  for (const row of rows) {
    const cohort = toNumber(row.cohort);
    if (!cells.has(cohort)) cells.set(cohort, new Map());
    cells.get(cohort)!.set(toNumber(row.k), toNumber(row.customers));
  }
  return [...cells.keys()]
    .sort((a, b) => a - b)
    .map((month) => {
      const counts = cells.get(month)!;
      const size = counts.get(0) ?? 0;
      const retention = Array.from({ length: lastMonth - month + 1 }, (_, k) => (counts.get(k) ?? 0) / size);
      return { cohort: monthLabel(month), customers: size, retention };
    });
}

export interface SqlSegmentation {
  summary: SegmentationSummary;
  /** Order rows left out: a blank customer id, an unreadable date or amount (0 for customer-level input). */
  rejectedRows: number;
}

/**
 * Fills the session tables (kept for `--customers-out`) and returns the summaries. Orders are profiled first (one
 * scan: rows left out, the latest order when there is no as-of, what the statements may skip), so the later
 * statements read them with a literal as-of.
 */
export async function runSegmentationSql(
  session: SqlSession,
  source: OrderSource | CustomerSource,
  settings: SegmentationSqlSettings,
  /** Sees the profile before anything else runs (and may refuse the source by throwing). */
  checkProfile?: (profile: OrderProfile) => Promise<void>,
): Promise<SqlSegmentation> {
  if ("lastDate" in source) return { summary: await summarise(session, customerStatements(session.dialect, source, settings), settings), rejectedRows: 0 };
  const profile = await profileOrders(session, source, settings);
  await checkProfile?.(profile);
  await session.fitMemory?.(profile.rows);
  if (settings.asOf === undefined && Number.isFinite(profile.lastDay)) settings = { ...settings, asOf: profile.lastDay + 1 };
  const summary = await summarise(session, segmentationStatements(session.dialect, source, settings, profile.facts), settings);
  return { summary, rejectedRows: profile.rejectedRows };
}

async function summarise(session: SqlSession, statements: SegmentationStatements, settings: SegmentationSqlSettings): Promise<SegmentationSummary> {
  for (const sql of statements.setup) await session.exec(sql);
  const [overview] = await session.query(statements.overview);
  const customers = toNumber(overview.customers);
  const revenue = customers === 0 ? 0 : toNumber(overview.revenue);
  const asOf = toNumber(overview.as_of);
  const byGrouping = new Map<string, Map<number, GroupRow>>();
  for (const row of await session.query(statements.groups)) {
    const grouping = String(row.grouping);
    if (!byGrouping.has(grouping)) byGrouping.set(grouping, new Map());
    byGrouping.get(grouping)!.set(toNumber(row.grp), { customers: toNumber(row.customers), revenue: toNumber(row.revenue), repeaters: toNumber(row.repeaters) });
  }
  const groups = (name: string) => byGrouping.get(name) ?? new Map<number, GroupRow>();
  const breaks = (key: string) => [1, 2, 3, 4].map((k) => toNumber(overview[`${key}b${k}`]));
  return {
    asOf,
    customers,
    orders: customers === 0 ? 0 : toNumber(overview.orders),
    revenue,
    breaks: { recency: breaks("r"), frequency: breaks("f"), monetary: breaks("m") },
    means: { r: toNumber(overview.sum_r) / customers, f: toNumber(overview.sum_f) / customers, m: toNumber(overview.sum_m) / customers },
    segments: groupSummaries(groups("segment"), SEGMENTS.map((_, i) => i), (g) => SEGMENTS[g], customers, revenue),
    class8: groupSummaries(groups("class8"), CLASS8_ORDER, class8Name, customers, revenue),
    tiers: groupSummaries(groups("tier"), TIERS.map((_, i) => i), (g) => TIERS[g], customers, revenue),
    abc: statements.products ? abcFromProducts(await session.query(statements.products), settings.abc) : null,
    cohorts: customers === 0 || !statements.cohorts ? [] : cohortsFromCells(await session.query(statements.cohorts), asOf),
    monthly: customers === 0 || !statements.monthly ? null : monthlyFromRows(await session.query(statements.monthly)),
  };
}
