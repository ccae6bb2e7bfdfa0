// `npm run serve`: browser mode from the command line. Prints exactly one line to stdout, the URL
// with the token; everything else goes to stderr.
import { fileURLToPath } from 'node:url';
import { startBrowserHost } from './browserHost';
import { DEMO_OWNER_PIN } from '../shell/demoShop';
import { parseServeArgs } from './serveArgs';

const main = async (): Promise<void> => {
  const parsed = parseServeArgs(process.argv.slice(2), process.env, {
    cwd: process.cwd(),
    distDir: fileURLToPath(new URL('../../renderer/dist', import.meta.url)),
  });
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exitCode = 2;
    return;
  }
  const { args } = parsed;
  if (args.demo) console.error('Preparing the demo shop (first run takes a moment)...');
  const host = await startBrowserHost({ ...args, log: (message) => console.error(message) });
  if (host.demoCreated)
    console.error(`Demo shop "Rang Mahal Menswear" created. Owner PIN: ${DEMO_OWNER_PIN}`);
  else if (args.demo)
    console.error(`The store in ${args.dataDir} is already set up; --demo left it as it is.`);
  console.log(`POS browser mode listening on ${host.url}`);

  let signals = 0;
  const shutdown = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) process.exit(1); // a second signal forces the exit
    console.error(`${signal}: shutting down...`);
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
