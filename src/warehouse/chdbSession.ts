/**
 * In-process ClickHouse (npm `chdb`, ~550 MB, not a dependency of this package): loaded from KPI_REVIEW_CHDB (a
 * folder where `npm install --prefix <folder> chdb` ran, or the package itself), else the usual `require("chdb")`,
 * else ~/.cache/kpi-review/chdb, where scripts/setup.sh installs it for the tests.
 */
import { join } from "node:path";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { DIALECT } from "../engine/sql/dialects";
import type { SqlRow, SqlSession } from "../engine/sql/sqlSession";

interface ChdbSessionClass {
  new (path?: string): { queryAsync(sql: string, options?: { format?: string }): Promise<{ text(): string }>; cleanup(): void };
}

export class ChdbMissingError extends Error {}

/** The folder setup.sh installs chDB into for the tests (outside the repository, reused between runs). */
export const CHDB_CACHE = join(homedir(), ".cache", "kpi-review", "chdb");

function inFolder(folder: string): string {
  const nested = join(folder, "node_modules", "chdb");
  return existsSync(nested) ? nested : folder;
}

/** Where chDB is looked for, in order. */
export function chdbCandidates(): string[] {
  const configured = process.env.KPI_REVIEW_CHDB;
  return configured ? [inFolder(configured)] : ["chdb", inFolder(CHDB_CACHE)];
}

export function chdbModulePath(): string {
  return chdbCandidates().join(", ");
}

function loadChdb(): { Session: ChdbSessionClass } {
  for (const path of chdbCandidates()) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require(path) as { Session: ChdbSessionClass };
    } catch {
      // try the next place
    }
  }
  throw new ChdbMissingError(chdbModulePath());
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
