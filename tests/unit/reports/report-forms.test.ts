import { describe, expect, it } from 'vitest';
import { CASE_STATES } from '../../../modules/referrals/case-machine';
import { reportReadyText } from '../../../modules/reports/notices';
import { introductionProblem, prepareReportForm, reportActionForm, reportKindsFor, storedIntroduction } from '../../../modules/reports/report-forms';

describe('the reports that fit a case at its stage', () => {
  it('offers the start and progress reports while he is in the programme, and non-compliance once he has an unacceptable absence', () => {
    expect(reportKindsFor('in_programme', 0)).toEqual(['programme_start', 'progress_review']);
    expect(reportKindsFor('in_programme', 1)).toEqual(['programme_start', 'non_compliance', 'progress_review']);
    expect(reportKindsFor('in_programme', 4)).toEqual(['programme_start', 'non_compliance', 'progress_review']);
  });

  it('offers the completion or ended-early report when the programme ends, and nothing at any other stage', () => {
    expect(reportKindsFor('completed', 3)).toEqual(['completion']);
    expect(reportKindsFor('ended_early', 3)).toEqual(['ended_early']);
    for (const state of CASE_STATES.filter((s) => !['in_programme', 'completed', 'ended_early'].includes(s))) expect(reportKindsFor(state, 5), state).toEqual([]);
    expect(reportKindsFor('no-such-state', 1)).toEqual([]);
  });
});

describe('the opening paragraph a manager types', () => {
  it('is trimmed, and empty means the template', () => {
    expect(storedIntroduction('  Words.  ')).toBe('Words.');
    expect(storedIntroduction('   \n ')).toBeNull();
    expect(storedIntroduction(null)).toBeNull();
  });

  it('may be up to 5,000 characters, with line breaks but no NUL', () => {
    expect(introductionProblem(`${'x'.repeat(5_000)}   `)).toBeNull();
    expect(introductionProblem('Line one.\nLine two.')).toBeNull();
    expect(introductionProblem('x'.repeat(5_001))).toBe('The opening paragraph must be 5,000 characters or fewer');
    expect(introductionProblem('a\u0000b')).toBe('The opening paragraph must not contain hidden characters');
  });
});

describe('the report forms', () => {
  const form = (fields: Record<string, string>) => reportActionForm.safeParse(fields);

  it('reads each step with the version the person saw', () => {
    expect(form({ intent: 'refresh', version: '3' }).data).toEqual({ intent: 'refresh', version: 3 });
    expect(form({ intent: 'save', version: '3', introduction: 'New words' }).data).toEqual({ intent: 'save', version: 3, introduction: 'New words' });
    expect(form({ intent: 'save', version: '3' }).data).toEqual({ intent: 'save', version: 3, introduction: '' });
    expect(form({ intent: 'sign-off', version: '3', confirm: 'yes' }).data).toEqual({ intent: 'sign-off', version: 3, confirm: 'yes' });
  });

  it('refuses a sign-off that is not confirmed, a stale or forged version, and an unknown step', () => {
    expect(form({ intent: 'sign-off', version: '3' }).error?.issues[0]?.message).toBe('Confirm that you have read this report and it is ready for the referrer');
    expect(form({ intent: 'refresh', version: '-1' }).error?.issues[0]?.message).toBe('This page is out of date. Reload it and try again');
    expect(form({ intent: 'refresh', version: '1e3' }).success).toBe(false);
    expect(form({ intent: 'publish', version: '1' }).error?.issues[0]?.message).toBe('Choose what to do with this report');
    expect(form({ intent: 'save', version: '1', introduction: 'x'.repeat(5_001) }).success).toBe(false);
  });

  it('takes only a kind of report by name', () => {
    expect(prepareReportForm.safeParse({ kind: 'completion' }).data).toEqual({ kind: 'completion' });
    expect(prepareReportForm.safeParse({ kind: 'risk_score' }).error?.issues[0]?.message).toBe('Select the report to prepare');
    expect(prepareReportForm.safeParse({}).error?.issues[0]?.message).toBe('Select the report to prepare');
  });
});

describe('the email that says a report is ready', () => {
  it('says only that a report is ready, with the reference and a link', () => {
    const { subject, text } = reportReadyText('CH-2026-0042', 'https://choice.example/staff/referrals/abc/reports/def');
    expect(subject).toBe('A CHOICE report is ready on referral CH-2026-0042');
    expect(text.split('\n')).toEqual([
      'A CHOICE report is ready on referral CH-2026-0042.',
      '',
      'Sign in to read it:',
      'https://choice.example/staff/referrals/abc/reports/def',
      '',
      'For the privacy of everyone involved, this email does not contain any case details.',
      'If you were not expecting it, tell your manager.',
    ]);
  });
});
