#!/usr/bin/env node
/** The `cdktf-guardrails` executable: everything happens in runCli; this only wires the process to it. */
// First, so the engine is tuned before the rest is compiled (see tiering.ts).
import './tiering';
import { processIo } from './io';
import { runCli } from './run';

void runCli(process.argv.slice(2), processIo()).then((code) => {
  // exitCode, not exit(): a large report piped to another process is flushed before node exits.
  process.exitCode = code;
});
