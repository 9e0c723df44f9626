/**
 * The home page of the built site against the ceiling: Node's own static server
 * sending the very same HTML bytes.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { measure, startProcess, type Measurement, type RunningProcess } from '../support';

export async function benchHome(site: RunningProcess): Promise<{ rows: Measurement[]; notes: string[] }> {
  const html = await (await fetch(`${site.baseUrl}/`)).text();
  const bodyFile = path.resolve('.data/bench-home.html');
  await writeFile(bodyFile, html);
  const ceiling = await startProcess([path.resolve('bench/static-server.mjs')], { BODY_FILE: bodyFile });
  try {
    const page = await measure('GET / (the site)', `${site.baseUrl}/`);
    const fixed = await measure('GET / (static ceiling, same bytes)', `${ceiling.baseUrl}/`);
    const ratio = page.requestsPerSecond / fixed.requestsPerSecond;
    return { rows: [page, fixed], notes: [`home page at ${(ratio * 100).toFixed(0)}% of the static ceiling (ratio ${ratio.toFixed(2)})`] };
  } finally {
    await ceiling.stop();
  }
}
