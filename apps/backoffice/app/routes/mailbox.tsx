import { listMailbox } from "@accord/core";
import { DataTable, EmptyState, formatDateTime, PageHeader, type Column } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Route } from "./+types/mailbox";
import { MailAttachments } from "../components/MailAttachments";
import { staffRoute } from "../.server/actor";
import { loadOrRespond } from "../.server/errors";
import { env } from "../env.server";

export async function loader(args: Route.LoaderArgs) {
  const ctx = await staffRoute(args);
  // Not an admin: the page does not exist for them (404). The list needs no body: keep the page light.
  const { emails } = await loadOrRespond(ctx, () => listMailbox({ actor: ctx.actor, dir: env().MAILBOX_DIR }));
  return {
    emails: emails.map(({ id, to, subject, sentAt, attachments = [] }) => ({
      id,
      to,
      subject,
      sentAt,
      attachments: attachments.map(({ name, size }) => ({ name, size })),
    })),
  };
}

export default function Mailbox({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation();
  const columns: Column<Route.ComponentProps["loaderData"]["emails"][number]>[] = [
    { key: "date", header: t("mailbox.columns.date"), cell: (email) => formatDateTime(email.sentAt, i18n.language) },
    { key: "to", header: t("mailbox.columns.to"), cell: (email) => email.to.join(", ") },
    {
      key: "subject",
      header: t("mailbox.columns.subject"),
      cell: (email) => <Link to={`/mailbox/${encodeURIComponent(email.id)}`}>{email.subject}</Link>,
    },
    {
      key: "attachments",
      header: t("mailbox.columns.attachments"),
      cell: (email) => <MailAttachments attachments={email.attachments} language={i18n.language} />,
    },
  ];
  return (
    <>
      <PageHeader title={t("mailbox.title")} description={t("mailbox.description")} />
      <DataTable
        caption={t("mailbox.caption")}
        rows={loaderData.emails}
        rowKey={(email) => email.id}
        empty={<EmptyState title={t("mailbox.empty")} />}
        columns={columns}
      />
    </>
  );
}
