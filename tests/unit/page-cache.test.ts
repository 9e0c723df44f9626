import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashInlineScripts } from '../../server/page-cache';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('cached pages allow their inline scripts by hash', () => {
  it('drops the nonce and lists a hash for each inline script, leaving scripts loaded by address alone', () => {
    const html =
      '<script nonce="CSPNONCEPLACEHOLDER">a()</script><script nonce="CSPNONCEPLACEHOLDER" type="module">import "/x.js"</script><script src="/build/y.js" nonce="CSPNONCEPLACEHOLDER"></script>';
    const result = hashInlineScripts(html, "default-src 'self';script-src 'self' 'nonce-CSPNONCEPLACEHOLDER';frame-ancestors 'none'");
    expect(result.html).not.toContain('nonce');
    expect(result.csp).toBe(`default-src 'self';script-src 'self' ${sha('a()')} ${sha('import "/x.js"')};frame-ancestors 'none'`);
  });
});
