import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { freePorts } from "../support/ports";
import { newDataDir, startAccord, statusOf } from "../support/stack";

/**
 * `npm start` as a user runs it: a persistent embedded database in its data directory, an app that
 * crashes is started again while the others keep serving, Ctrl-C stops everything and leaves no
 * process behind, and a second start keeps the data.
 */

function processesUsing(dataDir: string): string[] {
  // Every process whose command line names the data directory (the embedded postgres does).
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      } catch {
        return "";
      }
    })
    .filter((cmd) => cmd.includes(dataDir));
}

async function signInStatus(request: APIRequestContext, portal: string, email: string, password: string) {
  const response = await request.post(`${portal}/login`, {
    headers: { Origin: portal },
    form: { email, password },
    maxRedirects: 0,
  });
  return response.status();
}

test("a crashed app is started again, Ctrl-C stops everything, and a second start keeps the data", async ({ request }) => {
  test.setTimeout(240_000);
  const dataDir = newDataDir();
  const ports = freePorts();
  const portal = `http://localhost:${ports.portal}`;

  const first = await startAccord({ dataDir, ports });
  expect(first.output()).toContain(portal);
  expect(first.output()).toContain("admin@martin.example");
  expect(await signInStatus(request, portal, "compta@martin.example", "accord-demo")).toBe(302);

  // Change a password through the reset flow, as a user would.
  const before = Date.now();
  await request.post(`${portal}/forgot-password`, { headers: { Origin: portal }, form: { email: "compta@martin.example" } });
  const mailbox = first.mailbox;
  // The seed's acknowledgements reach the mailbox too: wait for the reset e-mail itself.
  const resetMail = () =>
    readdirSync(mailbox, { withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith(".json"))
      .map((f) => JSON.parse(readFileSync(path.join(mailbox, f.name), "utf8")) as { to: string[]; text: string; sentAt: string })
      .find((m) => m.to.includes("compta@martin.example") && Date.parse(m.sentAt) >= before - 1000);
  await expect.poll(() => resetMail() !== undefined, { message: "the reset e-mail in the dev mailbox", timeout: 60_000 }).toBe(true);
  const mail = resetMail()!;
  const token = new URL(mail.text.match(/http\S+reset-password\S+/)![0]).searchParams.get("token")!;
  const reset = await request.post(`${portal}/reset-password?token=${token}`, {
    headers: { Origin: portal },
    form: { token, password: "mot-de-passe-persistant", confirm: "mot-de-passe-persistant" },
    maxRedirects: 0,
  });
  expect(reset.status()).toBe(302);

  // A crash of the portal no longer stops the back-office: the portal is started again.
  const backoffice = `http://localhost:${ports.backoffice}`;
  const crashed = first.pidOf("portal");
  process.kill(crashed, "SIGKILL");
  await expect.poll(() => first.output(), { message: "npm start to say that the portal stopped and restarts", timeout: 30_000 }).toMatch(/portal s'est arrêté \/ stopped \(SIGKILL\) ; redémarrage/);
  expect(await statusOf(`${backoffice}/healthz`)).toBe(200);
  await expect.poll(() => first.pidOf("portal"), { message: "a new portal process", timeout: 60_000 }).not.toBe(crashed);
  await expect.poll(() => statusOf(`${portal}/healthz`), { message: "the restarted portal to answer /healthz", timeout: 120_000 }).toBe(200);
  expect(await signInStatus(request, portal, "compta@martin.example", "mot-de-passe-persistant")).toBe(302);

  await first.stop({ keepData: true });
  expect(processesUsing(dataDir)).toEqual([]);
  await expect(fetch(`${portal}/healthz`)).rejects.toThrow();

  const second = await startAccord({ dataDir, ports });
  expect(await signInStatus(request, portal, "compta@martin.example", "mot-de-passe-persistant")).toBe(302);
  expect(await signInStatus(request, portal, "compta@martin.example", "accord-demo")).not.toBe(302);
  await second.stop({ keepData: true });
  expect(processesUsing(dataDir)).toEqual([]);
  rmSync(dataDir, { recursive: true, force: true });
});
