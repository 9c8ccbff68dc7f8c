/** One proposal of the Solution section: amounts, status, approvals (and the approval form for who may give one), the customer's answer. */
import type { DecideApprovalInput, StaffSettlement } from "@accord/core";
import { formatDate, formatDateTime, formatMoney } from "@accord/ui";
import { IntentForm } from "@accord/web/components/IntentForm";
import { useTranslation } from "react-i18next";
import type { CaseActionData } from "../../.server/case-page";
import { bind, ChoiceGroup, SubmitRow, TextareaField } from "../fields";
import { useCaseForm } from "../parts";

type Proposal = StaffSettlement["proposals"][number];

function ApprovalForm({ proposal, actionData }: { proposal: Proposal; actionData: CaseActionData | null }) {
  const { t } = useTranslation();
  const [form, fields] = useCaseForm<DecideApprovalInput>("decideApproval", actionData, { key: proposal.id });
  const level = proposal.approveAs ? t(`settlement.levels.${proposal.approveAs}`) : "";
  const decision = typeof fields.decision.initialValue === "string" ? [fields.decision.initialValue] : [];
  return (
    <IntentForm form={form} aria-label={t("casePage.settlement.approve.legend", { level })}>
      <input type="hidden" name="proposalId" value={proposal.id} />
      <ChoiceGroup
        id={`approval-decision-${proposal.id}`}
        name={fields.decision.name}
        type="radio"
        legend={t("casePage.settlement.approve.legend", { level })}
        options={(["approved", "rejected"] as const).map((value) => ({ value, label: t(`casePage.settlement.approve.${value}`) }))}
        defaultValues={decision}
        errors={fields.decision.errors}
      />
      <TextareaField id={`approval-comment-${proposal.id}`} label={t("casePage.settlement.approve.comment")} {...bind(fields.comment)} />
      <SubmitRow>{t("casePage.settlement.approve.submit")}</SubmitRow>
    </IntentForm>
  );
}

export function SettlementProposal({ proposal: p, currency, actionData }: { proposal: Proposal; currency: string; actionData: CaseActionData | null }) {
  const { t, i18n } = useTranslation();
  const money = (cents: number) => formatMoney(cents, currency, i18n.language);
  const kind = t(`settlement.kinds.${p.kind}`);
  const answeredBy = p.respondedByName ?? t("casePage.settlement.answer.customer");
  const answeredAt = p.respondedAt ? formatDateTime(p.respondedAt, i18n.language) : "";
  return (
    <article className="card stack" data-testid={`proposal-${p.number}`} aria-labelledby={`proposal-${p.id}-title`}>
      <h3 id={`proposal-${p.id}-title`} style={{ margin: 0 }}>
        {t(p.fromCustomer ? "casePage.settlement.fromCustomer" : "casePage.settlement.proposal", { number: p.number, kind })}
      </h3>
      {p.fromMediation ? <p data-testid="proposal-from-mediation">{t("casePage.settlement.fromMediation")}</p> : null}
      <p>{t("casePage.settlement.amounts", { amount: money(p.amountCents), vat: money(p.vatCents), total: money(p.amountCents + p.vatCents) })}</p>
      <dl className="case-page__facts">
        <dt>{t("casePage.settlement.status")}</dt>
        <dd data-testid="proposal-status">
          {t(`settlement.statuses.${p.status}`)}
          {p.expired ? ` — ${t("casePage.settlement.expired")}` : null}
        </dd>
        <dt>{t("casePage.settlement.author")}</dt>
        <dd>{p.authorName ?? t("casePage.none")}</dd>
        <dt>{t("casePage.settlement.expiresOn")}</dt>
        <dd>{p.expiresOn ? formatDate(p.expiresOn, i18n.language) : t("casePage.none")}</dd>
      </dl>
      {p.terms && !p.offeredText ? <p style={{ whiteSpace: "pre-wrap" }}>{p.terms}</p> : null}
      {p.offeredText ? (
        <details>
          <summary>{t("casePage.settlement.offeredText")}</summary>
          <p style={{ whiteSpace: "pre-wrap" }}>{p.offeredText}</p>
        </details>
      ) : null}
      {!p.fromCustomer ? (
        <>
          <h4 style={{ margin: 0 }}>{t("casePage.settlement.approvals")}</h4>
          {p.required.length === 0 ? <p>{t("casePage.settlement.noApproval")}</p> : null}
          {p.approvals.length > 0 ? (
            <ul>
              {p.approvals.map((a) => (
                <li key={a.level}>
                  {t("casePage.settlement.approval", { level: t(`settlement.levels.${a.level}`), name: a.approverName, decision: t(`casePage.settlement.decisions.${a.decision}`), at: formatDateTime(a.decidedAt, i18n.language) })}
                  {a.comment ? <q style={{ display: "block", whiteSpace: "pre-wrap" }}>{a.comment}</q> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {p.missing.length > 0 ? <p>{t("casePage.settlement.missing", { levels: p.missing.map((level) => t(`settlement.levels.${level}`)).join(", ") })}</p> : null}
        </>
      ) : null}
      {p.mayApprove ? <ApprovalForm proposal={p} actionData={actionData} /> : null}
      {p.customerAnswer ? <p>{t(`casePage.settlement.answer.${p.customerAnswer}`, { name: answeredBy, at: answeredAt, text: p.responseComment ?? "" })}</p> : null}
    </article>
  );
}
