import { readDelimitedOrderBytes, RowLimitExceeded } from "./delimitedOrders";

const text = (lines: string[]) => new TextEncoder().encode(lines.join("\n") + "\n");
const options = { sheet: "orders", source: "orders.csv" };

test("maxRecords counts every record as a sheet row (title, header, blank lines) and stops one past it", () => {
  // Title, header, three orders and a blank line: six records, as six rows of a sheet.
  const bytes = text(["订单明细", "买家,下单时间,实付金额", "张三,2025-01-02,10.50", "李四,2025-01-03,20", "", "张三,2025-02-01,5"]);
  const read = readDelimitedOrderBytes(bytes, { ...options, maxRecords: 6 });
  expect(read.table.rows).toBe(3);
  expect(read.table.customerIds).toEqual(["张三", "李四"]);
  expect(() => readDelimitedOrderBytes(bytes, { ...options, maxRecords: 5 })).toThrow(RowLimitExceeded);
  // A quoted field spanning two lines is one record, as it is one cell of a sheet.
  const quoted = text(["customer,date,amount,note", 'a,2025-01-02,1,"two', 'lines"', "b,2025-01-03,2,x"]);
  expect(readDelimitedOrderBytes(quoted, { ...options, maxRecords: 3 }).table.rows).toBe(2);
});
