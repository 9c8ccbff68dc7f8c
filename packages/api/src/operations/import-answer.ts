import type { ImportReport } from "@accord/core";
import type { OperationResult } from "../operation";
import { ApiProblem, codeOfKey } from "../problem";

/** An import's body bound: what the CSV reader accepts (ADR 0037). */
export { CSV_LIMITS } from "@accord/core";

/** `fileName` in the query: how the import is listed (« Imports ERP », the portal's imports). */
export function importFileName(query: { fileName?: string | undefined }, fallback: string): string {
  return query.fileName?.trim() || fallback;
}

/**
 * An import's report as the API answers it (ADR 0038): 201 with the report when every row was written;
 * a refusal (nothing written) is a 422 problem whose `errors` name each refused cell by its row
 * (`line`) and column (`field`), with the catalogue's message in the key holder's language.
 */
export function answerImport(report: ImportReport): OperationResult {
  if (report.status === "refused") {
    throw new ApiProblem("validation", {
      detailKey: "api.detail.importRefused",
      params: { count: report.errors.length },
      issues: report.errors.map((error) => ({ field: error.field, line: error.line, code: codeOfKey(error.code), messageKey: error.code, params: { ...error.params, field: error.field } })),
    });
  }
  return { status: 201, body: report };
}
