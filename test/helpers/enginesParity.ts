/**
 * One order file through `kpi-review segment --json` on the TypeScript engine and on DuckDB: the summaries both
 * report, compared key by key (numbers to 12 significant digits, so exact decimal and compensated sums agree).
 */
import { runCli } from "./cli";

type Json = Record<string, unknown>;

export const SUMMARY_KEYS = ["asOf", "customers", "orders", "rejectedRows", "breaks", "segments", "class8", "tiers", "abc", "cohorts"] as const;

function rounded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return typeof value === "number" ? Number(value.toPrecision(12)) : value;
}

export interface EngineRunOutput {
  code: number;
  json: Json | null;
  stderr: string;
}

async function segment(file: string, engine: "ts" | "duckdb", args: string[]): Promise<EngineRunOutput> {
  const out = await runCli(["segment", file, "--engine", engine, "--json", "--lang", "en", ...args]);
  return { code: out.code, json: out.code === 0 ? (JSON.parse(out.stdout) as Json) : null, stderr: out.stderr };
}

/** Both engines on `file`; the summaries as pairs [key, value] for a readable toEqual. */
export async function bothEngines(file: string, args: string[] = []): Promise<{ ts: EngineRunOutput; duckdb: EngineRunOutput; same: (keys?: readonly string[]) => void }> {
  const ts = await segment(file, "ts", args);
  const duckdb = await segment(file, "duckdb", args);
  const same = (keys: readonly string[] = SUMMARY_KEYS) => {
    expect(ts.code).toBe(0);
    expect(duckdb.code).toBe(0);
    for (const key of keys) expect([key, rounded(duckdb.json![key])]).toEqual([key, rounded(ts.json![key])]);
  };
  return { ts, duckdb, same };
}
