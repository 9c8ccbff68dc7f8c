import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CustomerActor, StaffActor } from "@accord/auth";
import { mailboxTransport } from "@accord/email";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMailbox } from "./list-mailbox";

const staff = (roles: StaffActor["roles"], permissions: StaffActor["permissions"]): StaffActor => ({
  kind: "staff",
  userId: "s",
  email: "s@accord.example",
  name: "S",
  roles,
  teamIds: [],
  language: "fr",
  permissions,
});
const customer: CustomerActor = {
  kind: "customer",
  userId: "c",
  accountId: "a",
  email: "c@martin.example",
  name: "C",
  role: "admin",
  language: "fr",
  permissions: ["case:create"],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "accord-list-mailbox-"));
  const mailbox = mailboxTransport(dir);
  const email = { to: ["a@martin.example"], from: "Accord <no-reply@accord.example>", html: "<p>x</p>", text: "x", idempotencyKey: "k" };
  await mailbox.send({ ...email, id: "1", subject: "older" }, new Date("2026-03-01T09:00:00Z"));
  await mailbox.send({ ...email, id: "2", subject: "newer" }, new Date("2026-03-02T09:00:00Z"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("listMailbox", () => {
  it("shows staff admins the e-mails, newest first", async () => {
    const { emails } = await listMailbox({ actor: staff(["admin"], ["mailbox:read"]), dir });
    expect(emails.map((e) => e.subject)).toEqual(["newer", "older"]);
  });

  it("is refused to other staff and to customers", async () => {
    await expect(listMailbox({ actor: staff(["agent", "supervisor"], ["case:read", "case:assign"]), dir })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listMailbox({ actor: customer, dir })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listMailbox({ actor: null, dir })).rejects.toMatchObject({ code: "forbidden" });
  });
});
