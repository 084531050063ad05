-- A notice of termination for cause keeps the clause it cited, so that a
-- notice superseding it cites the same clause rather than asking the owner
-- to remember it. The sent letter stays the evidence of the clause: it is
-- in the record by its hash.
ALTER TABLE terminations ADD COLUMN for_cause INTEGER NOT NULL DEFAULT 0 CHECK (for_cause IN (0, 1));
ALTER TABLE terminations ADD COLUMN for_cause_clause TEXT NOT NULL DEFAULT '';

-- Notices recorded before: read back from the letter as it was sent. A
-- letter for cause opens "This letter is our written notice, under
-- <clause> of the <agreement> dated <date>, that we are ending the
-- agreement for cause." Only a legal hold (which only a notice for cause
-- places) or that sentence marks a notice as for cause; the clause is
-- taken only where the agreement the notice names follows it on the same
-- line, and is unescaped as the letter escaped it. A letter worded
-- otherwise (the owner's own template) or purged keeps the clause empty,
-- and a notice superseding it asks for the clause.
UPDATE terminations SET for_cause = 1
WHERE legal_hold = 1 OR document_id IN (SELECT id FROM documents
    WHERE kind = 'termination' AND instr(markdown, ', that we are ending the agreement for cause.') > 0);

CREATE TEMP TABLE cited AS
SELECT t.id AS id,
    substr(d.markdown, instr(d.markdown, 'This letter is our written notice, under ') + 41) AS rest,
    ' of the ' || t.agreement_name || ' dated ' AS anchor
FROM terminations t JOIN documents d ON d.id = t.document_id
WHERE t.for_cause = 1 AND t.agreement_name <> ''
    AND instr(d.markdown, 'This letter is our written notice, under ') > 0;

CREATE TEMP TABLE cited_clause AS
SELECT id, trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
        substr(rest, 1, instr(rest, anchor) - 1),
        '\`', '`'), '\*', '*'), '\_', '_'), '\[', '['), '\]', ']'), '\<', '<'), '\>', '>'), '\|', '|'),
        '\~', '~'), '\&', '&'), '\\', '\')) AS clause
FROM cited
WHERE instr(rest, anchor) > 1 AND instr(substr(rest, 1, instr(rest, anchor) - 1), char(10)) = 0;

UPDATE terminations SET for_cause_clause = (SELECT clause FROM cited_clause WHERE cited_clause.id = terminations.id)
WHERE id IN (SELECT id FROM cited_clause);

DROP TABLE cited;
DROP TABLE cited_clause;
