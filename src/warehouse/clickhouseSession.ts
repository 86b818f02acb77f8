/** A ClickHouse server or cluster over HTTP (`@clickhouse/client`); one session, so temporary tables live across statements. */
import { createClient } from "@clickhouse/client";
import { randomUUID } from "node:crypto";
import { DIALECT } from "../engine/sql/dialects";
import type { SqlRow, SqlSession } from "../engine/sql/sqlSession";

export async function openClickhouse(url: string): Promise<SqlSession> {
  const client = createClient({ url, session_id: randomUUID(), clickhouse_settings: { output_format_json_quote_64bit_integers: 0 } });
  const sqlSession: SqlSession = {
    dialect: DIALECT.clickhouse,
    async exec(sql) {
      await client.command({ query: sql });
    },
    async query(sql) {
      const result = await client.query({ query: sql, format: "JSONEachRow" });
      return (await result.json()) as SqlRow[];
    },
    async columns(relation) {
      return (await sqlSession.query(`DESCRIBE (SELECT * FROM ${relation})`)).map((row) => String(row.name));
    },
    async close() {
      await client.close();
    },
  };
  return sqlSession;
}
