-- Time entries keep their duration to the second: trackers such as Toggl
-- and Clockify log entries of 40 seconds, and as whole minutes thirty of
-- them added up to nothing. The minutes column is replaced rather than
-- joined by a seconds column, so that one figure holds a duration and no
-- reader can take one half of it without the other. Rows stored before
-- held whole minutes, which are exactly their minutes times sixty.
ALTER TABLE time_entries RENAME COLUMN minutes TO seconds;
UPDATE time_entries SET seconds = seconds * 60;

-- The monthly roll-up sums seconds too: an import adds its entries to the
-- months it touches, and sums of rounded figures would drift from the
-- rows (two 40-second entries imported apart would count two minutes,
-- not one). Readers round a month's seconds to whole minutes, halves up.
ALTER TABLE client_months RENAME COLUMN minutes TO seconds;
ALTER TABLE client_months RENAME COLUMN billable_minutes TO billable_seconds;
ALTER TABLE client_months RENAME COLUMN oos_minutes TO oos_seconds;
ALTER TABLE client_months RENAME COLUMN us_minutes TO us_seconds;
ALTER TABLE client_months RENAME COLUMN oos_us_minutes TO oos_us_seconds;
UPDATE client_months SET seconds = seconds * 60, billable_seconds = billable_seconds * 60,
    oos_seconds = oos_seconds * 60, us_seconds = us_seconds * 60, oos_us_seconds = oos_us_seconds * 60;

-- A file of time entries imported before may hold seconds its rows lost:
-- imported again, it must be read rather than recorded as unchanged, so
-- that its entries get their seconds back.
UPDATE imports SET table_state = '' WHERE kind = 'time';
