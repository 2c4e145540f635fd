import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '#core/config/app-config.js';
import { APP_CONFIG } from '#core/config/config.module.js';
import { TooManyLoginAttemptsError } from './auth-errors.js';

const PLACEHOLDER = /^\$\d+(::\w+)?$/;

/**
 * The statement that gives back one bump of a counter still in its window, with the key and the window's length
 * as the given placeholders. Shared with AuthService.login, which gives a successful login's bump back in the
 * same statement that opens its session (one commit instead of two).
 */
export function giveBackStatement(key: string, window: string): string {
  // Placeholders only ($7, $7::text): the arguments go into the SQL text, so no value may ever be passed here.
  if (![key, window].every((placeholder) => PLACEHOLDER.test(placeholder))) throw new Error('giveBackStatement takes placeholders, not values');
  return `UPDATE login_throttle SET failures = greatest(failures - 1, 0)
           WHERE key = ${key} AND window_started_at >= now() - ${window}::interval`;
}

/** What `guard` does with the account's bump when the attempt succeeds. */
export type OnSuccess = 'give back' | 'caller gives back';

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

  /** The window's length as an interval literal, the parameter of every statement here. */
  get window(): string {
    return `${this.config.loginWindowSeconds} seconds`;
  }

  /** The key of an account's counter. */
  accountKey(email: string): string {
    return `account:${email.toLowerCase()}`;
  }

  /** Gives back the bump `guard` took on an account's counter. */
  async giveBack(key: string): Promise<void> {
    await this.dataSource.query(giveBackStatement('$1', '$2'), [key, this.window]);
  }

  /** Counts a failure against the address (a new window if the last expired). */
  private async bumpAddress(key: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_throttle AS t (key, window_started_at, failures) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - $2::interval THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - $2::interval THEN now() ELSE t.window_started_at END`,
      [key, this.window],
    );
  }

  /**
   * Runs `attempt` (which checks the password) under the limits; `attempt`
   * returns undefined for a failed login. Throws TooManyLoginAttemptsError when a
   * limit is reached. With 'caller gives back', a successful attempt keeps its bump
   * on the account's counter: the caller must give it back (giveBackStatement in
   * its own statement, or giveBack).
   */
  async guard<T>(
    email: string,
    address: string,
    attempt: () => Promise<T | undefined>,
    onSuccess: OnSuccess = 'give back',
  ): Promise<T | undefined> {
    const accountKey = this.accountKey(email);
    const addressKey = `address:${address}`;

    // The address's limit, the account's bump and, over the account's limit, the give-back: one statement
    // (login_throttle_enter, migration LoginHotPath).
    const [{ retry_after: retryAfter }] = (await this.dataSource.query(
      `SELECT login_throttle_enter($1, $2, $3::interval, $4) AS retry_after`,
      [accountKey, addressKey, this.window, this.config.loginMaxFailures],
    )) as { retry_after: number }[];
    if (retryAfter > 0) throw new TooManyLoginAttemptsError(retryAfter);

    let result: T | undefined;
    try {
      result = await attempt();
    } catch (error) {
      await this.giveBack(accountKey);
      throw error;
    }
    if (result !== undefined) {
      if (onSuccess === 'give back') await this.giveBack(accountKey);
      return result;
    }
    await this.bumpAddress(addressKey);
    return undefined;
  }
}
