/**
 * Exercises: the zod schema for one exercise's form (built from the content file),
 * and the guidance that fits a set of answers. Answers are never stored.
 */
import { z } from 'zod';
import type { RenderedExercise } from './library';
import type { ExerciseField, FeedbackCondition } from './schema';

export const MAX_TEXT = 5_000;
export const MAX_LINE = 300;

export type ExerciseAnswer = number | string | string[] | undefined;
export type ExerciseAnswers = Record<string, ExerciseAnswer>;

export function fieldMessage(field: ExerciseField): string {
  switch (field.type) {
    case 'rating':
      return `Choose a number from ${field.min} (${field.minLabel.toLowerCase()}) to ${field.max} (${field.maxLabel.toLowerCase()})`;
    case 'choice':
      return 'Choose one of the options';
    case 'choices':
      return 'Choose at least one of the options';
    case 'list':
      return 'Write at least one thing in the boxes';
    case 'text':
      return 'Write something in the box';
  }
}

function fieldSchema(field: ExerciseField): z.ZodType<ExerciseAnswer> {
  const required = fieldMessage(field);
  switch (field.type) {
    case 'rating': {
      const n = z.number({ error: required }).int({ error: required }).min(field.min, { error: required }).max(field.max, { error: required });
      return field.optional ? n.optional() : n;
    }
    case 'choice': {
      const values = field.options.map((o) => o.value) as [string, ...string[]];
      const choice = z.enum(values, { error: required });
      return field.optional ? choice.optional() : choice;
    }
    case 'choices': {
      const values = field.options.map((o) => o.value) as [string, ...string[]];
      const many = z
        .array(z.enum(values, { error: 'Choose from the options shown' }), { error: required })
        .min(field.optional ? 0 : 1, { error: required })
        .max(values.length, { error: 'Choose from the options shown' })
        .refine((chosen) => new Set(chosen).size === chosen.length, { error: 'Choose each option once' });
      return field.optional ? many.optional() : many;
    }
    case 'list':
      return z
        .array(z.string().max(MAX_LINE, { error: `Keep each line to ${MAX_LINE} characters or fewer` }).optional(), { error: required })
        .max(field.items, { error: `Use the ${field.items} boxes shown` })
        .optional()
        .transform((lines) => (lines ?? []).map((l) => l?.trim() ?? '').filter(Boolean))
        .refine((lines) => field.optional || lines.length > 0, { error: required });
    case 'text': {
      const text = z.string({ error: required }).trim().min(1, { error: required }).max(MAX_TEXT, { error: `Keep your answer to ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer` });
      return field.optional ? text.optional() : text;
    }
  }
}

/** The form's schema: only the exercise's own fields; anything else posted is ignored. */
export function exerciseFormSchema(exercise: Pick<RenderedExercise, 'fields'>) {
  return z.object(Object.fromEntries(exercise.fields.map((field) => [field.name, fieldSchema(field)])));
}

function answered(value: ExerciseAnswer): boolean {
  if (value === undefined || value === '') return false;
  return Array.isArray(value) ? value.length > 0 : true;
}

function matches(condition: FeedbackCondition, answers: ExerciseAnswers): boolean {
  const value = answers[condition.field];
  if ('atLeast' in condition) return typeof value === 'number' && value >= condition.atLeast;
  if ('atMost' in condition) return typeof value === 'number' && value <= condition.atMost;
  if ('is' in condition) return value === condition.is;
  if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
  return answered(value) === condition.answered;
}

/** The guidance that fits these answers, in the order the content gives it. */
export function feedbackFor(exercise: Pick<RenderedExercise, 'feedback'>, answers: ExerciseAnswers): string[] {
  return exercise.feedback.filter((rule) => ('always' in rule ? true : matches(rule.when, answers))).map((rule) => rule.html);
}

export interface AnswerSummary {
  name: string;
  label: string;
  /** Each line the person gave; empty when a question was left out. */
  lines: string[];
}

/** The answers in words, as the person would say them back. */
export function summariseAnswers(exercise: Pick<RenderedExercise, 'fields'>, answers: ExerciseAnswers): AnswerSummary[] {
  return exercise.fields.map((field) => {
    const value = answers[field.name];
    let lines: string[] = [];
    if (value !== undefined) {
      switch (field.type) {
        case 'rating':
          lines = [`${value} out of ${field.max} (${field.min} is ${field.minLabel.toLowerCase()}, ${field.max} is ${field.maxLabel.toLowerCase()})`];
          break;
        case 'choice':
          lines = [field.options.find((o) => o.value === value)?.label ?? ''];
          break;
        case 'choices':
          lines = field.options.filter((o) => (value as string[]).includes(o.value)).map((o) => o.label);
          break;
        case 'list':
          lines = value as string[];
          break;
        case 'text':
          lines = [value as string];
          break;
      }
    }
    return { name: field.name, label: field.label, lines: lines.filter(Boolean) };
  });
}
