import fc from 'fast-check';

/** Text that has broken other systems: SQL, markup, template syntax, prototype paths, formula cells. */
export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE app_user; --",
  "1); SELECT pg_sleep(5); --",
  "' UNION SELECT password_hash FROM app_user --",
  '%_%',
  '\\',
  '$1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("return process")()}}',
  '${process.exit()}',
  '__proto__',
  'constructor.prototype.admin',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '../../etc/passwd',
  'null',
  'undefined',
  'NaN',
];

/** Scripts the conference really sees, and code points that trip up storage and rendering. */
export const AWKWARD_TEXTS = [
  '上海合作组织地方经贸合作',
  'Шанхайская организация сотрудничества',
  'Қазақстан Республикасы',
  'Oʻzbekiston',
  'Кыргызстан — 吉尔吉斯斯坦 — Kyrgyzstan',
  'مرحبا',
  'हिन्दी',
  '👩🏽‍💻🇨🇳🇷🇺',
  'Z̸̡̛a̵l̷g̶o̴',
  'e\u0301',
  '\u202Eevil\u202C',
  '\uFEFFbom',
  '\u200B',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\r\n',
  '\t',
  ' ',
  '',
  '   ',
];

/** One character from ranges a delegate's name or an organiser's text can come from, or that nobody should send. */
const awkwardChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 3, arbitrary: fc.integer({ min: 0x400, max: 0x4ff }).map((c) => String.fromCharCode(c)) },
  { weight: 3, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x600, max: 0x6ff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x1f300, max: 0x1f6ff }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x300, max: 0x36f }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x0, max: 0x1f }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x200b, max: 0x200f }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
);

/** Latin, Cyrillic and Han (and worse) mixed in one string. */
export const mixedScriptText = (maxLength = 40): fc.Arbitrary<string> => fc.string({ unit: awkwardChar, minLength: 0, maxLength });

/** Up to 100,000 characters (a pattern repeated: generating them one by one would take longer than sending them). */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(mixedScriptText(12), fc.constantFrom(2_001, 10_001, 100_000))
  .map(([unit, length]) => (unit || 'Ж').repeat(Math.ceil(length / Math.max(1, (unit || 'Ж').length))).slice(0, length));

/** Short: a body carries several texts; long ones are a kind of body of their own (`huge string`), and just over a field's limit is tried per field. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: mixedScriptText() },
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS, ...AWKWARD_TEXTS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...INJECTIONS), fc.constantFrom(...AWKWARD_TEXTS), mixedScriptText(8)).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string() },
);

/** Days around the test event (18–19 July 2025), a leap day, and days that do not exist. */
export const DAYS = ['2025-07-17', '2025-07-18', '2025-07-19', '2025-07-20', '2024-02-29', '1900-01-01', '2100-12-31'];
export const BAD_DAYS = [
  '2025-02-30',
  '2025-02-29',
  '2025-04-31',
  '2025-13-01',
  '2025-00-10',
  '2025-07-32',
  '0000-00-00',
  '9999-99-99',
  '2025-7-18',
  '18.07.2025',
  '2025/07/18',
  '20250718',
  '+275760-09-13',
  '２０２５-０７-１８',
  '2025-07-18T10:00:00Z',
  'today',
];

/** Instants on those days in Qingdao time: picked independently for a start and an end, half the ranges run backwards. */
export const validInstant: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...DAYS.slice(0, 4)), fc.integer({ min: 0, max: 23 }), fc.constantFrom('00', '15', '30', '45'), fc.constantFrom('+08:00', 'Z', '+03:00'))
  .map(([day, hour, minute, zone]) => `${day}T${String(hour).padStart(2, '0')}:${minute}:00${zone}`);

export const BAD_INSTANTS = [
  '2025-02-30T10:00:00+08:00',
  '2025-07-18T25:00:00+08:00',
  '2025-07-18T10:60:00Z',
  '2025-07-18T10:00:00+25:00',
  '2025-07-18 10:00',
  'Fri Jul 18 2025 10:00:00 GMT+0800',
  '275760-09-14T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1970-01-01T00:00:00Z',
  'Invalid Date',
  '2025-07-18T10:00:00.123456789+08:00',
  '',
  '0',
  '-1',
  '1e21',
];

export const BAD_UUIDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '123e4567-e89b-12d3-a456-42661417400',
  '123e4567-e89b-12d3-a456-4266141740000',
  '{123e4567-e89b-12d3-a456-426614174000}',
  "123e4567-e89b-12d3-a456-426614174000' OR '1'='1",
  '123e4567-e89b-12d3-a456-426614174000\u0000',
];

export const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(-0, 1.5, 0.1, -1, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 5e-324, 100_001, 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom('1', '1e3', '0x10', ' 2 ', 'Infinity'),
);

/** Keys that reach for the prototype, or shadow what code calls on an object. */
export const POISON_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'toJSON', 'then', 'length', '$where', ''];

export const hostileKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...POISON_KEYS), mixedScriptText(12), fc.string({ maxLength: 10 }));

/** Any JSON value, with hostile keys and texts inside. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.anything({
  key: hostileKey,
  maxDepth: 4,
  maxKeys: 6,
  values: [hostileText, hostileNumber, fc.boolean(), fc.constant(null)],
});

/** Nesting deeper than any request needs, and deeper than a validator's recursion survives: arrays, objects, or a mix. */
export const deepNesting: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(40, 1_000, 5_000), fc.constantFrom('array', 'object', 'mixed'), fc.constantFrom('null', '"x"', '{}', '1'))
  .map(([depth, shape, leaf]) => {
    const open = shape === 'array' ? '[' : shape === 'object' ? '{"a":' : '[{"__proto__x":';
    const close = shape === 'array' ? ']' : shape === 'object' ? '}' : '}]';
    return open.repeat(depth) + leaf + close.repeat(depth);
  });
