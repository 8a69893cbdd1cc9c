import { resolve } from "node:path";

/** Returns the folder of data files: SCORECARD_DATA, or data/ in the working folder. */
export function dataDirectory(): string {
  return resolve(process.env.SCORECARD_DATA ?? "data");
}
