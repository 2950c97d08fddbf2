#!/usr/bin/env node
/** The `cdktf-guardrails` executable: everything happens in runCli; this only wires the process to it. */
import { processIo } from './io';
import { runCli } from './run';

void runCli(process.argv.slice(2), processIo()).then((code) => {
  // exitCode, not exit(): a large report piped to another process is flushed before node exits.
  process.exitCode = code;
});
