#!/usr/bin/env node
/** The `cdktf-guardrails` executable: everything happens in runCli; this only wires the process to it. */
// First, so the engine is tuned before the rest is compiled (see tiering.ts).
import './tiering';
import { isMainThread } from 'worker_threads';
import { processIo, workerIo } from './io';
import { runsIsolated, runIsolated } from './isolation';
import { runCli } from './run';

const argv = process.argv.slice(2);
const io = isMainThread ? processIo() : workerIo();
// A large input is checked in a worker, where running out of memory is an error we can report (isolation.ts).
const run = isMainThread && runsIsolated(argv, io.cwd) ? runIsolated(__filename, argv, io) : runCli(argv, io);
void run.then((code) => {
  // exitCode, not exit(): a large report piped to another process is flushed before node exits.
  process.exitCode = code;
});
