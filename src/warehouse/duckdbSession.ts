/**
 * Embedded DuckDB (`@duckdb/node-api`) as a SqlSession: in memory up to a limit (KPI_REVIEW_DUCKDB_MEMORY, default
 * 1GB), spilling beyond it to a temporary folder of its own (with the session's database file), removed on close.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { DIALECT } from "../engine/sql/dialects";
import type { SqlRow, SqlSession } from "../engine/sql/sqlSession";

export interface DuckdbSession extends SqlSession {
  connection: DuckDBConnection;
}

export const DEFAULT_DUCKDB_MEMORY = "1GB";

export async function openDuckdb(options: { threads?: number; memoryLimit?: string } = {}): Promise<DuckdbSession> {
  const spill = mkdtempSync(join(tmpdir(), "kpi-review-duckdb-"));
  // Row order is never relied on (results are grouped or ordered explicitly): lets DuckDB stream and spill more freely.
  const config: Record<string, string> = {
    preserve_insertion_order: "false",
    memory_limit: options.memoryLimit ?? process.env.KPI_REVIEW_DUCKDB_MEMORY ?? DEFAULT_DUCKDB_MEMORY,
    temp_directory: spill,
  };
  if (options.threads) config.threads = String(options.threads);
  // A database file in the spill folder, so that the session tables (one row per customer, per customer and month)
  // can leave memory too: 100M orders did not fit in 1 GB with them held in an in-memory database.
  const instance = await DuckDBInstance.create(join(spill, "session.duckdb"), config);
  const connection = await instance.connect();
  return {
    dialect: DIALECT.duckdb,
    connection,
    async exec(sql) {
      await connection.run(sql);
    },
    async query(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS() as SqlRow[];
    },
    async columns(relation) {
      const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
      return reader.getRowObjectsJS().map((row) => String(row.column_name));
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}
