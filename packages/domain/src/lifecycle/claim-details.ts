/**
 * What the customer typed in the claim form beyond the title and description, as stored with the case
 * (`cases.details`, written by core's claimDetails): read back field by field, anything else ignored.
 */
export interface ClaimDetails {
  /** Quality: the product concerned and its lot. */
  readonly product: string | null;
  readonly lotNumber: string | null;
  /** Delivery: the delivery note, the day the goods arrived, whether the note was signed with reservations. */
  readonly deliveryNoteNumber: string | null;
  /** A calendar day (YYYY-MM-DD). */
  readonly receivedOn: string | null;
  readonly signedWithReservations: boolean | null;
  /** Price and billing: the contract, price list or quote. */
  readonly contractReference: string | null;
  /** Compliance: the specification or regulation. */
  readonly complianceReference: string | null;
  /** The outcome the customer wants, in their words, when none of the listed ones. */
  readonly desiredOutcomeText: string | null;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
const day = (value: unknown): string | null => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

export function readClaimDetails(stored: unknown): ClaimDetails {
  const d: Record<string, unknown> = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    product: text(d.product),
    lotNumber: text(d.lotNumber),
    deliveryNoteNumber: text(d.deliveryNoteNumber),
    receivedOn: day(d.receivedOn),
    signedWithReservations: typeof d.signedWithReservations === "boolean" ? d.signedWithReservations : null,
    contractReference: text(d.contractReference),
    complianceReference: text(d.reference),
    desiredOutcomeText: text(d.desiredOutcomeText),
  };
}

/** Whether the customer gave any detail at all (the block is left out otherwise). */
export function hasClaimDetails(details: ClaimDetails): boolean {
  return Object.values(details).some((value) => value !== null);
}
