/**
 * Booking a session from a case. The person must be able to update cases (a worker or
 * a manager), the case is read through readCase (audited; not theirs is "not found")
 * and must be one they may update; the module books it, with a double booking named.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import { caseViewerOf, mayUpdate, readCase } from '#modules/referrals/access';
import { doneQuery } from '#modules/sessions/banners';
import { bookSession, bookingView, type BookingView } from '#modules/sessions/booking';
import { bookingForm } from '#modules/sessions/forms';
import { parseForm, readForm, type FieldErrors } from './forms.server';
import { notFound } from './http.server';
import { requireStaff } from './staff-auth.server';

const PERMISSION = 'case:update:allocated';
const NO_STORE = { 'Cache-Control': 'no-store' };

const forbidden = () => json({ reason: 'forbidden' as const }, { status: 403, headers: NO_STORE });

async function openCase(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const staff = await requireStaff(args, PERMISSION);
  const viewer = caseViewerOf(staff.user);
  const referral = await readCase(args.context.db, viewer, (args.params.referralId ?? '').toLowerCase());
  if (!referral) notFound();
  if (!mayUpdate(viewer, referral, PERMISSION)) throw forbidden();
  return { viewer, referral, view: await bookingView(args.context.db, viewer, referral) };
}

export interface BookingData {
  view: BookingView;
  values: Record<string, string>;
  errors: FieldErrors;
  refused: string | null;
  /** Changes on every answer, so the form shows the values sent back rather than the ones it had. */
  revision: number;
}

const reply = (data: Omit<BookingData, 'revision'>, status = 200) => json<BookingData>({ ...data, revision: Date.now() }, { status, headers: NO_STORE });

export async function bookingLoader(args: LoaderFunctionArgs) {
  const { view } = await openCase(args);
  return reply({ view, values: { module: view.suggested ?? '', minutes: String(view.defaultMinutes) }, errors: {}, refused: null });
}

export async function bookingAction(args: ActionFunctionArgs) {
  const { viewer, referral, view } = await openCase(args);
  const now = new Date();
  const form = parseForm(await readForm(args.request), bookingForm({ now, defaultMinutes: view.defaultMinutes, moduleKeys: view.modules.map((m) => m.key) }));
  if (!view.schedulable) return reply({ view, values: form.values, errors: {}, refused: 'Sessions can be booked only for a case that is allocated, being assessed or in the programme.' }, 409);
  if (form.status === 'invalid') return reply({ view, values: form.values, errors: form.errors, refused: null }, 400);
  const result = await bookSession(args.context.db, viewer, referral, form.value, now);
  switch (result.status) {
    case 'booked':
      return redirect(`/staff/sessions/${result.id}?${doneQuery({ step: 'SCHEDULE' })}`);
    case 'forbidden':
      throw forbidden();
    case 'invalid':
      return reply({ view, values: form.values, errors: { [result.field]: result.message }, refused: null }, 400);
    case 'refused':
      return reply({ view, values: form.values, errors: {}, refused: result.message }, 409);
  }
}
