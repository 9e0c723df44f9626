import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, ICS_PRODID, icsUtc, sessionInvite, sessionInviteTitle } from '../../../modules/sessions/ics';

const octets = (line: string) => new TextEncoder().encode(line).length;

const invite = (overrides: Partial<Parameters<typeof sessionInvite>[0]> = {}) =>
  sessionInvite({
    uid: 'session-1@choice.example',
    startsAt: new Date('2026-11-30T10:00:00+00:00'),
    endsAt: new Date('2026-11-30T11:00:00+00:00'),
    title: sessionInviteTitle('CH-000123'),
    stampedAt: new Date('2026-11-23T17:05:09.123Z'),
    ...overrides,
  });

describe('a session invitation', () => {
  it('is a VCALENDAR with one VEVENT, CRLF line endings, UTC times and a fixed PRODID', () => {
    const text = invite({ startsAt: new Date('2026-06-01T10:00:00+01:00'), endsAt: new Date('2026-06-01T11:00:00+01:00') });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      `PRODID:${ICS_PRODID}`,
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:session-1@choice.example',
      'DTSTAMP:20261123T170509Z',
      'DTSTART:20260601T090000Z',
      'DTEND:20260601T100000Z',
      'SUMMARY:CHOICE session (CH-000123)',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('names the case by its reference only', () => {
    expect(sessionInviteTitle('CH-000123')).toBe('CHOICE session (CH-000123)');
  });

  it('escapes commas, semicolons, backslashes and every kind of newline in text', () => {
    expect(escapeIcsText('Room 2, Leith; bring\\the pack\r\nand\nthe\rform')).toBe('Room 2\\, Leith\\; bring\\\\the pack\\nand\\nthe\\nform');
    const text = invite({ description: 'Room 2, Leith;\nring the bell' });
    expect(text).toContain('DESCRIPTION:Room 2\\, Leith\\;\\nring the bell\r\n');
  });

  it('folds lines at 75 octets with CRLF and a space, and unfolds to the same text', () => {
    const description = 'A'.repeat(200);
    const text = invite({ description });
    const lines = text.split('\r\n');
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain(`DESCRIPTION:${description}\r\n`);
    expect(lines.filter((line) => line.startsWith(' ')).length).toBe(2);
  });

  it('never cuts a multi-byte character in two', () => {
    const line = `DESCRIPTION:${'é'.repeat(60)}${'😀'.repeat(20)}`;
    const folded = foldIcsLine(line);
    for (const part of folded.split('\r\n')) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('leaves a short line alone and writes times in UTC without fractions', () => {
    expect(foldIcsLine('SUMMARY:short')).toBe('SUMMARY:short');
    expect(foldIcsLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldIcsLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
    expect(icsUtc(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
  });

  it('refuses a session that ends before it starts', () => {
    expect(() => invite({ endsAt: new Date('2026-11-30T09:00:00Z') })).toThrow(RangeError);
  });
});
