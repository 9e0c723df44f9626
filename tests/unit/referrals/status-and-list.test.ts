import { describe, expect, it } from 'vitest';
import { CASE_STATES } from '../../../modules/referrals/case-machine';
import { decodeListCursor, encodeListCursor, GROUP_STATES, listParams, parseListQuery, STATUS_GROUPS } from '../../../modules/referrals/list';
import { audienceOf, caseStatus } from '../../../modules/referrals/status';

describe('a case’s status in words', () => {
  it('tells a referrer where the referral is, from the outside', () => {
    expect(caseStatus('draft', 'referrer')).toMatchObject({ label: 'Draft', colour: 'grey', className: 'govuk-tag govuk-tag--grey' });
    expect(caseStatus('submitted', 'referrer').label).toBe('Sent to CHOICE');
    expect(caseStatus('screening', 'referrer').label).toBe('Being screened');
    expect(caseStatus('more_information_requested', 'referrer')).toMatchObject({ label: 'More information needed', colour: 'orange' });
    expect(caseStatus('declined', 'referrer')).toMatchObject({ label: 'Declined', colour: 'red' });
    expect(caseStatus('accepted', 'referrer').label).toBe('Accepted');
    expect(caseStatus('allocated', 'referrer').label).toBe('Allocated to a worker');
  });

  it('tells CHOICE staff what the case needs from them', () => {
    expect(caseStatus('submitted', 'staff').label).toBe('To screen');
    expect(caseStatus('more_information_requested', 'staff').label).toBe('Waiting for the referrer');
    expect(caseStatus('accepted', 'staff').label).toBe('To allocate');
    expect(caseStatus('submitted').label).toBe('To screen');
  });

  it('says how a case ended early, in each audience’s words', () => {
    expect(caseStatus('ended_early', 'referrer', 'returned_to_referrer').label).toBe('Returned to you');
    expect(caseStatus('ended_early', 'staff', 'returned_to_referrer').label).toBe('Returned to the referrer');
    expect(caseStatus('ended_early', 'staff', 'non_compliance').label).toBe('Ended: non-compliance');
    expect(caseStatus('ended_early', 'referrer', 'something new').label).toBe('Ended early');
  });

  it('has words and a colour for every state, for both audiences, and shows an unknown state rather than failing', () => {
    for (const state of CASE_STATES) {
      for (const audience of ['referrer', 'staff'] as const) {
        const status = caseStatus(state, audience);
        expect(status.label).not.toMatch(/_/);
        expect(status.className).toMatch(/^govuk-tag govuk-tag--[a-z-]+$/);
      }
    }
    expect(caseStatus('paused_for_review', 'staff')).toMatchObject({ label: 'paused for review', colour: 'grey' });
    expect(audienceOf('referrer')).toBe('referrer');
    expect(audienceOf('manager')).toBe('staff');
  });
});

describe('the referral list’s address', () => {
  const id = '0b8f3c1e-2f4a-4c1d-9b7e-1a2b3c4d5e6f';

  it('round-trips a cursor, to the microsecond', () => {
    const cursor = encodeListCursor({ at: '2026-11-23T14:05:06.123456Z', id });
    expect(cursor).toBe(`2026-11-23T14:05:06.123456Z_${id}`);
    expect(decodeListCursor(cursor, 'after')).toEqual({ direction: 'after', at: '2026-11-23T14:05:06.123456Z', id });
  });

  it('ignores anything that is not a cursor', () => {
    for (const bad of ['', 'x', `2026-13-45T14:05:06.123456Z_${id}`, `2026-11-23T14:05:06Z_${id}`, '2026-11-23T14:05:06.123456Z_not-a-uuid', `2026-11-23T14:05:06.123456Z_${id}; DROP TABLE referral`]) {
      expect(decodeListCursor(bad, 'before'), bad).toBeNull();
    }
    expect(decodeListCursor(undefined, 'after')).toBeNull();
  });

  it('reads filters, a search and a page from the address, and ignores the rest', () => {
    const cursor = encodeListCursor({ at: '2026-11-23T14:05:06.123456Z', id });
    expect(parseListQuery(new URLSearchParams({ status: 'needs-attention', q: '  Smith\u0000 ', before: cursor }))).toEqual({
      status: 'needs-attention',
      q: 'Smith',
      cursor: { direction: 'before', at: '2026-11-23T14:05:06.123456Z', id },
    });
    expect(parseListQuery(new URLSearchParams({ status: 'everything', q: '', after: 'nonsense' }))).toEqual({ status: undefined, q: undefined, cursor: null });
    expect(listParams({ status: 'drafts', q: 'CH-000001' }).toString()).toBe('status=drafts&q=CH-000001');
  });

  it('puts every state in exactly one status group', () => {
    const grouped = STATUS_GROUPS.flatMap((group) => GROUP_STATES[group]);
    expect([...grouped].sort()).toEqual([...CASE_STATES].sort());
  });
});
