/**
 * The outcome of a closed case, as a code for statistics. It is worked out from where
 * the case was when it closed (declined, completed, or ended early and why), so nobody
 * has to choose it and two people cannot record the same ending differently. The words
 * a manager writes when closing stay beside it, in `outcome`.
 */
import type { CaseOutcomeCode } from '../../db/schema';
import type { CaseState, EndEarlyReason } from './case-machine';

export function outcomeCodeOf(closedFrom: CaseState, endReason: EndEarlyReason | null): CaseOutcomeCode | null {
  switch (closedFrom) {
    case 'declined':
      return 'declined';
    case 'completed':
      return 'completed';
    case 'ended_early':
      return endReason ? `ended_early_${endReason}` : null;
    default:
      return null;
  }
}

export const OUTCOME_LABELS: Record<CaseOutcomeCode, string> = {
  declined: 'Referral declined',
  completed: 'Programme completed',
  ended_early_non_compliance: 'Ended early: non-compliance',
  ended_early_withdrawn: 'Ended early: he withdrew',
  ended_early_breached: 'Ended early: order or licence breached',
  ended_early_returned_to_referrer: 'Ended early: returned to the referrer',
};
