// Fault suite, short form (npm test): till and gateway faults over a small simulated chain.
// `npm run test:faults` runs every scenario at FAULTS_SCALE (bigger chains, longer outages).
import { it } from 'vitest';
import { faultSuite } from './faultSuite';
import { gatewayKilledAfterAck, gatewayUnreachable, tillKilledMidPush } from './scenarios';

const run = faultSuite();

it('a till SIGKILLed mid-push loses and duplicates nothing', () =>
  run('till SIGKILL mid-push', tillKilledMidPush));

it('a gateway killed between the Kafka ack and its answer loses and duplicates nothing', () =>
  run('gateway SIGKILL after Kafka ack', gatewayKilledAfterAck));

it('tills that were offline while the gateway was away catch up exactly once', () =>
  run('gateway unreachable (offline tills)', gatewayUnreachable));
