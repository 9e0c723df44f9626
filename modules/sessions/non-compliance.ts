/**
 * The non-compliance rule, the one reading of the programme definition's two thresholds
 * (a manager's configuration, never numbers here). Reaching the warning threshold means
 * the worker warns him in writing; the referrer is not told. Reaching the end threshold
 * prepares the non-compliance report for a manager to sign off, and lets the case be
 * ended early for non-compliance; the referrer is told when that report is signed off,
 * so that they can decide what follows (a fiscal may prosecute; a court is told).
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

/** The rule in words, for the Programme page and anywhere else that states it. */
export function nonComplianceRuleText(thresholds: NonComplianceThresholds): string {
  const plural = (n: number) => `${n} unacceptable ${n === 1 ? 'absence' : 'absences'}`;
  const end = `After ${plural(thresholds.endAfterUnacceptableAbsences)}, a non-compliance report is prepared for a manager to sign off, the referrer is told once it is signed off, and the programme can be ended early for non-compliance.`;
  if (thresholds.warningAfterUnacceptableAbsences >= thresholds.endAfterUnacceptableAbsences) return end;
  return `After ${plural(thresholds.warningAfterUnacceptableAbsences)}, the worker warns him in writing; the referrer is not told. ${end}`;
}
