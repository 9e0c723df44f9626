import type { ReactNode } from 'react';
import type { LinksFunction, MetaFunction } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useMatches, useRouteError, useRouteLoaderData } from '@remix-run/react';
import { ErrorPageContent } from '~/components/error-page';
import { useNonce } from '~/components/nonce';
import { PublicLayout, PUBLIC_SERVICE_NAME } from '~/components/public-layout';
import appStyles from '~/styles/generated/app.css';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appStyles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = () => [{ title: PUBLIC_SERVICE_NAME }];

// Marks the page as able to run GOV.UK Frontend's scripts before anything paints.
const SUPPORT_SCRIPT =
  "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

/**
 * Without JavaScript, a signed-in staff page tells the browser to open the idle warning
 * shortly before the session would end. Inside <noscript>, so that with JavaScript
 * (where a timer that restarts on every page does this) it never fires.
 */
function IdleWarningRefresh() {
  const staff = useRouteLoaderData<{ warnAfterSeconds: number | null }>('routes/staff');
  const { pathname } = useLocation();
  if (!staff?.warnAfterSeconds || pathname === '/staff/session-warning') return null;
  return (
    <noscript>
      <meta httpEquiv="refresh" content={`${staff.warnAfterSeconds};url=/staff/session-warning`} />
    </noscript>
  );
}

/** A page whose route says `handle = { hydrate: false }` is sent without the framework's scripts. */
function useHydrates(): boolean {
  return !useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const hydrates = useHydrates();
  return (
    <html lang="en-GB" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d5c63" />
        <Meta />
        <IdleWarningRefresh />
        <Links />
      </head>
      <body className="govuk-template__body" suppressHydrationWarning>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SUPPORT_SCRIPT }} />
        {children}
        {hydrates ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return (
    <Document>
      <Outlet />
    </Document>
  );
}

/** Reached only when a layout itself fails; the layouts catch their own pages' errors. */
export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <Document>
      <PublicLayout>
        <ErrorPageContent error={error} />
      </PublicLayout>
    </Document>
  );
}
