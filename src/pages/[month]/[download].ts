import type { APIRoute } from "astro";
import { checkedDataset } from "../../site/dataset.ts";
import { exportRows, monthJson, rowsToCsv } from "../../site/month-export.ts";

/** Writes every month's figures as CSV and JSON beside its page: /2020-12/scorecard-2020-12.csv. */
export async function getStaticPaths() {
  const { months } = await checkedDataset();
  return months.flatMap((month) => [
    { params: { month: month.period, download: `scorecard-${month.period}.csv` } },
    { params: { month: month.period, download: `scorecard-${month.period}.json` } },
  ]);
}

export const GET: APIRoute = async ({ params }) => {
  const dataset = await checkedDataset();
  const month = dataset.months.find((candidate) => candidate.period === params.month)!;
  if (params.download!.endsWith(".csv")) {
    return new Response(rowsToCsv(exportRows(dataset, month)), {
      headers: { "Content-Type": "text/csv; charset=utf-8" },
    });
  }
  return new Response(monthJson(dataset, month), {
    headers: { "Content-Type": "application/json" },
  });
};
