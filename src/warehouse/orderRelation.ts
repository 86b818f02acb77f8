/**
 * Where the orders are, as a relation an engine reads: a Parquet file or a folder of them, a CSV (plain or .gz)
 * read as text, or a table on a server. Columns are recognised by the same header rules as the TypeScript reader.
 */
import { statSync } from "node:fs";
import { basename, extname } from "node:path";
import { readOrderHeader, type OrderColumnChoice } from "../engine/customers/orderTable";
import type { DialectName } from "../engine/sql/dialects";
import type { OrderSource } from "../engine/sql/segmentationSql";
import { InputFileError } from "../cli/cliErrors";
import { NeedsTsEngine, type DelimitedLayout } from "./delimitedLayout";
import { parseHeader } from "../engine/metrics/headers";
import { InputError, issue } from "../i18n/issues";

export type FileKind = "parquet" | "parquetFolder" | "delimited" | "delimitedGz" | "xlsx";

/** What a path holds, by its name; a folder is a folder of Parquet files. A missing path is a one-line error. */
export function fileKind(path: string): FileKind {
  let folder: boolean;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    throw new InputError([issue("fileNotFound", path)]);
  }
  if (folder) return "parquetFolder";
  const name = path.toLowerCase();
  if (name.endsWith(".parquet") || name.endsWith(".pq")) return "parquet";
  if (name.endsWith(".gz")) return "delimitedGz";
  if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")) return "xlsx";
  return "delimited";
}

function quoted(path: string): string {
  return `'${path.replace(/'/g, "''")}'`;
}

/**
 * A file or folder as a relation of DuckDB (`read_parquet`; `read_csv` all text, with the delimiter and title lines
 * the TypeScript reader finds: `layout`, from delimitedLayout.ts) or chDB (`file(...)`).
 */
export function fileRelation(engine: DialectName, path: string, kind: FileKind = fileKind(path), layout?: DelimitedLayout): string {
  const glob = kind === "parquetFolder" ? `${path.replace(/\/+$/, "")}/**/*.parquet` : path;
  if (engine === "duckdb") {
    if (kind === "parquet" || kind === "parquetFolder") return `read_parquet(${quoted(glob)}, union_by_name = true)`;
    if (!layout) return `read_csv(${quoted(path)}, header = true, all_varchar = true)`;
    const delim = layout.delimiter === "\t" ? "\\t" : layout.delimiter;
    return `read_csv(${quoted(path)}, header = true, all_varchar = true, delim = ${quoted(delim)}, skip = ${layout.skip})`;
  }
  if (engine === "clickhouse") {
    if (kind === "parquet" || kind === "parquetFolder") return `file(${quoted(kind === "parquetFolder" ? `${path.replace(/\/+$/, "")}/*.parquet` : path)}, 'Parquet')`;
    return `file(${quoted(path)}, 'CSVWithNames')`;
  }
  throw new Error(`no file relation for ${engine}`);
}

/** The order columns among `names` by the reader's aliases and the analyst's choice (errors name the file). */
export function orderSourceOf(relation: string, names: string[], choice: OrderColumnChoice, label: string, isTable = false): OrderSource {
  const { columns, headers } = readOrderHeader({ sheet: basename(label, extname(label)), values: [names] }, choice);
  // A line amount made of unit price × quantity is the TypeScript reader's alone: never the price by itself.
  if (columns.amount !== undefined && headers.amount !== names[columns.amount]) {
    throw new InputFileError(`${label}: 金额由 ${headers.amount} 得出，SQL 引擎不支持；请用 --engine ts / the amount is ${headers.amount}, which the SQL engines do not compute: use --engine ts`);
  }
  // A unit in the amount's header (实付金额(万元)) scales amounts in the TypeScript reader; the SQL does not.
  if (headers.amount !== undefined && parseHeader(headers.amount).scale > 1) {
    if (isTable) throw new InputError([issue("sqlAmountUnit", label, { column: headers.amount })]);
    throw new NeedsTsEngine("amountUnit", headers.amount);
  }
  const name = (i: number | undefined) => (i === undefined ? undefined : names[i]);
  return { relation, customer: name(columns.customer)!, date: name(columns.date)!, amount: name(columns.amount)!, order: name(columns.order), product: name(columns.product) };
}
