import type { Catalog } from '../id';

export const employee: Catalog['employee'] = {
  nip: 'NIP',
  type: 'ASN type',
  name: 'Name',
  position: 'Position',
  positionKind: 'Position kind',
  rank: 'Rank/grade',
  agency: 'Agency',
  unit: 'Work unit',
  supervisor: 'Direct supervisor',
  email: 'Email',
  phone: 'Phone',
  birthDate: 'Date of birth',
  gender: 'Sex',
  fromNip: 'from NIP',
  status: 'Status',
  active: 'Active',
  inactive: 'Inactive',
  hasAccount: 'Has an account',
};
