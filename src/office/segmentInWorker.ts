/**
 * Segmentation in a Web Worker so that a million-row order list never blocks Excel (an add-in that blocks the
 * UI for 5 s is restarted on desktop). Falls back to the same engine in-line where workers are unavailable.
 */
import { segmentOrders, type Segmentation } from "../engine/customers/segmentation";
import type { OrderTable } from "../engine/customers/orderTable";
import type { SegmentationSettings } from "../engine/customers/rfm";

export const WORKER_URL = "segmentation.worker.js";

export function segmentInWorker(orders: OrderTable, settings: SegmentationSettings): Promise<Segmentation> {
  if (typeof Worker === "undefined") return Promise.resolve(segmentOrders(orders, settings));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    worker.onmessage = (event: MessageEvent<{ ok: true; result: Segmentation } | { ok: false; message: string }>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.result);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage({ orders, settings });
  });
}
