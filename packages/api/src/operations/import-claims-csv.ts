import { importClaims } from "@accord/core";
import { z } from "zod";
import { defineOperation } from "../operation";
import { importReport } from "../schemas";
import { answerImport, CSV_LIMITS, importFileName } from "./import-answer";

export const importFileQuery = z.object({
  fileName: z.string().max(255).optional().meta({ description: "The file's name, as the import is listed (default: `api-<kind>.csv`)", example: "reclamations.csv" }),
});

export const importClaimsCsv = defineOperation({
  method: "POST",
  path: "/imports/claims",
  operationId: "importClaims",
  summary: "Import claims from a CSV file",
  description:
    "The portal's « Importer des réclamations » as the key's user: the CSV file as the raw body (`Content-Type: text/csv`; UTF-8 with or without BOM, or Windows-1252; `;`, `,` or tab), the template's columns (one row per contested invoice line; rows sharing `reference_client` make one claim). Every row is checked before anything is written: one refused cell and nothing is (422, each cell in `errors` with its `line` and column). Claims are filed with channel `csv`, their acknowledgement e-mails and SLA as from the portal; the same file imported again files nothing twice. Send an `Idempotency-Key` to retry safely.",
  tag: "Imports",
  access: "customer",
  query: importFileQuery,
  csv: {
    description: "The claims file (CSV, at most 5 MB and 5 000 rows)",
    maxBytes: CSV_LIMITS.maxBytes,
    example:
      "reference_client;type;titre;description;resultat_souhaite;numero_facture;ligne;quantite_contestee;produit;lot\r\n" +
      "RC-2026-001;qualité;Farine humide à la livraison;Trois sacs humides à l'ouverture.;avoir;FA-2026-0143;1;3;Farine T65;L2026-1102\r\n",
  },
  problems: [413],
  success: { status: 201, description: "Every row was imported: the claims filed", schema: importReport },
  async handle({ db, actor, body, query, now, config, t }) {
    const report = await importClaims({ db, actor, input: { file: body as Buffer, fileName: importFileName(query, "api-reclamations.csv") }, now, portalUrl: config.portalUrl, translate: t });
    return answerImport(report);
  },
});
