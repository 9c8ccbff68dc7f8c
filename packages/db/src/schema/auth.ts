import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, pgTable, text, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { customerAccounts, customerUsers, staffUsers } from "./accounts";
import { createdAt, id, requiredRef, tstz } from "./common";

export type UserKind = "customer" | "staff";

/** The user a row belongs to, a customer or a staff member (two tables: no foreign key). */
const userColumns = () => ({ userKind: text("user_kind").$type<UserKind>().notNull(), userId: uuid("user_id").notNull() });
/** The index to find a user's rows, and the check on the kind of user. */
const userConstraints = (table: string, t: { userKind: AnyPgColumn; userId: AnyPgColumn }) => [
  index(`${table}_user_idx`).on(t.userKind, t.userId),
  check(`${table}_user_kind_check`, sql`${t.userKind} in ('customer', 'staff')`),
];

/** Lucia's design: the id is the hex SHA-256 of the token held in the cookie. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    ...userColumns(),
    expiresAt: tstz("expires_at").notNull(),
    createdAt: createdAt(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => userConstraints("sessions", t),
);

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: text("id").primaryKey(),
    ...userColumns(),
    expiresAt: tstz("expires_at").notNull(),
    usedAt: tstz("used_at"),
    createdAt: createdAt(),
  },
  (t) => userConstraints("password_reset_tokens", t),
);

export const invitationTokens = pgTable(
  "invitation_tokens",
  {
    id: text("id").primaryKey(),
    accountId: requiredRef("account_id", () => customerAccounts.id),
    email: text("email").notNull(),
    /** The name the inviting admin typed; the invitee may correct it when accepting. */
    name: text("name"),
    role: text("role").notNull(),
    invitedById: uuid("invited_by_id"),
    expiresAt: tstz("expires_at").notNull(),
    acceptedAt: tstz("accepted_at"),
    createdAt: createdAt(),
  },
  (t) => [index("invitation_tokens_account_idx").on(t.accountId)],
);

/** Sign-in attempts, for throttling per e-mail and per IP. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: tstz("at").notNull(),
  },
  (t) => [index("sign_in_attempts_email_at_idx").on(t.email, t.at), index("sign_in_attempts_ip_at_idx").on(t.ip, t.at)],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    accountId: requiredRef("account_id", () => customerAccounts.id),
    name: text("name").notNull(),
    /** First characters of the key, shown to admins to tell keys apart. */
    prefix: text("prefix").notNull(),
    /** Hex SHA-256 of the whole key: the key itself is never stored. */
    keyHash: text("key_hash").notNull().unique("api_keys_key_hash_key"),
    /**
     * The customer user the key acts as (claims filed through it name them as contact and get the
     * acknowledgement; events record them). The key stops working when that user is deactivated.
     */
    actingUserId: uuid("acting_user_id").references(() => customerUsers.id),
    /** Who created the key: a staff member (account page) or the company's admin (Mon entreprise). */
    createdById: uuid("created_by_id").references(() => staffUsers.id),
    createdByCustomerId: uuid("created_by_customer_id").references(() => customerUsers.id),
    createdAt: createdAt(),
    lastUsedAt: tstz("last_used_at"),
    revokedAt: tstz("revoked_at"),
  },
  (t) => [index("api_keys_account_idx").on(t.accountId)],
);

/**
 * Integration keys: created by a staff admin for the company's ERP, scoped to imports (invoices,
 * lines, payments) across accounts, since a customer key sees one company only. Stored hashed.
 */
export const integrationKeys = pgTable(
  "integration_keys",
  {
    id: id(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    /** Hex SHA-256 of the whole key. */
    keyHash: text("key_hash").notNull().unique("integration_keys_key_hash_key"),
    /** What the key may do; today only "imports". */
    scopes: text("scopes").array().notNull().default(sql`array['imports']::text[]`),
    createdById: requiredRef("created_by_id", () => staffUsers.id),
    createdAt: createdAt(),
    lastUsedAt: tstz("last_used_at"),
    revokedAt: tstz("revoked_at"),
  },
  (t) => [check("integration_keys_scopes_check", sql`${t.scopes} <@ array['imports']::text[]`)],
);
