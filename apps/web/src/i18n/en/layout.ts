import type { Catalog } from '../id';

export const layout: Catalog['layout'] = {
  skipToContent: 'Skip to main content',
  mainNav: 'Main navigation',
  openNav: 'Open navigation',
  closeNav: 'Close navigation',
  logout: 'Sign out',
  home: 'Kompeten home',
  administration: 'Administration',
  nav: {
    approvals: 'Approvals',
    dashboard: 'Dashboard',
    profile: 'Profile',
    agencies: 'Agencies',
    employees: 'Employees (ASN)',
    imports: 'Import ASN',
    audit: 'Audit log',
    catalog: 'Catalog',
    myLearning: 'My learning',
    myCourses: 'My courses',
    reviews: 'Course review',
    grading: 'Grading',
    jpCompliance: 'JP compliance',
    jpIpAsn: 'IP ASN competency',
    authorInvitations: 'Author invitations',
  },
};
