/**
 * The pane's state and actions: the chosen ranges, the column meanings, the period, the settings, the live
 * preview and the generation. Engine work (reading, scorecard) runs here on the grids the host reads; Excel
 * is reached only through the PaneHost. Messages are kept as codes (PaneMessage), rendered in the current
 * language by the components.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { GenerateProgress, PaneHost } from "./paneHost";
import type { DataSource } from "../office/readGrid";
import { defaultChoices, type ReviewChoices } from "../office/choices";
import { lastRun, onRun, type RunOutcome } from "../office/lastRun";
import { readTargetsGrid, type Target } from "../engine/read/targets";
import { computeScorecard, defaultPeriod, type Scorecard } from "../engine/kpi/scorecard";
import { formatMonth, parseMonthArgument } from "../engine/read/month";
import type { Grid } from "../engine/read/grid";
import { InputError, issue, type Issue, type Lang } from "../i18n/issues";
import type { PaneTextKey } from "../i18n/paneText";
import { columnCensus, readForPane } from "./readForPane";
import { asPaneOverride, type PaneOverride } from "./columnChoices";
import { checkOrders, CHECK_ROWS, type OrderColumns } from "./ordersCheck";
import { parseSettings, settingsText, type SettingsText } from "./settingsForm";
import { messageOf, say, type PaneMessage } from "./paneMessage";

export interface Chosen<T> {
  source: DataSource;
  label: string;
  value: T;
}

export type GenerateState =
  | { kind: "idle" }
  | { kind: "running"; progress: GenerateProgress; cancelling: boolean }
  | { kind: "done"; sheets: string[]; notes: Issue[] }
  | { kind: "cancelled" }
  | { kind: "error"; message: PaneMessage };

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

/** Where the keyboard focus goes after an action (an element id), bumped so the same id can be asked twice. */
export interface FocusRequest {
  id: string;
  seq: number;
}

export type StepId = "data" | "targets" | "orders";

/** Where step ⑤'s orders come from: a range or table of the workbook, or a file read in the Web Worker. */
export type OrdersFrom = "workbook" | "file";

/** An order file the analyst picked: the File itself (read again at Generate) and its head, checked like a range. */
export interface PickedOrderFile {
  file: File;
  /** Null until read (or when it could not be read: the step's message says why). */
  head: Grid | null;
  /** Rows in the file where it says (Parquet). */
  rowsTotal: number | null;
}

export function useReviewPane(host: PaneHost, initialLang: Lang) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [data, setData] = useState<Chosen<Grid> | null>(null);
  const [overrides, setOverrides] = useState<Record<string, PaneOverride>>({});
  const [lastChanged, setLastChanged] = useState<string | null>(null);
  const [targets, setTargets] = useState<Chosen<{ grid: Grid; targets: Target[] }> | null>(null);
  const [orders, setOrders] = useState<Chosen<Grid> | null>(null);
  const [ordersFrom, setOrdersFromState] = useState<OrdersFrom>("workbook");
  const [orderFile, setOrderFile] = useState<PickedOrderFile | null>(null);
  const [orderColumns, setOrderColumns] = useState<OrderColumns>({});
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const [tables, setTables] = useState<string[]>([]);
  const [stepMessages, setStepMessages] = useState<Partial<Record<StepId, PaneMessage>>>({});
  const [generation, setGeneration] = useState<GenerateState>({ kind: "idle" });
  const [ribbonRun, setRibbonRun] = useState<RunOutcome | null>(lastRun());
  const [base, setBase] = useState<ReviewChoices>(defaultChoices(initialLang));
  const [settings, setSettings] = useState<SettingsText>(() => settingsText(defaultChoices(initialLang)));
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [announcement, setAnnouncement] = useState<{ message: PaneMessage; seq: number } | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => onRun(setRibbonRun), []);

  const focusOn = useCallback((id: string) => setFocus((f) => ({ id, seq: (f?.seq ?? 0) + 1 })), []);
  const announce = useCallback((message: PaneMessage) => setAnnouncement((a) => ({ message, seq: (a?.seq ?? 0) + 1 })), []);

  /** Runs a step's action; what goes wrong is shown on that step (cell-addressed where it can be), announced and focused. */
  const guarded = useCallback(
    async (step: StepId, action: () => Promise<void>) => {
      setStepMessages((m) => ({ ...m, [step]: undefined }));
      try {
        await action();
      } catch (error) {
        const message = messageOf(error);
        setStepMessages((m) => ({ ...m, [step]: message }));
        announce(message);
        focusOn(`${step}-message`);
      }
    },
    [announce, focusOn],
  );

  /** The given source (a saved choice, a picked table), or else the current selection. */
  const pick = useCallback(
    async (source: DataSource | null): Promise<{ source: DataSource; label: string }> => (source ? { source, label: sourceLabel(source) } : host.selection()),
    [host],
  );

  /** New data starts from what the reader recognises: the overrides of other data do not carry over. */
  const chooseData = useCallback(
    (source: DataSource | null, keep?: { overrides: Record<string, PaneOverride>; period: { from: string; to: string } | null }) =>
      guarded("data", async () => {
        const picked = await pick(source);
        const value = await host.read(picked.source);
        setData({ ...picked, value });
        setOverrides(keep?.overrides ?? {});
        setLastChanged(null);
        setPeriod(keep?.period ?? null);
      }),
    [guarded, pick, host],
  );

  const chooseTargets = useCallback(
    (source: DataSource | null) =>
      guarded("targets", async () => {
        const picked = await pick(source);
        setTargets(null);
        const grid = await host.read(picked.source);
        // Checked here, so that a wrong range fails on step ③; read again with the data as every door reads them.
        setTargets({ ...picked, value: { grid, targets: readTargetsGrid(grid).targets } });
        focusOn("targets-status");
      }),
    [guarded, pick, host, focusOn],
  );

  const chooseOrders = useCallback(
    (source: DataSource | null, columns: OrderColumns = {}) =>
      guarded("orders", async () => {
        const picked = await pick(source);
        setOrders({ ...picked, value: await host.readTop(picked.source, CHECK_ROWS + 1) }); // the header and CHECK_ROWS rows
        setOrderFile(null);
        setOrderColumns(columns);
      }),
    [guarded, pick, host],
  );

  /** An order file: its head is read in the worker and checked as a range's first rows are; a failure names the file. */
  const chooseOrderFile = useCallback(
    (file: File) =>
      guarded("orders", async () => {
        // Named at once (and while its check fails), so that the message below it is about this file.
        setOrderFile({ file, head: null, rowsTotal: null });
        setOrders(null);
        setOrderColumns({});
        const head = await host.readOrderFileHead(file, CHECK_ROWS);
        setOrderFile({ file, head: head.grid, rowsTotal: head.rowsTotal });
        focusOn("orders-status");
      }),
    [guarded, host, focusOn],
  );

  /** Switching between a range and a file drops the other's choice, so that Generate never uses a hidden one. */
  const setOrdersFrom = useCallback((from: OrdersFrom) => {
    setOrdersFromState(from);
    setOrders(null);
    setOrderFile(null);
    setOrderColumns({});
    setStepMessages((m) => ({ ...m, orders: undefined }));
  }, []);

  // Restore what a colleague (or the analyst last time) chose in this workbook.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        setTables(await host.tables());
        const saved = await host.savedChoices();
        if (!saved || cancelled) return;
        setBase(saved);
        setSettings(settingsText(saved));
        const overrides = Object.fromEntries(Object.entries(saved.overrides).map(([header, o]) => [header, asPaneOverride(o)]));
        if (saved.data) await chooseData(saved.data, { overrides, period: saved.period });
        if (saved.targets) await chooseTargets(saved.targets);
        if (saved.orders) await chooseOrders(saved.orders, saved.orderColumns ?? {});
        else if (saved.orderFile) {
          // The orders came from a file, which the workbook does not keep: step 5 asks for it again.
          setOrdersFromState("file");
          setStepMessages((m) => ({ ...m, orders: messageOf(new InputError([issue("orderFileAgain", saved.orderFile!)])) }));
        }
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

  const census = useMemo(() => (data ? columnCensus(data.value) : []), [data]);
  const read = useMemo(() => (data ? readForPane(data.value, census, overrides, lastChanged, targets?.value.grid) : null), [data, census, overrides, lastChanged, targets]);

  const setColumn = useCallback((header: string, choice: PaneOverride | null) => {
    setOverrides((current) => {
      const next = { ...current };
      if (choice === null) delete next[header];
      else next[header] = choice;
      return next;
    });
    setLastChanged(header);
  }, []);

  const result = read?.result ?? null;
  const months = useMemo(() => (result ? result.table.months.map(formatMonth) : []), [result]);
  const effectivePeriod = useMemo(() => {
    if (!result) return null;
    if (period && months.includes(period.from) && months.includes(period.to)) return period;
    const p = defaultPeriod(result.table);
    return { from: formatMonth(p.from), to: formatMonth(p.to) };
  }, [result, period, months]);
  const periodMessage = useMemo((): PaneMessage | null => {
    if (!effectivePeriod) return null;
    const from = parseMonthArgument(effectivePeriod.from);
    const to = parseMonthArgument(effectivePeriod.to);
    return from !== null && to !== null && from > to ? say("periodReversed", effectivePeriod) : null;
  }, [effectivePeriod]);

  const parsedSettings = useMemo(() => parseSettings(settings), [settings]);
  const thresholds = parsedSettings.value?.thresholds ?? base.thresholds;

  const preview = useMemo((): Scorecard | null => {
    if (!result || !effectivePeriod || periodMessage) return null;
    const from = parseMonthArgument(effectivePeriod.from)!;
    const to = parseMonthArgument(effectivePeriod.to)!;
    return computeScorecard(result.table, result.targets, { period: { from, to }, thresholds });
  }, [result, effectivePeriod, periodMessage, thresholds]);

  const ordersCheck = useMemo(() => {
    const head = orders?.value ?? orderFile?.head ?? null;
    return head ? checkOrders(head, orderColumns) : null;
  }, [orders, orderFile, orderColumns]);
  const ordersMessage = useMemo((): PaneMessage | null => {
    if (stepMessages.orders) return stepMessages.orders;
    if (!ordersCheck?.error) return null;
    return messageOf(ordersCheck.error);
  }, [stepMessages.orders, ordersCheck]);

  // A changed order column that makes the range unreadable is announced where it happens.
  const lastOrdersError = useRef<unknown>(null);
  useEffect(() => {
    const error = ordersCheck?.error ?? null;
    if (error && error !== lastOrdersError.current) announce(messageOf(error));
    lastOrdersError.current = error;
  }, [ordersCheck, announce]);

  const dataMessage = useMemo((): PaneMessage | null => stepMessages.data ?? (read?.error ? messageOf(read.error) : null), [stepMessages.data, read]);
  const lastDataError = useRef<unknown>(null);
  useEffect(() => {
    const error = read?.error ?? null;
    if (error && error !== lastDataError.current) {
      announce(messageOf(error));
      focusOn("data-message");
    }
    lastDataError.current = error;
  }, [read, announce, focusOn]);

  /** Why Generate cannot run now, in the order the analyst meets the steps. */
  const blockers = useMemo((): PaneTextKey[] => {
    const out: PaneTextKey[] = [];
    // A review needs the monthly data or an order list (then it is built from the orders alone).
    if (!data && !stepMessages.data) {
      if (!orders && !orderFile) out.push("blockedNoData");
    } else if (dataMessage || !result) out.push("blockedData");
    if (read && read.conflicts.length > 0) out.push("blockedConflict");
    if (stepMessages.targets) out.push("blockedTargets");
    if (periodMessage) out.push("blockedPeriod");
    if (ordersMessage) out.push("blockedOrders");
    if (!parsedSettings.value) out.push("blockedSettings");
    return out;
  }, [data, orders, orderFile, dataMessage, result, read, stepMessages.targets, periodMessage, ordersMessage, parsedSettings.value]);

  const choices = useMemo((): ReviewChoices | null => {
    if ((!data && !orders && !orderFile) || !parsedSettings.value) return null;
    const namedColumns = Object.fromEntries(Object.entries(orderColumns).filter(([, v]) => v !== undefined));
    return {
      ...base,
      ...parsedSettings.value,
      data: data?.source ?? null,
      overrides,
      targets: targets?.source ?? null,
      orders: orders?.source ?? null,
      orderFile: orderFile?.file.name ?? null,
      orderColumns: namedColumns,
      period,
      lang,
    };
  }, [base, parsedSettings.value, data, overrides, targets, orders, orderFile, orderColumns, period, lang]);

  const [editedAsk, setEditedAsk] = useState<string[] | null>(null);

  const run = useCallback(async (keepEdited: boolean) => {
    if (!choices) return;
    const controller = new AbortController();
    abort.current = controller;
    setGeneration({ kind: "running", progress: { stage: "reading", fraction: 0 }, cancelling: false });
    try {
      const done = await host.generate(
        // The period as shown (a stale saved period outside the data falls back to the default, as on screen).
        { ...choices, period: effectivePeriod },
        (progress) => setGeneration((g) => ({ kind: "running", progress, cancelling: g.kind === "running" && g.cancelling })),
        { signal: controller.signal, keepEdited, orderFile: orderFile?.file },
      );
      setGeneration({ kind: "done", sheets: done.write.sheets, notes: done.warnings });
      announce(say("done"));
      focusOn("generate-result");
    } catch (error) {
      if (controller.signal.aborted && error instanceof Error && error.name === "AbortError") {
        setGeneration({ kind: "cancelled" });
        announce(say("cancelled"));
      } else {
        const message = messageOf(error);
        setGeneration({ kind: "error", message });
        announce(message);
      }
      focusOn("generate-result");
    } finally {
      abort.current = null;
    }
  }, [choices, host, effectivePeriod, orderFile, announce, focusOn]);

  /** Generate; when the analyst edited the review sheets since they were written, ask first. */
  const generate = useCallback(async () => {
    if (!choices || blockers.length > 0 || generation.kind === "running") return;
    const edited = host.editedSheets ? await host.editedSheets().catch(() => []) : [];
    if (edited.length > 0) {
      setEditedAsk(edited);
      return;
    }
    await run(false);
  }, [choices, blockers, generation.kind, host, run]);

  const answerEdited = useCallback(
    (answer: "replace" | "keep" | "cancel") => {
      setEditedAsk(null);
      if (answer === "cancel") focusOn("generate-button");
      else void run(answer === "keep");
    },
    [run, focusOn],
  );

  const cancel = useCallback(() => {
    abort.current?.abort();
    setGeneration((g) => (g.kind === "running" ? { ...g, cancelling: true } : g));
  }, []);

  const clearTargets = useCallback(() => {
    setTargets(null);
    setStepMessages((m) => ({ ...m, targets: undefined }));
    focusOn("targets-use");
  }, [focusOn]);
  const clearOrders = useCallback(() => {
    setOrders(null);
    setOrderFile(null);
    setOrderColumns({});
    setStepMessages((m) => ({ ...m, orders: undefined }));
    focusOn(ordersFrom === "file" ? "orders-file" : "orders-use");
  }, [focusOn, ordersFrom]);

  return {
    lang,
    setLang,
    tables,
    data,
    chooseData,
    dataMessage,
    read,
    overrides,
    setColumn,
    targets,
    targetsMessage: stepMessages.targets ?? null,
    chooseTargets,
    clearTargets,
    orders,
    ordersCheck,
    ordersMessage,
    orderColumns,
    setOrderColumns,
    chooseOrders,
    ordersFrom,
    setOrdersFrom,
    orderFile,
    chooseOrderFile,
    clearOrders,
    months,
    period: effectivePeriod,
    periodMessage,
    setPeriod,
    settings,
    setSettings,
    settingsProblems: parsedSettings.problems,
    preview,
    generation,
    generate,
    editedAsk,
    answerEdited,
    cancel,
    blockers,
    canGenerate: blockers.length === 0 && generation.kind !== "running",
    ribbonRun,
    focus,
    announcement,
    activate: (sheet: string) => host.activate(sheet),
  };
}

export type ReviewPane = ReturnType<typeof useReviewPane>;


