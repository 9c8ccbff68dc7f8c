import { claimImportTemplate } from "@accord/core";
import { templateResponse } from "@accord/web/csv-import";
import type { Route } from "./+types/claims.import.template";
import { customerRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

/** The claims template (CSV, BOM, `;`, French headers), its example row on one of the company's invoices. */
export async function loader(args: Route.LoaderArgs) {
  const ctx = await customerRoute(args, "case:create");
  const body = await loadOrRespond(ctx, () => claimImportTemplate({ ...ctx, input: undefined }));
  return templateResponse(body, "modele-reclamations.csv");
}
