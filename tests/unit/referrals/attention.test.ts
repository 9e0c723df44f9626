import { describe, expect, it } from 'vitest';
import { attentionItems, perspectiveOf, type AttentionFacts } from '../../../modules/referrals/attention';

const facts = (overrides: Partial<AttentionFacts>): AttentionFacts => ({
  perspective: 'referrer',
  state: 'submitted',
  informationRequest: null,
  declineReason: null,
  offered: [],
  allocatedToViewer: false,
  reports: [],
  ...overrides,
});

const report = (kind: string, state: string, signedOffAt: string | null = '2026-11-30T10:00:00.000Z') => ({ kind, state, href: `/staff/referrals/r/reports/${kind}-${signedOffAt}`, signedOffAt });

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

  it('asks a referrer to decide only once the report the decision rests on has been sent to them', () => {
    // Prepared but waiting for a manager: nothing for the referrer to act on yet.
    expect(attentionItems(facts({ state: 'in_programme', reports: [report('non_compliance', 'awaiting_sign_off', null), report('programme_start', 'signed_off')] }))).toEqual([]);
    const newest = report('non_compliance', 'signed_off', '2026-12-01T09:00:00.000Z');
    expect(attentionItems(facts({ state: 'in_programme', reports: [report('non_compliance', 'signed_off'), newest] }))).toEqual([
      expect.objectContaining({ kind: 'decide-non-compliance', title: 'A decision is needed: he has not kept to the programme', link: { href: newest.href, text: 'Read the non-compliance report' } }),
    ]);
    expect(attentionItems(facts({ state: 'ended_early', reports: [report('ended_early', 'awaiting_sign_off', null)] }))).toEqual([]);
    expect(attentionItems(facts({ state: 'ended_early', reports: [report('ended_early', 'signed_off')] })).map((i) => i.kind)).toEqual(['decide-ended-early']);
    expect(attentionItems(facts({ state: 'completed', reports: [report('completion', 'signed_off')] })).map((i) => i.kind)).toEqual(['decide-completed']);
    // Once the case is closed, the decision has been made.
    expect(attentionItems(facts({ state: 'closed', reports: [report('completion', 'signed_off')] }))).toEqual([]);
    // CHOICE's staff are not asked to make the referrer's decision.
    expect(attentionItems(facts({ perspective: 'worker', state: 'in_programme', reports: [report('non_compliance', 'signed_off')] }))).toEqual([]);
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
