/**
 * The non-compliance rule at every count, for the default and two other settings: the
 * stage reached, what each absence newly sets off, the worker's banner and the words
 * the Programme page states. One reading of the two thresholds, everywhere.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME } from '../../../modules/programme/definition';
import { doneText } from '../../../modules/sessions/banners';
import { crossedBy, nonComplianceRuleText, nonComplianceStage, type NonComplianceThresholds } from '../../../modules/sessions/non-compliance';

const SETTINGS: Array<[string, NonComplianceThresholds]> = [
  ['the default', DEFAULT_PROGRAMME.nonCompliance],
  ['one strike', { warningAfterUnacceptableAbsences: 1, endAfterUnacceptableAbsences: 1 }],
  ['a patient programme', { warningAfterUnacceptableAbsences: 3, endAfterUnacceptableAbsences: 5 }],
];

describe.each(SETTINGS)('the rule with %s', (_name, rule) => {
  const { warningAfterUnacceptableAbsences: warning, endAfterUnacceptableAbsences: end } = rule;
  const counts = Array.from({ length: end + 2 }, (_, i) => i);

  it.each(counts)('after %i unacceptable absences, is at the stage the thresholds say', (count) => {
    const expected = count >= end ? 'may-end' : count >= warning ? 'warning' : 'none';
    expect(nonComplianceStage(count, rule)).toBe(expected);
  });

  it.each(counts)('the absence that makes %i sets off only a threshold it crosses', (count) => {
    if (count === 0) return expect(crossedBy(-1, rule)).toBeNull();
    const crossed = crossedBy(count - 1, rule);
    expect(crossed).toBe(count === end ? 'may-end' : count === warning && warning < end ? 'warning' : null);
    const banner = doneText({ step: 'MARK_NOT_ATTENDED', judgement: 'unacceptable', absences: count, ...(crossed && crossed !== 'none' ? { nonCompliance: crossed } : {}) });
    // Before the end threshold the referrer is never said to be told; at it, only once the report is signed off.
    if (count < end) expect(banner).not.toMatch(/referrer (has been|is) (emailed|told)(?! at this stage)/);
    if (count === end) expect(banner).toContain('the referrer is told once it is signed off');
    if (crossed === 'warning') expect(banner).toContain('give him the warning in writing');
  });

  it('is stated on the Programme page with the same numbers', () => {
    const text = nonComplianceRuleText(rule);
    expect(text).toContain(`After ${end} unacceptable ${end === 1 ? 'absence' : 'absences'}, a non-compliance report is prepared`);
    if (warning < end) expect(text).toContain(`After ${warning} unacceptable ${warning === 1 ? 'absence' : 'absences'}, the worker warns him in writing; the referrer is not told.`);
    else expect(text).not.toContain('warns him');
  });
});
