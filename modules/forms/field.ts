import type { z } from 'zod';

/**
 * Reads one field with its own schema inside a form's transform, adding its issue at its
 * name: every field of a form is checked at once, and the rules between fields too.
 */
export function field<S extends z.ZodType>(ctx: z.RefinementCtx, name: string, schema: S, raw: unknown): z.output<S> | undefined {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  ctx.addIssue({ code: 'custom', path: [name], message: result.error.issues[0]?.message ?? 'Check this answer' });
  return undefined;
}
