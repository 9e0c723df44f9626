import { Link } from '@remix-run/react';

export interface NavigationItem {
  to: string;
  label: string;
}

/** The GOV.UK service navigation bar, for both sides of the site. */
export function ServiceNavigation({ label, items, isActive }: { label: string; items: NavigationItem[]; isActive: (item: NavigationItem) => boolean }) {
  return (
    <section aria-label={label} className="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list">
              {items.map((item) => {
                const active = isActive(item);
                return (
                  <li className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`} key={item.to}>
                    <Link to={item.to} className="govuk-service-navigation__link" aria-current={active ? 'page' : undefined}>
                      {active ? <strong className="govuk-service-navigation__active-fallback">{item.label}</strong> : item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}
