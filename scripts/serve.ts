/** npm run serve [-- --port N] [--dir FOLDER]: serves a built site (dist/ by default) on 127.0.0.1. */
import path from 'node:path';
import { PROJECT_ROOT } from '../src/node/paths.ts';
import { serveStatic } from './lib/static-server.ts';
import { runMain } from './lib/main.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

runMain(async () => {
  const port = Number(option('--port', '4321'));
  const dir = path.resolve(PROJECT_ROOT, option('--dir', 'dist'));
  await serveStatic(dir, port);
  process.stderr.write(`Serving ${path.relative(PROJECT_ROOT, dir) || '.'} at http://127.0.0.1:${port}/\n`);
});
