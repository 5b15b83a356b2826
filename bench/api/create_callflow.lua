-- PUT of a new callflow per request, each with a number of its own: <SB_PREFIX><thread><7-digit counter>, so
-- numbers never repeat within a run (SB_PREFIX keeps them apart from the seeded ones).
local common = dofile((os.getenv("SB_BENCH_DIR") or ".") .. "/common.lua")

local prefix = os.getenv("SB_PREFIX") or "2"
local path = "/v2/accounts/" .. common.account .. "/callflows"
local headers = common.headers({ ["Content-Type"] = "application/json" })
local tid, issued = 0, 0

setup = common.setup

function init(args)
   tid = wrk.thread:get("tid")
end

function request()
   issued = issued + 1
   local number = string.format("%s%d%07d", prefix, tid, issued)
   local body = '{"data":{"name":"bench ' .. number .. '","numbers":["' .. number
      .. '"],"flow":{"module":"answer","data":{}}}}'
   return wrk.format("PUT", path, headers, body)
end

done = common.done
