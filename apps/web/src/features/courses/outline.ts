import type { CourseModule } from '@kompeten/shared-contracts';
import type { OutlineInput } from './api';

export type Direction = 'up' | 'down';

/** The order the API's PUT /courses/:id/outline takes: module ids, each with its lesson ids. */
export function outlineOf(modules: CourseModule[]): OutlineInput {
  return { modules: modules.map((m) => ({ id: m.id, lessonIds: m.lessons.map((l) => l.id) })) };
}

/** One string per arrangement: equal exactly when two outlines order the same modules and lessons alike. */
export function outlineSignature(outline: OutlineInput): string {
  return outline.modules.map((m) => `${m.id}:${m.lessonIds.join(',')}`).join('|');
}

/** Moves a module one place up or down. */
export function moveModule(outline: OutlineInput, index: number, dir: Direction): OutlineInput {
  const modules = [...outline.modules];
  const to = dir === 'up' ? index - 1 : index + 1;
  if (to < 0 || to >= modules.length) return outline;
  [modules[index], modules[to]] = [modules[to], modules[index]];
  return { modules };
}

/** Moves a lesson one place; past the first or last lesson of a module it goes to the end/start of the neighbour module. */
export function moveLesson(
  outline: OutlineInput,
  mi: number,
  li: number,
  dir: Direction,
): { outline: OutlineInput; moduleIndex: number; lessonIndex: number } | null {
  const modules = outline.modules.map((m) => ({ ...m, lessonIds: [...m.lessonIds] }));
  const lessons = modules[mi].lessonIds;
  const [id] = lessons.splice(li, 1);
  if (dir === 'up' && li > 0) {
    lessons.splice(li - 1, 0, id);
    return { outline: { modules }, moduleIndex: mi, lessonIndex: li - 1 };
  }
  if (dir === 'down' && li < lessons.length) {
    lessons.splice(li + 1, 0, id);
    return { outline: { modules }, moduleIndex: mi, lessonIndex: li + 1 };
  }
  const target = dir === 'up' ? mi - 1 : mi + 1;
  if (target < 0 || target >= modules.length) return null;
  if (dir === 'up') modules[target].lessonIds.push(id);
  else modules[target].lessonIds.unshift(id);
  return {
    outline: { modules },
    moduleIndex: target,
    lessonIndex: dir === 'up' ? modules[target].lessonIds.length - 1 : 0,
  };
}
