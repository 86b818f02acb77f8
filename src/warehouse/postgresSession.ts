/** A Postgres-compatible server (PostgreSQL, Hologres, Greenplum) through `pg`. */
import { Client } from "pg";
import { DIALECT } from "../engine/sql/dialects";
import type { SqlRow, SqlSession } from "../engine/sql/sqlSession";

export async function openPostgres(url: string): Promise<SqlSession> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    dialect: DIALECT.postgres,
    async exec(sql) {
      await client.query(sql);
    },
    async query(sql) {
      return (await client.query(sql)).rows as SqlRow[];
    },
    async columns(relation) {
      return (await client.query(`SELECT * FROM ${relation} LIMIT 0`)).fields.map((field) => field.name);
    },
    async close() {
      await client.end();
    },
  };
}
