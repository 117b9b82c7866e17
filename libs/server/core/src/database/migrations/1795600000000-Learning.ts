import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Course authoring, versions, files and review history (docs/learning.md), plus the stemmed catalog search index. */
export class Learning1795600000000 implements MigrationInterface {
  name = 'Learning1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE course (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      agency_id uuid NOT NULL CONSTRAINT course_agency_id_fkey REFERENCES agency(id),
      title text NOT NULL,
      description text NOT NULL,
      objectives jsonb NOT NULL,
      competency_kind text NOT NULL CONSTRAINT course_competency_kind_check CHECK (competency_kind IN ('teknis','manajerial','sosial_kultural')),
      learning_method text NOT NULL CONSTRAINT course_learning_method_check
        CHECK (learning_method IN ('e_learning','blended','klasikal','webinar','pelatihan_jarak_jauh','magang','coaching','mentoring','seminar','workshop')),
      jenis_diklat_id int NOT NULL CONSTRAINT course_jenis_diklat_id_check CHECK (jenis_diklat_id BETWEEN 1 AND 25),
      jp numeric(5,1) NOT NULL CONSTRAINT course_jp_check CHECK (jp > 0),
      level text NOT NULL CONSTRAINT course_level_check CHECK (level IN ('dasar','menengah','lanjut')),
      tags text[] NOT NULL,
      cover_file_id uuid,
      visibility text NOT NULL CONSTRAINT course_visibility_check CHECK (visibility IN ('agency','province','national')),
      enrolment_mode text NOT NULL CONSTRAINT course_enrolment_mode_check CHECK (enrolment_mode IN ('open','approval','assigned_only')),
      prerequisite_course_ids uuid[] NOT NULL,
      completion_rule jsonb NOT NULL,
      status text NOT NULL DEFAULT 'draft' CONSTRAINT course_status_check CHECK (status IN ('draft','in_review','published','archived')),
      current_version_id uuid,
      search_stems text NOT NULL,
      created_by uuid CONSTRAINT course_created_by_fkey REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX ix_course_agency ON course (agency_id)`);
    await q.query(`CREATE INDEX ix_course_status ON course (status)`);
    // Catalog search: the query is stemmed like the text, so a 'simple' (non-stemming) configuration is right here.
    await q.query(`CREATE INDEX ix_course_search ON course USING gin (to_tsvector('simple', search_stems))`);

    await q.query(`CREATE TABLE course_author (
      course_id uuid NOT NULL CONSTRAINT course_author_course_id_fkey REFERENCES course(id),
      employee_id uuid NOT NULL CONSTRAINT course_author_employee_id_fkey REFERENCES employee(id),
      role text NOT NULL CONSTRAINT course_author_role_check CHECK (role IN ('owner','co_author')),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (course_id, employee_id)
    )`);
    await q.query(`CREATE INDEX ix_course_author_employee ON course_author (employee_id)`);

    await q.query(`CREATE TABLE course_module (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL CONSTRAINT course_module_course_id_fkey REFERENCES course(id),
      position int NOT NULL,
      title text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX ix_course_module_course ON course_module (course_id, position)`);

    await q.query(`CREATE TABLE lesson (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL CONSTRAINT lesson_course_id_fkey REFERENCES course(id),
      module_id uuid NOT NULL CONSTRAINT lesson_module_id_fkey REFERENCES course_module(id) ON DELETE CASCADE,
      position int NOT NULL,
      kind text NOT NULL CONSTRAINT lesson_kind_check CHECK (kind IN ('text','video','document','file','link','quiz','assignment','live')),
      title text NOT NULL,
      required boolean NOT NULL DEFAULT true,
      content jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX ix_lesson_course ON lesson (course_id)`);
    await q.query(`CREATE INDEX ix_lesson_module ON lesson (module_id, position)`);

    await q.query(`CREATE TABLE course_file (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL CONSTRAINT course_file_course_id_fkey REFERENCES course(id),
      purpose text NOT NULL CONSTRAINT course_file_purpose_check CHECK (purpose IN ('cover','video','document','file','assignment')),
      storage_key text NOT NULL,
      file_name text NOT NULL,
      mime text NOT NULL,
      size bigint NOT NULL CONSTRAINT course_file_size_check CHECK (size >= 0),
      uploaded_by uuid CONSTRAINT course_file_uploaded_by_fkey REFERENCES user_account(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX ix_course_file_course ON course_file (course_id)`);

    await q.query(`CREATE TABLE course_version (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL CONSTRAINT course_version_course_id_fkey REFERENCES course(id),
      version_no int NOT NULL,
      snapshot jsonb NOT NULL,
      jp numeric(5,1) NOT NULL,
      requires_upgrade boolean NOT NULL,
      published_by uuid CONSTRAINT course_version_published_by_fkey REFERENCES user_account(id),
      published_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT uq_course_version_course_no UNIQUE (course_id, version_no)
    )`);

    await q.query(`CREATE TABLE course_review_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      course_id uuid NOT NULL CONSTRAINT course_review_event_course_id_fkey REFERENCES course(id),
      action text NOT NULL CONSTRAINT course_review_event_action_check CHECK (action IN ('submit','publish','return','archive')),
      actor uuid CONSTRAINT course_review_event_actor_fkey REFERENCES user_account(id),
      note text,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX ix_course_review_event_course ON course_review_event (course_id, at)`);

    // course ↔ course_file and course ↔ course_version point at each other: add these once both tables exist.
    await q.query(
      `ALTER TABLE course ADD CONSTRAINT course_cover_file_id_fkey FOREIGN KEY (cover_file_id) REFERENCES course_file(id) ON DELETE SET NULL`,
    );
    await q.query(
      `ALTER TABLE course ADD CONSTRAINT course_current_version_id_fkey FOREIGN KEY (current_version_id) REFERENCES course_version(id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course DROP CONSTRAINT IF EXISTS course_cover_file_id_fkey`);
    await q.query(`ALTER TABLE course DROP CONSTRAINT IF EXISTS course_current_version_id_fkey`);
    for (const t of [
      'course_review_event',
      'course_version',
      'course_file',
      'lesson',
      'course_module',
      'course_author',
      'course',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
