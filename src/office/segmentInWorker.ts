/**
 * The order list turned into typed columns and segmented in a Web Worker, so that a million-row order list
 * never blocks Excel (an add-in that blocks the UI for 5 s is restarted on desktop). The typed arrays come back
 * transferred. Order files the analyst picks are read there too: their head when picked, all of them at
 * Generate, with progress, and Cancel ends the worker at once. Falls back to the same code in-line where
 * workers are unavailable.
 */
import { prepareOrders, type OrderColumns, type PreparedOrders, type WorkerReply } from "./orderColumns";
import { prepareOrderFile, type FileJob, type FileProgress, type FileReply } from "./orderFileJobs";
import type { SegmentationSettings } from "../engine/customers/rfm";
import type { OrderColumnChoice } from "../engine/customers/orderColumns";
import { readOrderFileHead, type OrderFileHead } from "../engine/customers/orderFile";
import { InputError, type Issue } from "../i18n/issues";
import { ReviewCancelled, throwIfCancelled, type CancelSignal } from "./writeWorkbook";

export const WORKER_URL = "segmentation.worker.js";

function rejection(reply: Extract<WorkerReply, { ok: false }>): Error {
  return Array.isArray(reply.issues) ? new InputError(reply.issues as Issue[]) : new Error(reply.message);
}

export function segmentInWorker(payload: OrderColumns, settings: SegmentationSettings): Promise<PreparedOrders> {
  if (typeof Worker === "undefined") return Promise.resolve().then(() => prepareOrders(payload, settings));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.result);
      else reject(rejection(event.data));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage({ payload, settings });
  });
}

interface FileRun {
  onProgress?: (progress: FileProgress) => void;
  signal?: CancelSignal;
}

/** Runs a file job in a worker of its own; a cancelled signal ends the worker and rejects with ReviewCancelled. */
function runFileJob<T>(job: FileJob, pick: (reply: Extract<FileReply, { ok: true }>) => T, run: FileRun = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    let watch: ReturnType<typeof setInterval> | undefined;
    const end = () => {
      if (watch !== undefined) clearInterval(watch);
      worker.terminate();
    };
    if (run.signal) {
      const signal = run.signal;
      watch = setInterval(() => {
        if (!signal.aborted) return;
        end();
        reject(new ReviewCancelled());
      }, 50);
    }
    worker.onmessage = (event: MessageEvent<FileReply>) => {
      const reply = event.data;
      if ("kind" in reply) {
        run.onProgress?.(reply);
        return;
      }
      end();
      if (reply.ok) resolve(pick(reply as Extract<FileReply, { ok: true }>));
      else reject(rejection(reply));
    };
    worker.onerror = (event) => {
      end();
      reject(new Error(event.message));
    };
    worker.postMessage(job);
  });
}

/** The header and first rows of an order file, read in the worker (the pane checks them like a range's). */
export function readOrderFileHeadInWorker(file: File, rows: number): Promise<OrderFileHead> {
  const job: FileJob = { kind: "fileHead", file, name: file.name, rows };
  if (typeof Worker === "undefined") return readOrderFileHead(file, file.name, rows);
  return runFileJob(job, (reply) => (reply as { head: OrderFileHead }).head);
}

/** The whole order file read and segmented in the worker, with progress; nothing of it goes into the workbook. */
export function segmentFileInWorker(file: File, choice: OrderColumnChoice, settings: SegmentationSettings, run: FileRun = {}): Promise<PreparedOrders> {
  const job = { kind: "fileOrders" as const, file, name: file.name, choice, settings };
  if (typeof Worker === "undefined") return prepareOrderFile(job, run.onProgress, () => throwIfCancelled(run.signal));
  return runFileJob(job, (reply) => (reply as { result: PreparedOrders }).result, run);
}
