import { json, type MetaFunction } from '@remix-run/node';
import { ErrorPageContent } from '~/components/error-page';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';

export const meta: MetaFunction = () => [{ title: `Page not found – ${PUBLIC_SERVICE_NAME}` }];

// Any address that no other page answers: a 404 in our own layout, with the exit control.
export async function loader() {
  throw json(null, { status: 404 });
}

export default function NotFound() {
  return <ErrorPageContent error={{ status: 404 }} />;
}
