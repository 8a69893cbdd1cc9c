import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";

const REAL_DATA = new URL("../../data/", import.meta.url).pathname;

/**
 * Markup put into the text fields of a copy of the real data. Each must reach the page as the
 * literal text shown here, never as an element or an attribute.
 */
export const HOSTILE_TEXT = {
  councilName: 'Borough <script>alert("council name")</script> Council',
  indicatorTitle: 'Children in care "><script>alert("indicator title")</script>',
  categoryLabel: '<img src="x" onerror="alert(1)">Full care order',
  commentary: '<script>alert("commentary")</script> Placements were stable.',
  note: '<script>alert("note")</script> & <b>bold</b> reading note',
} as const;

/** Where each hostile text is shown, as an address in the built site and an indicator or section. */
export const HOSTILE_PLACES = {
  councilName: "/",
  indicatorTitle: "/indicators/children-in-care/",
  categoryLabel: "/2020-12/legal-status/",
  commentary: "/2020-12/placements/",
  note: "/2020-12/service-standards/",
} as const satisfies Record<keyof typeof HOSTILE_TEXT, string>;

/**
 * Copies data/ to a temporary folder and puts HOSTILE_TEXT into a council name, an indicator
 * title, a breakdown category label, a section's commentary and a figure's note. Returns the folder.
 */
export function makeHostileData(): string {
  const directory = mkdtempSync(join(tmpdir(), "scorecard-hostile-data-"));
  cpSync(REAL_DATA, directory, { recursive: true });

  editYaml(join(directory, "council.yaml"), (document) => {
    document.set("name", HOSTILE_TEXT.councilName);
  });
  editYaml(join(directory, "catalogue.yaml"), (document) => {
    const indicators = document.get("indicators") as { items: unknown[] };
    const position = (id: string) =>
      indicators.items.findIndex(
        (item) => (item as { get(key: string): unknown }).get("id") === id,
      );
    document.setIn(
      ["indicators", position("children-in-care"), "title"],
      HOSTILE_TEXT.indicatorTitle,
    );
    document.setIn(
      ["indicators", position("legal-status"), "breakdown", "categories", 0, "label"],
      HOSTILE_TEXT.categoryLabel,
    );
  });
  editYaml(join(directory, "2020-12.yaml"), (document) => {
    document.setIn(["commentary", "placements"], HOSTILE_TEXT.commentary);
    document.setIn(["indicators", "reviews-on-time", "note"], HOSTILE_TEXT.note);
  });
  return directory;
}

function editYaml(file: string, edit: (document: ReturnType<typeof parseDocument>) => void): void {
  const document = parseDocument(readFileSync(file, "utf8"));
  edit(document);
  writeFileSync(file, document.toString());
}
