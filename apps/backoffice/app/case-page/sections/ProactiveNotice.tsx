/**
 * « Communication proactive »: when the case names a lot and its root cause is a quality one, the other
 * customers whose invoice lines carry that lot, with the lines and who would be told; a prefilled,
 * editable message to send them (one form per lot); and the notices already sent.
 */
import type { LotRecipients, SendProactiveNoticeInput } from "@accord/core";
import { DataTable, EmptyState, formatDate } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import type { CaseActionData } from "../../.server/case-page";
import { bind, ChoiceGroup, SubmitRow, TextareaField } from "../fields";
import { Section, useCaseForm } from "../parts";

type LotAccount = LotRecipients["accounts"][number];

function LotForm({ lot, accounts, actionData }: { lot: string; accounts: LotAccount[]; actionData: CaseActionData | null }) {
  const { t } = useTranslation();
  const [form, fields] = useCaseForm<SendProactiveNoticeInput>("sendProactiveNotice", actionData, { key: lot });
  const open = accounts.filter((a) => a.notice === null && a.recipients.length > 0);
  if (open.length === 0) return null;
  return (
    <IntentForm form={form}>
      <input type="hidden" name="lot" value={lot} />
      <ChoiceGroup
        id={`proactive-accounts-${lot}`}
        legend={t("casePage.proactive.accounts")}
        name="accountIds"
        type="checkbox"
        options={open.map((a) => ({ value: a.accountId, label: a.accountName }))}
        defaultValues={open.map((a) => a.accountId)}
        errors={fields.accountIds.errors}
      />
      <TextareaField id={`proactive-message-${lot}`} label={t("casePage.proactive.message")} {...bind(fields.message, t("casePage.proactive.defaultMessage", { lot }))} />
      <SubmitRow>{t("casePage.proactive.submit")}</SubmitRow>
    </IntentForm>
  );
}

export function ProactiveNotice({ lotRecipients, canSend, actionData }: { lotRecipients: LotRecipients; canSend: boolean; actionData: CaseActionData | null }) {
  const { t, i18n } = useTranslation();
  const r = lotRecipients;
  if (r.lots.length === 0) return null;
  const lots = r.lots.join(", ");
  return (
    <Section id="proactive-notice" title={t("casePage.sections.proactiveNotice")}>
      {!r.applies ? <p className="muted">{t("casePage.proactive.notQuality", { lots })}</p> : <p>{t("casePage.proactive.intro", { lots })}</p>}
      {r.applies
        ? r.lots.map((lot) => {
            const accounts = r.accounts.filter((a) => a.lot === lot);
            return (
              <div key={lot} className="stack" data-testid={`proactive-lot-${lot}`}>
                <DataTable
                  caption={t("casePage.proactive.caption", { lot })}
                  captionVisible
                  rows={accounts}
                  rowKey={(a) => a.accountId}
                  empty={<EmptyState title={t("casePage.proactive.none", { lot })} />}
                  columns={[
                    { key: "account", header: t("casePage.proactive.account"), rowHeader: true, cell: (a) => a.accountName },
                    {
                      key: "lines",
                      header: t("casePage.proactive.lines"),
                      cell: (a) => (
                        <ul>
                          {a.lines.map((l) => (
                            <li key={`${l.invoiceNumber}-${l.lineNo}`}>{t("casePage.proactive.line", { invoice: l.invoiceNumber, line: l.lineNo, description: l.description })}</li>
                          ))}
                        </ul>
                      ),
                    },
                    { key: "recipients", header: t("casePage.proactive.recipients"), cell: (a) => (a.recipients.length ? a.recipients.map((p) => p.name).join(", ") : t("casePage.proactive.noRecipient")) },
                    {
                      key: "notice",
                      header: t("casePage.proactive.notice"),
                      cell: (a) =>
                        a.notice ? (
                          <span data-testid="proactive-sent">{t("casePage.proactive.sentOn", { date: formatDate(a.notice.sentAt, i18n.language), name: a.notice.sentByName, count: a.notice.recipients })}</span>
                        ) : (
                          t("casePage.proactive.notSent")
                        ),
                    },
                  ]}
                />
                {canSend ? <LotForm lot={lot} accounts={accounts} actionData={actionData} /> : null}
              </div>
            );
          })
        : null}
    </Section>
  );
}
