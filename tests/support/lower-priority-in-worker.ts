// Run as a worker thread by thread-priorities.ts.
import { readlinkSync } from "node:fs";
import { getPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { lowerThreadPriority } from "../../scripts/build/lower-thread-priority.ts";

const lowered = lowerThreadPriority();
const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
parentPort!.postMessage({ lowered, worker: getPriority(threadId) });
