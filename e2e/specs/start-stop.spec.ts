import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { freePorts } from "../support/ports";

/**
 * `npm start` as a user runs it: a persistent embedded database in its data directory, an app that
 * crashes is started again while the others keep serving, Ctrl-C stops everything and leaves no
 * process behind, and a second start keeps the data.
 */
const repoRoot = path.resolve(import.meta.dirname, "../..");

type Stack = { child: ChildProcess; output: () => string };

async function startStack(dataDir: string, ports: { portal: number; backoffice: number }): Promise<Stack> {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", "start"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: "",
      ACCORD_DATA_DIR: dataDir,
      MAILBOX_DIR: path.join(dataDir, "mailbox"),
      PORTAL_PORT: String(ports.portal),
      BACKOFFICE_PORT: String(ports.backoffice),
      PORTAL_URL: `http://localhost:${ports.portal}`,
      BACKOFFICE_URL: `http://localhost:${ports.backoffice}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  await expect.poll(() => output, { timeout: 120_000, intervals: [250] }).toMatch(/Accord est prêt/);
  return { child, output: () => output };
}

async function stopWithCtrlC(stack: Stack): Promise<void> {
  const exited = new Promise<void>((resolve) => stack.child.once("exit", () => resolve()));
  stack.child.kill("SIGINT");
  await exited;
}

/** The pid `npm start` gave for an app (the last one: it is started again after a crash). */
function pidOf(stack: Stack, name: string): number {
  const pids = [...stack.output().matchAll(new RegExp(`${name} : démarré / started \\(pid (\\d+)\\)`, "g"))].map((m) => Number(m[1]));
  if (pids.length === 0) throw new Error(`npm start did not say the pid of ${name}`);
  return pids.at(-1)!;
}

async function healthStatus(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/healthz`)).status;
  } catch {
    return 0;
  }
}

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
  const dataDir = mkdtempSync(path.join(tmpdir(), "accord-start-stop-"));
  // As root, PostgreSQL runs as the `postgres` user, which must reach the directory.
  chmodSync(dataDir, 0o755);
  const ports = freePorts();
  const portal = `http://localhost:${ports.portal}`;

  const first = await startStack(dataDir, ports);
  expect(first.output()).toContain(portal);
  expect(first.output()).toContain("admin@martin.example");
  expect(await signInStatus(request, portal, "compta@martin.example", "accord-demo")).toBe(302);

  // Change a password through the reset flow, as a user would.
  const before = Date.now();
  await request.post(`${portal}/forgot-password`, { headers: { Origin: portal }, form: { email: "compta@martin.example" } });
  const mailbox = path.join(dataDir, "mailbox");
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
  const crashed = pidOf(first, "portal");
  process.kill(crashed, "SIGKILL");
  await expect.poll(() => first.output(), { message: "npm start to say that the portal stopped and restarts", timeout: 30_000 }).toMatch(/portal s'est arrêté \/ stopped \(SIGKILL\) ; redémarrage/);
  expect(await healthStatus(backoffice)).toBe(200);
  await expect.poll(() => pidOf(first, "portal"), { message: "a new portal process", timeout: 60_000 }).not.toBe(crashed);
  await expect.poll(() => healthStatus(portal), { message: "the restarted portal to answer /healthz", timeout: 120_000 }).toBe(200);
  expect(await signInStatus(request, portal, "compta@martin.example", "mot-de-passe-persistant")).toBe(302);

  await stopWithCtrlC(first);
  expect(processesUsing(dataDir)).toEqual([]);
  await expect(fetch(`${portal}/healthz`)).rejects.toThrow();

  const second = await startStack(dataDir, ports);
  expect(await signInStatus(request, portal, "compta@martin.example", "mot-de-passe-persistant")).toBe(302);
  expect(await signInStatus(request, portal, "compta@martin.example", "accord-demo")).not.toBe(302);
  await stopWithCtrlC(second);
  expect(processesUsing(dataDir)).toEqual([]);
});
