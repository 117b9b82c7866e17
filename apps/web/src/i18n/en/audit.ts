import type { Catalog } from '../id';

export const audit: Catalog['audit'] = {
  title: 'Audit log',
  agencyFilter: 'Agency',
  allAgencies: 'All agencies',
  time: 'Time',
  actor: 'Actor',
  action: 'Action',
  entity: 'Object',
  details: 'Details',
  showDetails: 'Show details',
  before: 'Before',
  after: 'After',
  correlationId: 'Correlation id',
  system: 'System',
  empty: 'No audit entries yet.',
};
