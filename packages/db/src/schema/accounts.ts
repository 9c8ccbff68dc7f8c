import { sql } from "drizzle-orm";
import { boolean, check, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, type Language, requiredRef } from "./common";

export type CustomerTier = "standard" | "key" | "strategic";
export type PaymentTermKind = "net" | "end_of_month" | "end_of_month_plus";
/** Payment term as PRODUCT.md defines it: "30 jours net", "45 jours fin de mois", "fin de mois + 10 jours". */
export type PaymentTerm = { kind: PaymentTermKind; days: number };
/** Typed contract clauses of a customer account. */
export type ContractClauses = {
  /** Days after delivery within which a claim must be filed; null = no contractual deadline. */
  claimDeadlineDays: number | null;
  penalty: { applies: boolean; rateBasisPoints: number | null };
  mediation: { applies: boolean; mediator: "internal" | "mediateur_des_entreprises" | null };
  /** Optional indexation clause for contracted prices (see price agreements). */
  priceIndexation?: { index: string; baseValue: string } | null;
};

export type CustomerRole = "admin" | "member" | "viewer";
export type StaffRole = "agent" | "supervisor" | "finance" | "legal" | "mediator" | "admin";
export type EmailPreferences = Record<string, boolean>;

export const customerAccounts = pgTable(
  "customer_accounts",
  {
    id: id(),
    name: text("name").notNull(),
    siren: text("siren"),
    vatId: text("vat_id"),
    erpCode: text("erp_code"),
    tier: text("tier").$type<CustomerTier>().notNull().default("standard"),
    paymentTerm: jsonb("payment_term").$type<PaymentTerm>().notNull(),
    clauses: jsonb("clauses").$type<ContractClauses>().notNull(),
    currency: text("currency").notNull().default("EUR"),
    language: text("language").$type<Language>().notNull().default("fr"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("customer_accounts_erp_code_key").on(t.erpCode),
    uniqueIndex("customer_accounts_siren_key").on(t.siren),
    check("customer_accounts_tier_check", sql`${t.tier} in ('standard', 'key', 'strategic')`),
    check("customer_accounts_siren_check", sql`${t.siren} is null or ${t.siren} ~ '^[0-9]{9}$'`),
  ],
);

export const customerUsers = pgTable(
  "customer_users",
  {
    id: id(),
    accountId: requiredRef("account_id", () => customerAccounts.id),
    /** Stored lower-case; unique across all customer users. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").$type<CustomerRole>().notNull().default("member"),
    language: text("language").$type<Language>().notNull().default("fr"),
    passwordHash: text("password_hash"),
    active: boolean("active").notNull().default(true),
    emailPreferences: jsonb("email_preferences").$type<EmailPreferences>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("customer_users_email_key").on(t.email),
    index("customer_users_account_idx").on(t.accountId),
    check("customer_users_role_check", sql`${t.role} in ('admin', 'member', 'viewer')`),
    check("customer_users_language_check", sql`${t.language} in ('fr', 'en')`),
    check("customer_users_email_lower_check", sql`${t.email} = lower(${t.email})`),
  ],
);

export const teams = pgTable(
  "teams",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("teams_code_key").on(t.code)],
);

export const staffUsers = pgTable(
  "staff_users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    roles: text("roles").array().$type<StaffRole[]>().notNull(),
    language: text("language").$type<Language>().notNull().default("fr"),
    passwordHash: text("password_hash"),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("staff_users_email_key").on(t.email),
    check("staff_users_language_check", sql`${t.language} in ('fr', 'en')`),
    check("staff_users_email_lower_check", sql`${t.email} = lower(${t.email})`),
    check(
      "staff_users_roles_check",
      sql`${t.roles} <@ array['agent', 'supervisor', 'finance', 'legal', 'mediator', 'admin']::text[] and cardinality(${t.roles}) > 0`,
    ),
  ],
);

export const staffTeams = pgTable(
  "staff_teams",
  {
    staffId: requiredRef("staff_id", () => staffUsers.id),
    teamId: requiredRef("team_id", () => teams.id),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.teamId] }), index("staff_teams_team_idx").on(t.teamId)],
);
