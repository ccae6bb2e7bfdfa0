// The gateway's publisher under concurrent pushes: batches that arrive while a produce request is
// out go to Kafka together (group commit), every caller is answered only once its own events are
// acknowledged, and each store's events stay in the order they were published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kafka, Producer } from 'kafkajs';
import { createKafka, ensureTopics } from '../kafka/kafka';
import { createLogger } from '../ops/logger';
import { KAFKA_BROKERS, uniqueTopic } from '../../../build/test/serviceEnv';
import { createEventPublisher, type EventPublisher } from './eventPublisher';
import { readTopic } from '../../test/gatewayTestKit';

const logger = createLogger('error', {});
const topic = uniqueTopic('publisher.group');
let kafka: Kafka;
let publisher: EventPublisher;
let produceRequests = 0;

beforeAll(async () => {
  kafka = createKafka({ kafkaBrokers: KAFKA_BROKERS, kafkaClientId: 'publisher-test' }, logger);
  await ensureTopics(kafka, [{ topic, numPartitions: 4 }]);
  // Counts the real client's produce requests (kafkajs instrumentation events, nothing faked).
  const producerOf = kafka.producer.bind(kafka);
  kafka.producer = (config): Producer => {
    const producer = producerOf(config);
    producer.on(producer.events.REQUEST, ({ payload }) => {
      if (payload.apiName === 'Produce') produceRequests += 1;
    });
    return producer;
  };
  publisher = createEventPublisher({ kafka, logger, sendTimeoutMs: 10_000 });
});
afterAll(async () => {
  await publisher?.close();
});

describe('event publisher', () => {
  it('sends concurrent batches together and keeps each store in order', async () => {
    await publisher.publish(topic, [{ key: 'warm-up', value: 'connect first' }]);
    produceRequests = 0;
    const stores = 40;
    const perBatch = 5;
    await Promise.all(
      Array.from({ length: stores }, (_, s) =>
        publisher.publish(
          topic,
          Array.from({ length: perBatch }, (_, i) => ({ key: `store-${s}`, value: `${s}:${i}` })),
        ),
      ),
    );
    // One request for the first batch, then the other 39 in a few grouped requests.
    expect(produceRequests).toBeLessThan(stores / 4);
    const landed = await readTopic(topic, 1 + stores * perBatch);
    expect(landed).toHaveLength(1 + stores * perBatch);
    for (let s = 0; s < stores; s++) {
      const mine = landed.filter((m) => m.key === `store-${s}`).map((m) => m.value);
      expect(mine).toEqual(Array.from({ length: perBatch }, (_, i) => `${s}:${i}`));
    }
  });
});
