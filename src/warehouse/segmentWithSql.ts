/**
 * The segmentation on a SQL engine, from a file or a server table, of orders or of customer-level rows: opens the
 * session, recognises the columns, runs the generated SQL, writes `--customers-out`, closes the session.
 */
import type { OrderColumnChoice } from "../engine/customers/orderTable";
import type { SegmentationSettings } from "../engine/customers/rfm";
import type { DialectName } from "../engine/sql/dialects";
import type { CustomerSource } from "../engine/sql/customerTableSql";
import { runSegmentationSql } from "../engine/sql/runSegmentationSql";
import type { OrderSource } from "../engine/sql/segmentationSql";
import type { SegmentationSummary } from "../engine/sql/segmentationSummary";
import type { SqlSession } from "../engine/sql/sqlSession";
import { issue, InputError } from "../i18n/issues";
import { ChdbMissingError, chdbModulePath, openChdb } from "./chdbSession";
import { openClickhouse } from "./clickhouseSession";
import { customerSourceOf, type CustomerColumnChoice } from "./customerColumns";
import { checkCustomersOut, writeCustomersOut } from "./customersOut";
import { openDuckdb } from "./duckdbSession";
import { fileKind, fileRelation, orderSourceOf } from "./orderRelation";
import { delimitedLayout, NeedsTsEngine } from "./delimitedLayout";

export { NeedsTsEngine };
import { oddValueSql, type OrderProfile } from "../engine/sql/orderProfile";
import type { SegmentationSqlSettings } from "../engine/sql/segmentationSql";
import { openPostgres } from "./postgresSession";

export { MONEY_SCALE } from "./moneyScale";
import { MONEY_SCALE } from "./moneyScale";

export interface SqlSegmentRequest {
  engine: DialectName;
  /** Server URL (ClickHouse http://…, Postgres postgres://…); without it DuckDB or chDB run in this process. */
  url?: string;
  /** A file or folder (in-process engines), or a table on the server (`--table`). */
  file?: string;
  table?: string;
  /** Customer-level rows instead of orders. */
  customers?: boolean;
  choice: OrderColumnChoice & CustomerColumnChoice;
  settings: SegmentationSettings;
  customersOut?: string;
}

export interface SqlSegmentResult {
  summary: SegmentationSummary;
  /** Rows left out for a blank customer id, an unreadable date or amount. */
  rejectedRows: number;
  customersOut?: { path: string; rows: number };
}

const URL_EXAMPLE = { clickhouse: "http://host:8123", postgres: "postgres://user@host:5432/db" } as const;

async function openSession(request: SqlSegmentRequest): Promise<SqlSession> {
  if (request.engine === "duckdb") return openDuckdb();
  if (request.engine === "clickhouse") {
    if (request.url) return openClickhouse(request.url);
    try {
      return await openChdb();
    } catch (error) {
      if (error instanceof ChdbMissingError) throw new InputError([issue("chdbMissing", undefined, { path: chdbModulePath() })]);
      throw error;
    }
  }
  if (!request.url) throw new InputError([issue("sqlEngineNeedsUrl", undefined, { engine: "postgres", example: URL_EXAMPLE.postgres })]);
  return openPostgres(request.url);
}

function relationOf(request: SqlSegmentRequest): string {
  if (request.table) return request.table;
  if (request.engine === "postgres" || (request.engine === "clickhouse" && request.url)) {
    throw new InputError([issue("sqlEngineNeedsUrl", undefined, { engine: `${request.engine} --table`, example: "--table orders" })]);
  }
  const kind = fileKind(request.file!);
  const layout = request.engine === "duckdb" && (kind === "delimited" || kind === "delimitedGz") ? delimitedLayout(request.file!, kind === "delimitedGz") : undefined;
  return fileRelation(request.engine, request.file!, kind, layout);
}

function engineError(engine: string, error: unknown): InputError {
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return new InputError([issue("sqlEngineFailed", undefined, { engine, message })]);
}

export async function segmentWithSql(request: SqlSegmentRequest): Promise<SqlSegmentResult> {
  const inputs = request.file ? [request.file] : [];
  if (request.customersOut) checkCustomersOut(request.customersOut, inputs);
  const session = await openSession(request).catch((error) => {
    throw error instanceof InputError ? error : engineError(request.engine, error);
  });
  try {
    const relation = relationOf(request);
    const label = request.file ?? request.table!;
    const names = await session.columns(relation);
    const settings = { asOf: request.settings.asOf, tiers: request.settings.tiers, abc: request.settings.abc, moneyScale: MONEY_SCALE };
    const source: OrderSource | CustomerSource = request.customers ? customerSourceOf(relation, names, request.choice, label) : orderSourceOf(relation, names, request.choice, label, request.table !== undefined);
    const delimited = request.file !== undefined && !request.table && /^delimited/.test(fileKind(request.file));
    if (delimited && !request.customers) Object.assign(source, { asText: true, columns: names });
    const check = delimited && !request.customers ? (profile: OrderProfile) => refuseOddValues(session, source as OrderSource, settings, profile) : undefined;
    const { summary, rejectedRows } = await runSegmentationSql(session, source, settings, check);
    if (summary.customers === 0) throw new InputError([issue("noCustomerRows", label)]);
    const result: SqlSegmentResult = { summary, rejectedRows };
    if (request.customersOut) result.customersOut = { path: request.customersOut, rows: await writeCustomersOut(session, request.customersOut, inputs) };
    return result;
  } catch (error) {
    if (error instanceof InputError || error instanceof NeedsTsEngine) throw error;
    // Bytes that are not UTF-8 past the opening the layout looked at (a GBK name deep in the file).
    if (request.file && /unicode|utf-?8/i.test(String((error as Error).message)) && /^delimited/.test(fileKind(request.file))) throw new NeedsTsEngine("notUtf8");
    throw engineError(request.engine, error);
  } finally {
    await session.close();
  }
}

/** A CSV with values the SQL would read otherwise than the TypeScript reader goes to the TypeScript engine. */
async function refuseOddValues(session: SqlSession, source: OrderSource, settings: SegmentationSqlSettings, profile: OrderProfile): Promise<void> {
  const kind = (["dates", "amounts", "ids"] as const).find((k) => profile.odd[k] > 0);
  if (!kind) return;
  const [row] = await session.query(oddValueSql(session.dialect, source, settings, profile.facts, kind));
  throw new NeedsTsEngine(kind, String(row?.value ?? "").slice(0, 40));
}
