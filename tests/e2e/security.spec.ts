import { test, expect } from './fixtures';

test.describe('de browserhost weigert aanvragen zonder sleutel', () => {
  test('API zonder of met verkeerde sleutel: 401; met sleutel: 200', async ({ host, request }) => {
    const api = `${host.origin}/api/invoke`;
    const data = { channel: 'app.info' };

    const none = await request.post(api, { data });
    expect(none.status()).toBe(401);
    expect(await none.text()).not.toContain(host.token);

    const wrong = await request.post(api, { data, headers: { 'x-regieboek-token': 'f'.repeat(host.token.length) } });
    expect(wrong.status()).toBe(401);

    // The same call with the token works, so the 401s above are about the token alone.
    const ok = await request.post(api, { data, headers: { 'x-regieboek-token': host.token } });
    expect(ok.status()).toBe(200);
    expect((await ok.json()) as { ok: boolean }).toMatchObject({ ok: true });
  });

  test('de pagina zonder ?token: 401, zonder de sleutel in de pagina', async ({ host, page, request }) => {
    const res = await page.goto(`${host.origin}/`);
    expect(res?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('sleutel');
    expect(await page.content()).not.toContain(host.token);

    expect((await request.get(`${host.origin}/index.html`)).status()).toBe(401);
    expect((await request.get(`${host.origin}/?token=wrong`)).status()).toBe(401);
  });
});
