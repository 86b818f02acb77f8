/** The session tables the segmentation SQL creates: per-customer aggregates, the one-row breakpoints, scored customers. */
export const TABLES = { base: "kpi_base", breaks: "kpi_breaks", customers: "kpi_customers" } as const;
