/**
 * The session page and its calendar invite. A worker or manager only (referrers and
 * administrators are refused); the session is read through readSession, which audits
 * the read and answers "not found" to anyone who is not its worker, the case's
 * allocated worker or a CHOICE manager. A step's form is parsed here and taken by the
 * module; a stale page comes back with what changed and what the person typed.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import { caseViewerOf } from '#modules/referrals/access';
import { readSession } from '#modules/sessions/access';
import { doneQuery, readDoneQuery } from '#modules/sessions/banners';
import { isSessionPageStep, sessionStepForm, STEP_FIELDS, type SessionPageStep } from '#modules/sessions/forms';
import { sessionInvite, sessionInviteTitle } from '#modules/sessions/ics';
import { sessionPageView, takeSessionStep, type RecordedNotes, type SessionHistoryItem } from '#modules/sessions/session-page';
import { toScottishClock } from '#modules/sessions/times';
import { parseForm, readForm, type FieldErrors } from './forms.server';
import { notFound } from './http.server';
import { requireStaff, siteUrl } from './staff-auth.server';

const READ = 'case:read:allocated';
const UPDATE = 'case:update:allocated';
const NO_STORE = { 'Cache-Control': 'no-store' };
/** How long typed text may be to be kept on the page after a failed step. */
const KEEP_MAX = 10_000;

async function openSession(args: LoaderFunctionArgs | ActionFunctionArgs, permission: typeof READ | typeof UPDATE, detail?: Record<string, string>) {
  const staff = await requireStaff(args, permission);
  const viewer = caseViewerOf(staff.user);
  const session = await readSession(args.context.db, viewer, args.params.sessionId ?? '', detail);
  if (!session) notFound();
  return { viewer, session };
}

export async function sessionPageLoader(args: LoaderFunctionArgs) {
  const { viewer, session } = await openSession(args, READ);
  const view = await sessionPageView(args.context.db, viewer, session);
  return json({ ...view, done: readDoneQuery(new URL(args.request.url).searchParams) }, { headers: NO_STORE });
}

export interface SessionActionData {
  step: SessionPageStep | null;
  errors: FieldErrors;
  /** What the person typed into the step's form, to put back. */
  values: Record<string, string>;
  conflict: { version: number; changes: SessionHistoryItem[]; notes: RecordedNotes | null } | null;
  refused: string | null;
  /** Changes on every answer, so the forms show the values sent back rather than the ones they had. */
  revision: number;
}

function reply(data: Partial<SessionActionData> & Pick<SessionActionData, 'step' | 'values'>, status: number) {
  return json<SessionActionData>({ errors: {}, conflict: null, refused: null, revision: Date.now(), ...data }, { status, headers: NO_STORE });
}

/** The step's own fields as typed (first value of each), never anything else that was posted. */
function typedValues(formData: FormData, step: SessionPageStep | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of step ? STEP_FIELDS[step] : []) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = value.slice(0, KEEP_MAX);
  }
  return values;
}

export async function sessionPageAction(args: ActionFunctionArgs) {
  const { viewer, session } = await openSession(args, UPDATE);
  const now = new Date();
  const formData = await readForm(args.request);
  const minutes = Math.round((session.ends_at.getTime() - session.starts_at.getTime()) / 60_000);
  const form = parseForm(formData, sessionStepForm({ now, defaultMinutes: minutes }));
  const named = formData.get('step');
  const step = isSessionPageStep(named) ? named : null;
  const values = typedValues(formData, step);
  if (form.status === 'invalid') return reply({ step, values, errors: form.errors }, 400);

  const result = await takeSessionStep(args.context.db, viewer, session, form.value, () => siteUrl(args.request), now);
  switch (result.status) {
    case 'done':
      return redirect(`/staff/sessions/${result.sessionId}?${doneQuery(result.notice)}`);
    case 'forbidden':
      throw json({ reason: 'forbidden' as const }, { status: 403, headers: NO_STORE });
    case 'not-found':
      return notFound();
    case 'invalid':
      return reply({ step, values, errors: { [result.field]: result.message } }, 400);
    case 'conflict':
      return reply({ step, values, conflict: { version: result.version, changes: result.changes, notes: result.notes } }, 409);
    case 'refused':
      return reply({ step, values, refused: result.message }, 409);
  }
}

/** The session as a calendar file: the case reference and a link, nothing about the man. */
export async function sessionInviteLoader(args: LoaderFunctionArgs) {
  const { session } = await openSession(args, READ, { view: 'invite' });
  if (session.state === 'rescheduled' || session.state === 'cancelled') notFound();
  const site = siteUrl(args.request);
  const body = sessionInvite({
    uid: `session-${session.id}@${new URL(site).host}`,
    startsAt: session.starts_at,
    endsAt: session.ends_at,
    title: sessionInviteTitle(session.reference),
    description: `The session page: ${site}/staff/sessions/${session.id}`,
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="choice-session-${toScottishClock(session.starts_at).day}.ics"`,
      'Cache-Control': 'no-store',
    },
  });
}
