/**
 * Starts scripts/build.ts with tsx's TypeScript loader, which build.ts removes before it loads
 * Astro. Astro compiles the site's own TypeScript, and with the loader left in place every module
 * of Astro, Vite and Rollup would pass through it: on a two-core machine that cost a ten-year
 * build about 3 s of CPU time and raised its peak memory from about 430 MB to 700 MB.
 */
import { register } from "tsx/esm/api";

const unregister = register();
globalThis[Symbol.for("corporate-parenting-scorecard.unregister-typescript")] = unregister;
await import("./build.ts");
