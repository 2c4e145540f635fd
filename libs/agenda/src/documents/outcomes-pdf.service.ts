import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PublicOutcomes } from '#outcomes/index.js';
import { RenderPool } from '../render/render-pool.js';

/** Lists kept rendered (events × languages); the oldest fall out first. */
const KEPT = 16;

/**
 * The public list of outcomes as a PDF: rendered on the rendering thread, and kept for as long as the list reads
 * the same (the key is a digest of the list itself), so repeated downloads cost nothing and an approval shows at once.
 */
@Injectable()
export class OutcomesPdfService {
  private readonly rendered = new Map<string, Promise<Buffer>>();

  constructor(private readonly renderer: RenderPool) {}

  pdf(list: PublicOutcomes): Promise<Buffer> {
    const key = createHash('sha256').update(JSON.stringify(list)).digest('hex');
    let pdf = this.rendered.get(key);
    if (!pdf) {
      pdf = this.renderer.render({ kind: 'outcomes-pdf', input: list });
      pdf.catch(() => this.rendered.delete(key));
      this.rendered.set(key, pdf);
      if (this.rendered.size > KEPT) this.rendered.delete(this.rendered.keys().next().value!);
    }
    return pdf;
  }
}
