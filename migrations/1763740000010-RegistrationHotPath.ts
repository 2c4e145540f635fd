import type { MigrationInterface, QueryRunner } from 'typeorm';

// PLACEHOLDER: registration in fewer round trips (filled by the registration work).
export class RegistrationHotPath1763740000010 implements MigrationInterface {
  name = 'RegistrationHotPath1763740000010';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
