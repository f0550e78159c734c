/**
 * BENCHMARK (not a test; web/README.md "Benchmark"): one big file uploaded from the upload page of the running system,
 * timed from the press on "Upload 1 video" until the page shows it done. e2e's WebUploadBenchmark starts the system,
 * runs this, runs the CLI with a file of the same size, and prints the ratio. Prints one line
 * `BENCH_RESULT {"bytes":…,"seconds":…}`.
 *   APEXSHARE_URL, APEXSHARE_TRAINER_USERNAME, APEXSHARE_TRAINER_PASSWORD   the system and the demo trainer
 *   BENCH_FILE                                                             the file to upload (a .mp4)
 */
import { stat } from 'node:fs/promises';
import { it } from 'vitest';
import { launch } from '../harness/browser';
import { describeDrafts, gotoAndSettle, waitUploaded } from '../harness/scenarios';
import { signInAtIdentityProvider } from '../harness/signin';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

it('uploads one big file from the page', async () => {
  const baseUrl = required('APEXSHARE_URL').replace(/\/$/, '');
  const file = required('BENCH_FILE');
  const bytes = (await stat(file)).size;
  const browser = await launch();
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    await gotoAndSettle(page, `${baseUrl}/uploads`, 'Sign in to ApexShare');
    await signInAtIdentityProvider(page, baseUrl, required('APEXSHARE_TRAINER_USERNAME'), required('APEXSHARE_TRAINER_PASSWORD'));
    await page.getByRole('heading', { level: 1, name: 'Your uploads' }).waitFor();
    await gotoAndSettle(page, `${baseUrl}/upload`, 'Upload videos');
    await page.getByLabel('Choose videos').setInputFiles([file]);
    await describeDrafts(page, { email: `bench.${Date.now()}@student.example`, name: 'Bench Student' }, '');
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Upload 1 video' }).click();
    await waitUploaded(page, 1, 30 * 60_000);
    const seconds = (performance.now() - t0) / 1000;
    console.log(`BENCH_RESULT ${JSON.stringify({ bytes, seconds })}`);
  } finally {
    await browser.close();
  }
}, 40 * 60_000);
