import { z } from "zod";
import { checkbox, requiredLongText, requiredText } from "./schemas";

/** A knowledge-base article: a URL slug, title and body in French and English, published or not. */
export const kbArticleSchema = z.object({
  slug: z
    .string({ error: "validation.required" })
    .trim()
    .toLowerCase()
    .min(1, "validation.required")
    .max(80, "validation.tooLong")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "admin.kb.errors.slugFormat"),
  titleFr: requiredText(200),
  titleEn: requiredText(200),
  bodyFr: requiredLongText(20_000),
  bodyEn: requiredLongText(20_000),
  published: checkbox,
});
export type KbArticleInput = z.output<typeof kbArticleSchema>;
