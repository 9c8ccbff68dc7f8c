export { singleLine, isSingleLine, SINGLE_LINE_MESSAGE } from "./single-line";
export { AppError, isAppError, parseInput, zodMessageKeys, type AppErrorCode, type AppErrorOptions, type MessageParams } from "./errors";
export { requireCustomer, requireErpImporter, requireStaff, type IntegrationActor } from "./access";

export {
  signInSchema,
  forgotPasswordSchema,
  resetPasswordSchema,
  emailSchema,
  newPasswordSchema,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  type SignInInput,
  type ForgotPasswordInput,
  type ResetPasswordInput,
} from "./auth/schemas";
export type { AppName } from "./auth/app-users";
export type { ResetTokenState } from "./auth/reset-token";
export { signIn, SIGN_IN_WINDOW_MS, MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, type SignInOptions } from "./auth/sign-in";
export { signOut } from "./auth/sign-out";
export { requestPasswordReset, RESET_TOKEN_LIFETIME_MS, type RequestPasswordResetOptions } from "./auth/request-password-reset";
export { resetPassword, type ResetPasswordOptions } from "./auth/reset-password";
export { checkResetToken } from "./auth/check-reset-token";

export { queueEmail, type QueueEmailOptions } from "./email/queue-email";
export { deliverEmail, EMAIL_RETRY_POLICY, type DeliverEmailOptions, type DeliverEmailResult } from "./email/deliver-email";
export { EMAIL_UNDELIVERED_EVENT, markUndelivered } from "./email/mark-undelivered";
export { ADDRESS_SUPPRESSED_EVENT, receiveResendWebhook, type ResendWebhookResult } from "./email/receive-resend-webhook";
export { listUndeliveredEmails, undeliveredEmailsOfCase, UNDELIVERED_LIST_LIMIT, type UndeliveredEmail } from "./email/undelivered-emails";
export { DEFAULT_EMAIL_FROM, EMAIL_MAX_ATTEMPTS, SEND_EMAIL_TASK } from "./email/constants";

export { getCustomerHome, HOME_INVOICE_LIMIT, type CustomerHome } from "./customers/get-customer-home";
export { listCompanyUsers, type CompanyUser, type CompanyUsers, type PendingInvitation } from "./customers/list-company-users";
export {
  inviteCustomerUser,
  inviteCustomerUserSchema,
  INVITATION_LIFETIME_MS,
  type InviteCustomerUserInput,
  type InviteCustomerUserOptions,
} from "./customers/invite-customer-user";
export { checkInvitation, type InvitationView } from "./customers/check-invitation";
export type { InvitationState } from "./customers/invitation-token";
export { acceptInvitation, acceptInvitationSchema, type AcceptInvitationInput, type AcceptInvitationOptions } from "./customers/accept-invitation";
export { changeCustomerUserRole, changeCustomerUserRoleSchema, type ChangeCustomerUserRoleInput } from "./customers/change-customer-user-role";
export { deactivateCustomerUser, customerUserTargetSchema, type CustomerUserTargetInput } from "./customers/deactivate-customer-user";
export { reactivateCustomerUser } from "./customers/reactivate-customer-user";
export { revokeInvitation, revokeInvitationSchema, type RevokeInvitationInput } from "./customers/revoke-invitation";
export { NAME_MAX_LENGTH } from "./customers/company-users";
export { getProfile, type CustomerProfile } from "./customers/get-profile";
export { updateProfile, updateProfileSchema, type UpdateProfileInput } from "./customers/update-profile";
export { changePassword, changePasswordSchema, type ChangePasswordInput } from "./customers/change-password";
export {
  updateEmailPreferences,
  updateEmailPreferencesSchema,
  type UpdateEmailPreferencesInput,
} from "./customers/update-email-preferences";
export { customerWantsEmail } from "./customers/customer-wants-email";
export { listCaseQueue, caseQueueStatement, type CaseQueueItem, type CaseQueuePage } from "./cases/list-case-queue";
export {
  caseQueueQuerySchema,
  queueQueryInput,
  queueSearchParams,
  encodeQueueCursor,
  QUEUE_PAGE_SIZE,
  QUEUE_SCOPES,
  QUEUE_SORTS,
  QUEUE_SLA_STATES,
  CASE_CHANNELS,
  UNASSIGNED,
  QUEUE_STATES,
  QUEUE_PERIOD_DATES,
  NO_ROOT_CAUSE,
  defaultQueueSort,
  type QueueState,
  type QueuePeriodDate,
  type CaseQueueQuery,
  type CaseQueueQueryInput,
  type QueueScope,
  type QueueSort,
  type QueueSlaState,
} from "./cases/case-queue-query";
export { saveQueueView, saveQueueViewSchema, QUEUE_VIEW_NAME_MAX, type SaveQueueViewInput } from "./cases/save-queue-view";
export { deleteQueueView, deleteQueueViewSchema } from "./cases/delete-queue-view";
export { listQueueViews, type QueueView } from "./cases/list-queue-views";
export { listQueueFilterOptions, type QueueFilterOptions } from "./cases/list-queue-filter-options";
export { listMailbox } from "./mailbox/list-mailbox";

export { createFileStore, fileStoreDir, isSha256, StoreFullError, type FileStore, type LocalFileStore, type WriteTempResult } from "./files/file-store";
export { createS3Client, createS3FileStore, S3_PART_SIZE, S3_QUEUE_SIZE, type S3StoreConfig } from "./files/s3-file-store";
export { describeFileStore, openFileStore, parseFileStoreConfig, type FileStoreConfig, type FileStoreConfigResult, type FileStoreEnv } from "./files/file-store-config";
export { detectContentType, extensionOf, ACCEPTED_EXTENSIONS, type DetectedType } from "./files/detect-content-type";
export { stageUpload, stageUploadSchema, displayFileName, STAGED_UPLOAD_LIFETIME_MS, type StagedUpload, type StageUploadInput } from "./files/stage-upload";
export { discardStagedUpload, discardStagedUploadSchema } from "./files/discard-staged-upload";
export { purgeExpiredUploads, PURGE_EXPIRED_UPLOADS_TASK } from "./files/purge-expired-uploads";
export { attachStagedUploads } from "./files/attach-staged-uploads";
export { canUpload } from "./files/upload-access";
export { listStagedUploads } from "./files/list-staged-uploads";

// Back-office case page: qualification and instruction (issue 6).
export { getStaffCase, formatDeadline, RECURRENCE_WINDOW_DAYS, type StaffCase, type StaffCaseSla, type StaffCaseAction, type PausedInterval } from "./cases/get-staff-case";
export { qualifyCase, qualifyCaseSchema, type QualifyCaseInput } from "./cases/qualify-case";
export { assignCase, assignCaseSchema, type AssignCaseInput } from "./cases/assign-case";
export { assignCases, assignCasesSchema, ASSIGN_CASES_MAX, type AssignCasesInput } from "./cases/assign-cases";
export { promoteToDispute, promoteToDisputeSchema, type PromoteToDisputeInput } from "./cases/promote-to-dispute";
export { rejectCase, rejectCaseSchema, type RejectCaseInput } from "./cases/reject-case";
export { mergeDuplicate, mergeDuplicateSchema, type MergeDuplicateInput } from "./cases/merge-duplicate";
export { startInvestigation, startInvestigationSchema, type StartInvestigationInput } from "./cases/start-investigation";
export { addTask, addTaskSchema, type AddTaskInput } from "./instruction/add-task";
export { completeTask, completeTaskSchema, type CompleteTaskInput } from "./instruction/complete-task";
export { postStaffReply, postStaffReplySchema, type PostStaffReplyInput } from "./instruction/post-staff-reply";
export { addInternalNote, addInternalNoteSchema, type AddInternalNoteInput } from "./instruction/add-internal-note";
export { addStaffEvidence, addStaffEvidenceSchema, type AddStaffEvidenceInput } from "./instruction/add-staff-evidence";
export { setRootCause, setRootCauseSchema, type SetRootCauseInput } from "./instruction/set-root-cause";
export { notifyStakeholders, notifyStakeholdersSchema, STAKEHOLDER_GROUPS, STAKEHOLDER_MAP, type StakeholderGroup, type NotifyStakeholdersInput } from "./instruction/notify-stakeholders";
export { logTime, logTimeSchema, type LogTimeInput } from "./instruction/log-time";
export { getPriceCheck, indexPrice, type PriceCheckLine, type PriceCheckStatus } from "./instruction/get-price-check";
export { renderResponseTemplate, RESPONSE_PLACEHOLDERS, type ResponsePlaceholder } from "./instruction/render-response-template";
export { caseReferenceSchema, seesOnlyMediatedCases } from "./instruction/staff-case";
export { openStaffEvidenceFile } from "./instruction/open-staff-evidence-file";
export { listOnBehalfChoices } from "./instruction/list-on-behalf-choices";

// claims (portal filing, and staff filing on behalf)
export {
  claimSchema,
  staffClaimSchema,
  onBehalfSchema,
  claimDetails,
  parseDecimal,
  lineField,
  formFieldName,
  claimValidationError,
  DESIRED_OUTCOMES,
  CLAIM_LIMITS,
  type ClaimFormInput,
  type ClaimInput,
  type ClaimLineInput,
  type StaffClaimFormInput,
  type DesiredOutcome,
} from "./claims/schemas";
export { CLOSED_FOR_DUPLICATES, type ClaimWarning, type PossibleDuplicate, type PreparedClaimLine } from "./claims/prepare-claim";
export { listClaimableInvoices, claimableInvoicesQuerySchema, CLAIMABLE_INVOICE_LIMIT, type ClaimableInvoice } from "./claims/list-claimable-invoices";
export { previewClaim, type ClaimPreview } from "./claims/preview-claim";
export { submitClaim, slaCommitment, type CustomerChannel, type SubmitClaimOptions } from "./claims/submit-claim";
export { getClaimConfirmation, type ClaimConfirmation } from "./claims/get-claim-confirmation";

// Portal: my cases and the case page (issue 5, journeys 4 and 5); evidence requests (issue 6).
export { listCustomerCases, customerCaseFiltersSchema, CUSTOMER_CASES_PAGE_SIZE, CUSTOMER_CASES_MAX_PAGE_SIZE, type CustomerCaseFilters, type CustomerCaseList, type CustomerCaseListItem } from "./cases/list-customer-cases";
export { getCustomerCase, type CustomerCase, type CustomerCaseFile, type CustomerCaseSla, type CustomerSlaTarget, type TimelineDetails } from "./cases/get-customer-case";
export { postCustomerReply, customerReplySchema, uploadIdsSchema, MESSAGE_MAX_LENGTH, MAX_ATTACHMENTS, type CustomerReplyInput } from "./cases/post-customer-reply";
export { requestEvidence, requestEvidenceSchema, EVIDENCE_ITEMS_MAX, EVIDENCE_ITEM_MAX_LENGTH, type RequestEvidenceInput } from "./cases/request-evidence";
export { answerEvidenceRequest, answerEvidenceRequestSchema, type AnswerEvidenceRequestInput } from "./cases/answer-evidence-request";
export { withdrawCase, withdrawCaseSchema, type WithdrawCaseInput } from "./cases/withdraw-case";
export { openEvidenceFile, type EvidenceDownload, type EvidenceFileSource } from "./cases/open-evidence-file";

// Back-office administration (issue 6, journey 6).
export * from "./admin";
export { purgeExpiredRecords, PURGE_EXPIRED_RECORDS_TASK, type PurgedRecords } from "./housekeeping/purge-expired-records";

export { creditNoteUbl, creditNoteDocumentSchema, type CreditNoteDocument } from "./receivables/credit-note-ubl";
export { erpExportCsv, ERP_EXPORT_COLUMNS, type ErpExportRow } from "./receivables/erp-export-csv";
export { listCustomerInvoices, customerInvoiceFiltersSchema, CUSTOMER_INVOICE_FILTERS, type CustomerInvoiceFilter, type CustomerInvoiceList } from "./receivables/list-customer-invoices";
export { listCustomerInvoicesWithLines } from "./receivables/list-customer-invoices-with-lines";
export { getCustomerInvoice, customerInvoiceSchema, type CustomerInvoice, type CustomerInvoiceLine } from "./receivables/get-customer-invoice";
export { listInvoicesForFinance, financeInvoiceFiltersSchema, FINANCE_INVOICE_FILTERS, type FinanceInvoice, type FinanceInvoiceFilter, type FinanceInvoiceList } from "./receivables/list-invoices-for-finance";
export { buildErpExport, erpExportSchema, type ErpExportInput } from "./receivables/build-erp-export";
export { buildCreditNote, creditNoteSchema, type CreditNoteInput } from "./receivables/build-credit-note";
export { INVOICES_PAGE_SIZE } from "./receivables/schemas";
export type { InvoiceFacts, InvoiceCase, InvoiceSettlementFacts } from "./receivables/invoice-facts";
// Settlement (issue 11, point 4): the agreement ("protocole d'accord"), rendered once at acceptance.
export { renderAgreementPdf } from "./settlement/agreement-pdf";
export {
  agreementText,
  agreementBlocks,
  type AgreementBlock,
  type AgreementCustomer,
  type AgreementDocument,
  type AgreementInvoice,
  type AgreementLanguage,
  type AgreementSupplier,
} from "./settlement/agreement-document";

// Settlement (issue 11): proposals, four-eyes approval, the customer's answer, the decision, the survey.
export * from "./settlement/schemas";
export { getProposalSuggestion, getProposalSuggestionSchema, type GetProposalSuggestionInput, type ProposalSuggestion } from "./settlement/get-proposal-suggestion";
export { createProposal } from "./settlement/create-proposal";
export { decideApproval } from "./settlement/decide-approval";
export { listProposalsToApprove, type ProposalToApprove } from "./settlement/list-proposals-to-approve";
export { getStaffSettlement, getStaffSettlementSchema, type GetStaffSettlementInput, type StaffSettlement } from "./settlement/get-staff-settlement";
export { openAgreementFile } from "./settlement/open-agreement-file";
export { getAgreementView, getAgreementViewSchema, type AgreementView, type GetAgreementViewInput } from "./settlement/get-agreement-view";
export { getCustomerSettlement, getCustomerSettlementSchema, type CustomerSettlement, type GetCustomerSettlementInput } from "./settlement/get-customer-settlement";
export { openCustomerAgreement } from "./settlement/open-customer-agreement";
export { acceptProposal } from "./settlement/accept-proposal";
export { reviewAcceptance } from "./settlement/review-acceptance";
export { declineProposal } from "./settlement/decline-proposal";
export { counterProposal } from "./settlement/counter-proposal";
export { expireDueProposals, EXPIRE_DUE_PROPOSALS_TASK } from "./settlement/expire-due-proposals";
export { recordDecision } from "./settlement/record-decision";
export { completeDecision } from "./settlement/complete-decision";
export { closeCase, closeCaseSchema, type CloseCaseInput } from "./settlement/close-case";
export { answerSurvey } from "./settlement/answer-survey";
export { proposalText, type OfferedProposal } from "./settlement/proposal-text";

// Corrective actions and proactive notice (issue 12, journeys 3 and 4).
export {
  addCorrectiveActionSchema,
  correctiveActionTargetSchema,
  waiveCorrectiveActionSchema,
  listOpenCorrectiveActionsSchema,
  sendProactiveNoticeSchema,
  type AddCorrectiveActionInput,
  type CorrectiveActionTargetInput,
  type WaiveCorrectiveActionInput,
  type ListOpenCorrectiveActionsInput,
  type SendProactiveNoticeInput,
} from "./corrective/schemas";
export { addCorrectiveAction } from "./corrective/add-corrective-action";
export { completeCorrectiveAction } from "./corrective/complete-corrective-action";
export { waiveCorrectiveAction } from "./corrective/waive-corrective-action";
export { reopenCorrectiveAction } from "./corrective/reopen-corrective-action";
export { getCaseCorrectiveActions, type CaseCorrectiveActions } from "./corrective/get-case-corrective-actions";
export { listOpenCorrectiveActions, OPEN_ACTIONS_LIMIT, type OpenCorrectiveActions } from "./corrective/list-open-corrective-actions";
export { correctiveActionEffectiveness, correctiveActionEffectivenessSchema } from "./corrective/corrective-action-effectiveness";
export { findLotRecipients, type LotRecipients } from "./corrective/find-lot-recipients";
export { sendProactiveNotice } from "./corrective/send-proactive-notice";
// litigation (contentieux)
export * from "./litigation/schemas";
export { handOverToLegal } from "./litigation/hand-over-to-legal";
export { recordLegalStep } from "./litigation/record-legal-step";
export { recordLegalCost } from "./litigation/record-legal-cost";
export { recordJudgment } from "./litigation/record-judgment";
export { settleOutOfCourt } from "./litigation/settle-out-of-court";
export { getStaffLitigation, getStaffLitigationSchema, type GetStaffLitigationInput, type StaffLitigation } from "./litigation/get-staff-litigation";
export { getCustomerLitigation, getCustomerLitigationSchema, type GetCustomerLitigationInput } from "./litigation/get-customer-litigation";
// mediation (issue 12)
export { MEDIATION_LIMITS } from "./mediation/schemas";
export { startMediation, startMediationSchema, type StartMediationInput } from "./mediation/start-mediation";
export { recordMediationSession, recordMediationSessionSchema, type RecordMediationSessionInput } from "./mediation/record-mediation-session";
export { recordMediationOutcome, recordMediationOutcomeSchema, type RecordMediationOutcomeInput } from "./mediation/record-mediation-outcome";
export { getStaffMediation, getStaffMediationSchema, type GetStaffMediationInput, type StaffMediation } from "./mediation/get-staff-mediation";
export { getCustomerMediation, getCustomerMediationSchema, type CustomerMediation, type GetCustomerMediationInput } from "./mediation/get-customer-mediation";
export { runSlaSweeps, RUN_SLA_SWEEPS_TASK, type RunSlaSweepsOptions, type SlaSweepReport } from "./sla/run-sla-sweeps";
export { verifyChains, type ChainsVerification } from "./audit/verify-chains";
export { verifyCaseChain, verifyCaseChainSchema, type CaseChainCheck, type VerifyCaseChainInput } from "./audit/verify-case-chain";
export type { ChainBreakAt, ChainBreakReason } from "./audit/chain-walk";
export { exportDossier, exportDossierSchema, type DossierExport, type DossierFileSource, type ExportDossierInput, type ManifestEntry } from "./archive/export-dossier";
export { getArchivePublicKey, type ArchivePublicKey } from "./archive/get-archive-public-key";
export { normaliseReasonCode, resolveReasonCode } from "./channels/resolve-reason-code";
// API keys, integration keys and reason codes, managed by their users (issue 14, ADR 0035).
export * from "./keys/schemas";
export { API_KEY_PREFIX, INTEGRATION_KEY_PREFIX, DISPLAY_PREFIX_LENGTH } from "./keys/secret-key";
export { createApiKey, type CreatedKey } from "./keys/create-api-key";
export { listApiKeys, type ApiKeyItem, type ApiKeys } from "./keys/list-api-keys";
export { revokeApiKey } from "./keys/revoke-api-key";
export { createIntegrationKey } from "./keys/create-integration-key";
export { listIntegrationKeys, type IntegrationKeyItem } from "./keys/list-integration-keys";
export { revokeIntegrationKey } from "./keys/revoke-integration-key";
export { listReasonCodes, type ReasonCodes } from "./keys/list-reason-codes";
export type { ReasonCodeItem } from "./keys/reason-code-rows";
export { addReasonCode } from "./keys/add-reason-code";
export { changeReasonCode } from "./keys/change-reason-code";
export { deleteReasonCode } from "./keys/delete-reason-code";
export { findInvoiceLineIds, type InvoiceLineRef } from "./claims/find-invoice-line-ids";
export { authenticateApiKey, type ApiPrincipal, type ApiKeyRefusal } from "./api/authenticate-api-key";
export { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, IDEMPOTENCY_KEY_LIFETIME_MS, IDEMPOTENCY_KEY_LEASE_MS, type IdempotencyClaim, type StoredResponse } from "./api/api-idempotency";
export { consumeRateLimit, RATE_LIMIT_WINDOW_MS, type RateLimitState } from "./api/api-rate-limit";

// CSV imports (ADR 0037): customer claims in the portal, the ERP's invoices and payments in the back-office
export { importClaims, CLAIM_COLUMNS, type ImportClaimsOptions } from "./imports/import-claims";
export { importInvoices, INVOICE_COLUMNS, type ImportInvoicesOptions } from "./imports/import-invoices";
export { importPayments, PAYMENT_COLUMNS, type ImportPaymentsOptions } from "./imports/import-payments";
export { claimImportTemplate, erpImportTemplate, templateCsv } from "./imports/import-templates";
export { listImports, IMPORTS_LISTED, type ImportRecord } from "./imports/list-imports";
export { readCsv, decodeCsvText, CSV_LIMITS, type CsvColumn, type CsvFile, type CsvRow } from "./imports/read-csv";
export type { ImportFileInput, ImportReport, ImportReportError, ImportTranslate } from "./imports/import-report";
export { parseMimeMessage, parsePostmarkInbound, type InboundFile, type InboundMessage, type InboundParseProblem, type InboundParseResult } from "./inbound/parse-inbound-email";
export { inboundSecretMatches, receiveInboundEmail, type ReceiveInboundEmailOptions, type ReceiveInboundEmailResult } from "./inbound/receive-inbound-email";
export { listQuarantinedEmails, type QuarantinedEmailSummary } from "./inbound/list-quarantined-emails";
export { getQuarantinedEmail, quarantinedEmailSchema, type QuarantinedEmailDetail } from "./inbound/get-quarantined-email";
export { attachQuarantinedEmail, attachQuarantinedEmailSchema, type AttachQuarantinedEmailInput } from "./inbound/attach-quarantined-email";
export { rejectQuarantinedEmail, rejectQuarantinedEmailSchema, type RejectQuarantinedEmailInput } from "./inbound/reject-quarantined-email";
export { openInboundAttachment } from "./inbound/open-inbound-attachment";

// Steering: the KPI dashboard and the monthly review pack (issue 15, ADR 0040)
export { getKpiDashboard, kpiFilterOptions, type KpiFilterOptions } from "./kpi/get-kpi-dashboard";
export { getReviewPack, defaultReviewMonth, type ReviewPack } from "./kpi/get-review-pack";
export { KPI_PANELS, type KpiPanelInput } from "./kpi/kpi-panels";
export { resolveKpiScope } from "./kpi/resolve-kpi-scope";
export { loadKpiSettings, type KpiSettings } from "./kpi/kpi-settings";
export { kpiQuerySchema, kpiDaySchema, kpiMonthSchema, KPI_MAX_PERIOD_DAYS, type KpiQuery, type KpiScope, type KpiFilters, type KpiPeriod, type KpiBucket } from "./kpi/kpi-query";
export type * from "./kpi/kpi-types";
export { renderReportPdf } from "./kpi/report-pdf";
export { reportCsv } from "./kpi/report-csv";
export type { ReportDocument, ReportSection, ReportFigure, ReportTable } from "./kpi/report-document";
export { backfillResolutionBusinessMinutes } from "./sla/resolution-facts";
