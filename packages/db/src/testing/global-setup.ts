import { chmod, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedServer } from "../embedded";
import { runMigrations } from "../migrate";
import { withDatabase } from "./urls";
import "./provided-context";


/**
 * Vitest global setup for integration tests: uses TEST_DATABASE_URL when set (a server where we may
 * CREATE DATABASE), else starts an ephemeral embedded PostgreSQL. Migrates one template database;
 * each test file then clones it (see createTestDb), so files run in parallel without sharing rows.
 */
export default async function setup(project: TestProject) {
  let server: EmbeddedServer | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(tmpdir(), "accord-test-pg-"));
    // The server may run as the `postgres` system user (we are root on CI): let it reach its directory.
    await chmod(dir, 0o755);
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), ephemeral: true });
    serverUrl = server.url;
  }
  const template = `accord_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${template}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  await runMigrations(withDatabase(serverUrl, template));
  project.provide("accordTestServerUrl", serverUrl);
  project.provide("accordTemplateDatabase", template);

  return async () => {
    if (server) {
      await server.stop();
      return;
    }
    const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      const rows = await cleanup<{ datname: string }[]>`
        select datname from pg_database where datname like ${`${template}%`} or datname like ${`accord_test_${process.pid}_%`}`;
      for (const { datname } of rows) await cleanup.unsafe(`drop database if exists "${datname}" with (force)`);
      await cleanup.unsafe(`drop database if exists "${template}" with (force)`);
    } finally {
      await cleanup.end({ timeout: 5 });
    }
  };
}
