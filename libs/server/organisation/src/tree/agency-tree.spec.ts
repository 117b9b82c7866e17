import type { DataSource } from 'typeorm';
import { AGENCY_TREE_TTL_MS, AgencyTree, AgencyTreeIndex, type AgencyTreeNode } from './agency-tree';

const node = (
  id: string,
  parentId: string | null,
  level: AgencyTreeNode['level'],
  timeZone: AgencyTreeNode['timeZone'] = 'Asia/Makassar',
): AgencyTreeNode => ({ id, parentId, level, timeZone });

// National root → NTB province → Mataram and Bima; Jawa Tengah → Kendal (WIB); a ministry directly under the root.
const NODES = [
  node('ri', null, 'nasional', 'Asia/Jakarta'),
  node('ntb', 'ri', 'provinsi'),
  node('mataram', 'ntb', 'kota'),
  node('bima', 'ntb', 'kabupaten'),
  node('jateng', 'ri', 'provinsi', 'Asia/Jakarta'),
  node('kendal', 'jateng', 'kabupaten', 'Asia/Jakarta'),
  node('kemen', 'ri', 'nasional', 'Asia/Jakarta'),
];

describe('AgencyTreeIndex', () => {
  const tree = new AgencyTreeIndex(NODES);

  it('walks up to the root and down a subtree', () => {
    expect(tree.ancestorsOrSelf('mataram').map((n) => n.id)).toEqual(['mataram', 'ntb', 'ri']);
    expect(tree.ancestorsOrSelf('unknown')).toEqual([]);
    expect(tree.descendantsOrSelf('ntb').sort()).toEqual(['bima', 'mataram', 'ntb']);
    expect(tree.descendantsOrSelf('ri')).toHaveLength(NODES.length);
  });

  it('finds the province of an agency, or the agency itself above or outside every province', () => {
    expect(tree.provinceRootOf('mataram')).toBe('ntb');
    expect(tree.provinceRootOf('ntb')).toBe('ntb');
    expect(tree.provinceRootOf('kemen')).toBe('kemen');
    expect(tree.provinceRootOf('ri')).toBe('ri');
  });

  it("knows each agency's time zone", () => {
    expect(tree.timeZoneOf('bima')).toBe('Asia/Makassar');
    expect(tree.timeZoneOf('kendal')).toBe('Asia/Jakarta');
    expect(tree.timeZoneOf('unknown')).toBeNull();
  });

  it('stops on a parent cycle instead of looping', () => {
    const broken = new AgencyTreeIndex([node('a', 'b', 'kota'), node('b', 'a', 'kota')]);
    expect(broken.ancestorsOrSelf('a').length).toBeLessThanOrEqual(50);
    expect(broken.descendantsOrSelf('a').length).toBeLessThanOrEqual(3);
  });
});

describe('AgencyTree (the one cached tree)', () => {
  const rows = () => NODES.map((n) => ({ id: n.id, parent_id: n.parentId, level: n.level, time_zone: n.timeZone }));

  function fake() {
    const query = jest.fn(async () => rows());
    return { query, tree: new AgencyTree({ query } as unknown as DataSource) };
  }

  afterEach(() => jest.useRealTimers());

  it('reads the agencies once while fresh, again after invalidate()', async () => {
    const { query, tree } = fake();
    await tree.current();
    expect((await tree.current()).get('mataram')?.parentId).toBe('ntb');
    expect(query).toHaveBeenCalledTimes(1);
    tree.invalidate();
    await tree.current();
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('reads again after the TTL (changes made by another process)', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const { query, tree } = fake();
    await tree.current();
    jest.setSystemTime(1_000_000 + AGENCY_TREE_TTL_MS + 1);
    await tree.current();
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('does not keep a read that an invalidation overtook', async () => {
    let release: () => void = () => undefined;
    const query = jest.fn(() => new Promise<ReturnType<typeof rows>>((resolve) => (release = () => resolve(rows()))));
    const tree = new AgencyTree({ query } as unknown as DataSource);
    const slow = tree.current();
    tree.invalidate();
    release();
    await slow;
    query.mockImplementation(async () => rows());
    await tree.current();
    expect(query).toHaveBeenCalledTimes(2);
  });
});
