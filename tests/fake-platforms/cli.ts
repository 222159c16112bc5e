/**
 * Runs the fake platforms standalone:
 *   npx tsx tests/fake-platforms/cli.ts --port 8443 --proxy-port 8080 [--instagram-era late2026]
 * Prints one JSON line (ports, SPKI hash, Chromium host-resolver rules) and runs until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startFakePlatforms } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8443' },
    'proxy-port': { type: 'string', default: '8080' },
    'api-budget': { type: 'string' },
    'instagram-era': { type: 'string', default: 'legacy' },
  },
});

const era = values['instagram-era'];
if (era !== 'legacy' && era !== 'late2026') throw new Error(`--instagram-era must be legacy or late2026, not ${era}`);

const fake = await startFakePlatforms({
  port: Number(values.port),
  proxyPort: Number(values['proxy-port']),
  apiBudgetPerMinute: values['api-budget'] ? Number(values['api-budget']) : undefined,
  instagramEra: era,
});

console.log(
  JSON.stringify({
    port: fake.port,
    proxyPort: fake.proxyPort,
    spkiHash: fake.spkiHash,
    hostResolverRules: fake.hostResolverRules,
    chromiumFlags: [`--host-resolver-rules=${fake.hostResolverRules}`, `--ignore-certificate-errors-spki-list=${fake.spkiHash}`],
  }),
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
