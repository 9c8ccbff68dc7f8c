import type { EmailTemplate } from "./template";
import { claimAcknowledgedTemplate, type ClaimAcknowledgedProps } from "./templates/claim-acknowledged";
import { caseWithdrawnTemplate, type CaseWithdrawnProps } from "./templates/case-withdrawn";
import { customerRepliedTemplate, type CustomerRepliedProps } from "./templates/customer-replied";
import { informationRequestedTemplate, type InformationRequestedProps } from "./templates/information-requested";
import { invitationTemplate, type InvitationProps } from "./templates/invitation";
import { passwordResetTemplate, type PasswordResetProps } from "./templates/password-reset";

/**
 * Template name → props. A new e-mail (acknowledgement, reply, proposal…) is one
 * entry here and one in `emailTemplates`; the compiler checks both agree.
 */
export interface EmailTemplateProps {
  "password-reset": PasswordResetProps;
  invitation: InvitationProps;
  "claim-acknowledged": ClaimAcknowledgedProps;
  "information-requested": InformationRequestedProps;
  "case-withdrawn": CaseWithdrawnProps;
  "customer-replied": CustomerRepliedProps;
}

export type EmailTemplateName = keyof EmailTemplateProps;

export const emailTemplates: { [Name in EmailTemplateName]: EmailTemplate<EmailTemplateProps[Name]> } = {
  "password-reset": passwordResetTemplate,
  invitation: invitationTemplate,
  "claim-acknowledged": claimAcknowledgedTemplate,
  "information-requested": informationRequestedTemplate,
  "case-withdrawn": caseWithdrawnTemplate,
  "customer-replied": customerRepliedTemplate,
};

export function isEmailTemplateName(value: unknown): value is EmailTemplateName {
  return typeof value === "string" && Object.hasOwn(emailTemplates, value);
}
