-- Reference data every installation starts with (not demo data): the default French business
-- calendar, default SLA targets per priority, and a starting root-cause taxonomy. Administrators
-- change them in the back-office; this migration only inserts what is missing.
INSERT INTO business_calendars (code, name, definition, is_default)
VALUES (
  'fr-default',
  'France — lundi au vendredi, 9 h–12 h 30 et 13 h 30–18 h',
  '{"timeZone":"Europe/Paris","weekly":{"mon":["09:00-12:30","13:30-18:00"],"tue":["09:00-12:30","13:30-18:00"],"wed":["09:00-12:30","13:30-18:00"],"thu":["09:00-12:30","13:30-18:00"],"fri":["09:00-12:30","13:30-18:00"],"sat":[],"sun":[]},"holidays":"FR","closures":[]}'::jsonb,
  true
)
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
-- One working day of the default calendar is 480 business minutes.
INSERT INTO sla_policies (name, priority, type, tier, first_response_minutes, resolution_minutes, calendar_id)
SELECT p.name, p.priority, NULL, NULL, p.first_response, p.resolution, c.id
FROM (VALUES
  ('P1 — critique', 'P1', 240, 1440),
  ('P2 — haute', 'P2', 480, 2400),
  ('P3 — normale', 'P3', 480, 4800),
  ('P4 — basse', 'P4', 960, 9600)
) AS p(name, priority, first_response, resolution)
CROSS JOIN business_calendars c
WHERE c.code = 'fr-default'
  AND NOT EXISTS (SELECT 1 FROM sla_policies s WHERE s.priority = p.priority AND s.type IS NULL AND s.tier IS NULL);
--> statement-breakpoint
INSERT INTO root_causes (code, label_fr, label_en, category, position) VALUES
  ('product_defect', 'Défaut de fabrication', 'Manufacturing defect', 'quality', 10),
  ('raw_material', 'Matière première non conforme', 'Non-compliant raw material', 'quality', 20),
  ('packaging', 'Emballage insuffisant', 'Inadequate packaging', 'logistics', 30),
  ('transport_damage', 'Avarie de transport', 'Transport damage', 'logistics', 40),
  ('late_delivery', 'Retard de livraison', 'Late delivery', 'logistics', 50),
  ('picking_error', 'Erreur de préparation', 'Picking error', 'logistics', 60),
  ('pricing_error', 'Erreur de prix ou de tarif', 'Pricing error', 'billing', 70),
  ('billing_error', 'Erreur de facturation', 'Billing error', 'billing', 80),
  ('contract_interpretation', 'Interprétation du contrat', 'Contract interpretation', 'contract', 90),
  ('customer_error', 'Erreur du client', 'Customer error', 'customer', 100),
  ('unfounded', 'Réclamation non fondée', 'Unfounded claim', 'customer', 110)
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
INSERT INTO settings (key, value) VALUES
  ('approval_thresholds', '{"default":{"supervisorAboveCents":500000,"financeAboveCents":2000000}}'::jsonb),
  ('escalation', '{"warningShare":0.8,"inactivityBusinessDays":3,"customerReminderBusinessDays":5,"autoCloseBusinessDays":null}'::jsonb)
ON CONFLICT (key) DO NOTHING;
