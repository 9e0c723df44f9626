import { describe, expect, it } from 'vitest';
import { DIARY_MESSAGES, decodeDiaryPlace, encodeDiaryPlace, parseDiaryQuery } from '../../../modules/sessions/diary-page';
import { sessionStatus } from '../../../modules/sessions/status';

const TODAY = '2026-11-25';
const parse = (query: string) => parseDiaryQuery(new URLSearchParams(query), TODAY);
const ID = '0b7f7a36-5d7c-4a8e-9a53-2f1b6f0f4a11';

describe('the diary address', () => {
  it('shows this week (Monday to Sunday) when it names none', () => {
    expect(parse('')).toEqual({ monday: '2026-11-23', worker: null, after: null, errors: {}, values: {} });
  });

  it('takes a week by its ISO name, or the week of a day', () => {
    expect(parse('week=2026-W50').monday).toBe('2026-12-07');
    expect(parse('week=2026-w50').monday).toBe('2026-12-07');
    expect(parse('from=2026-12-10').monday).toBe('2026-12-07');
    expect(parse('from=10/12/2026')).toMatchObject({ monday: '2026-12-07', values: { from: '10/12/2026' }, errors: {} });
    // A parameter given twice counts as its first value.
    expect(parse('week=2026-W50&week=nonsense')).toMatchObject({ monday: '2026-12-07', errors: {} });
    // The week wins over a day when both are given.
    expect(parse('week=2026-W50&from=2027-01-01').monday).toBe('2026-12-07');
  });

  it('explains a week or day it cannot use, and shows this week instead', () => {
    for (const bad of ['2026-W54', '2025-W53', 'next', '2026-48', '<script>', '2026-W4\u00008']) {
      expect(parse(`week=${encodeURIComponent(bad)}`)).toMatchObject({ monday: '2026-11-23', errors: { week: DIARY_MESSAGES.week } });
    }
    expect(parse('week=1999-W10').errors).toEqual({ week: DIARY_MESSAGES.weekRange });
    expect(parse('from=31/02/2026')).toMatchObject({ monday: '2026-11-23', errors: { from: DIARY_MESSAGES.from }, values: { from: '31/02/2026' } });
    expect(parse(`from=${'9'.repeat(5000)}`).values.from).toHaveLength(40);
    expect(parse('from=2150-01-01').errors).toEqual({ from: DIARY_MESSAGES.fromRange });
    // A bad week and a good day: the day is used, and the week explained.
    expect(parse('week=x&from=2026-12-10')).toMatchObject({ monday: '2026-12-07', errors: { week: DIARY_MESSAGES.week } });
  });

  it('reads whose diary is asked for only when it is an id', () => {
    expect(parse(`worker=${ID.toUpperCase()}`)).toMatchObject({ worker: ID, errors: {} });
    expect(parse("worker=1' OR '1'='1")).toMatchObject({ worker: null, errors: { worker: DIARY_MESSAGES.worker } });
  });

  it('keeps a place in the week only if it is in the week shown', () => {
    const place = { startsAt: new Date('2026-11-24T10:00:00.000Z'), id: ID };
    expect(decodeDiaryPlace(encodeDiaryPlace(place))).toEqual(place);
    expect(parse(`after=${encodeDiaryPlace(place)}`).after).toEqual(place);
    expect(parse(`week=2026-W50&after=${encodeDiaryPlace(place)}`).after).toBeNull();
    expect(parse('after=2026-11-24T10:00:00.000Z_nope').after).toBeNull();
    expect(decodeDiaryPlace('2026-02-30T10:00:00.000Z_' + ID)).toBeNull();
  });
});

describe('a session’s status', () => {
  it('says what the worker needs to know', () => {
    expect(sessionStatus('scheduled').label).toBe('Booked');
    expect(sessionStatus('scheduled', { over: true })).toMatchObject({ label: 'Attendance to record', colour: 'orange' });
    expect(sessionStatus('attended').label).toBe('Attended – notes due');
    expect(sessionStatus('not_attended', { absence: 'unacceptable' })).toMatchObject({ label: 'Missed – no acceptable reason', className: 'govuk-tag govuk-tag--red' });
    expect(sessionStatus('something_new')).toMatchObject({ label: 'something new', colour: 'grey' });
  });
});
