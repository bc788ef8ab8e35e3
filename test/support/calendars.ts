import type { Organisation } from '../../src/org/schema';

/** Monday to Thursday 08–16, Friday 08–15, Oslo time, Norwegian public holidays off. */
export const osloOffice: Organisation['calendar'] = {
  timeZone: 'Europe/Oslo',
  holidays: 'NO',
  workingHours: {
    mon: { start: '08:00', end: '16:00' },
    tue: { start: '08:00', end: '16:00' },
    wed: { start: '08:00', end: '16:00' },
    thu: { start: '08:00', end: '16:00' },
    fri: { start: '08:00', end: '15:00' },
    sat: null,
  },
};
