/** A SqlSession on PGlite (PostgreSQL 17 in WebAssembly), run in a worker thread (see pgliteWorker.js). */
import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { DIALECT } from "../../src/engine/sql/dialects";
import type { SqlRow, SqlSession } from "../../src/engine/sql/sqlSession";

export interface PgliteSession extends SqlSession {
  queryWith(sql: string, params: unknown[]): Promise<SqlRow[]>;
}

export function openPglite(): PgliteSession {
  const worker = new Worker(join(__dirname, "pgliteWorker.js"));
  let next = 0;
  const pending = new Map<number, { resolve: (rows: SqlRow[]) => void; reject: (e: Error) => void }>();
  worker.on("message", ({ id, rows, error }: { id: number; rows?: SqlRow[]; error?: string }) => {
    const p = pending.get(id)!;
    pending.delete(id);
    if (error !== undefined) p.reject(new Error(error));
    else p.resolve(rows!);
  });
  const call = (kind: string, sql?: string, params?: unknown[]) =>
    new Promise<SqlRow[]>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, kind, sql, params });
    });
  return {
    dialect: DIALECT.postgres,
    async exec(sql) {
      await call("exec", sql);
    },
    query: (sql) => call("query", sql),
    queryWith: (sql, params) => call("query", sql, params),
    async columns(relation) {
      return Object.keys((await call("query", `SELECT * FROM ${relation} LIMIT 1`))[0] ?? {});
    },
    async close() {
      await call("close");
      await worker.terminate();
    },
  };
}
