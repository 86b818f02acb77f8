/**
 * Writes samples/kpi-review-sample.xlsx: the platform sample's monthly data and targets (sheets 月度数据 and 目标)
 * and the shop sample (店铺月度, 店铺目标), as numbers, for trying the add-in in Excel. Run `npm run sample-workbook`.
 */
const path = require("path");
const fs = require("fs");
const ExcelJS = require("exceljs");
const { parseDelimitedText, typedCells } = require("../lib/cli/inputFiles.js");

const SAMPLES = path.join(__dirname, "..", "samples");
const read = (file) => typedCells(parseDelimitedText(fs.readFileSync(path.join(SAMPLES, file), "utf8")));

async function main() {
  const workbook = new ExcelJS.Workbook();
  for (const [name, file] of [
    ["月度数据", "platform-2025/monthly.csv"],
    ["目标", "platform-2025/targets.csv"],
    ["店铺月度", "shop-2025q3/monthly.csv"],
    ["店铺目标", "shop-2025q3/targets.csv"],
  ]) {
    const sheet = workbook.addWorksheet(name);
    read(file).forEach((row) => sheet.addRow(row));
    sheet.getRow(1).font = { bold: true };
    sheet.columns.forEach((column) => (column.width = 14));
  }
  const out = path.join(SAMPLES, "kpi-review-sample.xlsx");
  await workbook.xlsx.writeFile(out);
  console.log(out);
}

main();
