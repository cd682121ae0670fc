-- Included by purchase-known.sql and purchase.sql (PointsSql): what a purchase does to the customer's row k,
-- as the lock found it (concurrent purchases included, so the daily limit cannot be raced). @bonus is the
-- sure bonus (0 for none), which counts with the base points and only when they count.
        balance = k.balance + CASE WHEN earns_today(k.earn_day, k.earn_day_count, @today, @max_per_day) THEN @points + @bonus ELSE 0 END,
        lifetime_points = k.lifetime_points + CASE WHEN earns_today(k.earn_day, k.earn_day_count, @today, @max_per_day) THEN @points + @bonus ELSE 0 END,
        earn_day = @today,
        earn_day_count = CASE WHEN k.earn_day = @today THEN k.earn_day_count ELSE 0 END
                         + CASE WHEN @earns AND earns_today(k.earn_day, k.earn_day_count, @today, @max_per_day) THEN 1 ELSE 0 END,
        last_purchase_earned = @earns AND earns_today(k.earn_day, k.earn_day_count, @today, @max_per_day),
        lifetime_spend = k.lifetime_spend + @spend,
        visits = k.visits + 1,
        first_purchase_at = COALESCE(k.first_purchase_at, @now),
        last_purchase_at = GREATEST(k.last_purchase_at, @now),
        last_branch_id = @branch,
        eligible_since = CASE WHEN goal_reached(k.balance + CASE WHEN earns_today(k.earn_day, k.earn_day_count, @today, @max_per_day) THEN @points + @bonus ELSE 0 END, @goal)
                              THEN COALESCE(k.eligible_since, @now) END,
        name = COALESCE(k.name, @name),
        email = COALESCE(k.email, @email),
        birth_date = COALESCE(k.birth_date, @birth)
