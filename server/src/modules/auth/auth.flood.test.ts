import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { buildUser, TEST_PASSWORD } from '../../test/factories.js';

// A small per-address limit, so the flood reaches it within one test.
const LIMIT = 20;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { loginRateLimit: LIMIT } });
});
afterAll(async () => t?.close());

const login = (username: string, password: string, ip = '203.0.113.7') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('a login flood', () => {
  it('keeps the lockout, throttles the address, and the server keeps answering', async () => {
    const user = await buildUser(t.deps.db);
    const flood = Array.from({ length: 60 }, (_, i) => login(user.username, `wrong-Password-${i}`));
    // Other users keep being served while the flood runs.
    const health = t.app.inject({ method: 'GET', url: '/api/health' });
    const answers = await Promise.all(flood);
    expect((await health).statusCode).toBe(200);

    const codes = answers.map((r) => r.statusCode);
    expect(codes.every((c) => c === 401 || c === 423 || c === 429)).toBe(true);
    expect(codes.filter((c) => c === 429)).toHaveLength(60 - LIMIT);
    const throttled = answers.find((r) => r.statusCode === 429);
    expect(throttled?.json().message).toMatch(/[\u4e00-\u9fff]/);

    // From another address the right password is still refused: the account is locked.
    const right = await login(user.username, TEST_PASSWORD, '198.51.100.9');
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
  });
});
