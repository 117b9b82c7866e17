import { embedUrl, parseVideoUrl, type VideoSource } from './video-url';

const source = (url: string): VideoSource => {
  const verdict = parseVideoUrl(url);
  if (!verdict.ok) throw new Error(`refused ${url}: ${verdict.reason}`);
  return verdict.source;
};
const reason = (url: string): string => {
  const verdict = parseVideoUrl(url);
  if (verdict.ok) throw new Error(`accepted ${url}`);
  return verdict.reason;
};

describe('parseVideoUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://youtube.com/watch?v=dQw4w9WgXcQ&feature=share', 'dQw4w9WgXcQ'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL1234567890', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=abcDEF123', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/embed/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0', 'dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/aBcDeFgHi_-', 'aBcDeFgHi_-'],
    ['https://www.youtube.com/live/dQw4w9WgXcQ', 'dQw4w9WgXcQ'],
    ['  https://youtu.be/dQw4w9WgXcQ  ', 'dQw4w9WgXcQ'],
  ])('takes the video id of the YouTube link %s', (url, id) => {
    expect(source(url)).toEqual({ kind: 'youtube', id });
  });

  it('keeps where a YouTube link starts (t=90, t=1m30s, start=)', () => {
    expect(source('https://youtu.be/dQw4w9WgXcQ?t=90')).toEqual({
      kind: 'youtube',
      id: 'dQw4w9WgXcQ',
      startSeconds: 90,
    });
    expect(source('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s')).toMatchObject({ startSeconds: 90 });
    expect(source('https://www.youtube.com/embed/dQw4w9WgXcQ?start=15')).toMatchObject({ startSeconds: 15 });
  });

  it.each([
    ['https://vimeo.com/76979871', { kind: 'vimeo', id: '76979871' }],
    ['https://vimeo.com/76979871/8272103f6e', { kind: 'vimeo', id: '76979871', hash: '8272103f6e' }],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e', { kind: 'vimeo', id: '76979871', hash: '8272103f6e' }],
    ['https://vimeo.com/channels/staffpicks/76979871', { kind: 'vimeo', id: '76979871' }],
  ])('reads the Vimeo link %s', (url, expected) => {
    expect(source(url)).toEqual(expected);
  });

  it.each([
    'https://video.example.go.id/berakhlak.mp4',
    'https://cdn.bkn.go.id/materi/Orientasi%20ASN.MP4?token=abc',
    'https://video.example.go.id/klip.webm',
    'https://video.example.go.id/klip.m4v',
    'https://video.example.go.id/klip.ogv',
  ])('plays the video file %s directly', (url) => {
    expect(source(url).kind).toBe('file');
  });

  it('refuses a YouTube link that names no single video, and says why', () => {
    expect(reason('https://www.youtube.com/@BKNgoid')).toMatch(/kanal/);
    expect(reason('https://www.youtube.com/channel/UC123')).toMatch(/kanal/);
    expect(reason('https://www.youtube.com/playlist?list=PL123')).toMatch(/daftar putar/);
    expect(reason('https://www.youtube.com/watch?feature=share')).toMatch(/tidak menyebut video/);
    expect(reason('https://youtu.be/pendek')).toMatch(/kode video "pendek" yang tidak sah/);
    expect(reason('https://www.youtube.com/')).toMatch(/tidak menyebut video/);
  });

  it('refuses a Vimeo link without a video number', () => {
    expect(reason('https://vimeo.com/bpsdmntb')).toMatch(/Vimeo.*tidak menyebut video/);
  });

  it('refuses pages and files a browser cannot play, saying what to do instead', () => {
    expect(reason('https://drive.google.com/file/d/1abc/view')).toMatch(/Google Drive.*unggah/);
    expect(reason('https://www.facebook.com/watch/?v=123')).toMatch(/Facebook/);
    expect(reason('https://www.menpan.go.id/site/berita-terkini')).toMatch(/bukan video YouTube, video Vimeo/);
    expect(reason('https://video.example.go.id/rekaman.avi')).toMatch(/AVI tidak dapat diputar.*MP4/);
    expect(reason('https://video.example.go.id/rekaman.mov')).toMatch(/QuickTime/);
    expect(reason('https://video.example.go.id/siaran.m3u8')).toMatch(/HLS/);
    expect(reason('http://video.example.go.id/berakhlak.mp4')).toMatch(/https/);
    expect(reason('ftp://video.example.go.id/berakhlak.mp4')).toMatch(/https:\/\//);
    expect(reason('youtube.com/watch?v=dQw4w9WgXcQ')).toMatch(/bukan URL yang lengkap/);
  });
});

describe('embedUrl', () => {
  it('builds the player address with the JS API on for YouTube and the private hash for Vimeo', () => {
    expect(embedUrl({ kind: 'youtube', id: 'dQw4w9WgXcQ', startSeconds: 30 }, 'https://kompeten.ntbprov.go.id')).toBe(
      'https://www.youtube.com/embed/dQw4w9WgXcQ?enablejsapi=1&playsinline=1&rel=0&origin=https%3A%2F%2Fkompeten.ntbprov.go.id&start=30',
    );
    expect(embedUrl({ kind: 'vimeo', id: '76979871', hash: '8272103f6e' })).toBe(
      'https://player.vimeo.com/video/76979871?dnt=1&h=8272103f6e',
    );
    expect(embedUrl({ kind: 'file', url: 'https://x.go.id/a.mp4' })).toBeNull();
  });
});
