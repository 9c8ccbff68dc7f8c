import type { CaseChannel } from "@accord/db";

/** The channels a case arrives by (its own module: the queue's and the dashboard's queries both read it). */
export const CASE_CHANNELS = ["portal", "email", "api", "phone", "csv"] as const satisfies readonly CaseChannel[];
