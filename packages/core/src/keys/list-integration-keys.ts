import type { Actor } from "@accord/auth";
import { integrationKeys, staffUsers, type Db } from "@accord/db";
import { asc, desc, eq, sql } from "drizzle-orm";
import { requireStaff } from "../access";

export interface IntegrationKeyItem {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  createdByName: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The integration keys, revoked ones too (after the live ones), for a staff admin. */
export async function listIntegrationKeys({ db, actor }: { db: Db; actor: Actor | null }): Promise<IntegrationKeyItem[]> {
  requireStaff(actor, "integration_keys:manage");
  return db
    .select({
      id: integrationKeys.id,
      name: integrationKeys.name,
      prefix: integrationKeys.prefix,
      scopes: integrationKeys.scopes,
      createdAt: integrationKeys.createdAt,
      createdByName: staffUsers.name,
      lastUsedAt: integrationKeys.lastUsedAt,
      revokedAt: integrationKeys.revokedAt,
    })
    .from(integrationKeys)
    .leftJoin(staffUsers, eq(staffUsers.id, integrationKeys.createdById))
    .orderBy(sql`${integrationKeys.revokedAt} is not null`, desc(integrationKeys.createdAt), asc(integrationKeys.id));
}
