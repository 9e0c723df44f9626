import type { MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { CheckWording } from '#modules/checks/wording';
import { CheckResume } from '~/components/checks/resume';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';
import { loadCheck } from '~/server/checks.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Continue with your code – ${data?.check.title ?? 'Self-check'} – ${PUBLIC_SERVICE_NAME}` }];
export const handle = { pageCache: true };
export const loader = loadCheck;

// The code is posted to the check itself, so it never appears in an address.
export default function ResumeCheck() {
  const { check } = useLoaderData<typeof loader>();
  return <CheckResume check={check as CheckWording} action={`/checks/${check.id}`} error={null} typed="" />;
}
