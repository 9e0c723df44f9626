/**
 * Reading answers from a form. Every request carries all the answers so far as
 * hidden fields; each is re-validated here, and anything that does not fit the
 * check (a forged field, an unknown option) is dropped, never trusted.
 */
import { z } from 'zod';
import { optionsOf, PREFER_NOT_TO_SAY, type Answer, type Answers, type CheckDefinition, type Question } from './definition';

export type RawValues = Record<string, string[]>;

export const CARRIED_PREFIX = 'a:';

export type ResponseResult = { ok: true; answer: Answer } | { ok: false; error: string };

export function responseSchema(question: Question): z.ZodType<Answer> {
  const options = optionsOf(question);
  switch (question.type) {
    case 'single':
      return z
        .array(z.string())
        .length(1)
        .transform((v) => v[0]!)
        .pipe(z.enum(options as [string, ...string[]]));
    case 'multiple':
      return z
        .array(z.enum(options as [string, ...string[]]))
        .min(1)
        .refine((v) => new Set(v).size === v.length)
        .refine((v) => v.length === 1 || !v.some((x) => x === PREFER_NOT_TO_SAY || question.exclusive?.includes(x)));
    case 'scale':
      return z
        .array(z.string().regex(/^\d{1,2}$/))
        .length(1)
        .transform((v) => Number(v[0]))
        .pipe(z.number().int().min(question.min ?? 0).max(question.max ?? 10));
  }
}

/**
 * The person's answer to one question, or what is wrong with it in words they can act on.
 * `labels` gives option labels for messages about exclusive options.
 */
export function parseResponse(question: Question, values: string[], labels: Record<string, string> = {}): ResponseResult {
  const filled = values.filter((v) => v !== '');
  const result = responseSchema(question).safeParse(filled);
  if (result.success) return { ok: true, answer: result.data };
  const orPreferNot = question.preferNotToSay ? ', or ‘Prefer not to say’' : '';
  const options = optionsOf(question);
  if (filled.length === 0) {
    if (question.type === 'scale') return { ok: false, error: `Choose a number from ${question.min ?? 0} to ${question.max ?? 10}` };
    if (question.type === 'multiple') return { ok: false, error: `Select all the answers that apply${orPreferNot}` };
    return { ok: false, error: `Select an answer${orPreferNot}` };
  }
  if (filled.some((v) => question.type !== 'scale' && !options.includes(v))) return { ok: false, error: 'Select from the answers shown' };
  if (question.type === 'scale') return { ok: false, error: `Choose a number from ${question.min ?? 0} to ${question.max ?? 10}` };
  if (question.type === 'single') return { ok: false, error: 'Select only one answer' };
  const exclusive = filled.find((v) => v === PREFER_NOT_TO_SAY || question.exclusive?.includes(v));
  if (exclusive) {
    const label = labels[exclusive] ?? (exclusive === PREFER_NOT_TO_SAY ? 'Prefer not to say' : exclusive);
    return { ok: false, error: `You cannot select ‘${label}’ together with other answers` };
  }
  return { ok: false, error: 'Select each answer only once' };
}

/** The answers carried in hidden fields: the valid ones, and whether any had to be dropped. */
export function readCarriedAnswers(check: CheckDefinition, raw: RawValues): { answers: Answers; dropped: boolean } {
  const answers: Record<string, Answer> = {};
  let dropped = false;
  for (const [name, values] of Object.entries(raw)) {
    if (!name.startsWith(CARRIED_PREFIX)) continue;
    const question = check.questions.find((q) => q.id === name.slice(CARRIED_PREFIX.length));
    const parsed = question ? parseResponse(question, values) : null;
    if (parsed?.ok && question) answers[question.id] = parsed.answer;
    else dropped = true;
  }
  return { answers, dropped };
}

/** Hidden fields that carry the answers to the next request. */
export function carriedFields(answers: Answers): Array<{ name: string; value: string }> {
  return Object.entries(answers).flatMap(([id, answer]) =>
    answer === undefined ? [] : (Array.isArray(answer) ? answer : [String(answer)]).map((value) => ({ name: `${CARRIED_PREFIX}${id}`, value })),
  );
}

/** FormData (or any list of pairs) as name → every value, ignoring files. */
export function formValues(entries: Iterable<[string, FormDataEntryValue]>, limit = 500): RawValues {
  // No prototype: a field called "__proto__" or "constructor" is just a name here.
  const values: RawValues = Object.create(null) as RawValues;
  let count = 0;
  for (const [name, value] of entries) {
    if (typeof value !== 'string' || ++count > limit) continue;
    (values[name] ??= []).push(value.slice(0, 200));
  }
  return values;
}
