// The fault scenarios over a simulated chain. Each injects its fault while the tills are ringing
// and pushing, heals it after they finished ringing, and reports when healing began; the runner
// (chainScenario.ts) then checks that nothing was lost or counted twice.
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { KAFKA_BROKERS, KAFKA_PORT, PG_PORT } from '../test/serviceEnv';
import { sleep, type FaultContext, type FaultOutcome } from './chainScenario';

const scripts = fileURLToPath(new URL('../scripts/', import.meta.url));
const ctl = (script: 'kafka-ctl.sh' | 'pg-ctl.sh', command: 'start' | 'stop'): void => {
  execFileSync('bash', [`${scripts}${script}`, command], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
};

/**
 * A fault that did not take would let a scenario pass without testing anything (e.g. when the
 * port is served by another checkout's server the ctl scripts refuse to stop): fail loudly.
 */
const portAnswers = (port: number): Promise<boolean> =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const assertPortClosed = async (port: number, what: string): Promise<void> => {
  for (let waited = 0; waited < 10_000; waited += 250) {
    if (!(await portAnswers(port))) return;
    await sleep(250);
  }
  throw new Error(`fault not injected: ${what} still answers on 127.0.0.1:${port}`);
};

export type Scenario = (ctx: FaultContext) => Promise<FaultOutcome>;

/** A worker holding tills is SIGKILLed while they push; it restarts on the same data dirs. */
export const tillKilledMidPush: Scenario = async ({ chain, flowing }) => {
  await flowing(30);
  await chain.kill(0);
  await chain.generated().catch(() => undefined); // the other worker rings on
  const healedAt = performance.now();
  await chain.restart(0);
  return { healedAt };
};

/** The warehouse consumer is SIGKILLed mid-batch; a fresh instance takes over the group. */
export const consumerKilledMidBatch: Scenario = async ({ world, chain, flowing }) => {
  await flowing(30);
  for (const c of world.liveConsumers()) await c.kill();
  await chain.generated();
  const healedAt = performance.now();
  await world.startConsumer();
  return { healedAt };
};

/** The gateway dies after Kafka acknowledged a batch and before it answered the till. */
export const gatewayKilledAfterAck: Scenario = async ({ world, chain }) => {
  await world.gateway?.stop();
  // On the first acknowledged batch: on a busy machine the tills may have rung their whole day
  // before this gateway is up, and then two tills' backlogs are two batches (a third never came).
  await world.startGateway({ SYNC_FAULT_KILL_AFTER_ACK: '1' });
  await world.gateway?.exited; // the hook fires on the first acknowledged batch
  if (world.gateway?.child.signalCode !== 'SIGKILL')
    throw new Error('the gateway fault hook did not fire (SYNC_FAULT_KILL_AFTER_ACK)');
  await chain.generated();
  const healedAt = performance.now();
  await world.startGateway();
  return { healedAt };
};

/** The Kafka broker stops while tills push and the consumer reads, then starts again. */
export const kafkaRestart: Scenario = async ({ chain, flowing }) => {
  await flowing(30);
  ctl('kafka-ctl.sh', 'stop');
  await assertPortClosed(KAFKA_PORT, 'Kafka');
  await chain.generated();
  await sleep(2_000);
  const healedAt = performance.now();
  ctl('kafka-ctl.sh', 'start');
  return { healedAt };
};

/** PostgreSQL is down for a while (10 s short form, 30 s full form). */
export const postgresStopped: Scenario = async ({ chain, flowing, scale }) => {
  await flowing(30);
  const stoppedAt = performance.now();
  ctl('pg-ctl.sh', 'stop');
  await assertPortClosed(PG_PORT, 'PostgreSQL');
  await chain.generated();
  await sleep(Math.max(0, scale.postgresDownMs - (performance.now() - stoppedAt)));
  const healedAt = performance.now();
  ctl('pg-ctl.sh', 'start');
  return { healedAt };
};

/** A second consumer joins the group mid-stream and leaves again; one poison message planted. */
export const consumerRebalance: Scenario = async ({ world, chain, flowing }) => {
  await flowing(30);
  const kafka = new Kafka({
    brokers: KAFKA_BROKERS,
    clientId: 'faults-poison',
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic: world.env.EVENTS_TOPIC ?? '',
    messages: [{ key: 'poison', value: '{"this is": "not an event"' }],
  });
  await producer.disconnect();
  const second = await world.startConsumer();
  await flowing(120);
  await chain.generated();
  const healedAt = performance.now();
  await second.stop();
  return { healedAt, planted: 1 };
};

/** The gateway is unreachable for a while: tills keep selling offline and catch up after. */
export const gatewayUnreachable: Scenario = async ({ world, chain, flowing, scale }) => {
  await flowing(20);
  await world.gateway?.stop();
  await chain.generated();
  await sleep(scale.offlineMs);
  const healedAt = performance.now();
  await world.startGateway();
  return { healedAt };
};

export const CHAIN_SCENARIOS: Record<string, Scenario> = {
  'till SIGKILL mid-push': tillKilledMidPush,
  'consumer SIGKILL mid-batch': consumerKilledMidBatch,
  'gateway SIGKILL after Kafka ack': gatewayKilledAfterAck,
  'Kafka broker restart': kafkaRestart,
  'Postgres stopped': postgresStopped,
  'consumer rebalance (join + leave)': consumerRebalance,
  'gateway unreachable (offline tills)': gatewayUnreachable,
};
