/**
 * Initial JS size: builds the page for production into a temporary folder and gzips the JS that
 * index.html loads before anything else: the entry chunk and its static imports (followed through
 * Vite's manifest), not the chunks loaded later (workers, lazy views).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './table';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
}

type Manifest = Record<string, ManifestChunk>;

function build(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'error'];
    execFile('npx', args, { encoding: 'utf8', maxBuffer: 1 << 24 }, (error, _stdout, stderr) => (error === null ? resolve() : reject(new Error(stderr.trim() || error.message))));
  });
}

/** Every chunk the entry pulls in statically, the entry first. */
export function initialChunks(manifest: Manifest): string[] {
  const entry = Object.keys(manifest).find((key) => key.endsWith('index.html') && manifest[key]?.isEntry === true) ?? Object.keys(manifest).find((key) => manifest[key]?.isEntry === true);
  if (entry === undefined) throw new Error('the build manifest has no entry');
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const next of manifest[key]?.imports ?? []) visit(next);
  };
  visit(entry);
  return [...seen].map((key) => manifest[key]?.file ?? key).filter((file) => file.endsWith('.js'));
}

/** The JS index.html itself names: module scripts and modulepreload links. */
export function scriptsOfHtml(html: string): string[] {
  const found = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  return found.map((m) => (m[1] ?? m[2] ?? '').replace(/^\.?\//, '')).filter((f) => f !== '');
}

export async function measureInitialJs(): Promise<BenchRow> {
  const outDir = mkdtempSync(join(tmpdir(), 'distlab-bench-build-'));
  const base = { id: 'initial-js', label: 'initial JS, gzip', unit: 'KB', better: 'lower', target: 200 } as const;
  try {
    await build(outDir);
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const fromManifest = initialChunks(manifest);
    // The manifest's static graph and the page's own tags should agree; count the union if not.
    const fromHtml = scriptsOfHtml(readFileSync(join(outDir, 'index.html'), 'utf8'));
    const files = [...new Set([...fromManifest, ...fromHtml])];
    const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file))).length, 0);
    const agree = files.length === fromManifest.length && files.length === fromHtml.length ? '' : ' (manifest and index.html disagree: counted both)';
    return { ...base, value: bytes / 1024, note: `vite build (production), gzip level 6, entry + static imports${agree}: ${files.join(', ')}` };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    return { ...base, value: null, note: `the build failed: ${message}` };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
