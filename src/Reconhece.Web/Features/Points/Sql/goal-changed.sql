-- The owner changed the goal (Features/ProgramSettings/SaveProgramSettings): whoever now reaches it becomes
-- eligible (keeping an earlier date), whoever no longer does stops being eligible.
UPDATE customers SET eligible_since = CASE WHEN goal_reached(balance, @goal) THEN COALESCE(eligible_since, @now) END
WHERE business_id = @business AND (eligible_since IS NOT NULL OR goal_reached(balance, @goal))
