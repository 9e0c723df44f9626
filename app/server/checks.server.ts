/** Route glue for the self-checks: what the start page needs, and one step of a check. */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { CHECKS } from '#modules/checks/index';
import { CHECK_IDS } from '#modules/checks/ids';
import { findCheck, getCheckWording, handleCheckRequest } from '#modules/checks/service';
import { notFound } from './http.server';

export function loadCheck({ params }: LoaderFunctionArgs) {
  const check = findCheck(params.check) ?? notFound();
  const { checks, common } = getCheckWording();
  const { bands: _bands, sections: _sections, reasons: _reasons, ...words } = checks[check.id];
  return json({
    check: words,
    types: Object.fromEntries(check.questions.map((q) => [q.id, q.type])) as Record<string, 'single' | 'multiple' | 'scale'>,
    common: { helplineHtml: common.helplineHtml, nothingSaved: common.nothingSaved },
  });
}

export async function stepCheck({ params, request, context }: ActionFunctionArgs) {
  const check = findCheck(params.check) ?? notFound();
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    form = new FormData();
  }
  const response = await handleCheckRequest(check, form.entries(), { db: context.db, codec: context.resumeCodec });
  return json(response, { status: response.status });
}

export function listChecks() {
  const { checks } = getCheckWording();
  return json({ checks: CHECK_IDS.map((id) => ({ id, title: checks[id].title, summary: checks[id].summary, duration: checks[id].duration })), count: Object.keys(CHECKS).length });
}
