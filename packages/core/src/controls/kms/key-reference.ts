/**
 * KMS key references as the managed rules' parameters take them: key ids, key ARNs, alias names
 * and alias ARNs. A reference is reduced to `key/<id>` or `alias/<name>` so that an id matches its
 * ARN and an alias name its alias ARN; an alias never matches the key it points to (resolving it
 * would need KMS).
 */
export function keyReference(value: string): string {
  const text = value.trim();
  const arn = /^arn:aws[a-z-]*:kms:[^:]*:\d*:(key|alias)\/(.+)$/.exec(text);
  if (arn !== null) return `${arn[1]}/${arn[2]}`;
  if (text.startsWith('alias/')) return text;
  if (text.startsWith('key/')) return text;
  return `key/${text}`;
}

/** Whether the key a resource uses (`actual`) is one of the `allowed` references. */
export function keyMatches(actual: string, allowed: readonly string[]): boolean {
  const ref = keyReference(actual);
  return allowed.some((a) => keyReference(a) === ref);
}
