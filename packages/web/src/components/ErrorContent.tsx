import { PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";

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
