import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';
import type { BodyProblem } from '../../server/request-body';

/**
 * Shown in place of any page whose posted form was refused by the server before a page
 * saw it (server/request-body.ts). Never reached by a plain visit. It runs no script:
 * the browser's address is the page that was posted to, not this one.
 */
export const handle = { hydrate: false };

/** What the person is told about a refused form: what went wrong, in words, never a code. */
function formNotAcceptedWording(problem: BodyProblem): { heading: string; explanation: string } {
  switch (problem) {
    case 'too-large':
      return {
        heading: 'What you sent was too long',
        explanation: 'The form was much longer than anything our forms need, so it was not accepted. If you pasted a long text into a box, shorten it and try again.',
      };
    case 'unsupported-type':
      return {
        heading: 'The form could not be read',
        explanation: 'The form was not sent the way a web browser sends our forms, so it was not accepted.',
      };
    case 'too-many-fields':
    case 'repeated-field':
    case 'reserved-name':
      return {
        heading: 'The form could not be read',
        explanation: 'The form held fields that our forms do not have, so it was not accepted.',
      };
    case 'malformed':
      return {
        heading: 'The form could not be read',
        explanation: 'Part of the form was not written the way a web browser writes it, so it was not accepted.',
      };
  }
}

export function loader({ context }: LoaderFunctionArgs) {
  if (!context.formProblem) throw json(null, { status: 404 });
  const { status, problem } = context.formProblem;
  return json({ status, ...formNotAcceptedWording(problem) }, { status });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Error: ${data?.heading ?? 'Form not accepted'} – ${PUBLIC_SERVICE_NAME}` }];

export default function FormNotAccepted() {
  const { heading, explanation } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">{explanation}</p>
        <p className="govuk-body">
          Go back to the form and try again. We could not read what you sent, so nothing of it has been kept, here or anywhere
          else.
        </p>
        <p className="govuk-body">
          If you need to talk to someone now, call the Stop It Now helpline on{' '}
          <a className="govuk-link" href="tel:08081000900">0808 1000 900</a>, or Samaritans on{' '}
          <a className="govuk-link" href="tel:116123">116 123</a>.
        </p>
      </div>
    </div>
  );
}
