import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { freePorts } from "../support/ports";

/**
 * `npm start` as a user runs it: a persistent embedded database in its data directory, Ctrl-C stops
 * everything within a few seconds and leaves no process behind, and a second start keeps the data.
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

async function stopWithCtrlC(stack: Stack): Promise<number> {
  const started = Date.now();
  const exited = new Promise<void>((resolve) => stack.child.once("exit", () => resolve()));
  stack.child.kill("SIGINT");
  await exited;
  return Date.now() - started;
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

test("Ctrl-C stops everything, and a second start keeps the data", async ({ request }) => {
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
  await expect.poll(() => resetMail() !== undefined, { message: "the reset e-mail in the mailbox of the restarted apps", timeout: 60_000 }).toBe(true);
  const mail = resetMail()!;
  const token = new URL(mail.text.match(/http\S+reset-password\S+/)![0]).searchParams.get("token")!;
  const reset = await request.post(`${portal}/reset-password?token=${token}`, {
    headers: { Origin: portal },
    form: { token, password: "mot-de-passe-persistant", confirm: "mot-de-passe-persistant" },
    maxRedirects: 0,
  });
  expect(reset.status()).toBe(302);

  const stopMs = await stopWithCtrlC(first);
  expect(stopMs).toBeLessThan(10_000);
  expect(processesUsing(dataDir)).toEqual([]);
  await expect(fetch(`${portal}/healthz`)).rejects.toThrow();

  const second = await startStack(dataDir, ports);
  expect(await signInStatus(request, portal, "compta@martin.example", "mot-de-passe-persistant")).toBe(302);
  expect(await signInStatus(request, portal, "compta@martin.example", "accord-demo")).not.toBe(302);
  await stopWithCtrlC(second);
  expect(processesUsing(dataDir)).toEqual([]);
});
