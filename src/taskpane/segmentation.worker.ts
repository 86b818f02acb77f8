/// <reference lib="webworker" />
/** Turns the order columns into typed arrays and segments the customers off Excel's UI thread (dist/segmentation.worker.js). */
import { handleOrdersMessage } from "../office/orderColumns";

self.onmessage = (event: MessageEvent) => {
  handleOrdersMessage(event.data, (reply, transfer) => (self as unknown as Worker).postMessage(reply, transfer));
};
