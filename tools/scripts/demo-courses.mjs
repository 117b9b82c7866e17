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

const login = async (base, username) => (await call(base, 'POST', '/api/auth/login', null, { username, password: PASSWORD })).accessToken;

const text = (title, paragraphs) => ({ title, kind: 'text', content: { html: `<h2>${title}</h2>${paragraphs.map((p) => `<p>${p}</p>`).join('')}` } });

/** The demo catalog: what a province's BPSDM would put up first. */
const COURSES = [
  {
    course: {
      title: 'Pelayanan Publik Prima bagi ASN', jp: 6, competencyKind: 'sosial_kultural', learningMethod: 'e_learning', level: 'dasar',
      visibility: 'province', enrolmentMode: 'open', tags: ['pelayanan publik', 'BerAKHLAK'],
      description: '<p>Standar pelayanan, maklumat pelayanan dan penanganan pengaduan sesuai UU 25/2009, untuk ASN di unit layanan.</p>',
      objectives: ['Menjelaskan komponen standar pelayanan', 'Menyusun maklumat pelayanan unit kerja', 'Menangani pengaduan masyarakat secara tuntas'],
    },
    modules: [
      ['Standar pelayanan', [
        text('Asas dan komponen standar pelayanan', ['UU 25/2009 tentang Pelayanan Publik menetapkan asas kepentingan umum, kepastian hukum, kesamaan hak, keterbukaan dan akuntabilitas.', 'Standar pelayanan memuat persyaratan, prosedur, jangka waktu, biaya/tarif, produk layanan dan penanganan pengaduan.']),
        { title: 'Video: layanan prima di loket', kind: 'link', content: { url: 'https://www.menpan.go.id/site/berita-terkini' } },
        text('Maklumat pelayanan', ['Maklumat pelayanan adalah pernyataan tertulis penyelenggara tentang kesanggupan dan kewajiban melaksanakan pelayanan sesuai standar.']),
      ]],
      ['Pengaduan dan evaluasi', [
        text('Mengelola pengaduan', ['Setiap pengaduan dicatat, ditanggapi dan diselesaikan dalam jangka waktu yang diumumkan; SP4N-LAPOR! menghubungkan kanal pengaduan antarinstansi.']),
        { title: 'Post-test', kind: 'quiz', quiz: true },
      ]],
    ],
    quiz: {
      title: 'Post-test Pelayanan Publik Prima',
      settings: { role: 'post_test', draw: [], shuffleOptions: true, timeLimitSeconds: 900, maxAttempts: 3, passPercent: 70, gradingMethod: 'highest', reviewPolicy: 'after_submit' },
      questions: [
        { kind: 'single', prompt: 'Undang-undang yang mengatur pelayanan publik adalah …', options: [['a', 'UU 5/2014'], ['b', 'UU 25/2009'], ['c', 'UU 20/2023'], ['d', 'UU 30/2014']], answerKey: { correct: 'b' }, points: 2 },
        { kind: 'true_false', prompt: 'Maklumat pelayanan adalah pernyataan kesanggupan penyelenggara melaksanakan pelayanan sesuai standar.', answerKey: { correct: true }, points: 1 },
        { kind: 'multiple', prompt: 'Manakah yang termasuk komponen standar pelayanan?', options: [['a', 'Persyaratan'], ['b', 'Jangka waktu'], ['c', 'Nama pejabat'], ['d', 'Biaya/tarif']], answerKey: { correct: ['a', 'b', 'd'] }, points: 2 },
        { kind: 'single', prompt: 'Kanal pengaduan nasional yang terhubung antarinstansi adalah …', options: [['a', 'SIASN'], ['b', 'SP4N-LAPOR!'], ['c', 'e-Kinerja'], ['d', 'SIPD']], answerKey: { correct: 'b' }, points: 1 },
      ],
    },
  },
  {
    course: {
      title: 'Orientasi Nilai Dasar BerAKHLAK', jp: 4, competencyKind: 'manajerial', learningMethod: 'e_learning', level: 'dasar',
      visibility: 'national', enrolmentMode: 'open', tags: ['BerAKHLAK', 'orientasi'],
      description: '<p>Tujuh nilai dasar ASN — Berorientasi pelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif — dalam pekerjaan sehari-hari.</p>',
      objectives: ['Menguraikan tujuh nilai dasar ASN', 'Memberi contoh perilaku BerAKHLAK di unit kerja'],
    },
    modules: [
      ['Nilai dasar ASN', [
        text('Berorientasi pelayanan dan akuntabel', ['Memahami dan memenuhi kebutuhan masyarakat; melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas.']),
        text('Kompeten, harmonis dan loyal', ['Terus belajar dan mengembangkan kapabilitas; saling peduli dan menghargai perbedaan; setia kepada Pancasila, UUD 1945, NKRI dan pemerintahan yang sah.']),
        text('Adaptif dan kolaboratif', ['Terus berinovasi dan antusias menggerakkan perubahan; membangun kerja sama yang sinergis.']),
      ]],
    ],
  },
  {
    course: {
      title: 'Kepemimpinan Pengawas: Coaching dan Mentoring', jp: 8, competencyKind: 'manajerial', learningMethod: 'blended', level: 'menengah',
      visibility: 'province', enrolmentMode: 'approval', tags: ['kepemimpinan', 'coaching'],
      description: '<p>Untuk pejabat pengawas: percakapan coaching, mentoring pegawai baru dan umpan balik kinerja. Pendaftaran disetujui atasan langsung.</p>',
      objectives: ['Memimpin percakapan coaching dengan model GROW', 'Menyusun rencana mentoring pegawai baru'],
    },
    modules: [
      ['Coaching', [
        text('Model GROW', ['Goal, Reality, Options, Will: empat tahap percakapan yang membantu pegawai menemukan sendiri langkahnya.']),
        { title: 'Tugas: rencana coaching', kind: 'assignment', content: { instructions: 'Unggah rencana percakapan coaching untuk satu anggota tim (PDF atau Word).', maxScore: 100, passScore: 70 } },
      ]],
    ],
  },
];

/** Authors and publishes the demo courses unless the learner's catalog already shows something. Never throws. */
export async function ensureDemoCourses(base, log = console.log) {
  if (process.env.SEED_DEMO === 'false' || process.env.SEED_DEMO_COURSES === 'false') return;
  try {
    const catalog = await call(base, 'GET', '/api/catalog?pageSize=1', await login(base, LEARNER));
    if (catalog.total > 0) return;
    const author = await login(base, AUTHOR);
    const reviewer = await login(base, REVIEWER);
    for (const spec of COURSES) {
      const course = await call(base, 'POST', '/api/courses', author, spec.course);
      let quizId = null;
      if (spec.quiz) {
        for (const q of spec.quiz.questions) {
          await call(base, 'POST', `/api/courses/${course.id}/questions`, author, {
            kind: q.kind, prompt: q.prompt, points: q.points, answerKey: q.answerKey,
            ...(q.options ? { options: q.options.map(([id, t]) => ({ id, text: t })) } : {}),
          });
        }
        quizId = (await call(base, 'POST', `/api/courses/${course.id}/quizzes`, author, { title: spec.quiz.title, settings: spec.quiz.settings })).id;
      }
      for (const [title, lessons] of spec.modules) {
        const mod = await call(base, 'POST', `/api/courses/${course.id}/modules`, author, { title });
        for (const lesson of lessons) {
          const body = lesson.quiz ? { title: lesson.title, kind: 'quiz', content: { quizId } } : lesson;
          await call(base, 'POST', `/api/modules/${mod.id}/lessons`, author, body);
        }
      }
      await call(base, 'POST', `/api/courses/${course.id}/submit-review`, author, {});
      await call(base, 'POST', `/api/courses/${course.id}/publish`, reviewer, { note: 'Kursus contoh untuk demo' });
    }
    log(`Demo courses published: ${COURSES.map((c) => c.course.title).join('; ')}`);
  } catch (err) {
    log(`Demo courses were not created (${err.message}); the platform runs without them.`);
  }
}
