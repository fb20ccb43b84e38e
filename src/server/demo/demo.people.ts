/**
 * Invented people for the demo: Tibetan and Han names, mobile numbers and ID numbers that pass the
 * GB 11643 checksum, and households of believable ages. No name or number here belongs to a real person
 * on purpose; any match is chance.
 */
import type { Random } from './demo.random.ts';

export type Gender = 'male' | 'female';

export interface PersonDraft {
  name: string;
  gender: Gender;
  birthDate: string;
  idNumber: string;
  phone: string | null;
  isPartyMember: boolean;
}

/** Numbers already handed out, so no two demo people share an ID number or a phone. */
export interface Taken {
  idNumbers: Set<string>;
  phones: Set<string>;
}

// Ages are counted at this date, not today, so the demo stays the same year after year.
export const AGES_AS_OF = '2026-01-01';

// Tibetan names have no surname: usually a first part (often a weekday or an auspicious word, for anyone)
// and a second part that tells the gender; sometimes a single two-character name.
const TIBETAN_FIRST = ['扎西', '次仁', '格桑', '普布', '尼玛', '达瓦', '米玛', '边巴', '拉巴', '索朗', '次旦', '旦增', '洛桑', '平措', '益西', '白玛', '巴桑', '强巴', '德庆', '贡觉'];
const TIBETAN_MALE = ['多吉', '顿珠', '旺堆', '罗布', '群培', '加措', '贡布', '欧珠', '朗杰', '顿旦', '旺加', '桑珠', '晋美', '坚参', '土登', '平措', '次仁', '扎西'];
const TIBETAN_FEMALE = ['卓玛', '央金', '拉姆', '曲珍', '德吉', '玉珍', '央宗', '次珍', '卓嘎', '旺姆', '达珍', '拉珍', '边珍', '德央', '仓决', '措姆', '普赤', '琼达', '益珍', '桑姆'];
const HAN_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
const HAN_MALE = ['伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '斌', '浩', '鹏', '华', '建国', '志强', '海波', '文博', '俊杰', '子轩', '宇航', '建华', '国庆', '立新', '振宇'];
const HAN_FEMALE = ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '秀英', '桂兰', '玉兰', '淑珍', '雅琪', '欣怡', '梓涵', '婷婷', '晓燕', '丽华', '海燕', '春梅'];

// Mobile prefixes of the three carriers; all match 1[3-9]x.
const MOBILE_PREFIXES = ['133', '135', '136', '138', '139', '151', '153', '158', '173', '177', '180', '187', '189', '198', '199'];

// Where people were registered at birth: mostly 城关区 (540102), some elsewhere in Lhasa (5401xx).
const HOME_REGION = '540102';
const OTHER_REGIONS = ['540103', '540104', '540121', '540122', '540123', '540124', '540127'];

const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const GB11643_CHECK = '10X98765432';

/** The 18th character of a resident ID number (居民身份证号码, GB 11643) from the first 17 digits. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * GB11643_WEIGHTS[i]!;
  return GB11643_CHECK[sum % 11]!;
}

/** A person's name; a Han child may pass the family surname. */
export function personName(random: Random, gender: Gender, tibetan: boolean, surname?: string): string {
  if (tibetan) {
    const second = random.pick(gender === 'male' ? TIBETAN_MALE : TIBETAN_FEMALE);
    if (random.chance(0.15)) return second;
    let first = random.pick(TIBETAN_FIRST);
    while (first === second) first = random.pick(TIBETAN_FIRST);
    return first + second;
  }
  return (surname ?? random.pick(HAN_SURNAMES)) + random.pick(gender === 'male' ? HAN_MALE : HAN_FEMALE);
}

/** A mobile number nobody else in the demo has. */
export function mobileNumber(random: Random, taken: Taken): string {
  for (;;) {
    const phone = random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
    if (!taken.phones.has(phone)) {
      taken.phones.add(phone);
      return phone;
    }
  }
}

/** A birth date (YYYY-MM-DD) for someone `age` years old on AGES_AS_OF. */
export function birthDateForAge(random: Random, age: number): string {
  const asOf = Date.parse(`${AGES_AS_OF}T00:00:00Z`);
  const birthday = new Date(asOf);
  birthday.setUTCFullYear(birthday.getUTCFullYear() - age - 1);
  // Any day of the year before the (age+1)th birthday falls due.
  return new Date(birthday.getTime() + random.int(1, 365) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * An ID number: region, birth date, a sequence whose last digit is odd for men and even for women, and
 * the check digit. Unique across the demo.
 */
export function idNumber(random: Random, birthDate: string, gender: Gender, taken: Taken): string {
  const region = random.chance(0.8) ? HOME_REGION : random.pick(OTHER_REGIONS);
  const date = birthDate.replaceAll('-', '');
  let sequence = random.int(0, 498) * 2 + (gender === 'male' ? 1 : 2);
  for (;;) {
    const first17 = region + date + String(sequence).padStart(3, '0');
    const id = first17 + idCheckDigit(first17);
    if (!taken.idNumbers.has(id)) {
      taken.idNumbers.add(id);
      return id;
    }
    // Wrap within the same parity, so the gender digit stays right.
    sequence = sequence + 2 <= 999 ? sequence + 2 : 2 - (sequence % 2);
  }
}

function person(random: Random, taken: Taken, gender: Gender, age: number, tibetan: boolean, surname?: string): PersonDraft {
  const birthDate = birthDateForAge(random, age);
  return {
    name: personName(random, gender, tibetan, surname),
    gender,
    birthDate,
    idNumber: idNumber(random, birthDate, gender, taken),
    // Children under 16 rarely have a phone of their own; a few adults give none.
    phone: age >= 16 && random.chance(0.9) ? mobileNumber(random, taken) : null,
    // Some adults are party members (慈松塘 counts 89 among its residents, 002); 7% here.
    isPartyMember: age >= 25 && random.chance(0.07),
  };
}

const opposite = (g: Gender): Gender => (g === 'male' ? 'female' : 'male');
const HOUSEHOLD_SIZES = [1, 2, 2, 3, 3, 3, 4, 4, 5];

/**
 * The people of one household, head first: a spouse or an adult relative, then children or, in older
 * households, grown children and grandchildren.
 */
export function householdMembers(random: Random, taken: Taken, tibetan: boolean): PersonDraft[] {
  const size = random.pick(HOUSEHOLD_SIZES);
  const headGender: Gender = random.chance(0.55) ? 'male' : 'female';
  const headAge = random.int(28, 80);
  const head = person(random, taken, headGender, headAge, tibetan);
  const surname = tibetan ? undefined : head.name[0];
  const members = [head];
  if (size >= 2) {
    const spouse = random.chance(0.8);
    const age = Math.max(22, headAge + random.int(-6, 6));
    members.push(person(random, taken, spouse ? opposite(headGender) : random.pick(['male', 'female'] as const), age, tibetan, spouse ? undefined : surname));
  }
  while (members.length < size) {
    const gap = headAge > 60 && random.chance(0.5) ? random.int(45, 60) : random.int(22, 36);
    members.push(person(random, taken, random.pick(['male', 'female'] as const), Math.max(0, headAge - gap), tibetan, surname));
  }
  return members;
}

/** A staff member: a name and a work phone. */
export function staffMember(random: Random, taken: Taken, tibetanShare: number): { name: string; workPhone: string } {
  const gender: Gender = random.chance(0.5) ? 'male' : 'female';
  return { name: personName(random, gender, random.chance(tibetanShare)), workPhone: mobileNumber(random, taken) };
}
