CREATE TABLE "sla_notices" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"case_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"handled_at" timestamp with time zone NOT NULL,
	"sent" boolean NOT NULL,
	CONSTRAINT "sla_notices_kind_check" CHECK ("sla_notices"."kind" in ('first_response_warning', 'first_response_breach', 'resolution_warning', 'resolution_breach', 'inactivity', 'customer_reminder_1', 'customer_reminder_2', 'customer_action', 'pre_due'))
);
--> statement-breakpoint
ALTER TABLE "sla_notices" ADD CONSTRAINT "sla_notices_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_notices_case_idx" ON "sla_notices" USING btree ("case_id") WHERE "sla_notices"."case_id" is not null;--> statement-breakpoint
CREATE INDEX "invoices_unpaid_due_idx" ON "invoices" USING btree ("due_date") WHERE "invoices"."paid_status" <> 'paid';--> statement-breakpoint
CREATE INDEX "cases_open_activity_idx" ON "cases" USING btree ("last_activity_at") WHERE status not in ('closed', 'withdrawn', 'rejected', 'duplicate');--> statement-breakpoint
CREATE INDEX "evidence_requests_open_idx" ON "evidence_requests" USING btree ("created_at") WHERE "evidence_requests"."status" = 'open';--> statement-breakpoint
CREATE INDEX "proposals_offered_at_idx" ON "proposals" USING btree ("offered_at") WHERE "proposals"."status" = 'offered';