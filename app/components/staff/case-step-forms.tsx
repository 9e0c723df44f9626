/**
 * The forms of the steps a case page offers. Each is its own small form carrying the
 * step's name and the version of the case the person is looking at, so the server can
 * tell when someone else got there first. Only the steps the server offered are shown.
 */
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { CasePageEvent } from '#modules/referrals/case-actions';
import { caseloadText, type Caseload } from '#modules/referrals/allocation';
import { END_EARLY_REASONS } from '#modules/referrals/case-machine';
import { END_EARLY_REASON_LABELS } from '#modules/referrals/labels';
import { Checkboxes, Radios, Textarea } from '~/components/form/fields';
import { ROLE_LABELS } from './labels';
import { StaffForm } from './staff-form';

export interface StepFormsProps {
  steps: CasePageEvent[];
  version: number;
  noun: 'referral' | 'case';
  workers: Array<Caseload & { current: boolean }>;
  detailsHref: string | null;
  errors: Record<string, string>;
  /** What the person typed into a step that could not be taken, by step. */
  kept: (step: CasePageEvent, field: string) => string | undefined;
  /** The outcome closing would record (worked out from the case), in words. */
  closingOutcome?: string | null;
  /** When completion is offered: attendance against the programme's rule. */
  completion?: {
    attended: number;
    needed: number;
    planned: number;
    shortfall: string | null;
    mayOverride: boolean;
  } | null;
  /** The non-compliance rule's end threshold is reached: ending early comes first, open. */
  endEarlyFirst?: boolean;
}

function Step({ step, version, title, children }: { step: CasePageEvent; version: number; title: string; children: ReactNode }) {
  return (
    <StaffForm className="govuk-!-margin-bottom-8" aria-labelledby={`step-${step}`}>
      <h3 className="govuk-heading-s" id={`step-${step}`}>
        {title}
      </h3>
      <input type="hidden" name="event" value={step} />
      <input type="hidden" name="version" value={version} />
      {children}
    </StaffForm>
  );
}

const Button = ({ children, kind }: { children: ReactNode; kind?: 'secondary' | 'warning' }) => (
  <button type="submit" className={`govuk-button${kind ? ` govuk-button--${kind}` : ''}`} data-module="govuk-button">
    {children}
  </button>
);

export function StepForms({ steps, version, noun, workers, detailsHref, errors, kept, closingOutcome, completion, endEarlyFirst }: StepFormsProps) {
  const has = (step: CasePageEvent) => steps.includes(step);
  // A form's typed text is put back when the page is shown again after a failed step.
  const key = (step: CasePageEvent, field: string) => `${step}-${version}-${kept(step, field) ?? ''}`.slice(0, 200);
  const current = workers.find((w) => w.current);
  const endForm = (
    <Step step="END_EARLY" version={version} title="Record the early end">
      <Radios
        key={key('END_EARLY', 'endReason')}
        id="endReason"
        name="endReason"
        label="Why is the programme ending early?"
        legendSize="s"
        value={kept('END_EARLY', 'endReason')}
        error={errors.endReason}
        options={END_EARLY_REASONS.map((reason) => ({
          value: reason,
          ...END_EARLY_REASON_LABELS[reason],
        }))}
      />
      <Textarea
        key={key('END_EARLY', 'detail')}
        id="detail"
        name="detail"
        label="What happened?"
        hint="Say what happened and when. It goes into the ended-early report, which a manager signs off before it goes to the referrer; the referrer is emailed then."
        value={kept('END_EARLY', 'detail')}
        error={errors.detail}
        rows={4}
      />
      <Button kind="warning">End the programme</Button>
    </Step>
  );
  const completeStep = (
    <>
      {has('COMPLETE') ? (
        <Step step="COMPLETE" version={version} title="Record that he has completed the programme">
          {completion ? (
            <p className="govuk-body">
              {completion.shortfall
                ? `${completion.shortfall}.`
                : `He has attended ${completion.attended} of the ${completion.planned} sessions in his plan, which meets the programme’s rule.`}
            </p>
          ) : null}
          <p className="govuk-body">We will prepare the completion report for a manager to sign off before it goes to the referrer.</p>
          <Checkboxes
            id="confirmComplete"
            name="confirmComplete"
            label="Has he completed the programme?"
            legendSize="s"
            error={errors.confirmComplete}
            options={[
              {
                value: 'yes',
                label: 'Yes, he has completed the work in his plan',
              },
            ]}
          />
          {completion?.shortfall && completion.mayOverride ? (
            <Textarea
              key={key('COMPLETE', 'overrideReason')}
              id="overrideReason"
              name="overrideReason"
              label="As a manager, why is he completing with fewer sessions?"
              hint="Only a CHOICE manager can record completion below the programme’s rule. Your reason is kept on the case’s record."
              value={kept('COMPLETE', 'overrideReason')}
              error={errors.overrideReason}
              rows={3}
            />
          ) : null}
          <Button kind="secondary">Record completion</Button>
        </Step>
      ) : null}
    </>
  );
  const endEarly = (
    <>
      {has('END_EARLY') ? (
        endEarlyFirst ? (
          // The programme's rule says the case can end for non-compliance: this is the likely next step.
          <div>{endForm}</div>
        ) : (
          // Folded away: it is rarely the next step, and must not be taken by a slip. Open when it has errors to show.
          <details className="govuk-details" open={Boolean(errors.endReason || errors.detail) || undefined}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">End the programme early</span>
            </summary>
            <div className="govuk-details__text">{endForm}</div>
          </details>
        )
      ) : null}
    </>
  );
  return (
    <>
      {has('PROVIDE_INFORMATION') ? (
        <Step step="PROVIDE_INFORMATION" version={version} title="Answer CHOICE’s request">
          {detailsHref ? (
            <p className="govuk-body">
              If the answer means a change to the referral,{' '}
              <Link className="govuk-link" to={detailsHref}>
                change the details of the referral
              </Link>{' '}
              first, then come back and answer here.
            </p>
          ) : null}
          <Textarea
            key={key('PROVIDE_INFORMATION', 'response')}
            id="response"
            name="response"
            label="Your answer"
            hint="CHOICE will read this with the referral. The referral goes back to CHOICE when you send it."
            value={kept('PROVIDE_INFORMATION', 'response')}
            error={errors.response}
            rows={6}
          />
          <Button>Send your answer</Button>
        </Step>
      ) : null}
      {has('START_SCREENING') ? (
        <Step step="START_SCREENING" version={version} title="Screen this referral">
          <p className="govuk-body">Other managers will see that you are screening it.</p>
          <Button>Start screening</Button>
        </Step>
      ) : null}
      {has('ACCEPT') ? (
        <Step step="ACCEPT" version={version} title="Accept the referral">
          <p className="govuk-body">We will email the referrer to say that CHOICE has made a decision. Then allocate the case to a programme worker.</p>
          <Button>Accept referral</Button>
        </Step>
      ) : null}
      {has('ALLOCATE') ? (
        <Step step="ALLOCATE" version={version} title={current ? 'Reallocate the case' : 'Allocate the case'}>
          {workers.length ? (
            <>
              <Radios
                key={key('ALLOCATE', 'workerId')}
                id="workerId"
                name="workerId"
                label={current ? `Who should have this case instead of ${current.fullName}?` : 'Who will work with him?'}
                legendSize="s"
                hint="Each person’s caseload is the number of cases allocated to them that are not yet finished. We will email the person you choose."
                value={kept('ALLOCATE', 'workerId')}
                error={errors.workerId}
                options={workers.map((worker) => ({
                  value: worker.staffUserId,
                  label: worker.current ? `${worker.fullName} (has this case now)` : worker.fullName,
                  hint: `${ROLE_LABELS[worker.role]}: ${caseloadText(worker.cases)}`,
                }))}
              />
              <Button kind={current ? 'secondary' : undefined}>{current ? 'Reallocate' : 'Allocate'}</Button>
            </>
          ) : (
            <p className="govuk-body">There is nobody to allocate it to: the CHOICE service has no active programme workers or managers.</p>
          )}
        </Step>
      ) : null}
      {has('REQUEST_INFORMATION') ? (
        <Step step="REQUEST_INFORMATION" version={version} title="Ask the referrer for more information">
          <Textarea
            key={key('REQUEST_INFORMATION', 'request')}
            id="request"
            name="request"
            label="What do you need to know?"
            hint="Say exactly what you need. We email the referrer that CHOICE needs more information, without these words; they read them here."
            value={kept('REQUEST_INFORMATION', 'request')}
            error={errors.request}
            rows={5}
          />
          <Button kind="secondary">Send the request</Button>
        </Step>
      ) : null}
      {has('DECLINE') ? (
        <Step step="DECLINE" version={version} title={`Decline the ${noun}`}>
          <Textarea
            key={key('DECLINE', 'reason')}
            id="reason"
            name="reason"
            label="Why can CHOICE not accept it?"
            hint="The referrer will read this."
            value={kept('DECLINE', 'reason')}
            error={errors.reason}
            rows={5}
          />
          <Checkboxes
            id="confirmDecline"
            name="confirmDecline"
            label="Are you sure?"
            legendSize="s"
            error={errors.confirmDecline}
            options={[{ value: 'yes', label: 'Yes, decline this referral' }]}
          />
          <Button kind="warning">Decline referral</Button>
        </Step>
      ) : null}
      {has('START_ASSESSMENT') ? (
        <Step step="START_ASSESSMENT" version={version} title="Start the assessment">
          <p className="govuk-body">
            Start it when you have arranged the first assessment session with him. You then record the assessment, over as many sessions as it takes, and build his plan for a
            manager to sign off.
          </p>
          <Button>Start the assessment</Button>
        </Step>
      ) : null}
      {endEarlyFirst ? endEarly : null}
      {completeStep}
      {endEarlyFirst ? null : endEarly}
      {has('CLOSE') ? (
        <Step step="CLOSE" version={version} title={`Close the ${noun}`}>
          <Textarea
            key={key('CLOSE', 'outcome')}
            id="outcome"
            name="outcome"
            label="A note about the outcome"
            hint={
              closingOutcome
                ? `The outcome is recorded for statistics as “${closingOutcome}”. Add anything else the record should say, for example that the referrer has the final report.`
                : 'For example, that the referrer has been told and will make other arrangements.'
            }
            value={kept('CLOSE', 'outcome')}
            error={errors.outcome}
            rows={3}
          />
          <Button kind="secondary">Close {noun}</Button>
        </Step>
      ) : null}
    </>
  );
}
