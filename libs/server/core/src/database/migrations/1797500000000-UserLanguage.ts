import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * user_account.language: the language the user chose (Bahasa Indonesia or English), kept in the profile so that the
 * web applies it at sign-in and the API answers in it when a request names none (issue 15, decision 0026).
 */
export class UserLanguage1797500000000 implements MigrationInterface {
  name = 'UserLanguage1797500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_account ADD COLUMN language text NOT NULL DEFAULT 'id'`);
    await q.query(
      `ALTER TABLE user_account ADD CONSTRAINT user_account_language_check CHECK (language IN ('id','en'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE user_account DROP CONSTRAINT user_account_language_check`);
    await q.query(`ALTER TABLE user_account DROP COLUMN language`);
  }
}
