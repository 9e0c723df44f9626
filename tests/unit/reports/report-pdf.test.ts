import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME } from '../../../modules/programme/definition';
import { buildReport, type ReportFacts } from '../../../modules/reports/report-content';
import { reportDocumentModel, reportFileName, reportPdf } from '../../../modules/reports/report-pdf';

const facts: ReportFacts = {
  reference: 'CH-2026-0042',
  route: 'structured_deferred_sentence',
  referrerOrganisation: 'Fife Justice Social Work',
  personName: 'Seán Ó Briain',
  dateOfBirth: '1984-03-07',
  decisionDate: '2027-02-01',
  programme: {
    label: DEFAULT_PROGRAMME.label,
    modules: DEFAULT_PROGRAMME.modules,
    reportTemplates: DEFAULT_PROGRAMME.reportTemplates,
  },
  sessions: {
    attended: 4,
    planned: 24,
    absences: [{ date: '2026-10-14', acceptable: false }],
    modulesCovered: ['assessment', 'motivation'],
    firstSessionDate: '2026-09-02',
    lastSessionDate: '2026-11-18',
  },
  workerName: 'Morag Brown',
  generatedOn: '2026-11-23',
};

const pdfText = async (bytes: Buffer) =>
  (
    await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
      mergePages: true,
    })
  ).text.replace(/\s+/g, ' ');

describe('a report as a PDF', () => {
  it('prints the title, the reference, the audience and the absences', async () => {
    const report = buildReport('non_compliance', facts);
    const bytes = await reportPdf(report);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain(report.title);
    expect(text).toContain('CH-2026-0042');
    expect(text).toContain('Seán Ó Briain');
    expect(text).toContain('supplementary report for the court on 1 February 2027');
    expect(text).toContain('14 October 2026: absent, with no acceptable reason');
  });

  it('keeps the sections in order, with lists only where there are items', () => {
    const model = reportDocumentModel(
      buildReport('progress_review', {
        ...facts,
        sessions: { ...facts.sessions, absences: [] },
      }),
    );
    expect(model.sections.map((s) => s.heading)).toEqual(['Summary', 'About this report', 'The referral', 'Attendance', 'Modules covered', 'What happens next', 'Sign-off']);
    expect(model.sections.find((s) => s.heading === 'Attendance')!.items).toBeUndefined();
    expect(model.footer).toContain('no risk assessment or score');
  });

  it('names the file by kind and reference only', () => {
    expect(reportFileName(buildReport('completion', facts), facts.reference)).toBe('choice-completion-CH-2026-0042.pdf');
  });
});
