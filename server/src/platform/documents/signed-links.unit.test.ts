import { describe, expect, it } from 'vitest';
import { createLinkSigner } from './signed-links.ts';

describe('createLinkSigner', () => {
  const card = createLinkSigner('rahasia-uji', 'card');
  const cert = createLinkSigner('rahasia-uji', 'cat-cert');

  it('verifies its own signature of the subject, 22 URL-safe characters', () => {
    const s = card.sign('REG-2026-000123');
    expect(s).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(card.verify('REG-2026-000123', s)).toBe(true);
  });

  it('refuses another subject, another purpose, another secret, a truncated or empty signature', () => {
    const s = card.sign('REG-2026-000123');
    expect(card.verify('REG-2026-000124', s)).toBe(false);
    expect(cert.verify('REG-2026-000123', s)).toBe(false);
    expect(createLinkSigner('rahasia-lain', 'card').verify('REG-2026-000123', s)).toBe(false);
    expect(card.verify('REG-2026-000123', s.slice(0, 21))).toBe(false);
    expect(card.verify('REG-2026-000123', '')).toBe(false);
    expect(card.verify('REG-2026-000123', `${s}x`)).toBe(false);
  });

  it('keeps the signatures already printed on cards and certificates valid (same HMAC input as before)', async () => {
    const { createHmac } = await import('node:crypto');
    expect(card.sign('REG-1')).toBe(
      createHmac('sha256', 'rahasia-uji').update('card:REG-1').digest('base64url').slice(0, 22),
    );
  });
});
