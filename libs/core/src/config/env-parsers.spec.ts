import { ConfigError, readBool, readEmail, readEnum, readInt, readString, readUrl } from './env-parsers.js';

describe(ConfigError.name, () => {
  it('is an Error named ConfigError', () => {
    const error = new ConfigError('PORT is wrong');

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(error.message).toBe('PORT is wrong');
  });
});

describe(readString.name, () => {
  it('trims the value and falls back when it is missing or blank', () => {
    expect(readString({ HOST: '  ::1 ' }, 'HOST', '0.0.0.0')).toBe('::1');
    expect(readString({ HOST: '  ' }, 'HOST', '0.0.0.0')).toBe('0.0.0.0');
    expect(readString({}, 'HOST')).toBeUndefined();
  });
});

describe(readInt.name, () => {
  it('parses integers within the bounds, including negative ones', () => {
    expect(readInt({ N: '42' }, 'N', 1, 0, 100)).toBe(42);
    expect(readInt({ N: '-5' }, 'N', 1, -10, 10)).toBe(-5);
    expect(readInt({}, 'N', 7, 0, 100)).toBe(7);
  });

  it.each(['4.5', '1e3', '0x10', '12abc'])('rejects the non-integer %j', (value) => {
    expect(() => readInt({ N: value }, 'N', 1, 0, 10_000)).toThrow(new ConfigError(`N must be an integer, got "${value}"`));
  });

  it('rejects values outside the bounds', () => {
    expect(() => readInt({ N: '101' }, 'N', 1, 0, 100)).toThrow('N must be between 0 and 100, got 101');
    expect(() => readInt({ N: '-1' }, 'N', 1, 0, 100)).toThrow('N must be between 0 and 100, got -1');
  });
});

describe(readBool.name, () => {
  it.each(['1', 'true', 'YES', 'On'])('reads %j as true', (value) => {
    expect(readBool({ B: value }, 'B', false)).toBe(true);
  });

  it.each(['0', 'false', 'No', 'OFF'])('reads %j as false', (value) => {
    expect(readBool({ B: value }, 'B', true)).toBe(false);
  });

  it('falls back when unset and rejects anything else', () => {
    expect(readBool({}, 'B', true)).toBe(true);
    expect(() => readBool({ B: 'maybe' }, 'B', false)).toThrow(ConfigError);
  });
});

describe(readEnum.name, () => {
  it('accepts only the listed values, case-sensitively', () => {
    const levels = ['info', 'warn'] as const;

    expect(readEnum({ L: 'warn' }, 'L', levels, 'info')).toBe('warn');
    expect(readEnum({}, 'L', levels, 'info')).toBe('info');
    expect(() => readEnum({ L: 'WARN' }, 'L', levels, 'info')).toThrow('L must be one of info, warn, got "WARN"');
  });
});

describe(readUrl.name, () => {
  it('accepts the listed protocols only', () => {
    expect(readUrl({ U: 'rediss://cache:6380' }, 'U', ['redis', 'rediss'])).toBe('rediss://cache:6380');
    expect(readUrl({}, 'U', ['redis'])).toBeUndefined();
    expect(() => readUrl({ U: 'http://cache' }, 'U', ['redis', 'rediss'])).toThrow('U must use redis or rediss, got "http:"');
    expect(() => readUrl({ U: 'not a url' }, 'U', ['redis'])).toThrow('U must be a URL (redis), got an unparsable value');
  });
});

describe(readEmail.name, () => {
  it('lower-cases a valid address and rejects an invalid one', () => {
    expect(readEmail({ E: 'Admin@Example.ORG' }, 'E')).toBe('admin@example.org');
    expect(readEmail({}, 'E')).toBeUndefined();
    expect(() => readEmail({ E: 'admin@localhost' }, 'E')).toThrow('E must be an email address');
  });
});

describe('readTrustProxy', () => {
  it('reads false, true, hop counts and address lists, and refuses anything else naming the variable', async () => {
    const { readTrustProxy } = await import('./env-parsers.js');
    expect(readTrustProxy({}, 'TRUST_PROXY')).toBe(false);
    expect(readTrustProxy({ TRUST_PROXY: 'false' }, 'TRUST_PROXY')).toBe(false);
    expect(readTrustProxy({ TRUST_PROXY: 'true' }, 'TRUST_PROXY')).toBe(true);
    expect(readTrustProxy({ TRUST_PROXY: '1' }, 'TRUST_PROXY')).toBe(1);
    expect(readTrustProxy({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }, 'TRUST_PROXY')).toBe('10.0.0.0/8,127.0.0.1');
    expect(() => readTrustProxy({ TRUST_PROXY: 'the load balancer' }, 'TRUST_PROXY')).toThrow(/TRUST_PROXY must be/);
  });
});
