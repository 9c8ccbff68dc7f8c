CREATE TABLE "case_decisions" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"proposal_id" uuid,
	"outcome" text NOT NULL,
	"granted_cents" bigint DEFAULT 0 NOT NULL,
	"penalties_cents" bigint DEFAULT 0 NOT NULL,
	"public_rationale" text,
	"internal_rationale" text,
	"credit_note_number" text,
	"credit_note_issued_on" date,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_decisions_outcome_check" CHECK ("case_decisions"."outcome" in ('settled_amicably', 'upheld', 'partially_upheld', 'rejected', 'withdrawn', 'judged')),
	CONSTRAINT "case_decisions_amounts_check" CHECK ("case_decisions"."granted_cents" >= 0 and "case_decisions"."penalties_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "case_surveys" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"customer_user_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_surveys_score_check" CHECK ("case_surveys"."score" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "invoice_settlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"disputed_cents" bigint NOT NULL,
	"credited_cents" bigint NOT NULL,
	"undisputed_cents" bigint NOT NULL,
	"undisputed_due_date" date NOT NULL,
	"remainder_cents" bigint NOT NULL,
	"remainder_due_date" date NOT NULL,
	"resolved_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoice_settlements_amounts_check" CHECK ("invoice_settlements"."disputed_cents" >= 0 and "invoice_settlements"."credited_cents" >= 0 and "invoice_settlements"."credited_cents" <= "invoice_settlements"."disputed_cents" and "invoice_settlements"."undisputed_cents" >= 0 and "invoice_settlements"."remainder_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "proposal_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"customer_user_id" uuid NOT NULL,
	"signer_name" text NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"text_sha256" text NOT NULL,
	"agreement_sha256" text,
	"accepted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proposal_acceptances_sha_check" CHECK ("proposal_acceptances"."text_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "proposal_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"level" text NOT NULL,
	"approver_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"comment" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proposal_approvals_level_check" CHECK ("proposal_approvals"."level" in ('supervisor', 'finance')),
	CONSTRAINT "proposal_approvals_decision_check" CHECK ("proposal_approvals"."decision" in ('approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"origin" text DEFAULT 'staff' NOT NULL,
	"amount_cents" bigint NOT NULL,
	"vat_cents" bigint DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"terms" text DEFAULT '' NOT NULL,
	"concessions" jsonb,
	"suggestion" jsonb,
	"expires_on" date,
	"author_staff_id" uuid,
	"author_customer_id" uuid,
	"counter_of_id" uuid,
	"offered_at" timestamp with time zone,
	"offered_language" text,
	"offered_text" text,
	"offered_text_sha256" text,
	"responded_at" timestamp with time zone,
	"responded_by_id" uuid,
	"response_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_kind_check" CHECK ("proposals"."kind" in ('credit_note', 'replacement', 'refund', 'commercial_gesture', 'price_adjustment', 'contract_amendment', 'settlement')),
	CONSTRAINT "proposals_status_check" CHECK ("proposals"."status" in ('draft', 'pending_approval', 'refused', 'offered', 'accepted', 'declined', 'countered', 'expired', 'superseded', 'withdrawn')),
	CONSTRAINT "proposals_origin_check" CHECK ("proposals"."origin" in ('staff', 'customer')),
	CONSTRAINT "proposals_amount_check" CHECK ("proposals"."amount_cents" >= 0 and "proposals"."vat_cents" >= 0),
	CONSTRAINT "proposals_author_check" CHECK (("proposals"."author_staff_id" is not null) <> ("proposals"."author_customer_id" is not null)),
	CONSTRAINT "proposals_offered_text_check" CHECK ("proposals"."offered_text_sha256" is null or "proposals"."offered_text_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_decisions" ADD CONSTRAINT "case_decisions_decided_by_id_staff_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_surveys" ADD CONSTRAINT "case_surveys_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_surveys" ADD CONSTRAINT "case_surveys_customer_user_id_customer_users_id_fk" FOREIGN KEY ("customer_user_id") REFERENCES "public"."customer_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_settlements" ADD CONSTRAINT "invoice_settlements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_settlements" ADD CONSTRAINT "invoice_settlements_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_acceptances" ADD CONSTRAINT "proposal_acceptances_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_acceptances" ADD CONSTRAINT "proposal_acceptances_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_acceptances" ADD CONSTRAINT "proposal_acceptances_customer_user_id_customer_users_id_fk" FOREIGN KEY ("customer_user_id") REFERENCES "public"."customer_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_acceptances" ADD CONSTRAINT "proposal_acceptances_agreement_sha256_stored_files_sha256_fk" FOREIGN KEY ("agreement_sha256") REFERENCES "public"."stored_files"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_approvals" ADD CONSTRAINT "proposal_approvals_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_approvals" ADD CONSTRAINT "proposal_approvals_approver_id_staff_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_author_staff_id_staff_users_id_fk" FOREIGN KEY ("author_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_author_customer_id_customer_users_id_fk" FOREIGN KEY ("author_customer_id") REFERENCES "public"."customer_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_counter_of_id_proposals_id_fk" FOREIGN KEY ("counter_of_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_responded_by_id_customer_users_id_fk" FOREIGN KEY ("responded_by_id") REFERENCES "public"."customer_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_decisions_credit_note_key" ON "case_decisions" USING btree ("credit_note_number") WHERE "case_decisions"."credit_note_number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_settlements_case_invoice_key" ON "invoice_settlements" USING btree ("case_id","invoice_id");--> statement-breakpoint
CREATE INDEX "invoice_settlements_invoice_idx" ON "invoice_settlements" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_acceptances_proposal_key" ON "proposal_acceptances" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_acceptances_case_key" ON "proposal_acceptances" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_approvals_level_key" ON "proposal_approvals" USING btree ("proposal_id","level");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_case_number_key" ON "proposals" USING btree ("case_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_one_offered_key" ON "proposals" USING btree ("case_id") WHERE "proposals"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "proposals_pending_idx" ON "proposals" USING btree ("status","created_at") WHERE "proposals"."status" = 'pending_approval';--> statement-breakpoint
CREATE INDEX "proposals_expiry_idx" ON "proposals" USING btree ("expires_on") WHERE "proposals"."status" = 'offered';