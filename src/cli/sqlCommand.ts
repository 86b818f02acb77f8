/** `kpi-review sql segment`: prints the segmentation SQL for the analyst's own warehouse. */
import type { Command } from "commander";
import { Option } from "commander";
import { DEFAULT_SEGMENTATION_SETTINGS } from "../engine/customers/rfm";
import { DIALECT, DIALECTS, type DialectName } from "../engine/sql/dialects";
import { segmentationScript } from "../engine/sql/segmentationScript";
import { MONEY_SCALE } from "../warehouse/moneyScale";
import type { CliIo } from "./io";
import { asOfOption, tiersOption } from "./options";

export interface SqlSegmentOptions {
  dialect: DialectName;
  table: string;
  id: string;
  date: string;
  amount: string;
  order?: string;
  product?: string;
  asOf?: string;
  tiers?: string;
}

export function sqlSegmentCommand(options: SqlSegmentOptions, io: CliIo): number {
  const settings = { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: asOfOption(options.asOf), tiers: tiersOption(options.tiers), moneyScale: MONEY_SCALE };
  const source = { relation: options.table, customer: options.id, date: options.date, amount: options.amount, order: options.order, product: options.product };
  io.stdout(segmentationScript(DIALECT[options.dialect], source, settings));
  return 0;
}

export function addSqlCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const sql = program.command("sql").description("print SQL to run in your own warehouse");
  sql
    .command("segment")
    .description("the customer segmentation (RFM, segments, 8-class, tiers, ABC, cohorts) as SQL for DuckDB, ClickHouse or PostgreSQL/Hologres/Greenplum")
    .addOption(new Option("--dialect <dialect>", "duckdb, clickhouse or postgres").choices([...DIALECTS]).makeOptionMandatory())
    .requiredOption("--table <table>", "table or view of orders")
    .option("--id <column>", "customer id column", "customer_id")
    .option("--date <column>", "order date column (a date or timestamp)", "order_date")
    .option("--amount <column>", "paid amount column", "amount")
    .option("--order <column>", "order id column (default: every row is an order)")
    .option("--product <column>", "product column, for ABC")
    .option("--as-of <date>", "as-of date YYYY-MM-DD (default: the day after the latest order)")
    .option("--tiers <high,potential,dormantDays,lostDays>", "value tier thresholds, default 5000,1000,90,180")
    .action((options) => setExit(sqlSegmentCommand(options, io)));
}
