-- What a publisher's token may do (issue 16): `declarations` (declare and withdraw about the
-- organisation's entries), or `publishing` (that, and ask the catalog to read one of the
-- organisation's repositories again, from a release pipeline). Tokens issued before this
-- migration may declare only, as they always could.
ALTER TABLE publisher_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'declarations'
    CHECK (scope IN ('declarations', 'publishing'));
