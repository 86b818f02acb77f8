/**
 * Which engine segments the orders: the TypeScript engine (default for CSV/TXT/xlsx within Excel's rows),
 * embedded DuckDB (default for Parquet, a folder of Parquet files, .gz, a CSV past 1,048,576 rows — found by the
 * TypeScript reader stopping there —, customer-level input), ClickHouse (a server with --url, else chDB in this process) or a Postgres-compatible server.
 */
import { Option, type Command } from "commander";
import type { OrderListOptions } from "./options";
import { asOfOption, tiersOption } from "./options";
import { UsageError } from "./cliErrors";
import type { CliIo } from "./io";
import { renderSegmentationText } from "./segmentCommand";
import { renderOrderMonths } from "./orderMonthsText";
import { DEFAULT_SEGMENTATION_SETTINGS } from "../engine/customers/rfm";
import { DIALECTS, type DialectName } from "../engine/sql/dialects";
import { segmentationSummaryToJson } from "../engine/sql/segmentationSummaryJson";
import { fileKind } from "../warehouse/orderRelation";
import type { Lang } from "../i18n/issues";
import { formatIssue, issue, InputError } from "../i18n/issues";
import { t } from "../i18n/strings";

export type EngineName = "ts" | DialectName;

export interface EngineOptions {
  engine?: EngineName;
  url?: string;
  table?: string;
  customers?: string;
  customersOut?: string;
  frequency?: string;
  spend365?: string;
}

/** Excel's last row: a CSV with more rows than this cannot be opened in a sheet. */
export const EXCEL_ROWS = 1_048_576;

export function addEngineOptions(command: Command): Command {
  return command
    .addOption(new Option("--engine <engine>", "ts, duckdb, clickhouse or postgres (default: duckdb for Parquet, folders, .gz and files past Excel's rows, else ts)").choices(["ts", ...DIALECTS]))
    .option("--url <url>", "server: http://host:8123 (ClickHouse) or postgres://user@host/db")
    .option("--table <table>", "table (or view) of orders on the server")
    .option("--customers <file>", "customer-level input instead of orders: id, last order date, orders, spend, spend in the last 365 days")
    .option("--frequency <column>", "orders column of --customers input")
    .option("--spend365 <column>", "spend-in-365-days column of --customers input")
    .option("--customers-out <file>", "write the per-customer table to a .parquet or .csv file");
}

export function chooseEngine(file: string | undefined, options: EngineOptions): EngineName {
  if (options.engine) return options.engine;
  if (options.url) return /^postgres(ql)?:/i.test(options.url) ? "postgres" : "clickhouse";
  if (options.customers || options.table) return "duckdb";
  // A Parquet per-customer table is written through DuckDB's COPY (the TypeScript engine writes CSV).
  if (options.customersOut && !/\.csv$/i.test(options.customersOut)) return "duckdb";
  if (file === undefined) return "ts";
  const kind = fileKind(file);
  if (kind === "parquet" || kind === "parquetFolder" || kind === "delimitedGz") return "duckdb";
  // A delimited file stays with the TypeScript engine, which stops at Excel's last row (readOrderFile's
  // maxRecords) so that the file goes to DuckDB instead: no separate pass to count its lines.
  return "ts";
}

/** Delimited text the TypeScript engine reads only up to Excel's rows, DuckDB beyond them (no --engine given). */
export function rowLimitForTsEngine(file: string, options: EngineOptions): number | undefined {
  return options.engine === undefined && fileKind(file) === "delimited" ? EXCEL_ROWS : undefined;
}

/** The order file the TypeScript engine reads; Parquet, folders and .gz need a SQL engine. */
export function tsEngineFile(file: string | undefined): string {
  if (file === undefined) throw new UsageError("segment: name an order list, or --customers FILE, or --table with --url");
  const kind = fileKind(file);
  if (kind === "parquet" || kind === "parquetFolder" || kind === "delimitedGz") throw new InputError([issue("sqlEngineNeedsFile", file)]);
  return file;
}

function engineLabel(engine: DialectName, options: EngineOptions): string {
  if (engine === "clickhouse") return options.url ? `ClickHouse ${options.url}` : "chDB";
  if (engine === "postgres") return `PostgreSQL ${options.url?.replace(/\/\/[^@/]*@/, "//") ?? ""}`.trim();
  return "DuckDB";
}

/** Runs the segmentation on a SQL engine when one is chosen; null when the TypeScript engine should. */
export async function segmentOnChosenEngine(file: string | undefined, options: OrderListOptions & EngineOptions & { lang: Lang; json?: boolean }, io: CliIo): Promise<number | null> {
  const engine = chooseEngine(file, options);
  if (engine === "ts") {
    // The TypeScript engine writes --customers-out as CSV (cli/customersOut.ts); Parquet needs DuckDB.
    if (options.customers || (options.customersOut && !/\.csv$/i.test(options.customersOut))) throw new UsageError("--customers and a Parquet --customers-out need a SQL engine: --engine duckdb");
    return null;
  }
  const input = options.customers ?? file;
  if (input === undefined && !options.table) throw new UsageError("segment: name an order list, or --customers FILE, or --table with --url");
  // Loaded only when a SQL engine runs: DuckDB, the ClickHouse client and pg take longer to load than the
  // TypeScript engine takes to segment a million orders.
  const { segmentWithSql, NeedsTsEngine } = await import("../warehouse/segmentWithSql");
  const result = await segmentWithSql({
    engine,
    url: options.url,
    file: options.table ? undefined : input,
    table: options.table,
    customers: options.customers !== undefined,
    choice: { customer: options.id, date: options.date, amount: options.amount, order: options.order, product: options.product, frequency: options.frequency, spend365: options.spend365 },
    settings: { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: asOfOption(options.asOf), tiers: tiersOption(options.tiers) },
    customersOut: options.customersOut,
  }).catch((error) => {
    if (!(error instanceof NeedsTsEngine) || input === undefined) throw error;
    // A file the SQL would read otherwise than the TypeScript reader: read by that reader, as --engine ts would.
    const reason = { reason: error.reason, value: error.value };
    if (options.customers) throw new InputError([issue("customersFileNeedsUtf8", input, reason)]);
    if (fileKind(input) === "delimitedGz") throw new InputError([issue("gzNeedsTsEngine", input, reason)]);
    io.stderr(formatIssue(issue("readByTsEngine", input, reason), options.lang) + "\n");
    return null;
  });
  if (result === null) return null;
  if (result.rejectedRows > 0) io.stderr(formatIssue(issue("sqlRowsLeftOut", options.table ?? input, { rows: result.rejectedRows.toLocaleString("en-US") }), options.lang) + "\n");
  const label = engineLabel(engine, options);
  if (options.json) {
    io.stdout(JSON.stringify(segmentationSummaryToJson(result.summary, result.rejectedRows, { engine: label, customersOut: result.customersOut })) + "\n");
    return 0;
  }
  const lang = options.lang;
  io.stdout(renderSegmentationText(result.summary, result.rejectedRows, lang));
  if (result.summary.monthly) io.stdout(`\n${renderOrderMonths(result.summary.monthly, lang)}\n`);
  const where = result.customersOut ? `${t("customersOutWritten", lang)} ${result.customersOut.path} (${result.customersOut.rows.toLocaleString("en-US")})` : t("customersOutHint", lang);
  io.stdout(`\n${t("engineUsed", lang)}: ${label} · ${where}\n`);
  return 0;
}
