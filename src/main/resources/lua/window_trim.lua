-- Shared by rate_limit_admit.lua and rate_limit_settle.lua (inlined where they say
-- "#include window_trim"; they define `now` and `window` first). A log member is
-- "<request id>:<tokens>", scored by its admission time in microseconds; the sum beside the log
-- holds the tokens of the members in the window.
-- Drops the members that left the window and takes their tokens off the sum.
local function trim(log, sum)
  local cutoff = now - window
  local gone = redis.call('ZRANGEBYSCORE', log, '-inf', cutoff)
  if #gone == 0 then
    return
  end
  local freed = 0
  for _, entry in ipairs(gone) do
    freed = freed + tonumber(string.match(entry, ':(%d+)$'))
  end
  redis.call('ZREMRANGEBYSCORE', log, '-inf', cutoff)
  redis.call('DECRBY', sum, freed)
end
