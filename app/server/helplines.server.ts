/** Route glue: the phone lines every anonymous page shows, from content/helplines.yaml. */
import { json } from '@remix-run/node';
import { getHelplines } from '#modules/content/helplines';
import { getLocalHelp } from '#modules/content/local-help';

export function loadHelplines() {
  const { lines } = getHelplines();
  return json({
    helplines: Object.fromEntries(Object.entries(lines).map(([id, l]) => [id, { name: l.name, number: l.number, hours: l.hours ?? null, website: l.website }])),
  });
}

/** The local help page: every council, with its numbers only where they were sourced. */
export function loadLocalHelpPage() {
  const { reviewed, councils } = getLocalHelp();
  return json({ reviewed, councils });
}
