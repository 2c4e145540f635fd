// node --test tools/lint/: the project's lint rules on a few cases each (npm run lint runs it).
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import local, { tablesNamed } from './local-rules.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' } });
const at = (path) => join(process.cwd(), path);

tester.run('public-faces-only', local.rules['public-faces-only'], {
  valid: [
    { code: "import { EventsService } from '#programme/index.js';", filename: at('libs/registration/src/x.ts') },
    { code: "import { type PublicSessionDto } from '#programme/index.js';", filename: at('test/e2e/x.e2e-spec.ts') },
    { code: "import { EventsService } from '#programme/events/events.service.js';", filename: at('libs/programme/src/public/x.ts') },
    { code: "import { AuditService } from '#core/audit/audit.service.js';", filename: at('libs/programme/src/x.ts') },
    { code: "import { TestStack } from '#testing/test-stack.js';", filename: at('test/e2e/x.e2e-spec.ts') },
  ],
  invalid: [
    { code: "import { EventsService } from '#programme/events/events.service.js';", filename: at('libs/registration/src/x.ts'), errors: [{ messageId: 'deep' }] },
    { code: "import type { RenderPool } from '#agenda/render/render-pool.js';", filename: at('apps/worker/src/x.ts'), errors: [{ messageId: 'deep' }] },
    { code: "export { DemoSeeder } from '#demo/demo-seeder.service.js';", filename: at('bench/x.ts'), errors: [{ messageId: 'deep' }] },
    { code: "const m = await import('#identity/users/users.service.js');", filename: at('test/e2e/x.ts'), errors: [{ messageId: 'deep' }] },
    { code: "import { OutcomesModule } from '#outcomes/index.js';", filename: at('libs/outcomes/src/x.ts'), errors: [{ messageId: 'ownFace' }] },
  ],
});

tester.run('own-tables-only', local.rules['own-tables-only'], {
  valid: [
    { code: 'q(`SELECT id FROM session WHERE event_id = $1`);', filename: at('libs/programme/src/x.ts') },
    { code: "q('INSERT INTO audit_log (action) VALUES ($1)');", filename: at('libs/core/src/x.ts') },
    { code: "throw new Error('Loaded from the 2025 reports; update session times by hand');", filename: at('libs/registration/src/x.ts') },
    { code: "insertIfAbsent(manager, 'organisation', row);", filename: at('libs/demo/src/x.ts') },
  ],
  invalid: [
    {
      code: 'q(`SELECT r.id FROM registration r JOIN session s ON s.id = $1 JOIN room rm ON rm.id = s.room_id`);',
      filename: at('libs/registration/src/x.ts'),
      errors: [{ messageId: 'foreign', data: { table: 'session', owner: 'programme' } }, { messageId: 'foreign', data: { table: 'room', owner: 'programme' } }],
    },
    { code: "q('DELETE FROM notification WHERE user_id = $1');", filename: at('libs/identity/src/x.ts'), errors: [{ messageId: 'foreign' }] },
    { code: 'q(`UPDATE ${"x"} SET a = 1; UPDATE event SET status = $1`);', filename: at('libs/registration/src/x.ts'), errors: [{ messageId: 'foreign' }] },
    { code: "q('SELECT 1 FROM outbox');", filename: at('apps/worker/src/x.ts'), errors: [{ messageId: 'foreign', data: { table: 'outbox', owner: 'core' } }] },
  ],
});

describe('tablesNamed', () => {
  it('reads the tables after the SQL keywords, known tables only', async () => {
    const { deepStrictEqual } = await import('node:assert');
    deepStrictEqual(tablesNamed('SELECT * FROM "event" e LEFT JOIN venue v ON true; INSERT INTO unknown_table'), ['event', 'venue']);
  });
});
