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
  test("line breaks (Alt+Enter), spaces, _ and - inside headers are ignored when matching names", () => {
    expect(find(["订单\n编号", "客户\nID", "下单\n时间", "商品总价", "买家\n实付"])).toEqual({ order: "订单\n编号", customer: "客户\nID", date: "下单\n时间", amount: "买家\n实付" });
    expect(find(["amazon-order-id", "purchase-date", "buyer-email", "sku", "quantity", "item-price"], { customer: "buyer-email", amount: "item-price" })).toEqual({
      customer: "buyer-email",
      date: "purchase-date",
      amount: "item-price",
      order: "amazon-order-id",
      product: "sku",
      quantity: "quantity",
    });
    expect(find(["Customer  ID", "Order_Date", "Paid Amount"])).toEqual({ customer: "Customer  ID", date: "Order_Date", amount: "Paid Amount" });
  });
  test("a name with a qualifier before it (订单实付金额, 主订单编号) keeps that name's place: paid before price × quantity and gross", () => {
    // 有赞: 订单实付金额 beside 商品单价 and 商品数量 is the amount, not their product.
    expect(find(["订单号", "商品名称", "商品单价", "商品数量", "订单实付金额", "下单时间", "买家昵称"])).toMatchObject({ amount: "订单实付金额", order: "订单号", quantity: "商品数量" });
    // 抖店: 主订单编号 (not the 子订单编号 of each line), 订单应付金额, 订单提交时间.
    expect(find(["子订单编号", "主订单编号", "商品金额", "订单应付金额", "订单提交时间", "支付完成时间", "买家昵称"])).toMatchObject({ order: "主订单编号", amount: "订单应付金额", date: "订单提交时间" });
    // A header that is a name of its own keeps its own place: 订单创建时间 before 订单付款时间 (not 订单 + 付款时间).
    expect(find(["买家会员名", "订单付款时间", "订单创建时间", "买家实际支付金额"]).date).toBe("订单创建时间");
    // A qualified paid amount wins over a plain gross amount wherever it stands.
    expect(find(["客户ID", "下单时间", "订单金额", "买家实付金额"]).amount).toBe("买家实付金额");
    expect(find(["客户ID", "下单时间", "订单金额", "用户支付金额"]).amount).toBe("用户支付金额");
    // Other words before a name are not qualifiers: 退款金额 and 优惠金额 are never the amount.
    expect(() => find(["客户ID", "下单时间", "退款金额", "优惠金额"])).toThrow(/amount/);
    expect(() => find(["客户ID", "下单时间", "子订单编号", "退款实付金额"])).toThrow(/amount/);
  });
  test("real export names: 微店 实收款, 京东 订购数量, WooCommerce Net Sales", () => {
    expect(find(["订单编号", "买家", "下单时间", "商品名称", "数量", "单价", "实收款"]).amount).toBe("实收款");
    expect(find(["订单号", "商品ID", "订购数量", "下单帐号", "下单时间", "订单金额", "应付金额"])).toMatchObject({ quantity: "订购数量", amount: "订单金额" });
    expect(find(["Date", "Order #", "Customer", "Items sold", "Net Sales"])).toMatchObject({ amount: "Net Sales", date: "Date", customer: "Customer" });
    expect(find(["Date", "Order #", "Customer", "Net Sales"]).order).toBe("Order #");
    // Amazon's order report: hyphenated names; item-price must be chosen (a price or a line total, the name does not say).
    expect(find(["amazon-order-id", "purchase-date", "buyer-email", "sku", "quantity", "item-price"], { amount: "item-price" })).toMatchObject({ order: "amazon-order-id", customer: "buyer-email", date: "purchase-date" });
    // English exports: Order Total (order + total), Order Time; Total Paid before Grand Total; a line's Order Status is not a date.
    expect(find(["Order Number", "Order Status", "Order Time", "Customer Email", "Order Subtotal", "Order Total"])).toMatchObject({ order: "Order Number", date: "Order Time", amount: "Order Total", customer: "Customer Email" });
    expect(find(["Order ID", "Customer ID", "Created", "Order Created At", "Grand Total", "Total Paid"])).toMatchObject({ date: "Order Created At", amount: "Total Paid" });
    // More names real exports use: 客户名称, 交易时间, 交易金额, 商品编号, 销量; Customer Name, Transaction Date, Product Code.
    expect(find(["客户名称", "交易时间", "交易金额", "商品编号", "商品名称", "销量"])).toEqual({ customer: "客户名称", date: "交易时间", amount: "交易金额", product: "商品编号", quantity: "销量" });
    expect(find(["Customer Name", "Customer Number", "Transaction Date", "Product Code", "Sales Amount"])).toEqual({ customer: "Customer Number", date: "Transaction Date", amount: "Sales Amount", product: "Product Code" });
    // Taobao's 商家编码 (the shop's own product code) before the 宝贝标题.
    expect(find(["订单编号", "买家会员名", "订单付款时间", "买家实际支付金额", "宝贝标题", "商家编码"]).product).toBe("商家编码");
    // Shopify: Total (what was paid) before Subtotal.
    expect(find(["Name", "Email", "Subtotal", "Total", "Created at"]).amount).toBe("Total");
  });
  test("a column named by the analyst is never taken by another field", () => {
    expect(find(["客户ID", "下单时间", "实付金额", "订单金额"], { amount: "订单金额" })).toMatchObject({ amount: "订单金额" });
    expect(() => find(["客户ID", "下单时间"], {})).toThrow(/amount/);
    expect(() => find(["客户ID", "下单时间", "金额"], { order: "单号" })).toThrow(/单号/);
  });
});

describe("an order row where the header should be", () => {
  test("CDNOW_master.txt without its header line: one message asking for a header row, not three missing columns", () => {
    expect(() => find(["00001", "19970101", "1", "11.77"])).toThrow(/S!A1: the first row "00001 19970101 1 11.77" looks like an order, not a header/);
    expect(() => find(["张三", "2025-01-05 08:30:00", "100.50"])).toThrow(/looks like an order/);
  });
  test("a header of names with no recognised column still names the missing columns", () => {
    expect(() => find(["编号", "日子", "钱"])).toThrow(/no customer id column/);
    // A bare number (an id such as 00001, or an Excel serial) alone does not make a row of data.
    expect(() => find(["00001", "12", "钱"])).toThrow(/no customer id column/);
  });
});
