/**
 * Entry wrapper for every server the bench starts, compiled (bench/lib/processes.ts):
 * `node dist/bench/bench/servers/with-probe.js <script.js>` installs the probe, then runs the script unchanged (src/main.ts, a baseline, ...). A wrapper rather than
 * an `--import`: worker threads inherit the process's flags, and must not load the probe.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import './probe.js';

const script = process.argv[2];
if (!script) throw new Error('usage: with-probe.js <script>');
// The script sees the argv it would have had when started directly.
process.argv.splice(1, 2, resolve(script));
await import(pathToFileURL(resolve(script)).href);
