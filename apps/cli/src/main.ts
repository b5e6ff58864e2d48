import { UnknownControlError } from '@rampart/core';
import { Command, CommanderError, Option } from 'commander';
import { type CliIo, EXIT, processIo, UsageError } from './io.js';

export { type CliIo, EXIT } from './io.js';

const VERSION = '0.1.0';

function program(io: CliIo, setExit: (code: number) => void): Command {
  const cli = new Command('rampart')
    .description(
      'The AWS Well-Architected Security Pillar as code: evaluate configuration items against the Rampart catalog.',
    )
    .version(VERSION)
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  cli
    .command('controls')
    .description('List the controls of the catalog.')
    .addOption(
      new Option('--area <area>', 'only this area').choices([
        'iam',
        'detection',
        'infrastructure',
        'data-protection',
        'incident-response',
      ]),
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .action(async (options: { area?: string; format: string }) => {
      // Commands load on use: `rampart controls` never pays for the AWS SDK that `scan` needs.
      const { controlsCommand } = await import('./commands/controls.js');
      setExit(controlsCommand(io, options));
    });

  cli
    .command('evaluate')
    .description('Evaluate configuration items (a JSON array of CIs in any shape, or a snapshot in JSON Lines).')
    .requiredOption('--input <files...>', 'input files')
    .option('--controls <ids>', 'comma-separated control ids (default: all)')
    .addOption(
      new Option('--area <area>', 'only controls of this area').choices([
        'iam',
        'detection',
        'infrastructure',
        'data-protection',
        'incident-response',
      ]),
    )
    .option('--now <iso>', 'the time age-based controls measure against (default: the snapshot capturedAt, else now)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'asff', 'html', 'markdown', 'ocsf'])
        .default('table'),
    )
    .option('--out <path>', 'write the output (a report, JSON, ASFF or OCSF) to this file instead of stdout')
    .option(
      '--home-region <region>',
      'with --format asff: Security Hub region for findings on global resources (default: the first region scanned)',
    )
    .option('--fail-on <severity>', 'exit 1 when a non-compliant verdict is at this severity or above')
    .option(
      '--param <control.name=value...>',
      'a rule parameter, such as access-keys-rotated.maxAccessKeyAge=45 (repeatable)',
    )
    .option(
      '--attestations <file>',
      'attestations for best practices only people can evidence (JSON, see docs/attestations.md)',
    )
    .action(async (options) => {
      const { evaluateCommand } = await import('./commands/evaluate.js');
      setExit(await evaluateCommand(io, options));
    });

  cli
    .command('export')
    .description('Export the results of a run to a destination.')
    .command('securityhub')
    .description(
      "Import the findings of `rampart evaluate|scan --format json` output into AWS Security Hub, keeping their history and archiving, within the run's scope, findings of resources that are gone.",
    )
    .requiredOption('--input <file>', 'the --format json output of rampart evaluate or scan')
    .option('--region <region>', 'only this Security Hub region (default: every region the run evaluated)')
    .option(
      '--home-region <region>',
      'Security Hub region for findings on global resources (default: the first region scanned)',
    )
    .option('--endpoint-url <url>', 'Security Hub endpoint (for emulators and VPC endpoints)')
    .option('--profile <profile>', 'AWS shared-config profile')
    .option('--dry-run', 'read the findings Security Hub holds and report what would change, without importing')
    .addOption(new Option('--format <format>', 'summary format on stdout').choices(['text', 'json']).default('text'))
    .action(async (options) => {
      const { exportSecurityHubCommand } = await import('./commands/export.js');
      setExit(await exportSecurityHubCommand(io, options));
    });

  cli
    .command('scan')
    .description('Collect configuration items and account-level facts from AWS, evaluate them, and print the result.')
    .option('--profile <profile>', 'AWS shared-config profile (default: the standard credential chain)')
    .option('--region <region...>', 'region to scan (repeatable; default: the SDK region)')
    .option('--all-regions', 'scan every region enabled for the account')
    .addOption(
      new Option(
        '--source <source>',
        'where resources come from (auto: AWS Config where it records, else direct reads)',
      )
        .choices(['config', 'direct', 'auto'])
        .default('auto'),
    )
    .option('--aggregator <name>', 'read resources of every account and region through this AWS Config aggregator')
    .option('--snapshot <file>', 'also write the version-1 snapshot (JSON Lines) that `rampart evaluate --input` reads')
    .option(
      '--home-region <region>',
      'region for global services (IAM, S3 listing) and the aggregator (default: the first region)',
    )
    .option('--controls <ids>', 'comma-separated control ids (default: all)')
    .addOption(
      new Option('--area <area>', 'only controls of this area').choices([
        'iam',
        'detection',
        'infrastructure',
        'data-protection',
        'incident-response',
      ]),
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'asff', 'html', 'markdown', 'ocsf'])
        .default('table'),
    )
    .option('--out <path>', 'write the output (a report, JSON, ASFF or OCSF) to this file instead of stdout')
    .addOption(new Option('--export <sink>', 'also import the findings into AWS Security Hub').choices(['securityhub']))
    .option('--fail-on <severity>', 'exit 1 when a non-compliant verdict is at this severity or above')
    .option('--param <control.name=value...>', 'a rule parameter (repeatable)')
    .option('--endpoint-url <url>', 'endpoint for every AWS service (emulators; default AWS_ENDPOINT_URL)')
    .option('--role-arn <arn>', 'IAM role to assume for the scan (cross-account)')
    .option('--concurrency <n>', 'concurrent API calls per service and region (default 8)')
    .option('--attestations <file>', 'attestations file to evaluate with the scan (JSON, see docs/attestations.md)')
    .action(async (options) => {
      const { scanCommand } = await import('./commands/scan.js');
      setExit(await scanCommand(io, options));
    });

  cli
    .command('scan-policy')
    .description('Print the least-privilege IAM policy `rampart scan` needs with these options (see docs/scanning.md).')
    .option('--aggregator', 'the scan reads an organization through an AWS Config aggregator')
    .option(
      '--role-arn <arn>',
      'the scan assumes this role: print the policy of the identity that assumes it (the role gets the one without --role-arn)',
    )
    .addOption(new Option('--export <sink>', 'the scan also imports its findings').choices(['securityhub']))
    .addOption(
      new Option('--format <format>', 'the policy document, or a table of what each action is for')
        .choices(['json', 'markdown'])
        .default('json'),
    )
    .action(async (options) => {
      const { scanPolicyCommand } = await import('./commands/scan-policy.js');
      setExit(scanPolicyCommand(io, options));
    });

  cli
    .command('demo')
    .description(
      'Evaluate the bundled demo account (examples/demo-account.jsonl), print the summary and write its HTML report.',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option(
      '--out <path>',
      'where the HTML report goes (default ./rampart-demo-report.html; with --format json only when given)',
    )
    .option('--attestations <file>', 'attestations file (default examples/attestations.example.json)')
    .action(async (options: { format: string; out?: string; attestations?: string }) => {
      const { demoCommand } = await import('./commands/demo.js');
      setExit(await demoCommand(io, options));
    });

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
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return EXIT.OK;
      return EXIT.USAGE;
    }
    if (error instanceof UsageError || error instanceof UnknownControlError) {
      io.stderr(`rampart: ${error.message}\n`);
      return EXIT.USAGE;
    }
    io.stderr(
      `rampart: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.USAGE;
  }
  return code;
}
