import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Fingerprint } from "./fingerprint.ts";

/**
 * Returns a SHA-256 (hex) of every file under an output folder, by its path relative to the
 * folder and its content, and of every folder under it by its path.
 *
 * Returns undefined when the folder is missing or cannot be read, or when anything in it is
 * neither a file nor a folder. A build never writes a symbolic link, so such an output cannot be
 * the one a record describes. `knownFiles` holds the bytes of files the caller has just read or
 * written, by path, which are then not read again.
 */
export function fingerprintOutput(
  folder: string,
  knownFiles: ReadonlyMap<string, Uint8Array> = new Map(),
): string | undefined {
  try {
    if (!lstatSync(folder).isDirectory()) return undefined;
    const fingerprint = new Fingerprint();
    return addFolder(fingerprint, folder, "", knownFiles) ? fingerprint.digest() : undefined;
  } catch {
    return undefined;
  }
}

/** Adds what is under `folder`, or returns false on the first entry that is neither file nor folder. */
function addFolder(
  fingerprint: Fingerprint,
  root: string,
  folder: string,
  knownFiles: ReadonlyMap<string, Uint8Array>,
): boolean {
  const entries = readdirSync(join(root, folder), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
    if (entry.isFile()) {
      const absolutePath = join(root, path);
      fingerprint.add("file", path, knownFiles.get(absolutePath) ?? readFileSync(absolutePath));
    } else if (entry.isDirectory()) {
      fingerprint.add("folder", path);
      if (!addFolder(fingerprint, root, path, knownFiles)) return false;
    } else {
      return false;
    }
  }
  return true;
}
