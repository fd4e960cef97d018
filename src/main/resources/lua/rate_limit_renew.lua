-- Extends the concurrency leases of streams still running on the calling instance, so they
-- outlive the lease ttl; the leases of an instance that died are not renewed and expire. XX
-- renews only leases that still exist: one released meanwhile is never brought back.
--
-- KEYS: lease sets (ZSET "<id>" -> expires at, us) of one tenant (one hash tag)
-- ARGV: lease ttl us, then for each key in order: its number of ids, then the ids
-- Returns the number of leases renewed.
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local ttl = tonumber(ARGV[1])
local keep = math.floor(ttl / 1000) + 1000
local at = 2
local renewed = 0
for _, leases in ipairs(KEYS) do
  local count = tonumber(ARGV[at])
  for i = 1, count do
    renewed = renewed + redis.call('ZADD', leases, 'XX', 'CH', now + ttl, ARGV[at + i])
  end
  at = at + count + 1
  redis.call('PEXPIRE', leases, keep)
end
return renewed
