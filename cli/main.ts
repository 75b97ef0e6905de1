/** Entry of `npm run sim`: see cli.ts for the commands. */
import { runCli } from './cli';
import { processIo } from './command';

process.exitCode = await runCli(process.argv.slice(2), processIo);
