import { EmptyState } from './empty-state.tsx';
import { ViewHeading } from './view-heading.tsx';

/** The manager's view of participation in their org (loaded on demand). */
export default function ParticipationView() {
  return (
    <>
      <ViewHeading title="Participation">
        How many people in your organisation take part, and which pairs may need help. Never what anyone said.
      </ViewHeading>
      <EmptyState title="No participation to show yet">
        Once a program runs, counts and trends for the people who report to you appear here. Groups smaller than five
        people show no figures, to protect privacy.
      </EmptyState>
    </>
  );
}
