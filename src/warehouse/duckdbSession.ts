/**
 * Embedded DuckDB (`@duckdb/node-api`) as a SqlSession, spilling past its memory limit to a temporary folder of its
 * own (with the session's database file), removed on close. The limit is KPI_REVIEW_DUCKDB_MEMORY (or the caller's)
 * when set; otherwise it starts at 1.5 GB and, once the orders are counted, grows with them (memoryForRows).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { DIALECT } from "../engine/sql/dialects";
import type { SqlRow, SqlSession } from "../engine/sql/sqlSession";

export interface DuckdbSession extends SqlSession {
  connection: DuckDBConnection;
}

const MB = 1024 * 1024;

/**
 * DuckDB's memory limit for a number of order rows: room for the per-customer-and-month hash table (some 75 bytes an
 * order where every order falls in a month of its own) so that it need not spill, from 1.5 GB to 3 GB and at most a
 * quarter of the machine's memory. 20 million orders: 1.5 GB; 100 million: 3 GB.
 */
export function memoryForRows(rows: number, machine = totalmem()): number {
  const wanted = Math.min(Math.max(rows * 75, 1536 * MB), 3072 * MB);
  return Math.floor(Math.min(wanted, machine / 4) / MB) * MB;
}

export async function openDuckdb(options: { threads?: number; memoryLimit?: string } = {}): Promise<DuckdbSession> {
  const spill = mkdtempSync(join(tmpdir(), "kpi-review-duckdb-"));
  const fixedMemory = options.memoryLimit ?? process.env.KPI_REVIEW_DUCKDB_MEMORY;
  // Row order is never relied on (results are grouped or ordered explicitly): lets DuckDB stream and spill more freely.
  const config: Record<string, string> = {
    preserve_insertion_order: "false",
    memory_limit: fixedMemory ?? `${memoryForRows(0) / MB}MB`,
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
    async fitMemory(rows) {
      if (fixedMemory === undefined) await connection.run(`SET memory_limit = '${memoryForRows(rows) / MB}MB'`);
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}
