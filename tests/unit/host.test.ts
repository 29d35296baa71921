import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHost, WEB_CSP } from '../../electron/core/host/server';
import { AppState } from '../../electron/core/app-state';
import { createDispatcher } from '../../electron/core/dispatch';
import { tempDir } from './helpers';

async function host() {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head><meta name="regieboek-token" content="" /></head></html>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'geheim.txt'), 'niet serveren');
  const app = new AppState({ dataDir: path.join(dir, 'data'), host: 'web' });
  const running = await startHost({ dispatch: createDispatcher(app), rendererDir });
  return { running, app, base: `http://127.0.0.1:${running.port}` };
}

/** Raw requests, so the Host header can be set freely. */
function request(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser host', () => {
  it('serves the page only with the token, injects it, and sends a strict CSP', async () => {
    const { running } = await host();
    try {
      expect((await request(running.port, { path: '/' })).status).toBe(401);
      const page = await request(running.port, { path: `/?token=${running.token}` });
      expect(page.status).toBe(200);
      expect(page.body).toContain(`content="${running.token}"`);
      expect(page.headers['content-security-policy']).toBe(WEB_CSP);
      expect(WEB_CSP).toContain("script-src 'self'");
      expect(WEB_CSP).not.toContain('unsafe');
    } finally {
      await running.close();
    }
  });

  it('answers API calls only with the token, JSON and the right Host', async () => {
    const { running } = await host();
    const call = (headers: Record<string, string>) =>
      request(running.port, { path: '/api/invoke', method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ channel: 'regions.list', input: {} }) });
    try {
      expect((await call({})).status).toBe(401);
      expect((await call({ 'x-regieboek-token': 'fout' })).status).toBe(401);
      const ok = await call({ 'x-regieboek-token': running.token });
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
      expect((await call({ 'x-regieboek-token': running.token, host: 'evil.example:80' })).status).toBe(403);
      const text = await request(running.port, { path: '/api/invoke', method: 'POST', headers: { 'content-type': 'text/plain', 'x-regieboek-token': running.token }, body: '{}' });
      expect(text.status).toBe(415);
    } finally {
      await running.close();
    }
  });

  it('answers any body (null, a number, an array, a string, broken JSON, no channel) with the Dutch envelope, never a 500', async () => {
    const { running } = await host();
    const post = (body: string, headers: Record<string, string> = {}) =>
      request(running.port, { path: '/api/invoke', method: 'POST', headers: { 'content-type': 'application/json', 'x-regieboek-token': running.token, ...headers }, body });
    try {
      for (const body of ['null', '42', '[]', '[1,2]', '"tekst"', 'true', '{', '', '{"channel":5}', '{"input":null}', '{"channel":"programme.create","input":null}']) {
        const r = await post(body);
        expect(r.status, body).toBeLessThan(500);
        expect(r.headers['content-type'], body).toMatch(/^application\/json/);
        const envelope = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string } };
        expect(envelope.ok, body).toBe(false);
        expect(envelope.error.message, body).toMatch(/^[A-Z"]/);
        expect(envelope.error.message, body).not.toMatch(/TypeError|Cannot read|undefined|Invalid input|expected/);
      }
      expect(JSON.parse((await post('null')).body).error.message).toBe('De aanvraag moet een object zijn met "channel" (de opdracht) en "input" (de gegevens).');
      // Refusals before the body are envelopes too.
      const noToken = await request(running.port, { path: '/api/invoke', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(JSON.parse(noToken.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'Ongeldige of ontbrekende sleutel.' } });
    } finally {
      await running.close();
    }
  });

  it('passes the window session header on, so each browser tab has its own undo stack', async () => {
    const { running, app } = await host();
    const post = (channel: string, input: unknown, session: string) =>
      request(running.port, {
        path: '/api/invoke',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-regieboek-token': running.token, 'x-regieboek-session': session },
        body: JSON.stringify({ channel, input }),
      }).then((r) => JSON.parse(r.body) as { ok: boolean; value?: unknown; error?: { message: string } });
    try {
      expect((await post('workspace.create', { regionNumber: 16, fileName: 'Tabs' }, 'tab-a')).ok).toBe(true);
      const p = { name: 'Van tab A', periodStart: '2026-08-01', periodEnd: '2027-07-31', status: 'lopend', analysis: '', requestedCents: null, awardedCents: null, notes: '' };
      expect((await post('programme.create', p, 'tab-a')).ok).toBe(true);
      expect(await post('history.undo', {}, 'tab-b')).toMatchObject({ ok: false, error: { message: 'Er is niets om ongedaan te maken.' } });
      expect(await post('history.undo', {}, 'tab-a')).toMatchObject({ ok: true });
    } finally {
      await running.close();
      await app.shutdown();
    }
  });

  it('serves built assets but nothing outside the renderer folder', async () => {
    const { running } = await host();
    try {
      expect((await request(running.port, { path: '/assets/app.js' })).status).toBe(200);
      expect((await request(running.port, { path: '/../geheim.txt' })).status).toBe(404);
      expect((await request(running.port, { path: '/%2e%2e/geheim.txt' })).status).toBe(404);
    } finally {
      await running.close();
    }
  });

  it('listens on loopback only by default', async () => {
    const { running } = await host();
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    } finally {
      await running.close();
    }
  });
});

describe('browser host paths', () => {
  it('answers a malformed path with 400, not an internal error', async () => {
    const { running } = await host();
    try {
      expect((await request(running.port, { path: '/%E0%A4%A' })).status).toBe(400);
    } finally {
      await running.close();
    }
  });
});
