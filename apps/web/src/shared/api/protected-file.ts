import { fetchWithAuth } from './request';

/**
 * A protected file (Bearer token) as a URL an <img>, <object> or <video> can load: the API may answer with the bytes
 * (turned into an object URL) or with JSON holding a short-lived signed `url`.
 */
export async function protectedFileUrl(
  fileId: string,
  signal?: AbortSignal,
): Promise<{ url: string; revoke: () => void }> {
  const res = await fetchWithAuth(`/files/${encodeURIComponent(fileId)}`, { signal });
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    const body = (await res.json()) as { url?: string; downloadUrl?: string };
    const url = body.url ?? body.downloadUrl;
    if (url) return { url, revoke: () => undefined };
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  return { url, revoke: () => URL.revokeObjectURL(url) };
}
