import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';
import { UrgentHelp } from '~/components/urgent-help';

export const meta: MetaFunction = () => [
  { title: `${PUBLIC_SERVICE_NAME}: confidential help to prevent child sexual abuse` },
  {
    name: 'description',
    content: 'Confidential help if you are worried about your own sexual thoughts or online viewing, about someone else, or after an arrest.',
  },
];
export const handle = { pageCache: true };

interface Route {
  id: string;
  heading: string;
  intro: string;
  links: Array<{ to: string; label: string; hint: string }>;
}

const ROUTES: Route[] = [
  {
    id: 'myself',
    heading: 'Myself',
    intro:
      'You may be worried about sexual thoughts about children, or about images you have looked at online. Looking for help is a good sign. Thoughts can be managed and behaviour can change.',
    links: [
      { to: '/checks/online-viewing', label: 'Check: worried about my online viewing', hint: 'About 5 minutes. Your answers are not saved.' },
      { to: '/checks/sexual-thoughts', label: 'Check: worried about my sexual thoughts', hint: 'About 5 minutes. Your answers are not saved.' },
      { to: '/self-help/the-law-and-after-an-arrest/is-what-i-am-doing-illegal', label: 'Is what I am doing illegal?', hint: 'Plain answers about the law in Scotland.' },
      { to: '/self-help', label: 'Self-help modules', hint: 'Ten short modules to work through at your own pace.' },
    ],
  },
  {
    id: 'someone-else',
    heading: 'Someone else',
    intro:
      'Something about an adult’s behaviour around children may worry you, or a child’s or young person’s sexual behaviour. You do not have to be sure before you do something.',
    links: [
      { to: '/checks/someone-else', label: 'Check: worried about someone else', hint: 'Points you to the right advice. Your answers are not saved.' },
      { to: '/toolkit/warning-signs', label: 'Warning signs', hint: 'What to look out for in adults and online.' },
      { to: '/toolkit/what-to-do', label: 'What to do if you are worried', hint: 'Right now, today and this week.' },
      { to: '/toolkit', label: 'The whole toolkit', hint: 'For families, friends and professionals.' },
    ],
  },
  {
    id: 'arrest',
    heading: 'I have been arrested, or someone close to me has',
    intro:
      'The days after an arrest can be frightening for everyone in the family. There is support for the person arrested and for their partner, parents and children.',
    links: [
      { to: '/checks/after-an-arrest', label: 'Check: after an arrest', hint: 'What happens next in Scotland, and where to get support.' },
      { to: '/toolkit/after-an-arrest', label: 'Support after an arrest', hint: 'For partners, parents and families.' },
      { to: '/self-help/the-law-and-after-an-arrest', label: 'The law and what happens next', hint: 'For the person who was arrested.' },
    ],
  },
];

export default function Home() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Worried about child sexual abuse? Get help without giving your name.</h1>
        <p className="govuk-body-l">
          This site is for anyone who is worried: about their own thoughts or what they look at online, about someone
          else, or about what happens after an arrest.
        </p>
        <p className="govuk-body">
          You do not need an account. We do not use cookies and we keep no record of who you are or what you read.
        </p>
        <h2 className="govuk-heading-l">Who are you worried about?</h2>
        {ROUTES.map((route) => (
          <section key={route.id} className="app-route" aria-labelledby={`route-${route.id}`}>
            <h3 className="govuk-heading-m" id={`route-${route.id}`}>
              {route.heading}
            </h3>
            <p className="govuk-body">{route.intro}</p>
            <ul className="govuk-list app-route__links">
              {route.links.map((link) => (
                <li key={link.to}>
                  <Link className="govuk-link govuk-!-font-weight-bold" to={link.to}>
                    {link.label}
                  </Link>
                  <span className="govuk-hint app-route__hint">{link.hint}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
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
