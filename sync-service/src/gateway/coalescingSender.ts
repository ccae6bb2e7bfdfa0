// Group commit for Kafka sends. The idempotent producer keeps one request in flight per broker,
// so concurrent pushes used to wait for each other's acks one by one. Here, while one send is in
// flight, the pushes that arrive meanwhile queue up and then go out together in a single produce
// request: one round trip and one ack for many tills' batches. Each push still resolves only when
// the send carrying its messages was acknowledged, and fails with it.
import type { Message } from 'kafkajs';

export interface CoalescingSenderOptions {
  /** Sends one produce request; resolves when Kafka acknowledged all of it. */
  send(topic: string, messages: Message[]): Promise<void>;
  /**
   * Upper bound on the message bytes one send carries. Kafka refuses a record batch larger than
   * the broker's message.max.bytes (1 MiB by default), and one partition's messages of a send form
   * one batch; a single push larger than this is still sent, alone, as before.
   */
  maxBytesPerSend: number;
}

interface Pending {
  topic: string;
  messages: Message[];
  bytes: number;
  /** Settled once: by the send that carried it, or by its caller giving up (`abandon`). */
  settled: boolean;
  resolve(): void;
  reject(error: unknown): void;
}

export interface CoalescingSender {
  /**
   * Queues the messages for the next send. `abandon` (e.g. a request deadline) takes them out of
   * the queue if they have not been sent yet; once sent, the outcome is the send's.
   */
  enqueue(topic: string, messages: Message[]): { done: Promise<void>; abandon(): void };
  /** Fails every push still waiting for its send (shutdown); a send under way finishes. */
  rejectQueued(error: Error): void;
}

const sizeOf = (m: Message): number =>
  (typeof m.value === 'string' ? Buffer.byteLength(m.value) : (m.value?.length ?? 0)) +
  (typeof m.key === 'string' ? m.key.length : (m.key?.length ?? 0));

export function createCoalescingSender(options: CoalescingSenderOptions): CoalescingSender {
  const queue: Pending[] = [];
  let sending = false;

  // The next send: the oldest push plus the following pushes for the same topic that fit.
  const takeGroup = (): Pending[] => {
    const first = queue.shift();
    if (!first) return [];
    const group = [first];
    let bytes = first.bytes;
    while (queue[0] && queue[0].topic === first.topic) {
      if (bytes + queue[0].bytes > options.maxBytesPerSend) break;
      const next = queue.shift() as Pending;
      bytes += next.bytes;
      group.push(next);
    }
    return group;
  };

  const drain = async (): Promise<void> => {
    if (sending) return;
    sending = true;
    try {
      for (let group = takeGroup(); group.length > 0; group = takeGroup()) {
        const live = group.filter((p) => !p.settled);
        if (live.length === 0) continue;
        try {
          await options.send(
            live[0]!.topic,
            live.flatMap((p) => p.messages),
          );
          for (const p of live) p.resolve();
        } catch (error) {
          for (const p of live) p.reject(error);
        }
      }
    } finally {
      sending = false;
    }
  };

  return {
    rejectQueued(error) {
      for (const p of queue.splice(0)) p.reject(error);
    },
    enqueue(topic, messages) {
      let pending!: Pending;
      const done = new Promise<void>((resolve, reject) => {
        const settle =
          <A extends unknown[]>(fn: (...args: A) => void) =>
          (...args: A) => {
            if (pending.settled) return;
            pending.settled = true;
            fn(...args);
          };
        pending = {
          topic,
          messages,
          bytes: messages.reduce((n, m) => n + sizeOf(m), 0),
          settled: false,
          resolve: settle(resolve),
          reject: settle(reject),
        };
      });
      queue.push(pending);
      void drain();
      return {
        done,
        abandon() {
          const i = queue.indexOf(pending);
          if (i >= 0) queue.splice(i, 1);
          pending.settled = true;
        },
      };
    },
  };
}
