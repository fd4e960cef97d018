-- Shares one circuit breaker's state with every gateway instance: stores it and announces it.
-- All keys share the {breakers} hash tag, so the script (and the MGET that reads the states at
-- start) runs on Redis Cluster.
--
-- KEYS[1]  string  the target's state: the message below, expiring when the opening ends
-- KEYS[2]  set     every target id ever stored, so a starting instance knows which keys to read
-- ARGV[1]  the target id, "<provider>/<model>"
-- ARGV[2]  the message (JSON: instance, provider, model, state, openings, trialAt)
-- ARGV[3]  how long the state lives in ms; 0 for a closed breaker, whose key is deleted
-- ARGV[4]  the channel every instance subscribes to
-- Returns the number of subscribers that received the message.

if tonumber(ARGV[3]) > 0 then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
else
  redis.call('DEL', KEYS[1])
end
redis.call('SADD', KEYS[2], ARGV[1])
return redis.call('PUBLISH', ARGV[4], ARGV[2])
