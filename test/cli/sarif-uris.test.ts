/**
 * SARIF artifact URIs: an input inside the working directory is a relative reference; one outside it an
 * absolute `file://` URI (no `uriBaseId`); only `/` separates segments, so a backslash in a POSIX file
 * name is percent-encoded. The SARIF Multitool finds no error either way.
 */
import * as fs from 'fs';
import * as path from 'path';
import { artifactUri } from '../../engine/reports/sarif-report';
import { validateSarif } from '../helpers/sarif';
import { ENCRYPTION, cli, only, tempDir, writeFiles } from './harness';

const unencrypted = { resource: { aws_ebs_volume: { v: { availability_zone: 'a', size: 1 } } } };

async function sarifOf(argv: string[], cwd: string) {
  const run = await cli(['check', ...argv, '--format', 'sarif', ...only(ENCRYPTION)], { cwd });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  return { text: run.stdout, location: JSON.parse(run.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation };
}

test('an input given by absolute path outside the working directory: an absolute file:// URI, valid for the Multitool', async () => {
  const inputs = writeFiles(tempDir(), { 'my stack/main.json': unencrypted });
  const elsewhere = tempDir();
  const file = path.join(inputs, 'my stack', 'main.json');
  const { text, location } = await sarifOf([file], elsewhere);
  expect(location).toEqual({ uri: `file://${file.split('/').map(encodeURIComponent).join('/')}` });
  expect(location.uri).toMatch(/^file:\/\/\/.*\/my%20stack\/main\.json$/);
  const validation = validateSarif(text);
  expect(validation.schemaErrors).toEqual([]);
  expect(validation.multitoolErrors).toEqual([]);
});

test('an input inside the working directory, even given by absolute path: a relative reference', async () => {
  const dir = writeFiles(tempDir(), { 'stacks/main.json': unencrypted });
  const { text, location } = await sarifOf([path.join(dir, 'stacks/main.json')], dir);
  expect(location).toEqual({ uri: 'stacks/main.json' });
  expect(validateSarif(text).multitoolErrors).toEqual([]);
});

test('a backslash is part of a POSIX file name, not a separator: percent-encoded', async () => {
  if (path.sep !== '/') return; // a Windows file name cannot hold a backslash
  const dir = writeFiles(tempDir(), { 'a\\b.json': unencrypted, 'we:ird #1%.json': unencrypted });
  expect(fs.existsSync(path.join(dir, 'a\\b.json'))).toBe(true);
  const { text, location } = await sarifOf(['a\\b.json'], dir);
  expect(location.uri).toBe('a%5Cb.json');
  expect(validateSarif(text).multitoolErrors).toEqual([]);
  // `:` in the first segment would read as a URI scheme; `#` as a fragment; `%` as an escape.
  expect((await sarifOf(['we:ird #1%.json'], dir)).location.uri).toBe('we%3Aird%20%231%25.json');
});

test('artifactUri: relative, POSIX absolute, Windows absolute (as the reader writes it, with /)', () => {
  expect(artifactUri('cdktf.out/stacks/app/cdk.tf.json')).toBe('cdktf.out/stacks/app/cdk.tf.json');
  expect(artifactUri('/srv/ci/my stack/cdk.tf.json')).toBe('file:///srv/ci/my%20stack/cdk.tf.json');
  expect(artifactUri('C:/ci/stack/cdk.tf.json')).toBe('file:///C:/ci/stack/cdk.tf.json');
  expect(artifactUri('dir\\file.json')).toBe('dir%5Cfile.json');
  expect(artifactUri('bad\uD800name.json')).toBe('bad%EF%BF%BDname.json');
});

test('findings in several files: each result names its own file', async () => {
  const dir = writeFiles(tempDir(), {
    'one/main.tf.json': unencrypted,
    'two/main.tf.json': unencrypted,
    'two/more.tf.json': { resource: { aws_ebs_volume: { w: { availability_zone: 'a' } } } },
  });
  const run = await cli(['check', 'one', 'two', '--format', 'sarif', ...only(ENCRYPTION)], { cwd: dir });
  const results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; message: { text: string } }[] = JSON.parse(run.stdout).runs[0]
    .results;
  expect(results.map((r) => [r.message.text.split(':')[0], r.locations[0].physicalLocation.artifactLocation.uri])).toEqual([
    ['aws_ebs_volume.v', 'one/main.tf.json'],
    ['aws_ebs_volume.v', 'two/main.tf.json'],
    ['aws_ebs_volume.w', 'two/more.tf.json'],
  ]);
});
