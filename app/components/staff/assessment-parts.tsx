/**
 * Pieces of the assessment page: the form, the assessment as a summary list when it
 * can no longer be changed, and what someone else saved while this person was typing.
 */
import { useEffect, useRef } from 'react';
import {
  ASSESSMENT_HINTS,
  ASSESSMENT_LABELS,
  ASSESSMENT_TEXT_FIELDS,
  ASSESSMENT_TOOL_FIELDS,
  TOOL_HINT,
  type AssessmentField,
  type AssessmentFields,
} from '#modules/assessment/forms';
import { Textarea, TextInput } from '~/components/form/fields';
import { formatDateTime } from './dates';
import { StaffForm } from './staff-form';

export interface AssessmentConflict {
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
  theirs: AssessmentFields | null;
  changed: AssessmentField[];
}

/** The other person's words for a field, under the field, when they differ from what this person typed. */
function Theirs({ field, conflict }: { field: AssessmentField; conflict: AssessmentConflict | null }) {
  if (!conflict?.theirs || !conflict.changed.includes(field)) return null;
  const text = conflict.theirs[field];
  return (
    <div className="govuk-inset-text govuk-!-margin-top-0" id={`${field}-theirs`}>
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Saved by {conflict.updatedByName ?? 'someone else'}:</p>
      <p className="govuk-body app-preserve-lines govuk-!-margin-bottom-0">{text ?? '(left empty)'}</p>
    </div>
  );
}

export function AssessmentForm(props: {
  values: Partial<Record<AssessmentField, string | null>>;
  version: number;
  errors: Record<string, string>;
  conflict: AssessmentConflict | null;
  planOffered: boolean;
}) {
  const { values, version, errors, conflict, planOffered } = props;
  return (
    <StaffForm>
      <input type="hidden" name="version" value={version} />
      {ASSESSMENT_TEXT_FIELDS.map((field) => (
        <div key={field}>
          <Textarea id={field} name={field} label={ASSESSMENT_LABELS[field]} hint={ASSESSMENT_HINTS[field]} value={values[field] ?? ''} error={errors[field]} rows={6} />
          <Theirs field={field} conflict={conflict} />
        </div>
      ))}
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset" aria-describedby="tool-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h2 className="govuk-fieldset__heading">Validated tool (if one was used)</h2>
          </legend>
          <div id="tool-hint" className="govuk-hint">
            {TOOL_HINT}
          </div>
          {ASSESSMENT_TOOL_FIELDS.map((field) => (
            <div key={field}>
              <TextInput id={field} name={field} label={ASSESSMENT_LABELS[field]} hint={ASSESSMENT_HINTS[field]} value={values[field] ?? ''} error={errors[field]} width="two-thirds" />
              <Theirs field={field} conflict={conflict} />
            </div>
          ))}
        </fieldset>
      </div>
      <div className="govuk-button-group">
        <button type="submit" name="intent" value="save" className="govuk-button" data-module="govuk-button">
          Save assessment
        </button>
        {planOffered ? (
          <button type="submit" name="intent" value="save-and-plan" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Save and go to the plan
          </button>
        ) : null}
      </div>
    </StaffForm>
  );
}

export function AssessmentSummary({ fields }: { fields: AssessmentFields | null }) {
  return (
    <dl className="govuk-summary-list">
      {([...ASSESSMENT_TEXT_FIELDS, ...ASSESSMENT_TOOL_FIELDS] as AssessmentField[]).map((field) => (
        <div className="govuk-summary-list__row" key={field}>
          <dt className="govuk-summary-list__key">{ASSESSMENT_LABELS[field]}</dt>
          <dd className="govuk-summary-list__value app-preserve-lines">{fields?.[field] ?? 'Not recorded'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Someone else saved the assessment first: who, when, which parts; nothing of this person's is lost. */
export function AssessmentConflictPanel({ conflict }: { conflict: AssessmentConflict }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [conflict]);
  const who = conflict.updatedByName ?? 'Someone else';
  return (
    <div className="govuk-error-summary" role="alert" tabIndex={-1} id="conflict" ref={ref}>
      <h2 className="govuk-error-summary__title">This assessment was changed by someone else while you were editing it</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">
          {conflict.updatedAt ? (
            <>
              {who} saved it at {formatDateTime(conflict.updatedAt)}.
            </>
          ) : (
            'The page you had open was out of date.'
          )}{' '}
          Nothing you typed has been saved: it is still in the form below.
        </p>
        {conflict.changed.length ? (
          <>
            <p className="govuk-body">Their version differs from yours in:</p>
            <ul className="govuk-list govuk-error-summary__list">
              {conflict.changed.map((field) => (
                <li key={field}>
                  <a href={`#${field}-theirs`}>{ASSESSMENT_LABELS[field]}</a>
                </li>
              ))}
            </ul>
            <p className="govuk-body govuk-!-margin-bottom-0">What they saved is shown under each of those parts. Check your words against theirs, then save again to replace their version.</p>
          </>
        ) : (
          <p className="govuk-body govuk-!-margin-bottom-0">Their version says the same as yours. Save again to keep it.</p>
        )}
      </div>
    </div>
  );
}
