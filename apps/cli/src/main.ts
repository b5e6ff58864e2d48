import { UnknownControlError } from '@rampart/core';
import { Command, CommanderError, Option } from 'commander';
import { controlsCommand } from './commands/controls.js';
import { demoCommand } from './commands/demo.js';
import { evaluateCommand } from './commands/evaluate.js';
import { type CliIo, EXIT, processIo, UsageError } from './io.js';

export { type CliIo, EXIT } from './io.js';

const VERSION = '0.1.0';

function program(io: CliIo, setExit: (code: number) => void): Command {
  const cli = new Command('rampart')
    .description('The AWS Well-Architected Security Pillar as code: evaluate configuration items against the Rampart catalog.')
    .version(VERSION)
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  cli
    .command('controls')
    .description('List the controls of the catalog.')
    .addOption(new Option('--area <area>', 'only this area').choices(['iam', 'detection', 'infrastructure', 'data-protection', 'incident-response']))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .action((options: { area?: string; format: string }) => setExit(controlsCommand(io, options)));

  cli
    .command('evaluate')
    .description('Evaluate configuration items (a JSON array of CIs in any shape, or a snapshot in JSON Lines).')
    .requiredOption('--input <files...>', 'input files')
    .option('--controls <ids>', 'comma-separated control ids (default: all)')
    .addOption(new Option('--area <area>', 'only controls of this area').choices(['iam', 'detection', 'infrastructure', 'data-protection', 'incident-response']))
    .option('--now <iso>', 'the time age-based controls measure against (default: the snapshot capturedAt, else now)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--fail-on <severity>', 'exit 1 when a non-compliant verdict is at this severity or above')
    .option('--param <control.name=value...>', 'a rule parameter, such as access-keys-rotated.maxAccessKeyAge=45 (repeatable)')
    .action((options) => setExit(evaluateCommand(io, options)));

  cli
    .command('demo')
    .description('Evaluate the bundled demo account (examples/demo-account.jsonl) and print the summary.')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action((options: { format: string }) => setExit(demoCommand(io, options)));

  return cli;
}

/** Runs the CLI and returns its exit code (0 done, 1 --fail-on reached, 2 usage or input error, 3 gaps). */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code: number = EXIT.OK;
  const cli = program(io, (c) => {
    code = c;
  });
  try {
    await cli.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.OK;
      return EXIT.USAGE;
    }
    if (error instanceof UsageError || error instanceof UnknownControlError) {
      io.stderr(`rampart: ${error.message}\n`);
      return EXIT.USAGE;
    }
    io.stderr(`rampart: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.USAGE;
  }
  return code;
}
