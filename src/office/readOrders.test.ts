/**
 * Order lists read from the workbook: only the needed columns, in blocks sized by bytes; turned into typed
 * columns by the worker's code (the same result as reading the whole grid), typed arrays transferred back.
 */
import fc from "fast-check";
import { FakeExcel } from "../../test/helpers/fakeExcel";
import { generateReview } from "./generateReview";
import { defaultChoices } from "./choices";
import { readOrderColumns } from "./readOrders";
import { forPosting, gridOfColumns, handleOrdersMessage, prepareOrders, transferablesOf, type WorkerReply } from "./orderColumns";
import { readOrderHeader, readOrderGrid } from "../engine/customers/orderTable";
import { DEFAULT_SEGMENTATION_SETTINGS } from "../engine/customers/rfm";
import { sampleSheet } from "../../test/helpers/cli";

describe("issue 10 item 7: the order grid", () => {
  test("7. reading an order list reads only the needed columns, in blocks sized by bytes (long Chinese text)", async () => {
    const excel = new FakeExcel({ maxRequestBytes: 64 * 1024 });
    const note = "这是一段很长的中文备注，用来说明这一笔订单的情况。".repeat(20); // 500 characters ≈ 1.5 KB
    const rows: unknown[][] = [["客户ID", "备注", "下单日期", "实付金额"]];
    for (let i = 0; i < 400; i++) rows.push([`C${i % 50}`, note, `2025-0${(i % 9) + 1}-15`, 100 + (i % 7)]);
    excel.addSheet("订单", rows);
    excel.addSheet("月度", sampleSheet("platform-2025/monthly.csv"));
    const choices = { ...defaultChoices("zh"), data: { kind: "range", sheet: "月度", address: "A1:L25" } as const, orders: { kind: "range", sheet: "订单", address: "A1:D401" } as const };
    const counts: number[] = [];
    const result = await generateReview(excel.context, choices, { capabilities: excel.capabilities, now: new Date("2026-01-05T00:00:00Z"), onProgress: (_s, _f, c) => counts.push(c.rowsRead) });
    // 50 customers C0..C49, each with 8 of the 400 orders.
    expect(result.model.customers!.scores.count).toBe(50);
    expect(result.model.customers!.orders.rows).toBe(400);
    expect(excel.largestRequestBytes).toBeLessThan(64 * 1024);
    expect(Math.max(...counts)).toBe(400);
  });

  test("the header is found below blank rows; a missing amount column is reported by cell before the rows are read", async () => {
    const excel = new FakeExcel();
    excel.addSheet("订单", [["客户ID", "下单日期", "说明"], ["C1", "2025-01-02", "x"]], { row: 2, col: 1 });
    await expect(readOrderColumns(excel.context, { kind: "range", sheet: "订单", address: "A1:E10" })).rejects.toMatchObject({ issues: [{ code: "orderColumnMissing", address: "订单!B3" }] });
    expect(excel.syncs).toBe(2); // resolve + the header block only
  });

  test("a title and a note of two cells above the header are skipped, as the file readers skip them", async () => {
    const excel = new FakeExcel();
    excel.addSheet("订单", [["订单明细"], ["导出时间", "2025-07-01 08:00"], [], ["买家", "付款时间", "实付金额"], ["张三", "2025-01-02", 10.5], ["李四", "2025-01-03", 20]]);
    const read = await readOrderColumns(excel.context, { kind: "range", sheet: "订单", address: "A1:C6" });
    expect(read.origin).toEqual({ row: 3, col: 0 });
    expect(read.header).toEqual(["买家", "付款时间", "实付金额"]);
    expect(read.rows).toBe(2);
    expect(read.columns.map((c) => c.cells)).toEqual([["张三", "李四"], ["2025-01-02", "2025-01-03"], [10.5, 20]]);
  });

  test("the worker's result equals reading the whole grid; rejected rows keep their real addresses", () => {
    const cell = fc.oneof(fc.constantFrom("", "x", "坏", "2025-13-01"), fc.integer({ min: -5, max: 500 }), fc.constantFrom("2025-01-15", "2025/3/1", "C1", "C2", "C3"));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("C1", "C2", "C3", "", "C4"), cell, fc.constantFrom("2025-01-15", "2025-02-01", "bad", 45700), fc.integer({ min: 1, max: 900 })), { maxLength: 40 }), (lines) => {
        const values = [["客户ID", "备注", "下单日期", "实付金额"], ...lines.map((l) => [...l])];
        const grid = { values, sheet: "订单", origin: { row: 4, col: 2 } };
        const columns = Object.values(readOrderHeader(grid).columns) as number[];
        const payload = { sheet: "订单", origin: grid.origin, header: values[0], rows: lines.length, columns: columns.map((index) => ({ index, cells: lines.map((l) => l[index]) })) };
        // A list with no usable row is an error (domain.md): the same one either way.
        let whole: ReturnType<typeof readOrderGrid>;
        try {
          whole = readOrderGrid(grid);
        } catch (error) {
          expect(() => prepareOrders(payload, { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: 20200 })).toThrow((error as Error).message);
          return;
        }
        const prepared = prepareOrders(payload, { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: 20200 });
        expect(prepared.read.table).toEqual(whole.table);
        expect(prepared.read.rejected).toEqual(whole.rejected);
        expect(gridOfColumns(payload).values[1]?.[1]).toBeUndefined(); // the note column is never carried
      }),
      { numRuns: 60 },
    );
  });

  test("the worker replies with the typed arrays' buffers as transfers", () => {
    const payload = { sheet: "订单", origin: { row: 0, col: 0 }, header: ["客户ID", "下单日期", "实付金额"], rows: 3, columns: [{ index: 0, cells: ["A", "B", "A"] }, { index: 1, cells: ["2025-01-02", "2025-01-03", "2025-02-02"] }, { index: 2, cells: [10, 20, 30] }] };
    const posted: Array<{ reply: WorkerReply; transfer: ArrayBuffer[] }> = [];
    handleOrdersMessage({ payload, settings: DEFAULT_SEGMENTATION_SETTINGS }, (reply, transfer) => posted.push({ reply, transfer }));
    expect(posted).toHaveLength(1);
    const { reply, transfer } = posted[0];
    if (!reply.ok) throw new Error(reply.message);
    const table = reply.result.read.table;
    for (const array of [table.customer, table.day, table.amount, reply.result.segmentation.scores.monetary]) expect(transfer).toContain(array.buffer);
    expect(new Set(transfer).size).toBe(transfer.length);
    expect(transferablesOf(reply.result)).toEqual(transfer);
    // A: 2 orders, 10 + 30 = 40 元; B: 1 order, 20 元.
    expect(Array.from(reply.result.segmentation.scores.monetary)).toEqual([40, 20]);
  });
});

test("the worker posts the table without the order ids' texts (orders counted by index on the pane's side)", () => {
  const values = [["客户ID", "订单号", "下单日期", "实付金额"], ["C1", "E1", "2025-01-02", 10], ["C1", "E1", "2025-01-02", 5], ["C2", "E2", "2025-01-03", 7]];
  const prepared = prepareOrders({ sheet: "订单", origin: { row: 0, col: 0 }, header: values[0], rows: 3, columns: [0, 1, 2, 3].map((index) => ({ index, cells: values.slice(1).map((r) => r[index]) })) }, { ...DEFAULT_SEGMENTATION_SETTINGS, asOf: 20200 });
  const posted = structuredClone(forPosting(prepared));
  expect(posted.read.table.orderIds).toEqual([]);
  expect(Array.from(posted.read.table.order!)).toEqual([0, 0, 1]);
  expect(posted.read.table.customerIds).toEqual(["C1", "C2"]);
  // C1: one order of 15, C2: one of 7.
  expect(Array.from(posted.segmentation.scores.frequency)).toEqual([1, 1]);
  expect(Array.from(posted.segmentation.scores.monetary)).toEqual([15, 7]);
});
