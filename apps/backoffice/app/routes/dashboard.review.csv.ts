import { reportCsv } from "@accord/core";
import { redirect } from "react-router";
import type { Route } from "./+types/dashboard.review.csv";
import { loadReview } from "../kpi/review.server";

/** The month's review pack as CSV (ADR 0040); a refused month or filter goes back to the page, which says why beside the field. */
export async function loader(args: Route.LoaderArgs) {
  const review = await loadReview(args);
  if (!review.ok) throw redirect(`/dashboard/review${new URL(args.request.url).search}`);
  return new Response(reportCsv(review.doc), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="accord-review-${review.month}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
