/**
 * Starts scripts/build.ts with tsx's TypeScript loader, which build.ts removes before it loads
 * Astro. Astro compiles the site's own TypeScript, and with the loader left in place every one of
 * the thousands of modules of Astro, Vite and Rollup would pass through it, which made a
 * ten-year build seconds slower and doubled its memory.
 */
import { register } from "tsx/esm/api";

const unregister = register();
globalThis[Symbol.for("corporate-parenting-scorecard.unregister-typescript")] = unregister;
await import("./build.ts");
