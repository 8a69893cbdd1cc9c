// Loads the TypeScript worker through tsx, whose loader a worker thread does not inherit.
import { register } from "tsx/esm/api";

register();
await import("./lower-priority-in-worker.ts");
