import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's minimum (19 MiB, 2 passes). Prebuilt binary, no install script. */
/** Algorithm.Argon2id is a const enum, which isolated modules cannot read: its value is 2. */
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(stored: string | null, plain: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the user does not exist, so timing does not reveal which usernames exist. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('kompeten-dummy-password-for-timing');
  return dummy;
}

/** At least 10 characters with a letter and a digit. Returns the problem, or null. */
export function passwordProblem(plain: string): string | null {
  if (plain.length < 10) return 'Kata sandi minimal 10 karakter';
  if (plain.length > 200) return 'Kata sandi maksimal 200 karakter';
  if (!/[A-Za-z]/.test(plain) || !/\d/.test(plain)) return 'Kata sandi harus memuat huruf dan angka';
  return null;
}
