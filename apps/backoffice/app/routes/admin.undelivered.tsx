/** « E-mails non remis » (ADR 0033): what the outbox could not deliver, and why, for staff administrators. */
import { listUndeliveredEmails, UNDELIVERED_LIST_LIMIT } from "@accord/core";
import { DataTable, EmptyState, formatDateTime, PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { adminLoader } from "../admin/admin.server";
import type { Route } from "./+types/admin.undelivered";

export async function loader(args: Route.LoaderArgs) {
  return adminLoader(args, "admin:settings", async (ctx) => ({ emails: await listUndeliveredEmails(ctx), limit: UNDELIVERED_LIST_LIMIT }));
}

const REASONS = ["refused", "bounced", "complained", "suppressed", "failed"] as const;
type Reason = (typeof REASONS)[number];
const reasonOf = (reason: string | null): Reason => ((REASONS as readonly string[]).includes(reason ?? "") ? (reason as Reason) : "failed");

export default function UndeliveredEmails({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <PageHeader title={t("admin.undelivered.title")} description={t("admin.undelivered.description", { limit: loaderData.limit })} />
      <DataTable
        caption={t("admin.undelivered.caption")}
        rows={loaderData.emails}
        rowKey={(email) => email.id}
        empty={<EmptyState title={t("admin.undelivered.empty")} />}
        columns={[
          { key: "at", header: t("admin.undelivered.columns.at"), rowHeader: true, cell: (email) => (email.at ? formatDateTime(email.at, i18n.language) : "—") },
          { key: "to", header: t("admin.undelivered.columns.to"), cell: (email) => email.to.join(", ") },
          { key: "subject", header: t("admin.undelivered.columns.subject"), cell: (email) => email.subject },
          { key: "reason", header: t("admin.undelivered.columns.reason"), cell: (email) => t(`admin.undelivered.reasons.${reasonOf(email.reason)}`) },
          {
            key: "case",
            header: t("admin.undelivered.columns.case"),
            cell: (email) => (email.caseReference ? <Link to={`/cases/${email.caseReference}`}>{email.caseReference}</Link> : "—"),
          },
          { key: "detail", header: t("admin.undelivered.columns.detail"), cell: (email) => email.error ?? "" },
        ]}
      />
    </>
  );
}
