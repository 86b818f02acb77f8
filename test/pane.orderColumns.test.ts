/**
 * Order columns the analyst names in the pane's order step reach the office layer's reader: a list whose amount
 * column the reader does not recognise fails without them and is read with them, in the worker's path too.
 */
import { FakeExcel } from "./helpers/fakeExcel";
import { generateReview } from "../src/office/generateReview";
import { defaultChoices } from "../src/office/choices";
import { InputError } from "../src/i18n/issues";
import { sampleSheet } from "./helpers/cli";

const now = new Date("2026-01-05T09:00:00Z");

function workbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("月度数据", sampleSheet("platform-2025/monthly.csv"));
  // Four customers; 实付 is not an amount name the reader knows, 单号 not an order-id name.
  excel.addSheet("订单", [
    ["单号", "买家", "日期", "实付"],
    ["o1", "c1", "2025-03-01", 100],
    ["o1", "c1", "2025-03-01", 50],
    ["o2", "c2", "2025-04-02", 80],
    ["o3", "c3", "2025-05-03", 20],
    ["o4", "c4", "2025-06-04", 10],
  ]);
  return excel;
}

const base = {
  ...defaultChoices("zh"),
  data: { kind: "range", sheet: "月度数据", address: "A1:L25" } as const,
  orders: { kind: "range", sheet: "订单", address: "A1:D6" } as const,
};

test("without a named amount column the order list is refused, naming the missing field", async () => {
  const excel = workbook();
  const run = generateReview(excel.context, base, { capabilities: excel.capabilities, now });
  await expect(run).rejects.toBeInstanceOf(InputError);
  await expect(run).rejects.toMatchObject({ issues: [expect.objectContaining({ code: "orderColumnMissing", params: expect.objectContaining({ field: "amount" }) })] });
});

test("with the amount and order columns named, the list is read: o1's two lines are one order of 150", async () => {
  const excel = workbook();
  const result = await generateReview(excel.context, { ...base, orderColumns: { amount: "实付", order: "单号" } }, { capabilities: excel.capabilities, now });
  const customers = result.model.customers!;
  expect(customers.orders.rows).toBe(5);
  // By hand: 4 customers; c1 spent 100 + 50 = 150 in one order (o1).
  expect(customers.orders.customerIds).toEqual(["c1", "c2", "c3", "c4"]);
  expect(customers.orders.orderIds).toEqual(["o1", "o2", "o3", "o4"]);
  expect(Array.from(customers.scores.frequency)).toEqual([1, 1, 1, 1]);
  expect(Array.from(customers.scores.monetary)).toEqual([150, 80, 20, 10]);
  expect(customers.revenue).toBe(260);
});
