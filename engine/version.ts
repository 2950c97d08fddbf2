import * as fs from 'fs';
import * as path from 'path';

/** This package's version, read from its package.json (found from source and from dist alike). */
export function toolVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cdktf-guardrails' && pkg.version) return pkg.version;
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

export const TOOL_NAME = 'cdktf-guardrails';
export const TOOL_URI = 'https://www.npmjs.com/package/cdktf-guardrails';
