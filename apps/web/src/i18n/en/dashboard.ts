import type { Catalog } from '../id';

export const dashboard: Catalog['dashboard'] = {
  title: 'Dashboard',
  greeting: 'Welcome, {{name}}',
  intro: 'Here is a summary of your competency development.',
  agencyCard: 'Agency and work unit',
  agency: 'Agency',
  unit: 'Work unit',
  noEmployee: 'This account is not linked to an employee record yet.',
  rolesCard: 'Your roles',
  noRoles: 'No roles yet.',
  scopeAt: 'at {{scope}}',
  jpCard: 'Learning hours (JP)',
  jpTargetPns: 'Annual target: 20 JP of competency development for every PNS (PP 11/2017).',
  jpTargetPppk: 'Reference: 20 JP a year. For PPPK, progress is shown as a development reference.',
  jpDetails: 'See JP details',
  jpError: 'JP could not be loaded.',
};
