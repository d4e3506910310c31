/**
 * What the kit brings besides the project's own files, fetched or made once and kept in the kit cache:
 * Dawn's linux-x64 module from the `webgpu` package (`npm pack`, never a dependency), the Vulkan loader and
 * its GL/EGL companions from Debian (`apt-get download`: a bare machine with an NVIDIA driver has the ICD
 * but no loader), and the compressed Node binary. Compressed parts are cached by their inputs and xz level.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/node/paths.ts';
import { hashOf } from '../../../src/figures/key.ts';

export const WEBGPU_PACKAGE = 'webgpu@0.6.2';
/** Dawn's module inside the package, for this machine's kind (x86-64 Linux). */
export const DAWN_MODULE = 'package/dist/linux-x64/dawn.node';
/** The loader and what the NVIDIA ICD (libGLX_nvidia) links against; the driver itself is the machine's. */
export const DEBIAN_PACKAGES = ['libvulkan1', 'libglvnd0', 'libegl1', 'libgl1', 'libglx0', 'libopengl0', 'libgles2'];

/** xz's preset: -6 by default; LAYERLENS_KIT_XZ=-0 trades size for speed (the CI test). */
export const xzLevel = (): string => process.env.LAYERLENS_KIT_XZ ?? '-6';

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 26 }).toString();

/** The unpacked `webgpu` package's Dawn module and its licence: the folder holding `package/`. */
export function webgpuPackage(cache: string): string {
  const dir = path.join(cache, 'webgpu');
  if (existsSync(path.join(dir, DAWN_MODULE))) return dir;
  mkdirSync(dir, { recursive: true });
  const tgz = run('npm', ['pack', WEBGPU_PACKAGE, '--silent'], dir).trim().split('\n').pop()!;
  run('tar', ['-xzf', tgz, 'package/index.js', 'package/package.json', 'package/LICENSE.md', DAWN_MODULE], dir);
  return dir;
}

/** The Debian packages' files, unpacked (dpkg-deb -x) into one folder whose usr/lib/x86_64-linux-gnu the kit ships. */
export function vulkanLibraries(cache: string): string {
  const dir = path.join(cache, 'vulkan');
  const libs = path.join(dir, 'root', 'usr', 'lib', 'x86_64-linux-gnu');
  if (existsSync(path.join(libs, 'libvulkan.so.1'))) return libs;
  const debs = path.join(dir, 'debs');
  mkdirSync(debs, { recursive: true });
  try {
    run('apt-get', ['download', ...DEBIAN_PACKAGES], debs);
  } catch {
    run('apt-get', ['update', '-qq'], debs); // a fresh machine's package lists are empty
    run('apt-get', ['download', ...DEBIAN_PACKAGES], debs);
  }
  for (const deb of readdirSync(debs).filter((f) => f.endsWith('.deb')))
    run('dpkg-deb', ['-x', path.join(debs, deb), path.join(dir, 'root')], dir);
  return libs;
}

/** The Node binary that runs the project's scripts (the `node` npm package's), stripped and xz-compressed. */
export function compressedNode(cache: string): string {
  const binary = path.join(PROJECT_ROOT, 'node_modules', 'node', 'bin', 'node');
  const stat = statSync(binary);
  const target = path.join(cache, `node-${hashOf(`${stat.size}:${stat.mtimeMs}:${xzLevel()}`).slice(0, 12)}.xz`);
  if (existsSync(target)) return target;
  mkdirSync(cache, { recursive: true });
  const stripped = path.join(cache, 'node.stripped');
  // The symbol table only: the dynamic symbols native modules link against stay.
  run('strip', ['-o', stripped, binary], cache);
  compressFile(stripped, `${target}.tmp`);
  renameSync(`${target}.tmp`, target);
  return target;
}

/** `xz` into `target` (the source is removed). */
export function compressFile(source: string, target: string): void {
  execFileSync('sh', ['-c', `xz -T2 ${xzLevel()} -c "$0" > "$1" && rm "$0"`, source, target]);
}

/** A folder's contents as one tar.xz. */
export function tarXz(folder: string, target: string): void {
  execFileSync('sh', ['-c', `tar -C "$0" -cf - . | xz -T2 ${xzLevel()} > "$1"`, folder, target]);
}
