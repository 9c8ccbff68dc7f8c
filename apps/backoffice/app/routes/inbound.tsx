/** « Courriels en quarantaine » (ADR 0036): inbound e-mails waiting for an agent, newest first. */
import { listQuarantinedEmails } from "@accord/core";
import { DataTable, EmptyState, formatDateTime, PageHeader } from "@accord/ui";
import { translateKey } from "@accord/ui/locales";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/inbound";
import { staffRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";

export function meta() {
  return [{ title: "Accord" }];
}

export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args, "inbound:triage");
  return { emails: await loadOrRespond(ctx, () => listQuarantinedEmails(ctx)) };
}

export default function InboundQuarantine({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <PageHeader title={t("inbound.title")} description={t("inbound.description")} />
      <DataTable
        caption={t("inbound.caption")}
        rows={loaderData.emails}
        rowKey={(email) => email.id}
        empty={<EmptyState title={t("inbound.empty")} />}
        columns={[
          {
            key: "subject",
            header: t("inbound.columns.subject"),
            rowHeader: true,
            cell: (email) => (
              <>
                <Link to={`/inbound/${email.id}`}>{email.subject || t("inbound.noSubject")}</Link>
                {email.attachmentCount > 0 ? <> · {t("inbound.attachments", { count: email.attachmentCount })}</> : null}
              </>
            ),
          },
          { key: "from", header: t("inbound.columns.from"), cell: (email) => (email.fromName ? `${email.fromName} <${email.fromAddress}>` : email.fromAddress) },
          { key: "received", header: t("inbound.columns.received"), cell: (email) => formatDateTime(email.receivedAt, i18n.language) },
          { key: "reason", header: t("inbound.columns.reason"), cell: (email) => (email.reason ? translateKey(t, `inbound.reasons.${email.reason}`) : "—") },
          { key: "account", header: t("inbound.columns.account"), cell: (email) => email.accountName ?? "—" },
        ]}
      />
    </>
  );
}
