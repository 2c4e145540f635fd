import { withoutAddresses } from './notification-delivery.service.js';

describe('withoutAddresses', () => {
  it('masks every address a mail server quotes, keeping the rest of its reply', () => {
    expect(withoutAddresses('450 4.2.1 <busy-redis@example.uz>: mailbox busy, also a.b+c@mail.example.kz'))
      .toBe('450 4.2.1 <<address>>: mailbox busy, also <address>');
  });

  it('leaves a reply without addresses as it is', () => {
    expect(withoutAddresses('Connection timeout')).toBe('Connection timeout');
  });
});
