import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../context.ts';
import { requestLocale } from '../../http/locale.ts';
import { category as findCategory } from './taxonomy.ts';

const Suggestion = Type.Object({
  category: Type.String({ description: 'Minor category code; send it as `category` to confirm it' }),
  major: Type.String(),
  label: Type.String({ description: 'The minor category, in the caller\'s language' }),
  majorLabel: Type.String(),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
});

/**
 * 分类建议: what the classifier would make of a resident's sentence, shown before they submit so they can
 * confirm it or pick another. A category the reporter confirms is sent with the case and skips review.
 */
export function residentSuggestRoutes(app: App, ctx: AppContext): void {
  app.post('/api/v1/cases/suggest-category', {
    config: { rateLimit: { max: 120, timeWindow: 60_000 } },
    schema: {
      tags: ['cases'],
      summary: '分类建议 Suggest a category',
      description:
        'Public, no sign-in; nothing is stored. The classifier\'s most likely categories for a description, most likely first, with labels and confidence. ' +
        '`confident` says whether the first clears the threshold above which a report is dispatched without a person confirming the category.',
      body: Type.Object({ description: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ suggestions: Type.Array(Suggestion), confident: Type.Boolean() }) },
    },
  }, async (request) => {
    const en = requestLocale(request) === 'en';
    const guess = ctx.classifier.classify(request.body.description);
    const ranked = [{ category: guess.category, confidence: guess.confidence }, ...guess.alternatives];
    const suggestions = ranked.flatMap((s) => {
      const c = findCategory(s.category);
      return c ? [{ category: c.code, major: c.major, label: en ? c.en : c.zh, majorLabel: en ? c.majorEn : c.majorZh, confidence: s.confidence }] : [];
    });
    return { suggestions, confident: guess.confidence >= ctx.config.classifierThreshold };
  });
}
