import { describe, expect, it } from 'vitest';
import { changedFields, isAssessmentComplete, missingFromAssessment, notEditableMessage } from '../../../modules/assessment/assessment';
import { assessmentFieldsOf, assessmentForm, planDecisionForm, TOOL_HINT, type AssessmentFields } from '../../../modules/assessment/forms';

const empty: AssessmentFields = { motivation: null, understanding: null, needs: null, risks: null, protective_factors: null, tool_name: null, tool_band: null };
const full: AssessmentFields = { ...empty, motivation: 'm', understanding: 'u', needs: 'n', risks: 'r', protective_factors: 'p' };

const issues = (input: Record<string, unknown>) => {
  const parsed = assessmentForm.safeParse({ version: '0', ...input });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
};

describe('the assessment form', () => {
  it('takes a draft with every part empty, trimmed, with line endings made plain', () => {
    const parsed = assessmentForm.parse({ version: '3', motivation: '  Wants to keep his family.\r\nWorried about work.  ', risks: '' });
    expect(assessmentFieldsOf(parsed)).toEqual({ ...empty, motivation: 'Wants to keep his family.\nWorried about work.' });
    expect(parsed.version).toBe(3);
  });

  it('refuses text that is too long or has hidden characters, naming the part', () => {
    expect(issues({ needs: 'x'.repeat(4_001) })).toEqual({ needs: 'Needs must be 4,000 characters or fewer' });
    expect(issues({ needs: 'x'.repeat(4_000) })).toEqual({});
    expect(issues({ understanding: 'a\u0000b' })).toEqual({ understanding: 'Understanding of the offending must not contain hidden characters' });
    expect(issues({ protective_factors: 'tabs\tand\nlines are fine' })).toEqual({});
    expect(issues({ tool_name: 'Tool\nname', tool_band: 'Low' })).toEqual({ tool_name: 'The name of the tool must not contain tabs, line breaks or other hidden characters' });
  });

  it('needs the tool’s name and band together, or neither', () => {
    expect(issues({ tool_name: 'A validated tool' })).toEqual({ tool_band: 'Enter the band the tool gave, or clear the name of the tool' });
    expect(issues({ tool_band: 'Low' })).toEqual({ tool_name: 'Enter the name of the tool that gave this band, or clear the band' });
    expect(issues({ tool_name: 'A validated tool', tool_band: 'Low' })).toEqual({});
  });

  it('refuses a version that is not a number', () => {
    for (const version of ['', 'x', '-1', '1.5', '9'.repeat(12)]) {
      expect(assessmentForm.safeParse({ version }).success, version).toBe(false);
    }
  });

  it('says in the hint that the platform records the assessor’s result and never computes a score', () => {
    expect(TOOL_HINT).toContain('records the assessor’s result');
    expect(TOOL_HINT).toContain('never computes a score');
  });
});

describe('a complete assessment', () => {
  it('has all five structured parts; the tool is optional', () => {
    expect(isAssessmentComplete(null)).toBe(false);
    expect(isAssessmentComplete(full)).toBe(true);
    expect(isAssessmentComplete({ ...full, risks: '   ' })).toBe(false);
    expect(missingFromAssessment({ ...full, motivation: null, protective_factors: '' })).toEqual(['Motivation', 'Protective factors']);
    expect(missingFromAssessment(null)).toHaveLength(5);
  });

  it('names the parts that changed between two versions', () => {
    expect(changedFields(null, full)).toEqual(['motivation', 'understanding', 'needs', 'risks', 'protective_factors']);
    expect(changedFields(full, { ...full, risks: 'other', tool_name: 'T', tool_band: 'B' })).toEqual(['risks', 'tool_name', 'tool_band']);
  });

  it('says why the assessment cannot be changed', () => {
    expect(notEditableMessage('allocated')).toContain('Start it from the case page');
    expect(notEditableMessage('closed')).toContain('can no longer be changed');
  });
});

describe('the manager’s decision on a plan', () => {
  it('signs off with both versions, or sends back with a reason', () => {
    expect(planDecisionForm.parse({ intent: 'sign-off', planVersion: '2', caseVersion: '7' })).toEqual({ intent: 'sign-off', planVersion: 2, caseVersion: 7 });
    expect(planDecisionForm.parse({ intent: 'return', planVersion: '2', reason: '  Add relapse prevention. ' })).toEqual({ intent: 'return', planVersion: 2, reason: 'Add relapse prevention.' });
    const noReason = planDecisionForm.safeParse({ intent: 'return', planVersion: '2', reason: '   ' });
    expect(noReason.success ? null : noReason.error.issues[0]!.message).toBe('Enter what the worker needs to change');
    const long = planDecisionForm.safeParse({ intent: 'return', planVersion: '2', reason: 'x'.repeat(2_001) });
    expect(long.success ? null : long.error.issues[0]!.message).toBe('The reason must be 2,000 characters or fewer');
    expect(planDecisionForm.safeParse({ intent: 'approve', planVersion: '2' }).success).toBe(false);
  });
});
