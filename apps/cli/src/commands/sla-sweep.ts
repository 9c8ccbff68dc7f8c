import { runSlaSweeps, type SlaSweepReport } from "@accord/core";
import { createDb } from "@accord/db";

/** The instant of `--at <ISO instant>`, now when absent; a clear error when it is not an instant. */
export function parseSweepArgs(args: readonly string[], now: () => Date = () => new Date()): { ok: true; at: Date } | { ok: false; error: string } {
  const index = args.indexOf("--at");
  const unknown = args.filter((arg, i) => arg !== "--at" && !(index >= 0 && i === index + 1));
  if (unknown.length > 0) return { ok: false, error: `Option inconnue / unknown option: ${unknown.join(" ")}` };
  if (index < 0) return { ok: true, at: now() };
  const value = args[index + 1];
  // An instant with its offset: a date alone or a local time would depend on the machine's time zone.
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value ?? "") ? new Date(value!) : null;
  if (!instant || Number.isNaN(instant.getTime())) {
    return {
      ok: false,
      error: `--at attend un instant ISO 8601 avec son fuseau, par ex. 2026-05-15T10:00:00+02:00 / --at expects an ISO 8601 instant with its offset, e.g. 2026-05-15T08:00:00Z (reçu / got: ${value ?? "rien / nothing"})`,
    };
  }
  return { ok: true, at: instant };
}

const LABELS: Record<keyof SlaSweepReport, string> = {
  first_response_warning: "alertes première réponse / first-response warnings",
  first_response_breach: "dépassements première réponse / first-response breaches",
  resolution_warning: "alertes résolution / resolution warnings",
  resolution_breach: "dépassements résolution / resolution breaches",
  inactivity: "relances d'inactivité / inactivity reminders",
  customer_reminder_1: "premières relances client / first customer reminders",
  customer_reminder_2: "secondes relances client / second customer reminders",
  customer_action: "dossiers clôturés comme abandonnés / cases closed as abandoned",
  proposals_expired: "propositions expirées / proposals expired",
  closed_resolved: "dossiers résolus clôturés / resolved cases closed",
  pre_due: "factures rappelées avant échéance / invoices reminded before due",
  failed: "échecs (réessayés au prochain passage) / failures (tried again at the next run)",
};

/** The report as printed: one line per kind, its count and the references (or invoice numbers). */
export function formatSweepReport(at: Date, report: SlaSweepReport): string {
  const lines = [`Balayage SLA à / SLA sweep at ${at.toISOString()}`];
  for (const [kind, label] of Object.entries(LABELS) as [keyof SlaSweepReport, string][]) {
    const list = report[kind];
    lines.push(`  ${label}: ${list.length}${list.length > 0 ? ` (${list.join(", ")})` : ""}`);
  }
  return lines.join("\n");
}

/** `sla:sweep [--at <ISO instant>]`: runs every SLA and escalation sweep once and prints what it did. */
export async function slaSweep(url: string, options: { at: Date; portalUrl: string; backofficeUrl: string; log: (line: string) => void }) {
  const { db, close } = createDb(url, { max: 2, applicationName: "accord-cli" });
  try {
    const report = await runSlaSweeps({ db, now: options.at, portalUrl: options.portalUrl, backofficeUrl: options.backofficeUrl });
    options.log(formatSweepReport(options.at, report));
    return report;
  } finally {
    await close();
  }
}
