import { formatMonth } from "../model/period.ts";

export interface CommentaryFigures {
  month: string;
  childrenInCare?: number;
  /** Children in care at the end of the month before, whether or not that month was published. */
  previousChildrenInCare?: number;
  childrenMissing?: number;
  missingEpisodes?: number;
  /** The month before, when no scorecard was published for it. */
  unpublishedBefore?: string;
}

/**
 * Writes the commentary for a month, by section id, from the month's own figures, so every
 * number in the text is one the file gives.
 */
export function writeCommentary(
  figures: CommentaryFigures,
  sectionIds: readonly string[],
): Record<string, string> {
  const commentary: Record<string, string> = {};
  const headline = headlineText(figures);
  if (headline && sectionIds.includes("headline")) commentary.headline = headline;
  const missing = missingText(figures);
  if (missing && sectionIds.includes("missing")) commentary.missing = missing;
  return commentary;
}

function headlineText(figures: CommentaryFigures): string | undefined {
  const { month, childrenInCare, previousChildrenInCare, unpublishedBefore } = figures;
  if (childrenInCare === undefined) return undefined;
  const sentences = [
    `There were ${childrenInCare} children in care at the end of ${formatMonth(month)}` +
      `${changeText(childrenInCare, previousChildrenInCare)}.`,
  ];
  if (unpublishedBefore) {
    sentences.push(
      `No scorecard was published for ${formatMonth(unpublishedBefore)}, so the previous figures ` +
        `shown here are that month's.`,
    );
  }
  return sentences.join(" ");
}

function changeText(current: number, previous: number | undefined): string {
  if (previous === undefined) return "";
  const difference = current - previous;
  if (difference === 0) return ", the same number as a month earlier";
  return `, ${Math.abs(difference)} ${difference > 0 ? "more" : "fewer"} than a month earlier`;
}

function missingText(figures: CommentaryFigures): string | undefined {
  const { month, childrenMissing, missingEpisodes } = figures;
  if (childrenMissing === undefined || missingEpisodes === undefined) return undefined;
  if (childrenMissing === 0) return `No child in care went missing during ${formatMonth(month)}.`;
  const children = childrenMissing === 1 ? "1 child" : `${childrenMissing} children`;
  const episodes = missingEpisodes === 1 ? "1 episode" : `${missingEpisodes} separate episodes`;
  return `${children} in care went missing during ${formatMonth(month)}, in ${episodes}.`;
}
