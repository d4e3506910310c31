/** The page's engine in a Web Worker: tfjs, the models and the reader's photo live here, off the main thread. */
import { EngineHost } from './host.ts';
import type { Reply, Request } from './protocol.ts';

const host = new EngineHost((reply: Reply) => self.postMessage(reply));
self.addEventListener('message', (event: MessageEvent<Request>) => void host.handle(event.data));
