/**
 * The shape every content file must have. See content/README.md for the authors' view.
 */
import { z } from 'zod';

export const AUDIENCES = ['self', 'family', 'professional', 'arrested', 'everyone'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const PAGE_KINDS = ['introduction', 'chapter', 'exercise', 'reflection', 'guide'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

const fieldName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and underscores');
const option = z.object({ value: fieldName, label: z.string().min(1) }).strict();

const base = { name: fieldName, label: z.string().min(1), hint: z.string().optional(), optional: z.boolean().default(false) };

export const exerciseFieldSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...base,
      type: z.literal('rating'),
      min: z.number().int(),
      max: z.number().int(),
      minLabel: z.string().min(1),
      maxLabel: z.string().min(1),
    })
    .strict()
    .refine((f) => f.max > f.min && f.max - f.min <= 10, { message: 'max must be above min, at most 10 steps apart', path: ['max'] }),
  z.object({ ...base, type: z.literal('choice'), options: z.array(option).min(2) }).strict(),
  z.object({ ...base, type: z.literal('choices'), options: z.array(option).min(2) }).strict(),
  z.object({ ...base, type: z.literal('list'), items: z.number().int().min(1).max(10) }).strict(),
  z.object({ ...base, type: z.literal('text') }).strict(),
]);
export type ExerciseField = z.infer<typeof exerciseFieldSchema>;

const condition = z.union([
  z.object({ field: fieldName, atLeast: z.number() }).strict(),
  z.object({ field: fieldName, atMost: z.number() }).strict(),
  z.object({ field: fieldName, is: fieldName }).strict(),
  z.object({ field: fieldName, includes: fieldName }).strict(),
  z.object({ field: fieldName, answered: z.boolean() }).strict(),
]);
export type FeedbackCondition = z.infer<typeof condition>;

const feedbackRule = z.union([
  z.object({ when: condition, text: z.string().min(1) }).strict(),
  z.object({ always: z.literal(true), text: z.string().min(1) }).strict(),
]);
export type FeedbackRule = z.infer<typeof feedbackRule>;

export const exerciseSchema = z
  .object({
    intro: z.string().optional(),
    fields: z.array(exerciseFieldSchema).min(1),
    feedback: z.array(feedbackRule).min(1),
    printable: z.boolean().default(false),
  })
  .strict()
  .superRefine((exercise, ctx) => {
    const fields = new Map(exercise.fields.map((f) => [f.name, f]));
    if (fields.size !== exercise.fields.length) ctx.addIssue({ code: 'custom', message: 'two fields share a name', path: ['fields'] });
    exercise.feedback.forEach((rule, index) => {
      if (!('when' in rule)) return;
      const path = ['feedback', index, 'when', 'field'];
      const field = fields.get(rule.when.field);
      if (!field) return ctx.addIssue({ code: 'custom', message: `no field is called "${rule.when.field}"`, path });
      const w = rule.when;
      if (('atLeast' in w || 'atMost' in w) && field.type !== 'rating') ctx.addIssue({ code: 'custom', message: 'atLeast and atMost need a rating field', path });
      if ('is' in w && (field.type !== 'choice' || !field.options.some((o) => o.value === w.is)))
        ctx.addIssue({ code: 'custom', message: `"is" needs a choice field with the option "${w.is}"`, path });
      if ('includes' in w && (field.type !== 'choices' || !field.options.some((o) => o.value === w.includes)))
        ctx.addIssue({ code: 'custom', message: `"includes" needs a choices field with the option "${w.includes}"`, path });
    });
  });
export type Exercise = z.infer<typeof exerciseSchema>;

const isoDate = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
    ctx.addIssue({ code: 'custom', message: 'use a date like 2026-11-23' });
    return z.NEVER;
  }
  return text;
});

export const frontMatterSchema = z
  .object({
    title: z.string().min(1).max(90),
    summary: z.string().min(10).max(300),
    audience: z.union([z.enum(AUDIENCES), z.array(z.enum(AUDIENCES)).min(1)]).transform((a) => (Array.isArray(a) ? a : [a])),
    kind: z.enum(PAGE_KINDS),
    order: z.number().int().min(0),
    reviewed: isoDate,
    law: z.boolean(),
    /** Words people search with that the page itself may not use, such as "child porn". */
    keywords: z.array(z.string().min(2).max(60)).max(40).default([]),
    sources: z.array(z.object({ url: z.url({ protocol: /^https?$/ }), supports: z.string().min(5) }).strict()),
    exercise: exerciseSchema.optional(),
  })
  .strict()
  .superRefine((page, ctx) => {
    if (page.law && page.sources.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'a page that states the law must name at least one source', path: ['sources'] });
    }
    const needsExercise = page.kind === 'exercise' || page.kind === 'reflection';
    if (needsExercise && !page.exercise) ctx.addIssue({ code: 'custom', message: `a ${page.kind} page needs an exercise block`, path: ['exercise'] });
    if (!needsExercise && page.exercise) ctx.addIssue({ code: 'custom', message: 'only exercise and reflection pages have an exercise block', path: ['exercise'] });
  });
export type FrontMatter = z.infer<typeof frontMatterSchema>;
