import type { RouteObject } from 'react-router';

/** The public verification page the certificate's QR code opens: no login. */
export const certificatePublicRoutes: RouteObject[] = [
  {
    path: 'verifikasi/:id',
    lazy: async () => ({ Component: (await import('./components/VerificationPage')).VerificationPage }),
  },
];

export const certificateRoutes: RouteObject[] = [
  {
    path: 'sertifikat',
    lazy: async () => ({ Component: (await import('./components/MyCertificatesPage')).MyCertificatesPage }),
  },
];

/** Under /admin. */
export const certificateAdminRoutes: RouteObject[] = [
  {
    path: 'sertifikat',
    lazy: async () => ({ Component: (await import('./components/CertificatesAdminPage')).CertificatesAdminPage }),
  },
  {
    path: 'templat-sertifikat',
    lazy: async () => ({ Component: (await import('./components/TemplatePage')).TemplatePage }),
  },
];
