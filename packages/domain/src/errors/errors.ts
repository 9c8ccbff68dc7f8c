/**
 * One error shape for the whole domain package.
 *
 * - Decisions (a transition, an approval, a chain verification) return a
 *   {@link Result}: `{ ok: true, ... }` or `{ ok: false, error: DomainError }`.
 *   A refusal is an expected answer, not an exception.
 * - Programmer-facing constructors and calculations (a calendar, an amount, a
 *   date string…) throw a {@link DomainValidationError} carrying the same
 *   `DomainError` data when their input is impossible. Nothing throws a bare
 *   `Error` and nothing returns `NaN`.
 *
 * `messageKey` is a message-catalogue key (`domain.error.<code>`), never a
 * sentence: the apps translate it with `params`.
 */
export type DomainErrorCode =
  | "invalid_transition"
  | "guard_failed"
  | "forbidden"
  | "unknown_status"
  | "unknown_command"
  | "unknown_outcome"
  | "unknown_role"
  | "unknown_permission"
  | "invalid_calendar"
  | "invalid_date"
  | "invalid_amount"
  | "invalid_currency"
  | "currency_mismatch"
  | "invalid_argument"
  | "invalid_history"
  | "invalid_policy"
  | "invalid_payment_term"
  | "non_canonical_value"
  | "self_approval"
  | "approval_not_required"
  | "already_approved"
  | "invalid_proposal";

/** Parameters interpolated into the translated message. */
export type DomainErrorParams = Readonly<Record<string, string | number | boolean | null>>;

export interface DomainError {
  readonly code: DomainErrorCode;
  /** The input field at fault, as a dotted path (`weekly.mon[1]`, `cents`). */
  readonly field?: string;
  /** Message-catalogue key, `domain.error.<code>` unless more specific. */
  readonly messageKey: string;
  readonly params: DomainErrorParams;
}

export type Result<T extends object> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: DomainError };

/** Builds a {@link DomainError}; the message key defaults to `domain.error.<code>`. */
export function domainError(
  code: DomainErrorCode,
  options: { field?: string; params?: DomainErrorParams; messageKey?: string } = {},
): DomainError {
  const error: DomainError = {
    code,
    messageKey: options.messageKey ?? `domain.error.${code}`,
    params: options.params ?? {},
    ...(options.field === undefined ? {} : { field: options.field }),
  };
  return error;
}

/** Thrown by constructors and calculations given impossible input. */
export class DomainValidationError extends Error {
  readonly code: DomainErrorCode;
  readonly field: string | undefined;
  readonly messageKey: string;
  readonly params: DomainErrorParams;
  /** The same data as a plain {@link DomainError}. */
  readonly error: DomainError;

  constructor(error: DomainError) {
    super(describe(error));
    this.name = "DomainValidationError";
    this.code = error.code;
    this.field = error.field;
    this.messageKey = error.messageKey;
    this.params = error.params;
    this.error = error;
  }
}

/** Throws a {@link DomainValidationError} built like {@link domainError}. */
export function fail(
  code: DomainErrorCode,
  field: string | undefined,
  params: DomainErrorParams = {},
): never {
  throw new DomainValidationError(domainError(code, { ...(field === undefined ? {} : { field }), params }));
}

/** Type guard for errors thrown by this package. */
export function isDomainValidationError(value: unknown): value is DomainValidationError {
  return value instanceof DomainValidationError;
}

function describe(error: DomainError): string {
  const where = error.field === undefined ? "" : ` (${error.field})`;
  const params = Object.keys(error.params).length === 0 ? "" : ` ${JSON.stringify(error.params)}`;
  return `${error.code}${where}${params}`;
}
