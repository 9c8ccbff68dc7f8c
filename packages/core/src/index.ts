export { AppError, isAppError, type AppErrorCode, type AppErrorOptions, type MessageParams } from "./errors";
export { requireCustomer, requireStaff } from "./access";

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
export { deliverEmail, type DeliverEmailOptions, type DeliverEmailResult } from "./email/deliver-email";
export { DEFAULT_EMAIL_FROM, EMAIL_MAX_ATTEMPTS, SEND_EMAIL_TASK } from "./email/constants";

export { getCustomerHome, HOME_INVOICE_LIMIT, type CustomerHome } from "./customers/get-customer-home";
export { listCaseQueue, type CaseQueueItem } from "./cases/list-case-queue";
export { listMailbox } from "./mailbox/list-mailbox";
