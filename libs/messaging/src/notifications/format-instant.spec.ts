import { formatInstant } from './format-instant.js';

describe('formatInstant', () => {
  const tenInQingdao = new Date('2027-07-17T02:00:00Z');

  it('writes the event\'s wall clock with its UTC offset and zone name in each language', () => {
    expect(formatInstant(tenInQingdao, 'Asia/Shanghai', 'en')).toBe('17 July 2027 at 10:00 (UTC+08:00, China Standard Time)');
    expect(formatInstant(tenInQingdao, 'Asia/Shanghai', 'zh')).toBe('2027年7月17日 10:00（UTC+08:00，中国标准时间）');
    expect(formatInstant(tenInQingdao, 'Asia/Shanghai', 'ru')).toBe('17 июля 2027 г. в 10:00 (UTC+08:00, Китай, стандартное время)');
  });

  it('gives the offset in force at that instant, and UTC+00:00 rather than a bare GMT', () => {
    expect(formatInstant(new Date('2027-01-10T09:00:00Z'), 'Europe/Berlin', 'en')).toContain('10:00 (UTC+01:00,');
    expect(formatInstant(new Date('2027-07-10T09:00:00Z'), 'Europe/Berlin', 'en')).toContain('11:00 (UTC+02:00,');
    expect(formatInstant(tenInQingdao, 'UTC', 'en')).toContain('02:00 (UTC+00:00,');
  });
});
