import { readOrderLines } from "./orderLines";

describe("order lines: category and quantity beside the order reader's columns", () => {
  const grid = {
    sheet: "订单",
    values: [
      ["订单号", "客户ID", "下单时间", "商品ID", "类目", "购买数量", "实付金额"],
      ["O1", "A", "2025-01-02", "P1", "3C", "2", "100"],
      ["O2", "", "2025-01-03", "P2", "服饰", "1", "50"], // no customer: left out
      ["O3", "B", "not a date", "P2", "服饰", "1", "50"], // left out
      ["O4", "C", "2025-01-04", "P3", "服饰", "", "30"], // blank quantity
      ["O5", "D", "2025-01-05", "P1", "3C", "3", "150"],
    ],
  };

  test("rows left out by the reader are left out of the lines too: the columns stay aligned", () => {
    const read = readOrderLines(grid);
    expect(read.rejectedRows).toBe(2);
    expect(read.table.rows).toBe(3);
    const { category, categoryIds, quantity } = read.lines;
    expect(Array.from(category!, (k) => categoryIds![k])).toEqual(["3C", "服饰", "3C"]);
    expect(Array.from(quantity!)).toEqual([2, NaN, 3]);
    expect(Array.from(read.table.product!, (k) => read.table.productIds![k])).toEqual(["P1", "P3", "P1"]);
  });

  test("a product's name beside its ID, for the top list", () => {
    const read = readOrderLines({ sheet: "s", values: [["客户ID", "下单时间", "实付金额", "商品ID", "商品名称"], ["A", "2025-01-01", "9", "P7", "蓝牙耳机"], ["B", "2025-01-02", "5", "P8", "数据线"], ["C", "2025-01-03", "9", "P7", "蓝牙耳机"]] });
    expect(read.table.productIds).toEqual(["P7", "P8"]); // the ID, not the name, identifies the item
    expect(read.lines.productNames).toEqual(["蓝牙耳机", "数据线"]);
  });

  test("columns named by the analyst; none without such columns", () => {
    const named = readOrderLines({ sheet: "s", values: [["customer", "date", "amount", "group", "n"], ["A", "2025-01-01", "9", "G1", "4"]] }, { category: "group", quantity: "n" });
    expect(named.lines.categoryIds).toEqual(["G1"]);
    expect(Array.from(named.lines.quantity!)).toEqual([4]);
    const none = readOrderLines({ sheet: "s", values: [["customer", "date", "amount"], ["A", "2025-01-01", "9"]] });
    expect(none.lines).toMatchObject({ category: null, categoryIds: null, quantity: null });
  });
});
