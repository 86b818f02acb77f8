/**
 * The Web Worker's jobs on an order file the analyst picked (a File, never written into the workbook): its
 * head for the order step's check, and the whole file into typed columns, segmented, with progress messages
 * on the way. Free of Office.js; src/taskpane/segmentation.worker.ts runs these, segmentInWorker.ts posts them.
 */
import { readOrderFile, readOrderFileHead, type OrderFileHead } from "../engine/customers/orderFile";
import { segmentOrders } from "../engine/customers/segmentation";
import type { SegmentationSettings } from "../engine/customers/rfm";
import type { OrderColumnChoice } from "../engine/customers/orderColumns";
import { forPosting, transferablesOf, type PreparedOrders, type WorkerReply } from "./orderColumns";

export type FileJob =
  | { kind: "fileHead"; file: Blob; name: string; rows: number }
  | { kind: "fileOrders"; file: Blob; name: string; choice: OrderColumnChoice; settings: SegmentationSettings };

export type FileProgress = { kind: "progress"; done: number; total: number; unit: "bytes" | "rows" };

export type FileReply = FileProgress | { ok: true; head: OrderFileHead } | WorkerReply;

export function isFileJob(data: unknown): data is FileJob {
  const kind = (data as { kind?: unknown } | null)?.kind;
  return kind === "fileHead" || kind === "fileOrders";
}

/** The whole file read and segmented; `onProgress` hears of each block or row group read. */
export async function prepareOrderFile(job: Extract<FileJob, { kind: "fileOrders" }>, onProgress?: (progress: FileProgress) => void, between?: () => void): Promise<PreparedOrders> {
  const read = await readOrderFile(job.file, job.name, {
    choice: job.choice,
    between,
    onProgress: onProgress && ((done, total, unit) => onProgress({ kind: "progress", done, total, unit })),
  });
  return { read, segmentation: segmentOrders(read.table, job.settings) };
}

function failure(error: unknown): WorkerReply {
  const issues = error && typeof error === "object" && "issues" in error ? (error as { issues: unknown }).issues : undefined;
  return { ok: false, message: error instanceof Error ? error.message : String(error), issues };
}

/** One job in, progress messages and one reply out (typed arrays transferred). */
export async function handleFileJob(job: FileJob, post: (reply: FileReply, transfer: ArrayBuffer[]) => void): Promise<void> {
  try {
    if (job.kind === "fileHead") {
      post({ ok: true, head: await readOrderFileHead(job.file, job.name, job.rows) }, []);
      return;
    }
    // Progress at most every 100 ms: a message per 1 MB block would flood the pane on a fast disk.
    let last = 0;
    const prepared = await prepareOrderFile(job, (progress) => {
      const now = Date.now();
      if (now - last < 100 && progress.done < progress.total) return;
      last = now;
      post(progress, []);
    });
    const result = forPosting(prepared);
    post({ ok: true, result }, transferablesOf(result));
  } catch (error) {
    post(failure(error), []);
  }
}
