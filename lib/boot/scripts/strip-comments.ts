/**
 * Drops full-line comments from a boot script before it is shipped.
 *
 * Why: AWS caps user data at 16 KiB, and the comments (which explain the why to reviewers) were
 * a tenth of it. The commented source stays in lib/boot/scripts/*.ts, which is what people read;
 * the host gets the same commands. Kept: the `#!` line and `# shellcheck` directives. Safe for
 * our scripts because none has a heredoc or multi-line string in which a `#` line is data; the
 * tests run shellcheck and `bash -n` on both the source and the shipped text.
 */
export function stripComments(script: string): string {
  return script
    .split('\n')
    .filter((line, i) => i === 0 || !/^\s*#(?!\s*shellcheck\b)/.test(line))
    .join('\n');
}
