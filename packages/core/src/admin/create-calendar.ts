import { businessCalendars } from "@accord/db";
import { eq } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { toDefinition, type CalendarInput } from "./calendar-input";
import { lockSettings } from "./schemas";
import type { UseCaseArgs } from "../use-case";

/** An admin adds a business calendar, checked by the domain; it may become the default. */
export async function createCalendar({ db, actor, input, now }: UseCaseArgs<CalendarInput>): Promise<{ id: string }> {
  const staff = requireStaff(actor, "admin:sla");
  const definition = toDefinition(input);
  const { code, name, isDefault } = input;

  return db.transaction(async (tx) => {
    await lockSettings(tx, "calendars");
    const [taken] = await tx.select({ id: businessCalendars.id }).from(businessCalendars).where(eq(businessCalendars.code, code)).limit(1);
    if (taken) throw new AppError("validation", { fieldErrors: { code: ["admin.errors.codeTaken"] } });
    if (isDefault) await tx.update(businessCalendars).set({ isDefault: false, updatedAt: now }).where(eq(businessCalendars.isDefault, true));
    const [row] = await tx.insert(businessCalendars).values({ code, name, definition, isDefault, createdAt: now, updatedAt: now }).returning({ id: businessCalendars.id });
    await appendAdminEvent(tx, { actor: actorRef(staff), at: now, type: "calendar_created", payload: { calendarId: row!.id, code, name, definition, isDefault } });
    return { id: row!.id };
  });
}
