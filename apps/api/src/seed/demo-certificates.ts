import type { EntityManager } from 'typeorm';
import { saveTemplate, type TemplateFields } from '@kompeten/server-certificate';

/**
 * Certificate templates of the demo world (issue 17): the province's BPSDM, which runs most demo courses, and Kota
 * Mataram's BKPSDM, with their heads as signatories. Other agencies use the default derived from their name.
 */
const TEMPLATES: Array<{ agencyCode: string; template: TemplateFields }> = [
  {
    agencyCode: 'prov-ntb',
    template: {
      title: 'SURAT TANDA TAMAT PELATIHAN',
      awardedTo: 'diberikan kepada',
      completed: 'telah mengikuti dengan baik',
      closing: 'yang diselenggarakan oleh BPSDM Provinsi Nusa Tenggara Barat melalui Kompeten',
      city: 'Mataram',
      signatoryName: 'Drs. H. Lalu Abdul Wahab, M.Si.',
      signatoryPosition: 'Kepala BPSDM Provinsi Nusa Tenggara Barat',
      signatoryNip: '197205122000031002',
      pattern: '800/{seq:0000}/{kode}/{bulanRomawi}/{tahun}',
      kode: 'BPSDM-NTB',
      unit: 'BPSDM',
      validityMonths: null,
      logoSha256: null,
    },
  },
  {
    agencyCode: 'kota-mataram',
    template: {
      title: 'SERTIFIKAT',
      awardedTo: 'diberikan kepada',
      completed: 'telah menyelesaikan',
      closing: null,
      city: 'Mataram',
      signatoryName: 'Kepala BKPSDM Kota Mataram',
      signatoryPosition: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
      signatoryNip: null,
      pattern: '800/{seq:0000}/{kode}/{tahun}',
      kode: 'BKPSDM-MTR',
      unit: 'BKPSDM',
      validityMonths: 36,
      logoSha256: null,
    },
  },
];

export async function seedDemoCertificates(m: EntityManager, agencyIds: Map<string, string>): Promise<number> {
  let n = 0;
  for (const { agencyCode, template } of TEMPLATES) {
    const agencyId = agencyIds.get(agencyCode);
    if (!agencyId) continue;
    await saveTemplate(m, agencyId, template, null);
    n++;
  }
  return n;
}
