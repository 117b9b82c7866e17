const KEY_PROPERTIES = new Set([
  'key',
  'answerKey',
  'answer_key',
  'correct',
  'accepted',
  'pairs',
  'order',
  'tolerance',
  'questionFeedback',
]);

/**
 * Every place in a response body that reveals a scoring key: a property named like one, or a leaf equal to one of
 * the given secret values (strings also as substrings).
 */
export function keyLeaks(body: unknown, secrets: ReadonlyArray<string | number | boolean>, path = '$'): string[] {
  if (Array.isArray(body)) return body.flatMap((v, i) => keyLeaks(v, secrets, `${path}[${i}]`));
  if (body && typeof body === 'object') {
    return Object.entries(body).flatMap(([k, v]) => [
      ...(KEY_PROPERTIES.has(k) ? [`${path}.${k}`] : []),
      ...keyLeaks(v, secrets, `${path}.${k}`),
    ]);
  }
  const hit = secrets.some(
    (s) => s === body || (typeof s === 'string' && typeof body === 'string' && body.includes(s)),
  );
  return hit ? [`${path} = ${JSON.stringify(body)}`] : [];
}
