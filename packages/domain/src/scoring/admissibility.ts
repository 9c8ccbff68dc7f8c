import { fail } from "../errors/errors";
import { addDays, assertInstant, assertIsoDate, daysBetween, type IsoDate } from "../dates/iso-date";
import { isValidTimeZone, localDate } from "../dates/zoned";
import { isCaseType, type CaseType } from "../lifecycle/statuses";

export interface AdmissibilityInput {
  readonly type: CaseType;
  /** When the claim reached the supplier. */
  readonly filedAt: Date;
  /** Delivery date of the goods concerned, if known. */
  readonly deliveryDate: IsoDate | null;
  /** Contract clause: days from delivery to file a claim; null when the contract has none. */
  readonly claimDeadlineDays: number | null;
  /** The delivery note was signed without reservation; null when unknown. */
  readonly deliveryNoteSignedWithoutReservation: boolean | null;
  /** Zone in which `filedAt` is read as a calendar day; Europe/Paris by default. */
  readonly timeZone?: string;
}

/** A warning staff see at qualification; the claim is not refused for it. */
export type AdmissibilityWarning =
  | {
      readonly code: "claim_after_deadline";
      readonly params: { readonly deliveryDate: IsoDate; readonly deadline: IsoDate; readonly filedOn: IsoDate; readonly daysLate: number };
    }
  | { readonly code: "delivery_note_signed_without_reservation"; readonly params: Record<string, never> };

/**
 * Warnings from the contract clauses:
 *
 * - `claim_after_deadline` when the claim was filed (its calendar day in
 *   `timeZone`) after delivery date + the contractual deadline in calendar
 *   days; filing on the last day is in time;
 * - `delivery_note_signed_without_reservation` for a delivery claim whose
 *   delivery note was signed without reservation.
 *
 * @throws DomainValidationError naming the field of a bad input.
 */
export function admissibilityWarnings(input: AdmissibilityInput): AdmissibilityWarning[] {
  const timeZone = input.timeZone ?? "Europe/Paris";
  if (!isCaseType(input.type)) fail("invalid_argument", "type", { value: String(input.type) });
  assertInstant(input.filedAt, "filedAt");
  if (input.deliveryDate !== null) assertIsoDate(input.deliveryDate, "deliveryDate");
  if (input.claimDeadlineDays !== null && (!Number.isSafeInteger(input.claimDeadlineDays) || input.claimDeadlineDays < 0)) {
    fail("invalid_argument", "claimDeadlineDays", { value: String(input.claimDeadlineDays) });
  }
  if (!isValidTimeZone(timeZone)) fail("invalid_argument", "timeZone", { value: String(timeZone) });

  const warnings: AdmissibilityWarning[] = [];
  if (input.deliveryDate !== null && input.claimDeadlineDays !== null) {
    const filedOn = localDate(input.filedAt, timeZone);
    const deadline = addDays(input.deliveryDate, input.claimDeadlineDays);
    const daysLate = daysBetween(deadline, filedOn);
    if (daysLate > 0) warnings.push({ code: "claim_after_deadline", params: { deliveryDate: input.deliveryDate, deadline, filedOn, daysLate } });
  }
  if (input.type === "delivery" && input.deliveryNoteSignedWithoutReservation === true) {
    warnings.push({ code: "delivery_note_signed_without_reservation", params: {} });
  }
  return warnings;
}
