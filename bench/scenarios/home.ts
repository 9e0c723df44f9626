/**
 * Anonymous pages against the ceiling: Node's own static server sending the very
 * same HTML bytes. The page cache should keep content pages close to it.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { measure, startProcess, type Measurement, type RunningProcess } from '../support';

export async function pageAgainstCeiling(site: RunningProcess, pagePath: string, label: string): Promise<{ rows: Measurement[]; notes: string[] }> {
  const html = await (await fetch(`${site.baseUrl}${pagePath}`)).text();
  const bodyFile = path.resolve('.data', `bench-${label.replace(/\W+/g, '-')}.html`);
  await writeFile(bodyFile, html);
  const ceiling = await startProcess([path.resolve('bench/static-server.mjs')], { BODY_FILE: bodyFile });
  try {
    const page = await measure(`GET ${pagePath} (${label})`, `${site.baseUrl}${pagePath}`);
    const fixed = await measure(`GET ${pagePath} (static ceiling, same ${Math.round(html.length / 1024)} KB)`, `${ceiling.baseUrl}/`);
    const ratio = page.requestsPerSecond / fixed.requestsPerSecond;
    return { rows: [page, fixed], notes: [`${label}: ${(ratio * 100).toFixed(0)}% of the static ceiling (ratio ${ratio.toFixed(2)})`] };
  } finally {
    await ceiling.stop();
  }
}

export const benchHome = (site: RunningProcess) => pageAgainstCeiling(site, '/', 'home page');
export const benchContentPage = (site: RunningProcess) => pageAgainstCeiling(site, '/self-help/compulsion-and-habits/the-cycle', 'content page');
