#!/usr/bin/env bash
# Rendering time of one big feed (CPU only, no database).
# Usage: bench/feed-render.sh [--sessions 2000] [--runs 30]
# Results: bench/results/feed-render-<timestamp>.txt
exec "$(dirname "$0")/run-java.sh" FeedRender "$@"
