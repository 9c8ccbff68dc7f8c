export { EMAIL_LANGUAGES, isEmailLanguage, type EmailLanguage } from "./language";
export { EmailLayout, emailStyles } from "./layout";
export type { EmailTemplate } from "./template";
export { emailTemplates, isEmailTemplateName, type EmailTemplateName, type EmailTemplateProps } from "./registry";
export type { PasswordResetProps } from "./templates/password-reset";
export type { InvitationProps } from "./templates/invitation";
export { claimAcknowledgedMessages, commitmentInWords, type ClaimAcknowledgedProps } from "./templates/claim-acknowledged";
export type { InformationRequestedProps } from "./templates/information-requested";
export type { CaseWithdrawnProps } from "./templates/case-withdrawn";
export type { CustomerRepliedProps } from "./templates/customer-replied";
export { renderEmail, renderSubject, redactEmailProps, type RenderedEmail } from "./render";
export { composeTransports, type EmailTransport, type OutgoingEmail, type SendResult } from "./transport";
export { mailboxTransport, readMailbox, type MailboxEntry, type MailboxFile } from "./mailbox";
export { resendTransport, EmailSendError, type ResendTransportOptions } from "./resend";
export {
  chooseTransport,
  CUSTOMER_EMAIL_KINDS,
  MANDATORY_EMAIL_KINDS,
  OPTIONAL_EMAIL_KINDS,
  isCustomerEmailKind,
  isMandatoryEmailKind,
  wantsEmail,
  type ChosenTransport,
  type CustomerEmailKind,
  type TransportPolicy,
} from "./policy";
