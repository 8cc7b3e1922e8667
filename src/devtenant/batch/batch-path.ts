/** True for `/$batch` (relative to /v1.0), however it is spelled: `%24batch`, any case, a trailing slash. */
export function isBatchPath(path: string): boolean {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  return /^\/\$batch\/?$/i.test(decoded);
}
