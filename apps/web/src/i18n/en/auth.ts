import type { Catalog } from '../id';

export const auth: Catalog['auth'] = {
  title: 'Sign in to Kompeten',
  subtitle: 'The Corporate University for Indonesian civil servants',
  username: 'NIP or email',
  usernamePlaceholder: '198609262015051001',
  password: 'Password',
  submit: 'Sign in',
  usernameRequired: 'Enter your NIP or email',
  passwordRequired: 'Enter your password',
  failedTitle: 'Sign-in failed',
  tooManyAttempts: 'Too many attempts. Please wait a moment and try again.',
  // --- login defence (issue 12) ---
  throttledTitle: 'Please wait',
  forgotPassword: 'Forgot your password?',
};
