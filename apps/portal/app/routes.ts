import { index, route, type RouteConfig } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.ts"),
  route("forgot-password", "routes/forgot-password.tsx"),
  route("reset-password", "routes/reset-password.tsx"),
  route("healthz", "routes/healthz.ts"),
  route("company", "routes/company.tsx"),
  route("company/users/:userId/deactivate", "routes/company.users.deactivate.tsx"),
  route("invitations/:token", "routes/invitation.tsx"),
  route("profile", "routes/profile.tsx"),
  route("uploads", "routes/uploads.ts"),
  route("uploads/:id/discard", "routes/uploads.$id.discard.ts"),
  route("claims/new", "routes/claims.new.tsx"),
  route("cases/:reference/submitted", "routes/claims.submitted.tsx"),
  route("cases", "routes/cases.tsx"),
  route("cases/:reference", "routes/cases.detail.tsx"),
  route("cases/:reference/withdraw", "routes/cases.withdraw.tsx"),
  route("cases/:reference/evidence/:evidenceId", "routes/cases.evidence.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
