import type { ReactNode } from 'react';
import { Link, useLocation } from '@remix-run/react';
import { ServiceNavigation, type NavigationItem } from '../service-navigation';
import { StaffForm } from './staff-form';

export const STAFF_SERVICE_NAME = 'CHOICE case management';

export type StaffNavigationItem = NavigationItem;

export interface SignedInSummary {
  fullName: string;
  organisationName: string;
  navigation: StaffNavigationItem[];
}

function isActive(item: StaffNavigationItem, pathname: string): boolean {
  if (item.to === '/staff') return pathname === '/staff';
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/**
 * The frame of every staff page. No "Exit this page" control (staff are at work, not
 * hiding a visit), but the same strict headers as the rest of the site.
 */
export function StaffLayout({ signedIn, children }: { signedIn: SignedInSummary | null; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-generic-header app-header app-header--staff">
        <div className="govuk-generic-header__container govuk-width-container app-staff-header">
          <div className="govuk-generic-header__logo">
            <Link to="/staff" className="govuk-generic-header__homepage-link">
              {STAFF_SERVICE_NAME}
            </Link>
            <span className="app-header__tagline">Stop It Now Scotland staff</span>
          </div>
          {signedIn ? (
            <div className="app-staff-header__account">
              <p className="govuk-body-s app-staff-header__who">
                {signedIn.fullName}
                <br />
                {signedIn.organisationName}
              </p>
              <StaffForm action="/staff/sign-out" className="app-staff-header__sign-out">
                <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                  Sign out
                </button>
              </StaffForm>
            </div>
          ) : null}
        </div>
      </header>
      {signedIn ? <ServiceNavigation label="Staff menu" items={signedIn.navigation} isActive={(item) => isActive(item, pathname)} /> : null}
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <p className="govuk-body-s">
            Staff use only. Every time you open or change a case, it is recorded. <Link className="govuk-footer__link" to="/">Public site</Link>
          </p>
        </div>
      </footer>
    </>
  );
}
