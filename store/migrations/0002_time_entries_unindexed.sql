-- Time entries are the largest table by far (a million rows for a large
-- portfolio) and nothing reads them by client any more: the import keeps
-- client_months current from the rows it inserts, so only a client whose
-- entries an import updated is rebuilt from raw rows, by one scan of the
-- table. Building this index cost a first import of a million entries about
-- a quarter of its time.
DROP INDEX time_entries_client_worked;
