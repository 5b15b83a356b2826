-- Shared by the wrk scripts of bench/api: the auth header, per-thread ids, and one RESULT line at the end.
-- Environment: SB_TOKEN (X-Auth-Token), SB_ACCOUNT (account id), SB_SCENARIO (name printed in RESULT).
local common = {}

common.token = os.getenv("SB_TOKEN") or error("SB_TOKEN is not set")
common.account = os.getenv("SB_ACCOUNT") or error("SB_ACCOUNT is not set")
common.scenario = os.getenv("SB_SCENARIO") or "unnamed"

local threads = {}
local next_id = 0

-- wrk calls setup once per thread, in the main Lua state: number the threads.
function common.setup(thread)
   thread:set("tid", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

function common.headers(extra)
   local h = { ["X-Auth-Token"] = common.token, ["Accept"] = "application/json" }
   for k, v in pairs(extra or {}) do h[k] = v end
   return h
end

function common.threads()
   return threads
end

-- One machine-readable line for run.sh; latencies in ms. non2xx counts HTTP statuses >= 400 (wrk's own count),
-- socket counts connect/read/write errors and timeouts.
function common.done(summary, latency, requests)
   local e = summary.errors
   local secs = summary.duration / 1e6
   io.write(string.format(
      "RESULT scenario=%s requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
      common.scenario, summary.requests, secs, summary.requests / secs,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end

return common
