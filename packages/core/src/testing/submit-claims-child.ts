/**
 * A stand-in for the portal process in interrupted-submissions.int.test.ts: files `count` claims
 * against the database at `url`, ten at a time, printing each reference as soon as it is answered.
 * The test kills it with SIGKILL halfway, then runs it again to replay every submission: each claim
 * carries the one-time key of its form (`keyPrefix` + its number), as the portal's form does.
 * Arguments: one JSON object { url, memberId, lineId, count, keyPrefix }.
 */
import { createDb } from "@accord/db";
import { submitClaim } from "../claims/submit-claim";
import type { ClaimFormInput } from "../claims/schemas";
import { customerActor } from "./fixtures";

const { url, memberId, lineId, count, keyPrefix } = JSON.parse(process.argv[2] ?? "{}") as { url: string; memberId: string; lineId: string; count: number; keyPrefix: string };
const handle = createDb(url, { applicationName: "accord-portal-child", max: 10 });
const actor = await customerActor(handle.db, memberId);
const now = new Date("2026-11-23T09:00:00Z");
let next = 0;
async function lane() {
  while (next < count) {
    const n = next++;
    const input = {
      type: "quality",
      title: `Farine humide ${n}`,
      description: "Sacs mouillés",
      desiredOutcome: "credit_note",
      quality: { product: "Farine T65" },
      lines: [{ invoiceLineId: lineId, contestedQuantity: "1" }],
      submissionKey: submissionKeyOf(keyPrefix, n),
    } as ClaimFormInput;
    const { reference } = await submitClaim({ db: handle.db, actor, now, portalUrl: "http://portal.test", input });
    process.stdout.write(`${reference}\n`);
  }
}
/** The n-th form's one-time key: a UUID (version 4 layout) under the run's 8-hex-digit prefix. */
function submissionKeyOf(prefix: string, n: number): string {
  return `${prefix}-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

process.stdout.write("ready\n");
await Promise.all(Array.from({ length: 10 }, lane));
await handle.close();
