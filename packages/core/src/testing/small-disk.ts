import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { rm, statfs, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** A real, tiny file system for tests of a full disk: writes past its size fail with a real ENOSPC. */
export interface SmallDisk {
  dir: string;
  /** Free bytes left on it. */
  free(): Promise<number>;
  /** Fills it with a filler file until only about `leaveBytes` are free. */
  fill(leaveBytes: number): Promise<void>;
  /** Removes the filler: space is back. */
  release(): Promise<void>;
  /** Unmounts it and removes its folder. */
  close(): void;
}

/** Mounting needs root (the CI container and the dev container run as root). */
export const canMountSmallDisk = process.getuid?.() === 0;

/**
 * Mounts a tmpfs of `sizeKb` (and at most `inodes` files and folders) on a new temporary folder
 * (`mount -t tmpfs -o size=…`): no injected error, the kernel itself answers ENOSPC once it is full.
 */
export function mountSmallDisk(sizeKb = 1024, { inodes }: { inodes?: number } = {}): SmallDisk {
  const dir = mkdtempSync(path.join(tmpdir(), "accord-small-disk-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k,mode=0755${inodes ? `,nr_inodes=${inodes}` : ""}`, "tmpfs", dir]);
  const filler = path.join(dir, "filler");
  const free = async () => {
    const stats = await statfs(dir);
    return stats.bavail * stats.bsize;
  };
  return {
    dir,
    free,
    async fill(leaveBytes) {
      await writeFile(filler, Buffer.alloc(Math.max(0, (await free()) - leaveBytes)));
    },
    async release() {
      await rm(filler, { force: true });
    },
    close() {
      execFileSync("umount", [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
