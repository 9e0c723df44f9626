import type { MetaFunction } from '@remix-run/node';
import { PUBLIC_SERVICE_NAME } from '~/components/public-layout';

export const meta: MetaFunction = () => [
  { title: `How to leave this site quickly and clear your history – ${PUBLIC_SERVICE_NAME}` },
];

export const handle = { pageCache: true };

export default function LeaveThisSiteQuickly() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">How to leave this site quickly and clear your history</h1>
        <p className="govuk-body-l">
          If someone might see what you are reading, you can leave this site in a second, and you can stop your browser
          remembering that you were here.
        </p>

        <h2 className="govuk-heading-m">Leave quickly</h2>
        <p className="govuk-body">
          Every page has a red <strong>Exit this page</strong> button. It takes you straight to the BBC weather page.
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>Select the button, or press the Shift key three times in a row.</li>
          <li>
            When you leave this way, pressing your browser&apos;s Back button will not bring this page back (if your
            browser runs JavaScript). If you were in a self-check, Back shows at most the start of the check, never your
            answers.
          </li>
          <li>
            If JavaScript is turned off, the button is an ordinary link: Back would return here, so clear your history
            afterwards.
          </li>
        </ul>
        <p className="govuk-body">
          The exit button hides the page on your screen. It does not remove the visit from your browser&apos;s history.
        </p>

        <h2 className="govuk-heading-m">Use private browsing</h2>
        <p className="govuk-body">
          A private window does not keep your history, and closing it forgets what you looked at. To open one:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>Chrome or Edge: press Ctrl, Shift and N together (on a Mac, Command, Shift and N).</li>
          <li>Firefox or Tor Browser: press Ctrl, Shift and P together (on a Mac, Command, Shift and P).</li>
          <li>Safari on a Mac: press Command, Shift and N together.</li>
          <li>On a phone, open the browser&apos;s menu and choose a new private or incognito tab.</li>
        </ul>

        <h2 className="govuk-heading-m">Clear your history afterwards</h2>
        <p className="govuk-body">
          If you did not use a private window, you can delete the record of your visit:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>Chrome, Edge and Firefox: press Ctrl, Shift and Delete together, choose a time range, and clear history.</li>
          <li>Safari: open the History menu and choose Clear History.</li>
          <li>On a phone: open the browser&apos;s settings, then Privacy or History, and clear browsing data.</li>
        </ul>
        <p className="govuk-body">
          Clearing everything can be noticed by someone who shares your device. Deleting only the pages from this site
          is less obvious: most browsers let you find them in the history list and remove them one by one.
        </p>

        <h2 className="govuk-heading-m">Files you download</h2>
        <p className="govuk-body">
          A plan you download as a PDF is saved on your device, usually in the Downloads folder. It is called plan.pdf and
          its file details do not name this site or you. But anyone who opens it can read it. When you no longer need it,
          delete it, then empty the bin or recycle bin. On a phone, look in the Files or Downloads app.
        </p>

        <h2 className="govuk-heading-m">Progress kept on this device</h2>
        <p className="govuk-body">
          If you chose to keep your progress through the self-help modules, it is stored in this browser only, not by us.
          Anyone using this browser could see it. To remove it, choose <strong>Forget everything on this device</strong> on
          any self-help page. Clearing your browser&apos;s site data removes it too.
        </p>

        <h2 className="govuk-heading-m">Codes to continue a check later</h2>
        <p className="govuk-body">
          A code holds your answers, scrambled so that only this site can read them. Anyone who has the code could use it
          here to see those answers. Keep it somewhere private, and throw it away or delete it when you have used it. A code
          stops working after 30 days.
        </p>

        <h2 className="govuk-heading-m">What we keep</h2>
        <p className="govuk-body">
          The public pages set no cookies. The site does not record your address on the internet, your device or which pages you
          read. The only thing it counts is how many times each self-check was finished each week, as a total.
        </p>
      </div>
    </div>
  );
}
