CREATE TABLE "legal_costs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"label" text NOT NULL,
	"incurred_on" date NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_costs_amount_check" CHECK ("legal_costs"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "legal_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"notes" text,
	"document_id" uuid,
	"shared_with_customer" boolean DEFAULT false NOT NULL,
	"ruling" text,
	"granted_cents" bigint,
	"owed_cents" bigint,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "legal_steps_kind_check" CHECK ("legal_steps"."kind" in ('formal_notice', 'injunction_to_pay', 'court_hearing', 'judgment')),
	CONSTRAINT "legal_steps_judgment_check" CHECK (("legal_steps"."kind" = 'judgment') = ("legal_steps"."ruling" is not null) and ("legal_steps"."ruling" is null or ("legal_steps"."ruling" in ('supplier', 'customer', 'partly') and "legal_steps"."granted_cents" >= 0 and "legal_steps"."owed_cents" >= 0)))
);
--> statement-breakpoint
CREATE TABLE "litigations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"amount_at_stake_cents" bigint NOT NULL,
	"handed_over_by_id" uuid NOT NULL,
	"handed_over_at" timestamp with time zone NOT NULL,
	"ending" text,
	"settlement_amount_cents" bigint,
	"settlement_terms" text,
	"ended_by_id" uuid,
	"ended_at" timestamp with time zone,
	CONSTRAINT "litigations_amount_check" CHECK ("litigations"."amount_at_stake_cents" > 0 and ("litigations"."settlement_amount_cents" is null or "litigations"."settlement_amount_cents" >= 0)),
	CONSTRAINT "litigations_ending_check" CHECK ("litigations"."ending" is null or "litigations"."ending" in ('judged', 'settled_out_of_court'))
);
--> statement-breakpoint
ALTER TABLE "legal_costs" ADD CONSTRAINT "legal_costs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_costs" ADD CONSTRAINT "legal_costs_recorded_by_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_steps" ADD CONSTRAINT "legal_steps_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_steps" ADD CONSTRAINT "legal_steps_document_id_evidence_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."evidence"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_steps" ADD CONSTRAINT "legal_steps_recorded_by_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigations" ADD CONSTRAINT "litigations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigations" ADD CONSTRAINT "litigations_handed_over_by_id_staff_users_id_fk" FOREIGN KEY ("handed_over_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "litigations" ADD CONSTRAINT "litigations_ended_by_id_staff_users_id_fk" FOREIGN KEY ("ended_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_costs_case_idx" ON "legal_costs" USING btree ("case_id","incurred_on");--> statement-breakpoint
CREATE INDEX "legal_steps_case_idx" ON "legal_steps" USING btree ("case_id","occurred_on");--> statement-breakpoint
CREATE INDEX "litigations_case_idx" ON "litigations" USING btree ("case_id","handed_over_at");