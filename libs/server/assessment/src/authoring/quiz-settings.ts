import type { QuizSettings } from '@kompeten/shared-contracts';
import type { QuizSettingsInputDto } from '../dto/authoring.dto';

export const DEFAULT_QUIZ_SETTINGS: QuizSettings = {
  role: 'quiz',
  draw: [],
  shuffleOptions: false,
  timeLimitSeconds: null,
  opensAt: null,
  closesAt: null,
  maxAttempts: null,
  passPercent: 70,
  gradingMethod: 'highest',
  reviewPolicy: 'after_submit',
};

/** Applies the fields sent (null clears an optional limit) over the current settings. */
export function mergeSettings(current: QuizSettings, input: QuizSettingsInputDto | undefined): QuizSettings {
  const next: QuizSettings = { ...DEFAULT_QUIZ_SETTINGS, ...current };
  if (!input) return next;
  if (input.role !== undefined) next.role = input.role;
  if (input.draw !== undefined)
    next.draw = input.draw.map((d) => ({ categoryId: d.categoryId ?? null, count: d.count }));
  if (input.shuffleOptions !== undefined) next.shuffleOptions = input.shuffleOptions;
  if (input.timeLimitSeconds !== undefined) next.timeLimitSeconds = input.timeLimitSeconds;
  if (input.opensAt !== undefined) next.opensAt = input.opensAt === null ? null : new Date(input.opensAt).toISOString();
  if (input.closesAt !== undefined)
    next.closesAt = input.closesAt === null ? null : new Date(input.closesAt).toISOString();
  if (input.maxAttempts !== undefined) next.maxAttempts = input.maxAttempts;
  if (input.passPercent !== undefined && input.passPercent !== null) next.passPercent = input.passPercent;
  if (input.gradingMethod !== undefined && input.gradingMethod !== null) next.gradingMethod = input.gradingMethod;
  if (input.reviewPolicy !== undefined && input.reviewPolicy !== null) next.reviewPolicy = input.reviewPolicy;
  return next;
}

/** Problems with settings on their own (the draw against the bank is checked at publish time, see QuizSnapshotService). */
export function settingsProblems(s: QuizSettings, courseCategoryIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (s.opensAt && s.closesAt && new Date(s.opensAt) >= new Date(s.closesAt))
    problems.push('opensAt harus sebelum closesAt');
  const seen = new Set<string>();
  for (const d of s.draw) {
    const key = d.categoryId ?? '(tanpa kategori)';
    if (seen.has(key)) problems.push(`draw: kategori ${key} disebut lebih dari sekali`);
    seen.add(key);
    if (d.categoryId && !courseCategoryIds.has(d.categoryId))
      problems.push(`draw: ${d.categoryId} bukan kategori soal kursus ini`);
  }
  if ((s.reviewPolicy === 'after_close' || s.reviewPolicy === 'after_close_with_answers') && !s.closesAt) {
    problems.push(`reviewPolicy ${s.reviewPolicy} memerlukan closesAt`);
  }
  return problems;
}
