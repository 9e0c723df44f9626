/**
 * The forms of a safeguarding concern's page: acknowledging it, and recording what was
 * done (what, by or with whom, on which day). One zod schema, with a message about the
 * field for every way it can be wrong.
 */
import { z } from 'zod';
import { field } from '../forms/field';
import { dayInScotland, readDateParts } from '../referrals/dates';

/** Kept under the length a page sends back after a failed post, so nothing typed is lost. */
export const ACTION_MAX_LENGTH = 2_000;
export const WHO_MAX_LENGTH = 300;
export const CONCERN_INTENTS = ['acknowledge', 'record-action'] as const;
export type ConcernIntent = (typeof CONCERN_INTENTS)[number];

export const CONCERN_MESSAGES = {
  what: 'Enter what was done about the concern',
  who: 'Enter who did it, or who was told',
  on: 'Enter the day it was done',
  future: 'The day it was done must be today or in the past',
  intent: 'Choose what to do with this concern',
  version: 'This page is out of date. Reload it and try again',
} as const;

// eslint-disable-next-line no-control-regex -- line breaks belong in what was done; other control characters do not
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (label: string, max: number, missing: string) =>
  z
    .string({ error: missing })
    .optional()
    .transform((raw, ctx) => {
      const value = (raw ?? '').replace(/\r\n?/g, '\n').trim();
      if (!value) ctx.addIssue({ code: 'custom', message: missing });
      else if (value.length > max) ctx.addIssue({ code: 'custom', message: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` });
      else if (CONTROL.test(value)) ctx.addIssue({ code: 'custom', message: `${label} must not contain hidden characters` });
      return value;
    });

const version = z.string({ error: CONCERN_MESSAGES.version }).regex(/^\d{1,9}$/, CONCERN_MESSAGES.version).transform(Number);
const box = (message: string) => z.string({ error: message }).optional();

export function concernForm(now: Date = new Date()) {
  return z.discriminatedUnion(
    'intent',
    [
      z.object({ intent: z.literal('acknowledge'), version }),
      z
        .object({
          intent: z.literal('record-action'),
          version,
          what: box(CONCERN_MESSAGES.what),
          who: box(CONCERN_MESSAGES.who),
          'on-day': box(CONCERN_MESSAGES.on),
          'on-month': box(CONCERN_MESSAGES.on),
          'on-year': box(CONCERN_MESSAGES.on),
        })
        .transform((raw, ctx) => {
          // Every field is checked at once, so each message is given together.
          const what = field(ctx, 'what', text('What was done', ACTION_MAX_LENGTH, CONCERN_MESSAGES.what), raw.what);
          const who = field(ctx, 'who', text('Who did it', WHO_MAX_LENGTH, CONCERN_MESSAGES.who), raw.who);
          const read = readDateParts({ day: raw['on-day'], month: raw['on-month'], year: raw['on-year'] }, 'The day it was done');
          let on = '';
          if (read.status === 'empty') ctx.addIssue({ code: 'custom', path: ['on'], message: CONCERN_MESSAGES.on });
          else if (read.status === 'invalid') ctx.addIssue({ code: 'custom', path: ['on'], message: read.message });
          else if (read.day > dayInScotland(now)) ctx.addIssue({ code: 'custom', path: ['on'], message: CONCERN_MESSAGES.future });
          else on = read.day;
          return { intent: raw.intent, version: raw.version, action: { what: what ?? '', who: who ?? '', on } };
        }),
    ],
    { error: CONCERN_MESSAGES.intent },
  );
}

export type ConcernFormInput = z.output<ReturnType<typeof concernForm>>;
