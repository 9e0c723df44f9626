/**
 * What a plan's state is called on screen, and its GOV.UK tag: one place, so the plan
 * page and the case page's summary say the same thing. Pure, for components too.
 */
import type { PlanState } from '../../db/schema';

export const PLAN_STATE_LABELS: Record<PlanState, string> = {
  draft: 'Draft',
  awaiting_sign_off: 'Waiting for sign-off',
  signed_off: 'Signed off',
};

export const PLAN_STATE_TAGS: Record<PlanState, string> = {
  draft: 'govuk-tag govuk-tag--grey',
  awaiting_sign_off: 'govuk-tag govuk-tag--yellow',
  signed_off: 'govuk-tag govuk-tag--green',
};
