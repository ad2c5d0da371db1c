import { randomInt } from 'node:crypto';

// Keys are made at run time so the repository never contains anything that looks like a real credential.
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;

/** `LTAI` + 20 alphanumerics mixing upper case, lower case and digits, like a current long-term AccessKey ID. */
export function fakeAccessKeyId(): string {
  return 'LTAI' + '5t' + mixedAlphanumerics(18);
}

/** 30 alphanumerics, like an AccessKey secret. */
export function fakeSecret(): string {
  return mixedAlphanumerics(30);
}

function mixedAlphanumerics(length: number): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < length; i++) {
      s += ALNUM[randomInt(ALNUM.length)];
    }
    // Placeholder filters reject single-class or repetitive strings; a realistic key mixes all three classes.
    const classes = [UPPER, LOWER, DIGITS].filter((set) => [...s].some((c) => set.includes(c))).length;
    if (classes === 3 && new Set(s).size >= length / 2 && !/example/i.test(s)) {
      return s;
    }
  }
}
