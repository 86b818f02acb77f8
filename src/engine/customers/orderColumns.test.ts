import { findOrderColumns } from "./orderColumns";

const find = (labels: string[], choice = {}) => {
  const columns = findOrderColumns(labels, choice, "S!A1");
  return Object.fromEntries(Object.entries(columns).map(([field, c]) => [field, c!.header]));
};

describe("order list columns", () => {
  test("the paid amount wins over gross amounts wherever they stand", () => {
    expect(find(["客户ID", "下单时间", "订单金额", "实付金额"]).amount).toBe("实付金额");
    expect(find(["客户ID", "下单时间", "应付金额", "成交金额"]).amount).toBe("成交金额");
    expect(find(["客户ID", "下单时间", "订单金额", "应付金额"]).amount).toBe("订单金额");
    expect(find(["customer_id", "date", "gross", "paid"]).amount).toBe("paid");
    expect(find(["customer_id", "date", "Gross", "实收金额"]).amount).toBe("实收金额");
  });
  test("units in brackets and marketplace export names are recognised", () => {
    expect(find(["买家会员名", "订单创建时间", "买家应付货款(元)", "买家实际支付金额（元）", "数量(件)"])).toEqual({ customer: "买家会员名", date: "订单创建时间", amount: "买家实际支付金额（元）", quantity: "数量(件)" });
    expect(find(["Customer ID", "Order Date", "Amount (USD)"]).amount).toBe("Amount (USD)");
  });
  test("a product id wins over a product name; category and quantity are found", () => {
    expect(find(["Customer ID", "Order Date", "Product Name", "Product ID", "Category", "Quantity", "Amount"])).toEqual({
      customer: "Customer ID",
      date: "Order Date",
      amount: "Amount",
      product: "Product ID",
      category: "Category",
      quantity: "Quantity",
    });
    expect(find(["会员ID", "付款时间", "商品名称", "货号", "一级类目", "购买数量", "金额"])).toMatchObject({ product: "货号", category: "一级类目", quantity: "购买数量" });
    expect(find(["buyer_id", "date", "item", "amount"]).product).toBe("item");
  });
  test("a column named by the analyst is never taken by another field", () => {
    expect(find(["客户ID", "下单时间", "实付金额", "订单金额"], { amount: "订单金额" })).toMatchObject({ amount: "订单金额" });
    expect(() => find(["客户ID", "下单时间"], {})).toThrow(/amount/);
    expect(() => find(["客户ID", "下单时间", "金额"], { order: "单号" })).toThrow(/单号/);
  });
});
