/**
 * Live changes across server instances: what changed in the database, told to every verticle
 * of every instance within a fraction of a second, whichever instance made the change.
 *
 * <p>Triggers (migration 006) {@code pg_notify} the channel {@value LiveChanges#CHANNEL} at commit;
 * each instance's one {@link fr.parcours.db.Listener} connection receives it, {@link LiveChanges}
 * coalesces bursts for {@value LiveChanges#COALESCE_MS} ms and publishes each distinct change
 * once on the local event bus at address {@value LiveChanges#ADDRESS}. Consume it with
 * {@code vertx.eventBus().<JsonObject>consumer(LiveChanges.ADDRESS, message -> Change.of(message.body()))}.
 *
 * <p>Payload, a {@code JsonObject}:
 * <ul>
 *   <li>{@code {"fair_id": 12, "kind": "programme"}}: what a visitor sees of fair 12 changed —
 *       sessions' times, rooms, status, titles…, tracks, rooms, zones, venues, associations, the
 *       fair itself (name, status);</li>
 *   <li>{@code {"fair_id": 12, "kind": "availability"}}: only places changed — sessions' booked
 *       or capacity, bookings (a booking rush sends only these);</li>
 *   <li>{@code {"fair_id": 12, "kind": "selection"}}: a visitor's starred sessions changed;</li>
 *   <li>{@code {"fair_id": 12, "kind": "stands"}}: stand reservations changed (migration 009);</li>
 *   <li>{@code {"fair_id": 12, "kind": "arrivals"}}: a class was checked in (or undone) or marked
 *       present in a session (migration 022): places did not move;</li>
 *   <li>{@code {"kind": "resync"}} (no fair): listening (re)started after a connection loss, so
 *       changes may have been missed: forget or re-read everything.</li>
 * </ul>
 * {@link Change} reads it.
 */
package fr.parcours.live;
