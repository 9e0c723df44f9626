import { describe, expect, it } from 'vitest';
import type { OrganisationKind, StaffRole } from '../../../db/schema';
import { mayUpdate, type CaseViewer } from '../../../modules/referrals/access';
import { CASE_MACHINE_VERSION, CASE_STATES, type CaseEventType, type CaseState } from '../../../modules/referrals/case-machine';
import { offeredEvents } from '../../../modules/referrals/offered-events';
import { snapshotIn } from '../../support/case-snapshots';

const ORGANISATION: Record<StaffRole, { id: string; kind: OrganisationKind }> = {
  referrer: { id: 'copfs-edinburgh', kind: 'copfs_office' },
  worker: { id: 'choice', kind: 'choice_service' },
  manager: { id: 'choice', kind: 'choice_service' },
  admin: { id: 'choice', kind: 'choice_service' },
};

const viewer = (role: StaffRole, staffUserId = `${role}-1`): CaseViewer => ({ staffUserId, role, organisationId: ORGANISATION[role].id, organisationKind: ORGANISATION[role].kind });

/** A case made by COPFS Edinburgh, allocated to worker-1 once it reaches allocation. */
function offered(role: StaffRole, state: CaseState, who = viewer(role)): CaseEventType[] {
  const referral = { organisation_id: 'copfs-edinburgh', allocated_worker_id: ['allocated', 'assessment', 'in_programme', 'completed', 'ended_early'].includes(state) ? 'worker-1' : null, state };
  return offeredEvents(snapshotIn(state), CASE_MACHINE_VERSION, (permission) => mayUpdate(who, referral, permission));
}

/** What each role is offered in each state; a state not listed offers nothing. */
const EXPECTED: Record<Exclude<StaffRole, 'admin'>, Partial<Record<CaseState, CaseEventType[]>>> = {
  referrer: {
    draft: ['SUBMIT'],
    more_information_requested: ['PROVIDE_INFORMATION'],
  },
  manager: {
    submitted: ['START_SCREENING', 'REQUEST_INFORMATION', 'DECLINE'],
    screening: ['REQUEST_INFORMATION', 'DECLINE', 'ACCEPT'],
    more_information_requested: ['DECLINE'],
    declined: ['CLOSE'],
    accepted: ['ALLOCATE'],
    allocated: ['ALLOCATE', 'START_ASSESSMENT', 'END_EARLY'],
    assessment: ['ALLOCATE', 'START_PROGRAMME', 'END_EARLY'],
    in_programme: ['ALLOCATE', 'COMPLETE', 'END_EARLY'],
    completed: ['CLOSE'],
    ended_early: ['CLOSE'],
  },
  worker: {
    allocated: ['START_ASSESSMENT', 'END_EARLY'],
    // The programme starts when a manager signs the plan off.
    assessment: ['END_EARLY'],
    in_programme: ['COMPLETE', 'END_EARLY'],
  },
};

describe('the steps offered on a case page, by role and state', () => {
  for (const role of ['referrer', 'manager', 'worker'] as const) {
    it.each(CASE_STATES)(`a ${role}, on a case that is %s`, (state) => {
      expect(offered(role, state)).toEqual(EXPECTED[role][state] ?? []);
    });
  }

  it('offers an administrator nothing, whatever the state', () => {
    for (const state of CASE_STATES) expect(offered('admin', state)).toEqual([]);
  });

  it('offers a referrer of another organisation nothing, even where the machine would move', () => {
    const glasgow: CaseViewer = { staffUserId: 'glasgow-1', role: 'referrer', organisationId: 'glasgow-jsw', organisationKind: 'justice_social_work' };
    expect(offered('referrer', 'more_information_requested', glasgow)).toEqual([]);
    expect(offered('referrer', 'draft', glasgow)).toEqual([]);
  });

  it('offers a worker nothing on a case allocated to someone else', () => {
    expect(offered('worker', 'allocated', viewer('worker', 'worker-2'))).toEqual([]);
  });
});
