/** The list of known resource types holds every type of every installed provider (AWS 5 and 6, DigitalOcean). */
import * as path from 'path';
import { cdktnPeers } from '../helpers/consumer-project';

const generator = require('../../scripts/generate-resource-types.js') as { missingFromCommitted(dirs?: string[]): string[] };
const taggable = require('../../scripts/generate-taggable-types.js') as { installedProviders(): string[] };

test('engine/known-resource-types.ts lacks no type of an installed provider (run node scripts/generate-resource-types.js)', () => {
  const aws6 = path.join(cdktnPeers(), '@cdktn', 'provider-aws');
  const dirs = [...new Set([...taggable.installedProviders(), aws6, path.resolve(__dirname, '../../node_modules/@cdktf/provider-digitalocean')])];
  expect(generator.missingFromCommitted(dirs)).toEqual([]);
}, 300000);
