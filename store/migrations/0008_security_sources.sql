-- A security snapshot is now gathered from the reports that hold each part:
-- MFA from the identity provider's registration report, patches, operating
-- systems and backups from the RMM's device report. A report leaves the
-- parts it does not hold NULL (unknown), so importing one never overwrites
-- what another said, and scoring never reads "not reported" as 0%.
--
-- The counts behind the percentages are kept where a report lists accounts
-- or devices, so the evidence can say "7 of 9 accounts" and how many
-- devices had a patch status or an operating system the report did not
-- make known; those devices are counted, never dropped.
CREATE TABLE security_snapshots_new (
    id             INTEGER PRIMARY KEY,
    client_id      INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    taken_on       TEXT NOT NULL,
    mfa_pct        REAL CHECK (mfa_pct BETWEEN 0 AND 100),
    patch_pct      REAL CHECK (patch_pct BETWEEN 0 AND 100),
    eol_devices    INTEGER CHECK (eol_devices >= 0),
    total_devices  INTEGER CHECK (total_devices >= 0),
    backup_status  TEXT CHECK (backup_status IN ('ok', 'warning', 'failing', 'none')),
    mfa_accounts   INTEGER CHECK (mfa_accounts >= 0),
    mfa_registered INTEGER CHECK (mfa_registered >= 0 AND mfa_registered <= mfa_accounts),
    patch_compliant INTEGER CHECK (patch_compliant >= 0),
    patch_unknown  INTEGER CHECK (patch_unknown >= 0),
    os_unknown     INTEGER CHECK (os_unknown >= 0),
    UNIQUE (client_id, taken_on)
);
INSERT INTO security_snapshots_new (id, client_id, taken_on, mfa_pct, patch_pct, eol_devices, total_devices, backup_status)
    SELECT id, client_id, taken_on, mfa_pct, patch_pct, eol_devices, total_devices, backup_status FROM security_snapshots;
DROP TABLE security_snapshots;
ALTER TABLE security_snapshots_new RENAME TO security_snapshots;
