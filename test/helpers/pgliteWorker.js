// PGlite (Postgres in WebAssembly) in a worker thread: jest's module sandbox cannot run its dynamic imports, a
// worker runs plain Node. Messages: { id, kind: "exec" | "query" | "close", sql, params } → { id, rows | error }.
const { parentPort } = require("node:worker_threads");

let dbPromise = null;
function db() {
  if (!dbPromise) dbPromise = import("@electric-sql/pglite").then(({ PGlite }) => PGlite.create());
  return dbPromise;
}

parentPort.on("message", async ({ id, kind, sql, params }) => {
  try {
    const pg = await db();
    if (kind === "exec") {
      await pg.exec(sql);
      parentPort.postMessage({ id, rows: [] });
    } else if (kind === "query") {
      const result = await pg.query(sql, params ?? []);
      parentPort.postMessage({ id, rows: result.rows });
    } else {
      await pg.close();
      parentPort.postMessage({ id, rows: [] });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
