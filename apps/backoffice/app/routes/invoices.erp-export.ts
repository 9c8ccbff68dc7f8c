import { buildErpExport, erpExportCsv, erpExportSchema, parseInput } from "@accord/core";
import { localDate } from "@accord/domain";
import { redirect } from "react-router";
import type { Route } from "./+types/invoices.erp-export";
import { staffRoute } from "../.server/actor";
import { describeError, loadOrRespond } from "../.server/errors";

/**
 * The ERP export as a CSV attachment (finance: `invoice:manage`, ADR 0027), from the GET form of
 * /invoices. A refused period goes back to that page, which shows the refusals beside the fields.
 */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "invoice:manage");
  const params = new URL(args.request.url).searchParams;
  const raw = { from: params.get("from") ?? "", to: params.get("to") ?? "" };
  let input;
  try {
    input = parseInput(erpExportSchema, raw);
  } catch (error) {
    if (describeError(error, ctx.t).code !== "validation") throw error;
    throw redirect(`/invoices?${new URLSearchParams(raw).toString()}#erp-export`);
  }
  const rows = await loadOrRespond(ctx, () => buildErpExport({ ...ctx, input }));
  return new Response(erpExportCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="accord-export-erp-${localDate(ctx.now, "Europe/Paris")}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
