// Waits until the Kafka broker answers metadata requests (the port alone opens before the broker
// has caught up with its KRaft metadata). Usage: node waitForKafka.mjs [timeoutSeconds]
// Brokers from KAFKA_BROKERS (default 127.0.0.1:19092). Exit 0 when ready, 1 on timeout.
import { Kafka, logLevel } from 'kafkajs';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const timeoutMs = Number(process.argv[2] ?? 60) * 1000;
const deadline = Date.now() + timeoutMs;

const kafka = new Kafka({
  clientId: 'wait-for-kafka',
  brokers,
  logLevel: logLevel.NOTHING,
  connectionTimeout: 2_000,
  requestTimeout: 5_000,
  retry: { retries: 0 },
});

let lastError = 'no attempt made';
while (Date.now() < deadline) {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.listTopics();
    if (cluster.brokers.length > 0 && cluster.controller !== null) {
      await admin.disconnect();
      process.exit(0);
    }
    lastError = 'cluster has no controller yet';
  } catch (error) {
    lastError = error instanceof Error ? error.message : String(error);
  }
  await admin.disconnect().catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 500));
}
console.error(
  `waitForKafka: ${brokers.join(',')} not ready after ${timeoutMs / 1000}s: ${lastError}`,
);
process.exit(1);
