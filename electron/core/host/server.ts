/**
 * The browser host: the built screens plus the dispatcher over HTTP on 127.0.0.1, so the whole app
 * runs in a browser. Every call needs the per-run secret token; requests for another Host are
 * refused (DNS rebinding), and nothing but the listed static files is served.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../dispatch';
import { t } from '../../../shared/i18n/nl';
import { fail, type ErrorCode } from '../../../shared/result';

export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const MAX_BODY = 64 * 1024 * 1024;

export interface HostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  host?: string;
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

const JSON_TYPE = 'application/json; charset=utf-8';

function refuse(res: http.ServerResponse, status: number, code: ErrorCode, message: string) {
  send(res, status, JSON.stringify(fail({ code, message })), JSON_TYPE);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too_large'));
        req.destroy();
      } else parts.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const bind = opts.host ?? '127.0.0.1';
  const token = opts.token ?? crypto.randomBytes(24).toString('hex');
  const root = path.resolve(opts.rendererDir);
  const indexHtml = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  let allowedHosts: Set<string> = new Set();

  const server = http.createServer(async (req, res) => {
    try {
      const hostHeader = (req.headers.host ?? '').toLowerCase();
      if (isLoopback(bind) && !allowedHosts.has(hostHeader)) return send(res, 403, t('host.onbekende_host'));
      const url = new URL(req.url ?? '/', 'http://x');

      if (url.pathname === '/api/invoke') return await invoke(req, res);

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, t('host.niet_toegestaan'));
      if (url.pathname === '/' || url.pathname === '/index.html') {
        if (!safeEqual(url.searchParams.get('token') ?? '', token))
          return send(res, 401, t('host.needToken'));
        const html = indexHtml.replace('<meta name="regieboek-token" content="" />', `<meta name="regieboek-token" content="${token}" />`);
        return send(res, 200, html, MIME['.html'], { 'Content-Security-Policy': WEB_CSP });
      }
      let decoded: string;
      try {
        decoded = decodeURIComponent(url.pathname);
      } catch {
        return send(res, 400, t('host.ongeldig_pad'));
      }
      const file = path.resolve(root, '.' + decoded);
      if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, t('host.niet_gevonden'));
      const type = MIME[path.extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' });
      fs.createReadStream(file).pipe(res);
    } catch (e) {
      const message = e instanceof Error && e.message === 'too_large' ? t('host.de_aanvraag_is_te_groot') : t('err.internal', { detail: String(e) });
      if (res.headersSent) return;
      if ((req.url ?? '').startsWith('/api/')) refuse(res, 500, 'internal', message);
      else send(res, 500, message);
    }
  });

  /**
   * POST /api/invoke {channel, input}: every answer is the Result envelope as JSON, also a refusal
   * (no token, not JSON, a body that is null, a number or an array), so the screen always reads a
   * Dutch message. The X-Regieboek-Session header names the calling window's undo stack.
   */
  async function invoke(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'invalid_input', t('host.alleen_post'));
    if (!safeEqual(String(req.headers['x-regieboek-token'] ?? ''), token)) return refuse(res, 401, 'invalid_input', t('host.ongeldige_of_ontbrekende_sleutel'));
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'invalid_input', t('host.alleen_json'));
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (e) {
      if (e instanceof Error && e.message === 'too_large') return refuse(res, 413, 'invalid_input', t('host.de_aanvraag_is_te_groot'));
      return refuse(res, 400, 'invalid_input', t('host.de_aanvraag_is_geen_geldige_json'));
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return refuse(res, 400, 'invalid_input', t('host.notAnEnvelope'));
    const { channel, input } = body as { channel?: unknown; input?: unknown };
    const session = req.headers['x-regieboek-session'];
    const result = await opts.dispatch(typeof channel === 'string' ? channel : '', input, { session: typeof session === 'string' ? session : undefined });
    return send(res, 200, JSON.stringify(result), JSON_TYPE);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, bind, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const shownHost = bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : bind;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
