/** The worker thread of orderFileParts.ts: reads the second part of an order file and posts it back. */
import { parentPort, workerData } from "node:worker_threads";
import { readPart, type PartJob } from "./orderFileParts";

const { message, transfer } = readPart(workerData as PartJob);
parentPort!.postMessage(message, transfer);
