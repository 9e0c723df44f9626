/**
 * The worker's diary page: authorise, read the week the address asks for (the module
 * turns anything it cannot use into a message), and give the page its links.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { caseViewerOf } from '#modules/referrals/access';
import { dayInScotland } from '#modules/referrals/dates';
import { diaryPage, parseDiaryQuery } from '#modules/sessions/diary-page';
import { safePath } from './redirect.server';
import { requireStaff } from './staff-auth.server';

export const DIARY_PERMISSION = 'case:read:allocated';

export async function diaryLoader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, DIARY_PERMISSION);
  const viewer = caseViewerOf(staff.user);
  const now = new Date();
  const query = parseDiaryQuery(new URL(args.request.url).searchParams, dayInScotland(now));
  const page = await diaryPage(args.context.db, viewer, query, now);
  // A manager looking at someone else's diary keeps it across the week links.
  const href = (params: Record<string, string>) => {
    const search = new URLSearchParams(page.worker.own ? {} : { worker: page.worker.id });
    for (const [key, value] of Object.entries(params)) search.set(key, value);
    return safePath(`/staff/diary${search.size ? `?${search}` : ''}`, '/staff/diary');
  };
  return json(
    {
      ...page,
      links: {
        previous: page.week.previous ? href({ week: page.week.previous }) : null,
        next: page.week.next ? href({ week: page.week.next }) : null,
        thisWeek: page.week.isThisWeek && !page.continued ? null : href({}),
        weekStart: page.continued ? href({ week: page.week.name }) : null,
        nextPage: page.nextPage ? href({ week: page.week.name, after: page.nextPage }) : null,
      },
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
