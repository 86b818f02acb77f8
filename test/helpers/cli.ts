import { join } from "node:path";
import { readFileSync } from "node:fs";
import { run } from "../../src/cli/main";
import { parseDelimitedText, typedCells } from "../../src/cli/inputFiles";

export const SHARED_DATA = join(__dirname, "..", "..", "..", "shared", "data");
export const SAMPLES = join(__dirname, "..", "..", "samples");
export const ROOT_DIR = join(__dirname, "..", "..");

export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Reads a plain CSV without the project's reader: an independent view of the sample files for hand checks. */
export function plainCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text.trim().split(/\r?\n/).map((line) => line.split(","));
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

/** A bundled sample file's cells as an Excel sheet holds them (numbers as numbers). */
export function sampleSheet(file: string): Array<Array<string | number>> {
  return typedCells(parseDelimitedText(readFileSync(join(SAMPLES, file), "utf8")));
}
