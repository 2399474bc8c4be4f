-- Declarations made in the browser by a member of the publisher signed in (issue 16), besides
-- those made through the API with a token: a row names its token or its member (the e-mail
-- address), at least one.
ALTER TABLE declarations ALTER COLUMN token_id DROP NOT NULL;
ALTER TABLE declarations ADD COLUMN member TEXT;
ALTER TABLE declarations ADD CONSTRAINT declarations_token_or_member
    CHECK (token_id IS NOT NULL OR member IS NOT NULL);
