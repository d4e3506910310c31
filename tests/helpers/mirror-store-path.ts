/** Where the fast tests' store of links to the mirror lives (see mirror-store.ts). */
import path from 'node:path';

export const MIRROR_STORE = path.resolve('.layerlens/mirror-store');
