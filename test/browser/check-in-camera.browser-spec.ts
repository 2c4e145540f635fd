import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { mintDelegates } from '#testing/delegates.js';
import { ConsoleBrowser } from './support/console-browser.js';
import { untilPasses } from './support/until-passes.js';

/** A Y4M video (4:2:0) of one QR code, white around it: what Chromium's fake camera plays in a loop. */
function qrVideo(payload: string): string {
  const W = 640;
  const H = 480;
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const scale = Math.floor(400 / (n + 8));
  const side = (n + 8) * scale;
  const x0 = Math.floor((W - side) / 2);
  const y0 = Math.floor((H - side) / 2);
  const y = Buffer.alloc(W * H, 235);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c))
        for (let dy = 0; dy < scale; dy++) y.fill(16, (y0 + (r + 4) * scale + dy) * W + x0 + (c + 4) * scale, (y0 + (r + 4) * scale + dy) * W + x0 + (c + 5) * scale);
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, chroma]);
  const file = join(mkdtempSync(join(tmpdir(), 'qr-video-')), 'badge.y4m');
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]));
  return file;
}

/** The real camera path: Chromium's fake camera plays a badge's QR code; @zxing/browser reads it (no BarcodeDetector on Linux). */
describe('Check-in with the camera', () => {
  let browser: ConsoleBrowser;
  let token: string;
  let registrationId: string;
  let listId: string;
  const eventName = { zh: `摄像头 ${Date.now()}`, en: `Camera ${Date.now()}`, ru: `Камера ${Date.now()}` };

  beforeAll(async () => {
    token = `cam-${randomUUID()}`;
    browser = await ConsoleBrowser.start({ extraArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${qrVideo(token)}`] });
    const admin = await browser.stack.loginAsAdmin();
    const created = await browser.stack.http.post(
      '/api/events',
      { slug: `cam-${randomUUID().slice(0, 8)}`, name: eventName, city: { zh: '青岛', en: 'Qingdao', ru: 'Циндао' }, timeZone: 'Asia/Shanghai', firstDay: '2025-07-18', lastDay: '2025-07-19', defaultLanguage: 'zh' },
      { token: admin },
    );
    listId = (await browser.stack.http.post(`/api/events/${created.body.id}/check-in-lists`, { name: { zh: '主入口', en: 'Main entrance', ru: 'Главный вход' } }, { token: admin })).body.id;
    const [d] = await mintDelegates(browser.stack, created.body.id, 1);
    registrationId = d.registrationId;
    await browser.stack.db.pool.query(`UPDATE registration SET badge_token = $2, name_native = '李刚', name_latin = 'Li Gang' WHERE id = $1`, [registrationId, token]);
  }, 120_000);
  afterAll(() => browser?.close());

  it('reads a badge from the camera: green, then amber when it is still held there (zh)', async () => {
    const page = await browser.newPage();
    const staff = await browser.createUser('staff', 'Camera Keeper');
    await browser.signIn(page, staff, 'zh', '/checkin');
    await page.getByTestId('edition-select').click();
    await page.locator('.ant-select-item-option', { hasText: eventName.zh }).click();
    await page.getByTestId('list-select').click();
    await page.locator('.ant-select-item-option', { hasText: '主入口' }).click();
    await untilPasses(() => page.getByTestId('scan-answer').getAttribute('data-kind').catch(() => null), (v) => expect(v).toBe('ok'));
    expect(await page.getByTestId('scan-answer').innerText()).toContain('李刚');
    await untilPasses(() => page.getByTestId('scan-answer').getAttribute('data-kind'), (v) => expect(v).toBe('again'));
    const { rows } = await browser.stack.db.pool.query(`SELECT count(*)::int AS n FROM check_in WHERE list_id = $1 AND registration_id = $2`, [listId, registrationId]);
    expect(rows[0].n).toBe(1);
    await browser.screenshot(page, 'checkin-camera-zh');
    await page.close();
  });
});
