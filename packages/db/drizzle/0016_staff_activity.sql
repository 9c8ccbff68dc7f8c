ALTER TABLE "cases" ADD COLUMN "last_staff_activity_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_open_staff_activity_idx" ON "cases" USING btree ("last_staff_activity_at") WHERE status not in ('closed', 'withdrawn', 'rejected', 'duplicate');--> statement-breakpoint
-- hand-written (staff activity): until now every action counted; the staff clock starts from the last one known.
UPDATE "cases" SET "last_staff_activity_at" = "last_activity_at";
