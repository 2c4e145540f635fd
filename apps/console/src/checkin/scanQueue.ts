import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { type ScanAnswer, sendBatch, sendScan } from './checkinApi';

/**
 * Offline first: every scan is written to IndexedDB (with its nonce and scan time) before it is sent, so nothing
 * scanned is lost to a dropped network, a reload or a closed tab. A scan the network did not carry stays queued and
 * goes through POST /api/check-ins/batch when the network is back; its answer is kept and listed as "what happened
 * while offline". The nonce makes a resend harmless: the api answers a repeat of the same scan with its first
 * answer and writes nothing (scan_badge), so two tabs or a retry after a lost answer never check anyone in twice.
 */
export interface StoredScan {
  nonce: string;
  listId: string;
  scannedAt: string;
  /** The badge token, kept only until the api has answered (a working badge does not stay on the phone). */
  token?: string;
  /** Not answered at once: shown in the list of what happened while offline. */
  queuedOffline: boolean;
  answer?: ScanAnswer;
  answeredAt?: string;
}

interface ScanDb extends DBSchema {
  scans: { key: string; value: StoredScan; indexes: { byScannedAt: string } };
}

const BATCH = 500; // the api's ArrayMaxSize
const RETRY_MS = 5000;

export interface QueueState {
  online: boolean;
  waiting: number;
  offlineAnswers: StoredScan[];
}

export type ScanOutcome = { kind: 'answered'; answer: ScanAnswer } | { kind: 'queued' };

class ScanQueue {
  private db?: Promise<IDBPDatabase<ScanDb>>;
  private state: QueueState = { online: navigator.onLine, waiting: 0, offlineAnswers: [] };
  private readonly listeners = new Set<() => void>();
  private readonly sending = new Set<string>();
  private flushing?: Promise<void>;
  private timer?: number;
  private started = false;

  private open(): Promise<IDBPDatabase<ScanDb>> {
    this.db ??= openDB<ScanDb>('sco-checkin', 1, {
      upgrade(db) {
        db.createObjectStore('scans', { keyPath: 'nonce' }).createIndex('byScannedAt', 'scannedAt');
      },
    });
    return this.db;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  };

  snapshot = (): QueueState => this.state;

  private set(next: Partial<QueueState>): void {
    this.state = { ...this.state, ...next };
    for (const listener of this.listeners) listener();
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    window.addEventListener('online', () => {
      this.set({ online: true });
      void this.flush();
    });
    window.addEventListener('offline', () => this.set({ online: false }));
    // navigator.onLine can say online on a network that carries nothing: retry what waits every few seconds.
    this.timer = window.setInterval(() => {
      if (this.state.waiting > 0 && navigator.onLine) void this.flush();
    }, RETRY_MS);
    void this.refresh().then(() => this.flush());
  }

  /** Counts and the offline answers, read back from IndexedDB (the truth across tabs and reloads). */
  async refresh(): Promise<void> {
    const all = await (await this.open()).getAllFromIndex('scans', 'byScannedAt');
    this.set({
      waiting: all.filter((s) => !s.answer).length,
      offlineAnswers: all.filter((s) => s.queuedOffline && s.answer).reverse(),
    });
  }

  /** Records the scan, then sends it unless the device is offline. */
  async scan(token: string, listId: string): Promise<ScanOutcome> {
    const db = await this.open();
    const scan: StoredScan = { nonce: `scan-${crypto.randomUUID()}`, listId, token, scannedAt: new Date().toISOString(), queuedOffline: !navigator.onLine };
    await db.put('scans', scan);
    if (scan.queuedOffline) {
      this.set({ online: false });
      await this.refresh();
      return { kind: 'queued' };
    }
    this.sending.add(scan.nonce);
    try {
      const answer = await sendScan({ token, listId, nonce: scan.nonce, scannedAt: scan.scannedAt });
      // Answered at once: shown now, nothing left to keep.
      await db.delete('scans', scan.nonce);
      this.set({ online: true });
      return { kind: 'answered', answer };
    } catch {
      // No answer came back (network): it waits for the batch, and whatever happened is learnt then.
      await db.put('scans', { ...scan, queuedOffline: true });
      this.set({ online: false });
      return { kind: 'queued' };
    } finally {
      this.sending.delete(scan.nonce);
      await this.refresh();
    }
  }

  /** Sends everything that waits, in batches, and keeps each answer by its nonce. */
  flush(): Promise<void> {
    this.flushing ??= (async () => {
      try {
        const db = await this.open();
        const waiting = (await db.getAllFromIndex('scans', 'byScannedAt')).filter((s) => !s.answer && s.token && !this.sending.has(s.nonce));
        for (let i = 0; i < waiting.length; i += BATCH) {
          const chunk = waiting.slice(i, i + BATCH);
          const answers = await sendBatch(chunk.map((s) => ({ token: s.token!, listId: s.listId, nonce: s.nonce, scannedAt: s.scannedAt })));
          const byNonce = new Map(answers.map((a) => [a.nonce, a]));
          const tx = db.transaction('scans', 'readwrite');
          for (const s of chunk) {
            const answer = byNonce.get(s.nonce);
            if (!answer) continue;
            const { nonce: _nonce, ...rest } = answer;
            void _nonce;
            await tx.store.put({ ...s, token: undefined, queuedOffline: true, answer: rest, answeredAt: new Date().toISOString() });
          }
          await tx.done;
          this.set({ online: true });
        }
      } catch {
        this.set({ online: false });
      } finally {
        this.flushing = undefined;
        await this.refresh();
      }
    })();
    return this.flushing;
  }

  /** Clears the list of offline answers once read (the scans stay answered on the api). */
  async clearOfflineAnswers(): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('scans', 'readwrite');
    for (const s of await tx.store.getAll()) if (s.answer) await tx.store.delete(s.nonce);
    await tx.done;
    await this.refresh();
  }

  stop(): void {
    if (this.timer) window.clearInterval(this.timer);
  }
}

export const scanQueue = new ScanQueue();
