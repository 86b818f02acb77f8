/**
 * Real LibreOffice for the workbook tests: a private profile that forces recalculation of xlsx formulas on load
 * (OOXMLRecalcMode = 0, ../shared/rig.md), conversion back to xlsx to read the results, and rendering to PDF/PNG.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export class LibreOffice {
  private readonly profile: string;

  constructor() {
    this.profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
    mkdirSync(join(this.profile, "user"), { recursive: true });
    writeFileSync(join(this.profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  }

  private convert(file: string, target: string, outDir: string): string {
    mkdirSync(outDir, { recursive: true });
    execFileSync("soffice", [`-env:UserInstallation=file://${this.profile}`, "--headless", "--norestore", "--convert-to", target, "--outdir", outDir, file], { stdio: "pipe", timeout: 120000 });
    const ext = target.split(":")[0];
    return join(outDir, `${basename(file, extname(file))}.${ext}`);
  }

  /** Opens the workbook, recalculates every formula and saves it as xlsx in outDir. */
  recalculate(file: string, outDir: string): string {
    return this.convert(file, "xlsx", outDir);
  }

  /** Renders every sheet to one PDF page each, then to PNG pages; returns the PNG paths. */
  renderPng(file: string, outDir: string, resolution = 60): string[] {
    const pdf = this.convert(file, 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}', outDir);
    const prefix = join(outDir, basename(file, extname(file)));
    execFileSync("pdftoppm", ["-png", "-r", String(resolution), pdf, prefix], { stdio: "pipe" });
    return readdirSync(outDir)
      .filter((f) => f.startsWith(basename(prefix)) && f.endsWith(".png"))
      .sort()
      .map((f) => join(outDir, f));
  }
}
