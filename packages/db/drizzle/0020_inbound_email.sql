CREATE TABLE "inbound_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"from_address" text NOT NULL,
	"from_name" text DEFAULT '' NOT NULL,
	"to_addresses" text[] DEFAULT '{}'::text[] NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"message_id" text,
	"text" text DEFAULT '' NOT NULL,
	"trimmed_text" text DEFAULT '' NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"case_id" uuid,
	"account_id" uuid,
	"customer_user_id" uuid,
	"handled_at" timestamp with time zone,
	"handled_by_id" uuid,
	"reject_reason" text,
	"size_bytes" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_emails_outcome_check" CHECK ("inbound_emails"."outcome" in ('claim_opened', 'reply_appended', 'quarantined', 'ignored_auto_reply')),
	CONSTRAINT "inbound_emails_status_check" CHECK ("inbound_emails"."status" in ('handled', 'ignored', 'quarantined', 'attached', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reply_token" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_customer_user_id_customer_users_id_fk" FOREIGN KEY ("customer_user_id") REFERENCES "public"."customer_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_handled_by_id_staff_users_id_fk" FOREIGN KEY ("handled_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_emails_sender_message_key" ON "inbound_emails" USING btree ("from_address","message_id") WHERE "inbound_emails"."message_id" is not null;--> statement-breakpoint
CREATE INDEX "inbound_emails_quarantine_idx" ON "inbound_emails" USING btree ("received_at","id") WHERE "inbound_emails"."status" = 'quarantined';--> statement-breakpoint
CREATE UNIQUE INDEX "cases_reply_token_key" ON "cases" USING btree ("reply_token");--> statement-breakpoint
CREATE UNIQUE INDEX "email_messages_message_id_key" ON "email_messages" USING btree ("message_id") WHERE "email_messages"."message_id" is not null;