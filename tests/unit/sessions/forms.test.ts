import { describe, expect, it } from 'vitest';
import { parseForm } from '../../../app/server/forms.server';
import { bookingForm, errorAnchor, MESSAGES, notesFormValues, sessionStepForm, slotFormValues, STEP_FIELDS, SESSION_PAGE_STEPS } from '../../../modules/sessions/forms';

// 1 November 2026, 10:00 in Scotland (GMT).
const NOW = new Date('2026-11-01T10:00:00Z');
const booking = bookingForm({ now: NOW, defaultMinutes: 60, moduleKeys: ['assessment', 'motivation'] });
const steps = sessionStepForm({ now: NOW, defaultMinutes: 90 });

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
};

const slot = (day: string, month: string, year: string, time: string, minutes?: string) => ({
  'date-day': day,
  'date-month': month,
  'date-year': year,
  time,
  ...(minutes === undefined ? {} : { minutes }),
});

const bookingErrors = (fields: Record<string, string | string[]>) => {
  const parsed = parseForm(form(fields), booking);
  return parsed.status === 'invalid' ? parsed.errors : {};
};

describe('the booking form', () => {
  it('reads the module, a Scottish date and time and the length', () => {
    const parsed = parseForm(form({ module: 'motivation', ...slot('3', '12', '2026', '14:30', '90') }), booking);
    expect(parsed).toMatchObject({ status: 'valid', value: { moduleKey: 'motivation', startsAt: new Date('2026-12-03T14:30:00Z'), minutes: 90 } });
    // Summer time: 14:30 on a July day is 13:30 UTC.
    const summer = parseForm(form({ module: 'assessment', ...slot('1', 'July', '2027', '9.05') }), booking);
    expect(summer).toMatchObject({ status: 'valid', value: { startsAt: new Date('2027-07-01T08:05:00Z'), minutes: 60 } });
  });

  it('says what is missing, about each field at once', () => {
    expect(bookingErrors({})).toEqual({ module: MESSAGES.moduleMissing, date: 'Enter the day of the session', time: 'Enter the time of the session' });
    expect(bookingErrors({ module: 'motivation', ...slot('3', '', '2026', '14:30') })).toEqual({ date: 'Date of the session must include a month' });
    expect(bookingErrors({ module: 'motivation', ...slot('31', '11', '2026', '14:30') })).toEqual({ date: 'Date of the session must be a real date' });
  });

  it('wants a time in the format 14:30', () => {
    for (const time of ['2pm', '14', '25:00', '14:75', 'half two']) {
      expect(bookingErrors({ module: 'motivation', ...slot('3', '12', '2026', time) })).toEqual({ time: 'Enter a time in the format 14:30' });
    }
  });

  it('wants the session in the future, and not years ahead', () => {
    expect(bookingErrors({ module: 'motivation', ...slot('1', '11', '2026', '09:59') })).toEqual({ date: 'The session must be in the future' });
    expect(bookingErrors({ module: 'motivation', ...slot('1', '11', '2026', '10:00') })).toEqual({ date: 'The session must be in the future' });
    expect(bookingErrors({ module: 'motivation', ...slot('1', '11', '2026', '10:01') })).toEqual({});
    expect(bookingErrors({ module: 'motivation', ...slot('1', '11', '2029', '10:00') })).toEqual({ date: 'The session must be within 2 years from today' });
  });

  it('names the hour the clocks skip', () => {
    expect(bookingErrors({ module: 'motivation', ...slot('28', '3', '2027', '01:30') })).toEqual({
      time: 'There is no 01:30 on 28 March 2027 because the clocks go forward an hour. Enter another time',
    });
  });

  it('takes a length from 15 to 480 minutes, the programme’s when none is given', () => {
    expect(bookingErrors({ module: 'motivation', ...slot('3', '12', '2026', '14:30', '14') })).toEqual({ minutes: 'A session must be at least 15 minutes long' });
    expect(bookingErrors({ module: 'motivation', ...slot('3', '12', '2026', '14:30', '481') })).toEqual({ minutes: 'A session must be 480 minutes (8 hours) or shorter' });
    expect(bookingErrors({ module: 'motivation', ...slot('3', '12', '2026', '14:30', 'an hour') })).toEqual({ minutes: 'Enter the length of the session in minutes, like 60' });
    expect(bookingErrors({ module: 'motivation', ...slot('3', '12', '2026', '14:30', '1.5') })).toEqual({ minutes: 'Enter the length of the session in minutes, like 60' });
    expect(parseForm(form({ module: 'motivation', ...slot('3', '12', '2026', '14:30', ' ') }), booking)).toMatchObject({ status: 'valid', value: { minutes: 60 } });
    expect(parseForm(form({ module: 'motivation', ...slot('3', '12', '2026', '14:30', '480') }), booking)).toMatchObject({ status: 'valid', value: { minutes: 480 } });
  });

  it('takes only a module the page offered, and one value of each field', () => {
    expect(bookingErrors({ module: 'relapse-prevention', ...slot('3', '12', '2026', '14:30') })).toEqual({ module: MESSAGES.moduleUnknown });
    expect(bookingErrors({ module: ['motivation', 'assessment'], ...slot('3', '12', '2026', '14:30') })).toEqual({ module: MESSAGES.moduleMissing });
    expect(bookingErrors({ module: 'motivation', ...slot('3', '12', '2026', '14:30'), time: ['14:30', '15:00'] })).toEqual({ time: MESSAGES.timeFormat });
  });
});

const stepErrors = (fields: Record<string, string | string[]>) => {
  const parsed = parseForm(form(fields), steps);
  return parsed.status === 'invalid' ? parsed.errors : {};
};

describe('the session page’s step forms', () => {
  it('reads each step with the version the page showed', () => {
    expect(parseForm(form({ step: 'MARK_ATTENDED', version: '3' }), steps)).toMatchObject({ status: 'valid', value: { step: 'MARK_ATTENDED', version: 3 } });
    expect(parseForm(form({ step: 'SIGN_OFF', version: '4' }), steps)).toMatchObject({ status: 'valid', value: { step: 'SIGN_OFF', version: 4 } });
    expect(parseForm(form({ step: 'CANCEL', version: '1', cancelReason: ' He has moved away. ' }), steps)).toMatchObject({ status: 'valid', value: { cancelReason: 'He has moved away.' } });
    expect(stepErrors({ step: 'MARK_ATTENDED' })).toEqual({ version: 'This page is out of date. Reload it and try again' });
    expect(stepErrors({ step: 'MARK_ATTENDED', version: 'x' })).toEqual({ version: 'This page is out of date. Reload it and try again' });
    expect(stepErrors({ step: 'SCHEDULE', version: '1' })).toEqual({ step: 'Choose what to do with this session' });
    expect(stepErrors({})).toEqual({ step: 'Choose what to do with this session' });
  });

  it('needs a judgement and a reason for an absence', () => {
    expect(stepErrors({ step: 'MARK_NOT_ATTENDED', version: '1' })).toEqual({ judgement: MESSAGES.judgement, absenceReason: 'Enter why he did not come' });
    expect(stepErrors({ step: 'MARK_NOT_ATTENDED', version: '1', judgement: 'maybe', absenceReason: 'x' })).toEqual({ judgement: MESSAGES.judgement });
    expect(stepErrors({ step: 'MARK_NOT_ATTENDED', version: '1', judgement: 'acceptable', absenceReason: 'a\u0000b' })).toEqual({ absenceReason: 'The reason must not contain hidden characters' });
    expect(stepErrors({ step: 'MARK_NOT_ATTENDED', version: '1', judgement: 'acceptable', absenceReason: 'x'.repeat(1001) })).toEqual({ absenceReason: 'The reason must be 1,000 characters or fewer' });
    expect(parseForm(form({ step: 'MARK_NOT_ATTENDED', version: '1', judgement: 'unacceptable', absenceReason: 'No contact' }), steps)).toMatchObject({
      status: 'valid',
      value: { judgement: 'unacceptable', absenceReason: 'No contact' },
    });
  });

  it('reads the notes, with a safeguarding concern only when the box is ticked and the concern described', () => {
    const notes = { step: 'RECORD_NOTES', version: '2', topics: 'Motivation: costs and benefits', engagement: 'partial', homeworkDone: 'not_set' };
    expect(parseForm(form(notes), steps)).toMatchObject({
      status: 'valid',
      value: { notes: { topics: 'Motivation: costs and benefits', engagement: 'partial', homeworkSet: null, homeworkDone: 'not_set', concerns: null, safeguarding: false, privateNotes: null } },
    });
    expect(stepErrors({ step: 'RECORD_NOTES', version: '2' })).toEqual({ topics: MESSAGES.topics, engagement: MESSAGES.engagement, homeworkDone: MESSAGES.homeworkDone });
    expect(stepErrors({ ...notes, safeguarding: 'yes' })).toEqual({ concerns: 'Describe the safeguarding concern' });
    expect(stepErrors({ step: 'RECORD_NOTES', version: '2', safeguarding: 'yes' })).toEqual({
      topics: MESSAGES.topics,
      engagement: MESSAGES.engagement,
      homeworkDone: MESSAGES.homeworkDone,
      concerns: 'Describe the safeguarding concern',
    });
    expect(stepErrors({ ...notes, safeguarding: 'on' })).toEqual({ safeguarding: MESSAGES.safeguardingBox });
    expect(stepErrors({ ...notes, engagement: 'enthusiastic' })).toEqual({ engagement: MESSAGES.engagement });
    expect(stepErrors({ ...notes, privateNotes: 'x'.repeat(4001) })).toEqual({ privateNotes: 'Your private notes must be 4,000 characters or fewer' });
    expect(parseForm(form({ ...notes, safeguarding: 'yes', concerns: 'He mentioned a child next door', privateNotes: 'Line one\r\nLine two' }), steps)).toMatchObject({
      status: 'valid',
      value: { notes: { safeguarding: true, concerns: 'He mentioned a child next door', privateNotes: 'Line one\nLine two' } },
    });
  });

  it('moves a session to a new time in the future, the same length unless another is given', () => {
    expect(parseForm(form({ step: 'RESCHEDULE', version: '1', moveReason: 'He is at hospital', ...slot('4', '12', '2026', '10:00') }), steps)).toMatchObject({
      status: 'valid',
      value: { moveReason: 'He is at hospital', startsAt: new Date('2026-12-04T10:00:00Z'), minutes: 90 },
    });
    expect(stepErrors({ step: 'RESCHEDULE', version: '1' })).toEqual({ moveReason: MESSAGES.moveReason, date: 'Enter the day of the session', time: 'Enter the time of the session' });
    expect(stepErrors({ step: 'RESCHEDULE', version: '1', moveReason: 'x', ...slot('1', '10', '2026', '10:00') })).toEqual({ date: 'The session must be in the future' });
  });

  it('knows each step’s fields, and links a date box’s error to the date', () => {
    expect(Object.keys(STEP_FIELDS).sort()).toEqual([...SESSION_PAGE_STEPS].sort());
    expect(errorAnchor('date-month')).toBe('date');
    expect(errorAnchor('time')).toBe('time');
  });

  it('prefills the notes and the move form from what is saved', () => {
    expect(
      notesFormValues({ topics_covered: 'T', engagement: 'full', homework_set: null, homework_done: 'done', concerns: null, safeguarding_concern: true, private_notes: 'P' }),
    ).toEqual({ topics: 'T', engagement: 'full', homeworkSet: '', homeworkDone: 'done', concerns: '', safeguarding: 'yes', privateNotes: 'P' });
    expect(slotFormValues(new Date('2026-07-01T13:00:00Z'), 60)).toEqual({ 'date-day': '1', 'date-month': '7', 'date-year': '2026', time: '14:00', minutes: '60' });
  });
});
