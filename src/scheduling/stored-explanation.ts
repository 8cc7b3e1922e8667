import { currentPlaceName } from '../core/time/zone-names.ts';
import type { StoredPlan } from '../store/bookings.ts';

/**
 * A booking's explanation as the API shows it, with its places under their current names. Plans
 * keep the sentence written when they were made, and one made before Upward used current zone
 * names says "16:00 (Calcutta)"; `explainPlan` puts each place at the start of a bracket.
 */
export function storedExplanation(plan: StoredPlan | null): string | null {
  const explanation = plan?.explanation;
  // Rows written before plans carried an explanation have none.
  if (typeof explanation !== 'string') return null;
  return explanation.replace(/\(([^(),]+)(?=[,)])/g, (_, place: string) => `(${currentPlaceName(place)}`);
}
