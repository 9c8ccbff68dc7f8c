/**
 * The parts of every CSV import page (ADR 0037): the form (file input, template link, a progress bar
 * while the file uploads and is checked), the report of one import, and the list of earlier imports.
 */
import { Alert, Button, DataTable, EmptyState, Field, formatDateTime } from "@accord/ui";
import { translateKey } from "@accord/ui/locales";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** An import as the page shows it (what `listImports` returns, serialised). */
export interface ImportView {
  id: string;
  fileName: string;
  sha256: string;
  rows: number;
  status: "imported" | "refused";
  by: string;
  /** Set when an integration key ran it through the API (ADR 0038). */
  byIntegrationKey?: string | null;
  createdAt: string | Date;
  summary: {
    created: number;
    updated: number;
    unchanged: number;
    references: string[];
    errors: { line: number; field: string; code: string; params?: Record<string, string | number> }[];
    errorCount: number;
  };
}

/**
 * The upload form. Without JavaScript it posts as any form and the server redirects to the report;
 * with it, the same post goes through XMLHttpRequest so a progress bar shows the upload, then the
 * browser follows to the report the server redirected to.
 */
export function ImportForm({ action, templateHref, errors, label, id = "import" }: { action: string; templateHref: string; errors?: readonly string[] | undefined; label?: ReactNode; /** Unique on the page (two forms on one page). */ id?: string }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  // Marks the form once the page is interactive (its post then shows progress; before, it posts plainly).
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const input = form.elements.namedItem("file") as HTMLInputElement | null;
    if (!input?.files?.length) return; // the server answers with the field's error
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    request.upload.onload = () => setProgress(100);
    request.onload = () => {
      if (request.status < 400 && request.responseURL) window.location.assign(request.responseURL);
      else {
        // A refusal of the form itself (e.g. no file): show the server's page as it answered.
        document.open();
        document.write(request.responseText);
        document.close();
      }
    };
    request.onerror = () => {
      setProgress(null);
      setFailed(true);
    };
    setFailed(false);
    setProgress(0);
    request.send(new FormData(form));
  }

  return (
    <form method="post" encType="multipart/form-data" action={action} onSubmit={submit} className="form" aria-busy={progress !== null} data-enhanced={enhanced ? "" : undefined}>
      <p>
        <a href={templateHref} download>
          {t("csvImport.report.template")}
        </a>
      </p>
      <Field id={`${id}-file`} name="file" type="file" accept=".csv,text/csv" label={label ?? t("csvImport.report.file_label")} hint={t("csvImport.report.file_hint")} errors={errors} required />
      {progress !== null ? (
        <p role="status">
          <label htmlFor={`${id}-progress`}>{t("csvImport.report.progress")}</label>{" "}
          {/* Upload progress, then indeterminate while the server checks every row. */}
          <progress id={`${id}-progress`} max={100} {...(progress < 100 ? { value: progress } : {})} />
        </p>
      ) : null}
      {failed ? <Alert tone="error">{t("csvImport.error.malformed")}</Alert> : null}
      <div className="form__actions">
        <Button type="submit" variant="primary" disabled={progress !== null}>
          {t("csvImport.report.submit")}
        </Button>
      </div>
    </form>
  );
}

/** One import's report: on refusal every refused cell (row, column, problem); on success the summary. */
export function ImportReportView({ record, summary }: { record: ImportView; summary: ReactNode }) {
  const { t } = useTranslation();
  const { errors, errorCount } = record.summary;
  return (
    <section id="report" aria-labelledby="report-heading">
      <h2 id="report-heading">
        {t("csvImport.report.heading")} — {record.fileName}
      </h2>
      {record.status === "imported" ? (
        <Alert tone="success" title={t("csvImport.report.imported")}>
          {summary}
        </Alert>
      ) : (
        <>
          <Alert tone="error" title={t("csvImport.report.errorCount", { count: errorCount })}>
            {t("csvImport.report.refused")}
          </Alert>
          {errorCount > errors.length ? <p>{t("csvImport.report.more", { shown: errors.length })}</p> : null}
          <DataTable
            caption={t("csvImport.report.heading")}
            rows={errors}
            rowKey={(error) => `${error.line}:${error.field}:${error.code}`}
            empty={null}
            columns={[
              { key: "line", header: t("csvImport.report.line"), rowHeader: true, align: "end", cell: (error) => error.line },
              { key: "field", header: t("csvImport.report.field"), cell: (error) => error.field },
              { key: "message", header: t("csvImport.report.message"), cell: (error) => translateKey(t, error.code, { ...error.params, field: error.field }) },
            ]}
          />
        </>
      )}
    </section>
  );
}

/** The earlier imports: who, when, which file (name and SHA-256), how many rows, the outcome. */
export function ImportHistory({ imports, href }: { imports: readonly ImportView[]; href: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("csvImport.report.history")}</h2>
      <DataTable
        caption={t("csvImport.report.history")}
        rows={imports}
        rowKey={(record) => record.id}
        empty={<EmptyState title={t("csvImport.report.noHistory")} />}
        columns={[
          { key: "when", header: t("csvImport.report.when"), rowHeader: true, cell: (record) => formatDateTime(record.createdAt, i18n.language) },
          { key: "file", header: t("csvImport.report.file"), cell: (record) => <a href={href(record.id)}>{record.fileName}</a> },
          { key: "by", header: t("csvImport.report.by"), cell: (record) => (record.byIntegrationKey ? t("csvImport.report.byIntegrationKey", { name: record.byIntegrationKey }) : record.by) },
          { key: "rows", header: t("csvImport.report.rows"), align: "end", cell: (record) => record.rows },
          { key: "outcome", header: t("csvImport.report.outcome"), cell: (record) => t(`csvImport.report.status_${record.status}`) },
          { key: "sha", header: t("csvImport.report.sha256"), cell: (record) => <code title={record.sha256}>{record.sha256.slice(0, 12)}…</code> },
        ]}
      />
    </section>
  );
}
