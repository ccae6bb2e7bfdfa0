// Fault suite, short form (npm test): the Kafka broker restarts under a small simulated chain.
// This stops the shared broker for everyone on the machine, and starts it again before returning.
import { it } from 'vitest';
import { faultSuite } from './faultSuite';
import { kafkaRestart } from './scenarios';

const run = faultSuite();

it('a Kafka broker restart mid-stream loses and duplicates nothing', () =>
  run('Kafka broker restart', kafkaRestart));
