/**
 * The pane's state and actions: the chosen ranges, the column meanings, the period, the live preview and the
 * generation. Engine work (reading, scorecard) runs here on the grids the host reads; Excel is reached only
 * through the PaneHost.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import type { PaneHost } from "./paneHost";
import type { DataSource } from "../office/readGrid";
import { defaultChoices, type ReviewChoices } from "../office/choices";
import { describeError } from "../office/describeError";
import { lastRun, onRun, type RunOutcome } from "../office/lastRun";
import type { GenerateStage } from "../office/generateReview";
import { readMonthlyGrid, type ReadMonthlyResult } from "../engine/read/monthlyTable";
import { readTargetsGrid, type Target } from "../engine/read/targets";
import { computeScorecard, defaultPeriod, type Scorecard } from "../engine/kpi/scorecard";
import { formatMonth, parseMonthArgument } from "../engine/read/month";
import type { ColumnMeaning } from "../engine/metrics/headers";
import type { Grid } from "../engine/read/grid";
import { formatIssue, type Lang } from "../i18n/issues";

export interface Chosen<T> {
  source: DataSource;
  label: string;
  value: T;
}

export type GenerateState =
  | { kind: "idle" }
  | { kind: "running"; stage: GenerateStage; fraction: number }
  | { kind: "done"; sheets: string[]; notes: string[] }
  | { kind: "error"; message: string };

export function sourceLabel(source: DataSource): string {
  switch (source.kind) {
    case "range":
      return `${source.sheet}!${source.address}`;
    case "table":
    case "name":
      return source.name;
    case "selection":
      return "";
  }
}

export function useReviewPane(host: PaneHost, initialLang: Lang) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [data, setData] = useState<Chosen<Grid> | null>(null);
  const [overrides, setOverrides] = useState<Record<string, ColumnMeaning | "ignore">>({});
  const [targets, setTargets] = useState<Chosen<Target[]> | null>(null);
  const [orders, setOrders] = useState<{ source: DataSource; label: string } | null>(null);
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const [tables, setTables] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [generation, setGeneration] = useState<GenerateState>({ kind: "idle" });
  const [ribbonRun, setRibbonRun] = useState<RunOutcome | null>(lastRun());
  const [base, setBase] = useState<ReviewChoices>(defaultChoices(initialLang));

  useEffect(() => onRun(setRibbonRun), []);

  /** Runs a step's action; what goes wrong is shown in the pane (cell-addressed where it can be), not thrown. */
  const guarded = useCallback(
    async (action: () => Promise<void>) => {
      setProblem(null);
      try {
        await action();
      } catch (error) {
        setProblem(describeError(error, lang));
      }
    },
    [lang],
  );

  /** The given source (a saved choice, a picked table), or else the current selection. */
  const pick = useCallback(
    async (source: DataSource | null): Promise<{ source: DataSource; label: string }> => (source ? { source, label: sourceLabel(source) } : host.selection()),
    [host],
  );

  const chooseData = useCallback(
    (source: DataSource | null) =>
      guarded(async () => {
        const picked = await pick(source);
        setData({ ...picked, value: await host.read(picked.source) });
        setPeriod(null);
      }),
    [guarded, pick, host],
  );

  const chooseTargets = useCallback(
    (source: DataSource | null) =>
      guarded(async () => {
        const picked = await pick(source);
        setTargets({ ...picked, value: readTargetsGrid(await host.read(picked.source)).targets });
      }),
    [guarded, pick, host],
  );

  const chooseOrders = useCallback(() => guarded(async () => setOrders(await pick(null))), [guarded, pick]);

  // Restore what a colleague (or the analyst last time) chose in this workbook.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        setTables(await host.tables());
        const saved = await host.savedChoices();
        if (!saved || cancelled) return;
        setBase(saved);
        setOverrides(saved.overrides);
        await chooseData(saved.data);
        if (saved.targets) await chooseTargets(saved.targets);
        if (saved.orders) setOrders({ source: saved.orders, label: sourceLabel(saved.orders) });
        setPeriod(saved.period);
      } catch {
        // A workbook without tables or settings: nothing to restore.
      }
    })();
    return () => {
      cancelled = true;
    };
    // Restoring runs once, when the pane opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  const read = useMemo((): { result: ReadMonthlyResult | null; error: string | null } => {
    if (!data) return { result: null, error: null };
    try {
      return { result: readMonthlyGrid(data.value, { overrides }), error: null };
    } catch (error) {
      return { result: null, error: describeError(error, lang) };
    }
  }, [data, overrides, lang]);

  const months = useMemo(() => (read.result ? read.result.table.months.map(formatMonth) : []), [read.result]);
  const effectivePeriod = useMemo(() => {
    if (!read.result) return null;
    if (period) return period;
    const p = defaultPeriod(read.result.table);
    return { from: formatMonth(p.from), to: formatMonth(p.to) };
  }, [read.result, period]);

  const preview = useMemo((): Scorecard | null => {
    if (!read.result || !effectivePeriod) return null;
    const from = parseMonthArgument(effectivePeriod.from);
    const to = parseMonthArgument(effectivePeriod.to);
    if (from === null || to === null || from > to) return null;
    return computeScorecard(read.result.table, targets?.value ?? [], { period: { from, to }, thresholds: base.thresholds });
  }, [read.result, effectivePeriod, targets, base.thresholds]);

  const choices = useMemo((): ReviewChoices | null => {
    if (!data) return null;
    return { ...base, data: data.source, overrides, targets: targets?.source ?? null, orders: orders?.source ?? null, period: period, lang };
  }, [base, data, overrides, targets, orders, period, lang]);

  const generate = useCallback(async () => {
    if (!choices) return;
    setGeneration({ kind: "running", stage: "reading", fraction: 0 });
    try {
      const result = await host.generate(choices, (stage, fraction) => setGeneration({ kind: "running", stage, fraction }));
      setGeneration({ kind: "done", sheets: result.write.sheets, notes: result.warnings.map((w) => formatIssue(w, lang)) });
    } catch (error) {
      setGeneration({ kind: "error", message: describeError(error, lang) });
    }
  }, [choices, host, lang]);

  return {
    lang,
    setLang,
    tables,
    data,
    chooseData,
    read,
    overrides,
    setOverrides,
    targets,
    chooseTargets,
    clearTargets: () => setTargets(null),
    orders,
    chooseOrders,
    clearOrders: () => setOrders(null),
    months,
    period: effectivePeriod,
    setPeriod,
    preview,
    problem,
    generation,
    generate,
    canGenerate: choices !== null && read.result !== null && generation.kind !== "running",
    ribbonRun,
    activate: (sheet: string) => host.activate(sheet),
  };
}

export type ReviewPane = ReturnType<typeof useReviewPane>;
