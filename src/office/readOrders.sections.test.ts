/**
 * The pane's review from an order range alone gets the products, price-band and 品类 sections: the reader takes
 * the category, quantity and product-name columns (and no others), the worker returns them typed, and the
 * categories sheet is written. Every expected number is worked out by hand in the comments.
 */
import { FakeExcel } from "../../test/helpers/fakeExcel";
import { generateReview } from "./generateReview";
import { defaultChoices } from "./choices";
import { readOrderColumns } from "./readOrders";
import { handleOrdersMessage, type WorkerReply } from "./orderColumns";
import { DEFAULT_SEGMENTATION_SETTINGS } from "../engine/customers/rfm";

const NOTE = "请尽快发货，谢谢。".repeat(30);
const ROWS: unknown[][] = [
  ["订单号", "客户ID", "备注", "下单日期", "商品ID", "商品名称", "品类", "数量", "实付金额"],
  ["O1", "A", NOTE, "2024-01-10", "P1", "耳机", "3C", 1, 200], // unit 200
  ["O2", "B", NOTE, "2024-02-10", "P2", "T恤", "服饰", 2, 100], // unit 50
  ["O3", "A", NOTE, "2025-01-05", "P1", "耳机", "3C", 2, 400], // unit 200
  ["O3", "A", NOTE, "2025-01-05", "P2", "T恤", "服饰", 1, 60], // unit 60
  ["O4", "C", NOTE, "2025-02-08", "P3", "袜子", "服饰", 4, 40], // unit 10
  ["O5", "B", NOTE, "2025-02-20", "P1", "耳机", "3C", 1, 180], // unit 180
];
const RANGE = { kind: "range", sheet: "订单", address: "A1:I7" } as const;

function workbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("订单", ROWS);
  return excel;
}

test("only the needed columns are read: the note is not, category, quantity and the product's name are", async () => {
  const excel = workbook();
  const columns = await readOrderColumns(excel.context, RANGE);
  expect(columns.columns.map((c) => c.index)).toEqual([0, 1, 3, 4, 5, 6, 7, 8]);
});

test("the worker returns category and quantity typed (transferred) and the products' names", async () => {
  const excel = workbook();
  const payload = await readOrderColumns(excel.context, RANGE);
  const posted: Array<{ reply: WorkerReply; transfer: ArrayBuffer[] }> = [];
  handleOrdersMessage({ payload, settings: DEFAULT_SEGMENTATION_SETTINGS }, (reply, transfer) => posted.push({ reply, transfer }));
  const { reply, transfer } = posted[0];
  if (!reply.ok) throw new Error(reply.message);
  const table = reply.result.read.table;
  expect(Array.from(table.category!, (k) => table.categoryIds![k])).toEqual(["3C", "服饰", "3C", "服饰", "服饰", "3C"]);
  expect(Array.from(table.quantity!)).toEqual([1, 2, 2, 1, 4, 1]);
  expect(table.productNames).toEqual(["耳机", "T恤", "袜子"]);
  expect(transfer).toContain(table.category!.buffer);
  expect(transfer).toContain(table.quantity!.buffer);
});

test("a review from an order range with a category column writes the categories sheet, products and price bands", async () => {
  const excel = workbook();
  const choices = { ...defaultChoices("zh"), data: null, orders: RANGE, period: { from: "2025-01", to: "2025-02" } };
  const result = await generateReview(excel.context, choices, { capabilities: excel.capabilities, now: new Date("2025-03-01T00:00:00Z") });
  expect(result.write.sheets).toEqual(expect.arrayContaining(["品类", "商品"]));
  // Jan–Feb 2025 against Jan–Feb 2024: 3C 400 + 180 = 580 (PY 200); 服饰 60 + 40 = 100 (PY 100).
  expect(excel.cell("品类", "A4")).toBe("3C");
  expect(excel.cell("品类", "B4")).toBe(580);
  expect(excel.cell("品类", "C4")).toBe(200);
  expect(excel.cell("品类", "A5")).toBe("服饰");
  expect(excel.cell("品类", "B5")).toBe(100);
  expect(excel.cell("品类", "C5")).toBe(100);
  const products = result.model.products!;
  // P1 耳机 580 (PY 200, rank 1 last year), P2 T恤 60 (PY 100, rank 2), P3 袜子 40 (not sold last year).
  expect(products.top.map((p) => [p.product, p.name, p.gmv, p.previous, p.previousRank])).toEqual([
    ["P1", "耳机", 580, 200, 1],
    ["P2", "T恤", 60, 100, 2],
    ["P3", "袜子", 40, 0, null],
  ]);
  // Unit prices (amount / quantity) this year 200, 60, 10, 180; last year 200, 50. Bands < 50, 50–100, 100–200, ≥ 200.
  expect(products.byQuantity).toBe(true);
  expect(products.bands.map((b) => [b.gmv, b.lines, b.previousGmv, b.previousLines])).toEqual([
    [40, 1, 0, 0],
    [60, 1, 100, 1],
    [180, 1, 0, 0],
    [400, 1, 200, 1],
  ]);
});
