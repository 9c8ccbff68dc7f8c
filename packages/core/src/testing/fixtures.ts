/**
 * Fixture rows for integration tests: users with a known password, on top of the
 * db package's factories. Tests only.
 */
import type { z } from "zod";
import { parseInput } from "../errors";
import { hashPassword, loadCustomerActor, loadStaffActor, type CustomerActor, type StaffActor } from "@accord/auth";
import type { CustomerRole, DbOrTx, Language, StaffRole } from "@accord/db";
import { insertCustomerAccount, insertCustomerUser, insertStaffUser } from "@accord/db/testing";
import type { Sql } from "@accord/db";

export const FIXTURE_PASSWORD = "correct horse battery staple";
let fixtureHash: Promise<string> | undefined;
/** Hashed once per test file: argon2 is deliberately slow. */
export const fixturePasswordHash = () => (fixtureHash ??= hashPassword(FIXTURE_PASSWORD));

let counter = 0;
const uniqueEmail = (prefix: string) => `${prefix}-${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}@fixture.example`;

export async function createCustomer(
  db: DbOrTx,
  options: { accountId?: string; role?: CustomerRole; active?: boolean; language?: Language; name?: string } = {},
) {
  const accountId = options.accountId ?? (await insertCustomerAccount(db)).id;
  const user = await insertCustomerUser(db, {
    accountId,
    email: uniqueEmail("customer"),
    role: options.role ?? "admin",
    active: options.active ?? true,
    language: options.language ?? "fr",
    name: options.name ?? "Claire Dupont",
    passwordHash: await fixturePasswordHash(),
  });
  return user;
}

export async function createStaff(
  db: DbOrTx,
  options: { roles?: StaffRole[]; active?: boolean; language?: Language; name?: string } = {},
) {
  return insertStaffUser(db, {
    email: uniqueEmail("staff"),
    roles: options.roles ?? ["agent"],
    active: options.active ?? true,
    language: options.language ?? "fr",
    name: options.name ?? "Alex Martin",
    passwordHash: await fixturePasswordHash(),
  });
}

export async function customerActor(db: DbOrTx, userId: string): Promise<CustomerActor> {
  const actor = await loadCustomerActor(db, userId);
  if (!actor) throw new Error(`no active customer ${userId}`);
  return actor;
}

export async function staffActor(db: DbOrTx, userId: string): Promise<StaffActor> {
  const actor = await loadStaffActor(db, userId);
  if (!actor) throw new Error(`no active staff ${userId}`);
  return actor;
}

/** graphile-worker jobs with their payloads (the public `jobs` view has no payload). */
export async function workerJobs(sql: Sql) {
  return sql<{ task_identifier: string; key: string | null; payload: unknown; max_attempts: number }[]>`
    select t.identifier as task_identifier, j.key, j.payload, j.max_attempts
    from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    order by j.id`;
}

/** Catches the AppError (or anything) a promise rejects with. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

/** The error `parseInput(schema, raw)` throws: an entry point's refusal of bad input, before any use case runs. */
export function parseRefusal(schema: z.ZodType, raw: unknown): unknown {
  try {
    parseInput(schema, raw);
  } catch (error) {
    return error;
  }
  throw new Error("expected the input to be refused");
}

export { agreementFixture } from "./agreement-fixture";
export { appendCaseEvents } from "../audit/append-case-events";
export { canMountSmallDisk, mountSmallDisk, type SmallDisk } from "./small-disk";
