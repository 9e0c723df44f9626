/**
 * The safeguarding pages' loaders and actions: the concerns to deal with, and one
 * concern with its two steps (acknowledge, record what was done). Only a CHOICE
 * manager reaches them (the permission, then the module's own check of the object);
 * every read and change is audited by the module; a stale page is told what changed.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { actorOf } from '#modules/auth/sign-in';
import { caseViewerOf } from '#modules/referrals/access';
import {
  acknowledgeConcern,
  ConcernConflictError,
  ConcernNotFoundError,
  ConcernStepRefusedError,
  concernPath,
  concernsToDealWith,
  readConcern,
  recordConcernAction,
} from '#modules/safeguarding/concerns';
import { concernForm, type ConcernIntent } from '#modules/safeguarding/forms';
import { parseForm, readForm, type FieldErrors } from './forms.server';
import { notFound } from './http.server';
import { redirect } from './redirect.server';
import { requireStaff } from './staff-auth.server';

const PERMISSION = 'safeguarding:manage:service';

export async function concernListLoader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, PERMISSION);
  return json({ concerns: await concernsToDealWith(args.context.db, caseViewerOf(staff.user)) });
}

async function openConcernPage(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const staff = await requireStaff(args, PERMISSION);
  const viewer = caseViewerOf(staff.user);
  const concern = await readConcern(args.context.db, viewer, (args.params.concernId ?? '').toLowerCase());
  if (!concern) notFound();
  return { staff, concern };
}

export async function concernPageLoader(args: LoaderFunctionArgs) {
  const { concern } = await openConcernPage(args);
  const done = new URL(args.request.url).searchParams.get('done');
  return json({ concern, done: done === 'acknowledge' || done === 'record-action' ? (done as ConcernIntent) : null });
}

export interface ConcernActionData {
  intent: ConcernIntent | null;
  errors: FieldErrors;
  values: Record<string, string>;
  refused: string | null;
}

export async function concernPageAction(args: ActionFunctionArgs) {
  const { staff, concern } = await openConcernPage(args);
  const form = parseForm(await readForm(args.request), concernForm());
  const named = form.values.intent;
  const intent: ConcernIntent | null = named === 'acknowledge' || named === 'record-action' ? named : null;
  const reply = (data: Partial<ConcernActionData>, status: number) => json<ConcernActionData>({ intent, errors: {}, values: form.values, refused: null, ...data }, { status });
  if (form.status === 'invalid') return reply({ errors: form.errors }, 400);
  const request = { concernId: concern.id, expectedVersion: form.value.version, actor: actorOf(staff.user) };
  try {
    if (form.value.intent === 'acknowledge') await acknowledgeConcern(args.context.db, request);
    else await recordConcernAction(args.context.db, { ...request, action: form.value.action });
    return redirect(`${concernPath(concern.id)}?done=${form.value.intent}`);
  } catch (error) {
    if (error instanceof ConcernConflictError) {
      return reply({ refused: 'Another manager changed this concern while you were looking at it. What they did is shown below; what you typed is kept in the form. Check it, and send it again if it still makes sense.' }, 409);
    }
    if (error instanceof ConcernStepRefusedError) return reply({ refused: error.message }, 409);
    if (error instanceof ConcernNotFoundError) notFound();
    throw error;
  }
}
