import type { MetaFunction } from '@remix-run/node';
import { Tel } from '~/components/helplines';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';

export const meta: MetaFunction = () => [{ title: `Accessibility – ${PUBLIC_SERVICE_NAME}` }];

export const handle = { pageCache: true };

export default function Accessibility() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Accessibility</h1>
        <p className="govuk-body">
          We want everyone who needs this site to be able to use it. It is built to meet the Web Content Accessibility
          Guidelines (WCAG) 2.2 at level AA. You should be able to:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>use every page with a keyboard alone, or with a screen reader;</li>
          <li>zoom in up to 400% without the text spilling off the screen;</li>
          <li>use every page with JavaScript turned off, including in Tor Browser at its safest setting;</li>
          <li>change colours and fonts in your browser without losing any content.</li>
        </ul>
        <p className="govuk-body">
          Each page is checked automatically for accessibility problems every time the site changes. Automated checks
          do not find everything. If something on this site does not work for you, please tell the Stop It Now helpline
          on <Tel number="0808 1000 900" /> and we will fix it.
        </p>
      </div>
    </div>
  );
}
