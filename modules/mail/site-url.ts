/**
 * The site's address for links in email sent by the job queue, where there is no
 * request to take it from. The same rule as the pages' siteUrl (app/server/staff-auth.server.ts):
 * SITE_URL if it is set; otherwise, only on a developer's own machine, the local address
 * the server listens on; otherwise none, and nothing that needs a link is sent.
 */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function siteUrlFromEnvironment(env: Record<string, string | undefined> = process.env, listeningAt: string | null = null): string | null {
  const configured = env.SITE_URL?.trim().replace(/\/+$/, '');
  if (configured) return configured;
  const host = env.HOST?.trim() || 'localhost';
  if (!LOCAL_HOSTS.has(host)) return null;
  if (listeningAt) return listeningAt.replace(/\/+$/, '');
  const port = Number.parseInt(env.PORT ?? '3000', 10);
  return port > 0 ? `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}` : null;
}
