/**
 * The top level of every script: runs `main`, and on any failure (a rejected promise, an uncaught
 * exception, a promise nobody awaited) prints the message and the fix, then exits with code 1.
 */
import { describeFailure } from '../../src/node/failure.ts';

export function runMain(main: () => Promise<void>): void {
  const fail = (error: unknown) => {
    process.stderr.write(describeFailure(error));
    process.exit(1);
  };
  process.on('unhandledRejection', fail);
  process.on('uncaughtException', fail);
  main().catch(fail);
}
