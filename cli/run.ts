/**
 * The command line: `check`, `rules`, `explain`, `--version`. Parsing is commander's; each command lives in
 * its own file and is loaded only when it runs, so `--version` starts fast. Every failure the user can
 * cause ends as ONE line on stderr and exit code 2; never a stack trace.
 */
import { Command, CommanderError, Option } from 'commander';
import { GuardrailConfigError } from '../engine/config-error';
import { GuardrailInputError, oneLine } from '../engine/input/input-error';
import { TOOL_NAME, toolVersion } from '../engine/version';
import type { Syntax } from '../engine/docs/cdktf-fix';
import type { CliIo } from './io';
import { CliUsageError, EXIT_USAGE } from './usage-error';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
export const LIST_FORMATS = ['text', 'json'] as const;
/** Whose names fix texts and examples use: Terraform's (HCL, JSON) or cdktf's (TypeScript). */
export const SYNTAX_CHOICES = ['hcl', 'cdktf'] as const satisfies readonly Syntax[];

/** Run the CLI with `argv` (without `node` and the script) and return the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number): void => {
    exitCode = code;
  };
  const program = new Command(TOOL_NAME)
    .description('Check cdktf output, Terraform JSON or a Terraform plan against the security guardrails.')
    .version(toolVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`${TOOL_NAME}: ${oneLine(text.replace(/^error: /, '').trim())}\n`),
    })
    .addHelpText(
      'after',
      '\nExit codes: 0 nothing at or above --fail-on, 1 violations, 2 usage or input error.\n' + `Run \`${TOOL_NAME} check --help\` for the check options.`,
    );

  program
    .command('check')
    .description('check stacks against the guardrails (exit 0 clean, 1 violations, 2 bad usage or input)')
    .argument(
      '[paths...]',
      'cdktf output dir (manifest.json), dir of *.tf.json, a *.tf.json file, a plan JSON (`terraform show -json`), or - for stdin (default: ./cdktf.out)',
    )
    .addOption(new Option('-f, --format <format>', 'report format').choices(CHECK_FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to FILE (a one-line summary still goes to stderr)')
    .addOption(new Option('--profile <profile>', 'rule set; baseline when not given').choices(['baseline', 'strict']))
    .option('--rule <id=level>', 'set one rule to error, warning or off; repeatable', (value: string, previous: string[] | undefined) => [
      ...(previous ?? []),
      value,
    ])
    .addOption(new Option('--fail-on <level>', 'lowest severity that makes the exit code 1').choices(['error', 'warning']).default('error'))
    .addOption(new Option('--unknown-values <level>', 'what a value that cannot be known counts as; error when not given').choices(['error', 'warning']))
    .option('--required-tags <keys>', 'comma-separated tag keys every taggable resource must carry (default: owner,environment)')
    .option('--approved-modules <file>', 'a JSON file listing reviewed modules: [{ "source", "version", "reason" }] (see docs/ci.md)')
    .option('--today <date>', 'compare suppression expiry dates with this day, YYYY-MM-DD (default: today, UTC)')
    .option('--max-input-mb <mib>', 'refuse any input file (or stdin) larger than this many MiB (default: 256, at most 500)')
    .option('--config <file>', 'the cdk.tf.json a plan was made from, for construct paths and suppressions (default: cdk.tf.json next to the plan)')
    .addOption(new Option('--syntax <syntax>', "names in fix texts: Terraform's (hcl) or cdktf's (cdktf)").choices(SYNTAX_CHOICES).default('hcl'))
    .action(async (paths: string[], options: Record<string, unknown>) => {
      const { runCheck } = await import('./check-command');
      setExit(await runCheck(paths, options, io));
    });

  program
    .command('rules')
    .description('list the rule catalog')
    .addOption(new Option('-f, --format <format>', 'output format').choices(LIST_FORMATS).default('text'))
    .addOption(new Option('--profile <profile>', 'only the rules this profile runs').choices(['baseline', 'strict']))
    .action(async (options: { format: 'text' | 'json'; profile?: 'baseline' | 'strict' }) => {
      const { runRules } = await import('./rules-command');
      setExit(runRules(options, io));
    });

  program
    .command('explain')
    .description('explain one rule: why, how to fix, examples')
    .argument('<rule-id>', 'a rule id, as listed by `rules`')
    .addOption(new Option('-f, --format <format>', 'output format').choices(LIST_FORMATS).default('text'))
    .addOption(
      new Option(
        '--syntax <syntax>',
        "show the fix and examples only in Terraform's names (hcl: HCL, Terraform JSON) or only in cdktf's (TypeScript); default: both",
      ).choices(SYNTAX_CHOICES),
    )
    .action(async (ruleId: string, options: { format: 'text' | 'json'; syntax?: Syntax }) => {
      const { runExplain } = await import('./explain-command');
      setExit(runExplain(ruleId, options, io));
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // commander has already printed its own message (usage errors) or the help/version text.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    if (error instanceof GuardrailInputError || error instanceof CliUsageError || error instanceof GuardrailConfigError) {
      io.stderr.write(`${TOOL_NAME}: ${oneLine(error.message)}\n`);
      return EXIT_USAGE;
    }
    // A bug of ours: still one line (CI logs stay readable), with the trace only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`${TOOL_NAME}: internal error: ${oneLine(message)} (set CDKTF_GUARDRAILS_DEBUG=1 for details)\n`);
    if (io.env.CDKTF_GUARDRAILS_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return EXIT_USAGE;
  }
}
