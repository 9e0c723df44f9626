/**
 * The forms of programme sessions: booking one (from the case), and each step on the
 * session page (he came, he did not come, move, cancel, record, sign off). One zod
 * schema each, with a message about this field for every way it can be wrong. The
 * date is the GOV.UK date input (`date-day`, `date-month`, `date-year`) and the time a
 * 24-hour clock time, both read on Scottish clocks (./times.ts).
 */
import { z } from 'zod';
import { HOMEWORK_OUTCOMES, SESSION_ENGAGEMENTS, type HomeworkOutcome, type ProgrammeSession, type SessionEngagement } from '../../db/schema';
import { field } from '../forms/field';
import { readDateParts } from '../referrals/dates';
import { ABSENCE_JUDGEMENTS, ATTENDANCE_RECORDS, type AbsenceJudgement, type AttendanceRecord } from './session-machine';
import { formatSessionDay, fromScottishClock, readClockTime, toScottishClock } from './times';

export { errorAnchor, isSessionPageStep, SESSION_PAGE_STEPS, STEP_FIELDS, type SessionPageStep } from './form-fields';

export const MIN_SESSION_MINUTES = 15;
export const MAX_FORM_SESSION_MINUTES = 480;
/** How far ahead a session may be booked: further is most likely a typing slip in the year. */
export const BOOKING_HORIZON_DAYS = 2 * 366;
export const NOTES_MAX_LENGTH = 4_000;
export const REASON_MAX_LENGTH = 1_000;

export const OUT_OF_DATE = 'This page is out of date. Reload it and try again';
export const MESSAGES = {
  moduleMissing: 'Select the module for this session',
  moduleUnknown: 'Select a module from the list',
  dayMissing: 'Enter the day of the session',
  timeMissing: 'Enter the time of the session',
  timeFormat: 'Enter a time in the format 14:30',
  future: 'The session must be in the future',
  horizon: 'The session must be within 2 years from today',
  minutesFormat: 'Enter the length of the session in minutes, like 60',
  minutesShort: `A session must be at least ${MIN_SESSION_MINUTES} minutes long`,
  minutesLong: `A session must be ${MAX_FORM_SESSION_MINUTES} minutes (8 hours) or shorter`,
  judgement: 'Select whether he had an acceptable reason for not coming',
  absenceReason: 'Enter why he did not come',
  moveReason: 'Enter why the session is being moved',
  cancelReason: 'Enter why the session is being cancelled',
  topics: 'Enter the module and topics you covered',
  engagement: 'Select how he took part in the session',
  homeworkDone: 'Select whether he did the homework',
  safeguardingConcern: 'Describe the safeguarding concern',
  safeguardingBox: 'Tick the box only if this is a safeguarding concern',
  step: 'Choose what to do with this session',
  attendance: 'Select what really happened',
  attendanceUnchanged: 'This is what the record already says. Select what really happened',
  correctionReason: 'Enter why the record is being corrected',
} as const;

// eslint-disable-next-line no-control-regex -- tabs and line breaks belong in notes; other control characters do not
const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Typed text: trimmed, empty as null; `required` is the message when it must not be empty. */
const text = (label: string, max: number, required: string | false) =>
  z
    .string({ error: required || `${label} must be text` })
    .optional()
    .transform((raw, ctx) => {
      const value = (raw ?? '').replace(/\r\n?/g, '\n').trim();
      if (!value) {
        if (required) ctx.addIssue({ code: 'custom', message: required });
        return null;
      }
      if (value.length > max) ctx.addIssue({ code: 'custom', message: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` });
      else if (TEXT_CONTROL.test(value)) ctx.addIssue({ code: 'custom', message: `${label} must not contain hidden characters` });
      return value;
    });

const requiredText = (label: string, max: number, missing: string) => text(label, max, missing).transform((value) => value ?? '');

/** One of a set of answers (radios). */
const choice = <T extends string>(answers: readonly T[], message: string) =>
  z
    .string({ error: message })
    .optional()
    .transform((raw, ctx): T => {
      if (!raw || !answers.includes(raw as T)) ctx.addIssue({ code: 'custom', message });
      return raw as T;
    });

const version = z
  .string({ error: OUT_OF_DATE })
  .regex(/^\d{1,9}$/, OUT_OF_DATE)
  .transform(Number);

const box = (message: string) => z.string({ error: message }).optional();

/** The posted fields of a date and time with a length: the GOV.UK date boxes, the time, the minutes. */
const slotFields = {
  'date-day': box(MESSAGES.dayMissing),
  'date-month': box(MESSAGES.dayMissing),
  'date-year': box(MESSAGES.dayMissing),
  time: box(MESSAGES.timeFormat),
  minutes: box(MESSAGES.minutesFormat),
};

type SlotFields = { [K in keyof typeof slotFields]?: string | undefined };

export interface SlotContext {
  /** The moment the form is read; a session must start after it. */
  now: Date;
  /** The programme's session length, used when no length is given. */
  defaultMinutes: number;
}

export interface Slot {
  startsAt: Date;
  minutes: number;
}

/** Reads the date, time and length, adding an issue to each field that is wrong. */
function readSlot(raw: SlotFields, context: SlotContext, ctx: z.RefinementCtx): Slot | null {
  let ok = true;
  const issue = (path: string, message: string) => {
    ok = false;
    ctx.addIssue({ code: 'custom', path: [path], message });
  };
  const date = readDateParts({ day: raw['date-day'], month: raw['date-month'], year: raw['date-year'] }, 'Date of the session');
  if (date.status === 'empty') issue('date', MESSAGES.dayMissing);
  else if (date.status === 'invalid') issue('date', date.message);

  const typedTime = (raw.time ?? '').trim();
  const time = typedTime ? readClockTime(typedTime) : null;
  if (!typedTime) issue('time', MESSAGES.timeMissing);
  else if (!time) issue('time', MESSAGES.timeFormat);

  const typedMinutes = (raw.minutes ?? '').trim();
  let minutes = context.defaultMinutes;
  if (typedMinutes) {
    if (!/^\d{1,4}$/.test(typedMinutes)) issue('minutes', MESSAGES.minutesFormat);
    else {
      minutes = Number(typedMinutes);
      if (minutes < MIN_SESSION_MINUTES) issue('minutes', MESSAGES.minutesShort);
      else if (minutes > MAX_FORM_SESSION_MINUTES) issue('minutes', MESSAGES.minutesLong);
    }
  }
  if (date.status !== 'day' || !time) return null;

  const reading = fromScottishClock(date.day, time);
  if (reading.status !== 'ok') {
    const day = formatSessionDay(new Date(`${date.day}T12:00:00Z`));
    issue('time', reading.status === 'skipped' ? `There is no ${time} on ${day} because the clocks go forward an hour. Enter another time` : MESSAGES.timeFormat);
    return null;
  }
  if (reading.at.getTime() <= context.now.getTime()) issue('date', MESSAGES.future);
  else if (reading.at.getTime() > context.now.getTime() + BOOKING_HORIZON_DAYS * 86_400_000) issue('date', MESSAGES.horizon);
  return ok ? { startsAt: reading.at, minutes } : null;
}

export interface BookingContext extends SlotContext {
  /** The keys of the modules the page offers. */
  moduleKeys: readonly string[];
}

/** Booking a session from the case: module, date, time and length. */
export function bookingForm(context: BookingContext) {
  return z.object({ module: box(MESSAGES.moduleMissing), ...slotFields }).transform((raw, ctx) => {
    const moduleKey = (raw.module ?? '').trim();
    if (!moduleKey) ctx.addIssue({ code: 'custom', path: ['module'], message: MESSAGES.moduleMissing });
    else if (!context.moduleKeys.includes(moduleKey)) ctx.addIssue({ code: 'custom', path: ['module'], message: MESSAGES.moduleUnknown });
    const slot = readSlot(raw, context, ctx);
    return { moduleKey, startsAt: slot?.startsAt ?? new Date(0), minutes: slot?.minutes ?? context.defaultMinutes };
  });
}

export type Booking = z.output<ReturnType<typeof bookingForm>>;

/** What the notes form posts, read. */
export interface NotesInput {
  topics: string;
  engagement: SessionEngagement;
  homeworkSet: string | null;
  homeworkDone: HomeworkOutcome;
  concerns: string | null;
  safeguarding: boolean;
  privateNotes: string | null;
}

const notesStep = z
  .object({
    step: z.literal('RECORD_NOTES'),
    version,
    topics: box(MESSAGES.topics),
    engagement: box(MESSAGES.engagement),
    homeworkSet: box('The homework set must be text'),
    homeworkDone: box(MESSAGES.homeworkDone),
    concerns: box('Concerns must be text'),
    safeguarding: box(MESSAGES.safeguardingBox),
    privateNotes: box('Your private notes must be text'),
  })
  .transform((raw, ctx) => {
    const concerns = field(ctx, 'concerns', text('Concerns', NOTES_MAX_LENGTH, false), raw.concerns);
    if (raw.safeguarding !== undefined && raw.safeguarding !== 'yes') ctx.addIssue({ code: 'custom', path: ['safeguarding'], message: MESSAGES.safeguardingBox });
    const safeguarding = raw.safeguarding === 'yes';
    if (safeguarding && concerns === null) ctx.addIssue({ code: 'custom', path: ['concerns'], message: MESSAGES.safeguardingConcern });
    const notes: NotesInput = {
      topics: field(ctx, 'topics', requiredText('The module and topics covered', NOTES_MAX_LENGTH, MESSAGES.topics), raw.topics) ?? '',
      engagement: field(ctx, 'engagement', choice(SESSION_ENGAGEMENTS, MESSAGES.engagement), raw.engagement) as SessionEngagement,
      homeworkSet: field(ctx, 'homeworkSet', text('The homework set', NOTES_MAX_LENGTH, false), raw.homeworkSet) ?? null,
      homeworkDone: field(ctx, 'homeworkDone', choice(HOMEWORK_OUTCOMES, MESSAGES.homeworkDone), raw.homeworkDone) as HomeworkOutcome,
      concerns: concerns ?? null,
      safeguarding,
      privateNotes: field(ctx, 'privateNotes', text('Your private notes', NOTES_MAX_LENGTH, false), raw.privateNotes) ?? null,
    };
    return { step: raw.step, version: raw.version, notes };
  });

/** The forms of the session page, one for each step. */
export function sessionStepForm(context: SlotContext) {
  return z.discriminatedUnion(
    'step',
    [
      z.object({ step: z.literal('MARK_ATTENDED'), version }),
      z.object({
        step: z.literal('MARK_NOT_ATTENDED'),
        version,
        judgement: choice<AbsenceJudgement>(ABSENCE_JUDGEMENTS, MESSAGES.judgement),
        absenceReason: requiredText('The reason', REASON_MAX_LENGTH, MESSAGES.absenceReason),
      }),
      notesStep,
      z.object({ step: z.literal('SIGN_OFF'), version }),
      z.object({ step: z.literal('RESCHEDULE'), version, moveReason: box(MESSAGES.moveReason), ...slotFields }).transform((raw, ctx) => {
        const moveReason = field(ctx, 'moveReason', requiredText('The reason', REASON_MAX_LENGTH, MESSAGES.moveReason), raw.moveReason) ?? '';
        const slot = readSlot(raw, context, ctx);
        return { step: raw.step, version: raw.version, moveReason, startsAt: slot?.startsAt ?? new Date(0), minutes: slot?.minutes ?? context.defaultMinutes };
      }),
      z.object({ step: z.literal('CANCEL'), version, cancelReason: requiredText('The reason', REASON_MAX_LENGTH, MESSAGES.cancelReason) }),
      z.object({
        step: z.literal('CORRECT_ATTENDANCE'),
        version,
        attendance: choice<AttendanceRecord>(ATTENDANCE_RECORDS, MESSAGES.attendance),
        correctionReason: requiredText('The reason', REASON_MAX_LENGTH, MESSAGES.correctionReason),
      }),
    ],
    { error: MESSAGES.step },
  );
}

export type SessionStepInput = z.output<ReturnType<typeof sessionStepForm>>;

/** The saved notes as the form's values, to prefill it. */
export function notesFormValues(
  session: Pick<ProgrammeSession, 'topics_covered' | 'engagement' | 'homework_set' | 'homework_done' | 'concerns' | 'safeguarding_concern' | 'private_notes'>,
): Record<string, string> {
  return {
    topics: session.topics_covered ?? '',
    engagement: session.engagement ?? '',
    homeworkSet: session.homework_set ?? '',
    homeworkDone: session.homework_done ?? '',
    concerns: session.concerns ?? '',
    safeguarding: session.safeguarding_concern ? 'yes' : '',
    privateNotes: session.private_notes ?? '',
  };
}

/** A moment as the date boxes and time box show it (a session's start, to prefill "move"). */
export function slotFormValues(startsAt: Date, minutes: number): Record<string, string> {
  const { day, time } = toScottishClock(startsAt);
  const [year, month, date] = day.split('-');
  return { 'date-day': String(Number(date)), 'date-month': String(Number(month)), 'date-year': year!, time, minutes: String(minutes) };
}
