// --auth-token: every request must carry the token, as `Authorization: Bearer <token>`, the
// martflow_token cookie, or once as ?token=<token> in a link (which sets the cookie and redirects
// to the same URL without it, so the token does not stay in the address bar or history).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'martflow_token';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type AuthDecision = { ok: true } | { ok: false } | { ok: 'redirect'; location: string; cookie: string };

export function checkAuth(req: IncomingMessage, url: URL, token: string | null): AuthDecision {
  if (!token) return { ok: true };
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ') && same(header.slice(7).trim(), token)) return { ok: true };
  const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${TOKEN_COOKIE}=`));
  if (cookie && same(decodeURIComponent(cookie.slice(TOKEN_COOKIE.length + 1)), token)) return { ok: true };
  const given = url.searchParams.get('token');
  if (given !== null && same(given, token)) {
    url.searchParams.delete('token');
    return { ok: 'redirect', location: url.pathname + (url.search || '') + url.hash, cookie: `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/` };
  }
  return { ok: false };
}
