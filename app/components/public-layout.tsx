import type { ReactNode } from 'react';
import { Link, useLocation } from '@remix-run/react';
import { ExitThisPage, ExitThisPageSkipLink } from './exit-this-page';
import { Tel, useHelplines } from './helplines';
import { ServiceNavigation, type NavigationItem } from './service-navigation';

export const PUBLIC_SERVICE_NAME = 'Stop It Now Scotland';

export type { NavigationItem };

const NAVIGATION: NavigationItem[] = [
  { to: '/', label: 'Home' },
  { to: '/checks', label: 'Self-checks' },
  { to: '/self-help', label: 'Self-help' },
  { to: '/toolkit', label: 'Toolkit' },
  { to: '/toolkit/get-help', label: 'Get help' },
  { to: '/search', label: 'Search' },
];

function isActive(item: NavigationItem, pathname: string): boolean {
  if (item.to === '/') return pathname === '/';
  if (item.to === '/toolkit') return pathname.startsWith('/toolkit') && !pathname.startsWith('/toolkit/get-help');
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

const FOOTER_LINKS: NavigationItem[] = [
  { to: '/leave-this-site-quickly', label: 'Leave this site quickly' },
  { to: '/local-help', label: 'Social work near you' },
  { to: '/privacy', label: 'Privacy' },
  { to: '/accessibility', label: 'Accessibility' },
];

/** The frame of every anonymous page: skip links, header, the exit control, footer. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const lines = useHelplines();
  return (
    <>
      <ExitThisPageSkipLink />
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-generic-header app-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <Link to="/" className="govuk-generic-header__homepage-link">
              {PUBLIC_SERVICE_NAME}
            </Link>
            <span className="app-header__tagline">Confidential help to prevent child sexual abuse</span>
          </div>
        </div>
      </header>
      <ServiceNavigation label="Service menu" items={NAVIGATION} isActive={(item) => isActive(item, pathname)} />
      <div className="govuk-width-container">
        <ExitThisPage />
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          {lines ? (
            <p className="govuk-body app-footer__statement">
              In an emergency, call <Tel number={lines.emergency.number} className="govuk-footer__link" />. Stop It Now
              helpline: <Tel number={lines.stop_it_now.number} className="govuk-footer__link" />, and you do not have to
              give your name. If you are thinking about suicide, call Samaritans free on{' '}
              <Tel number={lines.samaritans.number} className="govuk-footer__link" />.
            </p>
          ) : null}
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <h2 className="govuk-visually-hidden">Support links</h2>
              <ul className="govuk-footer__inline-list">
                {FOOTER_LINKS.map((item) => (
                  <li className="govuk-footer__inline-list-item" key={item.to}>
                    <Link className="govuk-footer__link" to={item.to}>
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
              <p className="govuk-body-s">The public pages set no cookies, and the site keeps no record of who visits it.</p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
