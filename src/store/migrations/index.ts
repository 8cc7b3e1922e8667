import type { Migration, MigrationProvider } from 'kysely/migration';
import { conversationReferences0001 } from './0001-conversation-references.ts';
import { programs0002 } from './0002-programs.ts';
import { bookings0003 } from './0003-bookings.ts';
import { sentMessages0004 } from './0004-sent-messages.ts';
import { feedback0005 } from './0005-feedback.ts';
import { agendaBacklog0006 } from './0006-agenda-backlog.ts';
import { checkIns0007 } from './0007-check-ins.ts';
import { actionDone0008 } from './0008-action-done.ts';
import { teamsUserIds0009 } from './0009-teams-user-ids.ts';
import { programAdmins0010 } from './0010-program-admins.ts';
import { introductionSeries0011 } from './0011-introduction-series.ts';
import { messageClaims0012 } from './0012-message-claims.ts';

/**
 * Every migration, by name, in the order they apply (Kysely sorts the names, hence the
 * zero-padded prefix). A static list instead of scanning a folder: bundlers see the imports, and
 * adding a migration is a reviewed line here. Never rename or edit a migration that has shipped;
 * add a new one.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-conversation-references': conversationReferences0001,
  '0002-programs': programs0002,
  '0003-bookings': bookings0003,
  '0004-sent-messages': sentMessages0004,
  '0005-feedback': feedback0005,
  '0006-agenda-backlog': agendaBacklog0006,
  '0007-check-ins': checkIns0007,
  '0008-action-done': actionDone0008,
  '0009-teams-user-ids': teamsUserIds0009,
  '0010-program-admins': programAdmins0010,
  '0011-introduction-series': introductionSeries0011,
  '0012-message-claims': messageClaims0012,
};

/** The list above in the shape Kysely's Migrator asks for. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...migrations }),
};
