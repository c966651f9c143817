/**
 * Whether a condition seen on `count` consecutive fixes since `since` is established: after `fixes` fixes, or after
 * `seconds` of device time when at least two fixes agree (one fix alone is never enough on time: it may be a jump).
 */
export function established(count: number, since: number, t: number, fixes: number, seconds: number): boolean {
  return count >= fixes || (count >= 2 && t - since >= seconds * 1000);
}
