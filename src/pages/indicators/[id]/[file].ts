import type { APIRoute } from "astro";
import { checkedDataset } from "../../../site/dataset.ts";
import { historyCsv } from "../../../site/indicator-export.ts";

/** Writes each indicator's full history as CSV beside its page: /indicators/adopted/adopted.csv. */
export async function getStaticPaths() {
  const { catalogue } = await checkedDataset();
  return catalogue.indicators.map((indicator) => ({
    params: { id: indicator.id, file: `${indicator.id}.csv` },
  }));
}

export const GET: APIRoute = async ({ params }) => {
  const dataset = await checkedDataset();
  const indicator = dataset.catalogue.indicators.find((candidate) => candidate.id === params.id)!;
  return new Response(historyCsv(dataset, indicator), {
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
};
