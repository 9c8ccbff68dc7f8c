import { CASE_TYPES, isIsoDate, parseDecimal, type CaseType, type IsoDate } from "@accord/domain";
import { z } from "zod";
import { AppError } from "../errors";
import { singleLine } from "../single-line";

/**
 * The claim form's schema, shared by the portal's form (conform), the back-office's "on behalf" form
 * and the use cases (previewClaim, submitClaim). Every message is a catalogue key `claim.error.*`.
 *
 * Field names follow the form: `type`, `title`, `description`, `desiredOutcome`, `desiredOutcomeText`,
 * `quality.product`, `quality.lotNumber`, `delivery.deliveryNoteNumber`, `delivery.receivedOn`,
 * `delivery.signedWithReservations`, `priceBilling.contractReference`, `compliance.reference`,
 * `lines[i].invoiceLineId`, `lines[i].contestedQuantity`, `lines[i].contestedUnitPrice`,
 * `claimedAmount`, `uploadIds`. Only the chosen type's section is read: the others may be sent
 * (the form renders them all without JavaScript) and are ignored.
 */

export const DESIRED_OUTCOMES = ["credit_note", "replacement", "refund", "other"] as const;
export type DesiredOutcome = (typeof DESIRED_OUTCOMES)[number];

export const CLAIM_LIMITS = {
  title: 200,
  description: 10_000,
  shortText: 200,
  reference: 500,
  lines: 100,
  uploads: 20,
} as const;

// The parser lives in the domain so the browser's estimate reads a typed figure exactly as the schema does.
export { parseDecimal };

const key = (name: string) => `claim.error.${name}`;
const REQUIRED = key("required");
const TOO_LONG = key("too_long");

/** Characters that show nothing (zero-width space, joiners, word joiner, BOM). */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
/** "", whitespace-only and invisible-only count as absent (forms send empty strings; conform may send undefined). */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.replace(INVISIBLE, "").trim() === "" ? undefined : value);

/** A text of several lines (the description). */
const requiredLongText = (max: number) =>
  z.preprocess(blankToUndefined, z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(max, { error: TOO_LONG }));
/** One-line fields (title, product, references): no control character. */
const requiredText = (max: number) =>
  z.preprocess(blankToUndefined, singleLine(z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(max, { error: TOO_LONG })));
const optionalText = (max: number) => z.preprocess(blankToUndefined, singleLine(z.string().trim().max(max, { error: TOO_LONG })).optional());

/** An optional decimal field → integer units, or null when left empty. */
const decimalField = (decimals: number) =>
  z.preprocess(
    (value) => (typeof value === "number" ? String(value) : blankToUndefined(value)),
    z
      .string({ error: key("invalid_number") })
      .max(40, { error: key("invalid_number") })
      .optional()
      .transform((value, ctx) => {
        if (value === undefined) return null;
        const parsed = parseDecimal(value, decimals);
        if (typeof parsed === "number") return parsed;
        ctx.addIssue({ code: "custom", message: key(parsed === "invalid" ? "invalid_number" : parsed), params: { decimals } });
        return z.NEVER;
      }),
  );

/** A calendar date from a date input ("2026-11-20") or typed the French way ("20/11/2026"). */
const dateField = z.preprocess(
  blankToUndefined,
  z
    .string({ error: REQUIRED })
    .trim()
    .transform((value, ctx): IsoDate => {
      const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
      const iso = french ? `${french[3]}-${french[2]!.padStart(2, "0")}-${french[1]!.padStart(2, "0")}` : value;
      if (isIsoDate(iso)) return iso as IsoDate;
      ctx.addIssue({ code: "custom", message: key("invalid_date") });
      return z.NEVER;
    }),
);

const uuidField = (message: string) => z.string({ error: message }).trim().pipe(z.uuid({ error: message }));

const lineSchema = z.object({
  invoiceLineId: uuidField(key("line_unknown")),
  /** Quantity contested, in the line's unit, up to 3 decimals → thousandths. */
  contestedQuantity: decimalField(3),
  /** The unit price the customer holds to be right, excl. VAT, up to 2 decimals → cents. */
  contestedUnitPrice: decimalField(2),
});

/** Conform sends a single value as a string and several as an array; none as undefined. */
const uploadIdsField = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value.filter((v) => v !== "") : [value]),
  z.array(uuidField(key("upload_unknown"))).max(CLAIM_LIMITS.uploads, { error: key("too_many_uploads") }),
);

/** Rows of the picker the customer left empty are not contested lines (their indices stay). */
const linesField = z.preprocess(
  (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value.map((line) => line ?? {}) : value),
  z.array(lineSchema).max(CLAIM_LIMITS.lines, { error: key("too_many_lines") }),
);

const baseSchema = z.object({
  title: requiredText(CLAIM_LIMITS.title),
  description: requiredLongText(CLAIM_LIMITS.description),
  desiredOutcome: z.preprocess(blankToUndefined, z.enum(DESIRED_OUTCOMES, { error: key("desired_outcome_required") })),
  desiredOutcomeText: optionalText(CLAIM_LIMITS.shortText),
  lines: linesField,
  /** Optional lowering of the claimed amount, excl. VAT, in euros as typed → cents. */
  claimedAmount: decimalField(2),
  uploadIds: uploadIdsField,
  /**
   * The form's one-time key (a UUID the page drew when it showed the form): the same post replayed
   * finds the case it filed instead of filing a second one. Optional: other entry points may not have one.
   */
  submissionKey: z.preprocess(blankToUndefined, uuidField(key("submission_invalid")).optional()),
});

const detailsSchema = z.discriminatedUnion(
  "type",
  [
    z.object({
      type: z.literal("quality"),
      quality: z.preprocess(
        (v) => v ?? {},
        z.object({ product: requiredText(CLAIM_LIMITS.shortText), lotNumber: optionalText(CLAIM_LIMITS.shortText) }),
      ),
    }),
    z.object({
      type: z.literal("delivery"),
      delivery: z.preprocess(
        (v) => v ?? {},
        z.object({
          deliveryNoteNumber: requiredText(CLAIM_LIMITS.shortText),
          receivedOn: dateField,
          signedWithReservations: z.preprocess(blankToUndefined, z.enum(["yes", "no"], { error: key("signed_with_reservations_required") })),
        }),
      ),
    }),
    z.object({
      type: z.literal("price_billing"),
      priceBilling: z.preprocess((v) => v ?? {}, z.object({ contractReference: optionalText(CLAIM_LIMITS.shortText) })),
    }),
    z.object({
      type: z.literal("compliance"),
      compliance: z.preprocess((v) => v ?? {}, z.object({ reference: requiredText(CLAIM_LIMITS.reference) })),
    }),
    z.object({ type: z.literal("other") }),
  ],
  { error: key("type_required") },
);

type ParsedLine = z.output<typeof lineSchema>;
const isAmount = (value: unknown) => value === null || typeof value === "number";
const isParsedLine = (line: unknown): line is ParsedLine =>
  typeof line === "object" &&
  line !== null &&
  typeof (line as ParsedLine).invoiceLineId === "string" &&
  isAmount((line as ParsedLine).contestedQuantity) &&
  isAmount((line as ParsedLine).contestedUnitPrice);
const isContested = (line: ParsedLine) => line.contestedQuantity !== null || line.contestedUnitPrice !== null;

/** The claim as typed in the form (portal, or back-office on behalf of a customer). */
export const claimSchema = z
  .intersection(baseSchema, detailsSchema)
  .superRefine(
    // Runs even when other fields failed (`when`), so every error shows at once: it reads defensively.
    (value, ctx) => {
      const lines: unknown[] = Array.isArray(value.lines) ? value.lines : [];
      const seen = new Set<string>();
      let contested = 0;
      lines.forEach((line, index) => {
        if (!isParsedLine(line)) {
          contested += 1; // refused above, with its own error
          return;
        }
        if (!isContested(line)) return;
        contested += 1;
        if (line.contestedQuantity === 0 && line.contestedUnitPrice === null) {
          ctx.addIssue({ code: "custom", message: key("quantity_zero"), path: ["lines", index, "contestedQuantity"] });
        }
        if (seen.has(line.invoiceLineId)) ctx.addIssue({ code: "custom", message: key("line_twice"), path: ["lines", index, "invoiceLineId"] });
        seen.add(line.invoiceLineId);
        if (value.type === "delivery" && line.contestedQuantity === null) {
          ctx.addIssue({ code: "custom", message: key("quantity_required"), path: ["lines", index, "contestedQuantity"] });
        }
        if (value.type === "price_billing" && line.contestedUnitPrice === null) {
          ctx.addIssue({ code: "custom", message: key("price_required"), path: ["lines", index, "contestedUnitPrice"] });
        }
      });
      if (contested === 0 && Array.isArray(value.lines)) ctx.addIssue({ code: "custom", message: key("lines_required"), path: ["lines"] });
      if (value.desiredOutcome === "other" && (value.desiredOutcomeText === undefined || value.desiredOutcomeText === "")) {
        ctx.addIssue({ code: "custom", message: key("desired_outcome_text_required"), path: ["desiredOutcomeText"] });
      }
    },
    { when: () => true },
  )
  .transform((value) => ({
    ...value,
    // Only the contested lines, each with its index in the form so later checks name the right field.
    lines: value.lines.flatMap((line, formIndex) => (isContested(line) ? [{ ...line, formIndex }] : [])),
  }));

export type ClaimFormInput = z.input<typeof claimSchema>;
export type ClaimInput = z.output<typeof claimSchema>;
export type ClaimLineInput = ClaimInput["lines"][number];

/** Who the claim is for, when staff file it on a customer's behalf (by phone). */
export const onBehalfSchema = z.object({
  accountId: uuidField(key("account_required")),
  customerContactId: uuidField(key("contact_required")),
});

/** The back-office form: the claim plus the customer account and contact it is filed for. */
export const staffClaimSchema = z.intersection(onBehalfSchema, claimSchema);
export type StaffClaimFormInput = z.input<typeof staffClaimSchema>;

/** The type-specific details as stored in `cases.details`. */
export function claimDetails(input: ClaimInput): Record<string, unknown> {
  const common = input.desiredOutcome === "other" ? { desiredOutcomeText: input.desiredOutcomeText } : {};
  switch (input.type) {
    case "quality":
      return { ...common, product: input.quality.product, lotNumber: input.quality.lotNumber ?? null };
    case "delivery":
      return {
        ...common,
        deliveryNoteNumber: input.delivery.deliveryNoteNumber,
        receivedOn: input.delivery.receivedOn,
        signedWithReservations: input.delivery.signedWithReservations === "yes",
      };
    case "price_billing":
      return { ...common, contractReference: input.priceBilling.contractReference ?? null };
    case "compliance":
      return { ...common, reference: input.compliance.reference };
    case "other":
      return common;
  }
}

/** The form field of a line's value, as conform names it. */
export function lineField(formIndex: number, name: "invoiceLineId" | "contestedQuantity" | "contestedUnitPrice"): string {
  return `lines[${formIndex}].${name}`;
}

/** A zod path as conform names the field (`lines[0].contestedQuantity`, `quality.product`). */
export function formFieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, segment) => {
    if (typeof segment === "number") return `${name}[${segment}]`;
    return name === "" ? String(segment) : `${name}.${String(segment)}`;
  }, "");
}

export const CLAIM_TYPES: readonly CaseType[] = CASE_TYPES;

/** A failed parse as a validation error whose field names are the form's (conform's) names. */
export function claimValidationError(error: z.ZodError): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) (fieldErrors[formFieldName(issue.path) || "form"] ??= []).push(issue.message);
  return new AppError("validation", { messageKey: "claim.error.invalid", fieldErrors });
}

/** Parses with `schema` or throws {@link claimValidationError}. */
export function parseClaimInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw claimValidationError(parsed.error);
  return parsed.data;
}
