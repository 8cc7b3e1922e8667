/** A compiled `[METHOD ]/path/{param}/...` pattern. */
export interface RoutePattern {
  matches(method: string, path: string): boolean;
}

/**
 * Compiles a route pattern such as `POST /users/{id}/calendar/getSchedule`: literal segments
 * compare case-insensitively (Graph's are), `{name}` and `*` match exactly one segment, and the
 * method, when given, must match.
 */
export function compileRoutePattern(pattern: string): RoutePattern {
  const match = /^(?:([A-Za-z]+)\s+)?(\/\S*)$/.exec(pattern.trim());
  if (!match) throw new Error(`not a route pattern: ${pattern}`);
  const method = match[1]?.toUpperCase();
  const parts = match[2]!.split('/').filter((s) => s !== '').map((s) => s.toLowerCase());
  const wildcard = (part: string): boolean => part === '*' || /^\{[^}]*\}$/.test(part);
  return {
    matches(requestMethod, path) {
      if (method !== undefined && method !== requestMethod.toUpperCase()) return false;
      const segments = path.split('/').filter((s) => s !== '');
      if (segments.length !== parts.length) return false;
      return parts.every((part, i) => wildcard(part) || part === safeDecode(segments[i]!).toLowerCase());
    },
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
