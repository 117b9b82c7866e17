import { describe, expect, it } from '@jest/globals';
import { filesFor, type PreloadTable } from './route-files';

const table: PreloadTable<string> = [
  ['', ['dashboard.js']],
  ['login', ['login.js', 'form.js']],
  ['katalog', ['catalog.js', 'card.js']],
  ['katalog/:courseId', ['course.js', 'card.js']],
  ['belajar/:enrolmentId/:lessonId', ['player.js']],
  ['kursus/:courseId/pratinjau/:lessonId?', ['preview.js']],
  ['docs/*', ['docs.js']],
];

describe('route files: which files a URL path needs', () => {
  it('matches static segments exactly and the root only to the index route', () => {
    expect(filesFor('/', table)).toEqual(['dashboard.js']);
    expect(filesFor('/login', table)).toEqual(['login.js', 'form.js']);
    expect(filesFor('/katalog', table)).toEqual(['catalog.js', 'card.js']);
    expect(filesFor('/katalogs', table)).toEqual([]);
  });

  it('matches a :param to exactly one segment', () => {
    expect(filesFor('/katalog/6f1c', table)).toEqual(['course.js', 'card.js']);
    expect(filesFor('/katalog/6f1c/extra', table)).toEqual([]);
    expect(filesFor('/belajar/e1/l2', table)).toEqual(['player.js']);
    expect(filesFor('/belajar/e1', table)).toEqual([]);
  });

  it('matches an optional :param? with or without its segment, and * to the rest', () => {
    expect(filesFor('/kursus/c1/pratinjau', table)).toEqual(['preview.js']);
    expect(filesFor('/kursus/c1/pratinjau/l9', table)).toEqual(['preview.js']);
    expect(filesFor('/docs/a/b/c', table)).toEqual(['docs.js']);
  });

  it('ignores empty segments from trailing or doubled slashes', () => {
    expect(filesFor('/katalog/', table)).toEqual(['catalog.js', 'card.js']);
    expect(filesFor('//katalog//6f1c', table)).toEqual(['course.js', 'card.js']);
  });

  it('lists a file once when several matching routes need it', () => {
    const overlapping: PreloadTable<number> = [
      ['a/:x', [1, 2]],
      ['a/b', [2, 3]],
    ];
    expect(filesFor('/a/b', overlapping)).toEqual([1, 2, 3]);
  });

  it('still works when turned into text, as the emitted script uses it', () => {
    const revived = new Function(`return (${filesFor.toString()})`)() as typeof filesFor;
    expect(revived('/katalog/6f1c', table)).toEqual(['course.js', 'card.js']);
  });
});
