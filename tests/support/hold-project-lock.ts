/**
 * Takes the lock file named on the command line, prints "locked", and exits after the number of
 * milliseconds given next, so a test can watch the lock change hands.
 */
import { takeProjectLock } from "../../scripts/build/project-lock.ts";

const [lockPath, holdMs] = process.argv.slice(2);
await takeProjectLock(lockPath!, (holder) => process.stdout.write(`waiting for ${holder}\n`));
process.stdout.write("locked\n");
setTimeout(() => process.exit(0), Number(holdMs));
