import { describe, expect, it } from 'vitest';
import { CASE_STATES, END_EARLY_REASONS } from '../../../modules/referrals/case-machine';
import { OUTCOME_LABELS, outcomeCodeOf } from '../../../modules/referrals/outcomes';

describe('the outcome a closed case records', () => {
  it('is worked out from where the case closed', () => {
    expect(outcomeCodeOf('declined', null)).toBe('declined');
    expect(outcomeCodeOf('completed', null)).toBe('completed');
    for (const reason of END_EARLY_REASONS) expect(outcomeCodeOf('ended_early', reason)).toBe(`ended_early_${reason}`);
  });

  it('is nothing for a case that cannot close, or ended early for no known reason', () => {
    for (const state of CASE_STATES.filter((s) => !['declined', 'completed', 'ended_early'].includes(s))) expect(outcomeCodeOf(state, null)).toBeNull();
    expect(outcomeCodeOf('ended_early', null)).toBeNull();
  });

  it('has words for every code', () => {
    for (const reason of END_EARLY_REASONS) expect(OUTCOME_LABELS[outcomeCodeOf('ended_early', reason)!]).toMatch(/^Ended early: /);
  });
});
