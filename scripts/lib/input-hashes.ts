/** The cache's input hashes live beside the Node inputs, which key the set indexes with them too. */
export { computeCodeHash, imageHash, weightsHash } from '../../src/node/input-hashes.ts';
