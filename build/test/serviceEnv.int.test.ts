import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { KAFKA_BROKERS, createTestDatabase, uniqueTopic } from './serviceEnv';
import type { TestDatabase } from './serviceEnv';

describe('test service environment', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  it('creates an isolated database that can be written and dropped', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    expect(db.name).toMatch(/^pos_test_[0-9a-f]{12}$/);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('CREATE TABLE probe (id int primary key)');
      await client.query('INSERT INTO probe VALUES (1)');
      const { rows } = await client.query<{ current_database: string }>(
        'SELECT current_database()',
      );
      expect(rows[0]?.current_database).toBe(db.name);
    } finally {
      await client.end();
    }
    await db.drop();
    const admin = new pg.Client({ connectionString: db.url.replace(db.name, 'postgres') });
    await admin.connect();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      db.name,
    ]);
    await admin.end();
    expect(rowCount).toBe(0);
  });

  it('round-trips a message through a unique Kafka topic', async () => {
    const topic = uniqueTopic('service-env');
    expect(topic).toMatch(/^service-env\.[0-9a-z]+\.[0-9a-f]{8}$/);
    const kafka = new Kafka({
      clientId: 'service-env-test',
      brokers: KAFKA_BROKERS,
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await admin.disconnect();

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'store-1', value: 'hello' }] });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: `${topic}.group` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await new Promise<string>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => resolve(message.value?.toString() ?? ''),
      });
    });
    await consumer.disconnect();
    expect(received).toBe('hello');
  });
});
