import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateGraphFacts, graphFacts, parseCsdl, TABLED_ACTIONS, TABLED_ENUMS, TABLED_TYPES } from '../../scripts/graph-facts.ts';
import { assertShape, loadGraphFacts } from './graph-facts.ts';

// Samples written by hand after the response examples of the Graph v1.0 reference (event get,
// calendar getSchedule, user mailboxSettings get), with the ids shortened.
const event = {
  '@odata.etag': 'W/"ZlnW4RIAV06KYYwlrfNZvQAAKGWwbw=="',
  id: 'AAMkAGIAAAoZDOFAAA=',
  createdDateTime: '2026-03-02T08:14:31.4306598Z',
  lastModifiedDateTime: '2026-03-02T08:14:32.1006744Z',
  changeKey: 'ZlnW4RIAV06KYYwlrfNZvQAAKGWwbw==',
  categories: [],
  transactionId: 'upward-pair-17-series',
  originalStartTimeZone: 'W. Europe Standard Time',
  originalEndTimeZone: 'W. Europe Standard Time',
  iCalUId: '040000008200E00074C5B7101A82E00800000000',
  reminderMinutesBeforeStart: 15,
  isReminderOn: true,
  hasAttachments: false,
  subject: 'Reverse mentoring: GenAI tools',
  bodyPreview: 'Agenda: prompting basics',
  importance: 'normal',
  sensitivity: 'normal',
  isAllDay: false,
  isCancelled: false,
  isOrganizer: true,
  responseRequested: true,
  seriesMasterId: null,
  showAs: 'busy',
  type: 'seriesMaster',
  webLink: 'https://outlook.office365.com/owa/?itemid=AAMkAGIAAAoZDOFAAA%3D&exvsurl=1&path=/calendar/item',
  onlineMeetingUrl: null,
  isOnlineMeeting: true,
  onlineMeetingProvider: 'teamsForBusiness',
  allowNewTimeProposals: true,
  cancelledOccurrences: [],
  recurrence: {
    pattern: { type: 'weekly', interval: 2, month: 0, dayOfMonth: 0, daysOfWeek: ['thursday'], firstDayOfWeek: 'sunday', index: 'first' },
    range: { type: 'numbered', startDate: '2026-03-05', endDate: '0001-01-01', recurrenceTimeZone: 'W. Europe Standard Time', numberOfOccurrences: 6 },
  },
  responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
  body: { contentType: 'html', content: '<html><body>Agenda: prompting basics</body></html>' },
  start: { dateTime: '2026-03-05T09:00:00.0000000', timeZone: 'W. Europe Standard Time' },
  end: { dateTime: '2026-03-05T09:45:00.0000000', timeZone: 'W. Europe Standard Time' },
  location: { displayName: 'Microsoft Teams Meeting', locationType: 'default', uniqueId: 'Microsoft Teams Meeting', uniqueIdType: 'private' },
  locations: [{ displayName: 'Microsoft Teams Meeting', locationType: 'default', uniqueIdType: 'unknown' }],
  attendees: [
    {
      type: 'required',
      status: { response: 'accepted', time: '2026-03-02T09:01:12.0000000Z' },
      emailAddress: { name: 'Adele Vance', address: 'adelev@contoso.com' },
    },
  ],
  organizer: { emailAddress: { name: 'Diego Siciliani', address: 'diegos@contoso.com' } },
  onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0' },
};

const scheduleInformation = {
  scheduleId: 'adelev@contoso.com',
  availabilityView: '000220000',
  scheduleItems: [
    {
      isPrivate: false,
      status: 'busy',
      subject: 'Budget review',
      location: 'Room 12',
      start: { dateTime: '2026-03-05T10:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-03-05T11:00:00.0000000', timeZone: 'UTC' },
    },
  ],
  workingHours: {
    daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    startTime: '08:00:00.0000000',
    endTime: '17:00:00.0000000',
    timeZone: { name: 'Pacific Standard Time' },
  },
};

const mailboxSettings = {
  '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('adelev%40contoso.com')/mailboxSettings",
  archiveFolder: 'AQMkAGI2TG93AAA=',
  timeZone: 'Pacific Standard Time',
  automaticRepliesSetting: {
    status: 'disabled',
    externalAudience: 'all',
    scheduledStartDateTime: { dateTime: '2026-03-20T02:00:00.0000000', timeZone: 'UTC' },
    scheduledEndDateTime: { dateTime: '2026-03-21T02:00:00.0000000', timeZone: 'UTC' },
    internalReplyMessage: '',
    externalReplyMessage: '',
  },
  language: { locale: 'en-US', displayName: 'English (United States)' },
  workingHours: {
    daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    startTime: '08:00:00.0000000',
    endTime: '17:00:00.0000000',
    timeZone: {
      '@odata.type': '#microsoft.graph.customTimeZone',
      bias: 480,
      name: 'Customized Time Zone',
      standardOffset: { time: '02:00:00.0000000', dayOccurrence: 1, dayOfWeek: 'sunday', month: 11, year: 0 },
      daylightOffset: { daylightBias: -60, time: '02:00:00.0000000', dayOccurrence: 2, dayOfWeek: 'sunday', month: 3, year: 0 },
    },
  },
  dateFormat: 'M/d/yyyy',
  timeFormat: 'h:mm tt',
  delegateMeetingMessageDeliveryOptions: 'sendToDelegateAndInformationToPrincipal',
};

const clone = <T>(value: T): T => structuredClone(value);

describe('assertShape', () => {
  it('accepts real event, schedule and mailbox-settings payloads', () => {
    expect(assertShape('event', event)).toEqual([]);
    expect(assertShape('scheduleInformation', scheduleInformation)).toEqual([]);
    expect(assertShape('mailboxSettings', mailboxSettings)).toEqual([]);
  });

  it('reports a wrong property name, also deep inside', () => {
    const wrong = clone(event) as Record<string, unknown>;
    wrong['subjcet'] = 'typo';
    (wrong['attendees'] as { emailAddress: Record<string, unknown> }[])[0]!.emailAddress['adress'] = 'x@contoso.com';
    expect(assertShape('event', wrong)).toEqual([
      'event.attendees[0].emailAddress.adress: emailAddress has no property adress',
      'event.subjcet: event has no property subjcet',
    ]);
  });

  it('reports wrong JSON types: string for boolean, object for array, bad dates and times', () => {
    const wrong = clone(event) as Record<string, unknown>;
    wrong['isAllDay'] = 'false';
    wrong['attendees'] = { type: 'required' };
    wrong['createdDateTime'] = '2026-03-02 08:14';
    wrong['reminderMinutesBeforeStart'] = 7.5;
    const problems = assertShape('event', wrong);
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/event\.isAllDay: expected a boolean \(Edm\.Boolean\), got string "false"/);
    expect(problems.join('\n')).toMatch(/event\.attendees: expected an array of graph\.attendee/);
    expect(problems.join('\n')).toMatch(/event\.createdDateTime: expected an ISO 8601 date-time/);
    expect(problems.join('\n')).toMatch(/event\.reminderMinutesBeforeStart: expected an integer/);

    const schedule = clone(scheduleInformation);
    (schedule.workingHours as Record<string, unknown>)['startTime'] = 8;
    expect(assertShape('scheduleInformation', schedule)).toEqual([
      'scheduleInformation.workingHours.startTime: expected an hh:mm:ss time (Edm.TimeOfDay), got number 8',
    ]);
  });

  it('checks enum members, case-insensitively', () => {
    const shouting = clone(scheduleInformation);
    schedule(shouting).status = 'Busy';
    expect(assertShape('scheduleInformation', shouting)).toEqual([]);
    schedule(shouting).status = 'away';
    expect(assertShape('scheduleInformation', shouting)).toEqual([
      'scheduleInformation.scheduleItems[0].status: expected a member of freeBusyStatus (unknown, free, tentative, busy, oof, workingElsewhere), got string "away"',
    ]);
  });

  it('follows @odata.type to derived types, and only then', () => {
    const plain = clone(mailboxSettings);
    delete (plain.workingHours.timeZone as Record<string, unknown>)['@odata.type'];
    expect(assertShape('mailboxSettings', plain).join('\n')).toMatch(/workingHours\.timeZone\.bias: timeZoneBase has no property bias/);
    const unrelated = clone(mailboxSettings);
    (unrelated.workingHours.timeZone as Record<string, unknown>)['@odata.type'] = '#microsoft.graph.emailAddress';
    expect(assertShape('mailboxSettings', unrelated).join('\n')).toMatch(/does not derive from timeZoneBase/);
  });

  it('refuses null where the CSDL says Nullable="false", and accepts it elsewhere', () => {
    expect(assertShape('event', { ...event, cancelledOccurrences: null })).toEqual(['event.cancelledOccurrences: must not be null']);
    expect(assertShape('event', { ...event, subject: null })).toEqual([]);
  });

  it('refuses types that are not tabled and values that are not objects', () => {
    expect(assertShape('calendar', {})).toEqual(['calendar: type is not in the fact table']);
    expect(assertShape('event', [])).toEqual(['event: expected a event object, got an array']);
  });
});

const schedule = (s: typeof scheduleInformation): { status: string } => s.scheduleItems[0]!;

describe('the committed fact table', () => {
  it('matches a fresh generation from the CSDL when the CSDL is present, else is complete and well-formed', () => {
    const csdl = fileURLToPath(new URL('../../../shared/graph/v1.0-Prod.csdl', import.meta.url));
    const committed = readFileSync(new URL('./graph-facts.json', import.meta.url), 'utf8');
    if (existsSync(csdl)) {
      // Branch 1: the source is here, so the table must be exactly what the generator makes of it.
      expect(committed).toBe(generateGraphFacts(csdl));
    } else {
      // Branch 2: no source on this machine; the table must still hold every tabled entry.
      const facts = loadGraphFacts();
      expect(facts.source).toBe('v1.0-Prod.csdl');
      expect(Object.keys(facts.types).sort()).toEqual([...TABLED_TYPES].sort());
      for (const name of TABLED_ENUMS) expect(facts.enums[name]?.members.length).toBeGreaterThan(1);
      expect(Object.keys(facts.actions).sort()).toEqual(Object.keys(TABLED_ACTIONS).sort());
      for (const type of Object.values(facts.types)) {
        expect(Object.keys(type.properties).length).toBeGreaterThan(0);
        for (const t of Object.values(type.properties)) expect(t).toMatch(/^(Collection\()?(Edm|graph)\.\w+\)?$/);
      }
      expect(committed).toBe(`${JSON.stringify(JSON.parse(committed), null, 2)}\n`);
    }
  });

  it('holds the facts Upward relies on', () => {
    const facts = loadGraphFacts();
    expect(facts.actions['getSchedule']).toEqual({
      kind: 'Action',
      boundTo: 'graph.calendar',
      parameters: {
        AvailabilityViewInterval: 'Edm.Int32',
        EndTime: 'graph.dateTimeTimeZone',
        Schedules: 'Collection(Edm.String)',
        StartTime: 'graph.dateTimeTimeZone',
      },
      returns: 'Collection(graph.scheduleInformation)',
    });
    expect(facts.types['event']!.baseTypes).toEqual(['outlookItem', 'entity']);
    expect(facts.types['event']!.properties['id']).toBe('Edm.String'); // merged from entity
    expect(facts.types['attendee']!.properties['emailAddress']).toBe('graph.emailAddress'); // from recipient
    expect(facts.enums['freeBusyStatus']!.members).toContain('workingElsewhere');
    expect(facts.navigationQueries['calendarView']!.on).toEqual(expect.arrayContaining(['user', 'calendar']));
  });
});

describe('the CSDL reader', () => {
  const xml = `<?xml version="1.0"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="microsoft.graph" Alias="graph">
  <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
  <EntityType Name="calendar" BaseType="graph.entity"><NavigationProperty Name="calendarView" Type="Collection(graph.event)" /></EntityType>
  <EntityType Name="user" BaseType="graph.entity"><NavigationProperty Name="calendarView" Type="Collection(graph.event)" /></EntityType>
  <EntityType Name="event" BaseType="graph.entity">
    <Property Name="subject" Type="Edm.String"><Annotation Term="Org.OData.Core.V1.Description"><String>a &quot;title&quot;</String></Annotation></Property>
    <Property Name="showAs" Type="graph.freeBusyStatus" />
    <NavigationProperty Name="instances" Type="Collection(graph.event)" />
  </EntityType>
  <ComplexType Name="scheduleInformation"><Property Name="scheduleId" Type="Edm.String" /></ComplexType>
  <EnumType Name="freeBusyStatus"><Member Name="free" Value="0" /><Member Name="busy" Value="1" /></EnumType>
  <Action Name="getSchedule" IsBound="true"><Parameter Name="bindingParameter" Type="graph.calendar" /><Parameter Name="Schedules" Type="Collection(Edm.String)" /><ReturnType Type="Collection(graph.scheduleInformation)" /></Action>
  <Action Name="getSchedule" IsBound="true"><Parameter Name="bindingParameter" Type="graph.somethingElse" /></Action>
  <Annotations Target="microsoft.graph.event"><Annotation Term="X"><Record><PropertyValue Property="Description" String="not a property" /></Record></Annotation></Annotations>
</Schema></edmx:DataServices></edmx:Edmx>`;

  it('reads types with inheritance, enums and overloaded actions, skipping annotations', () => {
    const model = parseCsdl(xml);
    expect(model.types.get('microsoft.graph.event')).toEqual({
      kind: 'entity',
      baseType: 'microsoft.graph.entity',
      properties: [
        ['subject', 'Edm.String', false],
        ['showAs', 'graph.freeBusyStatus', false],
      ],
      navigation: [['instances', 'Collection(graph.event)']],
    });
    expect(model.enums.get('microsoft.graph.freeBusyStatus')).toEqual({ members: ['free', 'busy'], flags: false });
    expect(model.operations.filter((o) => o.name === 'microsoft.graph.getSchedule')).toHaveLength(2);
  });

  it('names what the table needs and the CSDL lacks', () => {
    expect(() => graphFacts(parseCsdl(xml), 'tiny.csdl')).toThrow(/CSDL has no type microsoft\.graph\.user|CSDL has no type/);
    expect(() => parseCsdl('<Schema Namespace="x"><EntityType Name="a"></Schema>')).toThrow(/nesting/);
  });
});
