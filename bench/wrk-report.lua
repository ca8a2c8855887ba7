-- wrk's summary as one line for bench/serve.sh to read:
-- RESULT requests_per_second p50_ms p99_ms errors non_2xx_3xx bytes_per_request requests
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local per_request = 0
  if summary.requests > 0 then per_request = summary.bytes / summary.requests end
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d %d\n", summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.errors.status, per_request, summary.requests))
end
