import { Outlet, useRouteError } from '@remix-run/react';
import { ErrorPageContent } from '~/components/error-page';
import { PublicLayout } from '~/components/public-layout';
import { loadHelplines } from '~/server/helplines.server';

// The phone lines every anonymous page shows (footer, urgent help), from one content file.
export const loader = loadHelplines;
// They do not change while the site runs: no need to fetch them again on each step.
export const shouldRevalidate = () => false;

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
