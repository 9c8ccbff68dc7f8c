import { index, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.ts"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password", "routes/reset-password.tsx"),
  route("mailbox", "routes/mailbox.tsx"),
  route("mailbox/:id", "routes/mailbox.$id.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("cases/:reference", "routes/cases.$reference.tsx"),
  route("uploads", "routes/uploads.ts"),
  route("uploads/:id/discard", "routes/uploads.$id.discard.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
