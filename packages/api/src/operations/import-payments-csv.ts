import { importPayments } from "@accord/core";
import { defineOperation } from "../operation";
import { importReport } from "../schemas";
import { answerImport, CSV_LIMITS, importFileName } from "./import-answer";
import { importFileQuery } from "./import-claims-csv";

export const importPaymentsCsv = defineOperation({
  method: "POST",
  path: "/imports/payments",
  operationId: "importPayments",
  summary: "Import payments from the ERP (integration key)",
  description:
    "Payments received, for an integration key: the CSV file as the raw body (`Content-Type: text/csv`), one row per payment against an invoice (`compte` and/or `siren`, `numero_facture`, `reference_paiement`, `date_paiement`, `montant`). Each adds to its invoice's paid amount; the same payment imported again changes nothing. All or nothing (422 naming each refused cell's `line` and column). A company API key gets 403.",
  tag: "Imports",
  access: "imports",
  query: importFileQuery,
  csv: {
    description: "The payments file (CSV, at most 5 MB and 5 000 rows)",
    maxBytes: CSV_LIMITS.maxBytes,
    example: "compte;numero_facture;reference_paiement;date_paiement;montant\r\nC-MARTIN;FA-2026-0142;VIR-2026-5531;20/11/2026;100,00\r\n",
  },
  problems: [413],
  success: { status: 201, description: "Every payment was recorded (or already was)", schema: importReport },
  async handle({ db, principal, body, query, now, t }) {
    const report = await importPayments({ db, actor: principal.kind === "integration" ? principal : null, input: { file: body as Buffer, fileName: importFileName(query, "api-paiements.csv") }, now, translate: t });
    return answerImport(report);
  },
});
