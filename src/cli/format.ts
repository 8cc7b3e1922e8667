/** Text the CLI prints for programs, proposals, enrolments and pairings. */

export function formatProgram(program: any): string[] {
  return [
    `${program.name}  (${program.id})`,
    `  state: ${program.state}, cycle ${program.rotationCycle}; next: ${program.nextStates?.join(', ') || 'none (final)'}`,
    `  ${program.cadence} sessions of ${program.sessionMinutes} min, ${program.term.start.slice(0, 10)} to ${program.term.end.slice(0, 10)}, organiser: ${program.organiser}`,
    `  topic tracks: ${program.topicTracks.join(', ')}`,
    ...(program.trackPlans ?? []).map(
      (plan: { track: string; sessionTopics: string[] }) => `  plan for ${plan.track}: ${plan.sessionTopics.map((topic, i) => `${i + 1}. ${topic}`).join('; ')}`,
    ),
    ...(program.objectives.length > 0 ? [`  objectives: ${program.objectives.join('; ')}`] : []),
    `  capacity ${program.capacityPerPerson} partner(s) per person, minimum seniority gap ${program.rules.minSeniorityGap}, trios ${program.rules.allowTrios ? 'allowed' : 'not allowed'}`,
  ];
}

export function formatProgramLine(program: any): string {
  return `${program.id}  ${program.state.padEnd(9)}  cycle ${program.rotationCycle}  ${program.name}`;
}

export function formatProposal(proposal: any): string[] {
  const lines = [
    `Proposal for cycle ${proposal.cycle} (${proposal.kind}): ${proposal.status}` +
      (proposal.status === 'running' ? '' : ` - ${proposal.pairs.length} pairs, ${proposal.unmatched.length} unmatched, total score ${proposal.totalScore}`),
  ];
  if (proposal.error) lines.push(`  last run failed: ${proposal.error.message}`);
  proposal.pairs.forEach((pair: any, index: number) => {
    const trio = pair.coMentor ? ` + ${pair.coMentor.displayName} (second mentor)` : '';
    lines.push(`  ${String(index + 1).padStart(2)}. ${pair.locked ? '[locked] ' : ''}${pair.mentor.displayName} (mentor)${trio} <-> ${pair.mentee.displayName} (mentee)  score ${pair.score}`);
    lines.push(`      ${pair.mentorId} <-> ${pair.menteeId}`);
    for (const reason of pair.reasons) lines.push(`      - ${reason}`);
  });
  if (proposal.unmatched.length > 0) {
    lines.push('Unmatched:');
    for (const person of proposal.unmatched) lines.push(`  - ${person.displayName} (${person.role}): ${person.reason}`);
  }
  if (proposal.trioSuggestions.length > 0) {
    lines.push('Trio suggestions:');
    for (const s of proposal.trioSuggestions) lines.push(`  - ${s.reasons[0]}`);
  }
  if (proposal.rejected.length > 0) {
    lines.push('Removed in review (not proposed again):');
    for (const r of proposal.rejected) lines.push(`  - ${r.mentorId} <-> ${r.menteeId}`);
  }
  return lines;
}

export function formatEnrolment(e: any): string {
  return `${e.userId}  ${e.role.padEnd(6)}  ${e.status.padEnd(6)}  ${e.displayName} (${e.jobTitle || 'no title'}, ${e.department || 'no department'})`;
}

export function formatPairing(p: any): string[] {
  const trio = p.coMentor ? ` + ${p.coMentor.displayName}` : '';
  const ended = p.endedAt ? `ended ${p.endedAt.slice(0, 10)} (${p.endReason})` : 'running';
  return [`${p.id}  cycle ${p.cycle}  ${p.mentor.displayName}${trio} <-> ${p.mentee.displayName}  ${ended}`];
}
