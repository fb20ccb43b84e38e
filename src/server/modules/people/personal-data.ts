import { AppError } from '../../http/errors.ts';
import { now } from '../../platform/clock.ts';
import { type Gender, isValidMobile, normalizeIdNumber, parseIdNumber } from '../../platform/privacy.ts';

export interface PersonalDataInput {
  gender?: Gender | null;
  phone?: string | null;
  idNumber?: string | null;
  birthDate?: string | null;
}

export interface PersonalData {
  gender: Gender | null;
  phone: string | null;
  idNumber: string | null;
  birthDate: string | null;
}

/**
 * Checks a resident's phone and ID number (身份证号) and settles gender and birth date: an ID number decides both,
 * and a stated gender or birth date that contradicts it is refused rather than silently overwritten.
 * Used by the API and by the spreadsheet import, so both accept exactly the same people.
 */
export function settlePersonalData(input: PersonalDataInput, today: Date = now()): PersonalData {
  const phone = input.phone?.trim() || null;
  if (phone && !isValidMobile(phone)) throw new AppError('PHONE_INVALID', { field: 'phone' });
  const idNumber = input.idNumber ? normalizeIdNumber(input.idNumber) || null : null;
  const facts = idNumber ? parseIdNumber(idNumber, today) : null;
  if (idNumber && !facts) throw new AppError('ID_NUMBER_INVALID', { field: 'idNumber' });
  if (facts && input.gender && input.gender !== facts.gender) throw new AppError('ID_NUMBER_MISMATCH', { field: 'gender' });
  if (facts && input.birthDate && input.birthDate !== facts.birthDate) throw new AppError('ID_NUMBER_MISMATCH', { field: 'birthDate' });
  return {
    gender: facts?.gender ?? input.gender ?? null,
    phone,
    idNumber,
    birthDate: facts?.birthDate ?? input.birthDate ?? null,
  };
}

/**
 * The address that identifies a household inside its grid: compound (大院/小区), building (楼栋) and room (房号)
 * joined by spaces, e.g. `幸福小区 3栋 201`. The API and the import build it the same way, so re-importing a
 * household registered by hand finds it instead of duplicating it.
 */
export function householdAddress(compound: string, building?: string | null, room?: string | null): string {
  return [compound, building, room].map((part) => part?.trim()).filter(Boolean).join(' ');
}
