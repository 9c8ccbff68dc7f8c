/**
 * @accord/domain — the rules of Accord, in pure TypeScript: no I/O, no clock
 * (time is always an argument). See README.md for each module in the
 * domain's words.
 */

// errors
export { domainError, DomainValidationError, isDomainValidationError } from "./errors/errors";
export type { DomainError, DomainErrorCode, DomainErrorParams, Result } from "./errors/errors";

// calendar dates
export { addDays, daysBetween, endOfMonth, isIsoDate, weekdayOf, WEEKDAYS } from "./dates/iso-date";
export type { IsoDate, Weekday } from "./dates/iso-date";
export { isValidTimeZone, localDate, startOfLocalDay } from "./dates/zoned";

// money
export {
  addMoney,
  allocate,
  assertCents,
  currencyDigits,
  DEFAULT_CURRENCY,
  equalsMoney,
  formatMoney,
  isCents,
  money,
  subtractMoney,
  sumMoney,
  toDecimalString,
  zero,
} from "./money/money";
export type { Money, MoneyLocale } from "./money/money";
export { parseDecimal } from "./money/decimal";
export type { DecimalRefusal } from "./money/decimal";

// lifecycle
export {
  CASE_KINDS,
  CASE_STATUSES,
  CASE_TYPES,
  clockStateOf,
  CUSTOMER_TIERS,
  isCaseStatus,
  isCaseType,
  isCustomerTier,
  isOutcome,
  isPriority,
  isTerminal,
  holdsInvoices,
  OUTCOMES,
  parseOutcome,
  parseStatus,
  PRIORITIES,
  STATUS_RULES,
} from "./lifecycle/statuses";
export type { CaseKind, CaseStatus, CaseType, ClockState, CustomerTier, Outcome, Priority } from "./lifecycle/statuses";
export {
  can,
  CUSTOMER_ROLE_PERMISSIONS,
  CUSTOMER_ROLES,
  isPermission,
  PERMISSIONS,
  permissionsOf,
  STAFF_ROLE_PERMISSIONS,
  STAFF_ROLES,
} from "./lifecycle/permissions";
export type { ActorRoles, CustomerRole, Permission, StaffRole } from "./lifecycle/permissions";
export { allowedCommands, CASE_COMMANDS, outcomeOf, requiredPermission, transition, TRANSITIONS } from "./lifecycle/transitions";
export {
  acceptsEvidenceRequest,
  decideEvidenceRequest,
  hasPriceCheck,
  isFirstQualification,
  mayCompleteTask,
  proposedPriority,
  STAFF_PAGE_COMMANDS,
  staffCaseCapabilities,
} from "./lifecycle/capabilities";
export type { StaffCaseCapabilities, StaffCaseFacts } from "./lifecycle/capabilities";
export { hasClaimDetails, readClaimDetails } from "./lifecycle/claim-details";
export type { ClaimDetails } from "./lifecycle/claim-details";
export { nextStepOf, NEXT_STEP_OWNERS, parseNextStep, STATUS_GROUPS, statusesInGroup, statusGroupOf } from "./lifecycle/next-step";
export type { NextStep, NextStepOwner, StatusGroup } from "./lifecycle/next-step";
export type {
  CaseCommand,
  CaseCommandType,
  CaseEvent,
  CaseState,
  CorrectiveActionState,
  TransitionResult,
  TransitionRule,
} from "./lifecycle/transitions";

// calendar and business time
export { easterSunday, publicHolidaysFR, PUBLIC_HOLIDAY_CODES } from "./calendar/holidays";
export type { PublicHoliday, PublicHolidayCode } from "./calendar/holidays";
export { DEFAULT_CALENDAR, HOLIDAY_SETS, parseCalendar, validateCalendar } from "./calendar/calendar";
export type { BusinessCalendar, Closure, HolidaySet } from "./calendar/calendar";
export { addBusinessMinutes, BusinessClock, businessMinutesBetween, isBusinessTime } from "./calendar/business-time";

// SLA
export { computeSla, DEFAULT_WARNING_SHARE } from "./sla/clock";
export type { SlaInput, SlaState, SlaStatus, SlaTargets, SlaTargetStatus, StatusChange } from "./sla/clock";
export { selectSlaPolicy, validateSlaPolicies, workingDayMinutes } from "./sla/policy";
export type { SlaCaseProfile, SlaPolicy } from "./sla/policy";
export { describeTarget } from "./sla/describe-target";
export {
  addBusinessDays,
  customerReminderKey,
  dueCustomerReminders,
  dueInactivityNotice,
  dueSlaNotices,
  inactivityNoticeKey,
  inPreDueWindow,
  preDueReminderKey,
  preDueWindowEnd,
  raisedPriority,
  SLA_NOTICE_KINDS,
  slaNoticeKey,
} from "./sla/notices";
export type { CaseSlaInstants, DueNotice, EscalationThresholds, SlaNoticeKind } from "./sla/notices";
export type { TargetInWords } from "./sla/describe-target";

// intake
export { disputedAmount, lineDisputedAmount, vatOf } from "./intake/disputed-amount";
export type {
  ContestedFigures,
  DisputedAmount,
  DisputedAmountRefusal,
  DisputedLineAmount,
  DisputedLineInput,
  InvoiceLineFigures,
} from "./intake/disputed-amount";

// scoring
export {
  AMOUNT_CEILING_CENTS,
  DEFAULT_IMPACT_WEIGHTS,
  IMPACT_FACTORS,
  impactScore,
  priorityFromScore,
  RECURRENCE_CEILING,
  REVENUE_SHARE_CEILING,
} from "./scoring/impact";
export type { ImpactFactor, ImpactFactorScore, ImpactInput, ImpactScore, ImpactWeights } from "./scoring/impact";
export { admissibilityWarnings } from "./scoring/admissibility";
export type { AdmissibilityInput, AdmissibilityWarning } from "./scoring/admissibility";

// approval
export { APPROVAL_LEVELS, approvalStatus, checkApprover, PROPOSAL_KINDS, requiredApprovals } from "./approval/approval";
export type {
  ApprovalDecision,
  ApprovalLevel,
  ApprovalStatus,
  ApprovalThreshold,
  ApprovalThresholds,
  ProposalForApproval,
  ProposalKind,
} from "./approval/approval";

// receivables
export {
  assertPaymentTerm,
  dueDate,
  exceedsLegalMaximum,
  invoiceDunningState,
  outstandingDueDate,
  latePaymentPenalty,
  PAYMENT_TERM_KINDS,
  preDueReminderDate,
  RECOVERY_INDEMNITY_CENTS,
  resolveDisputedInvoice,
  statutoryLatePaymentRate,
} from "./receivables/payment-terms";
export { spreadCredit } from "./receivables/credit-spread";
export type { DisputedInvoiceResolution, InvoiceDunningState, LatePaymentPenalty, PaymentTerm, PaymentTermKind } from "./receivables/payment-terms";
export { assertVatRate, documentTotals, lineAmount, vatOn } from "./receivables/document-totals";
export type { DocumentTotals, TaxableLine, VatRateBp, VatSubtotal } from "./receivables/document-totals";

// audit
export { canonicalJson } from "./audit/canonical-json";
export { CHAIN_START, chainEvent, chainEvents, GENESIS_HASH, hashEvent, nextChainPosition, verifyChain } from "./audit/chain";
export type { ChainBreak, ChainedEvent, ChainPosition, ChainVerification, StoredChainBreak } from "./audit/chain";
export { sha256, sha256Hex } from "./audit/sha256";

// KPIs
export {
  amountTotals,
  backlog,
  churnAfterDispute,
  correctiveActionEffectiveness,
  costPerDispute,
  creditNotesWithoutRootCause,
  dsoImpact,
  mttr,
  nps,
  penaltiesPaid,
  periodBuckets,
  previousPeriod,
  resolutionChannels,
  rootCausePareto,
  slaCompliance,
  slaOutcomeOf,
  trend,
  volume,
} from "./kpi/kpi";
export type {
  CaseAmounts,
  CaseSpan,
  Compliance,
  CorrectiveActionRecord,
  DayPeriod,
  DecidedCase,
  InvoiceHold,
  ParetoRow,
  Period,
  RecurrenceRecord,
  SlaOutcome,
} from "./kpi/kpi";
export { holdsWithin, RECURRENCE_WINDOW_DAYS, rootCauseRecurrence } from "./kpi/kpi-windows";
export type { RecurrenceRow } from "./kpi/kpi-windows";

// Password policy (length, the 10,000 most common passwords)
export { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password/password-policy";

// Company identifiers (the supplier's SIREN and VAT number).
export { checkFrenchVatNumber, frenchVatNumberOf, isValidSiren } from "./identity/company-identifiers";
export type { VatNumberProblem } from "./identity/company-identifiers";

// How long spent authentication records are kept (the daily housekeeping)
export { RETENTION, retentionCutoffs, type RetentionCutoffs } from "./retention/retention";

// settlement
export {
  acceptsSurvey,
  checkCustomerResponse,
  checkProposalDraft,
  customerMayDecide,
  DEFAULT_PROPOSAL_VALIDITY_BUSINESS_DAYS,
  isProposalExpired,
  isProposalSettled,
  isProposalStatus,
  parseProposalStatus,
  proposalVat,
  PROPOSAL_STATUSES,
  requiresConcessions,
} from "./settlement/proposal";
export type { CustomerResponse, ProposalConcessionsInput, ProposalDraftInput, ProposalStatus } from "./settlement/proposal";
export { MIN_SIMILAR_CASES, suggestProposal, summariseSimilar } from "./settlement/suggestion";
export type { PriceBasis, ProposalSuggestion, SimilarSettlement, SimilarSummary, SuggestedLine, SuggestionBasis, SuggestionLine } from "./settlement/suggestion";

// corrective actions and proactive notice (issue 12)
export {
  actionEffectiveness,
  changeCorrectiveAction,
  checkNewCorrectiveAction,
  CORRECTIVE_ACTION_STATUSES,
  EFFECTIVENESS_WINDOW_DAYS,
  effectivenessFromCounts,
  isOverdue,
} from "./corrective/corrective-action";
export type { ActionEffectiveness, CorrectiveActionChange, CorrectiveActionStatus, NewCorrectiveAction } from "./corrective/corrective-action";
export { checkProactiveNotice, isQualityRootCause, lotsOfCase, normalizeLot, proactiveNoticeApplies, QUALITY_ROOT_CAUSE_CATEGORY } from "./corrective/proactive-notice";
export type { ProactiveNoticeRefusal } from "./corrective/proactive-notice";
// litigation (contentieux)
export {
  checkHandOver,
  checkJudgment,
  checkLegalCost,
  checkLegalStep,
  checkOutOfCourt,
  isJudgmentRuling,
  isLegalStepKind,
  JUDGMENT_RULINGS,
  LEGAL_STEP_KINDS,
  LITIGATION_LIMITS,
  RECORDABLE_STEP_KINDS,
  totalLegalCosts,
} from "./litigation/litigation";
export type { HandOverInput, JudgmentInput, JudgmentRuling, LegalCostInput, LegalStepInput, LegalStepKind, OutOfCourtInput } from "./litigation/litigation";
// mediation
export {
  checkMediationSession,
  checkMediationStart,
  conductsMediation,
  decideMediationOutcome,
  MEDIATION_FAILURE_NEXT_STEPS,
  MEDIATION_KINDS,
  MEDIATION_OUTCOMES,
  MEDIATION_SESSION_VISIBILITIES,
  mediationAllowsProposal,
  mediationOutcomePermission,
} from "./mediation/mediation";
export type { MediationActor, MediationFailureNextStep, MediationKind, MediationOutcome, MediationOutcomeEffect, MediationSessionVisibility, MediationState } from "./mediation/mediation";

// CSV imports: a French spreadsheet's cells (ADR 0037)
export {
  detectDelimiter,
  normaliseChoice,
  normaliseHeader,
  paidStatusOf,
  readCsvChoice,
  readCsvDate,
  readCsvDecimal,
  readCsvPositiveInteger,
  readCsvText,
  readCsvVatRate,
} from "./imports/csv-values";
export type { CsvRead, CsvRefusal } from "./imports/csv-values";
// inbound e-mail (ADR 0036)
export { detectAutomaticMessage } from "./inbound/automatic-message";
export type { AutomaticReason, AutomaticVerdict, MailHeaders } from "./inbound/automatic-message";
export { trimQuotedHistory } from "./inbound/quoted-history";
export { findCaseReference, findReplyToken, messageIdsOf, replyAddress } from "./inbound/case-reference";
export { dmarcPassed, QUARANTINE_REASONS, routeInboundEmail } from "./inbound/routing";
export type { CaseFacts, InboundRoute, KnownSender, QuarantineReason, RoutingFacts } from "./inbound/routing";
