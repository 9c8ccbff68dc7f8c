import { AppError } from "@accord/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RouterContextProvider } from "react-router";
import { isReviewed } from "./components/IntentForm";
import { intent, reviewIntent, runIntent, showOnceIntent, type IntentContext } from "./intents";

const t = (key: string, params?: Record<string, unknown>) => (params && Object.keys(params).length ? `${key}:${JSON.stringify(params)}` : key);

function ctx(): IntentContext<{ id: string }> {
  return { request: new Request("http://localhost/cases/LIT-1", { method: "POST" }), params: {}, context: new RouterContextProvider(), db: {} as never, actor: { id: "u1" }, t, now: new Date("2026-12-06T10:00:00Z") };
}

function form(values: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(values)) formData.append(name, value);
  return formData;
}

const seen: unknown[] = [];
const TABLE = {
  rename: intent(
    z.object({ name: z.string({ error: "validation.required" }).trim().min(1, "validation.required"), count: z.coerce.number().int() }),
    async (input, c: IntentContext<{ id: string }>) => {
      seen.push({ input, actor: c.actor.id });
      if (input.name === "taken") throw new AppError("validation", { fieldErrors: { name: ["name.taken"] } });
      if (input.name === "late") throw new AppError("invalid_transition", { messageKey: "domain.error.late", params: { status: "closed" } });
      if (input.name === "hidden") throw new AppError("forbidden");
      if (input.name === "bug") throw new Error("boom");
      return { id: `id-${input.count}` };
    },
    (result) => ({ to: `/things/${result.id}`, flash: "admin.flash.saved" }),
  ),
  password: intent(
    z.object({ current: z.string(), password: z.string().min(8, "validation.tooShort") }),
    async (input) => {
      if (input.current !== "right") throw new AppError("validation", { fieldErrors: { current: ["password.wrong"] } });
      return null;
    },
    () => ({ to: "/profile", flash: "profile.flash.passwordChanged" }),
    { hideFields: ["current", "password"] },
  ),
};

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 0;
  } catch (thrown) {
    return (thrown as { init?: { status?: number } }).init?.status ?? -1;
  }
}

describe("runIntent", () => {
  it("parses once and hands the schema's output to the use case, then redirects with the flash message", async () => {
    seen.length = 0;
    const response = await runIntent(TABLE, ctx(), form({ intent: "rename", name: "  Alpha ", count: "3" }));
    expect(seen).toEqual([{ input: { name: "Alpha", count: 3 }, actor: "u1" }]);
    expect(response).toBeInstanceOf(Response);
    const redirect = response as Response;
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("Location")).toBe("/things/id-3");
    expect(redirect.headers.get("Set-Cookie")).toContain("accord_flash=admin.flash.saved");
  });

  it("answers 400 with the translated error beside its field, and never runs the use case", async () => {
    seen.length = 0;
    const reply = await runIntent(TABLE, ctx(), form({ intent: "rename", name: " ", count: "1" }));
    expect(seen).toEqual([]);
    expect("init" in reply && reply.init?.status).toBe(400);
    expect("data" in reply && reply.data.intent).toBe("rename");
    expect("data" in reply && reply.data.result.error).toMatchObject({ name: ['validation.required:{"min":1}'] });
  });

  it("turns a use case's field refusal into the field's error, and a refused move into the form's message", async () => {
    const taken = await runIntent(TABLE, ctx(), form({ intent: "rename", name: "taken", count: "1" }));
    expect("data" in taken && taken.data.result.error).toMatchObject({ name: ["name.taken"] });
    expect("init" in taken && taken.init?.status).toBe(400);
    const late = await runIntent(TABLE, ctx(), form({ intent: "rename", name: "late", count: "1" }));
    expect("init" in late && late.init?.status).toBe(409);
    expect("data" in late && late.data.result.error?.[""]).toEqual(['domain.error.late:{"status":"closed"}']);
  });

  it("answers 404 for what the actor may not see, 400 for an unknown intent, and lets a bug through", async () => {
    expect(await statusOf(runIntent(TABLE, ctx(), form({ intent: "rename", name: "hidden", count: "1" })))).toBe(404);
    expect(await statusOf(runIntent(TABLE, ctx(), form({ intent: "toString", name: "x", count: "1" })))).toBe(400);
    expect(await statusOf(runIntent(TABLE, ctx(), form({ name: "x", count: "1" })))).toBe(400);
    await expect(runIntent(TABLE, ctx(), form({ intent: "rename", name: "bug", count: "1" }))).rejects.toThrow("boom");
  });

  it("never sends a hidden field (a password) back, whether the schema or the use case refused it", async () => {
    const short = await runIntent(TABLE, ctx(), form({ intent: "password", current: "right", password: "short" }));
    const wrong = await runIntent(TABLE, ctx(), form({ intent: "password", current: "wrong", password: "long enough" }));
    for (const reply of [short, wrong]) {
      expect("init" in reply && reply.init?.status).toBe(400);
      const initialValue = "data" in reply ? reply.data.result.initialValue : undefined;
      expect(initialValue).toMatchObject({ intent: "password" });
      expect(initialValue).not.toHaveProperty("current");
      expect(initialValue).not.toHaveProperty("password");
    }
    expect("data" in wrong && wrong.data.result.error).toMatchObject({ current: ["password.wrong"] });
  });

  it("shows the fields again without running anything when the page refused part of the post, with its extra data", async () => {
    seen.length = 0;
    const reply = await runIntent(TABLE, ctx(), form({ intent: "rename", name: "Alpha", count: "1" }), { refused: true, extra: { refusedFiles: ["a.exe"] } });
    expect(seen).toEqual([]);
    expect("data" in reply && reply.data.refusedFiles).toEqual(["a.exe"]);
    expect("init" in reply && reply.init?.status).toBe(400);
  });
});

describe("reviewIntent", () => {
  const checked: unknown[] = [];
  const REVIEW = {
    review: reviewIntent(z.object({ name: z.string({ error: "validation.required" }).trim().min(1, "validation.required") }), async (input) => {
      checked.push(input);
      if (input.name === "late") throw new AppError("conflict", { messageKey: "proposal.error.expired" });
    }),
  };

  it("answers 200 with the values as posted when they pass, writing nothing: the page asks for confirmation", async () => {
    const reply = await runIntent(REVIEW, ctx(), form({ intent: "review", name: " Julie " }));
    expect(checked).toEqual([{ name: "Julie" }]);
    expect("init" in reply && reply.init?.status).toBe(200);
    const data = "data" in reply ? reply.data : null;
    expect(isReviewed(data, "review")).toBe(true);
    expect(isReviewed(data, "accept")).toBe(false);
    expect(data?.result.initialValue).toMatchObject({ name: " Julie " });
  });

  it("answers 400 with the field's error, or the check's refusal above the form, and is then no review", async () => {
    const empty = await runIntent(REVIEW, ctx(), form({ intent: "review", name: "" }));
    expect("init" in empty && empty.init?.status).toBe(400);
    expect(isReviewed("data" in empty ? empty.data : null, "review")).toBe(false);
    const late = await runIntent(REVIEW, ctx(), form({ intent: "review", name: "late" }));
    expect("init" in late && late.init?.status).toBe(409);
    expect("data" in late && late.data.result.error).toMatchObject({ "": ["proposal.error.expired"] });
  });
});

describe("showOnceIntent", () => {
  const ONCE = {
    createKey: showOnceIntent(z.object({ name: z.string().trim().min(1, "validation.required") }), async (input) => {
      if (input.name === "taken") throw new AppError("validation", { fieldErrors: { name: ["name.taken"] } });
      return { id: "k1", name: input.name, key: "secret-value" };
    }),
  };

  it("answers 200, not cached, with the use case's result in the reply and the form reset; no redirect carries it", async () => {
    const reply = await runIntent(ONCE, ctx(), form({ intent: "createKey", name: " ERP " }));
    expect(reply).not.toBeInstanceOf(Response);
    expect("init" in reply && reply.init?.status).toBe(200);
    expect("init" in reply && new Headers(reply.init?.headers).get("Cache-Control")).toBe("no-store");
    expect("data" in reply && reply.data).toMatchObject({ intent: "createKey", shown: { id: "k1", name: "ERP", key: "secret-value" } });
    expect("data" in reply && reply.data.result.initialValue).toBeNull();
  });

  it("refuses bad input or a use case's refusal beside the field, with nothing shown", async () => {
    for (const name of [" ", "taken"]) {
      const reply = await runIntent(ONCE, ctx(), form({ intent: "createKey", name }));
      expect("init" in reply && reply.init?.status).toBe(400);
      expect("data" in reply && "shown" in reply.data).toBe(false);
      expect("data" in reply && reply.data.result.error?.name).toBeTruthy();
    }
  });
});
