CREATE TABLE "customer_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"siren" text,
	"vat_id" text,
	"erp_code" text,
	"tier" text DEFAULT 'standard' NOT NULL,
	"payment_term" jsonb NOT NULL,
	"clauses" jsonb NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_accounts_tier_check" CHECK ("customer_accounts"."tier" in ('standard', 'key', 'strategic')),
	CONSTRAINT "customer_accounts_siren_check" CHECK ("customer_accounts"."siren" is null or "customer_accounts"."siren" ~ '^[0-9]{9}$')
);
--> statement-breakpoint
CREATE TABLE "customer_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"email_preferences" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_users_role_check" CHECK ("customer_users"."role" in ('admin', 'member', 'viewer')),
	CONSTRAINT "customer_users_language_check" CHECK ("customer_users"."language" in ('fr', 'en')),
	CONSTRAINT "customer_users_email_lower_check" CHECK ("customer_users"."email" = lower("customer_users"."email"))
);
--> statement-breakpoint
CREATE TABLE "staff_teams" (
	"staff_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	CONSTRAINT "staff_teams_staff_id_team_id_pk" PRIMARY KEY("staff_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"roles" text[] NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_users_language_check" CHECK ("staff_users"."language" in ('fr', 'en')),
	CONSTRAINT "staff_users_email_lower_check" CHECK ("staff_users"."email" = lower("staff_users"."email")),
	CONSTRAINT "staff_users_roles_check" CHECK ("staff_users"."roles" <@ array['agent', 'supervisor', 'finance', 'legal', 'mediator', 'admin']::text[] and cardinality("staff_users"."roles") > 0)
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_key" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "invitation_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"invited_by_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_reset_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_kind" text NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "password_reset_tokens_user_kind_check" CHECK ("password_reset_tokens"."user_kind" in ('customer', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_kind" text NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "sessions_user_kind_check" CHECK ("sessions"."user_kind" in ('customer', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"product_code" text,
	"description" text NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"unit" text DEFAULT 'u' NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"total_excl_tax_cents" bigint NOT NULL,
	"lot_number" text,
	CONSTRAINT "invoice_lines_quantity_check" CHECK ("invoice_lines"."quantity_milli" > 0),
	CONSTRAINT "invoice_lines_vat_check" CHECK ("invoice_lines"."vat_rate_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"number" text NOT NULL,
	"issue_date" date NOT NULL,
	"delivery_date" date,
	"due_date" date NOT NULL,
	"payment_term" jsonb NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"total_excl_tax_cents" bigint NOT NULL,
	"total_tax_cents" bigint NOT NULL,
	"total_incl_tax_cents" bigint NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"paid_status" text DEFAULT 'unpaid' NOT NULL,
	"order_number" text,
	"delivery_note_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_paid_status_check" CHECK ("invoices"."paid_status" in ('unpaid', 'partially_paid', 'paid')),
	CONSTRAINT "invoices_totals_check" CHECK ("invoices"."total_incl_tax_cents" = "invoices"."total_excl_tax_cents" + "invoices"."total_tax_cents")
);
--> statement-breakpoint
CREATE TABLE "admin_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"payload" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "case_events_visibility_check" CHECK ("case_events"."visibility" in ('public', 'internal'))
);
--> statement-breakpoint
CREATE TABLE "case_reference_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"account_id" uuid NOT NULL,
	"customer_contact_id" uuid NOT NULL,
	"kind" text DEFAULT 'claim' NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"priority" text NOT NULL,
	"channel" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"desired_outcome" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"team_id" uuid,
	"assignee_id" uuid,
	"impact_score" integer DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"disputed_amount_cents" bigint DEFAULT 0 NOT NULL,
	"credited_amount_cents" bigint DEFAULT 0 NOT NULL,
	"recovered_amount_cents" bigint DEFAULT 0 NOT NULL,
	"legal_costs_cents" bigint DEFAULT 0 NOT NULL,
	"sla_policy_id" uuid,
	"first_response_due_at" timestamp with time zone,
	"first_response_warn_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"resolution_warn_at" timestamp with time zone,
	"next_sla_at" timestamp with time zone,
	"first_responded_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"root_cause_code" text,
	"merged_into_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('received', 'qualified', 'investigating', 'awaiting_customer', 'negotiating', 'mediation', 'litigation', 'resolved', 'closed', 'withdrawn', 'rejected', 'duplicate')),
	CONSTRAINT "cases_kind_check" CHECK ("cases"."kind" in ('claim', 'dispute')),
	CONSTRAINT "cases_type_check" CHECK ("cases"."type" in ('quality', 'delivery', 'price_billing', 'compliance', 'other')),
	CONSTRAINT "cases_priority_check" CHECK ("cases"."priority" in ('P1', 'P2', 'P3', 'P4')),
	CONSTRAINT "cases_channel_check" CHECK ("cases"."channel" in ('portal', 'email', 'api', 'phone', 'csv')),
	CONSTRAINT "cases_reference_check" CHECK ("cases"."reference" ~ '^LIT-[0-9]{4}-[0-9]{6}$'),
	CONSTRAINT "cases_amounts_check" CHECK ("cases"."disputed_amount_cents" >= 0 and "cases"."credited_amount_cents" >= 0 and "cases"."recovered_amount_cents" >= 0 and "cases"."legal_costs_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"message_id" uuid,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"content_type" text NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by_kind" text NOT NULL,
	"uploaded_by_id" uuid,
	"visibility" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_visibility_check" CHECK ("evidence"."visibility" in ('public', 'internal')),
	CONSTRAINT "evidence_sha256_check" CHECK ("evidence"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_kind" text NOT NULL,
	"author_id" uuid,
	"visibility" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_visibility_check" CHECK ("messages"."visibility" in ('public', 'internal'))
);
--> statement-breakpoint
CREATE TABLE "email_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text[] NOT NULL,
	"from" text NOT NULL,
	"template" text NOT NULL,
	"language" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"props" jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"provider_id" text,
	"idempotency_key" text NOT NULL,
	"case_id" uuid,
	"queued_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "email_messages_state_check" CHECK ("email_messages"."state" in ('queued', 'sent', 'failed')),
	CONSTRAINT "email_messages_language_check" CHECK ("email_messages"."language" in ('fr', 'en'))
);
--> statement-breakpoint
ALTER TABLE "customer_users" ADD CONSTRAINT "customer_users_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_teams" ADD CONSTRAINT "staff_teams_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_teams" ADD CONSTRAINT "staff_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_tokens" ADD CONSTRAINT "invitation_tokens_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_customer_contact_id_customer_users_id_fk" FOREIGN KEY ("customer_contact_id") REFERENCES "public"."customer_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_accounts_erp_code_key" ON "customer_accounts" USING btree ("erp_code");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_accounts_siren_key" ON "customer_accounts" USING btree ("siren");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_users_email_key" ON "customer_users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "customer_users_account_idx" ON "customer_users" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "staff_teams_team_idx" ON "staff_teams" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_email_key" ON "staff_users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_code_key" ON "teams" USING btree ("code");--> statement-breakpoint
CREATE INDEX "api_keys_account_idx" ON "api_keys" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "invitation_tokens_account_idx" ON "invitation_tokens" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "password_reset_tokens_user_idx" ON "password_reset_tokens" USING btree ("user_kind","user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_kind","user_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_at_idx" ON "sign_in_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_at_idx" ON "sign_in_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_invoice_line_key" ON "invoice_lines" USING btree ("invoice_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_account_number_key" ON "invoices" USING btree ("account_id","number");--> statement-breakpoint
CREATE INDEX "invoices_account_issue_idx" ON "invoices" USING btree ("account_id","issue_date" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "admin_events_seq_key" ON "admin_events" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_case_seq_key" ON "case_events" USING btree ("case_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_reference_key" ON "cases" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "cases_account_received_idx" ON "cases" USING btree ("account_id","received_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "cases_contact_received_idx" ON "cases" USING btree ("customer_contact_id","received_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "cases_next_sla_idx" ON "cases" USING btree ("next_sla_at") WHERE "cases"."next_sla_at" is not null;--> statement-breakpoint
CREATE INDEX "evidence_case_idx" ON "evidence" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "evidence_sha256_idx" ON "evidence" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "messages_case_idx" ON "messages" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "email_messages_idempotency_key" ON "email_messages" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "email_messages_case_idx" ON "email_messages" USING btree ("case_id");