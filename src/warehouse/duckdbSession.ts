/** Embedded DuckDB (`@duckdb/node-api`) as a SqlSession: in memory, spilling to a temp folder when it must. */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { DIALECT } from "../engine/sql/dialects";
import type { SqlRow, SqlSession } from "../engine/sql/sqlSession";

export interface DuckdbSession extends SqlSession {
  connection: DuckDBConnection;
}

export async function openDuckdb(options: { threads?: number; memoryLimit?: string } = {}): Promise<DuckdbSession> {
  // Row order is never relied on (results are grouped or ordered explicitly): lets DuckDB stream and spill more freely.
  const config: Record<string, string> = { preserve_insertion_order: "false" };
  if (options.threads) config.threads = String(options.threads);
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  const instance = await DuckDBInstance.create(":memory:", config);
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
    },
  };
}
