/**
 * The GOV.UK date input: day, month and year boxes in one fieldset. The boxes are
 * named `<name>-day`, `<name>-month` and `<name>-year`; the first box has the field's
 * own id, so an error summary link to the field lands in it. Only the boxes that are
 * wrong are outlined in red.
 */
import type { ReactNode } from 'react';
import { DATE_PARTS, readDateParts, type DatePart } from '#modules/referrals/dates';

const WIDTH: Record<DatePart, string> = { day: 'govuk-input--width-2', month: 'govuk-input--width-2', year: 'govuk-input--width-4' };
const LABEL: Record<DatePart, string> = { day: 'Day', month: 'Month', year: 'Year' };

export const datePartId = (id: string, part: DatePart) => (part === 'day' ? id : `${id}-${part}`);

/** The boxes to outline: those a message is about, or all three when it is about the whole date. */
export function datePartsInError(values: Partial<Record<DatePart, string>>, error: string | undefined): DatePart[] {
  if (!error) return [];
  const read = readDateParts(values, 'Date');
  return read.status === 'invalid' ? read.parts : [...DATE_PARTS];
}

export function DateInput(props: { id: string; name: string; label: ReactNode; hint?: ReactNode; error?: string; values: Partial<Record<DatePart, string>>; legendSize?: 's' | 'm' }) {
  const { id, name, label, hint, error, values, legendSize = 's' } = props;
  const wrong = datePartsInError(values, error);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>{label}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-date-input" id={`${id}-date`}>
          {DATE_PARTS.map((part) => (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={datePartId(id, part)}>
                  {LABEL[part]}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input ${WIDTH[part]}${wrong.includes(part) ? ' govuk-input--error' : ''}`}
                  id={datePartId(id, part)}
                  name={`${name}-${part}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  defaultValue={values[part] ?? ''}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
