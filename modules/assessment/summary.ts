/**
 * Where a case's assessment and plan have got to, for the case page to show beside the
 * rest of the case: no text of the assessment, only whether it is complete and who
 * last saved it; the plan's modules, its state and its sign-off. The caller has read
 * the case through readCase (which writes the audit row for the page).
 *
 * Dates are ISO strings, so the summary passes through a loader's json() unchanged.
 */
import type { PlanModule, PlanState } from '../../db/schema';
import type { Executor } from '../audit/record';
import { isAssessmentComplete, readAssessment } from './assessment';
import { readPlan } from './plan';
import { planTotals } from './plan-builder';

export interface AssessmentAndPlanSummary {
  assessment: { complete: boolean; updatedAt: string; updatedByName: string | null } | null;
  plan: {
    state: PlanState;
    modules: PlanModule[];
    totalSessions: number;
    submittedAt: string | null;
    signedOffAt: string | null;
    signedOffByName: string | null;
    /** Why a manager sent it back, while it is back with the worker. */
    returnedReason?: string;
    returnedByName?: string | null;
  } | null;
}

export async function assessmentAndPlanSummary(db: Executor, referralId: string): Promise<AssessmentAndPlanSummary> {
  const [assessment, plan] = await Promise.all([readAssessment(db, referralId), readPlan(db, referralId)]);
  return {
    assessment: assessment ? { complete: isAssessmentComplete(assessment), updatedAt: assessment.updatedAt.toISOString(), updatedByName: assessment.updatedByName } : null,
    plan: plan
      ? {
          state: plan.state,
          modules: plan.modules,
          totalSessions: planTotals(plan.modules).sessions,
          submittedAt: plan.submittedAt?.toISOString() ?? null,
          signedOffAt: plan.signedOffAt?.toISOString() ?? null,
          signedOffByName: plan.signedOffByName,
          ...(plan.state === 'draft' && plan.returnedReason ? { returnedReason: plan.returnedReason, returnedByName: plan.returnedByName } : {}),
        }
      : null,
  };
}
