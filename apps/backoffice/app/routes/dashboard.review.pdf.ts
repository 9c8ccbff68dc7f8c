import { renderReportPdf } from "@accord/core";
import { redirect } from "react-router";
import type { Route } from "./+types/dashboard.review.pdf";
import { loadReview } from "../kpi/review.server";

/** The month's review pack as PDF, with the same charts as the page (ADR 0040); a refused month goes back to the page. */
export async function loader(args: Route.LoaderArgs) {
  const review = await loadReview(args);
  if (!review.ok) throw redirect(`/dashboard/review${new URL(args.request.url).search}`);
  const bytes = await renderReportPdf(review.doc);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="accord-review-${review.month}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
