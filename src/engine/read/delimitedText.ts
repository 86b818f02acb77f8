/**
 * Delimited text (comma, tab, semicolon or whitespace separated) split into rows of strings, the delimiter
 * settled as the order reader's byte path settles it. No Node API: the command line reads files with it and
 * the pane's Web Worker the head of a file the analyst picked.
 */
import Papa from "papaparse";

/** Drops blank rows at the end of a file (a trailing newline, empty lines), keeping blank rows inside it. */
function withoutTrailingBlankRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every((cell) => cell.trim() === "")) end--;
  return rows.slice(0, end);
}

/** Splits delimited text into rows of strings; whitespace-separated text (CDNOW_master.txt) too. */
export function parseDelimitedText(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, "");
  // The delimiter is settled by the first of the opening lines that has one: exports often start with a title line.
  const opening = body.slice(0, 20000).split(/\r?\n/).slice(0, 10);
  const firstLine = opening.find((line) => /[,\t;]/.test(line)) ?? opening[0] ?? "";
  if (!/[,\t;]/.test(firstLine)) {
    return withoutTrailingBlankRows(body.split(/\r?\n/).map((line) => (line.trim() === "" ? [] : line.trim().split(/\s+/))));
  }
  const delimiter = firstLine.includes("\t") ? "\t" : firstLine.includes(",") ? "," : ";";
  if (!body.includes('"')) {
    // No quoting anywhere: splitting on the delimiter is exact, and several times faster on large order lists.
    return withoutTrailingBlankRows(body.split(/\r?\n/).map((line) => (line === "" ? [""] : line.split(delimiter))));
  }
  // The same delimiter as the unquoted case (and the order reader's byte path), not papaparse's own guess.
  // A line break inside a quoted cell is kept as Excel keeps it in a cell: a line feed (CR LF becomes LF).
  const rows = Papa.parse<string[]>(body, { skipEmptyLines: false, delimiter }).data;
  for (const row of rows) for (let c = 0; c < row.length; c++) if (row[c].includes("\r\n")) row[c] = row[c].replace(/\r\n/g, "\n");
  return withoutTrailingBlankRows(rows);
}
