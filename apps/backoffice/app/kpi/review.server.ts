import { CASE_CHANNELS, getReviewPack, isAppError, kpiFilterOptions, type ReportDocument } from "@accord/core";
import type { Route } from "../routes/+types/dashboard.review";
import { staffRoute } from "../.server/actor";
import { kpiDbContext } from "../.server/db";
import { describeError, loadOrRespond } from "../.server/errors";
import { languageOf } from "../.server/i18n";
import { reviewDocument } from "./review-document";

export const REVIEW_FIELDS = ["month", "type", "team", "account", "tier", "channel"] as const;

/**
 * The review pack of the month asked for (the page, its CSV and its PDF): the document, or the
 * refusals of the month and filters beside their fields.
 */
export async function loadReview(args: Pick<Route.LoaderArgs, "request" | "params" | "context">) {
  const ctx = await staffRoute(args as Route.LoaderArgs, "kpi:read");
  // The review pack reads KPI_DATABASE_URL's replica when one is set (docs/deploy.md).
  const kpiDb = args.context.get(kpiDbContext);
  const language = languageOf(args.context);
  const params = new URL(args.request.url).searchParams;
  const form = Object.fromEntries(REVIEW_FIELDS.map((key) => [key, params.get(key) ?? ""])) as Record<(typeof REVIEW_FIELDS)[number], string>;
  const input = Object.fromEntries(REVIEW_FIELDS.map((key) => [key, params.get(key) ?? undefined]));
  return loadOrRespond(ctx, async () => {
    const options = { ...(await kpiFilterOptions(kpiDb)), channels: CASE_CHANNELS };
    try {
      const pack = await getReviewPack({ ...ctx, db: kpiDb, input, language });
      const doc: ReportDocument = reviewDocument(pack, { t: ctx.t, language, now: ctx.now });
      return {
        ok: true as const,
        form: { ...form, month: pack.month },
        options,
        month: pack.month,
        doc,
        message: null,
        fieldErrors: {} as Record<string, string[]>,
      };
    } catch (error) {
      if (!isAppError(error) || error.code !== "validation") throw error;
      const described = describeError(error, ctx.t);
      return { ok: false as const, form, options, month: null, doc: null, message: described.message, fieldErrors: described.fieldErrors };
    }
  });
}
