import { Directory, snapshotOf } from '../../src/org/directory';
import { validateOrganisation } from '../../src/org/validate';

export const people = {
  asker: {
    email: 'kari.asker@fylke.example',
    name: 'Kari Asker',
    unit: 'hauge-vgs',
    aadObjectId: '10000000-0000-4000-8000-000000000000',
  },
  dentalAsker: { email: 'lise.pasient@fylke.example', name: 'Lise Holm', unit: 'sola-klinikk' },
  sverre: {
    email: 'sverre.lunde@fylke.example',
    name: 'Sverre Lunde',
    unit: 'hauge-vgs',
    aadObjectId: '10000000-0000-4000-8000-000000000001',
  },
  hilde: {
    email: 'hilde.berg@fylke.example',
    name: 'Hilde Berg',
    unit: 'hauge-vgs',
    aadObjectId: '10000000-0000-4000-8000-000000000002',
  },
  otherSuperuser: {
    email: 'per.dal@fylke.example',
    name: 'Per Dal',
    unit: 'bryne-vgs',
    aadObjectId: '10000000-0000-4000-8000-000000000003',
  },
  dentist: {
    email: 'tone.tann@fylke.example',
    name: 'Tone Tann',
    unit: 'sola-klinikk',
    aadObjectId: '10000000-0000-4000-8000-000000000004',
  },
  dentalCoordinator: {
    email: 'dag.koord@fylke.example',
    name: 'Dag Koord',
    unit: 'sola-klinikk',
    aadObjectId: '10000000-0000-4000-8000-000000000005',
  },
  coordinator: { email: 'anne.winter@fylke.example', name: 'Anne Winter', unit: 'opplaering' },
  systemResponsible: { email: 'arne.hope@fylke.example', name: 'Arne Hope', unit: 'hms' },
  admin: { email: 'eva.admin@fylke.example', name: 'Eva Admin', unit: 'hms' },
  helpdesk: {
    email: 'hanne.hjelp@fylke.example',
    name: 'Hanne Hjelp',
    unit: 'hms',
    aadObjectId: '10000000-0000-4000-8000-000000000009',
  },
} as const;

export const organisation = {
  name: 'Testfylket',
  units: [
    {
      id: 'hauge-vgs',
      name: 'Hauge vgs',
      workArea: 'skole',
      superusers: [people.sverre.email, people.hilde.email],
    },
    {
      id: 'bryne-vgs',
      name: 'Bryne vgs',
      workArea: 'skole',
      superusers: [people.otherSuperuser.email],
    },
    { id: 'sola-vgs', name: 'Sola vgs', workArea: 'skole', superusers: [] },
    { id: 'opplaering', name: 'Opplæringsavdelingen', workArea: 'sentral', superusers: [] },
    { id: 'hms', name: 'HMS-tjenesten', workArea: 'sentral', superusers: [] },
    {
      id: 'sola-klinikk',
      name: 'Sola tannklinikk',
      workArea: 'tannhelse',
      superusers: [people.dentist.email],
    },
  ],
  workAreas: [
    {
      id: 'skole',
      name: 'Skoler',
      coordinators: [people.coordinator.email],
      triageChannel: {
        teamId: '19:team-skole@thread.tacv2',
        channelId: '19:triage-skole@thread.tacv2',
        name: 'Qm+ triage skole',
      },
    },
    { id: 'tannhelse', name: 'Tannhelse', coordinators: [people.dentalCoordinator.email] },
    {
      id: 'sentral',
      name: 'Sentraladministrasjonen',
      coordinators: [people.systemResponsible.email],
    },
  ],
  people: Object.values(people),
  topics: [
    {
      id: 'ehandbok',
      name: { nb: 'E-håndbok', en: 'E-handbook' },
      systemResponsible: [people.systemResponsible.email],
      keywords: ['e-håndbok', 'håndbok', 'prosedyre'],
    },
    {
      id: 'avvik',
      name: { nb: 'Avvik', en: 'Deviations' },
      systemResponsible: [people.systemResponsible.email],
      keywords: ['avvik', 'uønsket hendelse'],
    },
    {
      id: 'annet',
      name: { nb: 'Annet', en: 'Other' },
      systemResponsible: [people.systemResponsible.email],
    },
  ],
  escalation: { superuser: 'PT4H', coordinator: 'PT8H', systemResponsible: 'P2D' },
  calendar: '24/7',
  vendor: { name: 'Leverandør AS', email: 'support@leverandor.example' },
  admins: [people.admin.email],
  helpdesk: [people.helpdesk.email],
};

export function testDirectory(): Directory {
  const result = validateOrganisation(organisation);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return new Directory(snapshotOf(result.org, 1, '2026-11-28T08:00:00.000Z'));
}
