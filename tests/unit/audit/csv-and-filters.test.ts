import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../modules/audit/csv';
import { filterParams, parseAuditQuery, parseCursor, parseDay } from '../../../modules/audit/search';
import { detailLines } from '../../../app/components/staff/audit-presenter';

describe('CSV cells', () => {
  it('defuses anything a spreadsheet would run as a formula', () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x","y")']) {
      expect(csvCell(formula).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-23T10:00:00.000Z');
    expect(csvCell({ reason: 'x' })).toBe('"{""reason"":""x""}"');
    expect(csvLine(['a', '=b', 'c,d'])).toBe(`a,'=b,"c,d"`);
  });
});

describe('audit log filters from the address', () => {
  it('reads days written the Scottish way or as ISO dates, and only real days', () => {
    expect(parseDay('23/11/2026')).toBe('2026-11-23');
    expect(parseDay('1-2-2026')).toBe('2026-02-01');
    expect(parseDay('2026-11-23')).toBe('2026-11-23');
    for (const bad of ['30/02/2026', '2026-13-01', 'yesterday', '', '23/11/26', '0000-01-01', '2026-11-23T00:00']) expect(parseDay(bad), bad).toBeNull();
  });

  it('ignores unknown choices, keeps what was typed, and explains unreadable or backwards dates', () => {
    const query = parseAuditQuery(new URLSearchParams({ action: 'drop table', outcome: 'denied', actor: ' admin\u0000@ ', from: '31/02/2026', to: '1/1/2026' }));
    expect(query.filters).toMatchObject({ action: undefined, outcome: 'denied', actor: 'admin @' });
    expect(query.errors.from).toMatch(/real date/);
    const backwards = parseAuditQuery(new URLSearchParams({ from: '2/1/2026', to: '1/1/2026' }));
    expect(backwards.errors.to).toMatch(/same as or after/);
    expect(filterParams(backwards.filters).toString()).toBe('from=2026-01-02&to=2026-01-01');
  });

  it('accepts only cursors it made, for real moments', () => {
    expect(parseCursor('2026-11-23T20:09:55.123456Z_42', 'older')).toEqual({ direction: 'older', at: '2026-11-23T20:09:55.123456Z', id: 42 });
    for (const bad of ['2026-02-30T20:09:55.123456Z_1', '2026-11-23T20:09:55Z_1', "x'; DROP TABLE audit_event;--", '2026-11-23T24:00:00.000000Z_1']) {
      expect(parseCursor(bad, 'older'), bad).toBeNull();
    }
  });
});

describe('audit detail on screen', () => {
  it('names roles and facts in words', () => {
    expect(detailLines('staff.role-change', { from: 'worker', to: 'manager' })).toEqual(['From: Programme worker', 'To: Team manager']);
    expect(detailLines('staff.deactivate', { sessionsEnded: 2 })).toEqual(['Sessions ended: 2']);
    expect(detailLines('audit.export', { rows: 3, truncated: false, action: null })).toEqual(['Rows: 3', 'Cut short at the limit: No']);
  });
});
