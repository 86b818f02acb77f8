/**
 * The session tables the segmentation SQL creates: per-customer aggregates, the one-row breakpoints, scored
 * customers, and orders and revenue per customer and month (for cohorts and the monthly figures).
 */
export const TABLES = { base: "kpi_base", breaks: "kpi_breaks", customers: "kpi_customers", months: "kpi_months" } as const;
