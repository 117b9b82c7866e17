import type { Catalog } from '../id';

export const profile: Catalog['profile'] = {
  title: 'Profile',
  employeeData: 'Employee record',
  languageTitle: 'Language',
  languageLabel: 'Language of the screens and server messages',
  languageHint: 'Kept in your profile and used every time you sign in, on any device.',
  noEmployee: 'This account is not linked to an employee record yet.',
  account: 'Account',
  changePassword: 'Change password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Repeat new password',
  newPasswordHint: 'At least 10 characters, with letters and digits.',
  save: 'Save password',
  required: 'Required',
  minLength: 'At least 10 characters',
  lettersDigits: 'Must contain letters and digits',
  mismatch: 'Passwords do not match',
  sameAsCurrent: 'The new password must differ from the current one',
  success: 'Your password has been changed.',
  successTitle: 'Done',
  // issue 12 sessions: a password change ends every session, this one included
  successSignInAgain: 'Every session has ended; please sign in again with the new password.',
};
