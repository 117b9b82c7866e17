import { describe, expect, it } from '@jest/globals';
import type { Course } from './api';
import { courseFormValues, courseInputOf, courseUpdateOf, jpProblem } from './course-form';

function makeCourse(overrides: Partial<Course> = {}): Course {
  return {
    id: 'course-1',
    agencyId: 'agency-ntb',
    agencyName: 'BPSDM Provinsi NTB',
    title: 'Nilai Dasar BerAKHLAK',
    description: 'Tujuh nilai inti ASN.',
    competencyKind: 'sosial_kultural',
    learningMethod: 'blended',
    jenisDiklatId: 6,
    latihanStrukturalId: null,
    jp: 4.5,
    level: 'menengah',
    tags: ['berakhlak', 'nilai dasar'],
    coverFileId: null,
    visibility: 'province',
    enrolmentMode: 'approval',
    status: 'draft',
    currentVersionId: null,
    currentVersionNo: null,
    createdAt: '2025-03-01T00:00:00.000Z',
    updatedAt: '2025-03-01T00:00:00.000Z',
    objectives: ['Menjelaskan nilai Berorientasi Pelayanan', 'Menerapkan nilai Akuntabel'],
    prerequisiteCourseIds: [],
    completionRule: { requiredLessons: 'all' },
    modules: [],
    authors: [],
    versions: [],
    files: [],
    reviewEvents: [],
    can: { edit: true, submit: true, review: false, manageAuthors: true, archive: true },
    ...overrides,
  };
}

describe('course form', () => {
  it('starts a new course as a 2 JP e-learning in the given agency, open to its agency', () => {
    expect(courseFormValues(undefined, 'agency-ntb')).toEqual({
      agencyId: 'agency-ntb',
      title: '',
      description: '',
      objectives: '',
      competencyKind: 'teknis',
      learningMethod: 'e_learning',
      jenisDiklatId: '16',
      latihanStrukturalId: '',
      jp: 2,
      level: 'dasar',
      tags: [],
      visibility: 'agency',
      enrolmentMode: 'open',
    });
    expect(courseFormValues().agencyId).toBe('');
  });

  it('shows an existing course with one objective per line and the jenis diklat code as the select\u2019s string', () => {
    expect(courseFormValues(makeCourse())).toMatchObject({
      agencyId: 'agency-ntb',
      objectives: 'Menjelaskan nilai Berorientasi Pelayanan\nMenerapkan nilai Akuntabel',
      jenisDiklatId: '6',
      jp: 4.5,
    });
  });

  it('sends back the course it was given, unchanged', () => {
    const course = makeCourse();
    expect(courseInputOf(courseFormValues(course))).toEqual({
      agencyId: course.agencyId,
      title: course.title,
      description: course.description,
      objectives: course.objectives,
      competencyKind: course.competencyKind,
      learningMethod: course.learningMethod,
      jenisDiklatId: course.jenisDiklatId,
      latihanStrukturalId: null,
      jp: course.jp,
      level: course.level,
      tags: course.tags,
      visibility: course.visibility,
      enrolmentMode: course.enrolmentMode,
    });
  });

  it('trims the text, drops blank objective lines and reads numbers typed as text', () => {
    const values = {
      ...courseFormValues(undefined, 'agency-ntb'),
      title: '  Literasi Digital ASN ',
      description: ' Dasar. ',
      objectives: '  Satu \n\n   \nDua\r',
      jp: '3.5',
      jenisDiklatId: '11',
    };
    expect(courseInputOf(values)).toMatchObject({
      title: 'Literasi Digital ASN',
      description: 'Dasar.',
      objectives: ['Satu', 'Dua'],
      jp: 3.5,
      jenisDiklatId: 11,
    });
  });

  it('sends the kind of structural leadership training only with jenis diklat 1', () => {
    const structural = courseFormValues(makeCourse({ jenisDiklatId: 1, latihanStrukturalId: 3 }));
    expect(structural).toMatchObject({ jenisDiklatId: '1', latihanStrukturalId: '3' });
    expect(courseInputOf(structural)).toMatchObject({ jenisDiklatId: 1, latihanStrukturalId: 3 });
    expect(courseInputOf({ ...structural, jenisDiklatId: '3' })).toMatchObject({
      jenisDiklatId: 3,
      latihanStrukturalId: null,
    });
    expect(courseInputOf({ ...structural, latihanStrukturalId: '' })).toMatchObject({ latihanStrukturalId: null });
  });

  it('never sends the agency in an update', () => {
    const update = courseUpdateOf(courseInputOf(courseFormValues(makeCourse())));
    expect(update).not.toHaveProperty('agencyId');
    expect(update).toMatchObject({ title: 'Nilai Dasar BerAKHLAK', jp: 4.5 });
  });

  it.each([
    [0.5, null],
    ['1000', null],
    [0, 'form.jpRange'],
    [-2, 'form.jpRange'],
    [1000.5, 'form.jpRange'],
    ['', 'form.jpRange'],
  ])('JP %p → %p', (jp, problem) => expect(jpProblem(jp)).toBe(problem));
});
