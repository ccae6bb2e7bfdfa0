// Integration-test program: a till process whose relay drains its outbox, so a test can SIGKILL
// it mid-push and start it again. Usage: node --import tsx tillRelayWorker.ts <dataDir>
// Prints one JSON status line per relay state change; exits on SIGTERM after a clean stop.
import { openTillCore } from '../../core/tillCore';
import { syncEngineOf } from '../../core/sync/syncHandlers';
import { coreContext } from '../../core/tillCore';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: tillRelayWorker <dataDir>\n');
  process.exit(2);
}
// Small batches so a push is nearly always in flight when the test pulls the plug.
const core = openTillCore({
  dataDir,
  log: (line) => process.stderr.write(`${line}\n`),
  sync: {
    autoStart: true,
    relay: {
      caps: { maxEvents: 40, maxBytes: 512 * 1024 },
      backoff: { baseMs: 100, maxMs: 1_000, minMs: 50 },
    },
  },
});
const engine = syncEngineOf(coreContext(core));
if (!engine) throw new Error('the core has no sync engine');
engine.onStatus((s) =>
  process.stdout.write(
    `${JSON.stringify({ pending: s.pending, online: s.online, running: s.running })}\n`,
  ),
);
process.stdout.write(`${JSON.stringify({ started: true, pending: engine.status().pending })}\n`);
process.on('SIGTERM', () => {
  void engine.stop().then(() => {
    core.close();
    process.exit(0);
  });
});
