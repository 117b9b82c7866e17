export const auth = {
  title: 'Masuk ke Kompeten',
  subtitle: 'Corporate University untuk Aparatur Sipil Negara',
  username: 'NIP atau email',
  usernamePlaceholder: '198609262015051001',
  password: 'Kata sandi',
  submit: 'Masuk',
  usernameRequired: 'NIP atau email wajib diisi',
  passwordRequired: 'Kata sandi wajib diisi',
  failedTitle: 'Gagal masuk',
  tooManyAttempts: 'Terlalu banyak percobaan. Silakan tunggu sebentar lalu coba lagi.',
  // --- login defence (issue 12) ---
  throttledTitle: 'Tunggu sebentar',
  forgotPassword: 'Lupa kata sandi?',
};
