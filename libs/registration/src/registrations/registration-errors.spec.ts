import { REGISTRATION_STATUSES } from '../registration-vocabulary.js';
import { invalidTransition } from './registration-errors.js';

describe(invalidTransition.name, () => {
  it('makes every registration state read right in INVALID_TRANSITION', () => {
    expect(REGISTRATION_STATUSES.map((status) => invalidTransition(status, 'approved').message)).toEqual([
      'A pending registration cannot be approved',
      'An approved registration cannot be approved',
      'A rejected registration cannot be approved',
      'A cancelled registration cannot be approved',
    ]);
  });
});
