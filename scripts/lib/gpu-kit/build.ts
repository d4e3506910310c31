/**
 * Assembles the kit folder: run.sh; node.xz (the Node binary); natives.tar.xz (the bundled runner, sharp
 * with libvips, Dawn, the tfjs wasm binaries, the Vulkan loader); project.tar.gz (the registry, the chosen
 * articles with the content folder, the weights and images they read, and the compute code the cache keys
 * hash). The project part is sized before it is written, so the default choice of articles fits one run.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, contentDir } from '../../../src/node/paths.ts';
import { DAWN_MODULE, compressedNode, tarXz, vulkanLibraries, webgpuPackage, xzLevel } from './assets.ts';
import { bundleRunner } from './bundle.ts';
import { kitCacheDir, kitDir, TRAVEL_LIMIT } from './layout.ts';
import { chooseArticles, timingFiles, type FileSet } from './select.ts';

/**
 * What the kit needs of node_modules beside the bundle: sharp's JS and natives, and satteri's native parser
 * (the MDX scan's math); the wasm binaries are copied on their own.
 */
const MODULES = [
  'sharp',
  'detect-libc',
  'semver',
  '@img/colour',
  '@img/sharp-linux-x64',
  '@img/sharp-libvips-linux-x64',
  '@bruits/satteri-linux-x64-gnu',
];
const WASM_PACKAGE = '@tensorflow/tfjs-backend-wasm';
/** Room kept for tar's headers and the working tree's small growth. */
const SLACK = 1024 * 1024;

export interface Kit {
  dir: string;
  bytes: number;
  parts: Record<string, number>;
  articles: string[];
  skipped: string[];
}

export async function buildKit(articles?: string[]): Promise<Kit> {
  const dir = kitDir();
  const cache = kitCacheDir();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(import.meta.dirname, 'run.sh'), path.join(dir, 'run.sh'));
  copyFileSync(compressedNode(cache), path.join(dir, 'node.xz'));
  await writeNatives(path.join(cache, 'stage-natives'), path.join(dir, 'natives.tar.xz'));
  const room = TRAVEL_LIMIT - trackedBytes() - folderBytes(dir) - SLACK;
  const base = new Map([...timingFiles(), ...projectFiles()]);
  const chosen = await chooseArticles(base, articles ? Infinity : room, articles);
  const stage = path.join(cache, 'stage-project');
  stageProject(stage, chosen.files, chosen.taken);
  execFileSync('tar', ['-czf', path.join(dir, 'project.tar.gz'), '-C', stage, '.']);
  const parts = Object.fromEntries(readdirSync(dir).map((f) => [f, statSync(path.join(dir, f)).size]));
  const kit = { dir, bytes: folderBytes(dir), parts, articles: chosen.taken, skipped: chosen.skipped };
  if (kit.bytes + trackedBytes() > TRAVEL_LIMIT) {
    const over = `The kit is ${mib(kit.bytes)} and the working tree ${mib(trackedBytes())}: over the ${mib(TRAVEL_LIMIT)} one run carries.`;
    // A faster xz level (the CI test's) only warns: the default level is what travels.
    if (process.env.LAYERLENS_KIT_XZ === undefined) throw new Error(`${over} Name fewer articles (--articles).`);
    process.stderr.write(`Warning: ${over} (LAYERLENS_KIT_XZ=${xzLevel()}; the default -6 is smaller.)\n`);
  }
  return kit;
}

async function writeNatives(stage: string, target: string): Promise<void> {
  rmSync(stage, { recursive: true, force: true });
  await bundleRunner(path.join(stage, 'runner.mjs'));
  const modules = path.join(PROJECT_ROOT, 'node_modules');
  for (const name of MODULES) cpSync(path.join(modules, name), path.join(stage, 'node_modules', name), copy);
  const wasm = path.join(stage, 'node_modules', WASM_PACKAGE);
  copyFileSync(path.join(modules, WASM_PACKAGE, 'package.json'), mkdirFor(path.join(wasm, 'package.json')));
  for (const file of readdirSync(path.join(modules, WASM_PACKAGE, 'dist')).filter((f) => f.endsWith('.wasm')))
    copyFileSync(path.join(modules, WASM_PACKAGE, 'dist', file), mkdirFor(path.join(wasm, 'dist', file)));
  const webgpu = webgpuPackage(kitCacheDir());
  for (const file of ['package/index.js', 'package/package.json', 'package/LICENSE.md', DAWN_MODULE])
    copyFileSync(path.join(webgpu, file), mkdirFor(path.join(stage, 'node_modules', 'webgpu', file.slice(8))));
  cpSync(vulkanLibraries(kitCacheDir()), path.join(stage, 'lib'), { recursive: true, verbatimSymlinks: true });
  tarXz(stage, target);
}

/** The registry, the compute code (its hash is part of every cache key) and the content folder minus articles. */
function projectFiles(): FileSet {
  const files: FileSet = new Map();
  const walk = (folder: string, keep: (file: string) => boolean, into = folder) => {
    for (const file of readdirSync(path.join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' })) {
      const full = path.join(PROJECT_ROOT, folder, file);
      if (statSync(full).isFile() && keep(file)) files.set(path.join(into, file), statSync(full).size);
    }
  };
  walk('models/registry', () => true);
  for (const folder of ['src/engine', 'src/figures']) walk(folder, (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  walk(path.relative(PROJECT_ROOT, contentDir()), (f) => !f.startsWith(`articles${path.sep}`), 'content');
  return files;
}

/** Copies the files into the staging folder (content from wherever LAYERLENS_CONTENT points) and the articles. */
function stageProject(stage: string, files: FileSet, articles: string[]): void {
  rmSync(stage, { recursive: true, force: true });
  const content = path.relative(PROJECT_ROOT, contentDir());
  for (const file of files.keys()) {
    const source = file.startsWith(`content${path.sep}`) ? path.join(content, file.slice(8)) : file;
    copyFileSync(path.join(PROJECT_ROOT, source), mkdirFor(path.join(stage, file)));
  }
  for (const slug of articles)
    copyFileSync(
      path.join(contentDir(), 'articles', `${slug}.mdx`),
      mkdirFor(path.join(stage, 'content', 'articles', `${slug}.mdx`)),
    );
}

/** The size of the files git tracks: they travel with every run of the device tool. */
function trackedBytes(): number {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: PROJECT_ROOT }).toString().split('\0').filter(Boolean);
  return files.reduce((sum, f) => sum + (statSafe(path.join(PROJECT_ROOT, f)) ?? 0), 0);
}

const statSafe = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
};
const folderBytes = (dir: string) => readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
const mkdirFor = (file: string) => (mkdirSync(path.dirname(file), { recursive: true }), file);
const copy = { recursive: true, dereference: true } as const;
export const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
