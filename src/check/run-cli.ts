// Development entry: `npx tsx src/check/run-cli.ts [--content DIR] [--json] [--quick]`.
import { checkCommand, parseCheckArgs } from './cli.js';

process.exitCode = await checkCommand(parseCheckArgs(process.argv.slice(2)), { stdout: process.stdout, stderr: process.stderr });
