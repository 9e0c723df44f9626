/**
 * "What needs your attention" on a case page: what this person is expected to do
 * next, from the case's state and who they are. Pure, so a unit test can call it.
 */
import type { CaseEventType, CaseState } from './case-machine';
import { viewerCan, type CaseViewer } from './access';

/** Whose eyes the page is seen through. */
export type CasePerspective = 'referrer' | 'manager' | 'worker';

export function perspectiveOf(viewer: CaseViewer): CasePerspective | null {
  if (viewerCan(viewer, 'case:screen:service') && viewer.organisationKind === 'choice_service') return 'manager';
  if (viewerCan(viewer, 'case:read:allocated')) return 'worker';
  if (viewerCan(viewer, 'case:read:own-organisation')) return 'referrer';
  return null;
}

export type AttentionKind = 'safeguarding' | 'finish-draft' | 'answer-request' | 'declined' | 'decide-non-compliance' | 'decide-ended-early' | 'decide-completed' | 'screen' | 'decide' | 'waiting-for-referrer' | 'allocate' | 'close' | 'arrange-assessment' | 'assess';

export interface AttentionItem {
  kind: AttentionKind;
  title: string;
  text: string;
  /** The words the step is about (CHOICE's request, the reason for declining). */
  quote?: string;
  /** The step that deals with it, offered on the page. */
  step?: CaseEventType;
  /** The report it is about, to read. */
  link?: { href: string; text: string };
}

/** A report as far as the attention panel needs it: only signed-off reports reach a referrer. */
export interface AttentionReport {
  kind: string;
  state: string;
  href: string;
  /** ISO time of sign-off, to find the newest. */
  signedOffAt: string | null;
}

export interface AttentionFacts {
  perspective: CasePerspective;
  state: CaseState;
  informationRequest: string | null;
  declineReason: string | null;
  /** The steps this person may take on this case now. */
  offered: readonly CaseEventType[];
  /** The case is allocated to the person looking at it. */
  allocatedToViewer: boolean;
  /** The case's reports this person may see. */
  reports: readonly AttentionReport[];
  /** For a manager: the page of a safeguarding concern on the case not yet dealt with. */
  openConcernHref?: string | null;
}

/** The newest signed-off report of a kind, if the referrer has been sent one. */
function sent(facts: AttentionFacts, kind: string): AttentionReport | undefined {
  return facts.reports.filter((r) => r.kind === kind && r.state === 'signed_off').sort((a, b) => (b.signedOffAt ?? '').localeCompare(a.signedOffAt ?? ''))[0];
}

/**
 * What a referrer is asked to act on: a decision that is theirs, once CHOICE has sent
 * the report it rests on (never before: a step on a session tells them nothing).
 */
function referrerDecisions(facts: AttentionFacts): AttentionItem[] {
  const { state } = facts;
  const nonCompliance = state === 'in_programme' ? sent(facts, 'non_compliance') : undefined;
  if (nonCompliance) {
    return [
      {
        kind: 'decide-non-compliance',
        title: 'A decision is needed: he has not kept to the programme',
        text: 'CHOICE has sent you its non-compliance report. Read it, decide what happens next, and tell his CHOICE worker what you decide. The programme carries on until then.',
        link: { href: nonCompliance.href, text: 'Read the non-compliance report' },
      },
    ];
  }
  const endedEarly = state === 'ended_early' ? sent(facts, 'ended_early') : undefined;
  if (endedEarly) {
    return [
      {
        kind: 'decide-ended-early',
        title: 'The programme has ended early',
        text: 'CHOICE has sent you its report on why. Read it and decide what happens next.',
        link: { href: endedEarly.href, text: 'Read the ended-early report' },
      },
    ];
  }
  const completed = state === 'completed' ? sent(facts, 'completion') : undefined;
  if (completed) {
    return [
      {
        kind: 'decide-completed',
        title: 'He has completed the programme',
        text: 'CHOICE has sent you its completion report. Read it for your decision.',
        link: { href: completed.href, text: 'Read the completion report' },
      },
    ];
  }
  return [];
}

function itemsFor(facts: AttentionFacts): AttentionItem[] {
  const { perspective, state } = facts;
  if (perspective === 'referrer') {
    if (state === 'draft') return [{ kind: 'finish-draft', title: 'Finish and send this referral', text: 'It has not been sent to CHOICE yet. Check your answers, then send it.', step: 'SUBMIT' }];
    if (state === 'more_information_requested') {
      return [
        {
          kind: 'answer-request',
          title: 'CHOICE has asked for more information',
          text: 'Answer the request below. You can also change the details of the referral before you answer.',
          quote: facts.informationRequest ?? undefined,
          step: 'PROVIDE_INFORMATION',
        },
      ];
    }
    if (state === 'declined') {
      return [{ kind: 'declined', title: 'CHOICE has declined this referral', text: 'You may need to make other arrangements for him.', quote: facts.declineReason ?? undefined }];
    }
    return referrerDecisions(facts);
  }
  if (perspective === 'manager' && facts.openConcernHref) {
    return [
      {
        kind: 'safeguarding',
        title: 'A safeguarding concern has not been dealt with',
        text: 'Acknowledge it and record what was done. Until then, nothing on this case can be signed off.',
        link: { href: facts.openConcernHref, text: 'Deal with the safeguarding concern' },
      },
      ...itemsFor({ ...facts, openConcernHref: null }),
    ];
  }
  if (perspective === 'manager') {
    switch (state) {
      case 'submitted':
        return [{ kind: 'screen', title: 'Screen this referral', text: 'Start screening it, ask the referrer for more information, or decline it.', step: 'START_SCREENING' }];
      case 'screening':
        return [{ kind: 'decide', title: 'Decide on this referral', text: 'Accept it, decline it, or ask the referrer for more information.', step: 'ACCEPT' }];
      case 'more_information_requested':
        return [
          {
            kind: 'waiting-for-referrer',
            title: 'Waiting for the referrer',
            text: 'CHOICE has asked them for more information. The referral comes back to the screening queue when they answer.',
            quote: facts.informationRequest ?? undefined,
          },
        ];
      case 'accepted':
        return [{ kind: 'allocate', title: 'Allocate this case', text: 'Choose the programme worker who will work with him.', step: 'ALLOCATE' }];
      case 'declined':
        return [{ kind: 'close', title: 'Close this referral', text: 'Record the outcome and close it.', step: 'CLOSE' }];
      case 'completed':
      case 'ended_early':
        return [{ kind: 'close', title: 'Close this case', text: 'When the final report has been signed off and sent, record the outcome and close the case.', step: 'CLOSE' }];
      default:
        break;
    }
  }
  if (facts.allocatedToViewer && state === 'allocated') {
    return [
      {
        kind: 'arrange-assessment',
        title: 'Arrange his assessment',
        text: 'This case has been allocated to you. Contact him to arrange the first assessment session, book it below, then start the assessment.',
        step: 'START_ASSESSMENT',
      },
    ];
  }
  if (facts.allocatedToViewer && state === 'assessment') {
    return [{ kind: 'assess', title: 'Record the assessment and build his plan', text: 'When both are ready, send the plan to a manager to sign off. The programme starts when they do.' }];
  }
  return [];
}

/** What this person should do next; an item whose step they cannot take is left out. */
export function attentionItems(facts: AttentionFacts): AttentionItem[] {
  return itemsFor(facts).filter((item) => !item.step || facts.offered.includes(item.step));
}
