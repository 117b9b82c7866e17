import type { AuditChange } from './api';
import type { Language } from './error-messages';

/**
 * The audit log in words (issue 15): "Kursus «Pelayanan Publik Prima» diterbitkan oleh Dra. Ni Made …", and its
 * before/after as a list of changed fields. Pure: the same words on screen and in the CSV export, in either language.
 */

interface Words {
  /** The kind of object, e.g. "Kursus" / "Course". */
  object: Record<Language, string>;
  /** What happened to it, e.g. "diterbitkan" / "published". */
  verb: Record<Language, string>;
}

const OBJECTS: Record<string, Record<Language, string>> = {
  course: { id: 'Kursus', en: 'Course' },
  course_module: { id: 'Modul', en: 'Module' },
  lesson: { id: 'Pelajaran', en: 'Lesson' },
  course_file: { id: 'Berkas kursus', en: 'Course file' },
  course_author: { id: 'Penulis kursus', en: 'Course author' },
  course_author_invitation: { id: 'Undangan penulis', en: 'Author invitation' },
  quiz: { id: 'Kuis', en: 'Quiz' },
  question: { id: 'Soal', en: 'Question' },
  question_category: { id: 'Kategori soal', en: 'Question category' },
  quiz_answer: { id: 'Jawaban kuis', en: 'Quiz answer' },
  assignment_submission: { id: 'Tugas peserta', en: 'Assignment submission' },
  enrolment: { id: 'Pendaftaran', en: 'Enrolment' },
  employee: { id: 'Pegawai', en: 'Employee' },
  employee_import: { id: 'Impor pegawai', en: 'Employee import' },
  user_account: { id: 'Akun', en: 'Account' },
  user: { id: 'Akun', en: 'Account' },
  role_assignment: { id: 'Peran', en: 'Role' },
  role: { id: 'Peran', en: 'Role' },
  agency: { id: 'Instansi', en: 'Agency' },
  work_unit: { id: 'Unit kerja', en: 'Work unit' },
  jp_rule_set: { id: 'Aturan JP', en: 'JP rules' },
  jp_ledger_line: { id: 'Baris buku JP', en: 'JP ledger line' },
  jp_claim: { id: 'Klaim JP', en: 'JP claim' },
  certificate: { id: 'Sertifikat', en: 'Certificate' },
  certificate_template: { id: 'Templat sertifikat', en: 'Certificate template' },
  siasn_credential: { id: 'Kredensial SIASN', en: 'SIASN credentials' },
  siasn_push: { id: 'Pengiriman SIASN', en: 'SIASN delivery' },
};

const VERBS: Record<string, Record<Language, string>> = {
  create: { id: 'dibuat', en: 'created' },
  update: { id: 'diubah', en: 'updated' },
  delete: { id: 'dihapus', en: 'deleted' },
  archive: { id: 'diarsipkan', en: 'archived' },
  publish: { id: 'diterbitkan', en: 'published' },
  submit: { id: 'diajukan untuk ditinjau', en: 'submitted for review' },
  return: { id: 'dikembalikan ke penulis', en: 'returned to the authors' },
  outline: { id: 'disusun ulang', en: 'reordered' },
  upload: { id: 'diunggah', en: 'uploaded' },
  add: { id: 'ditambahkan', en: 'added' },
  remove: { id: 'dihapus', en: 'removed' },
  accept: { id: 'diterima', en: 'accepted' },
  decline: { id: 'ditolak', en: 'declined' },
  import: { id: 'diimpor', en: 'imported' },
  grade: { id: 'dinilai', en: 'graded' },
  assign: { id: 'ditugaskan', en: 'assigned' },
  approve: { id: 'disetujui', en: 'approved' },
  reject: { id: 'ditolak', en: 'rejected' },
  attendance: { id: 'presensinya dicatat', en: 'attendance recorded' },
  grant: { id: 'diberikan', en: 'granted' },
  revoke: { id: 'dicabut', en: 'revoked' },
  verify: { id: 'diverifikasi', en: 'verified' },
  reverse: { id: 'dibatalkan', en: 'reversed' },
  reissue: { id: 'diterbitkan ulang', en: 're-issued' },
  resend: { id: 'dikirim ulang', en: 'sent again' },
  password_change: { id: 'kata sandinya diubah', en: 'password changed' },
  password_reset: { id: 'kata sandinya diatur ulang', en: 'password reset' },
  setup_link_used: { id: 'diaktifkan dengan tautan', en: 'activated with a setup link' },
  email_change_requested: { id: 'diminta ganti email', en: 'email change requested' },
  email_confirmed: { id: 'email barunya dikonfirmasi', en: 'new email confirmed' },
  email_declined: { id: 'email barunya ditolak', en: 'new email declined' },
};

/** The actions the log knows, for the action filter (object.verb). */
export const AUDIT_ACTIONS = [
  'agency.create',
  'agency.update',
  'work_unit.create',
  'work_unit.update',
  'employee.create',
  'employee.update',
  'employee_import.create',
  'user.create',
  'user.password_change',
  'user.password_reset',
  'user.setup_link_used',
  'user.email_change_requested',
  'user.email_confirmed',
  'user.email_declined',
  'role.grant',
  'role.revoke',
  'course.create',
  'course.update',
  'course.outline',
  'course.submit',
  'course.publish',
  'course.return',
  'course.archive',
  'course_module.create',
  'course_module.update',
  'course_module.delete',
  'lesson.create',
  'lesson.update',
  'lesson.delete',
  'lesson.attendance',
  'course_file.upload',
  'course_author.add',
  'course_author.remove',
  'course_author_invitation.create',
  'course_author_invitation.accept',
  'course_author_invitation.decline',
  'question_category.create',
  'question_category.update',
  'question_category.delete',
  'question.create',
  'question.update',
  'question.archive',
  'question.import',
  'quiz.create',
  'quiz.update',
  'quiz_answer.grade',
  'assignment_submission.grade',
  'enrolment.assign',
  'enrolment.approve',
  'enrolment.reject',
  'jp_rule_set.create',
  'jp_ledger_line.reverse',
  'jp_claim.verify',
  'jp_claim.reject',
  'certificate_template.update',
  'certificate.revoke',
  'certificate.reissue',
  'siasn_credential.update',
  'siasn_push.resend',
] as const;

const NAME_KEYS = ['title', 'name', 'displayName', 'fullName', 'fileName', 'email', 'code', 'nip'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object's own name, from what the entry recorded after (else before) the change. */
export function objectName(before: unknown, after: unknown): string | null {
  for (const side of [after, before]) {
    if (!isRecord(side)) continue;
    for (const key of NAME_KEYS) {
      const v = side[key];
      if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 200);
    }
  }
  return null;
}

function wordsOf(action: string, entityType: string): Words {
  const dot = action.indexOf('.');
  const objectKey = dot > 0 ? action.slice(0, dot) : entityType;
  const verbKey = dot > 0 ? action.slice(dot + 1) : action;
  return {
    object: OBJECTS[objectKey] ?? OBJECTS[entityType] ?? { id: objectKey, en: objectKey },
    verb: VERBS[verbKey] ?? { id: verbKey, en: verbKey },
  };
}

/** The action alone in words, e.g. "Kursus diterbitkan" (the filter's labels). */
export function actionLabel(action: string, lang: Language): string {
  const w = wordsOf(action, '');
  return `${w.object[lang]} ${w.verb[lang]}`;
}

/** One sentence: "Kursus «Pelayanan Publik Prima» diterbitkan oleh Budi" / "Course «…» published by Budi". */
export function describeAudit(
  e: { action: string; entityType: string; before: unknown; after: unknown; actorName: string | null },
  lang: Language,
): string {
  const w = wordsOf(e.action, e.entityType);
  const name = objectName(e.before, e.after);
  const by = e.actorName ?? (lang === 'en' ? 'the system' : 'sistem');
  return `${w.object[lang]}${name ? ` «${name}»` : ''} ${w.verb[lang]} ${lang === 'en' ? 'by' : 'oleh'} ${by}`;
}

const show = (v: unknown): string | null => {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};

/** Bookkeeping that changes with every write and says nothing to a reader. */
const NOISE = new Set(['updatedAt', 'createdAt']);

/** The fields whose value differs between before and after (a created object lists what it was created with). */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !NOISE.has(k));
  return keys.flatMap((field) => {
    const was = show(b[field]);
    const now = show(a[field]);
    return was === now ? [] : [{ field, before: was, after: now }];
  });
}
