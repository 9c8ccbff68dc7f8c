import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { customerAccounts } from "./accounts";
import type { UserKind } from "./auth";
import { createdAt, id, tstz } from "./common";

/**
 * The content-addressed file store's index: one row per distinct content (its SHA-256 names the file
 * on disk). `refCount` counts the staged uploads and evidence rows that use it; the file is removed
 * only when it drops to zero, so a file shared by two cases stays while one of them still uses it.
 */
export const storedFiles = pgTable(
  "stored_files",
  {
    sha256: text("sha256").primaryKey(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    /** The type detected from the content (magic bytes or a text parse), never the browser's claim. */
    contentType: text("content_type").notNull(),
    refCount: integer("ref_count").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    check("stored_files_sha256_check", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("stored_files_ref_count_check", sql`${t.refCount} >= 0`),
    index("stored_files_unreferenced_idx").on(t.sha256).where(sql`${t.refCount} = 0`),
  ],
);

/**
 * A file uploaded ahead of the form that will attach it (progress bar with JavaScript).
 * It holds one reference on its stored file; attaching moves that reference to the evidence row,
 * and a staged upload never attached expires and is removed by the worker.
 */
export const stagedUploads = pgTable(
  "staged_uploads",
  {
    id: id(),
    uploaderKind: text("uploader_kind").$type<UserKind>().notNull(),
    uploaderId: uuid("uploader_id").notNull(),
    /** The customer account of a customer uploader (null for staff). */
    accountId: uuid("account_id").references(() => customerAccounts.id),
    sha256: text("sha256")
      .notNull()
      .references(() => storedFiles.sha256),
    /** The name as the user gave it (display only; never a path on disk). */
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    expiresAt: tstz("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("staged_uploads_uploader_idx").on(t.uploaderKind, t.uploaderId),
    index("staged_uploads_expires_idx").on(t.expiresAt),
    check("staged_uploads_uploader_kind_check", sql`${t.uploaderKind} in ('customer', 'staff')`),
  ],
);
