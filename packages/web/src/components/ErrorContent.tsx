import { PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { isRouteErrorResponse } from "react-router";

/** The body of the 404 page. */
export function NotFoundContent() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("errorPage.notFoundTitle")} description={t("errorPage.notFound")} />
      <p>
        <a href="/">{t("errorPage.backHome")}</a>
      </p>
    </>
  );
}

/** The body of an error page: a translated message, and the details only in development. */
export function ErrorContent({ status, message, details }: { status?: number; message?: string; details?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t("errorPage.title")}
        eyebrow={status ? t("errorPage.status", { status }) : undefined}
        description={message ?? t("errorPage.unexpected")}
      />
      {details ? <pre className="mail-text">{details}</pre> : null}
      <p>
        <a href="/">{t("errorPage.backHome")}</a>
      </p>
    </>
  );
}

/**
 * What the root ErrorBoundary shows for `error`: the 404 page, our own error responses (they carry an
 * already translated message), or a 500 with the stack only when `dev` (never in a production build).
 */
export function RouteErrorContent({ error, dev }: { error: unknown; dev: boolean }) {
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundContent />;
  if (isRouteErrorResponse(error)) {
    const message = typeof error.data === "string" ? error.data : error.status === 503 ? t("errorPage.unavailable") : undefined;
    return <ErrorContent status={error.status} message={message} />;
  }
  const details = dev && error instanceof Error ? (error.stack ?? error.message) : undefined;
  return <ErrorContent status={500} details={details} />;
}
