import type { SetAccountResponse } from '@kompeten/shared-contracts';
import type { TestApi } from './test-api';

/**
 * Creates an ASN's account the only way there is (issue 12): an admin creates it and gets a one-time setup link,
 * the ASN sets their own password with it (an existing account is reset first). Answers the account id.
 */
export async function setUpAccount(
  api: Pick<TestApi, 'http'>,
  admin: { Authorization: string },
  employeeId: string,
  password: string,
  email?: string,
): Promise<string> {
  const res = await api.http
    .put(`/api/employees/${employeeId}/account`)
    .set(admin)
    .send(email ? { email } : {});
  if (res.status !== 200) throw new Error(`Account for ${employeeId}: ${res.status} ${JSON.stringify(res.body)}`);
  const body = res.body as SetAccountResponse;
  let token = body.setupLink?.token;
  if (!token) {
    // The account existed: a reset gives the link.
    const reset = await api.http.post(`/api/employees/${employeeId}/account/reset`).set(admin);
    if (reset.status !== 200) throw new Error(`Reset for ${employeeId}: ${reset.status} ${JSON.stringify(reset.body)}`);
    token = reset.body.setupLink.token as string;
  }
  await completeSetup(api, token, password);
  return body.userId;
}

/** The ASN sets their password with a setup link. */
export async function completeSetup(api: Pick<TestApi, 'http'>, token: string, password: string): Promise<void> {
  const done = await api.http.post('/api/auth/setup-link/complete').send({ token, password });
  if (done.status !== 204) throw new Error(`Setup link: ${done.status} ${JSON.stringify(done.body)}`);
}
