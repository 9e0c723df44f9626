/**
 * The administration forms: one zod schema each, with messages about this field in
 * plain words. Rules that need the database (a role that fits the organisation, a
 * name already taken) are checked by the module functions, which answer in the same
 * field-message shape.
 */
import { z } from 'zod';
import { ORGANISATION_KINDS, STAFF_ROLES } from '../../db/schema';
import { HIDDEN_CHARACTERS, searchText } from '../../db/text';
import { EMAIL_PATTERN } from '../auth/forms';
import { ORGANISATION_SORTS } from './organisations';
import { ACCOUNT_STATUSES } from './rules';
import { STAFF_SORTS } from './staff-list';
import { VERSION_PATTERN } from './version';

export const NAME_MAX_LENGTH = 120;
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether an id from an address or a form can be a row's id at all (anything else is simply not found). */
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);

const name = (what: string) =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, `Enter ${what}`)
    .max(NAME_MAX_LENGTH, `The name must be ${NAME_MAX_LENGTH} characters or fewer`)
    .refine((value) => !HIDDEN_CHARACTERS.test(value), 'The name must not contain tabs, line breaks or other hidden characters');

/** The version the page was showing, for spotting someone else's change. */
const version = z.string({ error: 'This page is out of date. Reload it and try again' }).regex(VERSION_PATTERN, 'This page is out of date. Reload it and try again');

const confirm = (message: string) => z.literal('yes', { error: message });

export const newOrganisationForm = z.object({
  name: name('the name of the organisation'),
  kind: z.enum(ORGANISATION_KINDS, { error: 'Select the kind of organisation' }),
});

export const organisationActionForm = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('rename'), name: name('the new name of the organisation'), version }),
    z.object({ intent: z.literal('deactivate'), confirmDeactivate: confirm('Confirm that you want to deactivate this organisation') }),
    z.object({ intent: z.literal('reactivate') }),
  ],
  { error: 'Choose what to do: rename, deactivate or reactivate' },
);

export const inviteStaffForm = z.object({
  fullName: name('their full name'),
  email: z
    .string({ error: 'Enter their email address' })
    .trim()
    .min(1, 'Enter their email address')
    .max(320, 'The email address must be 320 characters or fewer')
    .regex(EMAIL_PATTERN, 'Enter an email address in the correct format, like name@example.gov.scot')
    .transform((value) => value.toLowerCase()),
  organisationId: z.string({ error: 'Select their organisation' }).regex(UUID_PATTERN, 'Select their organisation'),
  role: z.enum(STAFF_ROLES, { error: 'Select their role' }),
});

export const staffActionForm = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('change-role'), role: z.enum(STAFF_ROLES, { error: 'Select a role' }), version }),
    z.object({ intent: z.literal('deactivate'), confirmDeactivate: confirm('Confirm that you want to deactivate this account') }),
    z.object({ intent: z.literal('reactivate') }),
    z.object({ intent: z.literal('reset-two-factor'), confirmReset: confirm('Confirm that you want to reset their two-factor authentication') }),
    z.object({ intent: z.literal('resend-invitation') }),
  ],
  { error: 'Choose what to do with this account' },
);

export type NewOrganisationInput = z.output<typeof newOrganisationForm>;
export type OrganisationAction = z.output<typeof organisationActionForm>;
export type InviteStaffInput = z.output<typeof inviteStaffForm>;
export type StaffAction = z.output<typeof staffActionForm>;

const order = z.enum(['asc', 'desc']).catch('asc');

/** The staff list's filters, from the address. Anything odd is ignored rather than refused. */
export const staffListQuery = z.object({
  organisationId: z.string().regex(UUID_PATTERN).optional().catch(undefined),
  role: z.enum(STAFF_ROLES).optional().catch(undefined),
  status: z.enum(ACCOUNT_STATUSES).optional().catch(undefined),
  q: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => searchText(value)),
  sort: z.enum(STAFF_SORTS).catch('name'),
  order,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export const organisationListQuery = z.object({ sort: z.enum(ORGANISATION_SORTS).catch('name'), order });

/** The last value of each parameter, as a plain object for a query schema. */
export const queryObject = (params: URLSearchParams): Record<string, string> => Object.fromEntries(params);
