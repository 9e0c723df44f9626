/**
 * The programme definition page. "Add another module" and "Remove" come back to the
 * same page with the draft changed; "Save" validates and stores a new version, unless
 * someone else saved first (then the draft is kept and the newer version named).
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import { actorOf } from '#modules/auth/sign-in';
import { currentProgramme, programmeHistory, saveProgramme } from '#modules/programme/definition';
import { addModule, draftFromDefinition, readProgrammeForm, removeModule, validateDraft, type ProgrammeDraft } from '#modules/programme/form';
import { nonComplianceRuleText } from '#modules/sessions/non-compliance';
import { readForm } from './forms.server';
import { requireStaff } from './staff-auth.server';

const PERMISSION = 'programme:manage:service';

export async function programmeLoader(args: LoaderFunctionArgs) {
  await requireStaff(args, PERMISSION);
  const [current, history] = await Promise.all([currentProgramme(args.context.db), programmeHistory(args.context.db)]);
  return json({
    version: current.version,
    draft: draftFromDefinition(current.definition),
    rule: nonComplianceRuleText(current.definition.nonCompliance),
    history: history.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
    done: new URL(args.request.url).searchParams.get('done') === 'saved',
  });
}

export interface ProgrammeActionData {
  draft: ProgrammeDraft;
  version: number | null;
  errors: Record<string, string>;
  /** The newer version someone else saved while this person was editing. */
  conflict: { version: number; createdByName: string | null; createdAt: string | null } | null;
  /** Changes on every answer, so the form shows the values sent back rather than the ones it had. */
  revision: number;
}

const reply = (data: Omit<ProgrammeActionData, 'revision'>, status = 200) => json<ProgrammeActionData>({ ...data, revision: Date.now() }, { status, headers: { 'Cache-Control': 'no-store' } });

export async function programmeAction(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, PERMISSION);
  const { intent, version, draft } = readProgrammeForm(await readForm(args.request));
  if (intent.kind === 'add-module') {
    const added = addModule(draft);
    return reply({ draft: added, version, errors: {}, conflict: null });
  }
  if (intent.kind === 'remove-module') return reply({ draft: removeModule(draft, intent.index), version, errors: {}, conflict: null });
  if (version === null) return reply({ draft, version, errors: { label: 'This page is out of date. Reload it and try again' }, conflict: null }, 400);
  const checked = validateDraft(draft);
  if (checked.status === 'invalid') return reply({ draft: checked.draft, version, errors: checked.errors, conflict: null }, 400);
  const saved = await saveProgramme(args.context.db, { ...actorOf(staff.user), staffUserId: staff.user.id }, checked.definition, version);
  if (saved.status === 'conflict') {
    const { current } = saved;
    return reply(
      {
        draft: checked.draft,
        version: current.version,
        errors: {},
        conflict: { version: current.version, createdByName: current.createdByName, createdAt: current.createdAt?.toISOString() ?? null },
      },
      409,
    );
  }
  return redirect('/staff/programme?done=saved');
}
