import { emailRetryDelayMs } from '../delivery/retry-delay';
import { toMailSendError } from './mail-sender';

describe('SMTP failures', () => {
  it('a 5xx answer is permanent (parked); 4xx, refused connections and timeouts are worth another attempt', () => {
    const rejected = toMailSendError(
      Object.assign(new Error('Message failed'), {
        code: 'EMESSAGE',
        responseCode: 550,
        response: '550 Mailbox tidak ada',
      }),
    );
    expect(rejected).toMatchObject({ permanent: true, responseCode: 550, message: 'EMESSAGE: 550 Mailbox tidak ada' });
    expect(
      toMailSendError(Object.assign(new Error('x'), { responseCode: 451, response: '451 Coba lagi' })),
    ).toMatchObject({
      permanent: false,
      responseCode: 451,
    });
    expect(
      toMailSendError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3403'), { code: 'ESOCKET' })),
    ).toMatchObject({
      permanent: false,
      responseCode: null,
      message: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:3403',
    });
    expect(toMailSendError(Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' })).permanent).toBe(false);
  });

  it('backs off exponentially with jitter over the upper half, capped', () => {
    const o = { baseMs: 30_000, maxMs: 3_600_000 };
    expect(emailRetryDelayMs(1, o, () => 0)).toBe(15_000);
    expect(emailRetryDelayMs(1, o, () => 1)).toBe(30_000);
    expect(emailRetryDelayMs(3, o, () => 1)).toBe(120_000);
    expect(emailRetryDelayMs(12, o, () => 1)).toBe(3_600_000);
    expect(emailRetryDelayMs(40, o, () => 0)).toBe(1_800_000);
  });
});
