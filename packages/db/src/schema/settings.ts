import { sql } from "drizzle-orm";
import { bigint, boolean, check, customType, date, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { customerAccounts, staffUsers, type CustomerTier } from "./accounts";
import type { CasePriority, CaseType } from "./cases";
import { createdAt, id, requiredRef, tstz } from "./common";

/** A business calendar as `@accord/domain` defines it (PRODUCT.md, "domain calendar"). */
export type CalendarDefinition = {
  timeZone: string;
  weekly: Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", string[]>;
  holidays: "FR" | "FR-alsace-moselle" | "none";
  closures: { from: string; to: string }[];
};

export const businessCalendars = pgTable(
  "business_calendars",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    /** Validated by the domain's validateCalendar before it is written. */
    definition: jsonb("definition").$type<CalendarDefinition>().notNull(),
    /** The calendar of policies that name none; exactly one is the default. */
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("business_calendars_code_key").on(t.code),
    uniqueIndex("business_calendars_one_default_key").on(t.isDefault).where(sql`${t.isDefault}`),
  ],
);

/** SLA policies: priority × type × tier (null = any) → targets in business minutes of a calendar. */
export const slaPolicies = pgTable(
  "sla_policies",
  {
    id: id(),
    name: text("name").notNull(),
    priority: text("priority").$type<CasePriority>(),
    type: text("type").$type<CaseType>(),
    tier: text("tier").$type<CustomerTier>(),
    firstResponseMinutes: integer("first_response_minutes").notNull(),
    resolutionMinutes: integer("resolution_minutes").notNull(),
    calendarId: requiredRef("calendar_id", () => businessCalendars.id),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("sla_policies_targets_check", sql`${t.firstResponseMinutes} > 0 and ${t.resolutionMinutes} > 0`),
    check("sla_policies_priority_check", sql`${t.priority} is null or ${t.priority} in ('P1', 'P2', 'P3', 'P4')`),
    check("sla_policies_tier_check", sql`${t.tier} is null or ${t.tier} in ('standard', 'key', 'strategic')`),
  ],
);

/**
 * Small typed settings (approval and escalation thresholds, impact weights…), one row per key;
 * each key's value is validated by its use case.
 */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

/** The root-cause taxonomy (configurable). */
export const rootCauses = pgTable(
  "root_causes",
  {
    code: text("code").primaryKey(),
    labelFr: text("label_fr").notNull(),
    labelEn: text("label_en").notNull(),
    /** Optional grouping (e.g. "logistics" for "late_delivery"). */
    category: text("category"),
    active: boolean("active").notNull().default(true),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [check("root_causes_code_check", sql`${t.code} ~ '^[a-z0-9_]+$'`)],
);

/** Checklist templates per case type (null = any type): the tasks an investigation starts with. */
export const checklistTemplates = pgTable("checklist_templates", {
  id: id(),
  name: text("name").notNull(),
  caseType: text("case_type").$type<CaseType>(),
  /** Task titles in order, each in French and English. */
  items: jsonb("items").$type<{ titleFr: string; titleEn: string; dueInBusinessDays?: number | null }[]>().notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: createdAt(),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

/** Response templates with placeholders ({{customerName}}, {{reference}}, {{deadline}}), French and English. */
export const responseTemplates = pgTable("response_templates", {
  id: id(),
  name: text("name").notNull(),
  caseType: text("case_type").$type<CaseType>(),
  bodyFr: text("body_fr").notNull(),
  bodyEn: text("body_en").notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: createdAt(),
  updatedAt: tstz("updated_at").notNull().defaultNow(),
});

/** Knowledge-base articles, French and English; published ones show in the portal's help. */
export const kbArticles = pgTable(
  "kb_articles",
  {
    id: id(),
    slug: text("slug").notNull(),
    titleFr: text("title_fr").notNull(),
    titleEn: text("title_en").notNull(),
    bodyFr: text("body_fr").notNull(),
    bodyEn: text("body_en").notNull(),
    published: boolean("published").notNull().default(false),
    publishedAt: tstz("published_at"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("kb_articles_slug_key").on(t.slug), check("kb_articles_slug_check", sql`${t.slug} ~ '^[a-z0-9-]+$'`)],
);

/** A published price index (e.g. INSEE) and its values by month, for indexation clauses. */
export const priceIndexValues = pgTable(
  "price_index_values",
  {
    indexCode: text("index_code").notNull(),
    /** First day of the month the value is published for. */
    month: date("month").notNull(),
    /** Decimal as text (exact): "112.4". */
    value: text("value").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("price_index_values_key").on(t.indexCode, t.month), check("price_index_values_value_check", sql`${t.value} ~ '^[0-9]+(\\.[0-9]+)?$'`)],
);

/** Contracted prices per customer account and product, with an optional indexation clause. */
export const priceAgreements = pgTable(
  "price_agreements",
  {
    id: id(),
    accountId: requiredRef("account_id", () => customerAccounts.id),
    productCode: text("product_code").notNull(),
    description: text("description"),
    unitPriceCents: bigint("unit_price_cents", { mode: "number" }).notNull(),
    currency: text("currency").notNull().default("EUR"),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to"),
    /** Indexation on a published index: price × (index value of the invoice month ÷ baseValue). */
    indexation: jsonb("indexation").$type<{ indexCode: string; baseValue: string } | null>(),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("price_agreements_account_product_idx").on(t.accountId, t.productCode, t.validFrom),
    check("price_agreements_price_check", sql`${t.unitPriceCents} >= 0`),
    check("price_agreements_validity_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** A staff member's saved queue filters. */
export const savedViews = pgTable(
  "saved_views",
  {
    id: id(),
    staffId: requiredRef("staff_id", () => staffUsers.id),
    name: text("name").notNull(),
    /** The queue's query string (validated by the queue's schema when used). */
    query: text("query").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("saved_views_staff_name_key").on(t.staffId, t.name)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * The supplier's legal identity (« Notre société »): one row (id = 1). The e-mails sign with it today;
 * the settlement agreement and the UBL credit notes will read it too. SIREN and VAT number are
 * checked by the domain before they are written; the logo's type is checked from its bytes.
 */
export const supplierIdentity = pgTable(
  "supplier_identity",
  {
    id: integer("id").primaryKey().default(1),
    legalName: text("legal_name").notNull(),
    siren: text("siren").notNull(),
    vatNumber: text("vat_number").notNull(),
    /** Postal address, one line per line. */
    address: text("address").notNull(),
    logo: bytea("logo"),
    logoContentType: text("logo_content_type"),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("supplier_identity_single_row_check", sql`${t.id} = 1`),
    check("supplier_identity_siren_check", sql`${t.siren} ~ '^[0-9]{9}$'`),
    check("supplier_identity_logo_check", sql`(${t.logo} is null) = (${t.logoContentType} is null)`),
    check("supplier_identity_logo_size_check", sql`${t.logo} is null or octet_length(${t.logo}) <= 262144`),
  ],
);
