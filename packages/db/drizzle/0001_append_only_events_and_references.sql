-- Events are append-only: the database itself refuses UPDATE and DELETE (and TRUNCATE) on them.
CREATE OR REPLACE FUNCTION accord_refuse_event_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'accord: % is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_events_append_only
  BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_event_change();
--> statement-breakpoint
CREATE TRIGGER case_events_no_truncate
  BEFORE TRUNCATE ON case_events
  FOR EACH STATEMENT EXECUTE FUNCTION accord_refuse_event_change();
--> statement-breakpoint
CREATE TRIGGER admin_events_append_only
  BEFORE UPDATE OR DELETE ON admin_events
  FOR EACH ROW EXECUTE FUNCTION accord_refuse_event_change();
--> statement-breakpoint
CREATE TRIGGER admin_events_no_truncate
  BEFORE TRUNCATE ON admin_events
  FOR EACH STATEMENT EXECUTE FUNCTION accord_refuse_event_change();
--> statement-breakpoint
-- Case references: LIT-YYYY-NNNNNN, one counter per year (the year is the caller's, in Europe/Paris).
CREATE OR REPLACE FUNCTION accord_next_case_reference(p_year integer) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  n integer;
BEGIN
  INSERT INTO case_reference_counters AS c (year, last) VALUES (p_year, 1)
  ON CONFLICT (year) DO UPDATE SET last = c.last + 1
  RETURNING c.last INTO n;
  IF n > 999999 THEN
    RAISE EXCEPTION 'accord: case reference counter exhausted for year %', p_year;
  END IF;
  RETURN 'LIT-' || p_year::text || '-' || lpad(n::text, 6, '0');
END;
$$;
