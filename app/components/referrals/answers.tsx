import type { ReactNode } from 'react';

/** An answer in a summary list: typed text keeps its own line breaks. */
export function AnswerValue({ value, multiline }: { value: string; multiline?: boolean }) {
  if (!multiline || !value.includes('\n')) return <>{value}</>;
  return (
    <>
      {value.split('\n').map((line, index) => (
        <span key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </>
  );
}

/** The GOV.UK warning text: something that stops the person going on. */
export function Warning({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}
