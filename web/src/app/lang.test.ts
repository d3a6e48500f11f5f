import { describe, expect, it } from 'vitest';
import { langCookie, pickInitialLang } from './lang.ts';

describe('pickInitialLang', () => {
  it('defaults to Indonesian when nothing was chosen', () => {
    expect(pickInitialLang('', null)).toBe('id');
  });
  it('uses the cookie before localStorage, because the server reads the cookie', () => {
    expect(pickInitialLang('merit_lang=en', 'id')).toBe('en');
    expect(pickInitialLang('merit_lang=id', 'en')).toBe('id');
  });
  it('falls back to localStorage and ignores unknown values', () => {
    expect(pickInitialLang('merit_lang=fr', 'en')).toBe('en');
    expect(pickInitialLang('merit_lang=fr', 'de')).toBe('id');
  });
});

describe('langCookie', () => {
  it('is site-wide and SameSite=Lax', () => {
    expect(langCookie('en')).toMatch(/^merit_lang=en; path=\/;.*SameSite=Lax$/);
  });
});
