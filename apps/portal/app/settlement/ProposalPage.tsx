/**
 * The proposal page's body: the proposal as it was offered (its frozen text, shown as stored), what
 * became of it, and for someone who may decide the three answers. Accepting takes two posts (ADR 0013
 * with a review step): consent and name, then "Confirmez-vous ?" with the text's hash; no JavaScript needed.
 */
import { PROPOSAL_KINDS } from "@accord/domain";
import { Alert, ChoiceGroup, Facts, formatDate, formatDateTime, formatMoney, SelectField } from "@accord/ui";
import { BoundField, BoundTextarea, initialText, SubmitRow } from "@accord/web/components/FormFields";
import { IntentForm, isReviewed, useIntentForm } from "@accord/web/components/IntentForm";
import type { IntentReply } from "@accord/web/intents";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SettlementView } from "../.server/settlement";
import { Section } from "../case-page/parts";
import type { ProposalIntent } from "../routes/cases.proposal";

type Proposal = NonNullable<SettlementView["current"]>;
type Reply = IntentReply<string> | null;

/** The form-level message of a refused post (e.g. accepted meanwhile in another tab). */
function formErrorsOf(reply: Reply, intent: ProposalIntent): string[] {
  if (!reply || reply.intent !== intent) return [];
  return reply.result.error?.[""] ?? [];
}

/** The proposal in plain words: kind, amounts, last day, its text exactly as frozen at the offer, and its hash. */
function ProposalText({ proposal: p }: { proposal: Proposal }) {
  const { t, i18n } = useTranslation();
  const money = (cents: number) => formatMoney(cents, p.currency, i18n.language);
  return (
    <Section id="proposal" title={t("settlement.proposal.section")}>
      <Facts
        rows={[
          [t("settlement.proposal.status"), <span className="badge">{t(`settlement.status.${p.status}`)}</span>],
          [t("settlement.proposal.kind"), t(`settlement.kind.${p.kind}`)],
          [t("settlement.proposal.amount"), money(p.amountCents)],
          [t("settlement.proposal.vat"), money(p.vatCents)],
          [t("settlement.proposal.total"), money(p.totalCents)],
          [t("settlement.proposal.offeredAt"), formatDateTime(p.offeredAt, i18n.language)],
          [t("settlement.proposal.expiresOn"), p.expiresOn ? formatDate(p.expiresOn, i18n.language) : t("settlement.proposal.noExpiry")],
        ]}
      />
      <h3>{t("settlement.proposal.text")}</h3>
      <div className="frozen-text" data-testid="proposal-text">
        {p.offeredText}
      </div>
      <p>
        {t("settlement.proposal.hash")} <code className="hash" data-testid="proposal-hash">{p.offeredTextSha256}</code>
      </p>
      {p.responseComment ? (
        <p>
          {t("settlement.proposal.yourComment")} <span className="preserve-lines">{p.responseComment}</span>
        </p>
      ) : null}
    </Section>
  );
}

/** The acceptance record and the agreement to download. */
function AcceptanceRecord({ reference, acceptance }: { reference: string; acceptance: NonNullable<SettlementView["acceptance"]> }) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="acceptance" title={t("settlement.acceptance.title")}>
      <Alert tone="success">{t("settlement.acceptance.done")}</Alert>
      <Facts
        rows={[
          [t("settlement.acceptance.signer"), acceptance.signerName],
          [t("settlement.acceptance.at"), formatDateTime(acceptance.acceptedAt, i18n.language)],
          [t("settlement.acceptance.textHash"), <code className="hash">{acceptance.textSha256}</code>],
          [t("settlement.acceptance.agreementHash"), <code className="hash" data-testid="agreement-hash">{acceptance.agreementSha256}</code>],
        ]}
      />
      {acceptance.agreementSha256 ? (
        <p>
          <a href={`/cases/${reference}/agreement.pdf`} download className="button">
            {t("settlement.acceptance.download")}
          </a>{" "}
          <Link to={`/cases/${reference}/agreement`}>{t("agreementView.link")}</Link>
        </p>
      ) : null}
    </Section>
  );
}

/** Step 1 of the acceptance: the explicit consent and the signer's name. */
function AcceptForm({ proposal: p, actionData }: { proposal: Proposal; actionData: Reply }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm<Record<"consent" | "signerName", string>, ProposalIntent>("review", actionData);
  return (
    <Section id="accept" title={t("settlement.accept.title")}>
      <IntentForm form={form} className="form stack">
        <input type="hidden" name="proposalId" value={p.id} />
        <input type="hidden" name="textSha256" value={p.offeredTextSha256} />
        <p>{t("settlement.accept.explain")}</p>
        <ChoiceGroup
          id="accept-consent"
          name="consent"
          type="checkbox"
          legend={t("settlement.accept.consentLegend")}
          options={[{ value: "on", label: t("settlement.accept.consent") }]}
          errors={fields.consent.errors}
        />
        <BoundField field={fields.signerName} id="accept-signer" label={t("settlement.accept.signer")} hint={t("settlement.accept.signerHint")} autoComplete="name" />
        <SubmitRow label={t("settlement.accept.submit")} />
      </IntentForm>
    </Section>
  );
}

/** Step 2: "Confirmez-vous ?" — what is signed, by whom, and the hash of the text; the real acceptance. */
function ConfirmAccept({ reference, proposal: p, actionData }: { reference: string; proposal: Proposal; actionData: Reply }) {
  const { t, i18n } = useTranslation();
  const [form] = useIntentForm<Record<string, string>, ProposalIntent>("accept", actionData);
  const reviewed = actionData?.result.initialValue ?? {};
  const signerName = initialText(reviewed.signerName).trim();
  const textSha256 = initialText(reviewed.textSha256);
  return (
    <Section id="confirm" title={t("settlement.confirm.title")}>
      <p>{t("settlement.confirm.explain", { number: p.number })}</p>
      <Facts
        rows={[
          [t("settlement.acceptance.signer"), signerName],
          [t("settlement.proposal.kind"), t(`settlement.kind.${p.kind}`)],
          [t("settlement.proposal.total"), formatMoney(p.totalCents, p.currency, i18n.language)],
          [t("settlement.proposal.hash"), <code className="hash">{textSha256}</code>],
        ]}
      />
      <IntentForm form={form} className="form stack">
        <input type="hidden" name="proposalId" value={p.id} />
        <input type="hidden" name="textSha256" value={textSha256} />
        <input type="hidden" name="consent" value="on" />
        <input type="hidden" name="signerName" value={signerName} />
        <SubmitRow label={t("settlement.confirm.submit")}>
          <Link to={`/cases/${reference}/proposal#accept`}>{t("settlement.confirm.back")}</Link>
        </SubmitRow>
      </IntentForm>
    </Section>
  );
}

function DeclineForm({ proposal: p, actionData }: { proposal: Proposal; actionData: Reply }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm<Record<"reason", string>, ProposalIntent>("decline", actionData);
  return (
    <Section id="decline" title={t("settlement.decline.title")}>
      <IntentForm form={form} className="form stack">
        <input type="hidden" name="proposalId" value={p.id} />
        <BoundTextarea field={fields.reason} id="decline-reason" label={t("settlement.decline.reason")} hint={t("settlement.decline.reasonHint")} />
        <SubmitRow label={t("settlement.decline.submit")} variant="danger" />
      </IntentForm>
    </Section>
  );
}

function CounterForm({ proposal: p, actionData }: { proposal: Proposal; actionData: Reply }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm<Record<"kind" | "amount" | "comment", string>, ProposalIntent>("counter", actionData);
  const kinds = [{ value: "", label: t("settlement.counter.chooseKind") }, ...PROPOSAL_KINDS.map((kind) => ({ value: kind, label: t(`settlement.kind.${kind}`) }))];
  return (
    <Section id="counter" title={t("settlement.counter.title")}>
      <IntentForm form={form} className="form stack">
        <input type="hidden" name="proposalId" value={p.id} />
        <p>{t("settlement.counter.explain")}</p>
        <SelectField key={fields.kind.key} id="counter-kind" name={fields.kind.name} label={t("settlement.counter.kind")} options={kinds} defaultValue={initialText(fields.kind.initialValue)} errors={fields.kind.errors} />
        <BoundField field={fields.amount} id="counter-amount" label={t("settlement.counter.amount")} hint={t("settlement.counter.amountHint")} inputMode="decimal" />
        <BoundTextarea field={fields.comment} id="counter-comment" label={t("settlement.counter.comment")} />
        <SubmitRow label={t("settlement.counter.submit")} />
      </IntentForm>
    </Section>
  );
}

/** The earlier proposals and the customer's counter-proposals. */
function History({ settlement: s }: { settlement: SettlementView }) {
  const { t, i18n } = useTranslation();
  if (s.earlier.length === 0 && s.counterProposals.length === 0) return null;
  return (
    <Section id="history" title={t("settlement.history.title")}>
      <ul>
        {s.counterProposals.map((counter) => (
          <li key={counter.id}>
            {t("settlement.history.counter", { number: counter.number, date: formatDate(counter.createdAt, i18n.language), kind: t(`settlement.kind.${counter.kind}`), amount: formatMoney(counter.amountCents, counter.currency, i18n.language) })}
          </li>
        ))}
        {s.earlier.map((proposal) => (
          <li key={proposal.id}>
            {t("settlement.history.proposal", {
              number: proposal.number,
              date: formatDate(proposal.offeredAt, i18n.language),
              kind: t(`settlement.kind.${proposal.kind}`),
              amount: formatMoney(proposal.amountCents, proposal.currency, i18n.language),
              status: t(`settlement.status.${proposal.status}`),
            })}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function ProposalPage({ settlement: s, actionData }: { settlement: SettlementView; actionData: Reply }) {
  const { t, i18n } = useTranslation();
  const back = (
    <p>
      <Link to={`/cases/${s.reference}`}>{t("settlement.proposal.back")}</Link>
    </p>
  );
  const p = s.current;
  if (!p) {
    return (
      <>
        <p>{t("settlement.proposal.none")}</p>
        {back}
      </>
    );
  }
  const acceptance = s.acceptance && s.acceptance.proposalId === p.id ? s.acceptance : null;
  const refused = formErrorsOf(actionData, "accept");
  return (
    <>
      {refused.length ? <Alert tone="error">{refused.join(" ")}</Alert> : null}
      {acceptance ? <AcceptanceRecord reference={s.reference} acceptance={acceptance} /> : null}
      {p.expired ? <Alert tone="warning">{p.expiresOn ? t("settlement.proposal.expired", { date: formatDate(p.expiresOn, i18n.language) }) : t("settlement.proposal.closed")}</Alert> : null}
      {p.open && !s.mayDecide ? <Alert tone="info">{t("settlement.proposal.whoDecides")}</Alert> : null}
      <ProposalText proposal={p} />
      {p.canDecide ? (
        isReviewed(actionData, "review") ? (
          <ConfirmAccept reference={s.reference} proposal={p} actionData={actionData} />
        ) : (
          <>
            <AcceptForm proposal={p} actionData={actionData} />
            <CounterForm proposal={p} actionData={actionData} />
            <DeclineForm proposal={p} actionData={actionData} />
          </>
        )
      ) : null}
      <History settlement={s} />
      {back}
    </>
  );
}
