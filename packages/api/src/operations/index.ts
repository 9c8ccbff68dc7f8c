import type { AnyOperation } from "../operation";
import { createClaim } from "./create-claim";
import { getClaim } from "./get-claim";
import { getInvoice } from "./get-invoice";
import { listClaims } from "./list-claims";
import { listInvoices } from "./list-invoices";
import { postMessage } from "./post-message";
import { addEvidence } from "./add-evidence";
import { uploadFiles } from "./upload-files";
import { decideProposal } from "./decide-proposal";
import { getProposal } from "./get-proposal";
import { importClaimsCsv } from "./import-claims-csv";
import { importInvoicesCsv } from "./import-invoices-csv";
import { importPaymentsCsv } from "./import-payments-csv";

/** Every operation of API v1 (the handler routes them, the OpenAPI document lists them): add a line per operation. */
export const operations: readonly AnyOperation[] = [createClaim, listClaims, getClaim, postMessage, uploadFiles, addEvidence, getProposal, decideProposal, listInvoices, getInvoice, importClaimsCsv, importInvoicesCsv, importPaymentsCsv];
