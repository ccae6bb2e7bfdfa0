// Publishes accepted events to Kafka and resolves only once the broker acknowledged them all
// (idempotent producer, acks = all). Any failure or timeout throws KafkaUnavailableError and
// retires the producer: kafkajs rolls its sequence numbers back when a request fails, so a batch
// that did reach the broker but whose ack was lost would make the next batch reuse those numbers
// and be dropped by the broker as a "duplicate". A fresh producer gets a fresh producer id.
//
// Group commit: kafkajs's idempotent producer holds a lock per broker for each produce round
// trip, so concurrent pushes from hundreds of tills queued one behind another there, and the
// chain bench saw the gateway's p99 in seconds while the broker idled. Instead, while one produce
// request is out, the batches that arrive wait here and then go out together as one request;
// every till is answered when the request carrying its events is acknowledged. Each batch keeps
// its own deadline, and one that expires before its turn is withdrawn unsent.
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { Logger } from '../ops/logger';

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

  interface Waiting {
    topic: string;
    messages: Message[];
    bytes: number;
    done(error?: Error): void;
  }
  let queue: Waiting[] = [];
  let sending = false;

  /** The batches for the next request, oldest first, within the size a broker accepts. */
  const takeGroup = (): Waiting[] => {
    let bytes = 0;
    let count = 0;
    let n = 0;
    while (n < queue.length) {
      const next = queue[n]!;
      if (
        n > 0 &&
        (bytes + next.bytes > GROUP_MAX_BYTES || count + next.messages.length > GROUP_MAX_MESSAGES)
      )
        break;
      bytes += next.bytes;
      count += next.messages.length;
      n++;
    }
    return queue.splice(0, n);
  };

  const sendGroup = async (group: readonly Waiting[]): Promise<void> => {
    const deadline = Date.now() + sendTimeoutMs;
    const attempt = current ?? connect();
    current = attempt;
    try {
      const producer = await withDeadline(attempt, deadline);
      const byTopic = new Map<string, Message[]>();
      for (const w of group) byTopic.set(w.topic, [...(byTopic.get(w.topic) ?? []), ...w.messages]);
      await withDeadline(
        producer.sendBatch({
          acks: -1,
          topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
        }),
        deadline,
      );
      for (const w of group) w.done();
    } catch (error) {
      retire(attempt);
      // A late rejection of the abandoned work must not become an unhandled rejection.
      attempt.catch(() => undefined);
      const count = group.reduce((n, w) => n + w.messages.length, 0);
      logger.warn({ error, batches: group.length, messages: count }, 'Kafka publish failed');
      const failure =
        error instanceof KafkaUnavailableError
          ? error
          : new KafkaUnavailableError(error instanceof Error ? error.message : String(error));
      for (const w of group) w.done(failure);
    }
  };

  const pump = (): void => {
    if (sending || queue.length === 0) return;
    sending = true;
    void sendGroup(takeGroup()).finally(() => {
      sending = false;
      pump();
    });
  };

  return {
    async publish(topic, messages) {
      if (closed) throw new KafkaUnavailableError('the publisher is shutting down');
      if (messages.length === 0) return;
      let waiting: Waiting | null = null;
      const acknowledged = new Promise<void>((resolve, reject) => {
        waiting = {
          topic,
          messages,
          bytes: messages.reduce((n, m) => n + messageBytes(m), 0),
          done: (error) => (error ? reject(error) : resolve()),
        };
        queue.push(waiting);
      });
      pump();
      try {
        await withDeadline(acknowledged, Date.now() + sendTimeoutMs);
      } catch (error) {
        // Still queued: withdraw it, so a batch the till was told failed is never sent after all.
        queue = queue.filter((w) => w !== waiting);
        acknowledged.catch(() => undefined);
        throw error;
      }
    },
    async close() {
      closed = true;
      for (const w of queue.splice(0))
        w.done(new KafkaUnavailableError('the publisher is shutting down'));
      const producer = current;
      current = null;
      if (producer) await producer.then((p) => p.disconnect()).catch(() => undefined);
    },
  };
}

/** A broker takes record batches up to message.max.bytes (1 MB by default): stay under it. */
const GROUP_MAX_BYTES = 900 * 1024;
const GROUP_MAX_MESSAGES = 5_000;

const messageBytes = (m: Message): number => {
  const size = (v: Message['value'] | Message['key']): number =>
    v == null ? 0 : typeof v === 'string' ? Buffer.byteLength(v) : v.length;
  return size(m.value) + size(m.key) + 160; // + headers and record overhead
};
