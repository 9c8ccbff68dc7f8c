/**
 * CSV import pages (ADR 0037), both apps: the action reads the one file of the form with busboy
 * (streamed to a temporary file, bounded by CSV_LIMITS), hands a stream of it to the import use case,
 * removes it, and redirects to the page with `?import=<id>` (post/redirect/get: the report is the
 * import's record, so a reload does not import again). Works without JavaScript; with it, the page's
 * form posts the same request through XMLHttpRequest to show the upload's progress.
 */
import type { Readable } from "node:stream";
import { CSV_LIMITS, type ImportReport, type ImportTranslate } from "@accord/core";
import { translateKey } from "@accord/ui/locales";
import { redirect } from "react-router";
import type { Translate } from "./i18n";
import { fileStore, readMultipartForm } from "./uploads";

export type ImportFormResult = { fieldErrors: { file: string[] } };

/**
 * Runs `importFile` on the form's `file` and redirects to `pagePath?import=<id>`; a missing or
 * too-large file comes back as the file field's error (400).
 */
export async function handleImportForm(
  request: Request,
  { t, pagePath, importFile }: { t: Translate; pagePath: string; importFile: (input: { file: Readable; fileName: string }, translate: ImportTranslate) => Promise<ImportReport> },
): Promise<Response | ImportFormResult> {
  const store = fileStore();
  const form = await readMultipartForm(request, { store, maxFileBytes: CSV_LIMITS.maxBytes, maxFiles: 1 });
  const received = form.files.find((file) => file.fieldName === "file");
  try {
    if (!received) return { fieldErrors: { file: [t("csvImport.report.file_required")] } };
    if (received.status === "too_large") {
      return { fieldErrors: { file: [t("csvImport.error.file_too_large", { maxMegabytes: CSV_LIMITS.maxBytes / 1024 / 1024 })] } };
    }
    if (received.status === "no_space") return { fieldErrors: { file: [t("uploads.error.noSpace", { fileName: received.fileName })] } };
    const report = await importFile({ file: await store.openTemp(received.tempKey), fileName: received.fileName }, (key, params) => translateKey(t, key, params));
    return redirect(`${pagePath}?import=${report.importId}#report`);
  } finally {
    for (const file of form.files) if (file.status === "received") await store.removeTemp(file.tempKey).catch(() => {});
  }
}

/** A CSV template as a download (the body already carries its BOM). */
export function templateResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
