import { describe, expect, it } from 'vitest';
import { REFERRAL_ROUTES, type ReferralRoute } from '../../../db/schema';
import { DEFAULT_PROGRAMME } from '../../../modules/programme/definition';
import { buildReport, fillTemplate, REPORT_KINDS, type Report, type ReportFacts, type ReportKind } from '../../../modules/reports/report-content';

const PRIVATE_NOTE = 'Talked at length about his brother in Dundee';

function facts(overrides: Partial<ReportFacts> = {}): ReportFacts {
  // Session rows as a caller might pass them, private notes and all: only the named fields may be read.
  const absences = [
    { date: '2026-10-14', acceptable: true, notes: PRIVATE_NOTE },
    { date: '2026-09-30', acceptable: false, notes: PRIVATE_NOTE },
    { date: '2026-11-04', acceptable: false, notes: PRIVATE_NOTE },
  ];
  const base = {
    reference: 'CH-2026-0042',
    route: 'diversion' as ReferralRoute,
    referrerOrganisation: 'COPFS Glasgow',
    personName: 'John Smith',
    dateOfBirth: '1984-03-07',
    decisionDate: '2027-02-01',
    programme: {
      label: DEFAULT_PROGRAMME.label,
      modules: DEFAULT_PROGRAMME.modules,
      reportTemplates: DEFAULT_PROGRAMME.reportTemplates,
    },
    sessions: {
      attended: 6,
      planned: 24,
      absences,
      modulesCovered: ['assessment', 'motivation', 'understanding-the-offending'],
      firstSessionDate: '2026-09-02',
      lastSessionDate: '2026-11-18',
      notes: [PRIVATE_NOTE],
    },
    workerName: 'Morag Brown',
    managerName: 'Iain Fraser',
    signedOffAt: new Date('2026-11-23T10:00:00Z'),
    generatedOn: '2026-11-23',
    privateNotes: PRIVATE_NOTE,
    riskScore: 'Risk band: low (CPORT 2)',
    ...overrides,
  };
  return base;
}

const allText = (report: Report) =>
  [report.title, report.audience, report.introduction, report.footer, ...report.sections.flatMap((s) => [s.heading, ...s.paragraphs, ...(s.list ?? [])])].join('\n');
const section = (report: Report, heading: string) => report.sections.find((s) => s.heading === heading);

describe('who a report is for, by route', () => {
  it('writes for the procurator fiscal deciding on prosecution in a diversion', () => {
    for (const kind of REPORT_KINDS) {
      const report = buildReport(kind, facts({ route: 'diversion', endReason: 'non_compliance' }));
      expect(report.audience).toBe('For the procurator fiscal, COPFS Glasgow');
      expect(allText(report)).toContain('This report is for the procurator fiscal considering whether to prosecute John Smith');
      expect(allText(report)).not.toMatch(/supervising officer|supplementary report/);
    }
  });

  it('writes for the justice social worker preparing the supplementary report on the court date in a structured deferred sentence', () => {
    for (const kind of REPORT_KINDS) {
      const report = buildReport(
        kind,
        facts({
          route: 'structured_deferred_sentence',
          referrerOrganisation: 'Fife Justice Social Work',
          endReason: 'withdrawn',
        }),
      );
      expect(report.audience).toBe('For the justice social worker, Fife Justice Social Work, preparing the supplementary report for the court on 1 February 2027');
      expect(allText(report)).toContain('This report is for the justice social worker preparing the supplementary report for the court on 1 February 2027');
      expect(allText(report)).not.toMatch(/procurator fiscal|supervising officer/);
    }
  });

  it('writes for the supervising officer on a community payback order, another community order or a licence', () => {
    const orders: Array<[ReferralRoute, string]> = [
      ['community_payback_order', 'his community payback order'],
      ['other_community_order', 'his community order'],
      ['licence', 'his licence'],
    ];
    for (const [route, order] of orders) {
      for (const kind of REPORT_KINDS) {
        const report = buildReport(
          kind,
          facts({
            route,
            referrerOrganisation: 'Edinburgh Justice Social Work',
            endReason: 'breached',
          }),
        );
        expect(report.audience).toBe('For the supervising officer, Edinburgh Justice Social Work');
        expect(allText(report)).toContain(`This report is for the supervising officer responsible for ${order}`);
        expect(allText(report)).not.toMatch(/procurator fiscal|supplementary report/);
      }
    }
  });

  it('gives every route and kind its own title, audience and next steps', () => {
    const seen = new Set<string>();
    for (const route of REFERRAL_ROUTES) {
      for (const kind of REPORT_KINDS) {
        const report = buildReport(kind, facts({ route, endReason: 'withdrawn' }));
        expect(report.kind).toBe(kind);
        expect(section(report, 'What happens next')?.paragraphs.length).toBeGreaterThan(0);
        seen.add(`${report.title}|${report.audience}`);
      }
    }
    expect(seen.size).toBe(REPORT_KINDS.length * 3);
  });

  it('says the court date is not known when a deferred sentence has none', () => {
    const report = buildReport('completion', facts({ route: 'structured_deferred_sentence', decisionDate: null }));
    expect(report.audience).toBe('For the justice social worker, COPFS Glasgow, preparing the supplementary report for the court');
    expect(allText(report)).toContain('the court when the deferred sentence next calls');
  });
});

describe('what a report says', () => {
  it('never carries private notes or a risk score, whatever the caller passes', () => {
    for (const route of REFERRAL_ROUTES) {
      for (const kind of REPORT_KINDS) {
        const text = allText(buildReport(kind, facts({ route, endReason: 'non_compliance' })));
        expect(text).not.toContain(PRIVATE_NOTE);
        expect(text).not.toContain('Dundee');
        expect(text).not.toMatch(/CPORT|risk band|risk score: /i);
      }
    }
  });

  it('lists every absence by date, oldest first, saying whether it was acceptable', () => {
    const report = buildReport('non_compliance', facts());
    const attendance = section(report, 'Attendance')!;
    expect(attendance.list).toEqual([
      '30 September 2026: absent, with no acceptable reason (unacceptable absence)',
      '14 October 2026: absent, with a reason the worker accepted',
      '4 November 2026: absent, with no acceptable reason (unacceptable absence)',
    ]);
    expect(attendance.paragraphs).toContain('He has missed 3 sessions: 2 unacceptable absences and 1 absence with a reason the worker accepted.');
    expect(attendance.paragraphs).toContain('He has attended 6 of 24 planned sessions.');
  });

  it('words the count of absences for one kind only', () => {
    const only = (absences: ReportFacts['sessions']['absences']) =>
      section(buildReport('progress_review', facts({ sessions: { ...facts().sessions, absences } })), 'Attendance')!.paragraphs.at(-1);
    expect(only([{ date: '2026-10-01', acceptable: false }])).toBe('He has missed 1 session, an unacceptable absence: no reason was given that the worker could accept.');
    expect(
      only([
        { date: '2026-10-01', acceptable: false },
        { date: '2026-10-08', acceptable: false },
      ]),
    ).toBe('He has missed 2 sessions, all unacceptable absences: no reason was given that the worker could accept.');
    expect(only([{ date: '2026-10-01', acceptable: true }])).toBe('He has missed 1 session, with a reason the worker accepted.');
    expect(
      only([
        { date: '2026-10-01', acceptable: true },
        { date: '2026-10-08', acceptable: true },
      ]),
    ).toBe('He has missed 2 sessions, each with a reason the worker accepted.');
  });

  it('says so when no session has been missed', () => {
    const report = buildReport('progress_review', facts({ sessions: { ...facts().sessions, absences: [] } }));
    expect(section(report, 'Attendance')!.paragraphs).toContain('He has missed no sessions.');
    expect(section(report, 'Attendance')!.list).toBeUndefined();
  });

  it('formats dates in the British way', () => {
    const text = allText(buildReport('completion', facts({ endedOn: '2026-12-09' })));
    expect(text).toContain('Date of birth: 7 March 1984');
    expect(text).toContain('Fiscal’s decision date: 1 February 2027');
    expect(text).toContain('completed the CHOICE programme on 9 December 2026');
    expect(text).toContain('Signed off by Iain Fraser, CHOICE manager, on 23 November 2026.');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}/);
  });

  it('reads a moment as the day in Scotland', () => {
    const report = buildReport('completion', facts({ signedOffAt: new Date('2026-06-30T23:30:00Z') }));
    expect(allText(report)).toContain('on 1 July 2026.');
  });

  it('names the modules covered by their titles, and those still to come at a review', () => {
    const report = buildReport('progress_review', facts());
    const modules = section(report, 'Modules covered')!;
    expect(modules.list).toEqual(['Assessment', 'Motivation', 'Understanding the offending']);
    const next = section(report, 'What happens next')!.paragraphs;
    expect(next[0]).toBe('He continues on the programme: 18 planned sessions remain.');
    expect(next[1]).toMatch(/^Modules still to come: Thinking and permission-giving, Impact on children, .*A good life and future plans\.$/);
  });

  it('lists the planned modules at the start', () => {
    const report = buildReport(
      'programme_start',
      facts({
        sessions: {
          attended: 0,
          planned: 24,
          absences: [],
          modulesCovered: [],
        },
      }),
    );
    expect(section(report, 'The programme')!.list).toContain('Assessment: 2 sessions');
    expect(section(report, 'Attendance')!.paragraphs[0]).toBe('No sessions have been attended yet. 24 sessions are planned.');
  });

  it('gives the reason a programme ended early', () => {
    const report = buildReport('ended_early', facts({ endReason: 'non_compliance', endedOn: '2026-11-20' }));
    expect(section(report, 'Why the programme ended')!.paragraphs[0]).toBe('His place on the programme ended because he did not attend as the programme requires.');
    expect(report.introduction).toContain('ended on 20 November 2026 because he did not attend');
    expect(section(report, 'Why the programme ended')).toBeDefined();
    expect(section(buildReport('completion', facts()), 'Why the programme ended')).toBeUndefined();
  });

  it('says when a manager has not yet signed the report off', () => {
    const report = buildReport('completion', facts({ managerName: null, signedOffAt: null }));
    expect(section(report, 'Sign-off')!.paragraphs).toEqual(['Prepared by Morag Brown, CHOICE worker, on 23 November 2026.', 'Not yet signed off by a CHOICE manager.']);
  });
});

describe('the introduction from the programme template', () => {
  const expected: Record<ReportKind, string> = {
    programme_start:
      'Referral CH-2026-0042: John Smith started the CHOICE programme on 2 September 2026. 24 sessions are planned. The next report will follow at the progress review.',
    non_compliance:
      'Referral CH-2026-0042: John Smith has had 2 unacceptable absences from CHOICE sessions, the last on 4 November 2026. Under the programme rules this is reported to you as non-compliance.',
    progress_review:
      'Referral CH-2026-0042: progress review for John Smith on 23 November 2026. Sessions attended: 6 of 24. Modules completed: Assessment, Motivation, Understanding the offending.',
    completion: 'Referral CH-2026-0042: John Smith completed the CHOICE programme on 18 November 2026, attending 6 sessions.',
    ended_early:
      'Referral CH-2026-0042: John Smith’s place on the CHOICE programme ended on 18 November 2026 because he withdrew from the programme. He attended 6 of 24 planned sessions.',
  };

  it('fills in the default templates', () => {
    for (const kind of REPORT_KINDS) {
      const report = buildReport(kind, facts({ endReason: 'withdrawn' }));
      expect(report.introduction).toBe(expected[kind]);
      expect(report.sections[0]).toEqual({
        heading: 'Summary',
        paragraphs: [expected[kind]],
      });
    }
  });

  it('ends every report with the service’s own contact details when it has given some, and with nothing made up when it has not', () => {
    const contact = { phone: '0131 496 0000', email: 'choice@example.org', address: '1 Example Street\nEdinburgh EH1 1AA' };
    for (const kind of REPORT_KINDS) {
      const report = buildReport(kind, facts({ serviceContact: contact, endReason: kind === 'ended_early' ? 'withdrawn' : null }));
      expect(report.sections.at(-1)).toEqual({
        heading: 'Contacting CHOICE',
        paragraphs: ['You can reach the CHOICE service by phone on 0131 496 0000, by email at choice@example.org or by post to 1 Example Street, Edinburgh EH1 1AA.'],
      });
      expect(buildReport(kind, facts({ serviceContact: null })).sections.map((s) => s.heading)).not.toContain('Contacting CHOICE');
    }
    expect(buildReport('completion', facts({ serviceContact: { phone: '', email: 'choice@example.org', address: '' } })).sections.at(-1)!.paragraphs).toEqual(['You can reach the CHOICE service by email at choice@example.org.']);
  });

  it('uses the manager’s edited text in place of the template', () => {
    const report = buildReport('completion', facts(), {
      introduction: '  John has done very well.  ',
    });
    expect(report.introduction).toBe('John has done very well.');
    expect(report.sections[0]!.paragraphs).toEqual(['John has done very well.']);
  });

  it('uses a plain default when the programme has no template', () => {
    const report = buildReport(
      'completion',
      facts({
        programme: { label: 'Test', modules: DEFAULT_PROGRAMME.modules },
      }),
    );
    expect(report.introduction).toBe('Referral CH-2026-0042: John Smith completed the CHOICE programme on 18 November 2026, attending 6 sessions.');
  });

  it('leaves a placeholder it does not know as written', () => {
    expect(fillTemplate('{name} at {venue}', { name: 'John' })).toBe('John at {venue}');
    expect(fillTemplate('{constructor}', {})).toBe('{constructor}');
  });
});
