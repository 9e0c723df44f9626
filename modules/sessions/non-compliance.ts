/**
 * The non-compliance rule. Its thresholds come from the programme definition (a
 * manager's configuration), never from here: with the default of one and two, a first
 * unacceptable absence brings a warning letter to the man and a note to the referrer;
 * a second lets the case be ended early for non-compliance, and the referrer is told so
 * they can decide what follows (a fiscal may prosecute; a court is told).
 */
export interface NonComplianceThresholds {
  warningAfterUnacceptableAbsences: number;
  endAfterUnacceptableAbsences: number;
}

export type NonComplianceStage = 'none' | 'warning' | 'may-end';

export function nonComplianceStage(unacceptableAbsences: number, thresholds: NonComplianceThresholds): NonComplianceStage {
  if (unacceptableAbsences >= thresholds.endAfterUnacceptableAbsences) return 'may-end';
  if (unacceptableAbsences >= thresholds.warningAfterUnacceptableAbsences) return 'warning';
  return 'none';
}

/** What an absence newly triggers: only the moment a threshold is crossed sends anything. */
export function crossedBy(previousCount: number, thresholds: NonComplianceThresholds): NonComplianceStage | null {
  const before = nonComplianceStage(previousCount, thresholds);
  const after = nonComplianceStage(previousCount + 1, thresholds);
  return after !== before ? after : null;
}
