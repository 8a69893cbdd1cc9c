import { relative } from "node:path";

/** Names a file relative to the working folder when it is inside it, else by its full path. */
export function displayPath(file: string): string {
  const relativePath = relative(process.cwd(), file);
  return relativePath && !relativePath.startsWith("..") ? relativePath : file;
}
