/**
 * Reading a posted form against its zod schema (from the module that owns the form).
 * Whatever arrives (a body that is not a form, a field sent twice, a file where text
 * was expected) ends as field messages, never as an exception.
 */
import { parseWithZod } from '@conform-to/zod/v4';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type ParsedForm<T> =
  | { status: 'valid'; value: T; values: Record<string, string> }
  | { status: 'invalid'; errors: FieldErrors; values: Record<string, string> };

/** Fields whose values are never sent back to the page. */
const SECRET = /password|code|csrf|token/i;

export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}

export function parseForm<Schema extends z.ZodType>(formData: FormData, schema: Schema): ParsedForm<z.output<Schema>> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) {
    if (typeof value === 'string' && !SECRET.test(name) && !(name in values)) values[name] = value.slice(0, 2_000);
  }
  const submission = parseWithZod(formData, { schema });
  if (submission.status === 'success') return { status: 'valid', value: submission.value as z.output<Schema>, values };
  const errors: FieldErrors = {};
  for (const [name, messages] of Object.entries(submission.error ?? {})) {
    const field = name.split(/[.[]/)[0] || 'form';
    if (messages?.length && !errors[field]) errors[field] = messages[0]!;
  }
  return { status: 'invalid', errors, values };
}
