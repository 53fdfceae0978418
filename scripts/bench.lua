-- Prints one machine-readable line per run: requests/s and latency percentiles in ms.
-- BENCH_COOKIE (a Cookie header) signs every request in; BENCH_BUST=1 adds a query parameter
-- that changes on every request, so the anonymous page cache never answers (every request
-- is a miss). Without them wrk sends its default request.
local cookie = os.getenv("BENCH_COOKIE") or ""
local bust = os.getenv("BENCH_BUST") == "1"
local counter = 0

if cookie ~= "" or bust then
  request = function()
    local path = wrk.path
    if bust then
      counter = counter + 1
      local sep = string.find(path, "?", 1, true) and "&" or "?"
      path = string.format("%s%sbench=%d-%d", path, sep, math.random(1, 1e9), counter)
    end
    local headers = {}
    if cookie ~= "" then headers["Cookie"] = cookie end
    return wrk.format("GET", path, headers)
  end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d requests=%d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout,
    summary.requests))
end
