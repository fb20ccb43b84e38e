import type { Kysely } from 'kysely';
import type { DB } from '../../db/tables.ts';
import { CORRECTION_WEIGHT, type Classification, type Classifier, corpusExamples, defaultClassifier, trainClassifier } from '../../platform/text/classifier.ts';

/**
 * The classifier the case engine uses: the shipped corpus plus the corrections staff made (kept in
 * `classifier_examples`, weighted above ordinary examples). Retraining takes about a second, so it happens
 * off the request path: a correction marks the model stale and the scheduler's next pass retrains it.
 */
export class CaseClassifier {
  private model: Classifier | null = null;
  private corrections = -1;
  private stale = true;

  classify(text: string): Classification {
    return (this.model ?? defaultClassifier()).classify(text);
  }

  /** A correction was stored; the next refresh retrains. */
  markStale(): void {
    this.stale = true;
  }

  /** Retrains when corrections have been added since the last training. */
  async refresh(db: Kysely<DB>): Promise<boolean> {
    if (!this.stale) return false;
    this.stale = false;
    const rows = await db.selectFrom('classifier_examples').select(['text', 'category']).orderBy('created_at').execute();
    if (rows.length === this.corrections) return false;
    this.corrections = rows.length;
    this.model = rows.length === 0 ? defaultClassifier() : trainClassifier([...corpusExamples(), ...rows.map((r) => ({ text: r.text, category: r.category, weight: CORRECTION_WEIGHT }))]);
    return true;
  }
}
