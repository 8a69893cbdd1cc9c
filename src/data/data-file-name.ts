import { extname } from "node:path";

/** Extensions of the files the loader reads from the data folder, which must be in lower case. */
export const DATA_EXTENSIONS = [".yaml", ".yml", ".json"];

/** Tells whether the loader reads a file of this name in the data folder. */
export function isDataFileName(name: string): boolean {
  return DATA_EXTENSIONS.includes(extname(name));
}
