import type { EmailTemplate } from "./template";
import { caseAssignedTemplate, type CaseAssignedProps } from "./templates/case-assigned";
import { caseMergedTemplate, type CaseMergedProps } from "./templates/case-merged";
import { caseRejectedTemplate, type CaseRejectedProps } from "./templates/case-rejected";
import { caseReplyTemplate, type CaseReplyProps } from "./templates/case-reply";
import { stakeholderNotifiedTemplate, type StakeholderNotifiedProps } from "./templates/stakeholder-notified";
import { claimAcknowledgedTemplate, type ClaimAcknowledgedProps } from "./templates/claim-acknowledged";
import { caseWithdrawnTemplate, type CaseWithdrawnProps } from "./templates/case-withdrawn";
import { customerRepliedTemplate, type CustomerRepliedProps } from "./templates/customer-replied";
import { informationRequestedTemplate, type InformationRequestedProps } from "./templates/information-requested";
import { invitationTemplate, type InvitationProps } from "./templates/invitation";
import { passwordResetTemplate, type PasswordResetProps } from "./templates/password-reset";
import { staffWelcomeTemplate, type StaffWelcomeProps } from "./templates/staff-welcome";
import { proposalOfferedTemplate, type ProposalOfferedProps } from "./templates/proposal-offered";
import { approvalRequestedTemplate, type ApprovalRequestedProps } from "./templates/approval-requested";
import { approvalDecidedTemplate, type ApprovalDecidedProps } from "./templates/approval-decided";
import { proposalAnsweredTemplate, type ProposalAnsweredProps } from "./templates/proposal-answered";
import { proposalAcceptedTemplate, type ProposalAcceptedProps } from "./templates/proposal-accepted";
import { caseResolvedTemplate, type CaseResolvedProps } from "./templates/case-resolved";
import { caseClosedTemplate, type CaseClosedProps } from "./templates/case-closed";
import { proactiveNoticeTemplate, type ProactiveNoticeProps } from "./templates/proactive-notice";
import { mediationStartedTemplate, type MediationStartedProps } from "./templates/mediation-started";
import { slaWarningTemplate, type SlaWarningProps } from "./templates/sla-warning";
import { slaBreachTemplate, type SlaBreachProps } from "./templates/sla-breach";
import { inactivityReminderTemplate, type InactivityReminderProps } from "./templates/inactivity-reminder";
import { customerReminderTemplate, type CustomerReminderProps } from "./templates/customer-reminder";
import { caseAbandonedTemplate, type CaseAbandonedProps } from "./templates/case-abandoned";
import { preDueReminderTemplate, type PreDueReminderProps } from "./templates/pre-due-reminder";

/**
 * Template name → props. A new e-mail (acknowledgement, reply, proposal…) is one
 * entry here and one in `emailTemplates`; the compiler checks both agree.
 */
export interface EmailTemplateProps {
  "password-reset": PasswordResetProps;
  "staff-welcome": StaffWelcomeProps;
  "case-reply": CaseReplyProps;
  "case-assigned": CaseAssignedProps;
  "case-rejected": CaseRejectedProps;
  "case-merged": CaseMergedProps;
  "stakeholder-notified": StakeholderNotifiedProps;
  invitation: InvitationProps;
  "claim-acknowledged": ClaimAcknowledgedProps;
  "information-requested": InformationRequestedProps;
  "case-withdrawn": CaseWithdrawnProps;
  "customer-replied": CustomerRepliedProps;
  "proposal-offered": ProposalOfferedProps;
  "approval-requested": ApprovalRequestedProps;
  "approval-decided": ApprovalDecidedProps;
  "proposal-answered": ProposalAnsweredProps;
  "proposal-accepted": ProposalAcceptedProps;
  "case-resolved": CaseResolvedProps;
  "case-closed": CaseClosedProps;
  "proactive-notice": ProactiveNoticeProps;
  "mediation-started": MediationStartedProps;
  "sla-warning": SlaWarningProps;
  "sla-breach": SlaBreachProps;
  "inactivity-reminder": InactivityReminderProps;
  "customer-reminder": CustomerReminderProps;
  "case-abandoned": CaseAbandonedProps;
  "pre-due-reminder": PreDueReminderProps;
}

export type EmailTemplateName = keyof EmailTemplateProps;

export const emailTemplates: { [Name in EmailTemplateName]: EmailTemplate<EmailTemplateProps[Name]> } = {
  "password-reset": passwordResetTemplate,
  "staff-welcome": staffWelcomeTemplate,
  "case-reply": caseReplyTemplate,
  "case-assigned": caseAssignedTemplate,
  "case-rejected": caseRejectedTemplate,
  "case-merged": caseMergedTemplate,
  "stakeholder-notified": stakeholderNotifiedTemplate,
  invitation: invitationTemplate,
  "claim-acknowledged": claimAcknowledgedTemplate,
  "information-requested": informationRequestedTemplate,
  "case-withdrawn": caseWithdrawnTemplate,
  "customer-replied": customerRepliedTemplate,
  "proposal-offered": proposalOfferedTemplate,
  "approval-requested": approvalRequestedTemplate,
  "approval-decided": approvalDecidedTemplate,
  "proposal-answered": proposalAnsweredTemplate,
  "proposal-accepted": proposalAcceptedTemplate,
  "case-resolved": caseResolvedTemplate,
  "case-closed": caseClosedTemplate,
  "proactive-notice": proactiveNoticeTemplate,
  "mediation-started": mediationStartedTemplate,
  "sla-warning": slaWarningTemplate,
  "sla-breach": slaBreachTemplate,
  "inactivity-reminder": inactivityReminderTemplate,
  "customer-reminder": customerReminderTemplate,
  "case-abandoned": caseAbandonedTemplate,
  "pre-due-reminder": preDueReminderTemplate,
};

export function isEmailTemplateName(value: unknown): value is EmailTemplateName {
  return typeof value === "string" && Object.hasOwn(emailTemplates, value);
}
