-- Loaded by the wrk scripts: every thread counts its answers other than 200 and the total is
-- printed at the end as "failed answers: N" (bench/records.sh reads that line).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

failed = 0

function response(status, headers, body)
  if status ~= 200 then failed = failed + 1 end
end

function done(summary, latency, requests)
  local f = 0
  for _, t in ipairs(threads) do f = f + t:get("failed") end
  io.write(string.format("failed answers: %d\n", f))
end
