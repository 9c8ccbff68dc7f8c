import { useField } from "@conform-to/react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import { IntentForm, useIntentForm } from "./IntentForm";

function NameField() {
  const [meta] = useField<string>("name");
  return <input name={meta.name} defaultValue={typeof meta.initialValue === "string" ? meta.initialValue : ""} data-errors={meta.errors?.join("|") ?? ""} />;
}

function Page({ reply, taskKey }: { reply: Parameters<typeof useIntentForm>[1]; taskKey?: string }) {
  const [form] = useIntentForm("rename", reply, taskKey === undefined ? {} : { key: taskKey });
  return (
    <IntentForm form={form}>
      <NameField />
    </IntentForm>
  );
}

function render(element: React.ReactNode): string {
  const Stub = createRoutesStub([{ path: "/", Component: () => element }]);
  return renderToString(<Stub initialEntries={["/"]} />);
}

const refused = {
  intent: "rename",
  result: { status: "error" as const, initialValue: { intent: "rename", name: "Typed" }, error: { name: ["Trop long"], "": ["Refusé"] } },
};

describe("IntentForm", () => {
  it("posts its intent (written once, in the hook) and no key when it has none", () => {
    const html = render(<Page reply={null} />);
    expect(html).toContain('name="intent" value="rename"');
    expect(html).not.toContain("intentKey");
    expect(html).toContain('method="post"');
  });

  it("shows the server's reply to this form: the typed value, the field error, the form's message", () => {
    const html = render(<Page reply={refused} />);
    expect(html).toContain('value="Typed"');
    expect(html).toContain('data-errors="Trop long"');
    expect(html).toContain("Refusé");
  });

  it("leaves a keyed copy of the same intent alone when the reply was another copy's", () => {
    const html = render(<Page reply={{ ...refused, result: { ...refused.result, initialValue: { ...refused.result.initialValue, intentKey: "t1" } } }} taskKey="t2" />);
    expect(html).toContain('name="intentKey" value="t2"');
    expect(html).not.toContain("Refusé");
    expect(html).not.toContain('value="Typed"');
  });
});
