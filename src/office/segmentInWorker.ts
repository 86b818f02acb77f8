/**
 * The order list turned into typed columns and segmented in a Web Worker, so that a million-row order list
 * never blocks Excel (an add-in that blocks the UI for 5 s is restarted on desktop). The typed arrays come back
 * transferred. Falls back to the same code in-line where workers are unavailable.
 */
import { prepareOrders, type OrderColumns, type PreparedOrders, type WorkerReply } from "./orderColumns";
import type { SegmentationSettings } from "../engine/customers/rfm";
import { InputError, type Issue } from "../i18n/issues";

export const WORKER_URL = "segmentation.worker.js";

export function segmentInWorker(payload: OrderColumns, settings: SegmentationSettings): Promise<PreparedOrders> {
  if (typeof Worker === "undefined") return Promise.resolve().then(() => prepareOrders(payload, settings));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.result);
      else if (Array.isArray(event.data.issues)) reject(new InputError(event.data.issues as Issue[]));
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage({ payload, settings });
  });
}
