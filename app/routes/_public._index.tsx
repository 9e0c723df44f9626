import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';
import { UrgentHelp } from '~/components/urgent-help';

export const meta: MetaFunction = () => [
  { title: `${PUBLIC_SERVICE_NAME}: confidential help to prevent child sexual abuse` },
  {
    name: 'description',
    content:
      'Confidential help if you are worried about your own sexual thoughts or online viewing, about someone else, or after an arrest.',
  },
];

export default function Home() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Worried about child sexual abuse? You can get help here without giving your name.</h1>
        <p className="govuk-body-l">
          This site is for anyone who is worried: about their own sexual thoughts or what they look at online, about
          someone else, or about what happens after an arrest.
        </p>
        <p className="govuk-body">
          You do not need an account. We do not use cookies and we do not keep any record of who you are or what you
          read here.
        </p>

        <h2 className="govuk-heading-m">Who are you worried about?</h2>

        <h3 className="govuk-heading-s">Myself</h3>
        <p className="govuk-body">
          If you are worried about your sexual thoughts about children, or about images you have looked at online, it
          is a good sign that you are looking for help. Thoughts can be managed and behaviour can change. The Stop It
          Now helpline on <strong>0808 1000 900</strong> will listen without judging you, and you do not have to say
          who you are.
        </p>

        <h3 className="govuk-heading-s">Someone else</h3>
        <p className="govuk-body">
          If something about an adult&apos;s behaviour around children worries you, or a child&apos;s or young
          person&apos;s sexual behaviour, you do not have to be sure before you talk to someone. The helpline can help
          you think through what you have noticed and what to do next.
        </p>

        <h3 className="govuk-heading-s">I have been arrested, or someone close to me has</h3>
        <p className="govuk-body">
          The days after an arrest can be frightening for everyone in the family. Support is there for the person
          arrested and for their partner, parents and children. If you or someone you know is thinking about suicide,
          please call Samaritans on <strong>116 123</strong> now.
        </p>

        <UrgentHelp />

        <p className="govuk-body">
          If someone else might see your screen, read{' '}
          <Link to="/leave-this-site-quickly" className="govuk-link">
            how to leave this site quickly and clear your history
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
