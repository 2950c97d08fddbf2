/** `npm run docs`: regenerate docs/rules.md from the catalog. */
import * as fs from 'fs';
import * as path from 'path';
import { builtInRules } from '../../rules';
import { renderRuleDocs } from './rule-docs';

const target = path.resolve(__dirname, '..', '..', '..', 'docs', 'rules.md');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, renderRuleDocs(builtInRules));
process.stdout.write(`wrote ${target} (${builtInRules.length} rules)\n`);
