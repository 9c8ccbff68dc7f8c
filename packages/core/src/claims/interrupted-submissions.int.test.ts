import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { caseEvents, caseLines, cases, emailMessages } from "@accord/db";
import { insertCustomerAccount, insertInvoice, useTestDb } from "@accord/db/testing";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer, customerActor, parseRefusal } from "../testing/fixtures";
import type { AppError } from "../errors";
import { claimSchema, type ClaimFormInput } from "./schemas";
import { submitClaim } from "./submit-claim";

/**
 * Issue 16, what held: the app killed (kill -9) in the middle of 50 submissions leaves nothing
 * half-written and one acknowledgement per case. A child process files the claims; it is killed with
 * SIGKILL once some are answered.
 */
const t = useTestDb();

const SUBMISSIONS = 50;
const child = path.join(import.meta.dirname, "../testing/submit-claims-child.ts");

describe("submissions cut off by kill -9", () => {
  it("leaves every case whole, with exactly one acknowledgement each, and nothing of the cut-off ones; replaying every form files each claim once", { timeout: 300_000 }, async () => {
    const account = await insertCustomerAccount(t.db, {});
    const member = await createCustomer(t.db, { accountId: account.id, role: "member" });
    const invoice = await insertInvoice(t.db, {
      accountId: account.id,
      number: `FA-${account.id.slice(0, 6)}-1`,
      issueDate: "2026-11-10",
      deliveryDate: "2026-11-09",
      lines: [{ description: "Farine T65 — sac 25 kg", quantityMilli: 120_000, unitPriceCents: 1850, vatRateBp: 550 }],
    });

    const keyPrefix = randomBytes(4).toString("hex");
    const args = JSON.stringify({ url: t.url, memberId: member.id, lineId: invoice.lines[0]!.id, count: SUBMISSIONS, keyPrefix });
    const proc = spawn(process.execPath, ["--import", "tsx", child, args], { stdio: ["ignore", "pipe", "pipe"] });
    const answered: string[] = [];
    let output = "";
    proc.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => proc.once("exit", (code, signal) => resolve(signal ?? code)));
    await new Promise<void>((resolve, reject) => {
      let buffer = "";
      proc.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines) if (/^LIT-/.test(line)) answered.push(line);
        // Killed while submissions are in flight: some answered, most not yet.
        if (answered.length >= 5 && proc.exitCode === null) {
          proc.kill("SIGKILL");
          resolve();
        }
      });
      void exited.then(() => (answered.length >= 5 ? resolve() : reject(new Error(`the child ended before 5 answers: ${output}`))));
    });
    expect(await exited).toBe("SIGKILL");
    // PostgreSQL notices the dead client and rolls its open transactions back.
    await expect
      .poll(async () => (await t.sql`select count(*)::int as n from pg_stat_activity where application_name = 'accord-portal-child'`)[0]!.n, { timeout: 30_000 })
      .toBe(0);

    const rows = await t.db.select().from(cases).where(eq(cases.accountId, account.id));
    expect(rows.map((r) => r.reference)).toEqual(expect.arrayContaining(answered));
    expect(rows.length).toBeLessThan(SUBMISSIONS);
    expect(new Set(rows.map((r) => r.reference)).size).toBe(rows.length);

    // Each case is whole: its line, its first event, exactly one acknowledgement queued.
    const ids = rows.map((r) => r.id);
    const lines = await t.db.select({ caseId: caseLines.caseId }).from(caseLines).where(inArray(caseLines.caseId, ids));
    const events = await t.db.select({ caseId: caseEvents.caseId, type: caseEvents.type }).from(caseEvents).where(inArray(caseEvents.caseId, ids));
    const emails = await t.db.select({ caseId: emailMessages.caseId, template: emailMessages.template }).from(emailMessages).where(inArray(emailMessages.caseId, ids));
    for (const id of ids) {
      expect(lines.filter((l) => l.caseId === id)).toHaveLength(1);
      expect(events.filter((e) => e.caseId === id && e.type === "case_received")).toHaveLength(1);
      expect(emails.filter((e) => e.caseId === id && e.template === "claim-acknowledged")).toHaveLength(1);
    }
    // No acknowledgement, line or event of a case that does not exist (the cut-off transactions left nothing).
    const acknowledgements = await t.db.select({ caseId: emailMessages.caseId }).from(emailMessages).where(eq(emailMessages.template, "claim-acknowledged"));
    expect(acknowledgements.filter((a) => a.caseId === null || !ids.includes(a.caseId))).toEqual([]);
    const orphanLines = await t.sql`select count(*)::int as n from case_lines l left join cases c on c.id = l.case_id where c.id is null`;
    expect(orphanLines[0]!.n).toBe(0);

    // Every form is posted again, as a user would after a lost answer: each key files its claim once.
    // The answered ones find their case (same reference), the cut-off ones are filed now.
    const replay = spawnSync(process.execPath, ["--import", "tsx", child, args], { encoding: "utf8", timeout: 120_000 });
    expect(replay.status, replay.stderr).toBe(0);
    const replayed = replay.stdout.split("\n").filter((line) => /^LIT-/.test(line));
    expect(replayed).toHaveLength(SUBMISSIONS);
    expect(replayed).toEqual(expect.arrayContaining(answered));
    const all = await t.db.select({ id: cases.id, reference: cases.reference, key: cases.submissionKey }).from(cases).where(eq(cases.accountId, account.id));
    expect(all).toHaveLength(SUBMISSIONS);
    expect(new Set(all.map((r) => r.key)).size).toBe(SUBMISSIONS);
    expect(all.map((r) => r.reference).sort()).toEqual([...new Set(replayed)].sort());
    const acknowledged = await t.db.select({ caseId: emailMessages.caseId }).from(emailMessages).where(eq(emailMessages.template, "claim-acknowledged"));
    for (const { id } of all) expect(acknowledged.filter((a) => a.caseId === id)).toHaveLength(1);
  });

  it("the same form posted twice at once files one claim, and both answers name it; a forged key is refused", async () => {
    const account = await insertCustomerAccount(t.db, {});
    const member = await customerActor(t.db, (await createCustomer(t.db, { accountId: account.id, role: "member" })).id);
    const invoice = await insertInvoice(t.db, {
      accountId: account.id,
      number: `FA-${account.id.slice(0, 6)}-2`,
      issueDate: "2026-11-10",
      deliveryDate: "2026-11-09",
      lines: [{ description: "Farine T65 — sac 25 kg", quantityMilli: 120_000, unitPriceCents: 1850, vatRateBp: 550 }],
    });
    const input = {
      type: "quality",
      title: "Farine humide",
      description: "Sacs mouillés",
      desiredOutcome: "credit_note",
      quality: { product: "Farine T65" },
      lines: [{ invoiceLineId: invoice.lines[0]!.id, contestedQuantity: "1" }],
      submissionKey: "6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b",
    } as ClaimFormInput;
    const post = () => submitClaim({ db: t.db, actor: member, now: new Date("2026-11-23T09:00:00Z"), portalUrl: "http://portal.test", input });
    const [first, second] = await Promise.all([post(), post()]);
    expect(first.reference).toBe(second.reference);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect(await t.db.select({ id: cases.id }).from(cases).where(eq(cases.accountId, account.id))).toHaveLength(1);
    expect(await t.db.select().from(emailMessages).where(eq(emailMessages.caseId, first.caseId))).toHaveLength(1);

    expect((parseRefusal(claimSchema, { ...input, submissionKey: "pas-une-clé" }) as AppError).fieldErrors).toMatchObject({ submissionKey: ["claim.error.submission_invalid"] });
  });
});
