// Demo courses for `npm start`: authored and published through the platform's own API (so they are exactly what a
// widyaiswara and a reviewer would make), once, when the catalog of the demo world is still empty.
// Skipped with SEED_DEMO=false (a real deployment) or SEED_DEMO_COURSES=false (the benchmark, which authors its own).

const PASSWORD = 'Kompeten#2026';
const AUTHOR = '197803152005012002'; // widyaiswara, BPSDM NTB
const REVIEWER = 'bpsdm@ntbprov.go.id'; // province admin: reviews and publishes (not an author)
const LEARNER = '198609262015051001'; // sees the catalog; used only to check whether it is empty

async function call(base, method, path, token, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

const login = async (base, username) =>
  (await call(base, 'POST', '/api/auth/login', null, { username, password: PASSWORD })).accessToken;

const text = (title, paragraphs) => ({
  title,
  kind: 'text',
  content: { html: `<h2>${title}</h2>${paragraphs.map((p) => `<p>${p}</p>`).join('')}` },
});

const single = (prompt, options, correct, points = 1) => ({
  kind: 'single',
  prompt,
  options,
  answerKey: { correct },
  points,
});
const tf = (prompt, correct, points = 1) => ({ kind: 'true_false', prompt, answerKey: { correct }, points });
const multi = (prompt, options, correct, points = 2) => ({
  kind: 'multiple',
  prompt,
  options,
  answerKey: { correct },
  points,
});

/**
 * A pre-test and a post-test on the same question bank (the whole bank, options shuffled): the gain between them is
 * what the course report shows. The pre-test never blocks (pass 0 %, one attempt, no answers shown); the post-test is
 * what completion waits for.
 */
const PRE_TEST = {
  role: 'pre_test',
  draw: [],
  shuffleOptions: true,
  timeLimitSeconds: 600,
  maxAttempts: 1,
  passPercent: 0,
  gradingMethod: 'highest',
  reviewPolicy: 'never',
};
const POST_TEST = {
  role: 'post_test',
  draw: [],
  shuffleOptions: true,
  timeLimitSeconds: 900,
  maxAttempts: 3,
  passPercent: 70,
  gradingMethod: 'highest',
  reviewPolicy: 'after_submit',
};

/**
 * The demo catalog (DOMAIN.md §9): what a province's BPSDM puts up first. BerAKHLAK core values; the mandatory material
 * of a regency's internship pilot ("Pemutakhiran data kompetensi di SIASN", "Pengenalan e-learning"); digital literacy
 * for ASN; public-service standards; and one course for supervisors that needs their approval and has an assignment.
 * Each starts with a pre-test and ends with a post-test. `modules` lists lessons; the tests are added around them.
 */
export const COURSES = [
  {
    course: {
      title: 'Orientasi Nilai Dasar BerAKHLAK',
      jp: 4,
      competencyKind: 'manajerial',
      learningMethod: 'e_learning',
      level: 'dasar',
      visibility: 'national',
      enrolmentMode: 'open',
      tags: ['BerAKHLAK', 'orientasi', 'nilai dasar'],
      description:
        '<p>Tujuh nilai dasar ASN — Berorientasi Pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif — dalam pekerjaan sehari-hari (SE MenPAN-RB 20/2021).</p>',
      objectives: ['Menguraikan tujuh nilai dasar ASN', 'Memberi contoh perilaku BerAKHLAK di unit kerja'],
    },
    modules: [
      [
        'Nilai dasar ASN',
        [
          text('Berorientasi pelayanan dan akuntabel', [
            'Memahami dan memenuhi kebutuhan masyarakat; ramah, cekatan, solutif dan dapat diandalkan.',
            'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas; menggunakan kekayaan dan barang milik negara secara bertanggung jawab.',
          ]),
          text('Kompeten, harmonis dan loyal', [
            'Terus belajar dan mengembangkan kapabilitas; saling peduli dan menghargai perbedaan; setia kepada Pancasila, UUD 1945, NKRI dan pemerintahan yang sah.',
          ]),
          text('Adaptif dan kolaboratif', [
            'Terus berinovasi dan antusias menggerakkan perubahan; membangun kerja sama yang sinergis.',
          ]),
        ],
      ],
    ],
    questions: [
      single(
        'Huruf B pada BerAKHLAK berarti …',
        [
          ['a', 'Berorientasi Pelayanan'],
          ['b', 'Bertanggung jawab'],
          ['c', 'Bersih'],
        ],
        'a',
      ),
      single(
        'Huruf H pada BerAKHLAK berarti …',
        [
          ['a', 'Hemat'],
          ['b', 'Harmonis'],
          ['c', 'Hebat'],
        ],
        'b',
      ),
      tf('Menggunakan kendaraan dinas untuk keperluan pribadi bertentangan dengan nilai Akuntabel.', true),
      multi(
        'Perilaku manakah yang mencerminkan nilai Kolaboratif?',
        [
          ['a', 'Memberi kesempatan rekan berkontribusi'],
          ['b', 'Menyimpan informasi untuk diri sendiri'],
          ['c', 'Menggerakkan pemanfaatan sumber daya bersama'],
        ],
        ['a', 'c'],
      ),
    ],
  },
  {
    course: {
      title: 'Pemutakhiran Data Kompetensi di SIASN',
      jp: 2,
      competencyKind: 'teknis',
      learningMethod: 'e_learning',
      level: 'dasar',
      visibility: 'province',
      enrolmentMode: 'open',
      tags: ['SIASN', 'magang', 'kepegawaian'],
      description:
        '<p>Materi wajib program magang: memeriksa dan memutakhirkan riwayat diklat dan kompetensi ASN di SIASN (MySAPK), serta menyiapkan dokumen pendukung.</p>',
      objectives: [
        'Memeriksa riwayat diklat dan kursus di MySAPK',
        'Mengajukan pemutakhiran data dengan dokumen pendukung yang benar',
      ],
    },
    modules: [
      [
        'Data kompetensi ASN',
        [
          text('Riwayat diklat dan kursus', [
            'SIASN menyimpan riwayat diklat struktural, fungsional dan teknis serta kursus tiap ASN; pemilik data dapat memeriksanya melalui MySAPK.',
            'Setiap riwayat memuat jenis diklat, nama kegiatan, penyelenggara, tanggal, jumlah JP dan nomor sertifikat.',
          ]),
          text('Mengajukan pemutakhiran', [
            'Pemutakhiran diajukan dengan dokumen pendukung (sertifikat atau surat keterangan) berformat PDF dan diverifikasi oleh pengelola kepegawaian instansi.',
          ]),
        ],
      ],
    ],
    questions: [
      single(
        'Aplikasi yang digunakan ASN untuk memeriksa data kepegawaiannya sendiri adalah …',
        [
          ['a', 'MySAPK'],
          ['b', 'SP4N-LAPOR!'],
          ['c', 'e-Kinerja'],
        ],
        'a',
      ),
      tf('Riwayat kursus di SIASN mencatat jumlah JP kegiatan.', true),
      multi(
        'Manakah yang dimuat dalam riwayat diklat?',
        [
          ['a', 'Penyelenggara'],
          ['b', 'Jumlah JP'],
          ['c', 'Golongan darah'],
        ],
        ['a', 'b'],
      ),
    ],
  },
  {
    course: {
      title: 'Pengenalan E-Learning',
      jp: 2,
      competencyKind: 'teknis',
      learningMethod: 'e_learning',
      level: 'dasar',
      visibility: 'province',
      enrolmentMode: 'open',
      tags: ['e-learning', 'magang', 'orientasi'],
      description:
        '<p>Materi wajib program magang: cara belajar mandiri di platform e-learning — mendaftar kursus, mengikuti pelajaran, mengerjakan pre-test dan post-test, dan melihat kemajuan.</p>',
      objectives: [
        'Mendaftar dan mengikuti kursus secara mandiri',
        'Memahami arti pre-test, post-test dan kemajuan kursus',
      ],
    },
    modules: [
      [
        'Belajar di Kompeten',
        [
          text('Katalog dan pendaftaran', [
            'Katalog menampilkan kursus yang terbuka untuk instansi Anda. Kursus terbuka dapat langsung diikuti; kursus dengan persetujuan menunggu persetujuan atasan langsung.',
          ]),
          text('Pre-test, pelajaran dan post-test', [
            'Pre-test mengukur pengetahuan awal dan tidak menentukan kelulusan. Post-test dikerjakan setelah semua pelajaran; nilai minimalnya ditetapkan penyusun kursus.',
            'Kenaikan nilai dari pre-test ke post-test tampak pada laporan kursus.',
          ]),
        ],
      ],
    ],
    questions: [
      tf('Nilai pre-test menentukan kelulusan kursus.', false),
      single(
        'Kursus dengan pendaftaran "persetujuan" menunggu persetujuan …',
        [
          ['a', 'Atasan langsung'],
          ['b', 'Widyaiswara'],
          ['c', 'Admin platform'],
        ],
        'a',
      ),
      single(
        'Kenaikan nilai dari pre-test ke post-test dapat dilihat pada …',
        [
          ['a', 'Laporan kursus'],
          ['b', 'Profil pegawai'],
          ['c', 'Katalog'],
        ],
        'a',
      ),
    ],
  },
  {
    course: {
      title: 'Literasi Digital bagi ASN',
      jp: 4,
      competencyKind: 'sosial_kultural',
      learningMethod: 'e_learning',
      level: 'dasar',
      visibility: 'national',
      enrolmentMode: 'open',
      tags: ['literasi digital', 'keamanan informasi'],
      description:
        '<p>Cakap, etis, aman dan berbudaya digital: kata sandi yang kuat, mengenali phishing dan hoaks, serta menjaga data pribadi warga dalam pekerjaan ASN.</p>',
      objectives: ['Mengenali pesan phishing dan hoaks', 'Melindungi akun dinas dan data pribadi warga'],
    },
    modules: [
      [
        'Aman dan etis di ruang digital',
        [
          text('Akun dan kata sandi', [
            'Gunakan kata sandi panjang yang berbeda untuk setiap layanan dan aktifkan verifikasi dua langkah. Jangan pernah memberikan kode OTP kepada siapa pun, termasuk yang mengaku petugas.',
          ]),
          text('Phishing dan hoaks', [
            'Periksa alamat pengirim dan tautan sebelum membuka lampiran; verifikasi informasi melalui kanal resmi sebelum membagikannya.',
          ]),
          text('Data pribadi warga', [
            'UU 27/2022 tentang Pelindungan Data Pribadi mewajibkan pengendali data menjaga kerahasiaan data yang diolahnya, termasuk NIK dan data kesehatan.',
          ]),
        ],
      ],
    ],
    questions: [
      tf('Kode OTP boleh diberikan kepada petugas yang menelepon atas nama bank.', false),
      single(
        'Undang-undang tentang Pelindungan Data Pribadi adalah …',
        [
          ['a', 'UU 27/2022'],
          ['b', 'UU 25/2009'],
          ['c', 'UU 5/2014'],
        ],
        'a',
      ),
      multi(
        'Tanda pesan phishing antara lain …',
        [
          ['a', 'Alamat pengirim yang mirip tetapi berbeda'],
          ['b', 'Desakan untuk segera bertindak'],
          ['c', 'Dikirim pada jam kerja'],
        ],
        ['a', 'b'],
      ),
    ],
  },
  {
    course: {
      title: 'Standar Pelayanan Publik',
      jp: 6,
      competencyKind: 'sosial_kultural',
      learningMethod: 'e_learning',
      level: 'dasar',
      visibility: 'province',
      enrolmentMode: 'open',
      tags: ['pelayanan publik', 'BerAKHLAK'],
      description:
        '<p>Standar pelayanan, maklumat pelayanan dan penanganan pengaduan sesuai UU 25/2009 dan PermenPAN-RB 15/2014, untuk ASN di unit layanan.</p>',
      objectives: [
        'Menjelaskan komponen standar pelayanan',
        'Menyusun maklumat pelayanan unit kerja',
        'Menangani pengaduan masyarakat secara tuntas',
      ],
    },
    modules: [
      [
        'Standar pelayanan',
        [
          text('Asas dan komponen standar pelayanan', [
            'UU 25/2009 tentang Pelayanan Publik menetapkan asas kepentingan umum, kepastian hukum, kesamaan hak, keterbukaan dan akuntabilitas.',
            'Standar pelayanan memuat persyaratan, prosedur, jangka waktu, biaya/tarif, produk layanan dan penanganan pengaduan.',
          ]),
          {
            title: 'Bacaan: berita pelayanan publik KemenPAN-RB',
            kind: 'link',
            content: { url: 'https://www.menpan.go.id/site/berita-terkini' },
          },
          text('Maklumat pelayanan', [
            'Maklumat pelayanan adalah pernyataan tertulis penyelenggara tentang kesanggupan dan kewajiban melaksanakan pelayanan sesuai standar.',
          ]),
        ],
      ],
      [
        'Pengaduan dan evaluasi',
        [
          text('Mengelola pengaduan', [
            'Setiap pengaduan dicatat, ditanggapi dan diselesaikan dalam jangka waktu yang diumumkan; SP4N-LAPOR! menghubungkan kanal pengaduan antarinstansi.',
          ]),
        ],
      ],
    ],
    questions: [
      single(
        'Undang-undang yang mengatur pelayanan publik adalah …',
        [
          ['a', 'UU 5/2014'],
          ['b', 'UU 25/2009'],
          ['c', 'UU 20/2023'],
          ['d', 'UU 30/2014'],
        ],
        'b',
        2,
      ),
      tf('Maklumat pelayanan adalah pernyataan kesanggupan penyelenggara melaksanakan pelayanan sesuai standar.', true),
      multi(
        'Manakah yang termasuk komponen standar pelayanan?',
        [
          ['a', 'Persyaratan'],
          ['b', 'Jangka waktu'],
          ['c', 'Nama pejabat'],
          ['d', 'Biaya/tarif'],
        ],
        ['a', 'b', 'd'],
      ),
      single(
        'Kanal pengaduan nasional yang terhubung antarinstansi adalah …',
        [
          ['a', 'SIASN'],
          ['b', 'SP4N-LAPOR!'],
          ['c', 'e-Kinerja'],
          ['d', 'SIPD'],
        ],
        'b',
      ),
    ],
  },
  {
    course: {
      title: 'Kepemimpinan Pengawas: Coaching dan Mentoring',
      jp: 8,
      competencyKind: 'manajerial',
      learningMethod: 'blended',
      level: 'menengah',
      visibility: 'province',
      enrolmentMode: 'approval',
      tags: ['kepemimpinan', 'coaching'],
      description:
        '<p>Untuk pejabat pengawas: percakapan coaching, mentoring pegawai baru dan umpan balik kinerja. Pendaftaran disetujui atasan langsung.</p>',
      objectives: ['Memimpin percakapan coaching dengan model GROW', 'Menyusun rencana mentoring pegawai baru'],
    },
    modules: [
      [
        'Coaching',
        [
          text('Model GROW', [
            'Goal, Reality, Options, Will: empat tahap percakapan yang membantu pegawai menemukan sendiri langkahnya.',
          ]),
          {
            title: 'Tugas: rencana coaching',
            kind: 'assignment',
            content: {
              instructions: 'Unggah rencana percakapan coaching untuk satu anggota tim (PDF atau Word).',
              maxScore: 100,
              passScore: 70,
            },
          },
        ],
      ],
    ],
    questions: [
      single(
        'Huruf R pada model GROW berarti …',
        [
          ['a', 'Reality'],
          ['b', 'Result'],
          ['c', 'Review'],
        ],
        'a',
      ),
      tf('Dalam coaching, atasan memberi jawaban dan pegawai melaksanakannya.', false),
    ],
  },
];

/** A right answer to a demo question, or (right = false) a wrong one. */
function answerFor(q, right) {
  const { correct } = q.answerKey;
  if (q.kind === 'true_false') return right ? correct : !correct;
  if (q.kind === 'single') return right ? correct : q.options.map(([id]) => id).find((id) => id !== correct);
  return right
    ? correct
    : q.options
        .map(([id]) => id)
        .filter((id) => !correct.includes(id))
        .slice(0, 1);
}

/** Takes one quiz lesson of an enrolment: the questions whose prompts `right` accepts are answered right. */
async function takeQuiz(base, token, enrolmentId, lessonId, spec, right) {
  const attempt = await call(base, 'POST', `/api/enrolments/${enrolmentId}/lessons/${lessonId}/attempts`, token, {});
  const answers = attempt.questions.map((aq) => {
    const q = spec.questions.find((x) => x.prompt === aq.prompt);
    return { questionId: aq.id, response: answerFor(q, right(spec.questions.indexOf(q))) };
  });
  await call(base, 'PUT', `/api/attempts/${attempt.id}/answers`, token, { answers });
  return call(base, 'POST', `/api/attempts/${attempt.id}/submit`, token, {});
}

/**
 * A first cohort in the BerAKHLAK course, so the course report has something to show on first start: a few ASN of Kota
 * Mataram (not the documented demo logins, whose own catalog stays untouched) enrol, take the pre-test knowing part of
 * the answers, and the post-test knowing all of them — the pre/post gain. Lessons are left to them: nobody is shown
 * as having studied material they never opened. Never throws.
 */
async function firstCohort(base, courseId, spec, log) {
  try {
    const admin = await login(base, 'bkpsdm@mataramkota.go.id');
    const page = await call(base, 'GET', '/api/employees?pageSize=40', admin);
    const taken = new Set([AUTHOR, LEARNER, '199203152022011002', '199004172019032005', '197501012000031003']);
    const nips = page.items
      .map((e) => e.nip)
      .filter((nip) => /^\d{18}$/.test(nip) && !taken.has(nip))
      .slice(0, 3);
    let done = 0;
    for (const [i, nip] of nips.entries()) {
      let token;
      try {
        token = await login(base, nip);
      } catch {
        continue; // an ASN without a sign-in: not part of the cohort
      }
      const enrolment = await call(base, 'POST', `/api/courses/${courseId}/enrolments`, token, {});
      const detail = await call(base, 'GET', `/api/enrolments/${enrolment.id}`, token);
      const quizzes = detail.modules.flatMap((m) => m.lessons).filter((l) => l.kind === 'quiz');
      await takeQuiz(base, token, enrolment.id, quizzes[0].id, spec, (qi) => qi <= i % 2);
      await takeQuiz(base, token, enrolment.id, quizzes[quizzes.length - 1].id, spec, (qi) => i < 2 || qi > 0);
      done++;
    }
    log(`Demo cohort: ${done} ASN took the pre-test and post-test of "${spec.course.title}"`);
  } catch (err) {
    log(`The demo cohort was not created (${err.message}); the courses are there without it.`);
  }
}

/** Authors and publishes the demo courses unless the learner's catalog already shows something. Never throws. */
export async function ensureDemoCourses(base, log = console.log) {
  if (process.env.SEED_DEMO === 'false' || process.env.SEED_DEMO_COURSES === 'false') return;
  try {
    const catalog = await call(base, 'GET', '/api/catalog?pageSize=1', await login(base, LEARNER));
    if (catalog.total > 0) return;
    const author = await login(base, AUTHOR);
    const reviewer = await login(base, REVIEWER);
    const published = [];
    for (const spec of COURSES) {
      const course = await call(base, 'POST', '/api/courses', author, spec.course);
      for (const q of spec.questions) {
        await call(base, 'POST', `/api/courses/${course.id}/questions`, author, {
          kind: q.kind,
          prompt: q.prompt,
          points: q.points,
          answerKey: q.answerKey,
          ...(q.options ? { options: q.options.map(([id, t]) => ({ id, text: t })) } : {}),
        });
      }
      const pre = await call(base, 'POST', `/api/courses/${course.id}/quizzes`, author, {
        title: `Pre-test ${spec.course.title}`,
        settings: PRE_TEST,
      });
      const post = await call(base, 'POST', `/api/courses/${course.id}/quizzes`, author, {
        title: `Post-test ${spec.course.title}`,
        settings: POST_TEST,
      });
      const modules = spec.modules.map(([title, lessons], i) => [
        title,
        [
          ...(i === 0 ? [{ title: 'Pre-test', kind: 'quiz', content: { quizId: pre.id } }] : []),
          ...lessons,
          ...(i === spec.modules.length - 1
            ? [{ title: 'Post-test', kind: 'quiz', content: { quizId: post.id } }]
            : []),
        ],
      ]);
      for (const [title, lessons] of modules) {
        const mod = await call(base, 'POST', `/api/courses/${course.id}/modules`, author, { title });
        for (const lesson of lessons) await call(base, 'POST', `/api/modules/${mod.id}/lessons`, author, lesson);
      }
      await call(base, 'POST', `/api/courses/${course.id}/submit-review`, author, {});
      await call(base, 'POST', `/api/courses/${course.id}/publish`, reviewer, { note: 'Kursus contoh untuk demo' });
      published.push([course.id, spec]);
    }
    log(`Demo courses published: ${COURSES.map((c) => c.course.title).join('; ')}`);
    await firstCohort(base, ...published[0], log);
  } catch (err) {
    log(`Demo courses were not created (${err.message}); the platform runs without them.`);
  }
}
