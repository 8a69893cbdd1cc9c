import type { APIRoute } from "astro";
import { checkedDataset } from "../site/dataset.ts";
import { atomFeed } from "../site/feed.ts";

/** An Atom feed of the published months, for readers who want to hear of a new scorecard. */
export const GET: APIRoute = async () =>
  new Response(atomFeed(await checkedDataset(), import.meta.env.BASE_URL), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8" },
  });
