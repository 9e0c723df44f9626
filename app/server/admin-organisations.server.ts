/**
 * The organisation pages' loaders and actions: authorise first, parse with the
 * module's schema, call one module function, and turn its answer into a redirect or
 * the messages the page shows.
 */
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from './redirect.server';
import { newOrganisationForm, organisationActionForm, organisationListQuery, queryObject, UUID_PATTERN } from '#modules/administration/forms';
import { createOrganisation, findOrganisation, listOrganisations, renameOrganisation, setOrganisationActive } from '#modules/administration/organisations';
import { eventsAbout } from '#modules/audit/search';
import { actorOf } from '#modules/auth/sign-in';
import { parseForm, readForm, type FieldErrors } from './forms.server';
import { notFound } from './http.server';
import { requireStaff } from './staff-auth.server';

const PERMISSION = 'organisation:manage:any';
const pagePath = (id: string, done?: string) => `/staff/admin/organisations/${id}${done ? `?done=${done}` : ''}`;

export async function organisationsLoader(args: LoaderFunctionArgs) {
  await requireStaff(args, PERMISSION);
  const query = organisationListQuery.parse(queryObject(new URL(args.request.url).searchParams));
  return json({ organisations: await listOrganisations(args.context.db, query.sort, query.order), sort: query.sort, order: query.order });
}

export async function newOrganisationLoader(args: LoaderFunctionArgs) {
  await requireStaff(args, PERMISSION);
  return json(null);
}

export async function newOrganisationAction(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, PERMISSION);
  const form = parseForm(await readForm(args.request), newOrganisationForm);
  if (form.status === 'invalid') return json({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await createOrganisation(args.context.db, actorOf(staff.user), form.value);
  if (result.status === 'name-taken') {
    return json({ errors: { name: 'There is already an organisation with this name' } as FieldErrors, values: form.values }, { status: 400 });
  }
  return redirect(pagePath(result.id, 'created'));
}

const organisationId = (id: string | undefined) => (id && UUID_PATTERN.test(id) ? id : notFound());

export async function organisationLoader(args: LoaderFunctionArgs) {
  const staff = await requireStaff(args, PERMISSION);
  const id = organisationId(args.params.organisationId);
  const organisation = await findOrganisation(args.context.db, id);
  if (!organisation) notFound();
  return json({
    organisation,
    own: staff.user.organisation_id === id,
    events: await eventsAbout(args.context.db, 'organisation', id),
    done: new URL(args.request.url).searchParams.get('done'),
  });
}

export async function organisationAction(args: ActionFunctionArgs) {
  const staff = await requireStaff(args, PERMISSION);
  const id = organisationId(args.params.organisationId);
  const form = parseForm(await readForm(args.request), organisationActionForm);
  if (form.status === 'invalid') return json({ errors: form.errors, values: form.values, conflict: null }, { status: 400 });
  const actor = actorOf(staff.user);
  const { db } = args.context;
  const failed = (errors: FieldErrors, status = 400) => json({ errors, values: form.values, conflict: null }, { status });

  switch (form.value.intent) {
    case 'rename': {
      const result = await renameOrganisation(db, actor, id, form.value);
      if (result.status === 'not-found') notFound();
      if (result.status === 'name-taken') return failed({ name: 'There is already an organisation with this name' });
      if (result.status === 'changed-by-someone-else') {
        const { name, version } = result.current;
        return json(
          {
            errors: { name: `This organisation was changed by someone else while you were editing it. Its name is now ‘${name}’. Check the name below and save again if you still want your change` } as FieldErrors,
            values: form.values,
            conflict: { name, version },
          },
          { status: 409 },
        );
      }
      return redirect(pagePath(id, 'renamed'));
    }
    case 'deactivate':
    case 'reactivate': {
      const result = await setOrganisationActive(db, actor, id, form.value.intent === 'reactivate');
      if (result.status === 'not-found') notFound();
      if (result.status === 'own-organisation') return failed({ confirmDeactivate: 'You cannot deactivate your own organisation: you would lose access too' });
      if (result.status === 'already') return redirect(pagePath(id, `already-${form.value.intent}d`));
      return redirect(pagePath(id, `${form.value.intent}d`));
    }
  }
}
