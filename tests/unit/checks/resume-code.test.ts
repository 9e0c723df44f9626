import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../modules/checks/index';
import { onlineViewing } from '../../../modules/checks/online-viewing';
import { createResumeCodec, formatCode, generateResumeKeys, normaliseCode, parseResumeKeys, ResumeKeyError } from '../../../modules/checks/resume-code';
import { someoneElse } from '../../../modules/checks/someone-else';

const keys = parseResumeKeys(`${generateResumeKeys(7)},${generateResumeKeys(3)}`);
const codec = createResumeCodec(keys);
const answers = { what_viewed: ['images_under_18', 'ai_or_drawn'], youngest: 'under_13', how_often: 'every_day', how_you_feel: 10, contact_with_children: ['prefer_not_to_say'] };

describe('resume codes', () => {
  it('round-trip the answers of every check, including scales at their ends', () => {
    expect(codec.decode(onlineViewing, codec.encode(onlineViewing, answers))).toEqual({ ok: true, answers });
    expect(codec.decode(onlineViewing, codec.encode(onlineViewing, { how_you_feel: 0 }))).toEqual({ ok: true, answers: { how_you_feel: 0 } });
    for (const check of Object.values(CHECKS)) {
      expect(codec.decode(check, codec.encode(check, {}))).toEqual({ ok: true, answers: {} });
    }
  });

  it('are letters and digits in groups of four, with no I, L, O or U', () => {
    const code = codec.encode(onlineViewing, answers);
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{1,4} )*[0-9A-HJKMNP-TV-Z]{1,4}$/);
    expect(code.replace(/ /g, '').length).toBeLessThanOrEqual(50);
  });

  it('accept what a person types: lower case, dashes, and look-alike letters', () => {
    const code = codec.encode(onlineViewing, answers);
    const typed = code.toLowerCase().replace(/ /g, '-').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(codec.decode(onlineViewing, typed)).toEqual({ ok: true, answers });
    expect(normaliseCode(' ab-cd ')).toBe('ABCD');
    expect(formatCode('ABCDEFGHJ')).toBe('ABCD EFGH J');
  });

  it('refuse a tampered code', () => {
    const code = codec.encode(onlineViewing, answers).replace(/ /g, '');
    for (let at = 0; at < code.length; at += 5) {
      const changed = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
      expect(codec.decode(onlineViewing, changed)).toEqual({ ok: false, reason: 'unreadable' });
    }
    expect(codec.decode(onlineViewing, code.slice(0, -3))).toEqual({ ok: false, reason: 'unreadable' });
    expect(codec.decode(onlineViewing, 'not a code at all!')).toEqual({ ok: false, reason: 'unreadable' });
    expect(codec.decode(onlineViewing, '')).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('only open the check they were made for', () => {
    expect(codec.decode(someoneElse, codec.encode(onlineViewing, answers))).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('still open with an older key after the keys are rotated, and not with an unknown key', () => {
    const old = createResumeCodec([keys[1]!]);
    expect(codec.decode(onlineViewing, old.encode(onlineViewing, answers))).toEqual({ ok: true, answers });
    const stranger = createResumeCodec(parseResumeKeys(generateResumeKeys(9)));
    expect(codec.decode(onlineViewing, stranger.encode(onlineViewing, answers))).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('expire after 30 days', () => {
    const day = 86_400_000;
    const made = new Date('2026-11-23T10:00:00Z');
    const code = createResumeCodec(keys, () => made).encode(onlineViewing, answers);
    expect(createResumeCodec(keys, () => new Date(made.getTime() + 30 * day)).decode(onlineViewing, code)).toEqual({ ok: true, answers });
    expect(createResumeCodec(keys, () => new Date(made.getTime() + 31 * day)).decode(onlineViewing, code)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse badly written keys with a clear message', () => {
    expect(() => parseResumeKeys('1:short')).toThrow(ResumeKeyError);
    expect(() => parseResumeKeys('')).toThrow(ResumeKeyError);
    expect(() => parseResumeKeys(`300:${Buffer.alloc(32).toString('base64')}`)).toThrow(ResumeKeyError);
  });
});
