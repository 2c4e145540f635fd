import 'reflect-metadata';
import { loadConfigOrExit } from '#core/config/app-config.js';
import { prepareDatabase } from './prepare-database.js';

/** `npm run migrate` and the compose file's one-shot service: migrations and the first admin, then exit. */
const config = loadConfigOrExit();
try {
  await prepareDatabase(config, (line) => process.stdout.write(`${line}\n`));
  process.exit(0);
} catch (error) {
  process.stderr.write(`migration failed: ${(error as Error).message}\n`);
  process.exit(1);
}
