import type { MetaFunction } from '@remix-run/node';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';

export const meta: MetaFunction = () => [{ title: `Privacy – ${PUBLIC_SERVICE_NAME}` }];

export const handle = { pageCache: true };

export default function Privacy() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Privacy</h1>
        <p className="govuk-body-l">
          You can use everything for the public on this site without telling us who you are, and we have built it so
          that we could not find out even if we wanted to.
        </p>

        <h2 className="govuk-heading-m">If you use the public pages</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>There is no account to make and nothing to sign in to.</li>
          <li>
            We set no cookies on the public pages and use no analytics, advertising or tracking of any kind. The only
            cookie on this site is for practitioners who choose to register for the downloadable packs (below).
          </li>
          <li>
            Every picture, font and script comes from this site. Your browser does not contact any other company while
            you are here.
          </li>
          <li>
            We do not record your IP address (your address on the internet), your browser or device, the page you came
            from, or the words in any web address you visit.
          </li>
          <li>
            When you answer the questions in a self-check, your answers stay in the page in front of you. They are not
            saved, not written to any log and never put in a web address.
          </li>
          <li>
            The only thing we count is a weekly total: how many times each self-check was finished and which general
            result it gave. A total cannot be linked to anyone.
          </li>
        </ul>
        <h2 className="govuk-heading-m">If you register as a practitioner</h2>
        <p className="govuk-body">
          Professionals can register to download the toolkit as printable packs. Registering is never needed to read
          anything on this site. If you register, we keep your email address, the name of your organisation, a scrambled
          form of your password that cannot be turned back into it, and (only if you turn it on) the key for your
          two-factor codes. While you are signed in, your browser keeps one cookie that holds a random sign-in number.
          It is sent only to the practitioner pages, it ends when you sign out or after 30 minutes without activity, and
          we use it for nothing else. We never link a practitioner account to the self-checks or to anything else you
          read here.
        </p>
        <p className="govuk-body">
          Our server writes a short technical note for each request so that we can keep the site working: what kind of
          request it was, which page answered, whether it worked and how long it took. Nothing in it identifies you.
        </p>

        <h2 className="govuk-heading-m">If you contact a service we mention</h2>
        <p className="govuk-body">
          The helplines we point to have their own rules about confidentiality. For example, the Stop It Now helpline
          does not need your name; if you do give details that identify you, and what you say shows that a child is
          being harmed or is at risk, they will pass it on to the police or social work. Each service explains its rules
          at the start of a call.
        </p>

        <h2 className="govuk-heading-m">If you are a member of staff</h2>
        <p className="govuk-body">
          Staff of the CHOICE programme and the people who refer to it sign in to a separate part of the site. That part
          keeps the information needed to run the programme: staff accounts, referrals and case records. Every time a
          case is read or changed, who did it and when is recorded, so that the information is only used by people who
          need it. Signing in uses one cookie, which is only set when a member of staff signs in.
        </p>
      </div>
    </div>
  );
}
