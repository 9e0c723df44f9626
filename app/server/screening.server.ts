/**
 * The managers' screening queue: the referrals waiting for CHOICE, oldest first, with
 * how long each has waited and how near its decision date is.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { caseViewerOf } from '#modules/referrals/access';
import { parseQueueCursor, screeningQueue } from '#modules/referrals/queue';
import { caseStatus } from '#modules/referrals/status';
import { deadline, waitingTime } from '#modules/referrals/waiting';
import { actorOf } from '#modules/auth/sign-in';
import { safePath } from './redirect.server';
import { requireStaff } from './staff-auth.server';

export async function screeningLoader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, 'case:screen:service');
  const cursor = parseQueueCursor(new URL(args.request.url).searchParams);
  const page = await screeningQueue(args.context.db, caseViewerOf(staff.user), actorOf(staff.user), cursor);
  const now = new Date();
  return json({
    rows: page.rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      personName: row.personName,
      organisationName: row.organisationName,
      status: caseStatus(row.state, 'staff'),
      submittedAt: row.submittedAt.toISOString(),
      waiting: waitingTime(row.submittedAt, now),
      deadline: deadline(row.decisionDate, now),
      flagged: row.eligibilityFlags.length > 0,
    })),
    counts: page.counts,
    earlier: page.before ? safePath(`/staff/screening?${new URLSearchParams({ before: page.before })}`, '/staff/screening') : null,
    later: page.after ? safePath(`/staff/screening?${new URLSearchParams({ after: page.after })}`, '/staff/screening') : null,
    firstPage: !cursor,
  });
}
