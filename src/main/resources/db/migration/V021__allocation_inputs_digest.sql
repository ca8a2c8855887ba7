-- 021: what a preview was computed from (#17). A publication reads the fair again under the
-- booking locks and publishes the preview only if this digest of its inputs (the tracks'
-- sessions as booked, the booking rules, the changeover, the requests still asking, the shares)
-- is the same: the allocator is deterministic, so the preview is then exactly what it would
-- compute, and nothing is computed while the locks are held. NULL (none): never publishable.
ALTER TABLE allocations ADD COLUMN inputs_digest text;
