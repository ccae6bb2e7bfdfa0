import { Kafka, logLevel } from 'kafkajs';
const kafka = new Kafka({ brokers: ['127.0.0.1:19092'], logLevel: logLevel.NOTHING });
const admin = kafka.admin(); await admin.connect();
const topics = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
for (let i = 0; i < topics.length; i += 50) await admin.deleteTopics({ topics: topics.slice(i, i + 50), timeout: 60000 });
console.log('deleted', topics.length);
await admin.disconnect();
