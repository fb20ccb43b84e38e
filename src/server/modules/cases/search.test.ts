import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indexTokens, queryTokens, textSimilarity } from './search.ts';

test('a query word matches through bigrams the indexed text always has', () => {
  const indexed = new Set(indexTokens('小区的路灯坏了，晚上很黑').split(' '));
  for (const t of queryTokens('路灯坏')) assert.ok(indexed.has(t), t);
  assert.ok(!queryTokens('下水道').every((t) => indexed.has(t)));
});

test('Latin words and digits are tokens, lower-cased', () => {
  assert.deepEqual(queryTokens('LED 3号楼'), ['led', '3', '号楼']);
});

test('similar complaints score higher than different ones', () => {
  const a = '西嘎奴大院门口的路灯坏了好几天';
  assert.ok(textSimilarity(a, '西嘎奴大院门口路灯坏了') > 0.5);
  assert.ok(textSimilarity(a, '楼上邻居装修噪音太大') < 0.1);
});
