/**
 * Reads a V8 .cpuprofile (from `--cpu-prof`) and prints where the time went: self time by function and
 * by package/file, so a missed goal can be traced to its cause. `tsx bench/lib/profile-summary.ts <file>`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  /** µs on the monotonic clock (the one process.hrtime reads). */
  startTime: number;
}

/**
 * `window`: only samples between these two monotonic times in µs (e.g. a release time the bench printed,
 * from process.hrtime.bigint() / 1000n), to look at one phase of a run.
 */
export function summarizeProfile(path: string, top = Number(process.env['TOP'] ?? 25), window?: { fromUs: number; toUs: number }): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const file = frame.url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/.*?\/main\//, '') || '(native)';
    const pkg = file.startsWith('@') ? file.split('/').slice(0, 2).join('/') : file.split('/')[0] ?? file;
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byFile.set(pkg, (byFile.get(pkg) ?? 0) + us);
  }
  const rows = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`)
      .join('\n');
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) continue;
      const file = frame.url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/.*?\/main\//, '') || '(native)';
      const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  return `total ${(total / 1e6).toFixed(2)} s\n-- by package/file --\n${rows(byFile)}\n-- by function (self) --\n${rows(byFunction)}\n-- by function (inclusive) --\n${rows(inclusive)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // FROM_US / TO_US (monotonic µs) restrict the summary to one phase of the run.
  const fromUs = Number(process.env['FROM_US'] ?? Number.NaN);
  const toUs = Number(process.env['TO_US'] ?? Number.NaN);
  const window = Number.isFinite(fromUs) && Number.isFinite(toUs) ? { fromUs, toUs } : undefined;
  for (const path of process.argv.slice(2)) console.log(`== ${path}\n${summarizeProfile(path, undefined, window)}`);
}
