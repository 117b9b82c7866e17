import type { Catalog } from '../id';

export const employees: Catalog['employees'] = {
  title: 'Employees (ASN)',
  searchLabel: 'Search ASN',
  searchPlaceholder: 'Name, NIP or email',
  agencyFilter: 'Agency',
  unitFilter: 'Work unit',
  unitFilterDisabled: 'Choose an agency first',
  typeFilter: 'ASN type',
  allAgencies: 'All agencies',
  allUnits: 'All units',
  allTypes: 'PNS and PPPK',
  empty: 'No ASN records yet.',
  detailTitle: 'ASN details',
  backToList: 'Back to ASN list',
};
