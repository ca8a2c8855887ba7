#!/usr/bin/env bash
# Registration-day rush on the demo fair, in process on an embedded PostgreSQL.
# Usage: bench/booking-rush.sh [--requests 2000] [--concurrency 200]
# Results: bench/results/booking-rush-<timestamp>.txt
exec "$(dirname "$0")/run-java.sh" bench/BookingRush.java "$@"
