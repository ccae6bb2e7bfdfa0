import type { Message } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { createCoalescingSender } from './coalescingSender';

const msgs = (...values: string[]): Message[] => values.map((value) => ({ key: 's', value }));

/** A send whose acks the test releases by hand, recording what each request carried. */
const manualSend = () => {
  const sent: { topic: string; values: string[]; ack(): void; fail(e: Error): void }[] = [];
  const send = (topic: string, messages: Message[]) =>
    new Promise<void>((resolve, reject) => {
      sent.push({
        topic,
        values: messages.map((m) => String(m.value)),
        ack: resolve,
        fail: reject,
      });
    });
  return { sent, send };
};

const tick = () => new Promise((r) => setImmediate(r));

describe('coalescing sender', () => {
  it('sends the first push at once and the pushes that arrive meanwhile together, in order', async () => {
    const { sent, send } = manualSend();
    const sender = createCoalescingSender({ send, maxBytesPerSend: 1_000 });
    const a = sender.enqueue('t', msgs('a1', 'a2'));
    const b = sender.enqueue('t', msgs('b1'));
    const c = sender.enqueue('t', msgs('c1'));
    await tick();
    expect(sent.map((s) => s.values)).toEqual([['a1', 'a2']]);
    sent[0]!.ack();
    await a.done;
    await tick();
    expect(sent.map((s) => s.values)).toEqual([
      ['a1', 'a2'],
      ['b1', 'c1'],
    ]);
    sent[1]!.ack();
    await Promise.all([b.done, c.done]);
  });

  it('fails every push carried by a failed send, and only those', async () => {
    const { sent, send } = manualSend();
    const sender = createCoalescingSender({ send, maxBytesPerSend: 1_000 });
    const a = sender.enqueue('t', msgs('a'));
    const b = sender.enqueue('t', msgs('b'));
    const c = sender.enqueue('t', msgs('c'));
    await tick();
    sent[0]!.ack();
    await a.done;
    await tick();
    sent[1]!.fail(new Error('broker gone'));
    await expect(b.done).rejects.toThrow('broker gone');
    await expect(c.done).rejects.toThrow('broker gone');
    const d = sender.enqueue('t', msgs('d'));
    await tick();
    expect(sent[2]!.values).toEqual(['d']);
    sent[2]!.ack();
    await d.done;
  });

  it('keeps a send under the byte cap and never mixes topics', async () => {
    const { sent, send } = manualSend();
    const sender = createCoalescingSender({ send, maxBytesPerSend: 9 });
    const first = sender.enqueue('t', msgs('xxxxxxxxxxxxxxxxxxxx')); // alone, larger than the cap
    const rest = [
      sender.enqueue('t', msgs('1234')),
      sender.enqueue('t', msgs('5678')),
      sender.enqueue('u', msgs('other')),
      sender.enqueue('t', msgs('9')),
    ];
    for (let i = 0; i < 5; i++) {
      await tick();
      sent[i]!.ack();
    }
    await Promise.all([first.done, ...rest.map((r) => r.done)]);
    expect(sent.map((s) => [s.topic, s.values.join(',')])).toEqual([
      ['t', 'xxxxxxxxxxxxxxxxxxxx'],
      ['t', '1234'],
      ['t', '5678'],
      ['u', 'other'],
      ['t', '9'],
    ]);
  });

  it('drops an abandoned push that has not been sent yet', async () => {
    const { sent, send } = manualSend();
    const sender = createCoalescingSender({ send, maxBytesPerSend: 1_000 });
    const a = sender.enqueue('t', msgs('a'));
    const b = sender.enqueue('t', msgs('b'));
    const c = sender.enqueue('t', msgs('c'));
    b.abandon();
    await tick();
    sent[0]!.ack();
    await a.done;
    await tick();
    expect(sent[1]!.values).toEqual(['c']);
    sent[1]!.ack();
    await c.done;
  });

  it('fails the pushes still queued at shutdown, not the one being sent', async () => {
    const { sent, send } = manualSend();
    const sender = createCoalescingSender({ send, maxBytesPerSend: 1_000 });
    const a = sender.enqueue('t', msgs('a'));
    const b = sender.enqueue('t', msgs('b'));
    await tick();
    sender.rejectQueued(new Error('closing'));
    await expect(b.done).rejects.toThrow('closing');
    sent[0]!.ack();
    await a.done;
    expect(sent).toHaveLength(1);
  });
});
