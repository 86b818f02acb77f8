/**
 * The fast byte reader of delimited text and the grid reader give identical tables (property), in every
 * encoding and however the bytes are cut into chunks; Chinese ids in GBK and UTF-16 stay distinct.
 */
import fc from "fast-check";
import { DelimitedOrderReader, readDelimitedOrderBytes } from "../src/engine/customers/delimitedOrders";
import { readOrderGrid, type ReadOrdersResult } from "../src/engine/customers/orderTable";
import { parseDelimitedText } from "../src/cli/inputFiles";
import { decodeText } from "../src/engine/read/decodeText";
import { InputError } from "../src/i18n/issues";
import { gbkBytes, utf16leBytes } from "./helpers/encodings";

const OPTIONS = { sheet: "orders", source: "orders.csv" };

function viaGrid(bytes: Uint8Array, dateFormat?: "dmy" | "mdy"): ReadOrdersResult {
  const decoded = decodeText(bytes, "orders.csv");
  return readOrderGrid({ sheet: "orders", values: parseDelimitedText(decoded.text) }, {}, { dateFormat });
}

function viaBytes(bytes: Uint8Array, cuts: number[] = [], dateFormat?: "dmy" | "mdy"): ReadOrdersResult {
  const reader = new DelimitedOrderReader({ ...OPTIONS, dateFormat });
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.push(bytes.subarray(at, Math.max(at, cut)));
    at = Math.max(at, cut);
  }
  reader.push(bytes.subarray(at));
  return reader.finish();
}

/**
 * The list read in two parts as the command line does on two cores (cli/orderFileParts.ts): a first reader up to
 * the line start nearest `cutAt`, a second one on the header's bytes and the rest, absorbed by the first. Null
 * when the parts cannot be joined (then the command line reads in one go).
 */
function viaParts(bytes: Uint8Array, cutAt: number, dateFormat?: "dmy" | "mdy"): ReadOrdersResult | null {
  let cut = bytes.indexOf(10, Math.min(cutAt, bytes.length));
  if (cut < 0) return null;
  cut++;
  const first = new DelimitedOrderReader({ ...OPTIONS, dateFormat });
  first.push(bytes.subarray(0, cut));
  const headerEnd = first.headerBytesEnd();
  if (headerEnd === null || headerEnd > cut) return null;
  const second = new DelimitedOrderReader({ ...OPTIONS, dateFormat });
  second.push(bytes.subarray(0, headerEnd));
  second.push(bytes.subarray(cut));
  // What a worker thread posts is a structured clone: read it back as such.
  const part = structuredClone(second.finishPart());
  if (!part || !first.absorbPart(part)) return null;
  return first.finish();
}

/** Everything a reader returns, in plain arrays, or the error it throws. */
function outcome(read: () => ReadOrdersResult): unknown {
  try {
    const r = read();
    const t = r.table;
    const list = (a: ArrayLike<number> | null) => (a ? Array.from(a) : null);
    return {
      rows: t.rows,
      customerIds: t.customerIds,
      customer: list(t.customer),
      day: list(t.day),
      amountMinor: list(t.amountMinor),
      amount: list(t.amount),
      amountScale: t.amountScale,
      order: list(t.order),
      orderIds: t.order ? t.orderIds : null,
      product: list(t.product),
      productIds: t.product ? t.productIds : null,
      productNames: t.productNames ?? null,
      category: list(t.category),
      categoryIds: t.category ? t.categoryIds : null,
      quantity: list(t.quantity),
      rejectedRows: r.rejectedRows,
      rejected: r.rejected,
      warnings: r.warnings,
      columns: r.columns,
      headers: r.headers,
      dateFormat: r.dateFormat,
    };
  } catch (error) {
    if (error instanceof InputError) return { error: error.issues };
    throw error;
  }
}

const CHINESE = "客户ID,下单时间,订单金额,实付金额\n张三,2025-01-05,120.00,100.50\n李四,2025-01-06,80,70.25\n张三,2025-02-01,50,45.10\n王五,2025-02-03,30,30\n赵六,2025-02-10,10.5,9.99\n孙七,2025-03-01,200,180\n";

describe("encodings", () => {
  test("GBK: five Chinese buyers stay five customers, the paid column is used, the encoding is named", () => {
    const read = readDelimitedOrderBytes(gbkBytes(CHINESE), OPTIONS);
    expect(read.encoding).toBe("GB18030/GBK");
    expect(read.table.customerIds).toEqual(["张三", "李四", "王五", "赵六", "孙七"]);
    expect(read.columns.amount).toBe(3);
    expect(read.headers.amount).toBe("实付金额");
    // Paid amounts in cents: 100.50 70.25 45.10 30 9.99 180
    expect(Array.from(read.table.amountMinor)).toEqual([10050, 7025, 4510, 3000, 999, 18000]);
    expect(read.table.amountScale).toBe(100);
    expect(outcome(() => read)).toEqual(outcome(() => viaGrid(gbkBytes(CHINESE))));
  });
  test("UTF-16LE tab-separated (Excel's Unicode text) reads the same", () => {
    const read = readDelimitedOrderBytes(utf16leBytes(CHINESE.replace(/,/g, "\t")), OPTIONS);
    expect(read.encoding).toBe("UTF-16LE");
    expect(read.table.customerIds).toEqual(["张三", "李四", "王五", "赵六", "孙七"]);
    expect(Array.from(read.table.amountMinor)).toEqual([10050, 7025, 4510, 3000, 999, 18000]);
  });
  test("GBK after a long ASCII start is still GBK; bytes fitting no encoding are an error", () => {
    const ascii = "customer_id,date,amount\n" + "a,2025-01-01,1\n".repeat(2000);
    const bytes = Uint8Array.from([...new TextEncoder().encode(ascii), ...gbkBytes("张三,2025-01-02,2\n")]);
    const read = viaBytes(bytes, [4096, 8000]);
    expect(read.encoding).toBe("GB18030/GBK");
    expect(read.table.customerIds).toEqual(["a", "张三"]);
    const bad = Uint8Array.from([...new TextEncoder().encode("customer_id,date,amount\n张三,2025-01-01,1\n"), 0xff, 0xff, 0x0a]);
    expect(() => readDelimitedOrderBytes(bad, OPTIONS)).toThrow(/cannot decode/);
  });
  test("a chunk may end inside a character, a quoted field or a line end", () => {
    const text = '\uFEFF客户ID,下单时间,实付金额,商品\r\n"张,三",2025-01-05,"1,000.5","杯""子"\r\n李四,2025-01-06,3,\r\n';
    const bytes = new TextEncoder().encode(text);
    const whole = outcome(() => viaBytes(bytes));
    for (let cut = 1; cut < bytes.length; cut++) expect(outcome(() => viaBytes(bytes, [cut]))).toEqual(whole);
    expect(whole).toMatchObject({ customerIds: ["张,三", "李四"], productIds: ["杯\"子"], product: [0, -1], amountMinor: [10005, 30] });
    expect(whole).toEqual(outcome(() => viaGrid(bytes)));
  });
});

test("product names beside product ids: the first row's name per id, never merging ids", () => {
  const text = "Customer ID,Order Date,Product ID,Product Name,Paid\nc1,2025-01-01,P2,Mug,10\nc1,2025-01-01,P1,Mug,8\nc2,2025-01-02,P1,Big mug,8\nc3,2025-01-03,,Tea,25\n";
  const read = readDelimitedOrderBytes(new TextEncoder().encode(text), OPTIONS);
  expect(read.table.productIds).toEqual(["P2", "P1"]);
  expect(read.table.productNames).toEqual(["Mug", "Mug"]);
  expect(Array.from(read.table.product!)).toEqual([0, 1, 1, -1]);
  expect(outcome(() => read)).toEqual(outcome(() => viaGrid(new TextEncoder().encode(text))));
});

describe("property: the fast path and the grid path give identical tables", () => {
  const id = fc.constantFrom("a", "b", "c", "张三", "李四", " d ", "e,f", 'g"h', "");
  const day = fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)));
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = fc.tuple(day, fc.constantFrom("iso", "slash-ymd", "compact", "time", "dmy", "mdy", "bad", "blank")).map(([d, form]) => {
    const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    switch (form) {
      case "iso": return `${y}-${pad(m)}-${pad(dd)}`;
      case "slash-ymd": return `${y}/${m}/${dd}`;
      case "compact": return `${y}${pad(m)}${pad(dd)}`;
      case "time": return `${y}-${pad(m)}-${pad(dd)} 12:${pad(dd)}:00`;
      case "dmy": return `${dd}/${m}/${y}`;
      case "mdy": return `${m}/${dd}/${y} 16:25`;
      case "bad": return "n/a";
      default: return "";
    }
  });
  const amount = fc.oneof(
    fc.tuple(fc.integer({ min: -5000, max: 500000 }), fc.integer({ min: 0, max: 3 })).map(([u, d]) => (u / 10 ** d).toFixed(d)),
    fc.constantFrom("￥1,234.50", "3.5万", "abc", "", " 12.5 ", "1e3", "0.1", "0.1234567", "2.0000004"),
  );
  const optional = fc.constantFrom("o1", "o2", "o3", "", "p 1", "类目A", "两行\r\n名称");
  const quantity = fc.constantFrom("1", "2", "", "x", "1.5");
  const row = fc.tuple(id, date, amount, optional, optional, optional, quantity);
  const list = fc.record({
    rows: fc.array(row, { minLength: 0, maxLength: 40 }),
    delimiter: fc.constantFrom(",", "\t", ";"),
    newline: fc.constantFrom("\n", "\r\n"),
    quoteAll: fc.boolean(),
    blankLines: fc.boolean(),
    title: fc.constantFrom("", "订单明细", "Orders 2025"),
    // A note of two cells above the header (导出时间, its value): skipped like a title.
    noteLine: fc.boolean(),
    extraColumns: fc.boolean(),
    cuts: fc.array(fc.integer({ min: 0, max: 4000 }), { maxLength: 4 }),
    encoding: fc.constantFrom("utf8", "utf8bom", "gbk", "utf16"),
    dateFormat: fc.constantFrom(undefined, "dmy", "mdy"),
    partsAt: fc.double({ min: 0.3, max: 1, noNaN: true }),
    // Plain rows before the generated ones, so that a first part can hold enough bytes to settle the encoding.
    filler: fc.integer({ min: 150, max: 400 }),
  });

  test("same rows, rejections, warnings and errors; also read in two parts", () => {
    let joined = 0;
    fc.assert(
      fc.property(list, (l) => {
        const quote = (text: string, force: boolean) => (force || /[",;\t\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
        const header = ["customer_id", "date", "amount", "order_id", "sku", "category", "qty", ...(l.extraColumns ? ["product_name"] : [])];
        const lines = [...(l.title ? [l.title, ""] : []), ...(l.noteLine ? [["导出时间", "2025-01-05 08:00"].join(l.delimiter)] : []), header.join(l.delimiter)];
        for (let i = 0; i < l.filler; i++) lines.push([`f${i % 37}`, `2024-02-${String(1 + (i % 28)).padStart(2, "0")}`, `${i % 90}.5`, `o${i}`, `s${i % 5}`, "", "1", ...(l.extraColumns ? ["名"] : [])].join(l.delimiter));
        for (const r of l.rows) {
          const cells = r.map((c) => quote(c, l.quoteAll && c !== ""));
          if (l.extraColumns) cells.push(quote(`名 ${r[3]}`, l.quoteAll));
          lines.push(cells.join(l.delimiter));
          if (l.blankLines) lines.push("");
        }
        const text = lines.join(l.newline) + l.newline;
        const bytes =
          l.encoding === "gbk" ? gbkBytes(text) : l.encoding === "utf16" ? utf16leBytes(text) : new TextEncoder().encode(l.encoding === "utf8bom" ? "\uFEFF" + text : text);
        const fast = outcome(() => viaBytes(bytes, l.cuts, l.dateFormat));
        const grid = outcome(() => viaGrid(bytes, l.dateFormat));
        expect(fast).toEqual(grid);
        // Read in two parts: the same, whenever the parts can be joined (UTF-8 text, no quoted field across the cut).
        let parts: ReadOrdersResult | null = null;
        const inParts = outcome(() => (parts = viaParts(bytes, Math.floor(l.partsAt * bytes.length), l.dateFormat)) ?? viaBytes(bytes, [], l.dateFormat));
        if (parts !== null) joined++;
        if (l.encoding === "utf8" || l.encoding === "utf8bom") expect(inParts).toEqual(fast);
      }),
      { numRuns: 300 },
    );
    // Most UTF-8 lists were in fact read in two parts (the others had a quoted field across the cut, or a cut
    // before the encoding was settled).
    expect(joined).toBeGreaterThan(60);
  });

  test("whitespace-separated text (CDNOW_master.txt's layout) too", () => {
    const wsRow = fc.tuple(fc.constantFrom("00001", "00002", "x9"), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 99999 }));
    fc.assert(
      fc.property(fc.array(wsRow, { maxLength: 30 }), fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 3 }), (rows, cuts) => {
        const lines = [" customer_id  date number_of_cds  dollar_value"];
        for (const [c, d, cents] of rows) {
          const date = new Date(Date.UTC(1997, 0, 1 + d)).toISOString().slice(0, 10).replace(/-/g, "");
          lines.push(`  ${c} ${date}  1   ${(cents / 100).toFixed(2)}`);
        }
        const bytes = new TextEncoder().encode(lines.join("\r\n") + "\r\n");
        expect(outcome(() => viaBytes(bytes, cuts))).toEqual(outcome(() => viaGrid(bytes)));
      }),
      { numRuns: 100 },
    );
  });
});

test("a note of two cells above the header is skipped; CR LF inside quotes is a line feed; rounding past 6 decimals is said", () => {
  const text = [
    "导出时间,2025-07-01 08:00",
    "",
    "买家,付款时间,实付金额,商品ID",
    '张三,2025-01-05,0.1234567,"SKU\r\n1"',
    "李四,2025-01-06,10.25,SKU2",
    "张三,2025-02-01,2.0000004,SKU2",
  ].join("\r\n");
  const bytes = new TextEncoder().encode(text + "\r\n");
  const read = viaBytes(bytes);
  expect(read.headers).toMatchObject({ customer: "买家", date: "付款时间", amount: "实付金额", product: "商品ID" });
  expect(read.table.productIds).toEqual(["SKU\n1", "SKU2"]);
  // 0.1234567 → 0.123457 and 2.0000004 → 2.000000 (six decimals); 10.25 exact. In millionths:
  expect(Array.from(read.table.amountMinor)).toEqual([123457, 10250000, 2000000]);
  expect(read.table.amountScale).toBe(1_000_000);
  expect(read.warnings).toContainEqual(expect.objectContaining({ code: "amountsRounded", address: "orders!C4", params: { rows: 2, digits: 6 } }));
  expect(outcome(() => read)).toEqual(outcome(() => viaGrid(bytes)));
});
