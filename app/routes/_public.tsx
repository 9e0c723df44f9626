import type { MetaFunction } from '@remix-run/node';
import { Outlet, useRouteError } from '@remix-run/react';
import { ErrorPageContent, errorHeading } from '~/components/error-page';
import { PublicLayout, PUBLIC_SERVICE_NAME } from '~/components/public-layout';
import { loadHelplines } from '~/server/helplines.server';

// The phone lines every anonymous page shows (footer, urgent help), from one content file.
export const loader = loadHelplines;
// They do not change while the site runs: no need to fetch them again on each step.
export const shouldRevalidate = () => false;

// Pages below set their own titles; an error page's title says it is an error first.
export const meta: MetaFunction = ({ error }) => [{ title: error ? `Error: ${errorHeading(error)} – ${PUBLIC_SERVICE_NAME}` : PUBLIC_SERVICE_NAME }];

export default function PublicPages() {
  return (
    <PublicLayout>
      <Outlet />
    </PublicLayout>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <PublicLayout>
      <ErrorPageContent error={error} />
    </PublicLayout>
  );
}
