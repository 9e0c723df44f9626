/**
 * What can go wrong with a plan, as types a route maps to its own words: someone else
 * changed it first, the plan or case is not at a stage that takes the change (or this
 * person may not make it), the assessment is not complete, or the plan itself is not
 * one the programme allows.
 */
import type { PlanErrors } from './plan-builder';
import type { PlanRecord } from './plan';

export class PlanConflictError extends Error {
  constructor(
    /** The plan as it is now (who changed it, when, and its state), or null if there is none. */
    readonly current: PlanRecord | null,
  ) {
    super('This plan was changed by someone else.');
    this.name = 'PlanConflictError';
  }
}

/** The plan or the case is not at a stage that takes this change, or this person may not make it. */
export class PlanNotAllowedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanNotAllowedError';
  }
}

/** The plan cannot go for sign-off (or be signed off) until the assessment is complete. */
export class PlanNotReadyError extends Error {
  constructor(
    /** The parts of the assessment still empty, by their labels. */
    readonly missing: string[],
  ) {
    super(`The assessment is not complete yet. Before the plan can be signed off, fill in ${listText(missing.map((m) => m.toLowerCase()))} in the assessment.`);
    this.name = 'PlanNotReadyError';
  }
}

/** What a caller asked to save is not a plan the programme allows (field → message, as the builder says). */
export class PlanInvalidError extends Error {
  constructor(readonly errors: PlanErrors) {
    super(Object.values(errors)[0] ?? 'The plan is not valid.');
    this.name = 'PlanInvalidError';
  }
}

function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
