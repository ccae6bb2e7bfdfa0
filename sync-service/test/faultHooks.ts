// Test-only fault injection for the fault suite (build/faults): a publisher that SIGKILLs its own
// process right after Kafka acknowledged its Nth batch and before the till hears back, the window
// where a till must resend and the warehouse must still count every event exactly once. Only the
// fault suite's gateway entry (build/faults/gatewayProcess.ts) wraps its publisher with it; the
// production route and entry points never import this file.
import type { EventPublisher } from '../src/gateway/eventPublisher';

export const killAfterKafkaAck = (publisher: EventPublisher, nthBatch: number): EventPublisher => {
  let acknowledged = 0;
  return {
    async publish(topic, messages) {
      await publisher.publish(topic, messages);
      acknowledged++;
      if (acknowledged >= nthBatch) process.kill(process.pid, 'SIGKILL');
    },
    close: () => publisher.close(),
  };
};
