import { useEffect, useRef } from 'react';

export interface FieldError {
  /** The id of the input (or the first input of a group) the message is about. */
  href: string;
  message: string;
}

/**
 * The GOV.UK error summary: it takes focus when it appears, so screen readers announce
 * it, and each message links to the field it is about.
 */
export function ErrorSummary({ errors, title = 'There is a problem' }: { errors: FieldError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    // autoFocus: without JavaScript the summary still takes focus as the page opens.
    // eslint-disable-next-line jsx-a11y/no-autofocus
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1} autoFocus>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.href}:${error.message}`}>
                <a href={`#${error.href}`}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** Puts "Error: " before the page title while a form has errors, as GOV.UK pages do. */
export function errorTitle(title: string, hasErrors: boolean): string {
  return hasErrors ? `Error: ${title}` : title;
}

/** The error summary's list, in the order the fields appear on the page. */
export function errorList(errors: Record<string, string>, order: string[]): Array<{ href: string; message: string }> {
  const known = order.filter((name) => errors[name]).map((name) => ({ href: name, message: errors[name]! }));
  const others = Object.keys(errors)
    .filter((name) => !order.includes(name))
    .map((name) => ({ href: order[0] ?? name, message: errors[name]! }));
  return [...known, ...others];
}
