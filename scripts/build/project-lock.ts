import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** How often a waiting build looks at the lock again. */
const POLL_MS = 200;
/** A lock file still without a process id after this long was left by a process that crashed. */
const UNWRITTEN_LOCK_MAX_AGE_MS = 5_000;

/**
 * Waits until no other process holds the lock file at `lockPath`, then takes it until this
 * process exits. `onWait` is called once, with the holder's process id, if this build has to wait.
 *
 * The lock file contains the holder's process id. A lock whose process no longer runs, left by a
 * build that was killed, is taken over.
 * NOTE: two builds that find the same stale lock at the same moment may both take it, and a
 * stale lock whose process id a new process has reused is waited on until it is deleted.
 */
export async function takeProjectLock(
  lockPath: string,
  onWait: (holder: number) => void,
): Promise<void> {
  mkdirSync(dirname(lockPath), { recursive: true });
  let waited = false;
  for (;;) {
    if (tryCreate(lockPath)) {
      process.once("exit", () => releaseLock(lockPath));
      return;
    }
    const holder = lockHolder(lockPath);
    // A lock with no process id is being written by its new holder, unless it is old.
    const stale =
      holder === undefined ? ageMs(lockPath) > UNWRITTEN_LOCK_MAX_AGE_MS : !isRunning(holder);
    if (stale) {
      rmSync(lockPath, { force: true });
      continue;
    }
    if (holder !== undefined && !waited) {
      onWait(holder);
      waited = true;
    }
    await sleep(POLL_MS);
  }
}

function tryCreate(lockPath: string): boolean {
  try {
    writeFileSync(lockPath, String(process.pid), { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** Returns the process id in a lock file, or undefined when it is missing or unreadable. */
function lockHolder(lockPath: string): number | undefined {
  try {
    const holder = Number(readFileSync(lockPath, "utf8"));
    return Number.isInteger(holder) && holder > 0 ? holder : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(processId: number): boolean {
  try {
    // Signal 0 tests whether the process exists without sending anything.
    process.kill(processId, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    // Deleted meanwhile: nothing is left to wait for.
    return Infinity;
  }
}

function releaseLock(lockPath: string): void {
  if (lockHolder(lockPath) === process.pid) rmSync(lockPath, { force: true });
}
