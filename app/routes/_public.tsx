import { Outlet, useRouteError } from '@remix-run/react';
import { ErrorPageContent } from '~/components/error-page';
import { PublicLayout } from '~/components/public-layout';

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
