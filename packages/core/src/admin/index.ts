// Back-office administration (issue 6, journey 6): one use case per file, schemas shared with the forms.
export { businessHoursSchema, centsAsEuros, eurosSchema, minutesAsHours } from "./schemas";
export { slaPolicySchema, type SlaPolicyInput } from "./sla-policy-input";
export { listSlaPolicies } from "./list-sla-policies";
export { createSlaPolicy } from "./create-sla-policy";
export { updateSlaPolicy } from "./update-sla-policy";
export { setSlaPolicyActive } from "./set-sla-policy-active";
export { calendarSchema, type CalendarInput } from "./calendar-input";
export { listCalendars, getCalendar } from "./list-calendars";
export { createCalendar } from "./create-calendar";
export { updateCalendar } from "./update-calendar";
export { createStaffUserSchema, staffProfileSchema, teamSchema, renameTeamSchema, type CreateStaffUserInput, type UpdateStaffUserInput, type TeamInput } from "./staff-input";
export { listStaff } from "./list-staff";
export { createStaffUser, STAFF_WELCOME_LINK_LIFETIME_MS } from "./create-staff-user";
export { updateStaffUser } from "./update-staff-user";
export { setStaffUserActive } from "./set-staff-user-active";
export { createTeam } from "./create-team";
export { renameTeam } from "./rename-team";
export { customerAccountSchema, PAYMENT_TERM_KINDS, MEDIATORS, type CustomerAccountInput } from "./customer-account-input";
export { listCustomerAccounts } from "./list-customer-accounts";
export { getCustomerAccount } from "./get-customer-account";
export { createCustomerAccount } from "./create-customer-account";
export { updateCustomerAccount } from "./update-customer-account";
export { createPriceAgreement, priceAgreementSchema, type PriceAgreementInput } from "./create-price-agreement";
export { kbArticleSchema, type KbArticleInput } from "./kb-article-input";
export { listKbArticles, getKbArticle } from "./list-kb-articles";
export { saveKbArticle } from "./save-kb-article";
export { listHelpArticles, getHelpArticle } from "./list-help-articles";
export { approvalThresholdsSchema, getApprovalThresholds, updateApprovalThresholds, type ApprovalThresholdsInput } from "./update-approval-thresholds";
export { priceIndexValueSchema, listPriceIndexValues, recordPriceIndexValue, type PriceIndexValueInput } from "./price-index-values";
export { rootCauseSchema, rootCauseLabelsSchema, listRootCauses, createRootCause, renameRootCause, setRootCauseActive, moveRootCause, type RootCauseInput, type RootCauseLabelsInput } from "./root-causes";
export {
  checklistTemplateSchema,
  responseTemplateSchema,
  unknownPlaceholders,
  listTemplates,
  saveChecklistTemplate,
  saveResponseTemplate,
  type ChecklistTemplateInput,
  type ResponseTemplateInput,
} from "./templates";
