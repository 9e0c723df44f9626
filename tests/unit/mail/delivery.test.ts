import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { smtpMessage } from '../../../modules/mail/delivery';

// nodemailer's own stream transport builds the real message in memory: no server.
const compile = async (options: ReturnType<typeof smtpMessage>) => {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail(options);
  return String(info.message);
};

describe('the message handed to nodemailer', () => {
  it('holds only the four text fields, with file and URL access switched off', () => {
    const options = smtpMessage('CHOICE <no-reply@choice.invalid>', { to: 'worker@example.org', subject: 'A notice', text: 'Hello' });
    expect(options).toEqual({
      from: 'CHOICE <no-reply@choice.invalid>',
      to: 'worker@example.org',
      subject: 'A notice',
      text: 'Hello',
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  });

  it('refuses content given as an object, which nodemailer would read from a file or URL', () => {
    const hostile = { to: 'worker@example.org', subject: 'A notice', text: { path: '/etc/passwd' } as unknown as string };
    expect(() => smtpMessage('no-reply@choice.invalid', hostile)).toThrow(TypeError);
  });

  it('sends a path typed as the words as those words, never the file', async () => {
    const raw = await compile(smtpMessage('no-reply@choice.invalid', { to: 'worker@example.org', subject: 'file:///etc/passwd', text: '/etc/passwd' }));
    expect(raw).toContain('/etc/passwd');
    expect(raw).not.toMatch(/^root:/m);
  });

  it('keeps a line break typed into an address or subject out of the headers', async () => {
    const raw = await compile(
      smtpMessage('no-reply@choice.invalid', { to: 'worker@example.org\r\nBcc: someone@elsewhere.example', subject: 'Hi\r\nBcc: someone@elsewhere.example', text: 'Hello' }),
    );
    const headers = raw.slice(0, raw.indexOf('\n\n'));
    expect(headers).not.toMatch(/^Bcc:/im);
  });
});
