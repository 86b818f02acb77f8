/** The built add-in in dist/; tests that need it build it once if `npm test` did not already. */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const DIST = join(ROOT, "dist");

export function ensureBuilt(): void {
  if (existsSync(join(DIST, "taskpane.html")) && existsSync(join(DIST, "functions.zh-CN.json"))) return;
  execFileSync(process.execPath, [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
}
