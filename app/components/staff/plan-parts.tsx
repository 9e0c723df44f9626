/**
 * Pieces of the plan page: the worker's table of modules (include, order, sessions),
 * the plan as it stands, the manager's two choices, and what someone else changed
 * while this person was looking. Plain form posts: it all works without JavaScript.
 */
import { useEffect, useRef } from 'react';
import type { PlanModule, PlanState } from '#db/schema';
import { PLAN_STATE_LABELS } from '#modules/assessment/labels';
import { INCLUDE_FIELD, includeId, MODULES_FIELD, orderField, sessionsField, type PlanChoice } from '#modules/assessment/plan-builder';
import { Textarea } from '~/components/form/fields';
import { formatDateTime } from './dates';
import { StaffForm } from './staff-form';

export interface ProgrammeModuleView {
  key: string;
  title: string;
  plannedSessions: number;
  summary: string;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

const cx = (...classes: Array<string | false | null | undefined>) => classes.filter(Boolean).join(' ');

function CellError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  ) : null;
}

function NumberCell({ id, label, value, error }: { id: string; label: string; value: string; error?: string }) {
  return (
    <td className="govuk-table__cell">
      <div className={cx('govuk-form-group govuk-!-margin-bottom-0', error && 'govuk-form-group--error')}>
        <label className="govuk-label govuk-visually-hidden" htmlFor={id}>
          {label}
        </label>
        <CellError id={id} message={error} />
        <input
          className={cx('govuk-input govuk-input--width-3', error && 'govuk-input--error')}
          id={id}
          name={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          defaultValue={value}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
    </td>
  );
}

/** The worker's plan builder: a row per module of the programme. */
export function PlanBuilderForm(props: { rows: PlanChoice[]; modules: ProgrammeModuleView[]; version: number; errors: Record<string, string>; sessionMinutes: number }) {
  const { rows, modules, version, errors, sessionMinutes } = props;
  const byKey = new Map(modules.map((module) => [module.key, module]));
  return (
    <StaffForm>
      <input type="hidden" name="version" value={version} />
      <div className={cx('govuk-form-group', errors[MODULES_FIELD] && 'govuk-form-group--error')}>
        <h2 className="govuk-heading-m">Modules in his plan</h2>
        <div id="modules-hint" className="govuk-hint">
          Tick the modules he will do. Number them in the order he will do them, starting at 1, and say how many sessions each needs (1 to 52; a session is {sessionMinutes}{' '}
          minutes).
        </div>
        <CellError id={MODULES_FIELD} message={errors[MODULES_FIELD]} />
        <table className="govuk-table" id={MODULES_FIELD} tabIndex={-1} aria-describedby={errors[MODULES_FIELD] ? 'modules-hint modules-error' : 'modules-hint'}>
          <caption className="govuk-visually-hidden">Modules in his plan: include, order and sessions</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Module
              </th>
              <th scope="col" className="govuk-table__header">
                Include
              </th>
              <th scope="col" className="govuk-table__header">
                Order
              </th>
              <th scope="col" className="govuk-table__header">
                Sessions
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.map((row) => {
              const module = byKey.get(row.key);
              if (!module) return null;
              return (
                <tr className="govuk-table__row" key={row.key}>
                  <th scope="row" className="govuk-table__header">
                    {module.title}
                    <div className="govuk-hint govuk-!-font-size-16 govuk-!-font-weight-regular govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                      {module.summary ? `${module.summary} ` : ''}The programme plans {plural(module.plannedSessions, 'session')}.
                    </div>
                  </th>
                  <td className="govuk-table__cell">
                    <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                      <div className="govuk-checkboxes__item">
                        <input className="govuk-checkboxes__input" id={includeId(row.key)} name={INCLUDE_FIELD} type="checkbox" value={row.key} defaultChecked={row.include} />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={includeId(row.key)}>
                          <span className="govuk-visually-hidden">Include {module.title}</span>
                        </label>
                      </div>
                    </div>
                  </td>
                  <NumberCell id={orderField(row.key)} label={`Order for ${module.title}`} value={row.order} error={errors[orderField(row.key)]} />
                  <NumberCell id={sessionsField(row.key)} label={`Sessions for ${module.title}`} value={row.sessions} error={errors[sessionsField(row.key)]} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="govuk-button-group">
        <button type="submit" name="intent" value="save" className="govuk-button" data-module="govuk-button">
          Save plan
        </button>
        <button type="submit" name="intent" value="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Save and send to a manager for sign-off
        </button>
      </div>
    </StaffForm>
  );
}

/** The plan as it stands, in its order. */
export function PlanModulesTable({ modules, caption }: { modules: PlanModule[]; caption: string }) {
  if (!modules.length) return <p className="govuk-body">The plan has no modules.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Order
          </th>
          <th scope="col" className="govuk-table__header">
            Module
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Sessions
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {modules.map((module, index) => (
          <tr className="govuk-table__row" key={module.key}>
            <td className="govuk-table__cell govuk-table__cell--numeric">{index + 1}</td>
            <th scope="row" className="govuk-table__header govuk-!-font-weight-regular">
              {module.title}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{module.sessions}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The manager's choices on a plan waiting for sign-off. */
export function PlanDecisionForms(props: { planVersion: number; caseVersion: number; reason: string; errors: Record<string, string>; missing: string[] }) {
  const { planVersion, caseVersion, reason, errors, missing } = props;
  return (
    <div id="decision" tabIndex={-1}>
      <h2 className="govuk-heading-m">Sign off the plan</h2>
      {missing.length ? (
        <p className="govuk-body">The assessment is not complete ({missing.join(', ')} still to fill in), so the plan cannot be signed off yet. Send it back to the worker.</p>
      ) : (
        <>
          <p className="govuk-body">Signing it off starts the programme: the case moves to in programme, and sessions are booked from this plan.</p>
          <StaffForm>
            <input type="hidden" name="planVersion" value={planVersion} />
            <input type="hidden" name="caseVersion" value={caseVersion} />
            <button type="submit" name="intent" value="sign-off" className="govuk-button" data-module="govuk-button">
              Sign off the plan and start the programme
            </button>
          </StaffForm>
        </>
      )}
      <h2 className="govuk-heading-m">Or send it back to the worker</h2>
      <StaffForm>
        <input type="hidden" name="planVersion" value={planVersion} />
        <Textarea id="reason" name="reason" label="What needs to change" hint="The worker reads this on the plan page. It is not emailed." value={reason} error={errors.reason} rows={4} />
        <button type="submit" name="intent" value="return" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Send it back to the worker
        </button>
      </StaffForm>
    </div>
  );
}

const STATE_PHRASES: Record<PlanState, string> = {
  draft: 'It is now a draft.',
  awaiting_sign_off: 'It is now waiting for sign-off.',
  signed_off: 'It has now been signed off.',
};

/** Someone else changed the plan first: who, when, what it is now; nothing of this person's was saved. */
export function PlanConflictPanel(props: { conflict: { state: PlanState | null; updatedAt: string | null; updatedByName: string | null; modules: PlanModule[] }; keptInForm: boolean }) {
  const { conflict, keptInForm } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [conflict]);
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1} id="conflict" ref={ref}>
      <h2 className="govuk-error-summary__title">This plan was changed by someone else while you were looking at it</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">
          {conflict.updatedAt ? `${conflict.updatedByName ?? 'Someone else'} changed it at ${formatDateTime(conflict.updatedAt)}. ` : 'The page you had open was out of date. '}
          {conflict.state ? STATE_PHRASES[conflict.state] : ''} Nothing you did has been saved.
        </p>
        {conflict.modules.length ? (
          <p className="govuk-body">
            Their plan: {conflict.modules.map((module) => `${module.title} (${module.sessions})`).join(', ')}.{' '}
            {conflict.state ? `(${PLAN_STATE_LABELS[conflict.state]}.)` : ''}
          </p>
        ) : null}
        <p className="govuk-body govuk-!-margin-bottom-0">
          {keptInForm ? 'Your choices are still in the form below. Check them against theirs, then save again to replace their plan.' : 'Check what changed, then choose again below.'}
        </p>
      </div>
    </div>
  );
}
