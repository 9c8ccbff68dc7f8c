import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { queueEmail } from "@accord/core";
import { createDb, emailMessages } from "@accord/db";
import { expect, test } from "@playwright/test";
import { inArray } from "drizzle-orm";
import { startAccord } from "../support/stack";

const BATCH = 300;

/** The e-mails of this batch in the dev mailbox: one file per delivered e-mail (named after the outbox id). */
function delivered(mailbox: string): { id: string; to: string[] }[] {
  return readdirSync(mailbox)
    .filter((name) => name.endsWith(".json"))
    .map((name) => ({ file: name, mail: JSON.parse(readFileSync(path.join(mailbox, name), "utf8")) as { to: string[] } }))
    .filter(({ mail }) => mail.to.some((to) => to.startsWith("chaos-")))
    .map(({ file, mail }) => ({ id: file, to: mail.to }));
}

/**
 * `kill -9` of the worker while it delivers a batch of e-mails: `npm start` starts it again, the jobs
 * the dead worker had locked are released (not 4 hours later), and every e-mail is delivered exactly once.
 */
test("kill -9 of the worker in the middle of a batch: after its restart nothing is lost and nothing is sent twice", async () => {
  test.setTimeout(900_000);
  const accord = await startAccord();
  const handle = createDb(readFileSync(path.join(accord.dataDir, "database-url"), "utf8").trim(), { max: 2 });
  try {
    const ids: string[] = [];
    await handle.db.transaction(async (tx) => {
      for (let i = 0; i < BATCH; i++) {
        const { id } = await queueEmail(tx, {
          to: `chaos-${i}@fixture.example`,
          template: "password-reset",
          language: "fr",
          props: { name: `Client ${i}`, resetUrl: `${accord.portal}/reset-password?token=chaos${i}` },
          idempotencyKey: `chaos:${i}`,
        });
        ids.push(id);
      }
    });

    await expect.poll(() => delivered(accord.mailbox).length, { message: "the worker to start delivering the batch", timeout: 180_000, intervals: [20] }).toBeGreaterThan(0);
    const killed = accord.pidOf("worker");
    process.kill(killed, "SIGKILL");
    const atKill = delivered(accord.mailbox).length;
    // Otherwise this test proves nothing: the batch must still be under way when the worker dies.
    expect(atKill).toBeLessThan(BATCH);

    await expect.poll(() => accord.pidOf("worker"), { message: "npm start to start the worker again", timeout: 180_000 }).not.toBe(killed);
    await expect
      .poll(async () => (await handle.db.select({ state: emailMessages.state }).from(emailMessages).where(inArray(emailMessages.id, ids))).filter((row) => row.state === "sent").length, {
        message: `all ${BATCH} e-mails of the batch marked sent`,
        timeout: 300_000,
        intervals: [1_000],
      })
      .toBe(BATCH);

    const mails = delivered(accord.mailbox);
    expect(mails).toHaveLength(BATCH);
    expect(new Set(mails.map((mail) => mail.to[0])).size).toBe(BATCH);
    const released = /released the jobs of \d+ worker\(s\) that are gone/.test(accord.output());
    console.log(`worker crash: ${BATCH} e-mails, 1 kill -9 after ${atKill} delivered, ${BATCH - mails.length} lost, ${mails.length - new Set(mails.map((m) => m.to[0])).size} duplicated, stranded jobs released: ${released ? "yes" : "none were locked"}`);
  } finally {
    await handle.close();
    await accord.stop();
  }
});
