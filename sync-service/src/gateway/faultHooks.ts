// Test-only fault injection for the fault suite (build/faults), off unless the environment asks.
// SYNC_FAULT_KILL_AFTER_ACK=N: the gateway SIGKILLs itself right after Kafka acknowledged its Nth
// batch and before the till hears back, the window where a till must resend and the warehouse
// must still count every event exactly once. Never set it outside that suite.
const killAfter = Number(process.env.SYNC_FAULT_KILL_AFTER_ACK ?? '0');
let acknowledged = 0;

export const afterKafkaAck = (): void => {
  if (!Number.isInteger(killAfter) || killAfter <= 0) return;
  acknowledged++;
  if (acknowledged >= killAfter) process.kill(process.pid, 'SIGKILL');
};
