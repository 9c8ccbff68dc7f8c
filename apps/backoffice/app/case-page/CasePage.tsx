/**
 * The back-office case page, composed of its sections (one file each under ./sections): summary, SLA,
 * customer, request, lines and price check, qualification, actions, the solution (proposals, decision), tasks, evidence requests,
 * conversation, evidence, root cause, stakeholders, time and the full timeline. Every form posts one
 * intent of the page's table (.server/case-page.ts) and works without JavaScript.
 */
import type { CaseChainCheck, PriceCheckLine, RecordDecisionInput, StaffCase, StaffSettlement } from "@accord/core";
import { PageHeader } from "@accord/ui";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CaseActionData } from "../.server/case-page";
import { Actions } from "./sections/Actions";
import { Archive } from "./sections/Archive";
import { Conversation } from "./sections/Conversation";
import { Customer } from "./sections/Customer";
import { Evidence } from "./sections/Evidence";
import { EvidenceRequests } from "./sections/EvidenceRequests";
import { Lines } from "./sections/Lines";
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

export interface CasePageProps {
  page: StaffCase;
  priceCheck: PriceCheckLine[] | null;
  settlement: StaffSettlement;
  /** This case's event chain, verified when the page loaded. */
  chain: CaseChainCheck;
  /** The outcomes a decision without a proposal may record. */
  resolveOutcomes: readonly RecordDecisionInput["outcome"][];
  today: string;
  /** Largest evidence file (UPLOAD_MAX_BYTES): the uploaders refuse a larger one before sending it. */
  maxUploadBytes: number;
  actionData: CaseActionData | null;
}

export function CasePage({ page, priceCheck, settlement, chain, resolveOutcomes, today, maxUploadBytes, actionData }: CasePageProps) {
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
      <div className="case-page__layout">
        <div>
          <Actions {...forms} />
          <Settlement {...forms} settlement={settlement} resolveOutcomes={resolveOutcomes} />
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
