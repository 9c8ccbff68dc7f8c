export { EMAIL_LANGUAGES, isEmailLanguage, type EmailLanguage } from "./language";
export { EmailLayout, emailStyles, type EmailSender } from "./layout";
export type { EmailAudience, EmailTemplate } from "./template";
export { PREVIEW_SENDER, previewProps, previewPropsOf } from "./previews";
export { emailTemplates, isEmailTemplateName, type EmailTemplateName, type EmailTemplateProps } from "./registry";
export type { PasswordResetProps } from "./templates/password-reset";
export type { CaseReplyProps } from "./templates/case-reply";
export type { CaseAssignedProps } from "./templates/case-assigned";
export type { CaseRejectedProps } from "./templates/case-rejected";
export type { CaseMergedProps } from "./templates/case-merged";
export type { StakeholderNotifiedProps } from "./templates/stakeholder-notified";
export type { InvitationProps } from "./templates/invitation";
export type { InformationRequestedProps } from "./templates/information-requested";
export type { CaseWithdrawnProps } from "./templates/case-withdrawn";
export type { CustomerRepliedProps } from "./templates/customer-replied";
export type { ProposalOfferedProps } from "./templates/proposal-offered";
export type { ApprovalRequestedProps } from "./templates/approval-requested";
export type { ApprovalDecidedProps } from "./templates/approval-decided";
export type { ProposalAnsweredProps } from "./templates/proposal-answered";
export type { ProposalAcceptedProps } from "./templates/proposal-accepted";
export type { CaseResolvedProps } from "./templates/case-resolved";
export { scoreUrl, SURVEY_SCORES, type CaseClosedProps } from "./templates/case-closed";
export type { NewDueDate } from "./templates/settlement-shared";
export { claimAcknowledgedMessages, commitmentInWords, type ClaimAcknowledgedProps } from "./templates/claim-acknowledged";
export { emailElement, renderEmail, renderSubject, redactEmailProps, type RenderedEmail } from "./render";
export { composeTransports, type EmailTransport, type OutgoingAttachment, type OutgoingEmail, type SendResult } from "./transport";
export { mailboxTransport, readMailbox, safeAttachmentName, type MailboxAttachment, type MailboxEntry, type MailboxFile } from "./mailbox";
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
export {
  classifyProviderAnswer,
  DEFAULT_RETRY_POLICY,
  isFinalAttempt,
  parseRetryAfter,
  retryDelayMs,
  type ProviderAnswer,
  type RetryPolicy,
  type SendOutcome,
} from "./delivery";
export { RESEND_WEBHOOK_EVENTS, signResendWebhook, verifyResendWebhook, type ResendWebhookEvent, type ResendWebhookEventType, type VerifiedWebhook } from "./webhook";
export type { ProactiveNoticeProps } from "./templates/proactive-notice";
export type { SlaWarningProps } from "./templates/sla-warning";
export type { SlaBreachProps } from "./templates/sla-breach";
export type { InactivityReminderProps } from "./templates/inactivity-reminder";
export type { CustomerReminderProps } from "./templates/customer-reminder";
export type { CaseAbandonedProps } from "./templates/case-abandoned";
export type { PreDueInvoice, PreDueReminderProps } from "./templates/pre-due-reminder";
