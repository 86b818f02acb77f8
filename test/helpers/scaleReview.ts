/**
 * A review with many customers generated against the strict fake host: the order list (customer id, order id,
 * date, paid amount, and a long Chinese address the job does not need) is generated from a seed, so every run
 * sees the same orders. Returns what the fake counted: syncs, the largest request, bytes in all.
 * Used by test/office.scale.test.ts (a small run) and bench/officeScale.ts (200,000 customers).
 */
import { FakeExcel } from "./fakeExcel";
import { generateReview } from "../../src/office/generateReview";
import { defaultChoices } from "../../src/office/choices";
import { random } from "../../bench/syntheticOrders";

export interface ScaleFigures {
  customers: number;
  orders: number;
  syncs: number;
  largestRequestBytes: number;
  totalBytes: number;
  screenSuspensions: number;
  calculations: number;
  stale: boolean;
  sheets: string[];
}

export async function scaleReview(customers: number, orders: number, monthly: unknown[][]): Promise<ScaleFigures> {
  const next = random(20251122);
  const rows: unknown[][] = [["客户ID", "订单号", "下单日期", "实付金额", "收货地址"]];
  for (let i = 0; i < orders; i++) {
    const customer = i < customers ? i : Math.floor(customers * next() ** 2);
    const day = Math.floor(next() * 365);
    rows.push([`C${String(customer).padStart(7, "0")}`, `O${i}`, 45658 + day, Math.round(50 + next() * 500), "浙江省杭州市西湖区文三路 100 号 某某小区 3 幢 2 单元 501 室"]);
  }
  const excel = new FakeExcel();
  excel.addSheet("月度数据", monthly);
  excel.addSheet("订单", rows);
  const choices = {
    ...defaultChoices("zh"),
    data: { kind: "range", sheet: "月度数据", address: "A1:Z100" } as const,
    orders: { kind: "range", sheet: "订单", address: `A1:E${orders + 1}` } as const,
  };
  const result = await generateReview(excel.context, choices, { capabilities: excel.capabilities, now: new Date("2026-01-05T00:00:00Z") });
  return {
    customers: result.model.customers!.scores.count,
    orders: result.model.customers!.orders.rows,
    syncs: excel.syncs,
    largestRequestBytes: excel.largestRequestBytes,
    totalBytes: excel.requestBytes.reduce((a, b) => a + b, 0),
    screenSuspensions: excel.screenSuspensions,
    calculations: excel.calculations,
    stale: excel.stale,
    sheets: result.write.sheets,
  };
}

export function describeFigures(f: ScaleFigures): string {
  return [
    `customers ${f.customers.toLocaleString("en")}, orders ${f.orders.toLocaleString("en")}, sheets ${f.sheets.join(" / ")}`,
    `syncs ${f.syncs}`,
    `largest request ${f.largestRequestBytes.toLocaleString("en")} bytes (Excel on the web: 5,242,880)`,
    `bytes read and written ${f.totalBytes.toLocaleString("en")}`,
    `screen-updating suspensions ${f.screenSuspensions}, full recalculations ${f.calculations}`,
  ].join("\n");
}
