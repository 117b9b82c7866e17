import type { RouteObject } from 'react-router';

export const employeeRoutes: RouteObject[] = [
  {
    path: 'pegawai',
    lazy: async () => ({ Component: (await import('./components/EmployeeListPage')).EmployeeListPage }),
  },
  {
    path: 'pegawai/:id',
    lazy: async () => ({ Component: (await import('./components/EmployeeDetailPage')).EmployeeDetailPage }),
  },
];
