-- A client's default payment terms ("Net 30", "Due on receipt", "EOM"),
-- which date the invoices its exports give neither a due date nor terms.
ALTER TABLE clients ADD COLUMN payment_terms TEXT NOT NULL DEFAULT '';

-- Whether the export stated the invoice's balance (an "Amount Due" column,
-- a paid amount, a paid or draft or void status). An invoice whose balance
-- was not stated owes its amount less the payments recorded against it,
-- reckoned again after every import of invoices or payments, so that the
-- two files reconcile to one balance in whichever order they come. Rows
-- stored before keep the balance they have.
ALTER TABLE invoices ADD COLUMN balance_stated INTEGER NOT NULL DEFAULT 1 CHECK (balance_stated IN (0, 1));

-- Draft and void invoices bill nothing and are never late; their status is
-- kept in one word so that every reading of lateness can leave them out.
UPDATE invoices SET status = 'draft'
    WHERE lower(trim(status)) IN ('draft', 'not sent', 'unsent', 'saved');
UPDATE invoices SET status = 'void'
    WHERE lower(trim(status)) IN ('void', 'voided', 'deleted', 'cancelled', 'canceled');
