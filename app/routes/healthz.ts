import type { LoaderFunctionArgs } from '@remix-run/node';
import { databaseAnswers } from '../../db/connection';

/** 200 when the database answers, 503 when it does not; for load balancers and uptime checks. */
export async function loader({ context }: LoaderFunctionArgs) {
  const ok = await databaseAnswers(context.db);
  return new Response(ok ? 'ok' : 'database unavailable', {
    status: ok ? 200 : 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
