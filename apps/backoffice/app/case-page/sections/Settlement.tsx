/** The case's "Solution": its proposals (newest first) with their approvals and the customer's answers, then the acceptance, the decision and the closure. */
import type { RecordDecisionInput, StaffSettlement } from "@accord/core";
import { useTranslation } from "react-i18next";
import { ListOrNone, Section, type SectionProps } from "../parts";
import { SettlementOutcome } from "./SettlementOutcome";
import { SettlementProposal } from "./SettlementProposal";

export interface SettlementProps extends SectionProps {
  settlement: StaffSettlement;
  /** The outcomes a decision without a proposal may record. */
  resolveOutcomes: readonly RecordDecisionInput["outcome"][];
}

export function Settlement({ page, actionData, settlement, resolveOutcomes }: SettlementProps) {
  const { t } = useTranslation();
  return (
    <Section id="proposals" title={t("casePage.settlement.title")}>
      <ListOrNone items={settlement.proposals} none={t("casePage.settlement.none")} className="stack" style={{ listStyle: "none", padding: 0 }} data-testid="proposals">
        {(proposal) => (
          <li key={proposal.id}>
            <SettlementProposal proposal={proposal} currency={settlement.currency} actionData={actionData} />
          </li>
        )}
      </ListOrNone>
      <SettlementOutcome page={page} actionData={actionData} settlement={settlement} resolveOutcomes={resolveOutcomes} />
    </Section>
  );
}
