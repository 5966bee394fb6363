-- The pages of a paged original (a PDF) each passage stood on, so that a quote can be cited as "p. 12".
-- Null for passages of formats without pages and for sections and citation markers.
alter table text_segment add column first_page integer;
alter table text_segment add column last_page integer;
alter table text_segment add constraint ck_text_segment_pages
    check (first_page is null or (first_page >= 1 and last_page >= first_page));
