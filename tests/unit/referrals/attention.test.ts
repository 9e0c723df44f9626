import { describe, expect, it } from 'vitest';
import { attentionItems, perspectiveOf, type AttentionFacts } from '../../../modules/referrals/attention';

const facts = (overrides: Partial<AttentionFacts>): AttentionFacts => ({
  perspective: 'referrer',
  state: 'submitted',
  informationRequest: null,
  declineReason: null,
  offered: [],
  allocatedToViewer: false,
  ...overrides,
});

describe('what needs your attention', () => {
  it('asks a referrer to answer CHOICE’s request, quoting it, when they may answer', () => {
    const items = attentionItems(facts({ state: 'more_information_requested', informationRequest: 'Send the charge sheet.', offered: ['PROVIDE_INFORMATION'] }));
    expect(items).toEqual([expect.objectContaining({ kind: 'answer-request', title: 'CHOICE has asked for more information', quote: 'Send the charge sheet.', step: 'PROVIDE_INFORMATION' })]);
  });

  it('leaves out what the person cannot do (another referrer of the organisation is still told by the step being offered)', () => {
    expect(attentionItems(facts({ state: 'more_information_requested', informationRequest: 'x', offered: [] }))).toEqual([]);
  });

  it('asks a referrer to finish and send a draft', () => {
    expect(attentionItems(facts({ state: 'draft', offered: ['SUBMIT'] })).map((i) => i.title)).toEqual(['Finish and send this referral']);
  });

  it('tells a referrer their referral was declined, with the reason', () => {
    expect(attentionItems(facts({ state: 'declined', declineReason: 'A contact offence is alleged.' }))).toEqual([
      expect.objectContaining({ kind: 'declined', quote: 'A contact offence is alleged.' }),
    ]);
  });

  it('has nothing for a referrer while CHOICE has the referral', () => {
    for (const state of ['submitted', 'screening', 'accepted', 'allocated', 'in_programme'] as const) expect(attentionItems(facts({ state }))).toEqual([]);
  });

  it('asks a manager to screen, decide, allocate or close, as the state needs', () => {
    const manager = (state: AttentionFacts['state'], offered: AttentionFacts['offered']) => attentionItems(facts({ perspective: 'manager', state, offered })).map((i) => i.kind);
    expect(manager('submitted', ['START_SCREENING', 'REQUEST_INFORMATION', 'DECLINE'])).toEqual(['screen']);
    expect(manager('screening', ['REQUEST_INFORMATION', 'DECLINE', 'ACCEPT'])).toEqual(['decide']);
    expect(manager('more_information_requested', ['DECLINE'])).toEqual(['waiting-for-referrer']);
    expect(manager('accepted', ['ALLOCATE'])).toEqual(['allocate']);
    expect(manager('declined', ['CLOSE'])).toEqual(['close']);
    expect(manager('closed', [])).toEqual([]);
  });

  it('tells a worker a newly allocated case is theirs, and nothing about others', () => {
    expect(attentionItems(facts({ perspective: 'worker', state: 'allocated', allocatedToViewer: true, offered: ['START_ASSESSMENT'] })).map((i) => i.kind)).toEqual(['arrange-assessment']);
    expect(attentionItems(facts({ perspective: 'worker', state: 'assessment', allocatedToViewer: true })).map((i) => i.kind)).toEqual(['assess']);
    expect(attentionItems(facts({ perspective: 'manager', state: 'ended_early', offered: ['CLOSE'] })).map((i) => i.kind)).toEqual(['close']);
    expect(attentionItems(facts({ perspective: 'worker', state: 'allocated', allocatedToViewer: false }))).toEqual([]);
  });

  it('sees each role through the right eyes', () => {
    expect(perspectiveOf({ staffUserId: 'm', organisationId: 'c', organisationKind: 'choice_service', role: 'manager' })).toBe('manager');
    expect(perspectiveOf({ staffUserId: 'w', organisationId: 'c', organisationKind: 'choice_service', role: 'worker' })).toBe('worker');
    expect(perspectiveOf({ staffUserId: 'r', organisationId: 'f', organisationKind: 'copfs_office', role: 'referrer' })).toBe('referrer');
    expect(perspectiveOf({ staffUserId: 'a', organisationId: 'c', organisationKind: 'choice_service', role: 'admin' })).toBeNull();
  });
});
