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

/**
 * An open e-learning course of one required text lesson, authored by `author`, submitted and published by
 * `publisher` (demo usernames) through the API; answers its id. Completing it takes one "opened" event.
 */
export async function publishTextCourse(o: {
  author: string;
  publisher: string;
  title: string;
  description: string;
  jp: number;
  lessonHtml: string;
  /** Default `province` (the author's province). */
  visibility?: 'agency' | 'province' | 'national';
  /** Default `Pengantar`. */
  lessonTitle?: string;
}): Promise<string> {
  const author = await tokenOf(o.author);
  const course = await api<{ id: string }>('/courses', {
    token: author,
    method: 'POST',
    body: {
      title: o.title,
      description: o.description,
      objectives: [],
      competencyKind: 'teknis',
      learningMethod: 'e_learning',
      jenisDiklatId: 16,
      jp: o.jp,
      level: 'dasar',
      tags: [],
      visibility: o.visibility ?? 'province',
      enrolmentMode: 'open',
      completionRule: { requiredLessons: 'all' },
    },
  });
  const mod = await api<{ id: string }>(`/courses/${course.id}/modules`, {
    token: author,
    method: 'POST',
    body: { title: 'Materi' },
  });
  await api(`/modules/${mod.id}/lessons`, {
    token: author,
    method: 'POST',
    body: {
      kind: 'text',
      title: o.lessonTitle ?? 'Pengantar',
      required: true,
      content: { kind: 'text', html: o.lessonHtml },
    },
  });
  await api(`/courses/${course.id}/submit-review`, { token: author, method: 'POST', body: {} });
  await api(`/courses/${course.id}/publish`, { token: await tokenOf(o.publisher), method: 'POST', body: {} });
  return course.id;
}
