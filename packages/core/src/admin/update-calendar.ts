import { businessCalendars } from "@accord/db";
import { and, eq, ne } from "drizzle-orm";
import { requireStaff } from "../access";
import { actorRef } from "../audit/actor-ref";
import { appendAdminEvent } from "../audit/append-admin-event";
import { AppError } from "../errors";
import { toDefinition, type CalendarInput } from "./calendar-input";
import { idSchema, lockSettings } from "./schemas";
import type { UseCaseArgs } from "../use-case";

/**
 * An admin edits a business calendar (checked by the domain). Making it the default moves the
 * flag from the previous default; the default calendar stays the default until another takes it.
 * Cases keep the deadlines already computed; new deadlines use the new definition.
 */
export async function updateCalendar({ db, actor, calendarId, input, now }: UseCaseArgs<CalendarInput, { calendarId: string }>): Promise<{ id: string }> {
  const staff = requireStaff(actor, "admin:sla");
  const id = idSchema.safeParse(calendarId);
  if (!id.success) throw new AppError("not_found");
  const definition = toDefinition(input);
  const { code, name } = input;

  return db.transaction(async (tx) => {
    await lockSettings(tx, "calendars");
    const [existing] = await tx.select().from(businessCalendars).where(eq(businessCalendars.id, id.data)).limit(1);
    if (!existing) throw new AppError("not_found");
    const [taken] = await tx
      .select({ id: businessCalendars.id })
      .from(businessCalendars)
      .where(and(eq(businessCalendars.code, code), ne(businessCalendars.id, existing.id)))
      .limit(1);
    if (taken) throw new AppError("validation", { fieldErrors: { code: ["admin.errors.codeTaken"] } });
    const isDefault = existing.isDefault || input.isDefault;
    if (isDefault && !existing.isDefault) {
      await tx.update(businessCalendars).set({ isDefault: false, updatedAt: now }).where(eq(businessCalendars.isDefault, true));
    }
    await tx.update(businessCalendars).set({ code, name, definition, isDefault, updatedAt: now }).where(eq(businessCalendars.id, existing.id));
    await appendAdminEvent(tx, {
      actor: actorRef(staff),
      at: now,
      type: "calendar_updated",
      payload: { calendarId: existing.id, code, name, definition, isDefault, before: existing.definition },
    });
    return { id: existing.id };
  });
}
