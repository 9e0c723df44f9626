/**
 * A small browser stand-in for integration tests: it keeps cookies, does not follow
 * redirects (so tests see them), posts forms as a same-origin browser would, and
 * picks the CSRF token out of the last page it read.
 */
export interface HttpResponse {
  status: number;
  location: string | null;
  setCookie: string[];
  text: string;
  headers: Headers;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: Response): string[] {
    const setCookie = response.headers.getSetCookie();
    for (const line of setCookie) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return setCookie;
  }

  async request(path: string, init: RequestInit = {}): Promise<HttpResponse> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('Cookie', this.cookieHeader());
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: 'manual' });
    const setCookie = this.remember(response);
    const text = await response.text();
    const token = /name="csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrfToken = token;
    return { status: response.status, location: response.headers.get('location'), setCookie, text, headers: response.headers };
  }

  get(path: string): Promise<HttpResponse> {
    return this.request(path);
  }

  /** Posts a form; the session's CSRF token is added unless the fields already say otherwise. */
  post(path: string, fields: Record<string, string> | Array<[string, string]>, options: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<HttpResponse> {
    const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields));
    if (options.csrf !== false && this.csrfToken && !body.has('csrf')) body.set('csrf', this.csrfToken);
    return this.request(path, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'same-origin', ...options.headers },
    });
  }
}

/** The text of a page without its tags, for looking for a message. */
export const pageText = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
