import { formatMoney, formatWhen, localIso } from './reader-formats.js';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('reader formats', () => {
  it('writes an amount with its currency as each language does, without losing digits of a large one', () => {
    expect(formatMoney('500000000.00', 'CNY', 'zh')).toBe('¥500,000,000.00');
    expect(formatMoney('500000000.00', 'CNY', 'en')).toBe('CN¥500,000,000.00');
    expect(nbsp(formatMoney('500000000.00', 'CNY', 'ru'))).toBe('500 000 000,00 CN¥');
    // 18 digits: more than a JavaScript number holds exactly.
    expect(formatMoney('123456789012345678.99', 'USD', 'en')).toBe('US$123,456,789,012,345,678.99');
  });

  it('writes an instant in the event zone, as text and as ISO local time with the offset', () => {
    const instant = new Date('2025-07-18T03:58:00.000Z');
    expect(formatWhen(instant, 'Asia/Shanghai', 'en')).toBe('18 July 2025 at 11:58');
    expect(formatWhen(instant, 'Asia/Shanghai', 'zh')).toBe('2025年7月18日 11:58');
    expect(localIso(instant, 'Asia/Shanghai')).toBe('2025-07-18T11:58:00+08:00');
    expect(localIso(instant, 'UTC')).toBe('2025-07-18T03:58:00+00:00');
    expect(localIso(new Date('2025-01-01T00:30:00Z'), 'America/New_York')).toBe('2024-12-31T19:30:00-05:00');
  });
});
