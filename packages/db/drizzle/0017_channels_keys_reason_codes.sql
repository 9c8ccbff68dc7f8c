CREATE TABLE "integration_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" text[] DEFAULT array['imports']::text[] NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "integration_keys_key_hash_key" UNIQUE("key_hash"),
	CONSTRAINT "integration_keys_scopes_check" CHECK ("integration_keys"."scopes" <@ array['imports']::text[])
);
--> statement-breakpoint
CREATE TABLE "reason_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid,
	"code" text NOT NULL,
	"case_type" text NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reason_codes_case_type_check" CHECK ("reason_codes"."case_type" in ('quality', 'delivery', 'price_billing', 'compliance', 'other'))
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "acting_user_id" uuid;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "created_by_customer_id" uuid;--> statement-breakpoint
ALTER TABLE "integration_keys" ADD CONSTRAINT "integration_keys_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reason_codes" ADD CONSTRAINT "reason_codes_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reason_codes_account_code_key" ON "reason_codes" USING btree ("account_id","code") WHERE "reason_codes"."account_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "reason_codes_global_code_key" ON "reason_codes" USING btree ("code") WHERE "reason_codes"."account_id" is null;--> statement-breakpoint
CREATE INDEX "reason_codes_account_idx" ON "reason_codes" USING btree ("account_id");--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_acting_user_id_customer_users_id_fk" FOREIGN KEY ("acting_user_id") REFERENCES "public"."customer_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_customer_id_customer_users_id_fk" FOREIGN KEY ("created_by_customer_id") REFERENCES "public"."customer_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- hand-written: keys made before acting users existed act as their account's first admin.
UPDATE "api_keys" k SET "acting_user_id" = (
  SELECT u."id" FROM "customer_users" u WHERE u."account_id" = k."account_id" AND u."role" = 'admin' ORDER BY u."created_at", u."id" LIMIT 1
) WHERE k."acting_user_id" IS NULL;
