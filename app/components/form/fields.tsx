/**
 * GOV.UK form fields. Each takes the value to show (what the person typed, never a
 * secret) and its error message, and renders the hint and error in the standard way.
 */
import type { ReactNode } from 'react';
import { STEP_HEADING } from './step-heading';

const cx = (...classes: Array<string | false | null | undefined>) => classes.filter(Boolean).join(' ');

interface Common {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

function Hint({ id, children }: { id: string; children?: ReactNode }) {
  return children ? (
    <div id={`${id}-hint`} className="govuk-hint">
      {children}
    </div>
  ) : null;
}

function ErrorMessage({ id, children }: { id: string; children?: string }) {
  return children ? (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  ) : null;
}

const describedBy = (id: string, hint: unknown, error: unknown) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export interface Option {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface ChoiceProps extends Common {
  options: Option[];
  /** Render the label as the page heading (one question a page); 'focused' also gives it focus when the page opens. */
  isPageHeading?: PageHeading;
  legendSize?: 'l' | 'm' | 's';
  inline?: boolean;
  small?: boolean;
  /** Text shown between the options and the last one ("or"). */
  dividerBeforeLast?: string;
}

type PageHeading = boolean | 'focused';

function Legend({ label, isPageHeading, size }: { label: ReactNode; isPageHeading?: PageHeading; size: 'l' | 'm' | 's' }) {
  return (
    <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${size}`}>
      {isPageHeading ? (
        <h1 className="govuk-fieldset__heading" {...(isPageHeading === 'focused' ? STEP_HEADING : {})}>
          {label}
        </h1>
      ) : (
        label
      )}
    </legend>
  );
}

/** The GOV.UK frame around a group of inputs: form group, fieldset, legend, hint and error. */
function ChoiceFrame(props: Pick<ChoiceProps, 'id' | 'label' | 'hint' | 'error' | 'isPageHeading'> & { legendSize: 'l' | 'm' | 's'; children: ReactNode }) {
  const { id, label, hint, error, isPageHeading, legendSize, children } = props;
  return (
    <div className={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <Legend label={label} isPageHeading={isPageHeading} size={legendSize} />
        <Hint id={id}>{hint}</Hint>
        <ErrorMessage id={id}>{error}</ErrorMessage>
        {children}
      </fieldset>
    </div>
  );
}

/** One radio or checkbox with its label and hint. */
function ChoiceItem(props: { kind: 'radios' | 'checkboxes'; id: string; name: string; option: Option; checked: boolean; exclusive?: boolean }) {
  const { kind, id, name, option, checked, exclusive } = props;
  return (
    <div className={`govuk-${kind}__item`}>
      <input
        className={`govuk-${kind}__input`}
        id={id}
        name={name}
        type={kind === 'radios' ? 'radio' : 'checkbox'}
        value={option.value}
        defaultChecked={checked}
        data-behaviour={exclusive ? 'exclusive' : undefined}
        aria-describedby={option.hint ? `${id}-item-hint` : undefined}
      />
      <label className={`govuk-label govuk-${kind}__label`} htmlFor={id}>
        {option.label}
      </label>
      {option.hint ? (
        <div id={`${id}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
          {option.hint}
        </div>
      ) : null}
    </div>
  );
}

const optionId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

export function Radios(props: ChoiceProps & { value?: string }) {
  const { id, name, label, hint, error, options, value, isPageHeading, legendSize = isPageHeading ? 'l' : 'm', inline, small, dividerBeforeLast } = props;
  return (
    <ChoiceFrame id={id} label={label} hint={hint} error={error} isPageHeading={isPageHeading} legendSize={legendSize}>
      <div className={cx('govuk-radios', inline && 'govuk-radios--inline', small && 'govuk-radios--small')} data-module="govuk-radios">
        {options.map((option, index) => (
          <div key={option.value}>
            {dividerBeforeLast && index === options.length - 1 && index > 0 ? <div className="govuk-radios__divider">{dividerBeforeLast}</div> : null}
            <ChoiceItem kind="radios" id={optionId(id, index)} name={name} option={option} checked={value === option.value} />
          </div>
        ))}
      </div>
    </ChoiceFrame>
  );
}

export function Checkboxes(props: ChoiceProps & { values?: string[]; exclusiveValue?: string }) {
  const { id, name, label, hint, error, options, values = [], isPageHeading, legendSize = isPageHeading ? 'l' : 'm', small, exclusiveValue } = props;
  return (
    <ChoiceFrame id={id} label={label} hint={hint} error={error} isPageHeading={isPageHeading} legendSize={legendSize}>
      <div className={cx('govuk-checkboxes', small && 'govuk-checkboxes--small')} data-module="govuk-checkboxes">
        {options.map((option, index) => {
          const exclusive = option.value === exclusiveValue;
          return (
            <div key={option.value}>
              {exclusive && index > 0 ? <div className="govuk-checkboxes__divider">or</div> : null}
              <ChoiceItem kind="checkboxes" id={optionId(id, index)} name={name} option={option} checked={values.includes(option.value)} exclusive={exclusive} />
            </div>
          );
        })}
      </div>
    </ChoiceFrame>
  );
}

function Label({ id, label, isPageHeading }: { id: string; label: ReactNode; isPageHeading?: boolean }) {
  return isPageHeading ? (
    <h1 className="govuk-label-wrapper">
      <label className="govuk-label govuk-label--l" htmlFor={id}>
        {label}
      </label>
    </h1>
  ) : (
    <label className="govuk-label govuk-label--s" htmlFor={id}>
      {label}
    </label>
  );
}

export function TextInput(
  props: Common & {
    value?: string;
    type?: 'text' | 'email' | 'password' | 'tel' | 'search';
    width?: 'full' | '20' | '10' | '5' | '4' | '3' | '2' | 'three-quarters' | 'two-thirds' | 'one-half' | 'one-third';
    autoComplete?: string;
    spellCheck?: boolean;
    inputMode?: 'numeric' | 'text' | 'email' | 'tel';
    isPageHeading?: boolean;
    maxLength?: number;
  },
) {
  const { id, name, label, hint, error, value, type = 'text', width, autoComplete, spellCheck, inputMode, isPageHeading, maxLength } = props;
  const widthClass = width === 'full' ? 'govuk-!-width-full' : width && /^\d+$/.test(width) ? `govuk-input--width-${width}` : width ? `govuk-!-width-${width}` : undefined;
  return (
    <div className={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <Label id={id} label={label} isPageHeading={isPageHeading} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id}>{error}</ErrorMessage>
      <input
        className={cx('govuk-input', widthClass, error && 'govuk-input--error')}
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        autoComplete={autoComplete ?? 'off'}
        spellCheck={spellCheck}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export function Textarea(props: Common & { value?: string; rows?: number; isPageHeading?: boolean; maxLength?: number }) {
  const { id, name, label, hint, error, value, rows = 5, isPageHeading } = props;
  return (
    <div className={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <Label id={id} label={label} isPageHeading={isPageHeading} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id}>{error}</ErrorMessage>
      <textarea
        className={cx('govuk-textarea', error && 'govuk-textarea--error')}
        id={id}
        name={name}
        rows={rows}
        defaultValue={value}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

/** Several short lines under one question (a list of things). */
export function TextLines(props: Common & { values?: string[]; count: number }) {
  const { id, name, label, hint, error, values = [], count } = props;
  return (
    <div className={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <Hint id={id}>{hint}</Hint>
        <ErrorMessage id={id}>{error}</ErrorMessage>
        {Array.from({ length: count }, (_, index) => {
          const lineId = index === 0 ? id : `${id}-${index + 1}`;
          return (
            <div className="govuk-form-group app-text-line" key={lineId}>
              <label className="govuk-label" htmlFor={lineId}>
                <span className="govuk-visually-hidden">Line </span>
                {index + 1}
              </label>
              <input className={cx('govuk-input', error && index === 0 && 'govuk-input--error')} id={lineId} name={name} type="text" defaultValue={values[index] ?? ''} autoComplete="off" />
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/** A GOV.UK select: for filters and long lists, where radios would not fit. */
export function Select(props: Common & { value?: string; options: Array<{ value: string; label: string }> }) {
  const { id, name, label, hint, error, value, options } = props;
  return (
    <div className={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <Label id={id} label={label} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id}>{error}</ErrorMessage>
      <select className={cx('govuk-select', error && 'govuk-select--error')} id={id} name={name} defaultValue={value ?? ''} aria-describedby={describedBy(id, hint, error)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
