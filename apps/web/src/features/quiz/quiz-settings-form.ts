import type {
  AgencyTimeZone,
  GradingMethod,
  Quiz,
  QuizRole,
  QuizSettings,
  ReviewPolicy,
} from '@kompeten/shared-contracts';
import { fromZonedInput, toZonedInput } from '../courses/datetime';

/** The quiz settings form's state; empty strings stand for "no limit" / "always open". */
export interface SettingsFormValues {
  title: string;
  role: QuizRole;
  draw: Array<{ categoryId: string; count: number | string }>;
  shuffleOptions: boolean;
  timeLimitMinutes: number | string;
  /** "YYYY-MM-DDTHH:mm" in the author's agency time zone. */
  opensAt: string;
  closesAt: string;
  maxAttempts: number | string;
  passPercent: number | string;
  gradingMethod: GradingMethod;
  reviewPolicy: ReviewPolicy;
}

/** Draw rules name a category id; uncategorised questions have none, so the form uses this marker. */
export const UNCATEGORISED = '__none__';

export type SettingsProblem =
  | 'settings.countInvalid'
  | 'settings.timeLimitInvalid'
  | 'settings.attemptsInvalid'
  | 'settings.closeBeforeOpen'
  | 'settings.percentInvalid';

export function settingsFormValues(quiz: Quiz, timeZone: AgencyTimeZone): SettingsFormValues {
  const s = quiz.settings;
  return {
    title: quiz.title,
    role: s.role,
    draw: s.draw.map((d) => ({ categoryId: d.categoryId ?? UNCATEGORISED, count: d.count })),
    shuffleOptions: s.shuffleOptions,
    timeLimitMinutes: s.timeLimitSeconds ? Math.round(s.timeLimitSeconds / 60) : '',
    opensAt: toZonedInput(s.opensAt, timeZone),
    closesAt: toZonedInput(s.closesAt, timeZone),
    maxAttempts: s.maxAttempts ?? '',
    passPercent: s.passPercent,
    gradingMethod: s.gradingMethod,
    reviewPolicy: s.reviewPolicy,
  };
}

/** The PATCH body: the trimmed title and every setting, an empty limit or date as null. */
export function quizUpdateOf(
  v: SettingsFormValues,
  timeZone: AgencyTimeZone,
): { title: string; settings: QuizSettings } {
  return {
    title: v.title.trim(),
    settings: {
      role: v.role,
      draw: v.draw.map((d) => ({
        categoryId: d.categoryId === UNCATEGORISED ? null : d.categoryId,
        count: Number(d.count),
      })),
      shuffleOptions: v.shuffleOptions,
      timeLimitSeconds: v.timeLimitMinutes === '' ? null : Math.round(Number(v.timeLimitMinutes) * 60),
      opensAt: fromZonedInput(v.opensAt, timeZone),
      closesAt: fromZonedInput(v.closesAt, timeZone),
      maxAttempts: v.maxAttempts === '' ? null : Number(v.maxAttempts),
      passPercent: Number(v.passPercent),
      gradingMethod: v.gradingMethod,
      reviewPolicy: v.reviewPolicy,
    },
  };
}

/** A draw rule takes a whole number of questions, at least one. */
export function drawCountProblem(count: number | string): SettingsProblem | null {
  return Number.isInteger(Number(count)) && Number(count) >= 1 ? null : 'settings.countInvalid';
}

/** Empty (no limit), or 1 to 1,440 minutes (a day). */
export function timeLimitProblem(minutes: number | string): SettingsProblem | null {
  return minutes === '' || (Number(minutes) >= 1 && Number(minutes) <= 1440) ? null : 'settings.timeLimitInvalid';
}

/** Empty (unlimited), or 1 to 100 attempts. */
export function maxAttemptsProblem(attempts: number | string): SettingsProblem | null {
  return attempts === '' || (Number(attempts) >= 1 && Number(attempts) <= 100) ? null : 'settings.attemptsInvalid';
}

/** 0 to 100, never empty. */
export function passPercentProblem(percent: number | string): SettingsProblem | null {
  return percent !== '' && Number(percent) >= 0 && Number(percent) <= 100 ? null : 'settings.percentInvalid';
}

/** The quiz must close after it opens (either may be empty). */
export function closesAtProblem(
  v: Pick<SettingsFormValues, 'opensAt' | 'closesAt'>,
  timeZone: AgencyTimeZone,
): SettingsProblem | null {
  const close = fromZonedInput(v.closesAt, timeZone);
  const open = fromZonedInput(v.opensAt, timeZone);
  return !close || !open || close > open ? null : 'settings.closeBeforeOpen';
}
