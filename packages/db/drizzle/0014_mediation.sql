CREATE TABLE "mediation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mediation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"participants" text NOT NULL,
	"notes" text NOT NULL,
	"visibility" text NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediation_sessions_visibility_check" CHECK ("mediation_sessions"."visibility" in ('internal', 'shared'))
);
--> statement-breakpoint
CREATE TABLE "mediations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mediator_user_id" uuid,
	"external_name" text,
	"external_organisation" text,
	"external_email" text,
	"external_reference" text,
	"started_at" timestamp with time zone NOT NULL,
	"started_by_id" uuid NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_id" uuid,
	"outcome" text,
	"next_step" text,
	"outcome_notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mediations_kind_check" CHECK ("mediations"."kind" in ('internal', 'external')),
	CONSTRAINT "mediations_outcome_check" CHECK ("mediations"."outcome" is null or "mediations"."outcome" in ('agreement', 'partial_agreement', 'failure')),
	CONSTRAINT "mediations_next_step_check" CHECK ("mediations"."next_step" is null or "mediations"."next_step" in ('investigation', 'litigation')),
	CONSTRAINT "mediations_mediator_check" CHECK (("mediations"."kind" = 'internal' and "mediations"."mediator_user_id" is not null) or ("mediations"."kind" = 'external' and "mediations"."mediator_user_id" is null and "mediations"."external_name" is not null and "mediations"."external_organisation" is not null and "mediations"."external_email" is not null)),
	CONSTRAINT "mediations_ended_check" CHECK (("mediations"."ended_at" is null) = ("mediations"."outcome" is null))
);
--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "mediation_id" uuid;--> statement-breakpoint
ALTER TABLE "mediation_sessions" ADD CONSTRAINT "mediation_sessions_mediation_id_mediations_id_fk" FOREIGN KEY ("mediation_id") REFERENCES "public"."mediations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_sessions" ADD CONSTRAINT "mediation_sessions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediation_sessions" ADD CONSTRAINT "mediation_sessions_recorded_by_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediations" ADD CONSTRAINT "mediations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediations" ADD CONSTRAINT "mediations_mediator_user_id_staff_users_id_fk" FOREIGN KEY ("mediator_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediations" ADD CONSTRAINT "mediations_started_by_id_staff_users_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mediations" ADD CONSTRAINT "mediations_ended_by_id_staff_users_id_fk" FOREIGN KEY ("ended_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mediation_sessions_mediation_idx" ON "mediation_sessions" USING btree ("mediation_id","held_on");--> statement-breakpoint
CREATE INDEX "mediations_case_idx" ON "mediations" USING btree ("case_id","started_at");--> statement-breakpoint
CREATE INDEX "mediations_mediator_idx" ON "mediations" USING btree ("mediator_user_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mediations_one_running_key" ON "mediations" USING btree ("case_id") WHERE "mediations"."ended_at" is null;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_mediation_id_mediations_id_fk" FOREIGN KEY ("mediation_id") REFERENCES "public"."mediations"("id") ON DELETE no action ON UPDATE no action;