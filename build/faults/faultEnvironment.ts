// The fault suite's world: a fresh Postgres database and Kafka topics on the real services, the
// gateway (+ analytics API) as one child process on a fixed port, and warehouse consumers as
// separate child processes, each of which a scenario may kill, stop, add or restart.
import pg from 'pg';
import { freePort } from '../../electron/core/sync/syncServiceProcess';
import { createTestDatabase, uniqueTopic, type TestDatabase } from '../test/serviceEnv';
import { startServiceProcess, type ServiceProcess } from './serviceProcess';

export const ADMIN_TOKEN = 'dev-admin-token';

export class FaultEnvironment {
  readonly database: TestDatabase;
  readonly pool: pg.Pool;
  readonly url: string;
  readonly env: Record<string, string>;
  gateway: ServiceProcess | null = null;
  consumers: ServiceProcess[] = [];

  private constructor(database: TestDatabase, port: number, partitions: number) {
    this.database = database;
    this.pool = new pg.Pool({ connectionString: database.url, max: 3 });
    // Postgres is stopped on purpose in one scenario; idle clients then error, harmlessly.
    this.pool.on('error', () => undefined);
    this.url = `http://127.0.0.1:${port}`;
    this.env = {
      DATABASE_URL: database.url,
      EVENTS_TOPIC: uniqueTopic('faults.events'),
      EVENTS_TOPIC_PARTITIONS: String(partitions),
      DLQ_TOPIC: uniqueTopic('faults.dlq'),
      CONSUMER_GROUP: uniqueTopic('faults.group'),
      PORT: String(port),
      RETRY_AFTER_SECONDS: '1',
      KAFKA_SEND_TIMEOUT_MS: '5000',
      SUB_BATCH_SIZE: '500',
    };
  }

  static async create(partitions = 6): Promise<FaultEnvironment> {
    const world = new FaultEnvironment(await createTestDatabase(), await freePort(), partitions);
    await world.startGateway();
    await world.startConsumer();
    return world;
  }

  /** The gateway migrates the database and creates the topics, so it starts first. */
  async startGateway(extraEnv: Record<string, string> = {}): Promise<ServiceProcess> {
    this.gateway = await startServiceProcess(
      'gateway',
      'build/faults/gatewayProcess.ts',
      { ...this.env, ...extraEnv },
      /listening on http/,
    );
    return this.gateway;
  }

  async startConsumer(): Promise<ServiceProcess> {
    const consumer = await startServiceProcess(
      `consumer ${this.consumers.length + 1}`,
      'sync-service/src/consumer/consumerProcess.ts',
      this.env,
      /warehouse consumer ready/,
    );
    this.consumers.push(consumer);
    return consumer;
  }

  /** Consumers still running (a killed one stays in the list until this prunes it). */
  liveConsumers(): ServiceProcess[] {
    this.consumers = this.consumers.filter(
      (c) => c.child.exitCode === null && c.child.signalCode === null,
    );
    return this.consumers;
  }

  async close(): Promise<void> {
    await Promise.all([this.gateway?.stop(), ...this.consumers.map((c) => c.stop())]);
    await this.pool.end().catch(() => undefined);
    await this.database.drop();
  }
}
