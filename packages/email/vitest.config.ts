import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", isolate: false, testTimeout: 120_000, include: ["src/**/*.test.ts", "src/**/*.test.tsx"], exclude: ["src/**/*.int.test.ts"] },
      },
    ],
  },
});
