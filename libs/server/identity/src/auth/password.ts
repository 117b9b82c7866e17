import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

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

/**
 * Words Indonesian users reach for first (religious phrases, endearments, the country, the office, keyboard-ish words):
 * zxcvbn's common lists are English-centric and would score "Bismillah2024!" as strong.
 */
const INDONESIAN_COMMON = [
  'bismillah',
  'alhamdulillah',
  'insyaallah',
  'subhanallah',
  'allahuakbar',
  'sayang',
  'sayangku',
  'cinta',
  'cintaku',
  'rahasia',
  'indonesia',
  'merdeka',
  'garuda',
  'pancasila',
  'jakarta',
  'bandung',
  'surabaya',
  'mataram',
  'lombok',
  'sumbawa',
  'bima',
  'admin',
  'administrator',
  'pegawai',
  'kantor',
  'dinas',
  'pemda',
  'pemkot',
  'pemkab',
  'bkpsdm',
  'bkd',
  'bpsdm',
  'asn',
  'pns',
  'pppk',
  'kompeten',
  'kompetensi',
  'pelatihan',
  'diklat',
  'katasandi',
  'sandi',
  'masuk',
  'rahasiaku',
  'sukses',
  'semangat',
  'bahagia',
  'keluarga',
  'mamah',
  'papah',
  'ibuku',
  'bapak',
  'anakku',
  'selamat',
  'tuhan',
  'amin',
  'ganteng',
  'cantik',
  'manis',
];

/** Always context words, whoever the user is. */
const PLATFORM_WORDS = ['kompeten'];

let factory: ZxcvbnFactory | null = null;
function strength(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...dictionary, indonesian: INDONESIAN_COMMON },
    graphs: adjacencyGraphs,
  });
  return factory;
}

/** Who the password is for: words an attacker who knows the user tries first. */
export interface PasswordContext {
  nip?: string | null;
  fullName?: string | null;
  agencyName?: string | null;
  email?: string | null;
}

/** Context words of at least 4 characters, lower-cased: name words, agency name words, the email's local part, the NIP and its birth date. */
export function contextWords(ctx: PasswordContext = {}): string[] {
  const words = new Set<string>(PLATFORM_WORDS);
  const add = (w: string | null | undefined) => {
    const v = w?.toLowerCase().trim();
    if (v && v.length >= 4) words.add(v);
  };
  for (const w of `${ctx.fullName ?? ''} ${ctx.agencyName ?? ''}`.split(/[^\p{L}\p{N}]+/u)) add(w);
  const local = ctx.email?.split('@')[0];
  add(local);
  for (const w of local?.split(/[^\p{L}\p{N}]+/u) ?? []) add(w);
  if (ctx.nip) {
    add(ctx.nip);
    add(ctx.nip.slice(0, 8));
  }
  return [...words];
}

/** Minimum zxcvbn score (0–4) a new password must reach: 3 is "safely unguessable" against an online attack with throttling. */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Rules for a NEW password: at least 10 characters with a letter and a digit, none of the user's context words
 * (name, NIP, agency, email, "kompeten"), and not common or breached-list guessable (zxcvbn score ≥ 3).
 * Returns the problem in Bahasa Indonesia, or null. Stored passwords (the demo seed) are never re-checked.
 */
export function passwordProblem(plain: string, context?: PasswordContext): string | null {
  if (plain.length < 10) return 'Kata sandi minimal 10 karakter';
  if (plain.length > 200) return 'Kata sandi maksimal 200 karakter';
  if (!/[A-Za-z]/.test(plain) || !/\d/.test(plain)) return 'Kata sandi harus memuat huruf dan angka';
  const lower = plain.toLowerCase();
  const words = contextWords(context);
  if (words.some((w) => lower.includes(w)))
    return 'Kata sandi tidak boleh memuat nama, NIP, email, nama instansi atau kata "kompeten"';
  const result = strength().check(plain.slice(0, 100), words);
  if (result.score < MIN_PASSWORD_SCORE)
    return 'Kata sandi terlalu mudah ditebak (kata umum atau pola yang sering dipakai). Gunakan gabungan beberapa kata yang tidak berhubungan, misalnya "Jalan-Pelangi-9-Biru".';
  return null;
}
