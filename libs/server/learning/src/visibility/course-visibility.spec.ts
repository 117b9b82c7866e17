import { AgencyTreeIndex, type AgencyTreeNode } from '@kompeten/server-organisation';
import {
  courseAudience,
  courseVisibleTo,
  viewerOf,
  viewerSees,
  visibleCoursesSql,
  type VisibleCourse,
} from './course-visibility';

const node = (id: string, parentId: string | null, level: AgencyTreeNode['level']): AgencyTreeNode => ({
  id,
  parentId,
  level,
  timeZone: 'Asia/Makassar',
});

// The demo world's shape: RI → NTB (BPSDM) → Kota Mataram, Kabupaten Bima; RI → Jawa Tengah → Kendal; a ministry under RI.
const tree = new AgencyTreeIndex([
  node('ri', null, 'nasional'),
  node('ntb', 'ri', 'provinsi'),
  node('mataram', 'ntb', 'kota'),
  node('bima', 'ntb', 'kabupaten'),
  node('jateng', 'ri', 'provinsi'),
  node('kendal', 'jateng', 'kabupaten'),
  node('kemen', 'ri', 'nasional'),
]);
const AGENCIES = tree.nodes.map((n) => n.id);
const COURSES: VisibleCourse[] = AGENCIES.flatMap((agencyId) =>
  (['agency', 'province', 'national'] as const).map((visibility) => ({ agencyId, visibility })),
);

describe('who can see a course', () => {
  it('national: every ASN, and accounts without an ASN record', () => {
    for (const a of [...AGENCIES, null])
      expect(courseVisibleTo({ agencyId: 'mataram', visibility: 'national' }, a, tree)).toBe(true);
  });

  it("agency: only ASN of the course's own agency (not the province above it, not a sibling)", () => {
    const c: VisibleCourse = { agencyId: 'mataram', visibility: 'agency' };
    expect(AGENCIES.filter((a) => courseVisibleTo(c, a, tree))).toEqual(['mataram']);
    expect(courseVisibleTo(c, null, tree)).toBe(false);
  });

  it("province: the whole province of the course's agency, from a city course too; never another province", () => {
    const city: VisibleCourse = { agencyId: 'mataram', visibility: 'province' };
    expect(AGENCIES.filter((a) => courseVisibleTo(city, a, tree)).sort()).toEqual(['bima', 'mataram', 'ntb']);
    expect(
      AGENCIES.filter((a) => courseVisibleTo({ agencyId: 'ntb', visibility: 'province' }, a, tree)).sort(),
    ).toEqual(['bima', 'mataram', 'ntb']);
    expect(courseVisibleTo(city, 'kendal', tree)).toBe(false);
  });

  it('province above every province: the agency and everything under it', () => {
    expect(AGENCIES.filter((a) => courseVisibleTo({ agencyId: 'kemen', visibility: 'province' }, a, tree))).toEqual([
      'kemen',
    ]);
    expect(AGENCIES.filter((a) => courseVisibleTo({ agencyId: 'ri', visibility: 'province' }, a, tree)).sort()).toEqual(
      [...AGENCIES].sort(),
    );
  });

  it('the audience (for assigning), the viewer filter (for the catalog) and the rule agree on every pair', () => {
    for (const course of COURSES) {
      const audience = courseAudience(course, tree);
      for (const agency of AGENCIES) {
        const visible = courseVisibleTo(course, agency, tree);
        expect({ course, agency, audience: audience === null || audience.includes(agency) }).toEqual({
          course,
          agency,
          audience: visible,
        });
        expect({ course, agency, filter: viewerSees(viewerOf(agency, tree), course) }).toEqual({
          course,
          agency,
          filter: visible,
        });
      }
      expect(viewerSees(viewerOf(null, tree), course)).toBe(courseVisibleTo(course, null, tree));
    }
  });

  it("writes the filter as SQL over the viewer's agency and the province course agencies", () => {
    const params: unknown[] = ['first'];
    const sql = visibleCoursesSql(viewerOf('bima', tree), params);
    expect(sql).toBe(
      `(c.visibility = 'national' OR (c.visibility = 'agency' AND c.agency_id = $2::uuid) OR (c.visibility = 'province' AND c.agency_id = ANY($3::uuid[])))`,
    );
    expect(params[1]).toBe('bima');
    // RI's own province courses reach everyone under it (no province above RI).
    expect((params[2] as string[]).sort()).toEqual(['bima', 'mataram', 'ntb', 'ri']);
  });
});
