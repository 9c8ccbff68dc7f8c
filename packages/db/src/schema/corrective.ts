import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customerAccounts, staffUsers } from "./accounts";
import { cases } from "./cases";
import { createdAt, id, requiredRef, tstz } from "./common";
import { rootCauses } from "./settings";

/** Mirrors the domain's CORRECTIVE_ACTION_STATUSES. */
export const CORRECTIVE_ACTION_STATUS_VALUES = ["open", "done", "waived"] as const;

/**
 * Work that removes a case's root cause ("mise en conformité"): an owner (staff), a due date, a status.
 * The case closes only when none is open. `rootCauseCode` is the cause it fixes (the case's at the time),
 * from which its effectiveness is measured: recurrences 90 days before and after `doneAt`.
 */
export const correctiveActions = pgTable(
  "corrective_actions",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    rootCauseCode: text("root_cause_code")
      .notNull()
      .references(() => rootCauses.code),
    title: text("title").notNull(),
    description: text("description"),
    ownerId: requiredRef("owner_id", () => staffUsers.id),
    dueDate: date("due_date").notNull(),
    status: text("status").$type<(typeof CORRECTIVE_ACTION_STATUS_VALUES)[number]>().notNull().default("open"),
    doneAt: tstz("done_at"),
    doneById: uuid("done_by_id").references(() => staffUsers.id),
    waivedReason: text("waived_reason"),
    waivedAt: tstz("waived_at"),
    waivedById: uuid("waived_by_id").references(() => staffUsers.id),
    createdById: requiredRef("created_by_id", () => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("corrective_actions_case_idx").on(t.caseId, t.createdAt),
    // The open actions page: by owner ("mine") and due date, overdue first.
    index("corrective_actions_open_owner_due_idx").on(t.ownerId, t.dueDate).where(sql`${t.status} = 'open'`),
    index("corrective_actions_open_due_idx").on(t.dueDate, t.id).where(sql`${t.status} = 'open'`),
    check("corrective_actions_status_check", sql`${t.status} in (${sql.raw(CORRECTIVE_ACTION_STATUS_VALUES.map((v) => `'${v}'`).join(", "))})`),
    check("corrective_actions_done_check", sql`(${t.status} = 'done') = (${t.doneAt} is not null)`),
    check("corrective_actions_waived_check", sql`(${t.status} = 'waived') = (${t.waivedReason} is not null and ${t.waivedAt} is not null)`),
  ],
);

/**
 * A proactive notice: the customer account told, from this case, that a lot it received is concerned
 * by a quality root cause. One per case, account and lot; `emailMessageIds` are the outbox rows (one
 * per contact of the account who accepts mail).
 */
export const proactiveNotices = pgTable(
  "proactive_notices",
  {
    id: id(),
    caseId: requiredRef("case_id", () => cases.id),
    accountId: requiredRef("account_id", () => customerAccounts.id),
    lotNumber: text("lot_number").notNull(),
    template: text("template").notNull(),
    message: text("message").notNull(),
    emailMessageIds: uuid("email_message_ids").array().notNull(),
    sentAt: tstz("sent_at").notNull(),
    sentById: requiredRef("sent_by_id", () => staffUsers.id),
  },
  (t) => [
    uniqueIndex("proactive_notices_case_account_lot_key").on(t.caseId, t.accountId, t.lotNumber),
    index("proactive_notices_account_idx").on(t.accountId),
  ],
);
