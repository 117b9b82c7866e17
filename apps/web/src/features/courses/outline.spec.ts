import { describe, expect, it } from '@jest/globals';
import type { CourseLesson, CourseModule } from '@kompeten/shared-contracts';
import type { OutlineInput } from './api';
import { moveLesson, moveModule, outlineOf, outlineSignature } from './outline';

const outline = (spec: Record<string, string[]>): OutlineInput => ({
  modules: Object.entries(spec).map(([id, lessonIds]) => ({ id, lessonIds })),
});
const COURSE = outline({ m1: ['a', 'b', 'c'], m2: ['d'], m3: [] });

describe('course outline', () => {
  it('is built from the modules and lessons as shown', () => {
    const lesson = (id: string, moduleId: string, position: number): CourseLesson => ({
      id,
      moduleId,
      position,
      kind: 'text',
      title: id,
      required: true,
      content: { kind: 'text', html: '<p>x</p>' },
    });
    const modules: CourseModule[] = [
      { id: 'm1', position: 1, title: 'Pengantar', lessons: [lesson('a', 'm1', 1), lesson('b', 'm1', 2)] },
      { id: 'm2', position: 2, title: 'Penutup', lessons: [] },
    ];
    expect(outlineOf(modules)).toEqual(outline({ m1: ['a', 'b'], m2: [] }));
  });

  it('has one signature per arrangement', () => {
    expect(outlineSignature(COURSE)).toBe(outlineSignature(outline({ m1: ['a', 'b', 'c'], m2: ['d'], m3: [] })));
    expect(outlineSignature(COURSE)).not.toBe(outlineSignature(outline({ m1: ['a', 'b'], m2: ['c', 'd'], m3: [] })));
    expect(outlineSignature(outline({ m1: ['a'], m2: [] }))).not.toBe(outlineSignature(outline({ m1: [], m2: ['a'] })));
  });

  it('moves a module one place and leaves the first and last where they are at the edge', () => {
    expect(moveModule(COURSE, 1, 'up')).toEqual(outline({ m2: ['d'], m1: ['a', 'b', 'c'], m3: [] }));
    expect(moveModule(COURSE, 1, 'down')).toEqual(outline({ m1: ['a', 'b', 'c'], m3: [], m2: ['d'] }));
    expect(moveModule(COURSE, 0, 'up')).toBe(COURSE);
    expect(moveModule(COURSE, 2, 'down')).toBe(COURSE);
  });

  it('moves a lesson within its module', () => {
    expect(moveLesson(COURSE, 0, 1, 'up')).toEqual({
      outline: outline({ m1: ['b', 'a', 'c'], m2: ['d'], m3: [] }),
      moduleIndex: 0,
      lessonIndex: 0,
    });
    expect(moveLesson(COURSE, 0, 1, 'down')).toEqual({
      outline: outline({ m1: ['a', 'c', 'b'], m2: ['d'], m3: [] }),
      moduleIndex: 0,
      lessonIndex: 2,
    });
  });

  it('moves a lesson past the edge of its module to the neighbour module, empty ones included', () => {
    expect(moveLesson(COURSE, 0, 2, 'down')).toEqual({
      outline: outline({ m1: ['a', 'b'], m2: ['c', 'd'], m3: [] }),
      moduleIndex: 1,
      lessonIndex: 0,
    });
    expect(moveLesson(COURSE, 1, 0, 'up')).toEqual({
      outline: outline({ m1: ['a', 'b', 'c', 'd'], m2: [], m3: [] }),
      moduleIndex: 0,
      lessonIndex: 3,
    });
    expect(moveLesson(COURSE, 1, 0, 'down')).toEqual({
      outline: outline({ m1: ['a', 'b', 'c'], m2: [], m3: ['d'] }),
      moduleIndex: 2,
      lessonIndex: 0,
    });
  });

  it('does not move the first lesson of the course up or the last one down, and never changes the outline it was given', () => {
    const before = JSON.stringify(COURSE);
    expect(moveLesson(COURSE, 0, 0, 'up')).toBeNull();
    expect(moveLesson(outline({ m1: ['a'], m2: ['b'] }), 1, 0, 'down')).toBeNull();
    moveLesson(COURSE, 0, 2, 'down');
    moveModule(COURSE, 0, 'down');
    expect(JSON.stringify(COURSE)).toBe(before);
  });
});
