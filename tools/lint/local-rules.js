// The project's own lint rules (plugin "local" in eslint.config.js): the boundaries between the libraries.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';

/** Libraries with a public face (libs/<name>/src/index.ts). core and testing are toolkits, imported by path. */
export const FACED = ['identity', 'messaging', 'programme', 'registration', 'outcomes', 'agenda', 'demo'];

const owners = JSON.parse(readFileSync(new URL('./table-owners.json', import.meta.url), 'utf8'));
/** table -> owning library */
export const TABLE_OWNER = new Map(
  Object.entries(owners)
    .filter(([owner]) => owner !== '//')
    .flatMap(([owner, tables]) => tables.map((table) => [table, owner])),
);

/** The library a file belongs to ('programme' for libs/programme/...), or null for apps, test and bench. */
function libraryOf(context) {
  const parts = relative(context.cwd, context.filename).split(sep);
  return parts[0] === 'libs' ? parts[1] : null;
}

const DEEP = new RegExp(`^#(${FACED.join('|')})/(.+)$`);

const publicFacesOnly = {
  meta: {
    type: 'problem',
    docs: { description: "Another library is reached through its face (#programme/index.js); a library's own files import each other relatively." },
    schema: [],
    messages: {
      deep: "Import '{{source}}' through the library's face, #{{library}}/index.js (export it there: node scripts/use-public-faces.mjs).",
      ownFace: "libs/{{library}} imports its own face '{{source}}': import the file relatively, or the face becomes an ESM cycle.",
    },
  },
  create(context) {
    const own = libraryOf(context);
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const match = DEEP.exec(node.source.value);
      if (!match) return;
      const [, library, path] = match;
      const data = { source: node.source.value, library };
      if (library === own) {
        if (path === 'index.js') context.report({ node: node.source, messageId: 'ownFace', data });
      } else if (path !== 'index.js') context.report({ node: node.source, messageId: 'deep', data });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

// A keyword that names a table next, as in the SQL of this code base (upper case keywords, lower case names).
const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|DELETE\s+FROM|TABLE)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/g;

/** Every table an SQL text names after FROM, JOIN, INTO, UPDATE, DELETE FROM or TABLE. */
export function tablesNamed(text) {
  return [...text.matchAll(SQL_TABLE)].map((m) => m[1]).filter((table) => TABLE_OWNER.has(table));
}

const ownTablesOnly = {
  meta: {
    type: 'problem',
    docs: { description: "SQL in a library names only that library's tables; another library's data is read through its repositories." },
    schema: [],
    messages: {
      foreign: "SQL names '{{table}}', a table of {{owner}}: call {{owner}}'s repository (libs/{{owner}}) instead (tools/lint/table-owners.json).",
    },
  },
  create(context) {
    // apps own no table: for them every table is another library's.
    const own = libraryOf(context);
    const check = (node, text) => {
      for (const table of new Set(tablesNamed(text))) {
        const owner = TABLE_OWNER.get(table);
        if (owner !== own) context.report({ node, messageId: 'foreign', data: { table, owner } });
      }
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      // The placeholders stand for values (${...}), so the text between them is read as one.
      TemplateLiteral(node) {
        check(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('$1'));
      },
    };
  },
};

export default { meta: { name: 'local' }, rules: { 'public-faces-only': publicFacesOnly, 'own-tables-only': ownTablesOnly } };
