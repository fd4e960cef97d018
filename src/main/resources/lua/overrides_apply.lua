-- Changes the operator overrides every gateway instance applies, announces the change and
-- returns them all. One key, so the script runs on Redis Cluster.
--
-- KEYS[1]  hash  "provider:<name>" -> "disabled" | "forced";  "pin:<route>" -> "<provider>/<model>"
-- ARGV[1]  set | clear (clear removes every override)
-- ARGV[2]  the field to set (set only)
-- ARGV[3]  its value (set only)
-- ARGV[4]  the channel every instance subscribes to
-- ARGV[5]  the announcement (the id of the instance that made the change)
-- Returns the hash after the change, as field, value, field, value, ...

if ARGV[1] == 'clear' then
  redis.call('DEL', KEYS[1])
else
  redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
end
redis.call('PUBLISH', ARGV[4], ARGV[5])
return redis.call('HGETALL', KEYS[1])
