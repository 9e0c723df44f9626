import { Link } from '@remix-run/react';
import { Hours, Tel, useHelplines } from './helplines';

/** Numbers that must be one tap away: on the home page and on every check result. */
export function UrgentHelp({ heading = 'If you need help now' }: { heading?: string }) {
  const lines = useHelplines();
  if (!lines) return null;
  const { emergency, samaritans, breathing_space, nhs_24, stop_it_now, police_non_emergency } = lines;
  return (
    <section className="app-urgent-help" aria-labelledby="urgent-help-heading">
      <h2 className="govuk-heading-s" id="urgent-help-heading">
        {heading}
      </h2>
      <ul className="govuk-list">
        <li>
          If a child is in danger right now, call <Tel number={emergency.number} />. If they are safe for now, call Police
          Scotland on <Tel number={police_non_emergency.number} /> or your council&apos;s{' '}
          <Link className="govuk-link" to="/local-help">
            social work team
          </Link>{' '}
          today.
        </li>
        <li>
          If you are thinking about ending your life, call Samaritans free on <Tel number={samaritans.number} /> (
          <Hours line={samaritans} />) or Breathing Space on <Tel number={breathing_space.number} /> (
          <Hours line={breathing_space} />
          ).
        </li>
        <li>
          For urgent health advice, including for your mental health, call NHS 24 on <Tel number={nhs_24.number} /> (
          <Hours line={nhs_24} />
          ).
        </li>
        <li>
          To talk in confidence about worries like these, call the Stop It Now helpline on <Tel number={stop_it_now.number} /> (
          <Hours line={stop_it_now} />
          ). You do not have to give your name.
        </li>
      </ul>
    </section>
  );
}
