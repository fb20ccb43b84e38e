import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  idNumberCheckChar,
  isValidIdNumber,
  isValidMobile,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  parseIdNumber,
} from './privacy.ts';

test('maskPhone keeps the first 3 and last 4 digits', () => {
  assert.equal(maskPhone('13800138000'), '138****8000');
  assert.equal(maskPhone('0891-6321234'), '********1234');
  assert.equal(maskPhone('110'), '***');
});

test('maskIdNumber keeps the region prefix and the last 4 characters', () => {
  assert.equal(maskIdNumber('540102199001011234'), '5401**********1234');
  assert.equal(maskIdNumber('11010519491231002X'), '1101**********002X');
  assert.equal(maskIdNumber('A1234567'), '****4567');
});

test('isValidMobile accepts 11-digit numbers from 13x to 19x only', () => {
  for (const ok of ['13800138000', '19912345678', '15089012345']) assert.ok(isValidMobile(ok), ok);
  for (const bad of ['12800138000', '1380013800', '138001380000', '+8613800138000', '138 0013 8000', '']) assert.ok(!isValidMobile(bad), bad);
});

test('the GB 11643 check character matches the standard example', () => {
  assert.equal(idNumberCheckChar('11010519491231002'), 'X');
  assert.equal(idNumberCheckChar('54010219900101123'), '3');
});

test('parseIdNumber derives birth date and gender (17th digit odd = male)', () => {
  assert.deepEqual(parseIdNumber('11010519491231002X'), { birthDate: '1949-12-31', gender: 'female' });
  assert.deepEqual(parseIdNumber('540102199001011233'), { birthDate: '1990-01-01', gender: 'male' });
});

test('parseIdNumber refuses bad checksums, impossible dates and malformed input', () => {
  assert.equal(parseIdNumber('540102199001011234'), null, 'wrong check character');
  const withDate = (date: string) => {
    const first17 = `540102${date}123`;
    return first17 + idNumberCheckChar(first17);
  };
  assert.ok(isValidIdNumber(withDate('20000229')), 'leap day exists in 2000');
  assert.ok(!isValidIdNumber(withDate('19000229')), '1900 was not a leap year');
  assert.ok(!isValidIdNumber(withDate('19901301')), 'month 13');
  assert.ok(!isValidIdNumber(withDate('18991231')), 'before 1900');
  assert.ok(!isValidIdNumber(withDate('20300101'), new Date('2026-01-01T00:00:00Z')), 'born in the future');
  assert.ok(!isValidIdNumber('11010519491231002x'), 'lower-case x must be normalised first');
  assert.ok(isValidIdNumber(normalizeIdNumber(' 11010519491231002x ')));
  for (const bad of ['', '1101051949123100', '11010519491231002XX', 'X1010519491231002X', '1101051949123100A2']) {
    assert.equal(parseIdNumber(bad), null, bad);
  }
});
