import type { Config } from "@react-router/dev/config";

export default {
  appDirectory: "app",
  // ACCORD_BUILD_DIR lets parallel builds (e.g. several end-to-end runs on one machine) keep apart.
  buildDirectory: process.env.ACCORD_BUILD_DIR ?? "build",
  ssr: true,
} satisfies Config;
