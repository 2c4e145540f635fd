import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { FieldCipher } from './field-cipher.js';

export const fieldCipherProvider: Provider = {
  provide: FieldCipher,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => new FieldCipher(config.dataEncryptionKey),
};
