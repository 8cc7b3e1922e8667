/** What the invitation says: a subject both people recognise and the agenda summary in the body. */

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The default agenda when a program names none: the practice every session follows. */
export const DEFAULT_AGENDA: readonly string[] = [
  'Check-in: what happened since last time (5 min)',
  'Topic of the session: the mentor teaches, the mentee tries it out',
  'Reverse: the mentee shares strategy or career insight back',
  'One thing each of you will try before the next session (5 min)',
];

/** The invitation's subject and HTML body. */
export interface InvitationText {
  readonly subject: string;
  readonly bodyHtml: string;
}

/**
 * Subject and HTML body of a pair's recurring meeting. Names the mentor (the junior, who leads)
 * and the mentee, lists the agenda, and says why this time was chosen, so nobody has to ask.
 */
export function invitationText(input: {
  readonly programName: string;
  readonly mentorName: string;
  readonly menteeName: string;
  readonly agenda: readonly string[];
  readonly explanation: string;
}): InvitationText {
  const agenda = input.agenda.length > 0 ? input.agenda : DEFAULT_AGENDA;
  const subject = `${input.programName}: ${input.mentorName} & ${input.menteeName}`;
  const bodyHtml = [
    `<p>${escape(input.programName)} session. ${escape(input.mentorName)} mentors; ${escape(input.menteeName)} learns, and shares back.</p>`,
    '<p><b>Agenda</b></p>',
    `<ol>${agenda.map((item) => `<li>${escape(item)}</li>`).join('')}</ol>`,
    '<p>Upward sends the detailed agenda in Teams before each session and asks both of you for feedback after it.</p>',
    `<p><i>Why this time:</i> ${escape(input.explanation)}</p>`,
  ].join('\n');
  return { subject, bodyHtml };
}
