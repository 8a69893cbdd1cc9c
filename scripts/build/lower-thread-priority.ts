import { readlinkSync } from "node:fs";
import { constants, setPriority } from "node:os";

/**
 * Gives the calling thread the lowest scheduling priority, so that other threads of the process
 * get the cores first. Works on Linux, where each thread has a nice value of its own. Returns
 * whether it did: elsewhere, or where the system rejects it, the priority stays as it was.
 */
export function lowerThreadPriority(): boolean {
  try {
    // On Linux, /proc/thread-self links to /proc/<process id>/task/<thread id>.
    const threadId = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    setPriority(threadId, constants.priority.PRIORITY_LOW);
    return true;
  } catch {
    return false;
  }
}
