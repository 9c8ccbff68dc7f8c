/**
 * A stand-in for the portal process in interrupted-submissions.int.test.ts: files `count` claims
 * against the database at `url`, ten at a time, printing each reference as soon as it is answered.
 * The test kills it with SIGKILL halfway. Arguments: one JSON object { url, memberId, lineId, count }.
 */
import { createDb } from "@accord/db";
import { submitClaim } from "../claims/submit-claim";
import type { ClaimFormInput } from "../claims/schemas";
import { customerActor } from "./fixtures";

const { url, memberId, lineId, count } = JSON.parse(process.argv[2] ?? "{}") as { url: string; memberId: string; lineId: string; count: number };
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
    } as ClaimFormInput;
    const { reference } = await submitClaim({ db: handle.db, actor, now, portalUrl: "http://portal.test", input });
    process.stdout.write(`${reference}\n`);
  }
}
process.stdout.write("ready\n");
await Promise.all(Array.from({ length: 10 }, lane));
await handle.close();
