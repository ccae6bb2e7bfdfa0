// Brings up the real Kafka and PostgreSQL once for the integration project (idempotent: a no-op
// when they already run, as in CI where .ci/run started them).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const script = fileURLToPath(new URL('../scripts/services-up.sh', import.meta.url));
  execFileSync('bash', [script], { stdio: 'inherit' });
}
