/** npm run serve [-- --port N]: serves dist/ on 127.0.0.1 (the browser tests start it themselves). */
import path from 'node:path';
import { PROJECT_ROOT } from '../src/node/paths.ts';
import { serveStatic } from './lib/static-server.ts';

const portFlag = process.argv.indexOf('--port');
const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 4321;
await serveStatic(path.join(PROJECT_ROOT, 'dist'), port);
process.stderr.write(`Serving dist/ at http://127.0.0.1:${port}/\n`);
