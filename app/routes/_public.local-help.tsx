import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { LOCAL_HELP_TITLE } from '#modules/content/local-help';
import { Hours, Tel, TelText, useHelplines } from '~/components/helplines';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';
import { loadLocalHelpPage } from '~/server/helplines.server';

export const meta: MetaFunction = () => [{ title: `${LOCAL_HELP_TITLE} – ${PUBLIC_SERVICE_NAME}` }];
export const handle = { pageCache: true };
export const loader = loadLocalHelpPage;

const formatDate = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export default function LocalHelp() {
  const { reviewed, councils } = useLoaderData<typeof loader>();
  const lines = useHelplines();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{LOCAL_HELP_TITLE}</h1>
        <p className="govuk-body-l">Every council in Scotland has a social work team that protects children. You can call them about a worry, even if you are not sure.</p>
        {lines ? (
          <div className="govuk-inset-text">
            <p className="govuk-body">
              If a child is in danger right now, call <Tel number={lines.emergency.number} />.
            </p>
            <p className="govuk-body">
              If you cannot find your council&apos;s number, call Police Scotland on <Tel number={lines.police_non_emergency.number} /> (
              <Hours line={lines.police_non_emergency} />
              ). The police and social work work together, and either will pass your worry on.
            </p>
          </div>
        ) : null}
        <h2 className="govuk-heading-m">Before you call</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>Call the council where the child lives. If you do not know which council that is, give the address and ask.</li>
          <li>In office hours, ask for children&apos;s social work or child protection.</li>
          <li>Evenings, weekends and public holidays, use the out-of-hours number.</li>
          <li>
            You can ask them not to tell the family who called. Read{' '}
            <Link className="govuk-link" to="/toolkit/what-to-do/police-or-social-work">
              when to call the police or social work
            </Link>
            .
          </li>
        </ul>
        <h2 className="govuk-heading-m">Councils</h2>
        <p className="govuk-body">
          We give a number only where we have read it on a public page, named below with the date we checked it. Numbers change: if one does
          not work, call <Tel number={lines?.police_non_emergency.number ?? '101'} />. This list was last reviewed on {formatDate(reviewed)}.
        </p>
        <dl className="govuk-summary-list app-local-help">
          {councils.map((c) => (
            <div className="govuk-summary-list__row" key={c.council}>
              <dt className="govuk-summary-list__key">{c.council}</dt>
              <dd className="govuk-summary-list__value">
                {c.verified ? (
                  <>
                    {c.daytime ? (
                      <p className="govuk-body">
                        <strong>Office hours:</strong> <TelText text={c.daytime.label} />
                        {c.daytime.number ? (
                          <>
                            : <Tel number={c.daytime.number} />
                          </>
                        ) : null}
                      </p>
                    ) : null}
                    {c.out_of_hours ? (
                      <p className="govuk-body">
                        <strong>Out of hours:</strong> <TelText text={c.out_of_hours.label} />
                        {c.out_of_hours.number ? (
                          <>
                            : <Tel number={c.out_of_hours.number} />
                          </>
                        ) : null}
                      </p>
                    ) : null}
                    <p className="govuk-body-s">
                      From{' '}
                      <a className="govuk-link" href={c.source} rel="noreferrer">
                        the council&apos;s page
                      </a>
                      , checked {formatDate(c.checked)}.
                    </p>
                  </>
                ) : (
                  <p className="govuk-body">
                    We have not yet been able to check this council&apos;s numbers.{' '}
                    {c.website ? (
                      <>
                        Find them on{' '}
                        <a className="govuk-link" href={c.website} rel="noreferrer">
                          the council&apos;s website
                        </a>
                        , or call{' '}
                      </>
                    ) : (
                      <>Call </>
                    )}
                    Police Scotland on <Tel number={lines?.police_non_emergency.number ?? '101'} />. In an emergency, call{' '}
                    <Tel number={lines?.emergency.number ?? '999'} />.
                  </p>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
