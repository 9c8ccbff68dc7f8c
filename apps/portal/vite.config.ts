import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  // Pre-bundled at start, so the first page in development does not trigger a re-optimisation and reload.
  optimizeDeps: { include: ["i18next", "react-i18next", "@conform-to/react", "react-dom/client", "react-router/dom"] },
  server: { fs: { allow: ["../.."] } },
});
