import type { ReactNode } from 'react';
import { ErrorSummary } from '~/components/form/error-summary';
import { TextInput } from '~/components/form/fields';
import { StaffForm } from './staff-form';

/** A one-field form for a code (from the app, or a recovery code). The code is never echoed back. */
export function CodeForm(props: {
  title: string;
  label: string;
  hint: ReactNode;
  error?: string;
  /** Changes with each failed attempt, so the field is emptied (with JavaScript, the page is not reloaded). */
  attempt?: number;
  kind: 'totp' | 'recovery';
  children?: ReactNode;
  button: string;
}) {
  const { title, label, hint, error, attempt, kind, children, button } = props;
  return (
    <>
      <ErrorSummary errors={error ? [{ href: 'code', message: error }] : []} />
      <h1 className="govuk-heading-l">{title}</h1>
      {children}
      <StaffForm>
        <TextInput
          key={attempt ?? 0}
          id="code"
          name="code"
          label={label}
          hint={hint}
          error={error}
          width={kind === 'totp' ? '10' : '20'}
          autoComplete="one-time-code"
          inputMode={kind === 'totp' ? 'numeric' : 'text'}
          spellCheck={false}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {button}
        </button>
      </StaffForm>
    </>
  );
}
