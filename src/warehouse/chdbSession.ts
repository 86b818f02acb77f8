/**
 * In-process ClickHouse (npm `chdb`, ~550 MB, not a dependency of this package): loaded from the module path in
 * KPI_REVIEW_CHDB (a folder where `npm install chdb` ran, or the package itself), else from the usual `require`.
 */
import { join } from "node:path";
import { existsSync } from "node:fs";
import { DIALECT } from "../engine/sql/dialects";
import type { SqlRow, SqlSession } from "../engine/sql/sqlSession";

interface ChdbSessionClass {
  new (path?: string): { queryAsync(sql: string, options?: { format?: string }): Promise<{ text(): string }>; cleanup(): void };
}

export class ChdbMissingError extends Error {}

export function chdbModulePath(): string {
  const configured = process.env.KPI_REVIEW_CHDB;
  if (!configured) return "chdb";
  const nested = join(configured, "node_modules", "chdb");
  return existsSync(nested) ? nested : configured;
}

function loadChdb(): { Session: ChdbSessionClass } {
  const path = chdbModulePath();
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path) as { Session: ChdbSessionClass };
  } catch {
    throw new ChdbMissingError(path);
  }
}

export function chdbAvailable(): boolean {
  try {
    loadChdb();
    return true;
  } catch {
    return false;
  }
}

export async function openChdb(): Promise<SqlSession> {
  const { Session } = loadChdb();
  const session = new Session();
  const sqlSession: SqlSession = {
    dialect: DIALECT.clickhouse,
    async exec(sql) {
      await session.queryAsync(sql);
    },
    async query(sql) {
      const text = (await session.queryAsync(sql, { format: "JSONEachRow" })).text();
      return text.split("\n").filter((line) => line !== "").map((line) => JSON.parse(line) as SqlRow);
    },
    async columns(relation) {
      return (await sqlSession.query(`DESCRIBE (SELECT * FROM ${relation})`)).map((row) => String(row.name));
    },
    async close() {
      session.cleanup();
    },
  };
  return sqlSession;
}
