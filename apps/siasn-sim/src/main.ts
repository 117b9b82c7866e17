import { SiasnSimulator } from '@kompeten/server-siasn-sim';

/**
 * The SIASN simulator as its own process (`npm start` runs it; docs/siasn.md): SIASN_SIM_PORT (default 4010).
 * Credentials are the simulator's defaults unless SIASN_APIM_KEY / SIASN_APIM_SECRET / SIASN_SSO_CLIENT_ID /
 * SIASN_SSO_USERNAME / SIASN_SSO_PASSWORD are set, so the API and worker can use the same variables. Every valid
 * 18-digit NIP is a known ASN (as in the demo world); POST /_sim/faults switches faults, `rateLimitPerSecond: 0` (the
 * default) turns its rate limit off.
 */
async function main(): Promise<void> {
  const env = process.env;
  const sim = new SiasnSimulator({
    port: Number(env.SIASN_SIM_PORT ?? 4010),
    host: env.SIASN_SIM_HOST ?? '127.0.0.1',
    // The demo: every valid NIP is a known ASN with an official IP ASN (SIASN_SIM_IP_ASN_ALL=false: only those set).
    ipAsnForEveryone: env.SIASN_SIM_IP_ASN_ALL !== 'false',
    credentials: {
      ...(env.SIASN_APIM_KEY && { apimKey: env.SIASN_APIM_KEY }),
      ...(env.SIASN_APIM_SECRET && { apimSecret: env.SIASN_APIM_SECRET }),
      ...(env.SIASN_SSO_CLIENT_ID && { ssoClientId: env.SIASN_SSO_CLIENT_ID }),
      ...(env.SIASN_SSO_USERNAME && { ssoUsername: env.SIASN_SSO_USERNAME }),
      ...(env.SIASN_SSO_PASSWORD && { ssoPassword: env.SIASN_SSO_PASSWORD }),
    },
  });
  const origin = await sim.start();
  console.warn(`SIASN simulator listening on ${origin} (base ${origin}/apisiasn/1.0)`);
  const stop = () => void sim.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
