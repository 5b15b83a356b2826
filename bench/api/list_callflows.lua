-- One page (SB_PAGE_SIZE, 50 by default) of the account's callflow listing per request, at a random place:
-- the start keys are read from SB_KEYS (one a line, as next_start_key gave them while walking every page;
-- an empty line is the first page). Each request is one page a client walking the listing would ask for.
local common = dofile((os.getenv("SB_BENCH_DIR") or ".") .. "/common.lua")

local base = "/v2/accounts/" .. common.account .. "/callflows?page_size=" .. (os.getenv("SB_PAGE_SIZE") or "50")
local headers = common.headers()
local keys = {}

local file = assert(io.open(os.getenv("SB_KEYS") or error("SB_KEYS is not set"), "r"))
for line in file:lines() do
   table.insert(keys, line)
end
file:close()
assert(#keys > 0, "no start keys in " .. os.getenv("SB_KEYS"))

setup = common.setup

function init(args)
   math.randomseed(1000 + wrk.thread:get("tid"))
end

function request()
   local key = keys[math.random(#keys)]
   local path = key == "" and base or (base .. "&start_key=" .. key)
   return wrk.format("GET", path, headers)
end

done = common.done
