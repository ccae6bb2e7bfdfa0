// Publishes accepted events to Kafka and resolves only once the broker acknowledged them all
// (idempotent producer, acks = all). Any failure or timeout throws KafkaUnavailableError and
// retires the producer: kafkajs rolls its sequence numbers back when a request fails, so a batch
// that did reach the broker but whose ack was lost would make the next batch reuse those numbers
// and be dropped by the broker as a "duplicate". A fresh producer gets a fresh producer id.
// Concurrent pushes share produce requests (coalescingSender.ts).
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { Logger } from '../ops/logger';
import { createCoalescingSender } from './coalescingSender';

// Below the broker's default message.max.bytes (1 MiB), with room for the record batch overhead.
const MAX_BYTES_PER_SEND = 768 * 1024;

export class KafkaUnavailableError extends Error {
  override name = 'KafkaUnavailableError';
}

export interface EventPublisher {
  /** Resolves when Kafka acknowledged every message; throws KafkaUnavailableError otherwise. */
  publish(topic: string, messages: Message[]): Promise<void>;
  close(): Promise<void>;
}

export interface EventPublisherOptions {
  kafka: Kafka;
  logger: Logger;
  /** Upper bound for connect + send of one batch. */
  sendTimeoutMs: number;
  /** Producer retries within that bound (bounded: see the file comment). */
  retries?: number;
}

export function createEventPublisher(options: EventPublisherOptions): EventPublisher {
  const { kafka, logger, sendTimeoutMs } = options;
  let current: Promise<Producer> | null = null;
  let closed = false;

  const connect = (): Promise<Producer> => {
    const producer = kafka.producer({
      idempotent: true,
      // One request in flight per broker keeps a store's events in order on retries.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // murmur2 like the Java client: a store's key maps to the same partition from any producer.
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: options.retries ?? 5, initialRetryTime: 100, maxRetryTime: 2_000 },
    });
    return producer.connect().then(
      () => producer,
      async (error: unknown) => {
        await producer.disconnect().catch(() => undefined);
        throw error;
      },
    );
  };

  const retire = (failed: Promise<Producer>): void => {
    if (current !== failed) return;
    current = null;
    failed.then((p) => p.disconnect()).catch(() => undefined);
  };

  const withDeadline = async <T>(work: Promise<T>, deadline: number): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new KafkaUnavailableError(`Kafka did not acknowledge within ${sendTimeoutMs} ms`)),
        Math.max(0, deadline - Date.now()),
      );
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  // One produce request: connect if needed, send, and retire the producer on any failure.
  const sendNow = async (topic: string, messages: Message[]): Promise<void> => {
    const deadline = Date.now() + sendTimeoutMs;
    const attempt = current ?? connect();
    current = attempt;
    try {
      const producer = await withDeadline(attempt, deadline);
      await withDeadline(producer.send({ topic, acks: -1, messages }), deadline);
    } catch (error) {
      retire(attempt);
      // A late rejection of the abandoned work must not become an unhandled rejection.
      attempt.catch(() => undefined);
      logger.warn({ error, topic, messages: messages.length }, 'Kafka publish failed');
      if (error instanceof KafkaUnavailableError) throw error;
      throw new KafkaUnavailableError(error instanceof Error ? error.message : String(error));
    }
  };
  const sender = createCoalescingSender({ send: sendNow, maxBytesPerSend: MAX_BYTES_PER_SEND });

  return {
    async publish(topic, messages) {
      if (closed) throw new KafkaUnavailableError('the publisher is shutting down');
      if (messages.length === 0) return;
      const { done, abandon } = sender.enqueue(topic, messages);
      try {
        // The deadline covers the wait behind other pushes as well as the send itself.
        await withDeadline(done, Date.now() + sendTimeoutMs);
      } catch (error) {
        abandon();
        if (error instanceof KafkaUnavailableError) throw error;
        throw new KafkaUnavailableError(error instanceof Error ? error.message : String(error));
      }
    },
    async close() {
      closed = true;
      sender.rejectQueued(new KafkaUnavailableError('the publisher is shutting down'));
      const producer = current;
      current = null;
      if (producer) await producer.then((p) => p.disconnect()).catch(() => undefined);
    },
  };
}
