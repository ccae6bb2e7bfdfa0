import { Kafka, logLevel } from 'kafkajs';
const kafka = new Kafka({ brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });
const admin = kafka.admin(); await admin.connect();
const N = 68000, PER = 300;
const ev = JSON.stringify({ x: 'a'.repeat(1000) });
for (const [topic, batched] of [[`kb-single-${Date.now()}`, false], [`kb-batch-${Date.now()}`, true], [`kb-single2-${Date.now()}`, false], [`kb-batch2-${Date.now()}`, true]] as const) {
  await admin.createTopics({ topics: [{ topic, numPartitions: 6, configEntries: [{ name: 'max.message.bytes', value: String(4 << 20) }] }] });
  const p = kafka.producer({ idempotent: true, maxInFlightRequests: 1 }); await p.connect();
  let c0 = process.cpuUsage(); let t0 = performance.now();
  for (let i = 0; i < N / PER; i++) {
    const key = 's' + (i % 6);
    const messages = batched ? [{ key, value: '[' + Array(PER).fill(ev).join(',') + ']' }] : Array.from({ length: PER }, () => ({ key, value: ev }));
    await p.send({ topic, acks: -1, messages });
  }
  let c = process.cpuUsage(c0);
  console.log(topic, 'produce cpu us/event', ((c.user + c.system) / N).toFixed(2), 'wall ms', (performance.now() - t0).toFixed(0));
  await p.disconnect();
  const consumer = kafka.consumer({ groupId: 'g-' + topic, maxBytesPerPartition: 4 << 20 }); await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0; c0 = process.cpuUsage();
  await new Promise<void>((resolve) => { void consumer.run({ eachBatch: async ({ batch }) => { for (const m of batch.messages) { const s = m.value!.toString('utf8'); seen += batched ? PER : 1; void s; } if (seen >= N) resolve(); } }); });
  c = process.cpuUsage(c0);
  console.log(topic, 'consume cpu us/event', ((c.user + c.system) / N).toFixed(2));
  await consumer.disconnect();
}
await admin.disconnect();
