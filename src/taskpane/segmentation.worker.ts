/// <reference lib="webworker" />
/**
 * Off Excel's UI thread (dist/segmentation.worker.js): order columns read from the workbook turned into typed
 * arrays and segmented; or an order file the analyst picked read (its head, or all of it) and segmented.
 */
import { handleOrdersMessage } from "../office/orderColumns";
import { handleFileJob, isFileJob } from "../office/orderFileJobs";

self.onmessage = (event: MessageEvent) => {
  const post = (reply: unknown, transfer: ArrayBuffer[]) => (self as unknown as Worker).postMessage(reply, transfer);
  if (isFileJob(event.data)) void handleFileJob(event.data, post);
  else handleOrdersMessage(event.data, post);
};
