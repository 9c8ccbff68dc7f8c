import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import type { CompanyReply } from "./parts";
import { UsersTable } from "./UsersTable";

const ADMIN = { id: "u-admin", name: "Paul Martin", role: "admin" as const, active: true, email: "admin@martin.example", isSelf: true };
const MEMBER = { id: "u-member", name: "Julie Bernard", role: "member" as const, active: true, email: "julie@martin.example", isSelf: false };

function render(actionData: CompanyReply): string {
  const Stub = createRoutesStub([{ path: "/company", Component: () => <UsersTable users={[ADMIN, MEMBER]} canManage actionData={actionData} /> }]);
  return renderToString(<Stub initialEntries={["/company"]} />);
}

/** The `<select>` of one user's role, as rendered. */
function roleSelect(html: string, userId: string): string {
  const start = html.indexOf(`id="role-${userId}"`);
  return html.slice(html.lastIndexOf("<select", start), html.indexOf("</select>", start));
}

describe("the company's users table", () => {
  it("shows a refused role change beside that user's select, which keeps the role the user still has", () => {
    const refused: CompanyReply = {
      intent: "role",
      result: { status: "error", initialValue: { intent: "role", intentKey: ADMIN.id, userId: ADMIN.id, role: "member" }, error: { role: ["Gardez au moins un administrateur actif."] } },
    };
    const html = render(refused);
    expect(html).toContain("Gardez au moins un administrateur actif.");
    expect(roleSelect(html, ADMIN.id)).toMatch(/<option value="admin" selected="">/);
    expect(roleSelect(html, ADMIN.id)).toContain('aria-invalid="true"');
    // The other rows are not concerned.
    expect(roleSelect(html, MEMBER.id)).not.toContain("aria-invalid");
    expect(html.match(/administrateur actif/g)).toHaveLength(1);
  });

  it("shows no error without a refusal", () => {
    expect(render(null)).not.toContain("field__error");
  });
});
