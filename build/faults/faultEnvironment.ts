// The fault suite's world: a fresh Postgres database and Kafka topics on the real services, the
// gateway (+ analytics API) as one child process on a fixed port, and warehouse consumers as
// separate child processes (the deployed sync-service/src/consumerMain.ts), each of which a scenario may kill, stop, add or restart. Every
// process's output is written to build/output/faults/<run>/ as it happens; the directory is kept
// (and each log's tail printed) when a scenario failed or never finished, deleted otherwise
// (FAULTS_KEEP_LOGS=1 keeps it anyway, to study a run that passed; FAULTS_LOG_LEVEL=info says more).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../../electron/test/sync/syncServiceProcess';
import {
  createTestDatabase,
  deleteTopics,
  uniqueTopic,
  type TestDatabase,
} from '../test/serviceEnv';
import { startServiceProcess, type ServiceProcess } from './serviceProcess';

export const ADMIN_TOKEN = 'dev-admin-token';

const outputRoot = fileURLToPath(new URL('../output/faults/', import.meta.url));
const TAIL_LINES = 40;

const tailOf = (file: string): string => {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
  } catch {
    return '(no log)';
  }
};

export class FaultEnvironment {
  readonly database: TestDatabase;
  readonly pool: pg.Pool;
  readonly url: string;
  readonly env: Record<string, string>;
  gateway: ServiceProcess | null = null;
  consumers: ServiceProcess[] = [];
  /** Where the service processes' logs go for this environment's lifetime. */
  readonly logDir: string;
  /** Every process ever started, killed ones included: their logs matter most. */
  private readonly started: ServiceProcess[] = [];
  /** The scenario running now; still set at close() means it hung or threw past its runner. */
  private running: string | null = null;
  private keepLogs = process.env.FAULTS_KEEP_LOGS === '1';

  private constructor(database: TestDatabase, port: number, partitions: number) {
    this.database = database;
    this.pool = new pg.Pool({ connectionString: database.url, max: 3 });
    // Postgres is stopped on purpose in one scenario; idle clients then error, harmlessly.
    this.pool.on('error', () => undefined);
    this.url = `http://127.0.0.1:${port}`;
    this.logDir = join(
      outputRoot,
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`,
    );
    mkdirSync(this.logDir, { recursive: true });
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
      this.nextLogFile('gateway'),
    );
    this.started.push(this.gateway);
    return this.gateway;
  }

  /** The deployed consumer entry (consumerMain.ts), its HTTP endpoints on a free port. */
  async startConsumer(): Promise<ServiceProcess> {
    const consumer = await startServiceProcess(
      `consumer ${this.consumers.length + 1}`,
      'sync-service/src/consumerMain.ts',
      { ...this.env, PORT: '0' },
      /listening on http/,
      this.nextLogFile('consumer'),
    );
    this.started.push(consumer);
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

  /**
   * Waits for `work`, but fails as soon as the gateway or every consumer has died: once a fault is
   * healed a dead service is the finding, and waiting for a drain that cannot happen would only
   * hang the run until some outer timeout (which is how a gateway death once went unexplained).
   */
  async whileServing<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const watchdog = async (): Promise<never> => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        if (done) return new Promise<never>(() => undefined);
        const gateway = this.gateway;
        if (!gateway || gateway.child.exitCode !== null || gateway.child.signalCode !== null)
          throw new Error(
            `the gateway died (${String(gateway?.child.exitCode ?? gateway?.child.signalCode)})`,
          );
        if (this.liveConsumers().length === 0) throw new Error('every warehouse consumer died');
      }
    };
    try {
      return await Promise.race([work, watchdog()]);
    } finally {
      done = true;
    }
  }

  private nextLogFile(kind: string): string {
    return join(this.logDir, `${String(this.started.length + 1).padStart(2, '0')}-${kind}.log`);
  }

  /** Marks a scenario as running; `settled` clears it, so a hang is seen at close(). */
  begin(scenario: string): void {
    this.running = scenario;
  }

  settled(): void {
    this.running = null;
  }

  /** A scenario failed: keep the logs and print each process's tail where CI shows it. */
  keepServiceLogs(scenario: string, reason: string): void {
    this.keepLogs = true;
    const tails = this.started.map((p) => {
      const state = p.child.exitCode ?? p.child.signalCode ?? 'running';
      return `---- ${p.name} (pid ${String(p.child.pid)}, ${String(state)}): ${p.logFile ?? ''}\n${p.logFile ? tailOf(p.logFile) : p.output().slice(-4_000)}`;
    });
    process.stderr.write(
      `\nfault scenario "${scenario}" ${reason}; service logs kept in ${this.logDir}\n${tails.join('\n')}\n`,
    );
  }

  async close(): Promise<void> {
    if (this.running !== null) this.keepServiceLogs(this.running, 'never finished');
    await Promise.all([this.gateway?.stop(), ...this.consumers.map((c) => c.stop())]);
    await this.pool.end().catch(() => undefined);
    await this.database.drop();
    await deleteTopics([this.env.EVENTS_TOPIC ?? '', this.env.DLQ_TOPIC ?? '']);
    if (!this.keepLogs) rmSync(this.logDir, { recursive: true, force: true });
  }
}
