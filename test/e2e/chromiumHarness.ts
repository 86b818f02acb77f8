/**
 * The pane harness (test/e2e/harness.tsx) built by webpack into a folder of its own, served on 127.0.0.1, and
 * Debian's Chromium driven by playwright-core (never a downloaded browser). Each Chromium test file builds
 * into its own folder, so that files running side by side do not clean each other's build.
 */
import { execFileSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { ROOT_DIR } from "../helpers/cli";

export interface Harness {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(name: string): Promise<Harness> {
  const out = join(ROOT_DIR, "test-output", name);
  execFileSync(process.execPath, [join(ROOT_DIR, "node_modules", "webpack", "bin", "webpack.js"), "--config", join(__dirname, "webpack.harness.config.js")], {
    cwd: ROOT_DIR,
    stdio: "pipe",
    env: { ...process.env, KPI_HARNESS_OUT: out },
  });
  const server: Server = createServer((req, res) => {
    if (req.url === "/favicon.ico") return void res.writeHead(204).end();
    const file = join(out, req.url === "/" ? "index.html" : (req.url ?? "").replace(/\?.*$/, ""));
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "Content-Type": extname(file) === ".js" ? "text/javascript" : "text/html; charset=utf-8" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
