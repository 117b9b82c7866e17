import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { ORGANISATION_ENTITIES } from '@kompeten/server-organisation';
import { bootLibTest, createWorld, type LibTestContext, type World } from '@kompeten/server-testing';
import { CERTIFICATE_ENTITIES } from '../index';
import { allocateSequence } from './sequence-store';

/** Certificate sequences on real PostgreSQL (issue 17): per agency and year, no duplicates and no gaps under load. */
describe('certificate sequence (real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;

  beforeAll(async () => {
    lib = await bootLibTest({
      entities: [...CORE_ENTITIES, ...ORGANISATION_ENTITIES, ...IDENTITY_ENTITIES, ...CERTIFICATE_ENTITIES],
      imports: [],
    });
    world = await createWorld(lib.db);
  });
  afterAll(() => lib?.close());

  it('gives 60 concurrent issues, a third of them rolled back, the numbers 1–40 once each', async () => {
    const kept: number[] = [];
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        lib.db
          .transaction(async (m) => {
            const seq = await allocateSequence(m, world.agency.id, 2026);
            // The PDF failed to render, the worker died: the transaction rolls back and the number is not used.
            if (i % 3 === 2) throw new Error('rolled back');
            kept.push(seq);
          })
          .catch((e: Error) => expect(e.message).toBe('rolled back')),
      ),
    );
    expect(kept.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('counts each agency and each year on its own, and refuses to run outside a transaction', async () => {
    const first = (agencyId: string, year: number) => lib.db.transaction((m) => allocateSequence(m, agencyId, year));
    expect(await first(world.sibling.id, 2026)).toBe(1);
    expect(await first(world.sibling.id, 2027)).toBe(1);
    expect(await first(world.sibling.id, 2026)).toBe(2);
    await expect(allocateSequence(lib.db.manager, world.sibling.id, 2026)).rejects.toThrow(
      'inside the issuing transaction',
    );
  });
});
