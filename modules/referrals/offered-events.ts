/**
 * Which steps to offer a person on a case page: those the machine would take now, and
 * that their role may take. Pure: it reads a snapshot, so a unit test can call it. The
 * server asks the machine again when the step is posted.
 */
import type { Permission } from '../auth/permissions';
import type { CaseEvent, CaseEventType } from './case-machine';
import { caseAccepts } from './snapshot';

/** A stand-in for each event's data, enough for the machine's guards to say yes or no. */
const PROBES: Record<CaseEventType, CaseEvent> = {
  SUBMIT: { type: 'SUBMIT' },
  START_SCREENING: { type: 'START_SCREENING' },
  REQUEST_INFORMATION: { type: 'REQUEST_INFORMATION', request: 'probe' },
  PROVIDE_INFORMATION: { type: 'PROVIDE_INFORMATION', response: 'probe' },
  DECLINE: { type: 'DECLINE', reason: 'probe' },
  ACCEPT: { type: 'ACCEPT' },
  ALLOCATE: { type: 'ALLOCATE', workerId: 'probe-worker-that-is-nobody' },
  START_ASSESSMENT: { type: 'START_ASSESSMENT' },
  START_PROGRAMME: { type: 'START_PROGRAMME' },
  // Offered whether or not the sessions are all attended yet: the page says what is missing, and a manager may override.
  COMPLETE: { type: 'COMPLETE', attended: 0, needed: 0, override: 'probe' },
  END_EARLY: { type: 'END_EARLY', reason: 'withdrawn', detail: 'probe' },
  CLOSE: { type: 'CLOSE', outcome: 'probe' },
};

/** The permission each step needs. */
export const EVENT_PERMISSIONS: Record<CaseEventType, Permission> = {
  SUBMIT: 'case:create:own-organisation',
  PROVIDE_INFORMATION: 'case:create:own-organisation',
  START_SCREENING: 'case:screen:service',
  REQUEST_INFORMATION: 'case:screen:service',
  DECLINE: 'case:screen:service',
  ACCEPT: 'case:screen:service',
  ALLOCATE: 'case:screen:service',
  START_ASSESSMENT: 'case:update:allocated',
  // The programme starts when a manager signs the individual plan off (modules/assessment/plan.ts).
  START_PROGRAMME: 'plan:sign-off:service',
  COMPLETE: 'case:update:allocated',
  END_EARLY: 'case:update:allocated',
  CLOSE: 'case:screen:service',
};

export function offeredEvents(stored: unknown, storedVersion: number, can: (permission: Permission) => boolean): CaseEventType[] {
  return (Object.keys(PROBES) as CaseEventType[]).filter((type) => can(EVENT_PERMISSIONS[type]) && caseAccepts(stored, storedVersion, PROBES[type]));
}
