import { createHash } from "node:crypto";

/**
 * A SHA-256 of a list of entries, each a kind, a name and a content. An entry goes into the hash
 * with its content's length in bytes, and kinds and names contain no NUL character, so two
 * different lists never give the same bytes to hash.
 */
export class Fingerprint {
  readonly #hash = createHash("sha256");

  add(kind: string, name: string, content: string | Uint8Array = ""): void {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    this.#hash.update(`${kind}\0${name}\0${bytes.byteLength}\0`).update(bytes);
  }

  /** Returns the hash in hex. The fingerprint takes no entries after this. */
  digest(): string {
    return this.#hash.digest("hex");
  }
}
