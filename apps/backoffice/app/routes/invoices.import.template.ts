import { erpImportTemplate } from "@accord/core";
import { templateResponse } from "@accord/web/csv-import";
import type { Route } from "./+types/invoices.import.template";
import { staffRoute } from "../.server/actor";
import { loadOrRespond, notFound } from "../.server/errors";

/** The ERP templates (`invoice:import`, ADR 0037): `?kind=invoices` or `?kind=payments`. */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "invoice:import");
  const kind = new URL(args.request.url).searchParams.get("kind");
  if (kind !== "invoices" && kind !== "payments") notFound();
  const body = await loadOrRespond(ctx, () => erpImportTemplate({ ...ctx, input: { kind } }));
  return templateResponse(body, kind === "invoices" ? "modele-factures.csv" : "modele-paiements.csv");
}
