/// <reference lib="webworker" />
/** Runs the customer segmentation off Excel's UI thread (dist/segmentation.worker.js). */
import { segmentOrders } from "../engine/customers/segmentation";
import type { OrderTable } from "../engine/customers/orderTable";
import type { SegmentationSettings } from "../engine/customers/rfm";

self.onmessage = (event: MessageEvent<{ orders: OrderTable; settings: SegmentationSettings }>) => {
  try {
    const result = segmentOrders(event.data.orders, event.data.settings);
    (self as unknown as Worker).postMessage({ ok: true, result });
  } catch (error) {
    (self as unknown as Worker).postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
