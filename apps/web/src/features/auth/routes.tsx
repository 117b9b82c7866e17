import type { RouteObject } from 'react-router';

export const authRoutes: RouteObject[] = [
  {
    path: 'login',
    lazy: async () => ({ Component: (await import('./components/LoginPage')).LoginPage }),
  },
  // Issue 12: public pages for setup links (set one's own password) and for a forgotten password.
  {
    path: 'atur-kata-sandi/:token',
    lazy: async () => ({ Component: (await import('./components/SetupPasswordPage')).SetupPasswordPage }),
  },
  {
    path: 'lupa-kata-sandi',
    lazy: async () => ({ Component: (await import('./components/ForgotPasswordPage')).ForgotPasswordPage }),
  },
];
