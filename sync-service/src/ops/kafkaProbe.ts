// The readiness probe's Kafka check on one admin client kept connected between probes: a load
// balancer asks /readyz every few seconds, and a fresh admin per probe cost a connection set-up
// (and a metadata round trip) each time. A failed probe drops the client; the next one connects
// again, so a broker that came back is seen at the next probe.
import type { Admin, Kafka } from 'kafkajs';

export interface KafkaProbe {
  /** Resolves when the cluster answered within timeoutMs; throws otherwise. */
  check(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export function createKafkaProbe(kafka: Kafka): KafkaProbe {
  let admin: Promise<Admin> | null = null;
  const connected = (): Promise<Admin> => {
    admin ??= (async () => {
      const a = kafka.admin({ retry: { retries: 0 } });
      await a.connect();
      return a;
    })();
    return admin;
  };
  const drop = (failed: Promise<Admin>): void => {
    if (admin !== failed) return;
    admin = null;
    failed.then((a) => a.disconnect()).catch(() => undefined);
  };
  return {
    async check(timeoutMs) {
      const current = connected();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Kafka did not answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        await Promise.race([current.then((a) => a.describeCluster()), timeout]);
      } catch (error) {
        drop(current);
        current.catch(() => undefined);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      const current = admin;
      admin = null;
      await current?.then((a) => a.disconnect()).catch(() => undefined);
    },
  };
}
