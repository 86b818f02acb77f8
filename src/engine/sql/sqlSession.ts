/** What the segmentation needs of a SQL engine: run statements, read rows (values as numbers, text or bigints). */
import type { Dialect } from "./dialects";

export type SqlRow = Record<string, unknown>;

export interface SqlSession {
  dialect: Dialect;
  /** Runs one or more statements that return nothing. */
  exec(sql: string): Promise<void>;
  query(sql: string): Promise<SqlRow[]>;
  /** Sizes the engine's memory for this many order rows, where the session may choose (embedded DuckDB). */
  fitMemory?(rows: number): Promise<void>;
  /** Column names of a relation (a table, `read_parquet(...)`, `file(...)`). */
  columns(relation: string): Promise<string[]>;
  close(): Promise<void>;
}

/** A count, sum or id from any driver (bigint, numeric text, number) as a JavaScript number. */
export function toNumber(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && value.trim() !== "") return Number(value);
  if (value === null || value === undefined) return NaN;
  return Number(String(value));
}
