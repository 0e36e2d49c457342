-- Shared by every script: one machine-readable line with the figures of the run. A script that
-- checks its answers registers its threads in bench_threads (from setup) and counts, per thread, in
-- "bad" the 2xx answers that are not what they should be; they are errors too.
bench_threads = bench_threads or {}

function done(summary, latency, requests)
  local e = summary.errors
  local bad = 0
  for _, thread in ipairs(bench_threads) do
    bad = bad + (thread:get("bad") or 0)
  end
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"non2xx":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"bad":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout, bad))
end
