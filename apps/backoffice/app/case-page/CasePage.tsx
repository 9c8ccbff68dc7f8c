/**
 * The back-office case page, composed of its sections (one file each under ./sections): summary, SLA,
 * customer, request, lines and price check, qualification, actions, the solution (proposals, decision), tasks, evidence requests,
 * conversation, evidence, root cause, stakeholders, time and the full timeline. Every form posts one
 * intent of the page's table (.server/case-page.ts) and works without JavaScript.
 */
import type { CaseChainCheck, CaseCorrectiveActions, LotRecipients, PriceCheckLine, RecordDecisionInput, StaffCase, StaffLitigation, StaffMediation, StaffSettlement } from "@accord/core";
import { PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CaseActionData } from "../.server/case-page";
import { Actions } from "./sections/Actions";
import { Archive } from "./sections/Archive";
import { Conversation } from "./sections/Conversation";
import { CorrectiveActions } from "./sections/CorrectiveActions";
import { Customer } from "./sections/Customer";
import { Evidence } from "./sections/Evidence";
import { EvidenceRequests } from "./sections/EvidenceRequests";
import { Lines } from "./sections/Lines";
import { ProactiveNotice } from "./sections/ProactiveNotice";
import { Litigation } from "./sections/Litigation";
import { Mediation } from "./sections/Mediation";
import { Qualification } from "./sections/Qualification";
import { Request } from "./sections/Request";
import { RootCause } from "./sections/RootCause";
import { Settlement } from "./sections/Settlement";
import { Sla } from "./sections/Sla";
import { Stakeholders } from "./sections/Stakeholders";
import { Summary } from "./sections/Summary";
import { Tasks } from "./sections/Tasks";
import { Time } from "./sections/Time";
import { Timeline } from "./sections/Timeline";
import { UndeliveredEmails } from "./sections/UndeliveredEmails";

export interface CasePageProps {
  page: StaffCase;
  priceCheck: PriceCheckLine[] | null;
  settlement: StaffSettlement;
  /** Corrective actions and the proactive notice (issue 12). */
  corrective: CaseCorrectiveActions;
  lotRecipients: LotRecipients;
  /** The « Contentieux » section's data (issue 12). */
  litigation: StaffLitigation;
  mediation: StaffMediation;
  /** This case's event chain, verified when the page loaded. */
  chain: CaseChainCheck;
  /** The outcomes a decision without a proposal may record. */
  resolveOutcomes: readonly RecordDecisionInput["outcome"][];
  today: string;
  /** Largest evidence file (UPLOAD_MAX_BYTES): the uploaders refuse a larger one before sending it. */
  maxUploadBytes: number;
  actionData: CaseActionData | null;
}

export function CasePage({ page, priceCheck, settlement, corrective, lotRecipients, litigation, mediation, chain, resolveOutcomes, today, maxUploadBytes, actionData }: CasePageProps) {
  const { t } = useTranslation();
  const c = page.case;
  const forms = { page, actionData };
  return (
    <div className="case-page">
      <p>
        <Link to="/">{t("casePage.back")}</Link>
      </p>
      <PageHeader eyebrow={page.customer.account.name} title={t("casePage.title", { reference: c.reference })} description={c.title} />
      <Summary page={page} />
      <UndeliveredEmails page={page} />
      <div className="case-page__layout">
        <div>
          <Actions {...forms} />
          <Settlement {...forms} settlement={settlement} resolveOutcomes={resolveOutcomes} />
          <Mediation {...forms} mediation={mediation} />
          <Litigation {...forms} litigation={litigation} maxUploadBytes={maxUploadBytes} today={today} />
          <Qualification {...forms} />
          <Request page={page} />
          <Lines page={page} priceCheck={priceCheck} />
          <Sla page={page} />
          <div>
            <Conversation {...forms} maxUploadBytes={maxUploadBytes} />
            <EvidenceRequests {...forms} today={today} />
            <Evidence {...forms} maxUploadBytes={maxUploadBytes} />
          </div>
          <div id="instruction">
            <Tasks {...forms} />
            <RootCause {...forms} />
            <CorrectiveActions corrective={corrective} actionData={actionData} />
            <ProactiveNotice lotRecipients={lotRecipients} canSend={lotRecipients.canSend} actionData={actionData} />
            <Stakeholders {...forms} />
            <Time {...forms} today={today} />
          </div>
        </div>
        <aside id="context" className="case-page__aside" aria-label={t("casePage.nav.context")}>
          <Customer page={page} />
          <Archive page={page} chain={chain} />
        </aside>
      </div>
      <Timeline page={page} />
    </div>
  );
}
