/** The platform under test and the demo world's password (every demo account shares it). */
export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100').replace(/\/$/, '');
export const PASSWORD = 'Kompeten#2026';

/** Calls the API directly, for setting up what a journey does not walk through; throws on any non-2xx answer. */
export async function api<T>(
  path: string,
  init: { token?: string; method?: string; body?: unknown; form?: FormData } = {},
): Promise<T> {
  const res = await fetch(`${BASE_URL}/api${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.form ? {} : { 'Content-Type': 'application/json' }),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** An access token for a demo account. */
export const tokenOf = async (username: string) =>
  (await api<{ accessToken: string }>('/auth/login', { method: 'POST', body: { username, password: PASSWORD } }))
    .accessToken;
