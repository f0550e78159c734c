import { randomBytes } from 'node:crypto';
import type { BrowserContext } from 'playwright-core';

/**
 * A real, playable test video made by the browser itself (canvas + MediaRecorder, WebM/VP8), so no video file or
 * encoder needs to be installed. `padTo` appends an EBML Void element of random bytes (players skip it) to reach a
 * size: every file is unique, so "the bytes are equal" means something.
 */
export async function recordWebm(context: BrowserContext, millis = 1500): Promise<Buffer> {
  const page = await context.newPage();
  try {
    const base64 = await page.evaluate(async (duration) => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 180;
      const g = canvas.getContext('2d')!;
      const stream = canvas.captureStream(15);
      const recorder = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8' });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => chunks.push(e.data);
      const done = new Promise<void>((resolve) => { recorder.onstop = () => resolve(); });
      recorder.start(100);
      const started = performance.now();
      await new Promise<void>((resolve) => {
        const frame = () => {
          const t = performance.now() - started;
          g.fillStyle = `hsl(${(t / 5) % 360} 70% 45%)`;
          g.fillRect(0, 0, 320, 180);
          g.fillStyle = '#fff';
          g.font = '32px sans-serif';
          g.fillText(`ApexShare ${(t / 1000).toFixed(1)} s`, 20, 100);
          if (t < duration) requestAnimationFrame(frame);
          else resolve();
        };
        frame();
      });
      recorder.stop();
      await done;
      const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    }, millis);
    return Buffer.from(base64, 'base64');
  } finally {
    await page.close();
  }
}

export function padTo(video: Buffer, size: number): Buffer {
  const padding = size - video.length - 9;
  if (padding < 0) return video;
  const header = Buffer.alloc(9);
  header[0] = 0xec; // EBML Void
  header[1] = 0x01; // 8-byte size
  header.writeUIntBE(Math.floor(padding / 2 ** 32), 2, 3);
  header.writeUInt32BE(padding % 2 ** 32, 5);
  return Buffer.concat([video, header, randomBytes(padding)]);
}
