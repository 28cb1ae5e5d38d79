/**
 * The instant a clinical form opens on: this minute, as its date-time field shows it. A record
 * must come after the pump's last one (a refill, a dose change), and in one visit the next is often
 * made within the same minute at the programmer: then it starts at this very second instead.
 */
export function openingInstant(now: Date, after: Date | null): Date {
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return after && minute <= after ? now : minute;
}
