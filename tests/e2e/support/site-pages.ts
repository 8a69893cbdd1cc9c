import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

export type PageType =
  "home" | "latest" | "month" | "section" | "indicators" | "indicator" | "archive";

export interface SitePage {
  type: PageType;
  /** The address below the site's base: "2020-12/adoption/", or "" for the home page. */
  address: string;
}

const MONTH_FOLDER = /^\d{4}-\d{2}$/;

function pageFolders(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, "index.html")))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The pages the browser tests visit, found in a built site: the home page, /latest/, the
 * archive, the indicators index, the oldest and newest month, every section of the newest month
 * and every indicator. Their number grows with the catalogue, not with the number of months, so
 * many years of data cost no more to check than one.
 */
export function pagesToCheck(root: string): SitePage[] {
  const months = pageFolders(root).filter((name) => MONTH_FOLDER.test(name));
  const newest = months.at(-1);
  if (!newest) throw new Error(`no month page in ${root}`);
  const oldest = months[0]!;
  const pages: SitePage[] = [
    { type: "home", address: "" },
    { type: "latest", address: "latest/" },
    ...[...new Set([newest, oldest])].map((month) => ({
      type: "month" as const,
      address: `${month}/`,
    })),
    ...pageFolders(join(root, newest)).map((section) => ({
      type: "section" as const,
      address: `${newest}/${section}/`,
    })),
    { type: "indicators", address: "indicators/" },
    ...pageFolders(join(root, "indicators")).map((id) => ({
      type: "indicator" as const,
      address: `indicators/${id}/`,
    })),
    { type: "archive", address: "archive/" },
  ];
  return pages;
}

/** The first page of each type, for checks that need only one example of each. */
export function onePagePerType(pages: SitePage[]): SitePage[] {
  const seen = new Set<PageType>();
  return pages.filter((page) => !seen.has(page.type) && seen.add(page.type));
}
