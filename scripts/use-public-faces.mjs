#!/usr/bin/env node
// Rewrites deep imports across libraries (`#programme/events/events.service.js` from outside libs/programme) into
// imports of the library's public face (`#programme/index.js`), and adds what they import to that face
// (libs/<domain>/src/index.ts) when it is missing. Idempotent: a second run changes nothing.
//
//   node scripts/use-public-faces.mjs           rewrite, and print every file it changed
//   node scripts/use-public-faces.mjs --check   change nothing; exit 1 when a run would change something
//   node scripts/use-public-faces.mjs --faces-only   only add what is missing to the faces; leave the imports
//
// Why a script: the faces must follow the code. After merging branches that add cross-library imports, run it
// again; then `npx tsc -p tsconfig.json --noEmit` and `npx eslint .` (rule local/public-faces-only) confirm.
// core and testing have no face (see README, "Libraries and their public faces"), so their imports stay as they are.
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import ts from 'typescript';

const ROOT = new URL('..', import.meta.url).pathname;
const DOMAINS = ['identity', 'messaging', 'programme', 'registration', 'outcomes', 'agenda', 'demo'];
const SCANNED = ['apps', 'libs', 'test', 'bench'];
const SKIPPED = [join('apps', 'console'), 'node_modules', 'dist'];
const check = process.argv.includes('--check');
const facesOnly = process.argv.includes('--faces-only');
const DEEP = new RegExp(`^#(${DOMAINS.join('|')})/(.+)\\.js$`);

function tsFiles(dir) {
  const out = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (SKIPPED.includes(path)) continue;
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...tsFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const parse = (path, text) => ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
const ownDomain = (path) => (path.split(sep)[0] === 'libs' ? path.split(sep)[1] : null);
const facePath = (domain) => join('libs', domain, 'src', 'index.ts');

/** Whether `name`, exported by the file at `path`, is a type only (so the face must say `export type`). */
const typeCache = new Map();
function isTypeOnly(path, name) {
  if (!typeCache.has(path)) {
    const source = parse(path, readFileSync(join(ROOT, path), 'utf8'));
    const types = new Set();
    for (const node of source.statements) {
      const exported = ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export;
      if (exported && (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node))) types.add(node.name.text);
      if (ts.isExportDeclaration(node) && node.exportClause && ts.isNamedExports(node.exportClause)) {
        for (const e of node.exportClause.elements) if (node.isTypeOnly || e.isTypeOnly) types.add(e.name.text);
      }
    }
    typeCache.set(path, types);
  }
  return typeCache.get(path).has(name);
}

/** The face as it stands: exported name -> module path ('./events/events.service.js'). */
function readFace(domain) {
  const faces = new Map();
  const path = facePath(domain);
  if (!existsSync(join(ROOT, path))) return faces;
  const source = parse(path, readFileSync(join(ROOT, path), 'utf8'));
  for (const node of source.statements) {
    if (!ts.isExportDeclaration(node) || !node.moduleSpecifier || !node.exportClause || !ts.isNamedExports(node.exportClause)) continue;
    for (const e of node.exportClause.elements) faces.set(e.name.text, node.moduleSpecifier.text);
  }
  return faces;
}

function writeFace(domain, names) {
  const byModule = new Map();
  for (const [name, module] of names) {
    if (!byModule.has(module)) byModule.set(module, []);
    byModule.get(module).push(name);
  }
  const lines = [...byModule.keys()].sort().map((module) => {
    const file = join('libs', domain, 'src', module.replace(/^\.\//, '').replace(/\.js$/, '.ts'));
    const specifiers = byModule.get(module).sort().map((name) => (isTypeOnly(file, name) ? `type ${name}` : name));
    const allTypes = specifiers.every((s) => s.startsWith('type '));
    return allTypes
      ? `export type { ${specifiers.map((s) => s.slice(5)).join(', ')} } from '${module}';`
      : `export { ${specifiers.join(', ')} } from '${module}';`;
  });
  return [
    `// The public face of libs/${domain}: what other libraries, the apps, test/ and bench/ may import (#${domain}/index.js).`,
    `// Kept by scripts/use-public-faces.mjs (it adds what other code imports); files inside libs/${domain} import each`,
    `// other relatively, never through this file, so the face cannot close an import cycle.`,
    ...lines,
    '',
  ].join('\n');
}

const files = SCANNED.flatMap(tsFiles);
const faces = new Map(DOMAINS.map((d) => [d, readFace(d)]));
const originalFaces = new Map(DOMAINS.map((d) => [d, new Map(faces.get(d))]));
const problems = [];
const rewrites = [];
const edges = new Map(); // runtime imports between libraries, to report a cycle

for (const path of files) {
  const own = ownDomain(path);
  const text = readFileSync(join(ROOT, path), 'utf8');
  const source = parse(path, text);
  const perDomain = new Map(); // domain -> { specifiers: [{ text, type }], nodes: [] }
  for (const node of source.statements) {
    if (!(ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) || !node.moduleSpecifier) continue;
    const match = DEEP.exec(node.moduleSpecifier.text);
    if (!match) continue;
    const [, domain, module] = match;
    if (domain === own) continue;
    if (own && own !== 'testing' && !/\.(service-)?spec\.ts$/.test(path)) {
      const typeOnly = ts.isImportDeclaration(node) && node.importClause?.isTypeOnly;
      if (!typeOnly) (edges.get(own) ?? edges.set(own, new Set()).get(own)).add(domain);
    }
    const where = `${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    if (ts.isExportDeclaration(node)) {
      if (module !== 'index') problems.push(`${where}: re-exports from ${node.moduleSpecifier.text}; import and export it by hand`);
      continue;
    }
    const clause = node.importClause;
    if (!clause || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) {
      problems.push(`${where}: only named imports can move to #${domain}/index.js`);
      continue;
    }
    const entry = perDomain.get(domain) ?? perDomain.set(domain, { specifiers: [], nodes: [] }).get(domain);
    entry.nodes.push(node);
    for (const e of clause.namedBindings.elements) {
      const imported = (e.propertyName ?? e.name).text;
      const local = e.name.text;
      entry.specifiers.push({ text: imported === local ? imported : `${imported} as ${local}`, type: clause.isTypeOnly || e.isTypeOnly });
      if (module === 'index') continue;
      const target = `./${module}.js`;
      const face = faces.get(domain);
      if (face.has(imported) && face.get(imported) !== target) {
        problems.push(`${where}: #${domain}/index.js already exports ${imported} from ${face.get(imported)}, not ${target}`);
      } else face.set(imported, target);
    }
  }
  // A file that already imports only the face once, with nothing deep, is left as it is (idempotence).
  const changed = [...perDomain].filter(
    ([domain, e]) => e.nodes.length > 1 || e.nodes.some((n) => n.moduleSpecifier.text !== `#${domain}/index.js`),
  );
  if (!changed.length) continue;
  let out = text;
  const edits = [];
  for (const [domain, entry] of changed) {
    const seen = new Map();
    for (const s of entry.specifiers) seen.set(s.text, (seen.get(s.text) ?? true) && s.type);
    const specs = [...seen].sort(([a], [b]) => a.localeCompare(b));
    const allTypes = specs.every(([, type]) => type);
    const merged = allTypes
      ? `import type { ${specs.map(([t]) => t).join(', ')} } from '#${domain}/index.js';`
      : `import { ${specs.map(([t, type]) => (type ? `type ${t}` : t)).join(', ')} } from '#${domain}/index.js';`;
    entry.nodes.forEach((node, i) => {
      let end = node.getEnd();
      if (i > 0 && text[end] === '\n') end += 1;
      edits.push({ start: node.getStart(), end, text: i === 0 ? merged : '' });
    });
  }
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  rewrites.push({ path, out, domains: changed.map(([d]) => d) });
}

let changes = 0;
for (const domain of DOMAINS) {
  const before = originalFaces.get(domain);
  const after = faces.get(domain);
  const added = [...after.keys()].filter((name) => !before.has(name));
  const path = facePath(domain);
  const next = writeFace(domain, after);
  const current = existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), 'utf8') : null;
  if (current === next || (after.size === 0 && current === null)) continue;
  changes += 1;
  console.log(`${path}: ${current === null ? 'created' : 'updated'}${added.length ? `, adds ${added.sort().join(', ')}` : ''}`);
  if (!check) writeFileSync(join(ROOT, path), next);
}
for (const { path, out, domains } of facesOnly ? [] : rewrites) {
  changes += 1;
  console.log(`${path}: imports ${domains.map((d) => `#${d}/index.js`).join(', ')}`);
  if (!check) writeFileSync(join(ROOT, path), out);
}

// The libraries must stay a directed acyclic graph: a face loads its whole library, so a cycle would be an ESM cycle.
const visiting = new Set();
const done = new Set();
function cycleFrom(domain, trail) {
  if (visiting.has(domain)) return [...trail, domain];
  if (done.has(domain)) return null;
  visiting.add(domain);
  for (const next of edges.get(domain) ?? []) {
    const cycle = cycleFrom(next, [...trail, domain]);
    if (cycle) return cycle;
  }
  visiting.delete(domain);
  done.add(domain);
  return null;
}
for (const domain of edges.keys()) {
  const cycle = cycleFrom(domain, []);
  if (cycle) problems.push(`libraries import each other in a cycle: ${cycle.join(' -> ')}`);
}
console.log(`libraries (runtime imports): ${[...edges].map(([d, to]) => `${d} -> ${[...to].sort().join(', ')}`).join('; ')}`);

for (const problem of problems) console.error(`problem: ${problem}`);
console.log(changes ? `${changes} file(s) ${check ? 'would change' : 'changed'}` : 'nothing to change');
process.exit(problems.length || (check && changes) ? 1 : 0);
