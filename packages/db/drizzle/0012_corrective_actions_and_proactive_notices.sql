CREATE TABLE "corrective_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"root_cause_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"owner_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_id" uuid,
	"waived_reason" text,
	"waived_at" timestamp with time zone,
	"waived_by_id" uuid,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "corrective_actions_status_check" CHECK ("corrective_actions"."status" in ('open', 'done', 'waived')),
	CONSTRAINT "corrective_actions_done_check" CHECK (("corrective_actions"."status" = 'done') = ("corrective_actions"."done_at" is not null)),
	CONSTRAINT "corrective_actions_waived_check" CHECK (("corrective_actions"."status" = 'waived') = ("corrective_actions"."waived_reason" is not null and "corrective_actions"."waived_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "proactive_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"lot_number" text NOT NULL,
	"template" text NOT NULL,
	"message" text NOT NULL,
	"email_message_ids" uuid[] NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sent_by_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_root_cause_code_root_causes_code_fk" FOREIGN KEY ("root_cause_code") REFERENCES "public"."root_causes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_owner_id_staff_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_done_by_id_staff_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_waived_by_id_staff_users_id_fk" FOREIGN KEY ("waived_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrective_actions" ADD CONSTRAINT "corrective_actions_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proactive_notices" ADD CONSTRAINT "proactive_notices_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proactive_notices" ADD CONSTRAINT "proactive_notices_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proactive_notices" ADD CONSTRAINT "proactive_notices_sent_by_id_staff_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "corrective_actions_case_idx" ON "corrective_actions" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "corrective_actions_open_owner_due_idx" ON "corrective_actions" USING btree ("owner_id","due_date") WHERE "corrective_actions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "corrective_actions_open_due_idx" ON "corrective_actions" USING btree ("due_date","id") WHERE "corrective_actions"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "proactive_notices_case_account_lot_key" ON "proactive_notices" USING btree ("case_id","account_id","lot_number");--> statement-breakpoint
CREATE INDEX "proactive_notices_account_idx" ON "proactive_notices" USING btree ("account_id");--> statement-breakpoint
-- hand-written (corrective)
-- The lot search of a proactive notice compares normalized lot numbers (trimmed, no spaces, upper case).
CREATE INDEX "invoice_lines_lot_normalized_idx" ON "invoice_lines" USING btree (upper(regexp_replace("lot_number", '\s', '', 'g'))) WHERE "lot_number" IS NOT NULL;
--> statement-breakpoint
-- A corrective action's effectiveness counts the cases of its root cause around the day it was done.
CREATE INDEX "cases_root_cause_received_idx" ON "cases" USING btree ("root_cause_code", "received_at") WHERE "root_cause_code" IS NOT NULL;

