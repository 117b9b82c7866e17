import { actionLabel, auditChanges, AUDIT_ACTIONS, describeAudit, objectName } from './audit-words';

describe('audit log in words', () => {
  it('names the object, what happened and who did it, in Indonesian and English', () => {
    const e = {
      action: 'course.publish',
      entityType: 'course',
      before: { status: 'in_review' },
      after: { title: 'Pelayanan Publik Prima', status: 'published' },
      actorName: 'Dra. Ni Made Ayu',
    };
    expect(describeAudit(e, 'id')).toBe('Kursus «Pelayanan Publik Prima» diterbitkan oleh Dra. Ni Made Ayu');
    expect(describeAudit(e, 'en')).toBe('Course «Pelayanan Publik Prima» published by Dra. Ni Made Ayu');
  });

  it('says "sistem" without an actor and leaves the name out when none was recorded', () => {
    expect(
      describeAudit(
        { action: 'role.revoke', entityType: 'role_assignment', before: {}, after: null, actorName: null },
        'id',
      ),
    ).toBe('Peran dicabut oleh sistem');
  });

  it('takes the name from after, else before, by the first known key', () => {
    expect(objectName({ name: 'Lama' }, { name: 'Baru' })).toBe('Baru');
    expect(objectName({ fullName: 'Baiq Nurul Aini' }, null)).toBe('Baiq Nurul Aini');
    expect(objectName({ id: 'x' }, { count: 3 })).toBeNull();
  });

  it('has words for every action the filter offers (no raw keys shown)', () => {
    for (const action of AUDIT_ACTIONS) {
      for (const lang of ['id', 'en'] as const) {
        const label = actionLabel(action, lang);
        expect([action, label.includes('_') || label.includes('.')]).toEqual([action, false]);
      }
    }
  });

  it('lists only the fields that changed, as text', () => {
    expect(
      auditChanges(
        { rank: 'III/a', unitId: 'u1', active: true, tags: ['a'] },
        { rank: 'III/b', unitId: 'u1', active: false, tags: ['a', 'b'], email: 'x@y.go.id' },
      ),
    ).toEqual([
      { field: 'rank', before: 'III/a', after: 'III/b' },
      { field: 'active', before: 'true', after: 'false' },
      { field: 'tags', before: '["a"]', after: '["a","b"]' },
      { field: 'email', before: null, after: 'x@y.go.id' },
    ]);
    expect(auditChanges(null, { title: 'Baru' })).toEqual([{ field: 'title', before: null, after: 'Baru' }]);
  });
});
