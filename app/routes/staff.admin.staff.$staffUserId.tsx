import type { MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { ErrorSummary, errorList } from '~/components/form/error-summary';
import { Checkboxes, Radios } from '~/components/form/fields';
import { ActivityTimeline, AdminSubNavigation, InformationBanner, SuccessBanner } from '~/components/staff/admin-parts';
import { formatDateTime } from '~/components/staff/dates';
import { ACCOUNT_STATUS_BADGES, ACCOUNT_STATUS_LABELS, ORGANISATION_KIND_LABELS, ROLE_LABELS } from '~/components/staff/labels';
import { StaffForm } from '~/components/staff/staff-form';
import { STAFF_SERVICE_NAME } from '~/components/staff/staff-layout';
import { staffAccountAction, staffAccountLoader } from '~/server/admin-staff.server';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.account.fullName ?? 'Staff account'} – ${STAFF_SERVICE_NAME}` }];

export const loader = staffAccountLoader;
export const action = staffAccountAction;

const DONE: Record<string, { text: string; success: boolean }> = {
  invited: { text: 'Account made. We have emailed them a link to choose a password.', success: true },
  'role-changed': { text: 'Role changed. They have been signed out, and will have the new role when they sign in again.', success: true },
  deactivated: { text: 'Account deactivated. They have been signed out everywhere.', success: true },
  reactivated: { text: 'Account reactivated. They can sign in again.', success: true },
  'two-factor-reset': { text: 'Two-factor authentication reset. They have been signed out, and will set it up again when they next sign in.', success: true },
  'invitation-resent': { text: 'Invitation sent again. The earlier link no longer works.', success: true },
  'nothing-to-do-already-active': { text: 'This account was already active, perhaps reactivated by someone else.', success: false },
  'nothing-to-do-already-deactivated': { text: 'This account was already deactivated, perhaps by someone else.', success: false },
  'nothing-to-do-has-password': { text: 'They have already chosen a password, so there is no invitation to send.', success: false },
  'nothing-to-do-no-two-factor': { text: 'Two-factor authentication is not set up on this account, so there was nothing to reset.', success: false },
  'nothing-to-do-deactivated': { text: 'This account or its organisation is deactivated. Reactivate it before sending an invitation.', success: false },
};

const ORDER = ['role', 'resendInvitation', 'confirmReset', 'confirmDeactivate', 'reactivate', 'intent'];

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

function Warning({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

export default function StaffAccount() {
  const { account, self, roles, events, done } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  const notice = done && !data ? DONE[done] : undefined;
  const version = data?.conflict?.version ?? account.version;
  const typedRole = data?.values.intent === 'change-role' ? data.values.role : undefined;
  const twoFactor = account.twoFactorSince ? `Set up on ${formatDateTime(account.twoFactorSince)}` : account.hasTwoFactor ? 'Being set up' : 'Not set up';
  return (
    <>
      <AdminSubNavigation />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {notice ? notice.success ? <SuccessBanner>{notice.text}</SuccessBanner> : <InformationBanner>{notice.text}</InformationBanner> : null}
          <ErrorSummary errors={errorList(errors, ORDER)} />
          <span className="govuk-caption-l">{account.organisationName}</span>
          <h1 className="govuk-heading-l">
            {account.fullName} <strong className={`moj-badge ${ACCOUNT_STATUS_BADGES[account.status]}`}>{ACCOUNT_STATUS_LABELS[account.status]}</strong>
          </h1>
          <dl className="govuk-summary-list">
            <Row label="Email address">{account.email}</Row>
            <Row label="Organisation">
              <Link className="govuk-link" to={`/staff/admin/organisations/${account.organisationId}`}>
                {account.organisationName}
              </Link>{' '}
              ({ORGANISATION_KIND_LABELS[account.organisationKind]}
              {account.organisationActive ? '' : ', deactivated'})
            </Row>
            <Row label="Role">{ROLE_LABELS[account.role]}</Row>
            <Row label="Two-factor authentication">{twoFactor}</Row>
            {account.twoFactorSince ? <Row label="Recovery codes left">{account.unusedRecoveryCodes}</Row> : null}
            <Row label="Signed in now">{account.activeSessions === 0 ? 'No' : account.activeSessions === 1 ? 'Yes, on 1 device' : `Yes, on ${account.activeSessions} devices`}</Row>
            <Row label="Last signed in">{account.lastSignInAt ? formatDateTime(account.lastSignInAt) : 'Never'}</Row>
            <Row label="Account made">{formatDateTime(account.createdAt)}</Row>
            {account.status === 'invited' ? (
              <Row label="Invitation link">{account.invitationExpiresAt ? `Works until ${formatDateTime(account.invitationExpiresAt)}` : 'Expired or used'}</Row>
            ) : null}
            {account.deactivatedAt ? <Row label="Deactivated">{formatDateTime(account.deactivatedAt)}</Row> : null}
          </dl>

          <h2 className="govuk-heading-m">Role</h2>
          {self ? (
            <p className="govuk-body">You cannot change your own role. Ask another administrator.</p>
          ) : roles.length < 2 ? (
            <p className="govuk-body">
              {ROLE_LABELS[account.role]} is the only role for a {ORGANISATION_KIND_LABELS[account.organisationKind]}.
            </p>
          ) : (
            <StaffForm>
              <input type="hidden" name="intent" value="change-role" />
              <input type="hidden" name="version" value={version} key={version} />
              <Radios
                key={`${version}-${typedRole ?? ''}`}
                id="role"
                name="role"
                label="Change their role"
                legendSize="s"
                value={typedRole ?? account.role}
                error={errors.role}
                options={roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
              />
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Save role
              </button>
            </StaffForm>
          )}

          {account.status === 'invited' ? (
            <>
              <h2 className="govuk-heading-m">Invitation</h2>
              <p className="govuk-body">They have not chosen a password yet. A new invitation has a new link, and the earlier link stops working.</p>
              <StaffForm>
                <input type="hidden" name="intent" value="resend-invitation" />
                {errors.resendInvitation ? (
                  <p className="govuk-error-message" id="resendInvitation">
                    <span className="govuk-visually-hidden">Error:</span> {errors.resendInvitation}
                  </p>
                ) : null}
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Send the invitation again
                </button>
              </StaffForm>
            </>
          ) : null}

          <h2 className="govuk-heading-m">Two-factor authentication</h2>
          {self ? (
            <p className="govuk-body">
              You cannot reset your own two-factor authentication here. <Link className="govuk-link" to="/staff/account">Your account</Link> has your recovery codes.
            </p>
          ) : account.hasTwoFactor ? (
            <StaffForm>
              <input type="hidden" name="intent" value="reset-two-factor" />
              <p className="govuk-body">Reset it if they have lost their phone and their recovery codes.</p>
              <Warning>They will be signed out everywhere at once. Their recovery codes will stop working. When they next sign in, they will set up two-factor authentication again.</Warning>
              <Checkboxes
                id="confirmReset"
                name="confirmReset"
                label="Are you sure?"
                legendSize="s"
                error={errors.confirmReset}
                options={[{ value: 'yes', label: `Yes, reset two-factor authentication for ${account.fullName}` }]}
              />
              <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                Reset two-factor authentication
              </button>
            </StaffForm>
          ) : (
            <p className="govuk-body">Not set up yet. They will set it up when they next sign in.</p>
          )}

          {account.status === 'deactivated' ? (
            <>
              <h2 className="govuk-heading-m">Reactivate</h2>
              <p className="govuk-body">
                They will be able to sign in again{account.organisationActive ? '' : ' once their organisation is reactivated too'}.
              </p>
              <StaffForm>
                <input type="hidden" name="intent" value="reactivate" />
                {errors.reactivate ? (
                  <p className="govuk-error-message" id="reactivate">
                    <span className="govuk-visually-hidden">Error:</span> {errors.reactivate}
                  </p>
                ) : null}
                <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Reactivate account
                </button>
              </StaffForm>
            </>
          ) : self ? null : (
            <>
              <h2 className="govuk-heading-m">Deactivate</h2>
              <StaffForm>
                <input type="hidden" name="intent" value="deactivate" />
                <Warning>They will be signed out everywhere at once and will not be able to sign in. Their name stays in the audit log.</Warning>
                <Checkboxes
                  id="confirmDeactivate"
                  name="confirmDeactivate"
                  label="Are you sure?"
                  legendSize="s"
                  error={errors.confirmDeactivate}
                  options={[{ value: 'yes', label: `Yes, deactivate the account of ${account.fullName}` }]}
                />
                <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                  Deactivate account
                </button>
              </StaffForm>
            </>
          )}

          <h2 className="govuk-heading-m">History</h2>
          <ActivityTimeline events={events} emptyText="Nothing has been recorded about this account yet." />
        </div>
      </div>
    </>
  );
}
