ALTER TABLE "cases" ADD COLUMN "resolution_business_minutes" integer;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "cases_received_idx" ON "cases" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "cases_ended_idx" ON "cases" USING btree ("ended_at") WHERE "cases"."ended_at" is not null;--> statement-breakpoint
-- hand-written: ended_at follows the status (ADR 0040). Every use case writes updated_at = its `now`
-- with the new status, so the end instant is the use case's clock, not the database's.
CREATE OR REPLACE FUNCTION accord_case_ended_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IN ('resolved', 'closed', 'withdrawn', 'rejected', 'duplicate') THEN
    IF TG_OP = 'UPDATE' AND OLD.status IN ('resolved', 'closed', 'withdrawn', 'rejected', 'duplicate') AND OLD.ended_at IS NOT NULL THEN
      NEW.ended_at := OLD.ended_at;
    ELSE
      NEW.ended_at := coalesce(NEW.ended_at, NEW.updated_at);
    END IF;
  ELSE
    NEW.ended_at := NULL;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER cases_ended_at BEFORE INSERT OR UPDATE OF status, ended_at ON cases FOR EACH ROW EXECUTE FUNCTION accord_case_ended_at();--> statement-breakpoint
UPDATE cases SET ended_at = coalesce(resolved_at, closed_at, updated_at) WHERE status IN ('resolved', 'closed', 'withdrawn', 'rejected', 'duplicate');
