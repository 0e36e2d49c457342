-- Shared by every script (loaded with dofile before its own functions): one machine-readable line
-- with the figures of the run, and helpers. A script that checks its answers registers its threads
-- (bench_expect does) and counts, per thread, in "bad" the 2xx answers that are not what they should
-- be; they are errors too.
bench_threads = {}
bad = 0

function setup(thread)
  table.insert(bench_threads, thread)
end

-- The tokens of BENCH_TOKENS, one a line; with a thread count and a thread id (0-based), only that
-- thread's share: lines id, id + threads, id + 2 * threads, ...
function bench_tokens(threads, id)
  local tokens = {}
  local i = 0
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    if threads == nil or i % threads == id then
      tokens[#tokens + 1] = line
    end
    i = i + 1
  end
  return tokens
end

-- Counts as bad every 200 answer whose body does not contain the text.
function bench_expect(text)
  function response(status, headers, body)
    if status == 200 and not body:find(text, 1, true) then
      bad = bad + 1
    end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local total_bad = 0
  for _, thread in ipairs(bench_threads) do
    total_bad = total_bad + (thread:get("bad") or 0)
  end
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"non2xx":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"bad":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout, total_bad))
end
