// Fault suite, short form (npm test): PostgreSQL stops for a while (10 s here, 30 s in
// `npm run test:faults`) under a small simulated chain. This stops the shared server for everyone
// on the machine, and starts it again before returning.
import { it } from 'vitest';
import { faultSuite } from './faultSuite';
import { postgresStopped } from './scenarios';

const run = faultSuite();

it('PostgreSQL stopped for a while: everything lands once it is back', () =>
  run('Postgres stopped', postgresStopped));
