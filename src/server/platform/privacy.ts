/**
 * Residents' personal data: masking for every view outside the audited personal-data read, and the
 * validation of Chinese mobile numbers and resident ID numbers (居民身份证号码, GB 11643-1999).
 */

const MOBILE = /^1[3-9]\d{9}$/;
const ID_NUMBER = /^\d{17}[\dX]$/;
// GB 11643-1999: weight of each of the first 17 digits (2^(18-i) mod 11) and the check character for sum mod 11.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

export type Gender = 'male' | 'female';

/** 手机号脱敏: `13800138000` → `138****8000`. Anything that is not 11 characters is masked as a whole but its last 4. */
export function maskPhone(phone: string): string {
  if (phone.length === 11) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return maskMiddle(phone, 0, 4);
}

/** 身份证号脱敏: `540102199001011234` → `5401**********1234` (region prefix and last 4 stay). */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length === 18) return `${idNumber.slice(0, 4)}${'*'.repeat(10)}${idNumber.slice(14)}`;
  return maskMiddle(idNumber, 0, 4);
}

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd);
}

/** Whether a string is a mainland mobile number (11 digits, 13x-19x). */
export function isValidMobile(phone: string): boolean {
  return MOBILE.test(phone);
}

/** Trims an ID number and upper-cases a final `x`, the form people type and spreadsheets hold. */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

/** The GB 11643 check character for the first 17 digits of an ID number. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

export interface IdNumberFacts {
  /** `YYYY-MM-DD` */
  birthDate: string;
  gender: Gender;
}

/**
 * What an 18-character ID number says about its holder, or null when it is not a valid one: wrong length or
 * characters, wrong check character, or a birth date that does not exist, is before 1900 or after `today`.
 * The 17th digit is odd for men and even for women.
 */
export function parseIdNumber(idNumber: string, today: Date = new Date()): IdNumberFacts | null {
  if (!ID_NUMBER.test(idNumber)) return null;
  if (idNumberCheckChar(idNumber) !== idNumber[17]) return null;
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return null;
  if (birth.getTime() > today.getTime()) return null;
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  return { birthDate, gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Whether a string is a valid 18-character resident ID number. */
export function isValidIdNumber(idNumber: string, today?: Date): boolean {
  return parseIdNumber(idNumber, today) !== null;
}
