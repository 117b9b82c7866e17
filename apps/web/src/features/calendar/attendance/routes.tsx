import type { RouteObject } from 'react-router';

/**
 * Attendance and completion (decision 0037): /kelas/presensi (classes I run), /kelas/:classId/presensi (the trainer's
 * QR code, list and finalising), /kelas/:classId/hadir (a learner's scan landing), /kelas/:classId (a learner's
 * attendance and completion). The API decides who may see each class.
 */
export const attendanceRoutes: RouteObject[] = [
  {
    path: 'kelas/presensi',
    lazy: async () => ({ Component: (await import('./components/AttendanceClassesPage')).AttendanceClassesPage }),
  },
  {
    path: 'kelas/:classId/presensi',
    lazy: async () => ({ Component: (await import('./components/ClassAttendancePage')).ClassAttendancePage }),
  },
  {
    path: 'kelas/:classId/hadir',
    lazy: async () => ({ Component: (await import('./components/ScanPage')).ScanPage }),
  },
  {
    path: 'kelas/:classId',
    lazy: async () => ({ Component: (await import('./components/MyClassPage')).MyClassPage }),
  },
];
