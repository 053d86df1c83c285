/** Random id for cards, captures, annotations and assets (crypto.randomUUID exists in every context we run in). */
export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}
