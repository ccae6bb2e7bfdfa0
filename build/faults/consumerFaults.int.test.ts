// Fault suite, short form (npm test): warehouse consumer faults over a small simulated chain.
import { it } from 'vitest';
import { faultSuite } from './faultSuite';
import { consumerKilledMidBatch, consumerRebalance } from './scenarios';

const run = faultSuite();

it('a consumer SIGKILLed mid-batch: the next one replays without double counting', () =>
  run('consumer SIGKILL mid-batch', consumerKilledMidBatch));

it('a second consumer joining and leaving the group changes nothing; the poison message is dead-lettered', () =>
  run('consumer rebalance (join + leave)', consumerRebalance));
