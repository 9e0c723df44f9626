/**
 * The forms of the assessment and plan pages, as zod schemas: what each field is
 * called, the hint under it, and the rules for what may be typed. Pure, so the pages
 * and the unit tests ask the same rules.
 *
 * The assessment is written over one or more sessions, so every part may be empty
 * while it is drafted; what is typed must still be storable (not too long, no NUL).
 */
import { z } from 'zod';

export const ASSESSMENT_TEXT_MAX = 4_000;
export const TOOL_TEXT_MAX = 200;
export const RETURN_REASON_MAX = 2_000;

/** The five structured parts, in the order the page asks them; the column names are the field names. */
export const ASSESSMENT_TEXT_FIELDS = ['motivation', 'understanding', 'needs', 'risks', 'protective_factors'] as const;
export type AssessmentTextField = (typeof ASSESSMENT_TEXT_FIELDS)[number];

export const ASSESSMENT_TOOL_FIELDS = ['tool_name', 'tool_band'] as const;
export type AssessmentToolField = (typeof ASSESSMENT_TOOL_FIELDS)[number];

export type AssessmentField = AssessmentTextField | AssessmentToolField;

/** Every field of the form, in page order (for the error summary). */
export const ASSESSMENT_FIELDS: readonly AssessmentField[] = [...ASSESSMENT_TEXT_FIELDS, ...ASSESSMENT_TOOL_FIELDS];

export const ASSESSMENT_LABELS: Record<AssessmentField, string> = {
  motivation: 'Motivation',
  understanding: 'Understanding of the offending',
  needs: 'Needs',
  risks: 'Risks',
  protective_factors: 'Protective factors',
  tool_name: 'Name of the tool',
  tool_band: 'Band the tool gave',
};

export const ASSESSMENT_HINTS: Record<AssessmentField, string> = {
  motivation: 'Why he wants to take part, and what might get in the way.',
  understanding: 'How he describes the offending, how it started and what kept it going, and how far he accepts responsibility for it.',
  needs: 'What he needs from the programme and from other services: for example housing, health, work or support with reading.',
  risks: 'What could lead him to offend again, and the situations and feelings that go with it.',
  protective_factors: 'What helps him stay safe: people, routines, work, and controls on his internet use.',
  tool_name: 'For example, the name of a structured risk assessment tool.',
  tool_band: 'Exactly as the assessor recorded it.',
};

export const TOOL_HINT =
  'Only if a trained assessor used a validated tool. Enter its name and the band it gave: this records the assessor’s result. The platform never computes a score of its own.';

export const STALE_PAGE = 'This page is out of date. Reload it and try again';

/** A version the page was showing: whole digits only (0 for "nothing saved yet"). */
export const versionField = z
  .string({ error: STALE_PAGE })
  .regex(/^\d{1,9}$/, STALE_PAGE)
  .transform(Number);

// eslint-disable-next-line no-control-regex -- tabs and line breaks belong in a long answer; other control characters do not
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- a one-line answer has no control characters at all
const LINE_CONTROL = /[\u0000-\u001f\u007f]/;

/** A typed answer that may be empty: trimmed, line endings made plain, empty as null. */
function optionalText(label: string, max: number, multiline: boolean) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): string | null => {
      const value = (raw ?? '').replace(/\r\n?/g, '\n').trim();
      if (!value) return null;
      if (value.length > max) ctx.addIssue({ code: 'custom', message: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` });
      else if ((multiline ? TEXT_CONTROL : LINE_CONTROL).test(value)) {
        ctx.addIssue({ code: 'custom', message: `${label} must not contain ${multiline ? 'hidden characters' : 'tabs, line breaks or other hidden characters'}` });
      }
      return value;
    });
}

/** What a worker saves: each part may still be empty. */
export type AssessmentFields = Record<AssessmentField, string | null>;

export const assessmentForm = z
  .object({
    version: versionField,
    intent: z.enum(['save', 'save-and-plan'], { error: 'Choose how to save the assessment' }).optional(),
    motivation: optionalText('Motivation', ASSESSMENT_TEXT_MAX, true),
    understanding: optionalText('Understanding of the offending', ASSESSMENT_TEXT_MAX, true),
    needs: optionalText('Needs', ASSESSMENT_TEXT_MAX, true),
    risks: optionalText('Risks', ASSESSMENT_TEXT_MAX, true),
    protective_factors: optionalText('Protective factors', ASSESSMENT_TEXT_MAX, true),
    tool_name: optionalText('The name of the tool', TOOL_TEXT_MAX, false),
    tool_band: optionalText('The band', TOOL_TEXT_MAX, false),
  })
  .superRefine((form, ctx) => {
    // A band means nothing without the tool that gave it, and a tool named without its band records no result.
    if (form.tool_name && !form.tool_band) ctx.addIssue({ code: 'custom', path: ['tool_band'], message: 'Enter the band the tool gave, or clear the name of the tool' });
    if (form.tool_band && !form.tool_name) ctx.addIssue({ code: 'custom', path: ['tool_name'], message: 'Enter the name of the tool that gave this band, or clear the band' });
  });

export type AssessmentForm = z.output<typeof assessmentForm>;

export function assessmentFieldsOf(form: AssessmentForm): AssessmentFields {
  return {
    motivation: form.motivation,
    understanding: form.understanding,
    needs: form.needs,
    risks: form.risks,
    protective_factors: form.protective_factors,
    tool_name: form.tool_name,
    tool_band: form.tool_band,
  };
}

/** The reason a manager gives for sending a plan back: needed, and storable. */
export const returnReasonField = z
  .string()
  .optional()
  .transform((raw, ctx): string => {
    const value = (raw ?? '').replace(/\r\n?/g, '\n').trim();
    if (!value) ctx.addIssue({ code: 'custom', message: 'Enter what the worker needs to change' });
    else if (value.length > RETURN_REASON_MAX) ctx.addIssue({ code: 'custom', message: `The reason must be ${RETURN_REASON_MAX.toLocaleString('en-GB')} characters or fewer` });
    else if (TEXT_CONTROL.test(value)) ctx.addIssue({ code: 'custom', message: 'The reason must not contain hidden characters' });
    return value;
  });

/** The manager's two choices on a plan waiting for sign-off. */
export const planDecisionForm = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('sign-off'), planVersion: versionField, caseVersion: versionField }),
    z.object({ intent: z.literal('return'), planVersion: versionField, reason: returnReasonField }),
  ],
  { error: 'Choose whether to sign the plan off or send it back' },
);

export type PlanDecision = z.output<typeof planDecisionForm>;
