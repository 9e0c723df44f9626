/**
 * The GOV.UK Exit this page component, with one change: it leaves with
 * `location.replace`, so the Back button does not bring the page back.
 */
import { ExitThisPage } from 'govuk-frontend';

class ReplacingExitThisPage extends ExitThisPage {
  override exitPage(): void {
    if (this.$updateSpan) this.$updateSpan.textContent = '';
    document.body.classList.add('govuk-exit-this-page-hide-content');
    const overlay = document.createElement('div');
    overlay.className = 'govuk-exit-this-page-overlay';
    overlay.setAttribute('role', 'alert');
    overlay.textContent = 'Loading.';
    document.body.appendChild(overlay);
    this.$overlay = overlay;
    window.location.replace(this.$button.href);
  }
}

export function enhanceExitThisPage(root: HTMLElement): void {
  if (root.dataset.enhanced === 'true') return;
  root.dataset.enhanced = 'true';
  new ReplacingExitThisPage(root);
}
