import type { MetaFunction } from '@remix-run/node';
import { Outlet, useLoaderData, useLocation, useNavigate, useRouteError } from '@remix-run/react';
import { useEffect } from 'react';
import { ErrorPageContent } from '~/components/error-page';
import { StaffLayout, STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { staffLayoutLoader } from '~/server/staff-auth.server';

export const loader = staffLayoutLoader;

export const meta: MetaFunction = () => [{ title: STAFF_SERVICE_NAME }];

function useIdleWarning(warnAfterSeconds: number | null) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  useEffect(() => {
    if (!warnAfterSeconds || pathname === '/staff/session-warning') return;
    const timer = window.setTimeout(() => navigate('/staff/session-warning'), warnAfterSeconds * 1000);
    return () => window.clearTimeout(timer);
  });
}

export default function StaffPages() {
  const { signedIn, warnAfterSeconds } = useLoaderData<typeof loader>();
  useIdleWarning(warnAfterSeconds);
  return (
    <StaffLayout signedIn={signedIn}>
      <Outlet />
    </StaffLayout>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <StaffLayout signedIn={null}>
      <ErrorPageContent error={error} />
    </StaffLayout>
  );
}
