/** Text the CLI prints for scheduling runs and booked series. */

const pad = (n: number | null | undefined, width = 4): string => String(n ?? '-').padStart(width);

/** One line of a run's progress: done / total, results so far, phase and ETA. */
export function formatRunLine(run: any): string {
  const eta = run.etaSeconds === null || run.etaSeconds === undefined ? '' : `, about ${run.etaSeconds} s left`;
  return (
    `${run.runId}  ${run.status} (${run.phase})  ${run.done}/${run.total} pairs (${run.percent}%)${eta}: ` +
    `${run.booked} booked (${run.bookedWithMovedSessions} with moved sessions), ${run.noSlot} no slot, ${run.failed} failed; ${run.graphRequests} Graph requests`
  );
}

/** A run's progress and, when given, each pair's result. */
export function formatRun(run: any, pairs: any[] | undefined): string[] {
  const lines = [formatRunLine(run), `  program ${run.programId}, cycle ${run.cycle}; started ${run.startedAt ?? 'not yet'}${run.finishedAt ? `, finished ${run.finishedAt}` : ''}`];
  if (run.error) lines.push(`  last attempt stopped: ${run.error} (it resumes when retried)`);
  for (const p of pairs ?? []) {
    const detail = p.result === 'no_slot' || p.result === 'failed' ? `: ${p.reason}` : p.movedSessions + p.cancelledSessions > 0 ? ` (${p.movedSessions} moved, ${p.cancelledSessions} cancelled)` : '';
    lines.push(`  ${p.pairId.padEnd(12)} ${p.result.padEnd(27)} ${p.organiser} with ${p.attendee}${detail}`);
    lines.push(`  ${''.padEnd(12)} booking ${p.bookingId}`);
  }
  return lines;
}

/** A booked series with its explanation and every session. */
export function formatBooking(b: any): string[] {
  const lines = [
    `${b.organiser.name} (${b.organiser.role}, organiser) with ${b.attendee.name} (${b.attendee.role})  [${b.result}]`,
    `  booking ${b.bookingId}: program ${b.programId}, pair ${b.pairId}, cycle ${b.cycle}`,
  ];
  if (b.series) {
    const attendee = b.series.attendeeLocalTimes.join(' / ');
    lines.push(`  ${b.cadence}, ${b.durationMinutes} min: ${b.series.weekday} ${b.series.localTime} (${b.series.zone}), ${attendee} for ${b.attendee.name}; ${b.series.firstDate} to ${b.series.lastDate}`);
  }
  if (b.explanation) lines.push(`  why: ${b.explanation}`);
  if (b.reason) lines.push(`  ${b.state === 'no_slot' ? 'no slot' : b.state}: ${b.reason}`);
  if (b.joinUrl) lines.push(`  Teams: ${b.joinUrl}`);
  // Sessions are numbered as their cards number them ("session n of N", and `program send
  // --session n`): placed sessions in order of start, from 1; one never placed gets no number.
  const placed = b.sessions.filter((s: any) => s.status !== 'unplaced').sort((x: any, y: any) => Date.parse(x.start) - Date.parse(y.start));
  for (const s of b.sessions) {
    const conflict = s.conflict ? `  ! ${s.conflict.note}` : '';
    const n = placed.indexOf(s);
    lines.push(`  ${n < 0 ? '  -' : pad(n + 1, 3)}. ${s.start.slice(0, 16).replace('T', ' ')}Z  ${s.status}${conflict}`);
  }
  return lines;
}
