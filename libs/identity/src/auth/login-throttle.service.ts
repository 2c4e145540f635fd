import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { TooManyLoginAttemptsError } from './auth-errors.js';

/**
 * Failed logins are counted per account and per address in PostgreSQL, so the
 * limit holds across api replicas. The account's counter is bumped *before* the
 * password is checked and given back on success: parallel guesses at one account
 * cannot slip past the limit while their hashes are being checked. The address
 * counts only real failures, so many people behind one address (a hotel, a press
 * centre) can still log in at once.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get window(): string {
    return `${this.config.loginWindowSeconds} seconds`;
  }

  /** Bumps a counter (a new window if the last expired) and returns the count and the seconds left. */
  private async bump(key: string): Promise<{ failures: number; retryAfter: number }> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, window_started_at, failures) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - $2::interval THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - $2::interval THEN now() ELSE t.window_started_at END
       RETURNING failures, ceil(extract(epoch FROM t.window_started_at + $2::interval - now()))::int AS retry_after`,
      [key, this.window],
    )) as { failures: number; retry_after: number }[];
    return { failures: row.failures, retryAfter: Math.max(1, row.retry_after) };
  }

  private async giveBack(key: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE login_throttle SET failures = greatest(failures - 1, 0)
        WHERE key = $1 AND window_started_at >= now() - $2::interval`,
      [key, this.window],
    );
  }

  private async current(key: string): Promise<{ failures: number; retryAfter: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT failures, ceil(extract(epoch FROM window_started_at + $2::interval - now()))::int AS retry_after
         FROM login_throttle WHERE key = $1 AND window_started_at >= now() - $2::interval`,
      [key, this.window],
    )) as { failures: number; retry_after: number }[];
    return row ? { failures: row.failures, retryAfter: Math.max(1, row.retry_after) } : { failures: 0, retryAfter: 0 };
  }

  /**
   * Runs `attempt` (which checks the password) under the limits; `attempt`
   * returns undefined for a failed login. Throws TooManyLoginAttemptsError when a
   * limit is reached.
   */
  async guard<T>(email: string, address: string, attempt: () => Promise<T | undefined>): Promise<T | undefined> {
    const limit = this.config.loginMaxFailures;
    const accountKey = `account:${email.toLowerCase()}`;
    const addressKey = `address:${address}`;

    const address0 = await this.current(addressKey);
    if (address0.failures >= limit) throw new TooManyLoginAttemptsError(address0.retryAfter);

    const account = await this.bump(accountKey);
    if (account.failures > limit) {
      await this.giveBack(accountKey);
      throw new TooManyLoginAttemptsError(account.retryAfter);
    }
    let result: T | undefined;
    try {
      result = await attempt();
    } catch (error) {
      await this.giveBack(accountKey);
      throw error;
    }
    if (result !== undefined) {
      await this.giveBack(accountKey);
      return result;
    }
    await this.bump(addressKey);
    return undefined;
  }
}
