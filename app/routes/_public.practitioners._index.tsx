import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Tel } from '~/components/helplines';
import { PRACTITIONER_PAGES, practitionerTitle } from '~/components/practitioners/practitioner-form';
import { practitionersIndexLoader } from '~/server/practitioners.server';

export const meta: MetaFunction = () => [{ title: practitionerTitle('Download the toolkit as packs') }];

// No page cache: the page says whether you are signed in.
export const loader = practitionersIndexLoader;

export default function PractitionersIndex() {
  const { signedIn, packs } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">For professionals</span>
        <h1 className="govuk-heading-xl">Practitioner packs</h1>
        <p className="govuk-body-l">
          If your work brings you into contact with children, families or adults in Scotland, you can download each part of our toolkit as a pack to print, keep and
          share with colleagues.
        </p>
        <p className="govuk-body">
          Teachers, GPs and practice staff, youth workers, social workers, housing officers, volunteers and anyone else who provides local services are all welcome to
          register.
        </p>
        <div className="govuk-inset-text">
          You do not need an account to use the toolkit. Every page of it is on this site, free and open to everyone:{' '}
          <Link className="govuk-link" to="/toolkit">
            go to the toolkit
          </Link>
          . Registering only lets you download the packs.
        </div>

        <h2 className="govuk-heading-m">What is in the packs</h2>
        <p className="govuk-body">There is one pack for each part of the toolkit, with all its pages in order:</p>
        <ul className="govuk-list govuk-list--bullet">
          {packs.map((pack) => (
            <li key={pack.section}>{pack.title}</li>
          ))}
        </ul>

        {signedIn ? (
          <>
            <h2 className="govuk-heading-m">You are signed in</h2>
            <Link to={PRACTITIONER_PAGES.packs} className="govuk-button" data-module="govuk-button">
              Go to the packs
            </Link>
          </>
        ) : (
          <>
            <h2 className="govuk-heading-m">Registering</h2>
            <p className="govuk-body">
              We ask only for your email address, the name of your organisation and a password. We email you a link to confirm your address; after that, you can sign in
              and download the packs whenever you need them.
            </p>
            <p className="govuk-body">
              Signing in sets one cookie, used only to keep you signed in on these pages. It is removed when you sign out or close your browser. The rest of the site
              sets no cookies.
            </p>
            <div className="govuk-button-group">
              <Link to={PRACTITIONER_PAGES.register} className="govuk-button" data-module="govuk-button">
                Register
              </Link>
              <Link to={PRACTITIONER_PAGES.signIn} className="govuk-link">
                I have registered: sign in
              </Link>
            </div>
          </>
        )}

        <h2 className="govuk-heading-m">If you are worried about a child now</h2>
        <p className="govuk-body">
          If a child is in danger right now, call <Tel number="999" />. For what to do next, see{' '}
          <Link className="govuk-link" to="/toolkit/what-to-do">
            what to do if you are worried
          </Link>{' '}
          and{' '}
          <Link className="govuk-link" to="/toolkit/for-professionals">
            guidance for professionals
          </Link>
          . You can also call the Stop It Now helpline free on <Tel number="0808 1000 900" />.
        </p>
      </div>
    </div>
  );
}
