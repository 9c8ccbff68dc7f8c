import { importInvoices } from "@accord/core";
import { defineOperation } from "../operation";
import { importReport } from "../schemas";
import { answerImport, CSV_LIMITS, importFileName } from "./import-answer";
import { importFileQuery } from "./import-claims-csv";

export const importInvoicesCsv = defineOperation({
  method: "POST",
  path: "/imports/invoices",
  operationId: "importInvoices",
  summary: "Import invoices from the ERP (integration key)",
  description:
    "The back-office's « Imports ERP » for an integration key (`accord_int_…`, created by an administrator in « Clés d'intégration »): the CSV file as the raw body (`Content-Type: text/csv`), one row per invoice line, each naming its customer by `compte` (ERP code) and/or `siren`. An invoice already imported is replaced while no claim names it. All or nothing: one refused cell and nothing is written (422, each cell in `errors` with its `line` and column). A company API key gets 403.",
  tag: "Imports",
  access: "imports",
  query: importFileQuery,
  csv: {
    description: "The invoices file (CSV, at most 5 MB and 5 000 rows)",
    maxBytes: CSV_LIMITS.maxBytes,
    example:
      "compte;numero_facture;date_facture;date_echeance;ligne;designation;quantite;unite;prix_unitaire;taux_tva;lot\r\n" +
      "C-MARTIN;FA-2026-0100;02/11/2026;02/12/2026;1;Farine T65 (sac 25 kg);40;sac;18,50;5,5;L2026-1102\r\n" +
      "C-MARTIN;FA-2026-0100;02/11/2026;02/12/2026;2;Levure fraîche (kg);10;kg;4,20;5,5;\r\n",
  },
  problems: [413],
  success: { status: 201, description: "Every row was imported: the invoices created or replaced", schema: importReport },
  async handle({ db, principal, body, query, now, t }) {
    const report = await importInvoices({ db, actor: principal.kind === "integration" ? principal : null, input: { file: body as Buffer, fileName: importFileName(query, "api-factures.csv") }, now, translate: t });
    return answerImport(report);
  },
});
