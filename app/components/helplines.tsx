import type { ReactNode } from 'react';
import { useRouteLoaderData } from '@remix-run/react';
import type { HelplineId } from '#modules/content/helplines';
import { PHONE_NUMBER, telHref } from '#modules/content/phone-numbers';

export interface HelplineView {
  name: string;
  number: string;
  hours: string | null;
  website: string;
}

/** The phone lines from the anonymous layout's loader (content/helplines.yaml). */
export function useHelplines(): Record<HelplineId, HelplineView> | null {
  const data = useRouteLoaderData<{ helplines: Record<HelplineId, HelplineView> }>('routes/_public');
  return data?.helplines ?? null;
}

/** A phone number as a link a phone can call. */
export function Tel({ number, className = 'govuk-link app-tel' }: { number: string; className?: string }) {
  return (
    <a href={telHref(number)} className={className}>
      {number}
    </a>
  );
}

/** When a line is open, or a link to check, where its hours could not be sourced. */
export function Hours({ line }: { line: HelplineView }) {
  if (line.hours) return <>open {line.hours}</>;
  return (
    <>
      <a className="govuk-link" href={line.website} rel="noreferrer">
        check its opening times on its website
      </a>
    </>
  );
}

/** Plain text (a form hint, say) with each phone number in it as a link a phone can call. */
export function TelText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(PHONE_NUMBER)) {
    parts.push(text.slice(last, match.index), <Tel key={match.index} number={match[0]} />);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
