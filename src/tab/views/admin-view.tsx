import { EmptyState } from './empty-state.tsx';
import { ViewHeading } from './view-heading.tsx';

/** The program admin's view (loaded on demand; only program admins reach it). */
export default function AdminView() {
  return (
    <>
      <ViewHeading title="Program admin">Create programs, run matching, publish pairs and follow how the program is going.</ViewHeading>
      <EmptyState title="No programs yet">
        Programs you create will be listed here with their pairs and health. Creating and running programs arrives in
        a coming release of Upward.
      </EmptyState>
    </>
  );
}
